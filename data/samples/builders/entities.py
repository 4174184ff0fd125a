"""The invented cast shared by the NPPES, Overpass, roster and JSON-LD sources, and its overlaps with the site.

Everything is invented: people, businesses, street addresses, NPIs (random
but check-digit valid, so a number may coincide with a real NPI: the data
attached to it never does), license numbers, phone numbers (all 555-01xx with
the city's real area code) and domains (``.test`` / ``example.com|org|net``).
Cities, ZIP codes and coordinates are real.

Overlaps with the sample directory site (``site-truth.json``) are declared with
``site=<slug>`` and use the same name, 10-digit phone and 5-digit ZIP; if
``site-truth.json`` is present the builders assert that they really match.
"""

from __future__ import annotations

import json
import math

from .formats import SAMPLES
from .identifiers import RNG, new_npi, npi_is_valid

# --------------------------------------------------------------------------
# Real places: the cities the cast lives in
# --------------------------------------------------------------------------
CITY_CENTRES = {  # real city centres; every point below is within 5 km of its centre
    "Austin": (30.2672, -97.7431),
    "Round Rock": (30.5083, -97.6789),
    "Denver": (39.7392, -104.9903),
    "Boulder": (40.0150, -105.2705),
    "Portland": (45.5152, -122.6784),
    "Asheville": (35.5951, -82.5515),
    "Raleigh": (35.7796, -78.6382),
    "Chicago": (41.8781, -87.6298),
    "Tampa": (27.9506, -82.4572),
}
STATE_OF = {
    "Austin": "TX",
    "Round Rock": "TX",
    "Denver": "CO",
    "Boulder": "CO",
    "Portland": "OR",
    "Asheville": "NC",
    "Raleigh": "NC",
    "Chicago": "IL",
    "Tampa": "FL",
}
COUNTY_OF = {"Austin": "Travis", "Round Rock": "Williamson"}
CITY_ZIPS = {
    "Austin": {"78701", "78702", "78704", "78705", "78731", "78745", "78751", "78757"},
    "Round Rock": {"78664"},
    "Denver": {"80202", "80203", "80205", "80206", "80210", "80218"},
    "Boulder": {"80302", "80304"},
    "Portland": {"97201", "97205", "97209", "97214", "97232"},
    "Asheville": {"28801", "28803", "28806"},
    "Raleigh": {"27601", "27603", "27605"},
    "Chicago": {"60601", "60607", "60614", "60622", "60657"},
    "Tampa": {"33602", "33606", "33609"},
}
AREA_CODES = {
    "Austin": {"512"},
    "Round Rock": {"512"},
    "Denver": {"303"},
    "Boulder": {"303"},
    "Portland": {"503"},
    "Asheville": {"828"},
    "Raleigh": {"919"},
    "Chicago": {"312", "773"},
    "Tampa": {"813"},
}
STATE_NAMES = {"TX": "TEXAS", "CO": "COLORADO"}


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


# --------------------------------------------------------------------------
# Entities: invented providers/businesses shared by several sources.
# Fields: first/middle/last (person) or org (+ dba), credential, sex, street,
# unit, city, zip, phone (10 digits or None), site (slug in site-truth.json).
# --------------------------------------------------------------------------
ENTITIES: dict[str, dict] = {}


def ent(key, **kw):
    kw.setdefault("middle", "")
    kw.setdefault("unit", "")
    kw.setdefault("site", None)
    kw.setdefault("org", None)
    kw.setdefault("dba", None)
    kw["key"] = key
    kw["state"] = STATE_OF[kw["city"]]
    ENTITIES[key] = kw


