"""Generate the fictional NPPES, Overpass, roster and JSON-LD sample sources served by `therapists demo` and the tests.

Run from anywhere (paths are relative to this file):

    python3 data/samples/build_sources.py

It writes, byte-for-byte deterministically (stdlib only, no timestamps; the only
randomness is ``random.Random(7)``, used for NPIs, ZIP+4 suffixes, epoch
time-of-day and OSM ids):

* ``nppes/registry.json``: a JSON *array* of NPPES NPI Registry API v2.1
  ``results`` objects (not the ``{"result_count", "results"}`` envelope).
  Both shapes are mixed: "old" (2019-style: integer ``number``, epoch
  *seconds* as integers, ``basic.gender``, ``basic.name``, no ``endpoints``,
  taxonomy ``desc`` without comma, e.g. "Physical Therapist Orthopedic") and
  "new" (string ``number``, epoch *milliseconds* as strings, ``basic.sex``,
  ``"--"`` placeholders, ``endpoints``, ``taxonomy_group`` on every taxonomy,
  desc with comma, e.g. "Physical Therapist, Orthopedic").
* ``nppes/bulk/npidata_pfile_20261101-20261107.csv``: NPPES dissemination file
  rows under the real 330-column header. Every value double-quoted
  (``csv.QUOTE_ALL``, header included as in the CMS file), lines end with
  ``"\\r\\n"``, UTF-8 without BOM. Deactivated rows carry only the NPI and the
  deactivation date, as CMS publishes them.
* ``overpass/interpreter.json`` (``out center tags`` output) and
  ``overpass/timeout.json`` (HTTP-200 style runtime-error remark, no elements).
* ``rosters/tx_massage_roster.csv``: a fictional licensing-board export,
  ``csv.QUOTE_MINIMAL``, lines end with ``"\\n"``, UTF-8 without BOM.
* ``jsonld-site/``: ``robots.txt``, ``index.html`` and ``p/<slug>.html``
  profiles whose fields exist only as schema.org JSON-LD or microdata
  (this folder is deleted and rewritten).
* ``sources-truth.json``: the counts and overlaps the tests assert, computed
  from the data below.

Everything is invented: people, businesses, street addresses, NPIs (random
but check-digit valid, so a number may coincide with a real NPI: the data
attached to it never does), license numbers, phone numbers (all 555-01xx with
the city's real area code) and domains (``.test`` / ``example.com|org|net``).
Cities, ZIP codes and coordinates are real.

Overlaps with the sample directory site (``site-truth.json``) are declared with
``site=<slug>`` and use the same name, 10-digit phone and 5-digit ZIP; if
``site-truth.json`` is present the script asserts that they really match.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import math
import random
import shutil
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
RNG = random.Random(7)

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def npi_check_digit(first9: str) -> str:
    """Luhn check digit of an NPI: computed over "80840" + the first nine digits."""
    total = 0
    for i, ch in enumerate(reversed("80840" + first9)):
        d = int(ch)
        if i % 2 == 0:  # the digit next to the (future) check digit is doubled
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def npi_is_valid(npi: str) -> bool:
    if len(npi) != 10 or not npi.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed("80840" + npi)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


assert npi_is_valid("1234567893") and npi_check_digit("123456789") == "3"

_USED_NPIS: set[str] = set()


def new_npi() -> str:
    while True:
        first9 = "1" + "".join(str(RNG.randint(0, 9)) for _ in range(8))
        npi = first9 + npi_check_digit(first9)
        if npi not in _USED_NPIS:
            _USED_NPIS.add(npi)
            return npi


def fmt_phone(digits: str, style: str = "dash") -> str:
    a, b, c = digits[:3], digits[3:6], digits[6:]
    return {
        "dash": f"{a}-{b}-{c}",
        "paren": f"({a}) {b}-{c}",
        "plain": digits,
        "intl": f"+1 {a}-{b}-{c}",
        "intl_dash": f"+1-{a}-{b}-{c}",
        "intl_space": f"+1 {a} {b} {c}",
        "dot": f"{a}.{b}.{c}",
    }[style]


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def write_json(path: Path, obj) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(obj, fh, indent=2)
        fh.write("\n")


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


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
STATE_OF = {"Austin": "TX", "Round Rock": "TX", "Denver": "CO", "Boulder": "CO", "Portland": "OR",
            "Asheville": "NC", "Raleigh": "NC", "Chicago": "IL", "Tampa": "FL"}
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
AREA_CODES = {"Austin": {"512"}, "Round Rock": {"512"}, "Denver": {"303"}, "Boulder": {"303"},
              "Portland": {"503"}, "Asheville": {"828"}, "Raleigh": {"919"},
              "Chicago": {"312", "773"}, "Tampa": {"813"}}
STATE_NAMES = {"TX": "TEXAS", "CO": "COLORADO"}

# --------------------------------------------------------------------------
# Entities: invented providers/businesses shared by several sources.
# Fields: first/middle/last (person) or org (+ dba), credential, sex, street,
# unit, city, zip, phone (10 digits or None), site (slug in site-truth.json).
# --------------------------------------------------------------------------
E: dict[str, dict] = {}


def ent(key, **kw):
    kw.setdefault("middle", "")
    kw.setdefault("unit", "")
    kw.setdefault("site", None)
    kw.setdefault("org", None)
    kw.setdefault("dba", None)
    kw["key"] = key
    kw["state"] = STATE_OF[kw["city"]]
    E[key] = kw


# ---- Texas: same people/businesses as the sample directory site ----
ent("jane", first="Jane", middle="M", last="Alvarez", cred="LMT", sex="F", street="1200 S Congress Ave", unit="Suite 210", city="Austin", zip="78704", phone="5125550142", site="jane-alvarez-austin", biz="Alvarez Therapeutic Bodywork")
ent("marisol", first="Marisol", last="Vega", cred="L.M.T.", sex="F", street="2315 E Cesar Chavez St", city="Austin", zip="78702", phone="5125550143", site="marisol-vega-austin")
ent("tomas", first="Tomas", last="Reyes", cred="LMT", sex="M", street="2501 Guadalupe St", unit="Ste 3", city="Austin", zip="78705", phone="5125550144", site="tomas-reyes-austin")
ent("elaine", first="Elaine", last="Park", cred="PT, DPT", prefix="DR.", sex="F", street="3801 N Capital of Texas Hwy", unit="Bldg E", city="Austin", zip="78731", phone="5125550145", site="elaine-park-austin", biz="Park Orthopedic & Medical Massage")
ent("ben", first="Ben", last="Whitaker", cred="LMT", sex="M", street="4500 S 1st St", city="Austin", zip="78745", phone="5125550146", site="ben-whitaker-austin")
ent("keisha", first="Keisha", last="Brooks", cred="LMT", sex="F", street="1608 S Lamar Blvd", unit="Unit B", city="Austin", zip="78704", phone="5125550151", site="keisha-brooks-austin", biz="Brooks Neuromuscular Studio")
ent("aaron", first="Aaron", last="Feld", cred="LMT", sex="M", street="5555 N Lamar Blvd", unit="Suite C-110", city="Austin", zip="78751", phone="5125550153", site="aaron-feld-austin")
ent("carla", first="Carla", last="Nguyen", cred="LMT", sex="F", street="1101 E Palm Valley Blvd", unit="Suite 108", city="Round Rock", zip="78664", phone="5125550154", site="carla-nguyen-round-rock")
ent("renee", first="Renee", last="Castillo", cred="LMT", sex="F", street="2525 W Anderson Ln", unit="Ste 4", city="Austin", zip="78757", phone="5125550149", site="renee-castillo-austin")
ent("willow", org="Willow Creek Day Spa & Boutique LLC", dba="Willow Creek Day Spa", street="301 Congress Ave", unit="Suite 150", city="Austin", zip="78701", phone="5125550147", site="willow-creek-day-spa-austin", official=("HOLLY", "MARTEN", "OWNER"))
# ---- Texas: no site counterpart ----
ent("lucia", first="Lucia", last="Ferrante", cred="LMT", sex="F", street="2110 S 1st St", city="Austin", zip="78704", phone="5125550110", biz="Ferrante Deep Tissue")
ent("owen", first="Owen", middle="T", last="Price", cred="L.M.T.", sex="M", street="5501 Manchaca Rd", city="Austin", zip="78745", phone="5125550111")
ent("harper", first="Harper", last="Lindgren", cred="LMT", sex="F", street="2700 W Anderson Ln", unit="Ste 212", city="Austin", zip="78757", phone="5125550112")
ent("desmond", first="Desmond", middle="A", last="Okoro", cred="LMT, NCBTMB", sex="M", street="4300 Speedway", city="Austin", zip="78751", phone="5125550113")
ent("yuki", first="Yuki", last="Tanaka", cred="--", sex="F", street="2021 Guadalupe St", unit="Ste 260", city="Austin", zip="78705", phone="5125550114")
ent("greta", first="Greta", middle="L", last="Nyquist", cred="LMT", sex="F", street="3706 Jefferson St", city="Austin", zip="78731", phone="5125550115")
ent("roy", first="Roy", last="Delgado", cred="LMT", sex="M", street="1000 N Mays St", city="Round Rock", zip="78664", phone="5125550116")
ent("pauline", first="Pauline", middle="R", last="Escobar", cred="LMT", sex="F", street="1300 E 7th St", city="Austin", zip="78702", phone="5125550117")
ent("samira", first="Samira", last="Haddad", cred="LMT", sex="F", street="600 Congress Ave", unit="Ste 1400", city="Austin", zip="78701", phone="5125550118")
ent("trevor", first="Trevor", last="Banks", cred="LMT", sex="M", street="2500 W William Cannon Dr", unit="Ste 604", city="Austin", zip="78745", phone="5125550119")
ent("capital", org="Capital City Medical Massage PLLC", dba="Capital City Sciatica Relief", street="700 Lavaca St", unit="Ste 300", city="Austin", zip="78701", phone="5125550121", official=("MARGARET", "ELLISON", "MANAGING MEMBER"))
ent("bullcreek", org="Bull Creek Myofascial Therapy LLC", street="4101 Bull Creek Rd", city="Austin", zip="78731", phone="5125550122", official=("COLETTE", "BAPTISTE", "OWNER"))
ent("joseib", first="Jose", last="Ibarra", cred="LMT", sex="M", street="1400 E Old Settlers Blvd", unit="Ste 3", city="Round Rock", zip="78664", phone="5125550123")
ent("nadia", first="Nadia", last="Petrova", cred="LMT", sex="F", street="5000 N Lamar Blvd", unit="Ste 120", city="Austin", zip="78751", phone="5125550124")
ent("caleb", first="Caleb", middle="J", last="Morrow", cred="PT, DPT", sex="M", street="3000 Duval St", city="Austin", zip="78705", phone="5125550125", biz="Morrow Sports Physical Therapy")
ent("irene", first="Irene", last="Soto", cred="PT", sex="F", street="1700 E 2nd St", city="Austin", zip="78702", phone="5125550126")
ent("gabriel", first="Gabriel", last="Fuentes", cred="DC", prefix="DR.", sex="M", street="2400 S Congress Ave", city="Austin", zip="78704", phone="5125550127", biz="South Congress Chiropractic")
ent("andrea", first="Andrea", last="Kovac", cred="DC", sex="F", street="7800 Shoal Creek Blvd", unit="Ste 100", city="Austin", zip="78757", phone="5125550128")
# ---- other states: same as the sample directory site ----
ent("marcus", first="Marcus", last="O'Neil", cred="LMT, NCBTMB", sex="M", street="1550 Wewatta St", unit="Suite 4", city="Denver", zip="80202", phone="3035550150", site="marcus-oneil-denver")
ent("grace", first="Grace", last="Whitfield", cred="LMT", sex="F", street="1701 Wynkoop St", unit="Suite 220", city="Denver", zip="80202", phone="3035550165", site="grace-whitfield-denver")
ent("cedar", org="Cedar Clinic LLC", dba="Cedar Clinical Massage", street="800 Grant St", unit="Suite 300", city="Denver", zip="80203", phone="3035550161", site="cedar-clinical-massage-denver", official=("ROWAN", "PIERCE", "DIRECTOR"))
ent("aspen", first="Aspen", last="Chen", cred="LMT", sex="F", street="2525 Broadway", city="Boulder", zip="80304", phone="3035550172", site="aspen-chen-boulder")
ent("eli", first="Eli", last="Brandt", cred="LMT", sex="M", street="1911 11th St", unit="Suite 201", city="Boulder", zip="80302", phone="3035550170", site="eli-brandt-boulder", biz="Flatiron Sports Massage")
ent("dana", first="Dana", middle="J", last="McDonald", cred="CMT", sex="F", street="1830 SE Hawthorne Blvd", unit="Suite 4", city="Portland", zip="97214", phone="5035550180", site="dana-mcdonald-portland", biz="Hawthorne Bodywork")
ent("wren", first="Wren", last="Holloway", cred="LMBT", sex="F", street="25 Broadway St", unit="Suite 2", city="Asheville", zip="28801", phone="8285550190", site="wren-holloway-asheville")
ent("priya", first="Priya", last="DeLuca", cred="LMBT", sex="F", street="410 Glenwood Ave", unit="Suite 4", city="Raleigh", zip="27603", phone="9195550120", site="priya-deluca-raleigh", biz="DeLuca Neuromuscular")
ent("anton", first="Anton", last="Kowalski", cred="LMT", sex="M", street="1000 W Randolph St", unit="Suite 3", city="Chicago", zip="60607", phone="3125550130", site="anton-kowalski-chicago")
ent("jose", first="Jose", last="Ortega", cred="LMT", sex="M", street="1000 W Kennedy Blvd", unit="Suite 202", city="Tampa", zip="33606", phone="8135550140", site="jose-ortega-tampa")
ent("victor", first="Victor", last="Anand", cred="DC", prefix="DR.", sex="M", street="201 E Kennedy Blvd", unit="Suite 700", city="Tampa", zip="33602", phone="8135550145", site="victor-anand-tampa")
ent("rosecity", org="Rose City Day Spa", street="915 SW Taylor St", city="Portland", zip="97205", phone="5035550182", site="rose-city-day-spa-portland")
ent("lotustide", org="Lotus Tide Day Spa", street="400 N Ashley Dr", unit="Suite 100", city="Tampa", zip="33602", phone="8135550141", site="lotus-tide-day-spa-tampa")
# ---- other states: no site counterpart ----
ent("lena", first="Lena", last="Forsberg", cred="PT, DPT", sex="F", street="2600 E 2nd Ave", unit="Ste 10", city="Denver", zip="80206", phone="3035550140")
ent("marco", first="Marco", last="Bellini", cred="PT", sex="M", street="1500 NE Irving St", unit="Ste 350", city="Portland", zip="97232", phone="5035550140")
ent("rosa", first="Rosa", middle="E", last="Jimenez", cred="PT, DPT", sex="F", street="2100 N Lincoln Ave", city="Chicago", zip="60614", phone="7735550140")
ent("curtis", first="Curtis", last="Lambert", cred="DC", sex="M", street="700 Haywood Rd", city="Asheville", zip="28806", phone="8285550140")
ent("felix", first="Felix", last="Wagner", cred="DC", sex="M", street="1700 W Division St", city="Chicago", zip="60622", phone="7735550141")
ent("odette", first="Odette", last="Fontenot", cred="LMBT", sex="F", street="2000 Clark Ave", city="Raleigh", zip="27605", phone="9195550140")
# ---- bulk-file-only providers ----
ent("kwame", first="Kwame", last="Asante", cred="LMT", sex="M", street="1100 E 11th St", city="Austin", zip="78702", phone="5125550160")
ent("lila", first="Lila", last="Morgenstern", cred="LMT", sex="F", street="2222 Rio Grande St", city="Austin", zip="78705", phone="5125550161")
ent("sofia", first="Sofia", last="Duarte", cred="L.Ac., L.M.T.", sex="F", street="4700 S Congress Ave", city="Austin", zip="78745", phone="5125550162")
ent("brianna", first="Brianna", last="Kellogg", cred="LMT", sex="F", street="2601 W Anderson Ln", city="Austin", zip="78757", phone="5125550163")
ent("mopac", org="MoPac Medical Massage LLC", dba="MoPac Massage & Bodywork", street="3800 N Lamar Blvd", unit="Ste 730", city="Austin", zip="78731", phone="5125550164", official=("GLENN", "ROURKE", "PRESIDENT"))
ent("henry", first="Henry", last="Caldwell", cred="LMT", sex="M", street="300 W Main St", city="Round Rock", zip="78664", phone="5125550172")
ent("talia", first="Talia", last="Rosen", cred="LMT", sex="F", street="1400 E 18th Ave", city="Denver", zip="80218", phone="3035550141")
ent("kenji", first="Kenji", last="Yamada", cred="ATC, LMT", sex="M", street="2900 Larimer St", city="Denver", zip="80205", phone="3035550142")
ent("nora", first="Nora", last="Quintero", cred="LMT", sex="F", street="1300 Walnut St", city="Boulder", zip="80302", phone="3035550148")
ent("beth", first="Beth", last="Anselm", cred="LMT", sex="F", street="1200 NE Broadway", city="Portland", zip="97232", phone="5035550141")
ent("isaac", first="Isaac", last="Ferrell", cred="LMBT", sex="M", street="1600 Hendersonville Rd", city="Asheville", zip="28803", phone="8285550141")
ent("monica", first="Monica", last="Strand", cred="LMBT", sex="F", street="200 S Salisbury St", city="Raleigh", zip="27601", phone="9195550141")
ent("damian", first="Damian", last="Pietrzak", cred="LMT", sex="M", street="1800 W North Ave", city="Chicago", zip="60622", phone="7735550142")
ent("celeste", first="Celeste", last="Moreau", cred="LMT", sex="F", street="3600 W Bay to Bay Blvd", city="Tampa", zip="33609", phone="8135550150")
ent("wendy", first="Wendy", last="Hargrove", cred="PT, DPT", sex="F", street="3705 Medical Pkwy", city="Austin", zip="78731", phone="5125550165")
ent("nathan", first="Nathan", last="Cole", cred="PTA", sex="M", street="4800 S Congress Ave", city="Austin", zip="78745", phone="5125550166")
ent("eastpt", org="Eastside Sports Physical Therapy PLLC", street="2000 E Cesar Chavez St", city="Austin", zip="78702", phone="5125550167", official=("DARIUS", "KEMP", "OWNER"))
ent("rafael", first="Rafael", last="Mendes", cred="DC", sex="M", street="900 S Mays St", city="Round Rock", zip="78664", phone="5125550173")
ent("joan", first="Joan", last="Pritchett", cred="DC", sex="F", street="1600 S University Blvd", city="Denver", zip="80210", phone="3035550143")
ent("oscar", first="Oscar", last="Halvorsen", cred="PT", sex="M", street="1800 SW 1st Ave", city="Portland", zip="97201", phone="5035550142")
ent("amelia", first="Amelia", last="Voss", cred="DC", sex="F", street="3200 N Clark St", city="Chicago", zip="60657", phone="7735550143")
ent("gerald", first="Gerald", last="Pike", cred="MD", sex="M", street="1000 Brazos St", city="Austin", zip="78701", phone="5125550168")
ent("linda", first="Linda", last="Crowe", cred="DDS", sex="F", street="1500 S Lamar Blvd", city="Austin", zip="78704", phone="5125550169")
ent("patrick", first="Patrick", last="Ngata", cred="PHARMD", sex="M", street="2900 Speedway", city="Austin", zip="78705", phone="5125550170")
ent("dental", org="Congress Avenue Family Dental PLLC", street="815 Congress Ave", city="Austin", zip="78701", phone="5125550171", official=("IVY", "CHAMBERS", "OWNER"))
ent("helen", first="Helen", last="Ashworth", cred="MD", sex="F", street="2400 Round Rock Ave", city="Round Rock", zip="78664", phone="5125550174")
ent("vikram", first="Vikram", last="Rao", cred="OD", sex="M", street="1600 Champa St", city="Denver", zip="80202", phone="3035550144")
ent("claire", first="Claire", last="Beaumont", cred="FNP", sex="F", street="1100 SW 6th Ave", city="Portland", zip="97205", phone="5035550143")
ent("leonard", first="Leonard", last="Fisk", cred="LCSW", sex="M", street="90 Coxe Ave", city="Asheville", zip="28801", phone="8285550142")
ent("dme", org="Triangle Durable Medical Supply Inc", street="800 S Saunders St", city="Raleigh", zip="27603", phone="9195550142", official=("WALTER", "BRYCE", "CEO"))
ent("arjun", first="Arjun", last="Mehta", cred="MD", sex="M", street="180 N Michigan Ave", unit="Ste 1100", city="Chicago", zip="60601", phone="3125550140")
ent("pharmacy", org="Bayshore Community Pharmacy LLC", street="4200 W Kennedy Blvd", city="Tampa", zip="33609", phone="8135550151", official=("ROSALIND", "GRAY", "PHARMACIST IN CHARGE"))
ent("diana", first="Diana", last="Mercer", cred="MD", sex="F", street="2000 W Platt St", city="Tampa", zip="33606", phone="8135550152")
ent("eric", first="Eric", last="Langston", cred="LMT", sex="M", street="5200 N Lamar Blvd", city="Austin", zip="78751", phone="5125550175")
# ---- Overpass / JSON-LD / roster-only businesses ----
ent("bangkok", org="Bangkok Lotus Thai Massage", street="2810 Guadalupe St", city="Austin", zip="78705", phone="5125550176")
ent("eastsoak", org="Eastside Stone & Soak", street="1901 E 6th St", city="Austin", zip="78702", phone="5125550130")
ent("palmvalley", org="Palm Valley Massage", street="600 E Palm Valley Blvd", unit="Ste 200", city="Round Rock", zip="78664", phone="5125550131")
ent("southlamar", org="South Lamar Sciatica Relief Massage", street="2900 S Lamar Blvd", unit="Ste 110", city="Austin", zip="78704", phone="5125550132")
ent("rino", org="RiNo Recovery Massage", street="2800 Walnut St", city="Denver", zip="80205", phone="3035550145")
ent("cheesman", org="Cheesman Park Physiotherapy", street="1250 E 13th Ave", city="Denver", zip="80218", phone="3035550146")
ent("milehigh", org="Mile High Spine & Massage Clinic", street="1800 Gaylord St", city="Denver", zip="80206", phone="3035550147")
ent("mapleton", org="Mapleton Deep Tissue", street="2800 Broadway", unit="Suite 3", city="Boulder", zip="80304", phone="3035550149")
ent("pearl", org="Pearl District Relaxation Spa", street="1000 NW Johnson St", city="Portland", zip="97209", phone="5035550144")
ent("westavl", org="West Asheville Chiropractic", street="710 Haywood Rd", city="Asheville", zip="28806", phone="8285550144")
ent("avltp", org="Asheville Trigger Point Center", street="50 Broadway St", city="Asheville", zip="28801", phone="8285550143")
ent("oakwood", org="Oakwood Trigger Point Studio", street="500 N Person St", city="Raleigh", zip="27601", phone="9195550143")
ent("glenwood", org="Glenwood Hot Stone Retreat", street="1020 Wade Ave", unit="Ste 5", city="Raleigh", zip="27605", phone="9195550144")
ent("fulton", org="Fulton Market Bodywork", street="1000 W Fulton Market", unit="Suite 210", city="Chicago", zip="60607", phone="3125550141")
ent("lpthai", org="Lincoln Park Thai Massage", street="1900 N Halsted St", city="Chicago", zip="60614", phone="7735550144")
ent("hydeswedish", org="Hyde Park Swedish Spa", street="1600 W Swann Ave", city="Tampa", zip="33606", phone="8135550153")
ent("sohosports", org="SoHo Sports Massage", street="300 S Howard Ave", city="Tampa", zip="33606", phone="8135550154")
ent("tampabay", org="Tampa Bay Swedish & Aroma", street="1200 W Platt St", city="Tampa", zip="33606", phone="8135550155")
# roster-only
ent("lonestar", org="Lone Star Institute of Massage Therapy, Inc.", street="5701 N Lamar Blvd", city="Austin", zip="78751", phone="5125550177")
ent("veronica", first="Veronica", last="Hale", cred="LMT", sex="F", street="5701 N Lamar Blvd", city="Austin", zip="78751", phone="5125550178")
ent("dale", first="Dale", middle="W", last="Ackerman", cred="LMT", sex="M", street="1801 E Riverside Dr", city="Austin", zip="78704", phone=None)
ent("priscilla", first="Priscilla", last="Yoon", cred="LMT", sex="F", street="2400 E Cesar Chavez St", city="Austin", zip="78702", phone=None)
ent("terrence", first="Terrence", last="Wyatt", cred="LMT", sex="M", street="2000 S Mays St", unit="Ste 12", city="Round Rock", zip="78664", phone="5125550179")


def check_entities() -> None:
    phones: dict[str, str] = {}
    for key, e in E.items():
        assert e["zip"] in CITY_ZIPS[e["city"]], key
        if e["phone"]:
            assert e["phone"][:3] in AREA_CODES[e["city"]], key
            assert e["phone"][3:8] == "55501", key
            assert e["phone"] not in phones, (key, phones.get(e["phone"]))
            phones[e["phone"]] = key


check_entities()
for _k in sorted(E):  # one RNG pass in a fixed order
    E[_k]["zip4"] = f"{RNG.randint(1000, 9899):04d}"


def display_name(e) -> str:
    return e["org"] if e["org"] else f"{e['first']} {e['last']}"


def zip9(e) -> str:
    return e["zip"] + e["zip4"]


# --------------------------------------------------------------------------
# NPPES taxonomy descriptions (old = 2019 API wording, new = current wording)
# --------------------------------------------------------------------------
TAXONOMY = {
    "225700000X": ("Massage Therapist", "Massage Therapist"),
    "2251X0800X": ("Physical Therapist Orthopedic", "Physical Therapist, Orthopedic"),
    "2251S0007X": ("Physical Therapist Sports", "Physical Therapist, Sports"),
    "225100000X": ("Physical Therapist", "Physical Therapist"),
    "225200000X": ("Physical Therapy Assistant", "Physical Therapy Assistant"),
    "111N00000X": ("Chiropractor", "Chiropractor"),
    "111NX0800X": ("Chiropractor Orthopedic", "Chiropractor, Orthopedic"),
    "171100000X": ("Acupuncturist", "Acupuncturist"),
    "2255A2300X": ("Specialist/Technologist Athletic Trainer", "Specialist/Technologist, Athletic Trainer"),
}
GROUP_SINGLE = "193400000X SINGLE SPECIALTY  GROUP"  # sic: the double space is NPPES's

# --------------------------------------------------------------------------
# 1. NPPES Registry API results
# Each spec: key, style (old/new), tax [(code, state, license, primary)],
# dates, and optional quirks.
# --------------------------------------------------------------------------
REGISTRY = [
    # --- TX, site counterparts ---
    dict(key="jane", style="old", enum="2009-06-15", upd="2018-11-02", tax=[("225700000X", "TX", "MT061482", True)], bulk=True),
    dict(key="marisol", style="new", enum="2012-03-08", upd="2025-02-17", tax=[("225700000X", "TX", "MT088213", True)],
         endpoints=[("DIRECT", "marisol.vega@direct.bodywork.test")]),
    dict(key="tomas", style="old", enum="2014-09-22", upd="2019-01-30", tax=[("225700000X", "TX", "MT097750", True)]),
    dict(key="elaine", style="new", enum="2010-04-01", upd="2026-05-12", tax=[("2251X0800X", "TX", "1187420", True), ("225700000X", "TX", "MT070034", False)],
         identifiers=[("05", "MEDICAID", "", "E118742", "TX")], bulk=True),
    dict(key="ben", style="old", enum="2016-02-11", upd="2019-03-04", tax=[("225700000X", "TX", "MT112094", True)], state_spelled=True),
    dict(key="keisha", style="new", enum="2013-07-19", upd="2024-09-30", tax=[("225700000X", "TX", "MT090517", True)]),
    dict(key="aaron", style="new", enum="2018-05-03", upd="2023-08-21", tax=[("225700000X", "TX", "MT131678", True)]),
    dict(key="carla", style="old", enum="2011-10-27", upd="2017-06-09", tax=[("225700000X", "TX", "MT079905", True)],
         other_names=[("Former Name", "1", "CARLA", "TRAN")]),
    dict(key="renee", style="new", enum="2019-01-14", upd="2025-07-01", tax=[("225700000X", "TX", "MT140221", True)]),
    dict(key="willow", style="old", enum="2015-08-05", upd="2018-12-13", tax=[("225700000X", "TX", "ME004871", True)]),
    # --- TX, no site counterpart ---
    dict(key="lucia", style="new", enum="2020-02-24", upd="2026-01-08", tax=[("225700000X", "TX", "MT149336", True)], bulk=True),
    dict(key="owen", style="old", enum="2008-11-12", upd="2016-04-27", tax=[("225700000X", "TX", "MT052268", True)], zip5=True),
    dict(key="harper", style="new", enum="2021-06-30", upd="2024-12-05", tax=[("225700000X", "TX", "MT160947", True)], zip5=True),
    dict(key="desmond", style="old", enum="2012-12-03", upd="2019-05-16", tax=[("225700000X", "TX", "MT085530", True)], bulk=True),
    dict(key="yuki", style="new", enum="2022-08-09", upd="2025-10-20", tax=[("225700000X", "TX", "MT171205", True)]),
    dict(key="greta", style="new", enum="2010-09-13", upd="2024-08-19", tax=[("225700000X", "TX", "MT067718", True)],
         status="D", deact="2024-08-19", bulk=True),
    dict(key="roy", style="old", enum="2013-05-20", upd="2019-02-28", tax=[("225700000X", "TX", "MT091846", True)],
         deact="2019-02-28"),
    dict(key="pauline", style="old", enum="2010-02-08", upd="2019-03-11", tax=[("225700000X", "TX", "MT063390", True)],
         deact="2016-05-31", react="2018-09-04"),
    dict(key="samira", style="new", enum="2017-03-15", upd="2026-03-03", tax=[("225700000X", "TX", "MT126604", True), ("225700000X", "CO", "MT.0024518", False)],
         practice=[dict(street="1600 Stout St", unit="Ste 1200", city="Denver", zip="80202", phone="3035550151", upd="2025-11-14 10:11")]),
    dict(key="trevor", style="new", enum="2019-11-04", upd="2022-06-15", tax=[("225700000X", "TX", "MT143818", True)]),
    dict(key="capital", style="new", enum="2016-06-01", upd="2025-04-22", tax=[("225700000X", "TX", "ME005612", True)],
         other_names=[("Doing Business As", "3", "CAPITAL CITY SCIATICA RELIEF")], bulk=True,
         practice=[dict(street="1101 E Palm Valley Blvd", unit="Ste 210", city="Round Rock", zip="78664", phone="5125550121", upd="2024-02-06 09:02")]),
    dict(key="bullcreek", style="old", enum="2017-09-18", upd="2019-06-10", tax=[("225700000X", "TX", "ME005977", True)]),
    dict(key="joseib", style="new", enum="2023-01-23", upd="2023-01-23", tax=[("225700000X", "TX", "MT178402", True)]),
    dict(key="nadia", style="old", enum="2015-04-07", upd="2018-08-14", tax=[("225700000X", "TX", "MT108863", True)], pobox="PO BOX 5123"),
    dict(key="caleb", style="new", enum="2014-01-29", upd="2025-09-09", tax=[("2251S0007X", "TX", "1204471", True)], bulk=True,
         identifiers=[("05", "MEDICAID", "", "C120447", "TX")]),
    dict(key="irene", style="old", enum="2011-07-11", upd="2018-03-22", tax=[("225100000X", "TX", "1169952", True)]),
    dict(key="gabriel", style="old", enum="2007-08-16", upd="2019-02-07", tax=[("111N00000X", "TX", "10472", True)],
         identifiers=[("01", "Other", "BCBS", "G104720", "TX")]),
    dict(key="andrea", style="new", enum="2018-10-02", upd="2024-05-28", tax=[("111NX0800X", "TX", "13390", True)]),
    # --- other states, site counterparts ---
    dict(key="marcus", style="old", enum="2012-02-06", upd="2019-04-18", tax=[("225700000X", "CO", "MT.0008417", True)]),
    dict(key="grace", style="new", enum="2016-11-21", upd="2025-03-31", tax=[("225700000X", "CO", "MT.0015236", True)], state_spelled=True),
    dict(key="cedar", style="old", enum="2014-03-24", upd="2019-01-08", tax=[("225700000X", "CO", "", True)],
         other_names=[("Doing Business As", "3", "CEDAR CLINICAL MASSAGE")],
         identifiers=[("01", "Other", "ANTHEM", "CC80203", "CO")]),
    dict(key="aspen", style="new", enum="2019-07-08", upd="2026-02-02", tax=[("225700000X", "CO", "MT.0021904", True), ("225700000X", "OR", "24117", False)],
         endpoints=[("DIRECT", "aspen.chen@direct.example.org")]),
    dict(key="dana", style="old", enum="2010-05-17", upd="2017-10-25", tax=[("225700000X", "OR", "16842", True)]),
    dict(key="wren", style="new", enum="2020-09-28", upd="2024-11-18", tax=[("225700000X", "NC", "18840", True)],
         other_names=[("Former Name", "1", "WREN", "BAKER")]),
    dict(key="priya", style="old", enum="2013-01-09", upd="2018-07-30", tax=[("225700000X", "NC", "9915", True)]),
    dict(key="anton", style="new", enum="2015-12-14", upd="2023-04-04", tax=[("225700000X", "IL", "227.014882", True)]),
    dict(key="jose", style="old", enum="2011-03-02", upd="2019-05-21", tax=[("225700000X", "FL", "MA61247", True)]),
    dict(key="victor", style="new", enum="2008-06-18", upd="2026-04-27", tax=[("111N00000X", "FL", "CH9921", True), ("225700000X", "FL", "MA70318", False)],
         bulk=True, identifiers=[("05", "MEDICAID", "", "V992100", "FL")],
         practice=[dict(street="3500 W Kennedy Blvd", unit="Ste 110", city="Tampa", zip="33609", phone="8135550145", upd="2026-04-27 16:04"),
                   dict(street="1710 W Swann Ave", unit="", city="Tampa", zip="33606", phone="8135550145", upd="2025-12-01 08:12")]),
    # --- other states, no site counterpart ---
    dict(key="lena", style="old", enum="2012-08-30", upd="2019-03-19", tax=[("2251X0800X", "CO", "PTL.0009931", True)]),
    dict(key="marco", style="new", enum="2021-02-15", upd="2025-06-06", tax=[("2251S0007X", "OR", "PT-8814", True)]),
    dict(key="rosa", style="old", enum="2010-01-25", upd="2018-09-05", tax=[("2251X0800X", "IL", "070.017744", True)],
         identifiers=[("05", "MEDICAID", "", "R177440", "IL")]),
    dict(key="curtis", style="new", enum="2009-04-13", upd="2024-01-16", tax=[("111N00000X", "NC", "7731", True)]),
    dict(key="felix", style="old", enum="2016-10-10", upd="2019-04-29", tax=[("111N00000X", "IL", "038.011209", True)], zip5=True),
    dict(key="odette", style="new", enum="2024-03-18", upd="2026-08-24", tax=[("225700000X", "NC", "21356", True)], zip5=True),
]


def epoch_s(date: str) -> int:
    return int(dt.datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc).timestamp())


def nppes_addr(purpose, e, street, unit, city, state, postal, phone, *, street_upper=True):
    return {
        "country_code": "US",
        "country_name": "United States",
        "address_purpose": purpose,
        "address_type": "DOM",
        "address_1": street.upper() if street_upper else street,
        "address_2": unit.upper().replace("SUITE ", "STE "),
        "city": city.upper(),
        "state": state,
        "postal_code": postal,
        "telephone_number": fmt_phone(phone),
    }


def build_registry_record(spec) -> dict:
    e = E[spec["key"]]
    old = spec["style"] == "old"
    npi = e["npi"]
    created = epoch_s(spec["enum"])
    updated = epoch_s(spec["upd"]) + RNG.randint(3600, 80000)
    is_org = bool(e["org"])
    postal = e["zip"] if spec.get("zip5") else zip9(e)
    loc_state = STATE_NAMES[e["state"]] if spec.get("state_spelled") else e["state"]

    loc = nppes_addr("LOCATION", e, e["street"], e["unit"], e["city"], loc_state, postal, e["phone"])
    if spec.get("pobox"):
        mail = nppes_addr("MAILING", e, spec["pobox"], "", e["city"], e["state"], e["zip"] + "0123", e["phone"])
    else:
        mail = dict(loc, address_purpose="MAILING", state=e["state"])
    addresses = [loc, mail] if old else [mail, loc]  # the API uses both orders

    # basic
    if is_org:
        off_first, off_last, off_title = e["official"]
        basic = {"organization_name": e["org"].upper(), "organizational_subpart": "NO",
                 "enumeration_date": spec["enum"], "last_updated": spec["upd"]}
        if old:
            basic.update(status=spec.get("status", "A"), authorized_official_first_name=off_first,
                         authorized_official_last_name=off_last,
                         authorized_official_telephone_number=fmt_phone(e["phone"]),
                         authorized_official_title_or_position=off_title, name=e["org"].upper())
        else:
            basic.update(status=spec.get("status", "A"), authorized_official_first_name=off_first,
                         authorized_official_last_name=off_last,
                         authorized_official_telephone_number=fmt_phone(e["phone"]),
                         authorized_official_title_or_position=off_title,
                         authorized_official_name_prefix="--", authorized_official_credential="--")
    else:
        basic = {}
        if old:
            if e.get("prefix"):
                basic["name_prefix"] = e["prefix"]
            basic["first_name"] = e["first"].upper()
            basic["last_name"] = e["last"].upper()
            if e["middle"]:
                basic["middle_name"] = e["middle"].upper()
            if e["cred"] != "--":
                basic["credential"] = e["cred"]
            basic["sole_proprietor"] = "YES" if spec["key"] in ("jane", "ben", "carla", "nadia", "jose") else "NO"
            basic["gender"] = e["sex"]
            basic["enumeration_date"] = spec["enum"]
            basic["last_updated"] = spec["upd"]
            if spec.get("react"):
                basic["reactivation_date"] = spec["react"]
            basic["status"] = spec.get("status", "A")
            if spec.get("deact"):
                basic["deactivation_date"] = spec["deact"]
            basic["name"] = f"{e['last'].upper()} {e['first'].upper()}"
        else:
            basic["first_name"] = e["first"].upper()
            basic["last_name"] = e["last"].upper()
            if e["middle"]:
                basic["middle_name"] = e["middle"].upper()
            basic["credential"] = e["cred"]
            basic["sole_proprietor"] = "YES" if spec["key"] in ("keisha", "aaron", "yuki", "odette") else "NO"
            basic["sex"] = e["sex"]
            basic["enumeration_date"] = spec["enum"]
            basic["last_updated"] = spec["upd"]
            if spec.get("deact"):
                basic["deactivation_date"] = spec["deact"]
            if spec.get("react"):
                basic["reactivation_date"] = spec["react"]
            basic["status"] = spec.get("status", "A")
            basic["name_prefix"] = e.get("prefix") or "--"
            basic["name_suffix"] = "--"

    taxonomies = []
    for code, st, lic, primary in spec["tax"]:
        desc = TAXONOMY[code][0 if old else 1]
        if old:
            t = {"code": code, "desc": desc, "primary": primary, "state": st, "license": lic}
            if is_org:
                t["taxonomy_group"] = GROUP_SINGLE
        else:
            t = {"code": code, "taxonomy_group": GROUP_SINGLE if is_org else "", "desc": desc,
                 "state": st, "license": lic, "primary": primary}
        taxonomies.append(t)

    identifiers = []
    for code, desc, issuer, ident, st in spec.get("identifiers", []):
        if old:
            identifiers.append({"identifier": ident, "code": code, "desc": desc, "state": st, "issuer": issuer})
        else:
            identifiers.append({"code": code, "desc": desc, "issuer": issuer, "identifier": ident, "state": st})

    other_names = []
    for typ, code, *rest in spec.get("other_names", []):
        if typ == "Doing Business As":
            if old:
                other_names.append({"organization_name": rest[0], "code": code, "type": typ})
            else:
                other_names.append({"type": typ, "code": code, "organization_name": rest[0]})
        else:
            first, last = rest
            if old:
                other_names.append({"code": code, "type": typ, "last_name": last, "first_name": first})
            else:
                other_names.append({"type": typ, "code": code, "first_name": first, "last_name": last,
                                    "prefix": "--", "suffix": "--", "credential": e["cred"]})

    practice = []
    for p in spec.get("practice", []):
        assert p["phone"][:3] in AREA_CODES[p["city"]] and p["zip"] in CITY_ZIPS[p["city"]], spec["key"]
        practice.append({
            "address_type": "DOM", "address_1": p["street"].upper(),
            "address_2": p["unit"].upper().replace("SUITE ", "STE "), "city": p["city"].upper(),
            "state": STATE_OF[p["city"]], "postal_code": p["zip"] + f"{RNG.randint(1000, 9899):04d}",
            "country_code": "US", "country_name": "United States",
            "telephone_number": fmt_phone(p["phone"]), "update_date": p["upd"],
        })

    endpoints = []
    for etype, addr in spec.get("endpoints", []):
        endpoints.append({
            "endpointType": etype, "endpointTypeDescription": "Direct Messaging Address",
            "endpoint": addr, "affiliation": "N", "use": "DIRECT", "useDescription": "Direct",
            "contentType": "OTHER", "contentTypeDescription": "Other",
            "country_code": "US", "country_name": "United States", "address_type": "DOM",
            "address_1": e["street"].upper(), "city": e["city"].upper(), "state": e["state"],
            "postal_code": zip9(e),
        })

    etype = "NPI-2" if is_org else "NPI-1"
    if old:
        rec = {"enumeration_type": etype, "number": int(npi), "last_updated_epoch": updated,
               "created_epoch": created, "basic": basic, "other_names": other_names,
               "addresses": addresses, "taxonomies": taxonomies, "identifiers": identifiers}
        if practice:
            rec["practiceLocations"] = practice
    else:
        rec = {"created_epoch": str(created * 1000), "enumeration_type": etype,
               "last_updated_epoch": str(updated * 1000 + RNG.randint(0, 999)), "number": npi,
               "addresses": addresses, "practiceLocations": practice, "basic": basic,
               "taxonomies": taxonomies, "identifiers": identifiers, "endpoints": endpoints,
               "other_names": other_names}
    return rec


def registry_is_active(rec) -> bool:
    b = rec["basic"]
    if b.get("status") != "A":
        return False
    d, r = b.get("deactivation_date"), b.get("reactivation_date")
    return not d or bool(r and r > d)


# --------------------------------------------------------------------------
# 2. NPPES bulk file
# --------------------------------------------------------------------------
BULK_HEADER = (
    "NPI,Entity Type Code,Replacement NPI,Employer Identification Number (EIN),Provider Organization Name (Legal Business Name),Provider Last Name (Legal Name),Provider First Name,Provider Middle Name,Provider Name Prefix Text,Provider Name Suffix Text,Provider Credential Text,Provider Other Organization Name,Provider Other Organization Name Type Code,Provider Other Last Name,Provider Other First Name,Provider Other Middle Name,Provider Other Name Prefix Text,Provider Other Name Suffix Text,Provider Other Credential Text,Provider Other Last Name Type Code,Provider First Line Business Mailing Address,Provider Second Line Business Mailing Address,Provider Business Mailing Address City Name,Provider Business Mailing Address State Name,Provider Business Mailing Address Postal Code,Provider Business Mailing Address Country Code (If outside U.S.),Provider Business Mailing Address Telephone Number,Provider Business Mailing Address Fax Number,Provider First Line Business Practice Location Address,Provider Second Line Business Practice Location Address,Provider Business Practice Location Address City Name,Provider Business Practice Location Address State Name,Provider Business Practice Location Address Postal Code,Provider Business Practice Location Address Country Code (If outside U.S.),Provider Business Practice Location Address Telephone Number,Provider Business Practice Location Address Fax Number,Provider Enumeration Date,Last Update Date,NPI Deactivation Reason Code,NPI Deactivation Date,NPI Reactivation Date,Provider Sex Code,Authorized Official Last Name,Authorized Official First Name,Authorized Official Middle Name,Authorized Official Title or Position,Authorized Official Telephone Number,"
    + ",".join(f"Healthcare Provider Taxonomy Code_{i},Provider License Number_{i},Provider License Number State Code_{i},Healthcare Provider Primary Taxonomy Switch_{i}" for i in range(1, 16))
    + ","
    + ",".join(f"Other Provider Identifier_{i},Other Provider Identifier Type Code_{i},Other Provider Identifier State_{i},Other Provider Identifier Issuer_{i}" for i in range(1, 51))
    + ",Is Sole Proprietor,Is Organization Subpart,Parent Organization LBN,Parent Organization TIN,Authorized Official Name Prefix Text,Authorized Official Name Suffix Text,Authorized Official Credential Text,"
    + ",".join(f"Healthcare Provider Taxonomy Group_{i}" for i in range(1, 16))
    + ",Certification Date"
)
BULK_COLUMNS = BULK_HEADER.split(",")
assert len(BULK_COLUMNS) == 330
# The reference sample's first line, verbatim (it is the format itself).
assert BULK_HEADER.startswith("NPI,Entity Type Code,Replacement NPI,Employer Identification Number (EIN),")

# Rows that are the same NPIs as registry.json come from REGISTRY specs with bulk=True.
# Bulk-only rows: key, tax [(code, license, state, primary)], dates (MM/DD/YYYY).
BULK_ONLY = [
    # 225700000X rows (some behind another code)
    dict(key="kwame", tax=[("225700000X", "MT150072", "TX", "Y")], enum="03/02/2020", upd="10/14/2026"),
    dict(key="lila", tax=[("225700000X", "MT158834", "TX", "Y")], enum="04/19/2021", upd="11/03/2026"),
    dict(key="sofia", tax=[("171100000X", "AC01942", "TX", "Y"), ("225700000X", "MT122207", "TX", "N")], enum="09/12/2016", upd="11/02/2026"),
    dict(key="brianna", tax=[("225700000X", "MT164490", "TX", "Y")], enum="01/18/2022", upd="11/05/2026"),
    dict(key="mopac", tax=[("225700000X", "ME006120", "TX", "Y")], enum="07/07/2017", upd="11/04/2026"),
    dict(key="henry", tax=[("225700000X", "MT137001", "TX", "Y")], enum="02/25/2019", upd="11/06/2026"),
    dict(key="talia", tax=[("225700000X", "MT.0019877", "CO", "Y")], enum="05/30/2018", upd="11/01/2026"),
    dict(key="kenji", tax=[("2255A2300X", "AT.0003318", "CO", "N"), ("171100000X", "", "", "N"), ("225700000X", "MT.0022610", "CO", "Y")], enum="08/21/2019", upd="11/02/2026"),
    dict(key="nora", tax=[("225700000X", "MT.0025543", "CO", "Y")], enum="06/14/2022", upd="11/03/2026"),
    dict(key="beth", tax=[("225700000X", "19904", "OR", "Y")], enum="10/05/2015", upd="11/04/2026"),
    dict(key="isaac", tax=[("225700000X", "16021", "NC", "Y")], enum="12/09/2014", upd="11/05/2026"),
    dict(key="monica", tax=[("225700000X", "20417", "NC", "Y")], enum="03/27/2023", upd="11/06/2026"),
    dict(key="damian", tax=[("225700000X", "227.018806", "IL", "Y"), ("225700000X", "9921-146", "WI", "N")], enum="11/16/2017", upd="11/01/2026"),
    dict(key="celeste", tax=[("225700000X", "MA88215", "FL", "Y")], enum="02/08/2021", upd="11/02/2026"),
    # physical therapists / chiropractors
    dict(key="wendy", tax=[("2251X0800X", "1211809", "TX", "Y")], enum="06/03/2013", upd="11/03/2026"),
    dict(key="nathan", tax=[("225200000X", "2213064", "TX", "Y")], enum="08/28/2020", upd="11/04/2026"),
    dict(key="eastpt", tax=[("225100000X", "", "", "Y"), ("2251S0007X", "", "", "N")], enum="04/11/2018", upd="11/05/2026"),
    dict(key="rafael", tax=[("111N00000X", "11893", "TX", "Y")], enum="09/30/2011", upd="11/06/2026"),
    dict(key="joan", tax=[("111NX0800X", "CHR.0006251", "CO", "Y")], enum="01/06/2012", upd="11/01/2026"),
    dict(key="oscar", tax=[("225100000X", "PT-7702", "OR", "Y")], enum="07/22/2014", upd="11/02/2026"),
    dict(key="amelia", tax=[("111N00000X", "038.012774", "IL", "Y")], enum="03/15/2016", upd="11/03/2026"),
    # unrelated providers (the pipeline must filter these out)
    dict(key="gerald", tax=[("207Q00000X", "M4471", "TX", "Y")], enum="05/23/2005", upd="11/04/2026"),
    dict(key="linda", tax=[("1223G0001X", "22917", "TX", "Y")], enum="06/14/2006", upd="11/05/2026"),
    dict(key="patrick", tax=[("183500000X", "48812", "TX", "Y")], enum="10/02/2007", upd="11/06/2026"),
    dict(key="dental", tax=[("122300000X", "", "", "Y")], enum="02/19/2010", upd="11/01/2026"),
    dict(key="helen", tax=[("207R00000X", "N2290", "TX", "Y")], enum="08/08/2008", upd="11/02/2026"),
    dict(key="vikram", tax=[("152W00000X", "OPT.0001774", "CO", "Y")], enum="11/11/2011", upd="11/03/2026"),
    dict(key="claire", tax=[("363LF0000X", "201604412NP", "OR", "Y")], enum="04/04/2016", upd="11/04/2026"),
    dict(key="leonard", tax=[("1041C0700X", "C009182", "NC", "Y")], enum="09/09/2009", upd="11/05/2026"),
    dict(key="dme", tax=[("332B00000X", "", "", "Y")], enum="12/12/2012", upd="11/06/2026"),
    dict(key="arjun", tax=[("2084N0400X", "036.140022", "IL", "Y"), ("207R00000X", "036.140022", "IL", "N")], enum="07/17/2013", upd="11/01/2026"),
    dict(key="pharmacy", tax=[("3336C0003X", "PH30114", "FL", "Y")], enum="03/03/2014", upd="11/02/2026"),
    dict(key="diana", tax=[("207X00000X", "ME120388", "FL", "Y")], enum="10/10/2010", upd="11/03/2026"),
    # deactivated, bulk-only (the registry's deactivated "greta" is the other one)
    dict(key="eric", deact="10/31/2026"),
]


def us_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{m}/{d}/{y}"


def bulk_row(e, tax, enum, upd, *, deact=None, cred=None, dba=None, other_last=None, idents=()) -> dict:
    row = {c: "" for c in BULK_COLUMNS}
    row["NPI"] = e["npi"]
    if deact:
        row["NPI Deactivation Date"] = deact
        return row
    is_org = bool(e["org"])
    row["Entity Type Code"] = "2" if is_org else "1"
    if is_org:
        off_first, off_last, off_title = e["official"]
        row["Employer Identification Number (EIN)"] = "<UNAVAIL>"
        row["Provider Organization Name (Legal Business Name)"] = e["org"].upper()
        if dba:
            row["Provider Other Organization Name"] = dba.upper()
            row["Provider Other Organization Name Type Code"] = "3"
        row["Authorized Official Last Name"] = off_last
        row["Authorized Official First Name"] = off_first
        row["Authorized Official Title or Position"] = off_title
        row["Authorized Official Telephone Number"] = e["phone"]
        row["Is Organization Subpart"] = "N"
    else:
        row["Provider Last Name (Legal Name)"] = e["last"].upper()
        row["Provider First Name"] = e["first"].upper()
        row["Provider Middle Name"] = e["middle"].upper()
        row["Provider Name Prefix Text"] = e.get("prefix", "")
        row["Provider Credential Text"] = cred if cred is not None else (e["cred"] if e["cred"] != "--" else "")
        if other_last:
            row["Provider Other Last Name"] = other_last
            row["Provider Other First Name"] = e["first"].upper()
            row["Provider Other Last Name Type Code"] = "1"
        row["Provider Sex Code"] = e["sex"]
        row["Is Sole Proprietor"] = "Y" if e["key"] in ("jane", "kwame", "celeste") else ("X" if e["key"] in ("lila",) else "N")
        row["Certification Date"] = upd
    street, unit = e["street"].upper(), e["unit"].upper().replace("SUITE ", "STE ")
    for kind in ("Mailing", "Practice Location"):
        pre = "Provider First Line Business " + ("Mailing Address" if kind == "Mailing" else "Practice Location Address")
        row[pre] = street
        base = "Provider Business Mailing Address" if kind == "Mailing" else "Provider Business Practice Location Address"
        row[("Provider Second Line Business Mailing Address" if kind == "Mailing" else "Provider Second Line Business Practice Location Address")] = unit
        row[base + " City Name"] = e["city"].upper()
        row[base + " State Name"] = e["state"]
        row[base + " Postal Code"] = zip9(e)
        row[base + " Country Code (If outside U.S.)"] = "US"
        row[base + " Telephone Number"] = e["phone"]
    row["Provider Enumeration Date"] = enum
    row["Last Update Date"] = upd
    for i, (code, lic, st, sw) in enumerate(tax, start=1):
        row[f"Healthcare Provider Taxonomy Code_{i}"] = code
        row[f"Provider License Number_{i}"] = lic
        row[f"Provider License Number State Code_{i}"] = st
        row[f"Healthcare Provider Primary Taxonomy Switch_{i}"] = sw
        if is_org:
            row[f"Healthcare Provider Taxonomy Group_{i}"] = GROUP_SINGLE
    for i, (ident, typ, st, issuer) in enumerate(idents, start=1):
        row[f"Other Provider Identifier_{i}"] = ident
        row[f"Other Provider Identifier Type Code_{i}"] = typ
        row[f"Other Provider Identifier State_{i}"] = st
        row[f"Other Provider Identifier Issuer_{i}"] = issuer
    return row


# --------------------------------------------------------------------------
# 3. Overpass elements: (key, type, lat, lon, kind tags, extras)
# phone_tag: "phone" or "contact:phone"; phone_style per fmt_phone.
# --------------------------------------------------------------------------
SCIATICA = "Deep tissue and trigger point therapy for sciatica and low back pain"
RELAX = "Relaxation and hot stone massage"
OVERPASS = [
    # same businesses as the sample directory site
    dict(key="jane", name="Alvarez Therapeutic Bodywork", type="node", lat=30.2508412, lon=-97.7493867,
         tags={"shop": "massage", "massage": "deep_tissue", "description": SCIATICA},
         phone_style="intl", web="https://www.alvarez-bodywork.example.com/", hours="Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
    dict(key="keisha", name="Brooks Neuromuscular Studio", type="node", lat=30.2498105, lon=-97.7676321,
         tags={"shop": "massage"}, phone_tag="contact:phone", phone_style="intl_dash",
         web="https://brooks-nmt.test/", web_tag="contact:website", hours="Mo-Fr 10:00-19:00"),
    dict(key="willow", name="Willow Creek Day Spa", type="node", lat=30.2652870, lon=-97.7437344,
         tags={"shop": "massage", "description": RELAX}, phone_style="paren",
         email="relax@willowcreekspa.example.org", hours="Tu-Su 10:00-20:00"),
    dict(key="cedar", name="Cedar Clinical Massage", type="way", lat=39.7290616, lon=-104.9836402,
         tags={"shop": "massage", "massage": "deep_tissue", "description": "Medical and orthopedic massage for herniated disc and low back pain"},
         phone_style="intl", web="https://cedar-clinic.example.net/", email="book@cedar-clinic.example.net",
         hours="Mo-Fr 08:00-19:00; Sa 09:00-13:00"),
    dict(key="eli", name="Flatiron Sports Massage", type="node", lat=40.0187733, lon=-105.2801915,
         tags={"shop": "massage", "massage": "sports"}, phone_style="intl_space", hours="Mo-Sa 08:00-18:00"),
    dict(key="dana", name="Hawthorne Bodywork", type="way", lat=45.5121744, lon=-122.6468190,
         tags={"shop": "massage", "description": SCIATICA}, phone_style="intl",
         web="https://hawthorne-bodywork.example.com/", hours="Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
    dict(key="priya", name="DeLuca Neuromuscular", type="node", lat=35.7814966, lon=-78.6450713,
         tags={"shop": "massage", "massage": "deep_tissue"}, phone_tag="contact:phone", phone_style="intl",
         web="https://deluca-nmt.test/", web_tag="contact:website", hours="Mo-Th 10:00-19:00; Fr 10:00-16:00"),
    dict(key="lotustide", name="Lotus Tide Day Spa", type="way", lat=27.9489811, lon=-82.4611587,
         tags={"shop": "massage", "description": RELAX}, phone_style="intl", hours="Mo-Su 10:00-21:00"),
    # no site counterpart
    dict(key="lucia", name="Ferrante Deep Tissue", type="node", lat=30.2459677, lon=-97.7559811,
         tags={"shop": "massage", "massage": "deep_tissue", "description": SCIATICA}, phone_style="intl",
         hours="Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
    dict(key="capital", name="Capital City Sciatica Relief", type="relation", lat=30.2707214, lon=-97.7450566,
         tags={"shop": "massage", "type": "multipolygon", "building": "commercial", "description": SCIATICA},
         phone_style="intl", web="https://capitalcity-sciatica.example.com/", hours="Mo-Fr 08:00-20:00; Sa 09:00-15:00"),
    dict(key="bangkok", name="Bangkok Lotus Thai Massage", type="node", lat=30.2954120, lon=-97.7417904,
         tags={"shop": "massage", "massage": "thai"}, phone=False, hours="Mo-Su 11:00-21:00"),
    dict(key="eastsoak", name="Eastside Stone & Soak", type="node", lat=30.2616450, lon=-97.7229218,
         tags={"shop": "massage", "description": RELAX}, phone_style="intl",
         web="https://eastsidestoneandsoak.example.com/", email="hello@eastsidestoneandsoak.example.com",
         hours="Tu-Sa 10:00-20:00; Su 11:00-17:00"),
    dict(key="caleb", name="Morrow Sports Physical Therapy", type="way", lat=30.2963655, lon=-97.7339468,
         tags={"healthcare": "physiotherapist"}, phone_style="intl", web="https://morrow-pt.example.org/",
         hours="Mo-Fr 07:00-19:00"),
    dict(key="gabriel", name="South Congress Chiropractic", type="node", lat=30.2422779, lon=-97.7511604,
         tags={"healthcare": "alternative", "healthcare:speciality": "chiropractic"}, phone_style="intl",
         hours="Mo-Fr 08:00-18:00"),
    dict(key="palmvalley", name="Palm Valley Massage", type="node", lat=30.5167612, lon=-97.6703128,
         tags={"shop": "massage"}, phone_style="intl", hours="Mo-Sa 09:00-19:00"),
    dict(key="rino", name="RiNo Recovery Massage", type="node", lat=39.7605812, lon=-104.9829440,
         tags={"shop": "massage", "massage": "deep_tissue", "description": SCIATICA}, phone_style="intl",
         email="recover@rino-massage.example.net", hours="Mo-Fr 09:00-20:00; Sa 09:00-17:00"),
    dict(key="cheesman", name="Cheesman Park Physiotherapy", type="way", lat=39.7370551, lon=-104.9726903,
         tags={"healthcare": "physiotherapist"}, phone_tag="contact:phone", phone_style="intl",
         web="https://cheesman-physio.example.org/", web_tag="contact:website", hours="Mo-Fr 07:30-18:30"),
    dict(key="pearl", name="Pearl District Relaxation Spa", type="way", lat=45.5285773, lon=-122.6810958,
         tags={"shop": "massage", "description": RELAX}, phone_style="intl", hours="Mo-Su 10:00-20:00"),
    dict(key="westavl", name="West Asheville Chiropractic", type="node", lat=35.5795830, lon=-82.5889512,
         tags={"healthcare": "alternative", "healthcare:speciality": "chiropractic"}, phone_style="intl",
         hours="Mo,We,Fr 08:00-17:00; Tu,Th 12:00-19:00"),
    dict(key="oakwood", name="Oakwood Trigger Point Studio", type="node", lat=35.7869894, lon=-78.6331287,
         tags={"shop": "massage", "massage": "deep_tissue", "description": SCIATICA}, phone_style="intl",
         hours="Mo-Fr 10:00-18:00"),
    dict(key="fulton", name="Fulton Market Bodywork", type="node", lat=41.8866491, lon=-87.6527335,
         tags={"shop": "massage", "description": SCIATICA}, phone_style="intl",
         web="https://fultonmarketbodywork.example.com/", hours="Mo-Fr 09:00-20:00; Sa 09:00-16:00"),
    dict(key="lpthai", name="Lincoln Park Thai Massage", type="node", lat=41.9157233, lon=-87.6486119,
         tags={"shop": "massage", "massage": "thai"}, phone_style="intl", hours="Mo-Su 10:00-22:00"),
    dict(key="hydeswedish", name="Hyde Park Swedish Spa", type="node", lat=27.9383804, lon=-82.4782617,
         tags={"shop": "massage", "description": RELAX}, phone_style="intl", hours="Mo-Sa 10:00-19:00"),
    dict(key="sohosports", name="SoHo Sports Massage", type="node", lat=27.9419650, lon=-82.4829571,
         tags={"shop": "massage", "massage": "sports"}, phone_style="intl", hours="Mo-Fr 07:00-19:00; Sa 08:00-12:00"),
]
OSM_GENERATOR = "Overpass API 0.7.62.1 (fictional sample)"
OSM3S = {
    "timestamp_osm_base": "2026-11-01T00:00:00Z",
    "timestamp_areas_base": "2026-10-30T00:00:00Z",
    "copyright": "The data included in this document is from www.openstreetmap.org. The data is made available under ODbL.",
}
_ID_RANGES = {"node": (4_000_000_000, 12_400_000_000), "way": (200_000_000, 1_300_000_000), "relation": (1_000_000, 18_000_000)}


def build_overpass_element(spec) -> dict:
    e = E[spec["key"]]
    tags = dict(spec["tags"])
    tags["name"] = spec["name"]
    num, _, rest = e["street"].partition(" ")
    tags["addr:housenumber"] = num
    tags["addr:street"] = expand_street(rest)
    if e["unit"]:
        tags["addr:unit"] = e["unit"].split(" ", 1)[1]
    tags["addr:city"] = e["city"]
    tags["addr:state"] = e["state"]
    tags["addr:postcode"] = e["zip"]
    if spec.get("phone", True) and e["phone"]:
        tags[spec.get("phone_tag", "phone")] = fmt_phone(e["phone"], spec["phone_style"])
    if spec.get("web"):
        tags[spec.get("web_tag", "website")] = spec["web"]
    if spec.get("email"):
        tags["email"] = spec["email"]
    tags["opening_hours"] = spec["hours"]
    centre = CITY_CENTRES[e["city"]]
    assert haversine_km(spec["lat"], spec["lon"], *centre) <= 5.0, spec["name"]
    lo, hi = _ID_RANGES[spec["type"]]
    el = {"type": spec["type"], "id": RNG.randint(lo, hi)}
    if spec["type"] == "node":
        el["lat"], el["lon"] = spec["lat"], spec["lon"]
    else:
        el["center"] = {"lat": spec["lat"], "lon": spec["lon"]}
    el["tags"] = dict(sorted(tags.items()))  # Overpass prints tags sorted by key
    return el


_STREET_WORDS = {"St": "Street", "Ave": "Avenue", "Blvd": "Boulevard", "Rd": "Road", "Dr": "Drive", "Ln": "Lane",
                 "S": "South", "N": "North", "E": "East", "W": "West", "SE": "Southeast", "SW": "Southwest",
                 "NE": "Northeast", "NW": "Northwest"}


def expand_street(street: str) -> str:
    """OSM spells street names out ("South Congress Avenue")."""
    words = street.split()
    out = []
    for i, w in enumerate(words):
        if w in ("S", "N", "E", "W", "SE", "SW", "NE", "NW") and i != 0:
            out.append(w)
        else:
            out.append(_STREET_WORDS.get(w, w))
    return " ".join(out)


# --------------------------------------------------------------------------
# 4. Texas licensing-board roster
# (key, license number, type, status, expiration, name style, zip style, phone style)
# name style: "title" | "upper"; zip style: "5" | "9"; phone style: fmt_phone style or None.
# --------------------------------------------------------------------------
ROSTER = [
    # same people as the sample directory site
    ("jane", "MT061482", "Massage Therapist", "Active", "06/30/2027", "upper", "9", "paren"),
    ("marisol", "MT088213", "Massage Therapist", "Active", "03/31/2028", "title", "5", "dash"),
    ("tomas", "MT097750", "Massage Therapist", "Active", "09/30/2027", "upper", "5", "plain"),
    ("elaine", "MT070034", "Massage Therapist", "Active", "04/30/2028", "title", "9", "paren"),
    ("ben", "MT112094", "Massage Therapist", "Active", "02/28/2027", "upper", "5", "dash"),
    ("keisha", "MT090517", "Massage Therapist", "Active", "07/31/2027", "title", "5", "paren"),
    ("aaron", "MT131678", "Massage Therapist", "Active", "05/31/2028", "title", "9", "dash"),
    ("carla", "MT079905", "Massage Therapist", "Active", "10/31/2027", "upper", "5", "paren"),
    ("renee", "MT140221", "Massage Therapist", "Inactive", "01/31/2027", "title", "5", "dash"),
    ("willow", "ME004871", "Massage Establishment", "Active", "08/31/2027", "title", "5", "paren"),
    # same people as registry.json / the bulk file, not on the site
    ("lucia", "MT149336", "Massage Therapist", "Active", "02/29/2028", "title", "9", "dash"),
    ("owen", "MT052268", "Massage Therapist", "Expired", "11/30/2024", "upper", "5", None),
    ("desmond", "MT085530", "Massage Therapist", "Active", "12/31/2027", "upper", "9", "paren"),
    ("greta", "MT067718", "Massage Therapist", "Revoked", "08/19/2024", "upper", "5", None),
    ("roy", "MT091846", "Massage Therapist", "Expired", "05/31/2025", "title", "5", "dash"),
    ("pauline", "MT063390", "Massage Therapist", "Active", "10/31/2028", "title", "5", "dash"),
    ("samira", "MT126604", "Massage Therapist", "Active", "03/31/2027", "title", "9", "plain"),
    ("trevor", "MT143818", "Massage Therapist", "Active", "06/30/2028", "upper", "5", "paren"),
    ("joseib", "MT178402", "Massage Therapist", "Active", "01/31/2028", "title", "5", "paren"),
    ("capital", "ME005612", "Massage Establishment", "Active", "06/30/2027", "upper", "9", "dash"),
    ("nadia", "MT108863", "Massage Therapist", "Inactive", "04/30/2026", "title", "5", None),
    ("kwame", "MT150072", "Massage Therapist", "Active", "09/30/2028", "upper", "5", "dash"),
    ("lila", "MT158834", "Massage Therapist", "Expired", "07/31/2025", "title", "5", "dash"),
    ("brianna", "MT164490", "Massage Therapist", "Inactive", "12/31/2026", "title", "9", None),
    # roster only
    ("bangkok", "ME006893", "Massage Establishment", "Active", "11/30/2027", "upper", "5", "paren"),
    ("lonestar", "MS000214", "Massage School", "Active", "12/31/2027", "title", "9", "dash"),
    ("veronica", "MI002281", "Massage Therapy Instructor", "Active", "07/31/2028", "title", "5", "dash"),
    ("dale", "MT101557", "Massage Therapist", "Revoked", "03/31/2025", "upper", "5", None),
    ("priscilla", "MT166372", "Massage Therapist", "Inactive", "09/30/2026", "title", "5", None),
    ("terrence", "MT119980", "Massage Therapist", "Expired", "02/28/2025", "upper", "9", "dash"),
]
ROSTER_HEADER = ["License Number", "License Type", "License Status", "Expiration Date", "Last Name", "First Name",
                 "Middle Name", "Business Name", "Address Line 1", "Address Line 2", "City", "State", "Zip Code",
                 "County", "Phone"]
ROSTER_FIRST_NAME = {"joseib": "José"}  # the roster keeps the accent NPPES drops
ROSTER_BUSINESS = {"keisha": "Brooks Neuromuscular Studio", "tomas": "Hill Country Sports Recovery"}


# --------------------------------------------------------------------------
# 5. JSON-LD directory site. Which page is which:
#   single object (5): brooks (LocalBusiness), eastsoak (HealthAndBeautyBusiness),
#       park (MedicalBusiness, "@context": "http://schema.org/"), rosecity (DaySpa),
#       milehigh (MedicalClinic)
#   @graph (3):        bullcreek, fulton, glenwood
#   top-level list (1): mapleton
#   microdata only (2): southlamar, tampabay
#   broken JSON (1):   avltp (trailing comma + truncated; no microdata)
#   same businesses as site-truth.json: brooks (keisha-brooks-austin),
#       park (elaine-park-austin), rosecity (rose-city-day-spa-portland)
#   relevant (sciatica / deep tissue / NMT / trigger point / myofascial): brooks, park,
#       milehigh, bullcreek, fulton, mapleton, southlamar; relaxation-only: eastsoak,
#       rosecity, glenwood, tampabay
# --------------------------------------------------------------------------
def svc_offers(names):
    return [{"@type": "Offer", "itemOffered": {"@type": "Service", "name": n}} for n in names]


def catalog(name, names):
    return {"@type": "OfferCatalog", "name": name, "itemListElement": svc_offers(names)}


def postal(e, street_override=None):
    street = street_override or (e["street"] + (", " + e["unit"] if e["unit"] else ""))
    return {"@type": "PostalAddress", "streetAddress": street, "addressLocality": e["city"],
            "addressRegion": e["state"], "postalCode": e["zip"], "addressCountry": "US"}


def geo(lat, lon):
    return {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}


JSONLD_PAGES = []  # dicts: slug, key, variant, relevant, name, title, body, data|microdata|broken


def jpage(slug, key, variant, relevant, name, intro, data=None, microdata=None, broken=None, geo_pt=None):
    e = E[key]
    if geo_pt:
        assert haversine_km(*geo_pt, *CITY_CENTRES[e["city"]]) <= 5.0, slug
    JSONLD_PAGES.append(dict(slug=slug, key=key, variant=variant, relevant=relevant, name=name, intro=intro,
                             data=data, microdata=microdata, broken=broken))


def build_jsonld_pages():
    JSONLD_PAGES.clear()
    ORG = "https://schema.org"
    # --- 5 single objects ---
    e = E["keisha"]
    jpage("brooks-neuromuscular-studio-austin", "keisha", "single", True, "Brooks Neuromuscular Studio",
          "Neuromuscular therapy in South Austin.",
          data={"@context": ORG, "@type": "LocalBusiness", "name": "Brooks Neuromuscular Studio",
                "telephone": fmt_phone(e["phone"], "intl_dash"), "url": "https://brooks-nmt.test/",
                "address": postal(e), "geo": geo(30.2498105, -97.7676321),
                "openingHours": "Mo-Fr 10:00-19:00",
                "description": "Keisha Brooks, LMT, NMT uses neuromuscular therapy and myofascial release for sciatica and piriformis syndrome.",
                "makesOffer": svc_offers(["Neuromuscular Therapy", "Myofascial Release", "Deep Tissue Massage"])},
          geo_pt=(30.2498105, -97.7676321))
    e = E["eastsoak"]
    jpage("eastside-stone-and-soak-austin", "eastsoak", "single", False, "Eastside Stone & Soak",
          "A calm east-side retreat.",
          data={"@context": ORG, "@type": "HealthAndBeautyBusiness", "name": "Eastside Stone & Soak",
                "telephone": fmt_phone(e["phone"], "paren"), "url": "https://eastsidestoneandsoak.example.com/",
                "email": "hello@eastsidestoneandsoak.example.com", "address": postal(e),
                "openingHours": ["Tu-Sa 10:00-20:00", "Su 11:00-17:00"],
                "description": "Relaxation and hot stone massage, aromatherapy and soaking tubs. Unwind after a long week.",
                "hasOfferCatalog": catalog("Spa menu", ["Hot Stone Massage", "Aromatherapy Massage", "Swedish Relaxation Massage"])})
    e = E["elaine"]
    jpage("park-orthopedic-medical-massage-austin", "elaine", "single", True, "Park Orthopedic & Medical Massage",
          "Orthopedic assessment and medical massage.",
          data={"@context": "http://schema.org/", "@type": "MedicalBusiness", "name": "Park Orthopedic & Medical Massage",
                "telephone": fmt_phone(e["phone"], "paren"), "url": "https://park-ortho.example.org",
                "address": postal(e, "3801 N Capital of Texas Hwy, Bldg E"),
                "openingHours": "Mo-Th 07:30-17:30",
                "description": "Dr. Elaine Park, DPT, LMT combines an orthopedic assessment with medical massage for herniated disc and sciatica patients.",
                "makesOffer": svc_offers(["Medical Massage", "Orthopedic Massage", "Post-surgical Rehabilitation"])})
    e = E["rosecity"]
    jpage("rose-city-day-spa-portland", "rosecity", "single", False, "Rose City Day Spa",
          "Downtown Portland day spa.",
          data={"@context": ORG, "@type": "DaySpa", "name": "Rose City Day Spa",
                "telephone": fmt_phone(e["phone"], "dash"), "url": "https://rosecitydayspa.example.com/",
                "email": "info@rosecitydayspa.example.com", "address": postal(e),
                "geo": geo(45.5177140, -122.6796203), "openingHours": "Mo-Su 09:00-21:00",
                "description": "Relaxation and hot stone massage, facials and body wraps in the heart of downtown.",
                "hasOfferCatalog": catalog("Treatments", ["Swedish Massage", "Hot Stone Massage", "Signature Facial"])},
          geo_pt=(45.5177140, -122.6796203))
    e = E["milehigh"]
    jpage("mile-high-spine-massage-clinic-denver", "milehigh", "single", True, "Mile High Spine & Massage Clinic",
          "Clinical massage near Cheesman Park.",
          data={"@context": ORG, "@type": "MedicalClinic", "name": "Mile High Spine & Massage Clinic",
                "telephone": fmt_phone(e["phone"], "intl"), "url": "https://milehighspine.example.org/",
                "email": "frontdesk@milehighspine.example.org", "address": postal(e),
                "geo": geo(39.7412305, -104.9594168),
                "openingHours": ["Mo-Fr 08:00-18:00", "Sa 09:00-13:00"],
                "description": "Clinical massage for sciatica: trigger point therapy and neuromuscular therapy for low back pain and herniated discs.",
                "makesOffer": svc_offers(["Trigger Point Therapy", "Neuromuscular Therapy", "Sciatica Relief Massage"])},
          geo_pt=(39.7412305, -104.9594168))
    # --- 3 @graph ---
    e = E["bullcreek"]
    base = "https://bullcreek-myofascial.example.com/"
    jpage("bull-creek-myofascial-therapy-austin", "bullcreek", "graph", True, "Bull Creek Myofascial Therapy",
          "Myofascial release in northwest Austin.",
          data={"@context": ORG, "@graph": [
              {"@type": "WebPage", "@id": base + "#webpage", "url": base, "name": "Bull Creek Myofascial Therapy | Austin",
               "breadcrumb": {"@id": base + "#breadcrumb"}, "about": {"@id": base + "#business"}},
              {"@type": "BreadcrumbList", "@id": base + "#breadcrumb", "itemListElement": [
                  {"@type": "ListItem", "position": 1, "name": "Home", "item": base},
                  {"@type": "ListItem", "position": 2, "name": "Austin", "item": base + "austin/"}]},
              {"@type": "HealthAndBeautyBusiness", "@id": base + "#business", "name": "Bull Creek Myofascial Therapy",
               "telephone": fmt_phone(e["phone"], "dash"), "url": base, "address": postal(e),
               "openingHours": "Mo-Fr 09:00-17:00",
               "description": "Myofascial release and deep tissue work for sciatica, piriformis syndrome and chronic low back pain.",
               "employee": {"@id": base + "#colette"},
               "makesOffer": svc_offers(["Myofascial Release", "Deep Tissue Massage"])},
              {"@type": "Person", "@id": base + "#colette", "name": "Colette Baptiste", "jobTitle": "Licensed Massage Therapist",
               "worksFor": {"@id": base + "#business"}},
          ]})
    e = E["fulton"]
    base = "https://fultonmarketbodywork.example.com/"
    jpage("fulton-market-bodywork-chicago", "fulton", "graph", True, "Fulton Market Bodywork",
          "West Loop bodywork studio.",
          data={"@context": ORG, "@graph": [
              {"@type": "WebPage", "@id": base + "#webpage", "url": base, "name": "Fulton Market Bodywork"},
              {"@type": "BreadcrumbList", "itemListElement": [
                  {"@type": "ListItem", "position": 1, "name": "Therapists", "item": base + "therapists/"},
                  {"@type": "ListItem", "position": 2, "name": "Fulton Market Bodywork"}]},
              {"@type": "LocalBusiness", "@id": base + "#business", "name": "Fulton Market Bodywork",
               "telephone": fmt_phone(e["phone"], "intl"), "url": base, "email": "studio@fultonmarketbodywork.example.com",
               "address": postal(e), "geo": geo(41.8866491, -87.6527335),
               "openingHours": ["Mo-Fr 09:00-20:00", "Sa 09:00-16:00"],
               "description": "Deep tissue and trigger point therapy for sciatica and low back pain.",
               "employee": [{"@type": "Person", "name": "Desiree Vance", "jobTitle": "Licensed Massage Therapist"}],
               "hasOfferCatalog": catalog("Services", ["Deep Tissue Massage", "Trigger Point Therapy"])},
          ]},
          geo_pt=(41.8866491, -87.6527335))
    e = E["glenwood"]
    base = "https://glenwoodhotstone.example.net/"
    jpage("glenwood-hot-stone-retreat-raleigh", "glenwood", "graph", False, "Glenwood Hot Stone Retreat",
          "Hot stone and aromatherapy in Raleigh.",
          data={"@context": ORG, "@graph": [
              {"@type": "WebPage", "@id": base + "#webpage", "url": base, "name": "Glenwood Hot Stone Retreat"},
              {"@type": "BreadcrumbList", "itemListElement": [
                  {"@type": "ListItem", "position": 1, "name": "Home", "item": base}]},
              {"@type": "DaySpa", "@id": base + "#business", "name": "Glenwood Hot Stone Retreat",
               "telephone": fmt_phone(e["phone"], "dot"), "url": base, "address": postal(e),
               "openingHours": "Tu-Su 10:00-19:00",
               "description": "Relaxation and hot stone massage with aromatherapy. A quiet hour just for you.",
               "employee": {"@type": "Person", "name": "Harriet Lowe", "jobTitle": "Licensed Massage Therapist"},
               "makesOffer": svc_offers(["Hot Stone Massage", "Aromatherapy Massage"])},
          ]})
    # --- 1 top-level list ---
    e = E["mapleton"]
    jpage("mapleton-deep-tissue-boulder", "mapleton", "list", True, "Mapleton Deep Tissue",
          "Deep tissue massage in north Boulder.",
          data=[{"@context": ORG, "@type": "WebSite", "name": "Mapleton Deep Tissue", "url": "https://mapleton-deeptissue.test/"},
                {"@context": ORG, "@type": "HealthAndBeautyBusiness", "name": "Mapleton Deep Tissue",
                 "telephone": fmt_phone(e["phone"], "paren"), "url": "https://mapleton-deeptissue.test/",
                 "address": postal(e), "geo": geo(40.0234018, -105.2786542),
                 "openingHours": "Mo-Sa 09:00-19:00",
                 "description": "Deep tissue massage and myofascial release for sciatica and hip pain.",
                 "makesOffer": svc_offers(["Deep Tissue Massage", "Myofascial Release"])}],
          geo_pt=(40.0234018, -105.2786542))
    # --- 2 microdata only ---
    jpage("south-lamar-sciatica-relief-austin", "southlamar", "microdata", True, "South Lamar Sciatica Relief Massage",
          "", microdata=dict(url="https://southlamar-sciatica.example.com/",
                             description="Trigger point therapy and deep tissue massage focused on sciatica and low back pain."))
    jpage("tampa-bay-swedish-aroma-tampa", "tampabay", "microdata", False, "Tampa Bay Swedish & Aroma",
          "", microdata=dict(url="https://tampabayswedish.example.org/",
                             description="Swedish and aromatherapy massage for pure relaxation."))
    # --- 1 broken ---
    e = E["avltp"]
    broken = (
        '{\n  "@context": "https://schema.org",\n  "@type": "HealthAndBeautyBusiness",\n'
        '  "name": "Asheville Trigger Point Center",\n'
        f'  "telephone": "{fmt_phone(e["phone"], "intl")}",\n'
        '  "address": {\n    "@type": "PostalAddress",\n'
        f'    "streetAddress": "{e["street"]}",\n    "addressLocality": "Asheville",\n'
        '    "addressRegion": "NC",\n    "postalCode": "28801",\n  },\n'
        '  "description": "Trigger point therapy for sciatica",\n  "makesOffer": [\n    {"@type": "Offer", "itemOffered": {"@type": "Serv'
    )
    jpage("asheville-trigger-point-center", "avltp", "broken", False, "Asheville Trigger Point Center",
          "Trigger point therapy downtown.", broken=broken)


PAGE_TMPL = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Bodywork Finder</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{scripts}</head>
<body>
<div class="wrap">
<nav class="n1"><a href="/index.html">All profiles</a></nav>
{main}
<div class="f9">Bodywork Finder is a fictional sample site. Nothing here is real.</div>
</div>
</body>
</html>
"""


