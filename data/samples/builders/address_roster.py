"""A board roster whose addresses are one string each, ``rosters/ma_massage_roster.csv``.

Many boards (and most scraped directories) print the whole address in one column, in whatever
shape the licensee typed it: commas or none, "Massachusetts" spelled out, ZIP+4, a ZIP whose
leading zero a spreadsheet dropped, a PO box beside the street, just a town, and licensees who
practise across the state line (New Hampshire) or abroad (Canada). Names are "LAST, FIRST" as
boards print them. ``csv.QUOTE_MINIMAL``, lines end with ``"\\n"``, UTF-8 without BOM.

Everything is invented but the towns, states and ZIP codes.
"""

from __future__ import annotations

import csv

from .formats import SAMPLES

PATH = SAMPLES / "rosters" / "ma_massage_roster.csv"
HEADER = ["License Number", "Licensee Name", "License Type", "Status", "Expiration", "Address", "Phone", "Website"]
# (license, name, type, status, expiration, address, phone); `expect` says where each should land.
ROWS = [
    ("LMT-20411", "ABERNATHY, LUCIA M", "Massage Therapist", "Current", "10/31/2027",
     "88 Larkspur Way, Suite 4, Framingham, Massachusetts 01701", "(508) 555-0121"),
    ("LMT-20412", "DUBOIS, MARCEL", "Massage Therapist", "Current", "06/30/2028",
     "410 Quillfeather St Somerville MA 02144", "617-555-0124"),
    ("LMT-20413", "OKONKWO, ADA", "Massage Therapist", "Current", "03/31/2027",
     "12 Harbor Bend Rd, Portsmouth, New Hampshire 03801", "(603) 555-0126"),
    ("LMT-20414", "PRZYBYLSKI, ANNA", "Massage Therapist", "Current", "12/31/2027",
     "PO Box 77, 215 Thornapple Ave, Worcester, MA 01609-2241", "508.555.0127"),
    ("LMT-20415", "SANTOS, RENATA", "Massage Therapist", "Current", "08/31/2028",
     "1180 Saltmarsh Rd Lowell MA 1852", ""),
    ("LMT-20416", "LINDQVIST, ERIK", "Massage Therapist", "Current", "05/31/2028", "Northampton, MA", ""),
    ("LMT-20417", "HALVORSEN, INGRID", "Massage Therapist", "Current", "11/30/2027",
     "55 Cormorant Cres, Windsor, ON N9A 1A1", "(519) 555-0128"),
    ("LMT-20418", "BRENNAN, KIERAN", "Massage Therapist", "Current", "09/30/2027",
     "77 Wrenfield Ct # 3, Nashua NH 03060", "603 555 0129"),
    ("LMT-20419", "CHEN, MEI", "Massage Therapist", "Current", "04/30/2028",
     "900 Boylston Ridge Ave Ste 210 Boston MA 02115", "(617) 555-0132"),
    ("LMT-20420", "VARGAS, TEODORO", "Massage Therapist", "Expired", "01/31/2025",
     "31 Tidewater Ln, Gloucester, MA 01930", ""),
]  # fmt: skip
# Where each row must be found once parsed (the end-to-end tests check these): city, state, ZIP;
# None for the foreign row (not loaded) and the expired licence (dropped).
EXPECT = {
    "LMT-20411": ("Framingham", "MA", "01701"),
    "LMT-20412": ("Somerville", "MA", "02144"),
    "LMT-20413": ("Portsmouth", "NH", "03801"),
    "LMT-20414": ("Worcester", "MA", "01609"),
    "LMT-20415": ("Lowell", "MA", "01852"),
    "LMT-20416": ("Northampton", "MA", None),
    "LMT-20417": None,
    "LMT-20418": ("Nashua", "NH", "03060"),
    "LMT-20419": ("Boston", "MA", "02115"),
    "LMT-20420": None,
}


# The last column (empty for the rest): the practices' own sites, see practice_sites.
WEBSITE = {
    "LMT-20411": "https://abernathy-massage.example.com/",
    "LMT-20412": "dubois-bodywork.example.org",
    "LMT-20413": "https://okonkwo-bodywork.test/",
    "LMT-20414": "http://przybylski-massage.example.net/",
    "LMT-20415": "https://santos-massage.test/",
    "LMT-20416": "https://lindqvist-massage.example.com/",
    "LMT-20418": "https://brennan-sportsmassage.example.com/",
    "LMT-20419": "https://meichen-massage.example.com/",
}


def build() -> list[tuple[str, ...]]:
    return sorted((*row, WEBSITE.get(row[0], "")) for row in ROWS)


def write(rows: list[tuple[str, ...]]) -> None:
    PATH.parent.mkdir(parents=True, exist_ok=True)
    with open(PATH, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)


def truth(rows: list[tuple[str, ...]]) -> dict:
    return {
        "rows": len(rows),
        "current": sum(row[3] == "Current" for row in rows),
        "foreign": sorted(
            row[0] for row in rows if row[0] in EXPECT and EXPECT[row[0]] is None and row[3] == "Current"
        ),
        "across_the_state_line": sorted(row[0] for row in rows if (EXPECT.get(row[0]) or ("", "MA"))[1] != "MA"),
        "expect": {key: list(value) if value else None for key, value in sorted(EXPECT.items())},
    }