# ---- Texas: same people/businesses as the sample directory site ----
ent(
    "jane",
    first="Jane",
    middle="M",
    last="Alvarez",
    cred="LMT",
    sex="F",
    street="1200 S Congress Ave",
    unit="Suite 210",
    city="Austin",
    zip="78704",
    phone="5125550142",
    site="jane-alvarez-austin",
    biz="Alvarez Therapeutic Bodywork",
)
ent(
    "marisol",
    first="Marisol",
    last="Vega",
    cred="L.M.T.",
    sex="F",
    street="2315 E Cesar Chavez St",
    city="Austin",
    zip="78702",
    phone="5125550143",
    site="marisol-vega-austin",
)
ent(
    "tomas",
    first="Tomas",
    last="Reyes",
    cred="LMT",
    sex="M",
    street="2501 Guadalupe St",
    unit="Ste 3",
    city="Austin",
    zip="78705",
    phone="5125550144",
    site="tomas-reyes-austin",
)
ent(
    "elaine",
    first="Elaine",
    last="Park",
    cred="PT, DPT",
    prefix="DR.",
    sex="F",
    street="3801 N Capital of Texas Hwy",
    unit="Bldg E",
    city="Austin",
    zip="78731",
    phone="5125550145",
    site="elaine-park-austin",
    biz="Park Orthopedic & Medical Massage",
)
ent(
    "ben",
    first="Ben",
    last="Whitaker",
    cred="LMT",
    sex="M",
    street="4500 S 1st St",
    city="Austin",
    zip="78745",
    phone="5125550146",
    site="ben-whitaker-austin",
)
ent(
    "keisha",
    first="Keisha",
    last="Brooks",
    cred="LMT",
    sex="F",
    street="1608 S Lamar Blvd",
    unit="Unit B",
    city="Austin",
    zip="78704",
    phone="5125550151",
    site="keisha-brooks-austin",
    biz="Brooks Neuromuscular Studio",
)
ent(
    "aaron",
    first="Aaron",
    last="Feld",
    cred="LMT",
    sex="M",
    street="5555 N Lamar Blvd",
    unit="Suite C-110",
    city="Austin",
    zip="78751",
    phone="5125550153",
    site="aaron-feld-austin",
)
ent(
    "carla",
    first="Carla",
    last="Nguyen",
    cred="LMT",
    sex="F",
    street="1101 E Palm Valley Blvd",
    unit="Suite 108",
    city="Round Rock",
    zip="78664",
    phone="5125550154",
    site="carla-nguyen-round-rock",
)
ent(
    "renee",
    first="Renee",
    last="Castillo",
    cred="LMT",
    sex="F",
    street="2525 W Anderson Ln",
    unit="Ste 4",
    city="Austin",
    zip="78757",
    phone="5125550149",
    site="renee-castillo-austin",
)
ent(
    "willow",
    org="Willow Creek Day Spa & Boutique LLC",
    dba="Willow Creek Day Spa",
    street="301 Congress Ave",
    unit="Suite 150",
    city="Austin",
    zip="78701",
    phone="5125550147",
    site="willow-creek-day-spa-austin",
    official=("HOLLY", "MARTEN", "OWNER"),
)
# ---- Texas: no site counterpart ----
ent(
    "lucia",
    first="Lucia",
    last="Ferrante",
    cred="LMT",
    sex="F",
    street="2110 S 1st St",
    city="Austin",
    zip="78704",
    phone="5125550110",
    biz="Ferrante Deep Tissue",
)
ent(
    "owen",
    first="Owen",
    middle="T",
    last="Price",
    cred="L.M.T.",
    sex="M",
    street="5501 Manchaca Rd",
    city="Austin",
    zip="78745",
    phone="5125550111",
)
ent(
    "harper",
    first="Harper",
    last="Lindgren",
    cred="LMT",
    sex="F",
    street="2700 W Anderson Ln",
    unit="Ste 212",
    city="Austin",
    zip="78757",
    phone="5125550112",
)
ent(
    "desmond",
    first="Desmond",
    middle="A",
    last="Okoro",
    cred="LMT, NCBTMB",
    sex="M",
    street="4300 Speedway",
    city="Austin",
    zip="78751",
    phone="5125550113",
)
ent(
    "yuki",
    first="Yuki",
    last="Tanaka",
    cred="--",
    sex="F",
    street="2021 Guadalupe St",
    unit="Ste 260",
    city="Austin",
    zip="78705",
    phone="5125550114",
)
ent(
    "greta",
    first="Greta",
    middle="L",
    last="Nyquist",
    cred="LMT",
    sex="F",
    street="3706 Jefferson St",
    city="Austin",
    zip="78731",
    phone="5125550115",
)
ent(
    "roy",
    first="Roy",
    last="Delgado",
    cred="LMT",
    sex="M",
    street="1000 N Mays St",
    city="Round Rock",
    zip="78664",
    phone="5125550116",
)
ent(
    "pauline",
    first="Pauline",
    middle="R",
    last="Escobar",
    cred="LMT",
    sex="F",
    street="1300 E 7th St",
    city="Austin",
    zip="78702",
    phone="5125550117",
)
ent(
    "samira",
    first="Samira",
    last="Haddad",
    cred="LMT",
    sex="F",
    street="600 Congress Ave",
    unit="Ste 1400",
    city="Austin",
    zip="78701",
    phone="5125550118",
)
ent(
    "trevor",
    first="Trevor",
    last="Banks",
    cred="LMT",
    sex="M",
    street="2500 W William Cannon Dr",
    unit="Ste 604",
    city="Austin",
    zip="78745",
    phone="5125550119",
)
ent(
    "capital",
    org="Capital City Medical Massage PLLC",
    dba="Capital City Sciatica Relief",
    street="700 Lavaca St",
    unit="Ste 300",
    city="Austin",
    zip="78701",
    phone="5125550121",
    official=("MARGARET", "ELLISON", "MANAGING MEMBER"),
)
ent(
    "bullcreek",
    org="Bull Creek Myofascial Therapy LLC",
    street="4101 Bull Creek Rd",
    city="Austin",
    zip="78731",
    phone="5125550122",
    official=("COLETTE", "BAPTISTE", "OWNER"),
)
ent(
    "joseib",
    first="Jose",
    last="Ibarra",
    cred="LMT",
    sex="M",
    street="1400 E Old Settlers Blvd",
    unit="Ste 3",
    city="Round Rock",
    zip="78664",
    phone="5125550123",
)
ent(
    "nadia",
    first="Nadia",
    last="Petrova",
    cred="LMT",
    sex="F",
    street="5000 N Lamar Blvd",
    unit="Ste 120",
    city="Austin",
    zip="78751",
    phone="5125550124",
)
ent(
    "caleb",
    first="Caleb",
    middle="J",
    last="Morrow",
    cred="PT, DPT",
    sex="M",
    street="3000 Duval St",
    city="Austin",
    zip="78705",
    phone="5125550125",
    biz="Morrow Sports Physical Therapy",
)
ent(
    "irene",
    first="Irene",
    last="Soto",
    cred="PT",
    sex="F",
    street="1700 E 2nd St",
    city="Austin",
    zip="78702",
    phone="5125550126",
)
ent(
    "gabriel",
    first="Gabriel",
    last="Fuentes",
    cred="DC",
    prefix="DR.",
    sex="M",
    street="2400 S Congress Ave",
    city="Austin",
    zip="78704",
    phone="5125550127",
    biz="South Congress Chiropractic",
)
ent(
    "andrea",
    first="Andrea",
    last="Kovac",
    cred="DC",
    sex="F",
    street="7800 Shoal Creek Blvd",
    unit="Ste 100",
    city="Austin",
    zip="78757",
    phone="5125550128",
)
# ---- other states: same as the sample directory site ----
ent(
    "marcus",
    first="Marcus",
    last="O'Neil",
    cred="LMT, NCBTMB",
    sex="M",
    street="1550 Wewatta St",
    unit="Suite 4",
    city="Denver",
    zip="80202",
    phone="3035550150",
    site="marcus-oneil-denver",
)
ent(
    "grace",
    first="Grace",
    last="Whitfield",
    cred="LMT",
    sex="F",
    street="1701 Wynkoop St",
    unit="Suite 220",
    city="Denver",
    zip="80202",
    phone="3035550165",
    site="grace-whitfield-denver",
)
ent(
    "cedar",
    org="Cedar Clinic LLC",
    dba="Cedar Clinical Massage",
    street="800 Grant St",
    unit="Suite 300",
    city="Denver",
    zip="80203",
    phone="3035550161",
    site="cedar-clinical-massage-denver",
    official=("ROWAN", "PIERCE", "DIRECTOR"),
)
ent(
    "aspen",
    first="Aspen",
    last="Chen",
    cred="LMT",
    sex="F",
    street="2525 Broadway",
    city="Boulder",
    zip="80304",
    phone="3035550172",
    site="aspen-chen-boulder",
)
ent(
    "eli",
    first="Eli",
    last="Brandt",
    cred="LMT",
    sex="M",
    street="1911 11th St",
    unit="Suite 201",
    city="Boulder",
    zip="80302",
    phone="3035550170",
    site="eli-brandt-boulder",
    biz="Flatiron Sports Massage",
)
ent(
    "dana",
    first="Dana",
    middle="J",
    last="McDonald",
    cred="CMT",
    sex="F",
    street="1830 SE Hawthorne Blvd",
    unit="Suite 4",
    city="Portland",
    zip="97214",
    phone="5035550180",
    site="dana-mcdonald-portland",
    biz="Hawthorne Bodywork",
)
ent(
    "wren",
    first="Wren",
    last="Holloway",
    cred="LMBT",
    sex="F",
    street="25 Broadway St",
    unit="Suite 2",
    city="Asheville",
    zip="28801",
    phone="8285550190",
    site="wren-holloway-asheville",
)
ent(
    "priya",
    first="Priya",
    last="DeLuca",
    cred="LMBT",
    sex="F",
    street="410 Glenwood Ave",
    unit="Suite 4",
    city="Raleigh",
    zip="27603",
    phone="9195550120",
    site="priya-deluca-raleigh",
    biz="DeLuca Neuromuscular",
)
ent(
    "anton",
    first="Anton",
    last="Kowalski",
    cred="LMT",
    sex="M",
    street="1000 W Randolph St",
    unit="Suite 3",
    city="Chicago",
    zip="60607",
    phone="3125550130",
    site="anton-kowalski-chicago",
)
ent(
    "jose",
    first="Jose",
    last="Ortega",
    cred="LMT",
    sex="M",
    street="1000 W Kennedy Blvd",
    unit="Suite 202",
    city="Tampa",
    zip="33606",
    phone="8135550140",
    site="jose-ortega-tampa",
)
ent(
    "victor",
    first="Victor",
    last="Anand",
    cred="DC",
    prefix="DR.",
    sex="M",
    street="201 E Kennedy Blvd",
    unit="Suite 700",
    city="Tampa",
    zip="33602",
    phone="8135550145",
    site="victor-anand-tampa",
)
ent(
    "rosecity",
    org="Rose City Day Spa",
    street="915 SW Taylor St",
    city="Portland",
    zip="97205",
    phone="5035550182",
    site="rose-city-day-spa-portland",
)
ent(
    "lotustide",
    org="Lotus Tide Day Spa",
    street="400 N Ashley Dr",
    unit="Suite 100",
    city="Tampa",
    zip="33602",
    phone="8135550141",
    site="lotus-tide-day-spa-tampa",
)
# ---- other states: no site counterpart ----
ent(
    "lena",
    first="Lena",
    last="Forsberg",
    cred="PT, DPT",
    sex="F",
    street="2600 E 2nd Ave",
    unit="Ste 10",
    city="Denver",
    zip="80206",
    phone="3035550140",
)
ent(
    "marco",
    first="Marco",
    last="Bellini",
    cred="PT",
    sex="M",
    street="1500 NE Irving St",
    unit="Ste 350",
    city="Portland",
    zip="97232",
    phone="5035550140",
)
ent(
    "rosa",
    first="Rosa",
    middle="E",
    last="Jimenez",
    cred="PT, DPT",
    sex="F",
    street="2100 N Lincoln Ave",
    city="Chicago",
    zip="60614",
    phone="7735550140",
)
ent(
    "curtis",
    first="Curtis",
    last="Lambert",
    cred="DC",
    sex="M",
    street="700 Haywood Rd",
    city="Asheville",
    zip="28806",
    phone="8285550140",
)
ent(
    "felix",
    first="Felix",
    last="Wagner",
    cred="DC",
    sex="M",
    street="1700 W Division St",
    city="Chicago",
    zip="60622",
    phone="7735550141",
)
ent(
    "odette",
    first="Odette",
    last="Fontenot",
    cred="LMBT",
    sex="F",
    street="2000 Clark Ave",
    city="Raleigh",
    zip="27605",
    phone="9195550140",
)
# ---- bulk-file-only providers ----
ent(
    "kwame",
    first="Kwame",
    last="Asante",
    cred="LMT",
    sex="M",
    street="1100 E 11th St",
    city="Austin",
    zip="78702",
    phone="5125550160",
)
ent(
    "lila",
    first="Lila",
    last="Morgenstern",
    cred="LMT",
    sex="F",
    street="2222 Rio Grande St",
    city="Austin",
    zip="78705",
    phone="5125550161",
)
ent(
    "sofia",
    first="Sofia",
    last="Duarte",
    cred="L.Ac., L.M.T.",
    sex="F",
    street="4700 S Congress Ave",
    city="Austin",
    zip="78745",
    phone="5125550162",
)
ent(
    "brianna",
    first="Brianna",
    last="Kellogg",
    cred="LMT",
    sex="F",
    street="2601 W Anderson Ln",
    city="Austin",
    zip="78757",
    phone="5125550163",
)
ent(
    "mopac",
    org="MoPac Medical Massage LLC",
    dba="MoPac Massage & Bodywork",
    street="3800 N Lamar Blvd",
    unit="Ste 730",
    city="Austin",
    zip="78731",
    phone="5125550164",
    official=("GLENN", "ROURKE", "PRESIDENT"),
)
ent(
    "henry",
    first="Henry",
    last="Caldwell",
    cred="LMT",
    sex="M",
    street="300 W Main St",
    city="Round Rock",
    zip="78664",
    phone="5125550172",
)
ent(
    "talia",
    first="Talia",
    last="Rosen",
    cred="LMT",
    sex="F",
    street="1400 E 18th Ave",
    city="Denver",
    zip="80218",
    phone="3035550141",
)
ent(
    "kenji",
    first="Kenji",
    last="Yamada",
    cred="ATC, LMT",
    sex="M",
    street="2900 Larimer St",
    city="Denver",
    zip="80205",
    phone="3035550142",
)
ent(
    "nora",
    first="Nora",
    last="Quintero",
    cred="LMT",
    sex="F",
    street="1300 Walnut St",
    city="Boulder",
    zip="80302",
    phone="3035550148",
)
ent(
    "beth",
    first="Beth",
    last="Anselm",
    cred="LMT",
    sex="F",
    street="1200 NE Broadway",
    city="Portland",
    zip="97232",
    phone="5035550141",
)
ent(
    "isaac",
    first="Isaac",
    last="Ferrell",
    cred="LMBT",
    sex="M",
    street="1600 Hendersonville Rd",
    city="Asheville",
    zip="28803",
    phone="8285550141",
)
ent(
    "monica",
    first="Monica",
    last="Strand",
    cred="LMBT",
    sex="F",
    street="200 S Salisbury St",
    city="Raleigh",
    zip="27601",
    phone="9195550141",
)
ent(
    "damian",
    first="Damian",
    last="Pietrzak",
    cred="LMT",
    sex="M",
    street="1800 W North Ave",
    city="Chicago",
    zip="60622",
    phone="7735550142",
)
ent(
    "celeste",
    first="Celeste",
    last="Moreau",
    cred="LMT",
    sex="F",
    street="3600 W Bay to Bay Blvd",
    city="Tampa",
    zip="33609",
    phone="8135550150",
)
ent(
    "wendy",
    first="Wendy",
    last="Hargrove",
    cred="PT, DPT",
    sex="F",
    street="3705 Medical Pkwy",
    city="Austin",
    zip="78731",
    phone="5125550165",
)
ent(
    "nathan",
    first="Nathan",
    last="Cole",
    cred="PTA",
    sex="M",
    street="4800 S Congress Ave",
    city="Austin",
    zip="78745",
    phone="5125550166",
)
ent(
    "eastpt",
    org="Eastside Sports Physical Therapy PLLC",
    street="2000 E Cesar Chavez St",
    city="Austin",
    zip="78702",
    phone="5125550167",
    official=("DARIUS", "KEMP", "OWNER"),
)
ent(
    "rafael",
    first="Rafael",
    last="Mendes",
    cred="DC",
    sex="M",
    street="900 S Mays St",
    city="Round Rock",
    zip="78664",
    phone="5125550173",
)
ent(
    "joan",
    first="Joan",
    last="Pritchett",
    cred="DC",
    sex="F",
    street="1600 S University Blvd",
    city="Denver",
    zip="80210",
    phone="3035550143",
)
ent(
    "oscar",
    first="Oscar",
    last="Halvorsen",
    cred="PT",
    sex="M",
    street="1800 SW 1st Ave",
    city="Portland",
    zip="97201",
    phone="5035550142",
)
ent(
    "amelia",
    first="Amelia",
    last="Voss",
    cred="DC",
    sex="F",
    street="3200 N Clark St",
    city="Chicago",
    zip="60657",
    phone="7735550143",
)
ent(
    "gerald",
    first="Gerald",
    last="Pike",
    cred="MD",
    sex="M",
    street="1000 Brazos St",
    city="Austin",
    zip="78701",
    phone="5125550168",
)
ent(
    "linda",
    first="Linda",
    last="Crowe",
    cred="DDS",
    sex="F",
    street="1500 S Lamar Blvd",
    city="Austin",
    zip="78704",
    phone="5125550169",
)
ent(
    "patrick",
    first="Patrick",
    last="Ngata",
    cred="PHARMD",
    sex="M",
    street="2900 Speedway",
    city="Austin",
    zip="78705",
    phone="5125550170",
)
ent(
    "dental",
    org="Congress Avenue Family Dental PLLC",
    street="815 Congress Ave",
    city="Austin",
    zip="78701",
    phone="5125550171",
    official=("IVY", "CHAMBERS", "OWNER"),
)
ent(
    "helen",
    first="Helen",
    last="Ashworth",
    cred="MD",
    sex="F",
    street="2400 Round Rock Ave",
    city="Round Rock",
    zip="78664",
    phone="5125550174",
)
ent(
    "vikram",
    first="Vikram",
    last="Rao",
    cred="OD",
    sex="M",
    street="1600 Champa St",
    city="Denver",
    zip="80202",
    phone="3035550144",
)
ent(
    "claire",
    first="Claire",
    last="Beaumont",
    cred="FNP",
    sex="F",
    street="1100 SW 6th Ave",
    city="Portland",
    zip="97205",
    phone="5035550143",
)
ent(
    "leonard",
    first="Leonard",
    last="Fisk",
    cred="LCSW",
    sex="M",
    street="90 Coxe Ave",
    city="Asheville",
    zip="28801",
    phone="8285550142",
)
ent(
    "dme",
    org="Triangle Durable Medical Supply Inc",
    street="800 S Saunders St",
    city="Raleigh",
    zip="27603",
    phone="9195550142",
    official=("WALTER", "BRYCE", "CEO"),
)
ent(
    "arjun",
    first="Arjun",
    last="Mehta",
    cred="MD",
    sex="M",
    street="180 N Michigan Ave",
    unit="Ste 1100",
    city="Chicago",
    zip="60601",
    phone="3125550140",
)
ent(
    "pharmacy",
    org="Bayshore Community Pharmacy LLC",
    street="4200 W Kennedy Blvd",
    city="Tampa",
    zip="33609",
    phone="8135550151",
    official=("ROSALIND", "GRAY", "PHARMACIST IN CHARGE"),
)
ent(
    "diana",
    first="Diana",
    last="Mercer",
    cred="MD",
    sex="F",
    street="2000 W Platt St",
    city="Tampa",
    zip="33606",
    phone="8135550152",
)
ent(
    "eric",
    first="Eric",
    last="Langston",
    cred="LMT",
    sex="M",
    street="5200 N Lamar Blvd",
    city="Austin",
    zip="78751",
    phone="5125550175",
)
# ---- Overpass / JSON-LD / roster-only businesses ----
ent(
    "bangkok",
    org="Bangkok Lotus Thai Massage",
    street="2810 Guadalupe St",
    city="Austin",
    zip="78705",
    phone="5125550176",
)
ent("eastsoak", org="Eastside Stone & Soak", street="1901 E 6th St", city="Austin", zip="78702", phone="5125550130")
ent(
    "palmvalley",
    org="Palm Valley Massage",
    street="600 E Palm Valley Blvd",
    unit="Ste 200",
    city="Round Rock",
    zip="78664",
    phone="5125550131",
)
ent(
    "southlamar",
    org="South Lamar Sciatica Relief Massage",
    street="2900 S Lamar Blvd",
    unit="Ste 110",
    city="Austin",
    zip="78704",
    phone="5125550132",
)
ent("rino", org="RiNo Recovery Massage", street="2800 Walnut St", city="Denver", zip="80205", phone="3035550145")
ent(
    "cheesman",
    org="Cheesman Park Physiotherapy",
    street="1250 E 13th Ave",
    city="Denver",
    zip="80218",
    phone="3035550146",
)
ent(
    "milehigh",
    org="Mile High Spine & Massage Clinic",
    street="1800 Gaylord St",
    city="Denver",
    zip="80206",
    phone="3035550147",
)
ent(
    "mapleton",
    org="Mapleton Deep Tissue",
    street="2800 Broadway",
    unit="Suite 3",
    city="Boulder",
    zip="80304",
    phone="3035550149",
)
ent(
    "pearl",
    org="Pearl District Relaxation Spa",
    street="1000 NW Johnson St",
    city="Portland",
    zip="97209",
    phone="5035550144",
)
ent(
    "westavl",
    org="West Asheville Chiropractic",
    street="710 Haywood Rd",
    city="Asheville",
    zip="28806",
    phone="8285550144",
)
ent(
    "avltp",
    org="Asheville Trigger Point Center",
    street="50 Broadway St",
    city="Asheville",
    zip="28801",
    phone="8285550143",
)
ent(
    "oakwood",
    org="Oakwood Trigger Point Studio",
    street="500 N Person St",
    city="Raleigh",
    zip="27601",
    phone="9195550143",
)
ent(
    "glenwood",
    org="Glenwood Hot Stone Retreat",
    street="1020 Wade Ave",
    unit="Ste 5",
    city="Raleigh",
    zip="27605",
    phone="9195550144",
)
ent(
    "fulton",
    org="Fulton Market Bodywork",
    street="1000 W Fulton Market",
    unit="Suite 210",
    city="Chicago",
    zip="60607",
    phone="3125550141",
)
ent(
    "lpthai",
    org="Lincoln Park Thai Massage",
    street="1900 N Halsted St",
    city="Chicago",
    zip="60614",
    phone="7735550144",
)
ent(
    "hydeswedish", org="Hyde Park Swedish Spa", street="1600 W Swann Ave", city="Tampa", zip="33606", phone="8135550153"
)
ent("sohosports", org="SoHo Sports Massage", street="300 S Howard Ave", city="Tampa", zip="33606", phone="8135550154")
ent(
    "tampabay", org="Tampa Bay Swedish & Aroma", street="1200 W Platt St", city="Tampa", zip="33606", phone="8135550155"
)
# roster-only
ent(
    "lonestar",
    org="Lone Star Institute of Massage Therapy, Inc.",
    street="5701 N Lamar Blvd",
    city="Austin",
    zip="78751",
    phone="5125550177",
)
ent(
    "veronica",
    first="Veronica",
    last="Hale",
    cred="LMT",
    sex="F",
    street="5701 N Lamar Blvd",
    city="Austin",
    zip="78751",
    phone="5125550178",
)
ent(
    "dale",
    first="Dale",
    middle="W",
    last="Ackerman",
    cred="LMT",
    sex="M",
    street="1801 E Riverside Dr",
    city="Austin",
    zip="78704",
    phone=None,
)
ent(
    "priscilla",
    first="Priscilla",
    last="Yoon",
    cred="LMT",
    sex="F",
    street="2400 E Cesar Chavez St",
    city="Austin",
    zip="78702",
    phone=None,
)
ent(
    "terrence",
    first="Terrence",
    last="Wyatt",
    cred="LMT",
    sex="M",
    street="2000 S Mays St",
    unit="Ste 12",
    city="Round Rock",
    zip="78664",
    phone="5125550179",
)