def render_page(p) -> str:
    e = E[p["key"]]
    title = html.escape(p["name"])
    scripts = ""
    if p["data"] is not None:
        body = json.dumps(p["data"], indent=2, ensure_ascii=False)
        scripts = f'<script type="application/ld+json">\n{body}\n</script>\n'
    elif p["broken"] is not None:
        scripts = f'<script type="application/ld+json">\n{p["broken"]}\n</script>\n'
    if p["microdata"] is not None:
        md = p["microdata"]
        unit = f', {html.escape(e["unit"])}' if e["unit"] else ""
        main = (
            '<div class="x1" itemscope itemtype="https://schema.org/HealthAndBeautyBusiness">\n'
            f'  <h1 class="x2" itemprop="name">{title}</h1>\n'
            f'  <p class="x3" itemprop="description">{html.escape(md["description"])}</p>\n'
            '  <div class="x4" itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">\n'
            f'    <span itemprop="streetAddress">{html.escape(e["street"])}{unit}</span><br>\n'
            f'    <span itemprop="addressLocality">{html.escape(e["city"])}</span>,\n'
            f'    <span itemprop="addressRegion">{e["state"]}</span>\n'
            f'    <span itemprop="postalCode">{e["zip"]}</span>\n'
            '  </div>\n'
            f'  <p class="x5">Call <span itemprop="telephone">{fmt_phone(e["phone"], "paren")}</span> or visit '
            f'<a itemprop="url" href="{md["url"]}">our website</a>.</p>\n'
            '</div>'
        )
    else:
        main = (
            '<div class="x1">\n'
            f'  <h1 class="x2">{title}</h1>\n'
            f'  <p class="x3">{html.escape(p["intro"])} Details and booking below.</p>\n'
            '  <div class="x6"><button type="button">Book now</button></div>\n'
            '</div>'
        )
    return PAGE_TMPL.format(title=title, scripts=scripts, main=main)


def render_index() -> str:
    items = "\n".join(
        f'<li class="result"><a class="result-link" href="/p/{p["slug"]}.html">{html.escape(p["name"])}</a></li>'
        for p in sorted(JSONLD_PAGES, key=lambda p: p["slug"])
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>Bodywork Finder: all profiles</title>\n</head>\n<body>\n"
        "<h1>All profiles</h1>\n<ul class=\"results\">\n"
        f"{items}\n</ul>\n"
        "<p class=\"f9\">Bodywork Finder is a fictional sample site. Nothing here is real.</p>\n"
        "</body>\n</html>\n"
    )


# --------------------------------------------------------------------------
# Build everything
# --------------------------------------------------------------------------
def assign_npis() -> None:
    keys = [s["key"] for s in REGISTRY] + [s["key"] for s in BULK_ONLY]
    for key in keys:
        E[key]["npi"] = new_npi()
    for key in keys:
        assert npi_is_valid(E[key]["npi"]), key


def load_site_truth():
    path = HERE / "site-truth.json"
    if not path.exists():
        return None
    return {r["slug"]: r for r in json.loads(path.read_text(encoding="utf-8"))}


def check_site_match(truth, slug, name_hint, phone, zip5) -> None:
    if truth is None:
        return
    t = truth[slug]
    assert t["duplicate_of"] is None, slug
    assert t["phone_digits"] == phone, (slug, phone, t["phone_digits"])
    assert t["zip"] == zip5, (slug, zip5, t["zip"])
    assert name_hint, slug