def check_entities() -> None:
    phones: dict[str, str] = {}
    for key, e in ENTITIES.items():
        assert e["zip"] in CITY_ZIPS[e["city"]], key
        if e["phone"]:
            assert e["phone"][:3] in AREA_CODES[e["city"]], key
            assert e["phone"][3:8] == "55501", key
            assert e["phone"] not in phones, (key, phones.get(e["phone"]))
            phones[e["phone"]] = key


check_entities()
for _k in sorted(ENTITIES):  # one RNG pass in a fixed order: the first draws of RNG (see identifiers)
    ENTITIES[_k]["zip4"] = f"{RNG.randint(1000, 9899):04d}"


def display_name(e) -> str:
    return e["org"] if e["org"] else f"{e['first']} {e['last']}"


def zip9(e) -> str:
    return e["zip"] + e["zip4"]


def assign_npis(keys) -> None:
    """Give each entity named in ``keys`` a new NPI, in that order (``RNG`` draws)."""
    for key in keys:
        ENTITIES[key]["npi"] = new_npi()
    for key in keys:
        assert npi_is_valid(ENTITIES[key]["npi"]), key


# --------------------------------------------------------------------------
# Overlaps with the sample directory site (declared with site=<slug>)
# --------------------------------------------------------------------------
def load_site_truth():
    """site-truth.json by slug, or None if the site has not been built."""
    path = SAMPLES / "site-truth.json"
    if not path.exists():
        return None
    return {r["slug"]: r for r in json.loads(path.read_text(encoding="utf-8"))}


def check_site_match(truth, slug, name_hint, phone, zip5) -> None:
    """A source record declared as the site listing ``slug`` really has its phone and ZIP."""
    if truth is None:
        return
    t = truth[slug]
    assert t["duplicate_of"] is None, slug
    assert t["phone_digits"] == phone, (slug, phone, t["phone_digits"])
    assert t["zip"] == zip5, (slug, zip5, t["zip"])
    assert name_hint, slug


def check_site_phones(truth) -> None:
    """Entities without a declared site counterpart must not share a site phone."""
    if truth is None:
        return
    site_phones = {t["phone_digits"] for t in truth.values() if t["phone_digits"]}
    for key, e in ENTITIES.items():
        assert e["site"] or e["phone"] not in site_phones, (key, e["phone"])