def main() -> None:
    truth = load_site_truth()
    if truth is not None:  # entities without a declared site counterpart must not share a site phone
        site_phones = {t["phone_digits"] for t in truth.values() if t["phone_digits"]}
        for key, e in E.items():
            assert e["site"] or e["phone"] not in site_phones, (key, e["phone"])
    assign_npis()

    # ---- 1. registry ----
    records = [build_registry_record(s) for s in REGISTRY]
    records.sort(key=lambda r: str(r["number"]))
    write_json(HERE / "nppes" / "registry.json", records)

    by_state: Counter = Counter()
    rev_states = {v: k for k, v in STATE_NAMES.items()}
    nppes_matches, nppes_match_npi = [], {}
    massage = massage_active = pts = chiros = 0
    deactivated, reactivated = [], []
    for r in records:
        loc = next(a for a in r["addresses"] if a["address_purpose"] == "LOCATION")
        by_state[rev_states.get(loc["state"], loc["state"])] += 1
        codes = {t["code"] for t in r["taxonomies"]}
        if "225700000X" in codes:
            massage += 1
            massage_active += registry_is_active(r)
        pts += any(c.startswith("2251") for c in codes)
        chiros += any(c.startswith("111N") for c in codes)
        b = r["basic"]
        if not registry_is_active(r):
            deactivated.append(str(r["number"]))
        elif b.get("reactivation_date"):
            reactivated.append(str(r["number"]))
    for s in REGISTRY:
        e = E[s["key"]]
        if e["site"]:
            check_site_match(truth, e["site"], display_name(e), e["phone"], e["zip"])
            nppes_matches.append(e["site"])
            nppes_match_npi[e["site"]] = e["npi"]

    # ---- 2. bulk ----
    rows = []
    for s in REGISTRY:
        if not s.get("bulk"):
            continue
        e = E[s["key"]]
        if s.get("deact") and not s.get("react"):
            rows.append(bulk_row(e, [], "", "", deact=us_date(s["deact"])))
            continue
        tax = [(c, lic, st, "Y" if prim else "N") for c, st, lic, prim in s["tax"]]
        dba = next((o[2] for o in s.get("other_names", []) if o[0] == "Doing Business As"), None)
        idents = [(i[3], i[0], i[4], i[2]) for i in s.get("identifiers", [])]
        upd = "11/0%d/2026" % (1 + len(rows) % 7)
        rows.append(bulk_row(e, tax, us_date(s["enum"]), upd, dba=dba, idents=idents))
    for s in BULK_ONLY:
        e = E[s["key"]]
        if s.get("deact"):
            rows.append(bulk_row(e, [], "", "", deact=s["deact"]))
        else:
            rows.append(bulk_row(e, s["tax"], s["enum"], s["upd"], dba=e["dba"]))
    rows.sort(key=lambda r: r["NPI"])
    bulk_path = HERE / "nppes" / "bulk" / "npidata_pfile_20261101-20261107.csv"
    bulk_path.parent.mkdir(parents=True, exist_ok=True)
    with open(bulk_path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        w.writerow(BULK_COLUMNS)
        for r in rows:
            w.writerow([r[c] for c in BULK_COLUMNS])

    def row_codes(r):
        return [r[f"Healthcare Provider Taxonomy Code_{i}"] for i in range(1, 16) if r[f"Healthcare Provider Taxonomy Code_{i}"]]

    bulk_deact = [r["NPI"] for r in rows if r["NPI Deactivation Date"] and not r["NPI Reactivation Date"]]
    bulk_massage = [r for r in rows if "225700000X" in row_codes(r) and r["NPI"] not in bulk_deact]
    bulk_massage_primary = [r for r in bulk_massage if any(
        r[f"Healthcare Provider Taxonomy Code_{i}"] == "225700000X" and r[f"Healthcare Provider Primary Taxonomy Switch_{i}"] == "Y"
        for i in range(1, 16))]
    bulk_massage_not_first = [r["NPI"] for r in bulk_massage if r["Healthcare Provider Taxonomy Code_1"] != "225700000X"]
    bulk_pt_chiro = [r for r in rows if "225700000X" not in row_codes(r)
                     and any(c.startswith(("2251", "2252", "111N")) for c in row_codes(r))]
    bulk_unrelated = [r for r in rows if row_codes(r) and "225700000X" not in row_codes(r)
                      and not any(c.startswith(("2251", "2252", "111N")) for c in row_codes(r))]
    registry_npis = {str(r["number"]) for r in records}
    bulk_site = {}
    for r in bulk_massage:
        for key, e in E.items():
            if e.get("npi") == r["NPI"] and e["site"]:
                bulk_site[e["site"]] = r["NPI"]

    # ---- 3. overpass ----
    elements = [build_overpass_element(s) for s in OVERPASS]
    order = {"node": 0, "way": 1, "relation": 2}
    elements.sort(key=lambda el: (order[el["type"]], el["id"]))
    write_json(HERE / "overpass" / "interpreter.json",
               {"version": 0.6, "generator": OSM_GENERATOR, "osm3s": OSM3S, "elements": elements})
    write_json(HERE / "overpass" / "timeout.json",
               {"version": 0.6, "generator": OSM_GENERATOR, "osm3s": OSM3S, "elements": [],
                "remark": "runtime error: Query timed out in \"query\" at line 3 after 180 seconds."})
    osm_matches = {}
    for s in OVERPASS:
        e = E[s["key"]]
        if e["site"]:
            check_site_match(truth, e["site"], s["name"], e["phone"], e["zip"])
            osm_matches[e["site"]] = s["name"]

    # ---- 4. roster ----
    roster_rows = []
    roster_matches = {}
    for key, lic, ltype, status, exp, name_style, zip_style, phone_style in ROSTER:
        e = E[key]
        up = (lambda s: s.upper()) if name_style == "upper" else (lambda s: s)
        is_person = ltype in ("Massage Therapist", "Massage Therapy Instructor") and not e["org"]
        if is_person:
            last, first, middle = up(e["last"]), up(ROSTER_FIRST_NAME.get(key, e["first"])), up(e["middle"])
            business = ROSTER_BUSINESS.get(key, "")
        else:
            last = first = middle = ""
            business = up(e["org"])
        zipc = e["zip"] + ("-" + e["zip4"] if zip_style == "9" else "")
        phone = fmt_phone(e["phone"], phone_style) if (phone_style and e["phone"]) else ""
        unit = e["unit"]
        roster_rows.append([lic, ltype, status, exp, last, first, middle, business, up(e["street"]), up(unit),
                            up(e["city"]), "TX", zipc, COUNTY_OF[e["city"]], phone])
        if e["site"]:
            check_site_match(truth, e["site"], last or business, e["phone"], e["zip"])
            assert phone, key
            roster_matches[e["site"]] = lic
    roster_rows.sort(key=lambda r: r[0])
    roster_path = HERE / "rosters" / "tx_massage_roster.csv"
    roster_path.parent.mkdir(parents=True, exist_ok=True)
    with open(roster_path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(ROSTER_HEADER)
        w.writerows(roster_rows)

    # ---- 5. JSON-LD site ----
    build_jsonld_pages()
    site_dir = HERE / "jsonld-site"
    if site_dir.exists():
        shutil.rmtree(site_dir)
    write_text(site_dir / "robots.txt", "User-agent: *\nAllow: /\n")
    write_text(site_dir / "index.html", render_index())
    jsonld_matches = {}
    for p in JSONLD_PAGES:
        write_text(site_dir / "p" / f"{p['slug']}.html", render_page(p))
        e = E[p["key"]]
        if e["site"]:
            check_site_match(truth, e["site"], p["name"], e["phone"], e["zip"])
            jsonld_matches[e["site"]] = p["slug"]

    # ---- 6. truth ----
    def slugs(variant):
        return sorted(p["slug"] for p in JSONLD_PAGES if p["variant"] == variant)

    truth_out = {
        "_notes": [
            "matches_site lists canonical site-truth slugs (duplicate_of null) whose phone_digits and 5-digit zip equal the source record's; the site's listed-twice duplicates (e.g. jane-m-alvarez-austin) match the same records.",
            "nppes.active: basic.status == 'A' and no deactivation_date without a later reactivation_date. nppes.massage: records with 225700000X in any taxonomy (any status). by_state: LOCATION address state, spelled-out names mapped to codes.",
            "nppes_bulk.with_taxonomy_225700000X_active: rows with 225700000X in any Healthcare Provider Taxonomy Code_N slot and no NPI Deactivation Date.",
            "roster.active_massage_therapists: License Type 'Massage Therapist' and License Status 'Active'.",
            "jsonld_site.relevant excludes the broken page (it must be counted as a drop).",
        ],
        "nppes": {
            "records": len(records),
            "old_style": sum(isinstance(r["number"], int) for r in records),
            "new_style": sum(isinstance(r["number"], str) for r in records),
            "active": sum(registry_is_active(r) for r in records),
            "massage": massage,
            "massage_active": massage_active,
            "physical_therapists": pts,
            "chiropractors": chiros,
            "organizations": sum(r["enumeration_type"] == "NPI-2" for r in records),
            "by_state": dict(sorted(by_state.items())),
            "deactivated": sorted(deactivated),
            "reactivated": sorted(reactivated),
            "matches_site": sorted(nppes_matches),
            "match_npi": dict(sorted(nppes_match_npi.items())),
        },
        "nppes_bulk": {
            "rows": len(rows),
            "columns": len(BULK_COLUMNS),
            "line_terminator": "\r\n",
            "with_taxonomy_225700000X_active": len(bulk_massage),
            "with_taxonomy_225700000X_primary": len(bulk_massage_primary),
            "taxonomy_225700000X_not_in_slot_1": sorted(bulk_massage_not_first),
            "pt_or_chiro_without_massage": len(bulk_pt_chiro),
            "unrelated": len(bulk_unrelated),
            "deactivated": sorted(bulk_deact),
            "organizations": sum(r["Entity Type Code"] == "2" for r in rows),
            "same_npi_as_registry": sorted(r["NPI"] for r in rows if r["NPI"] in registry_npis),
            "matches_site": sorted(bulk_site),
        },
        "overpass": {
            "elements": len(elements),
            "by_type": dict(sorted(Counter(el["type"] for el in elements).items())),
            "shop_massage": sum(el["tags"].get("shop") == "massage" for el in elements),
            "physiotherapist": sum(el["tags"].get("healthcare") == "physiotherapist" for el in elements),
            "chiropractic": sum(el["tags"].get("healthcare:speciality") == "chiropractic" for el in elements),
            "relaxation_only": sorted(el["tags"]["name"] for el in elements if el["tags"].get("description") == RELAX),
            "sciatica_description": sorted(el["tags"]["name"] for el in elements if "sciatica" in el["tags"].get("description", "")),
            "without_phone": sorted(el["tags"]["name"] for el in elements if "phone" not in el["tags"] and "contact:phone" not in el["tags"]),
            "matches_site": sorted(osm_matches),
            "match_name": dict(sorted(osm_matches.items())),
        },
        "roster": {
            "rows": len(roster_rows),
            "active": sum(r[2] == "Active" for r in roster_rows),
            "active_massage_therapists": sum(r[1] == "Massage Therapist" and r[2] == "Active" for r in roster_rows),
            "by_status": dict(sorted(Counter(r[2] for r in roster_rows).items())),
            "by_type": dict(sorted(Counter(r[1] for r in roster_rows).items())),
            "empty_phone": sum(not r[14] for r in roster_rows),
            "matches_site": sorted(roster_matches),
            "match_license": dict(sorted(roster_matches.items())),
        },
        "jsonld_site": {
            "profiles": len(JSONLD_PAGES),
            "single": slugs("single"),
            "graph": slugs("graph"),
            "list": slugs("list"),
            "microdata": slugs("microdata"),
            "broken": slugs("broken"),
            "relevant": sorted(p["slug"] for p in JSONLD_PAGES if p["relevant"]),
            "relaxation_only": sorted(p["slug"] for p in JSONLD_PAGES if not p["relevant"] and p["variant"] != "broken"),
            "matches_site": sorted(jsonld_matches),
            "match_profile": dict(sorted(jsonld_matches.items())),
        },
    }
    write_json(HERE / "sources-truth.json", truth_out)


if __name__ == "__main__":
    main()
