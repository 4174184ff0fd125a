"""The NPPES bulk dissemination file sample, ``nppes/bulk/npidata_pfile_20261101-20261107.csv``.

NPPES dissemination file rows under the real 330-column header. Every value
double-quoted (``csv.QUOTE_ALL``, header included as in the CMS file), lines
end with ``"\\r\\n"``, UTF-8 without BOM. Deactivated rows carry only the NPI
and the deactivation date, as CMS publishes them.
"""

from __future__ import annotations

import csv

from .entities import ENTITIES, zip9
from .formats import SAMPLES
from .nppes_api import GROUP_SINGLE, REGISTRY

BULK_PATH = SAMPLES / "nppes" / "bulk" / "npidata_pfile_20261101-20261107.csv"

# --------------------------------------------------------------------------
# NPPES bulk file
# --------------------------------------------------------------------------
BULK_HEADER = (
    "NPI,Entity Type Code,Replacement NPI,Employer Identification Number (EIN),Provider Organization Name (Legal Business Name),Provider Last Name (Legal Name),Provider First Name,Provider Middle Name,Provider Name Prefix Text,Provider Name Suffix Text,Provider Credential Text,Provider Other Organization Name,Provider Other Organization Name Type Code,Provider Other Last Name,Provider Other First Name,Provider Other Middle Name,Provider Other Name Prefix Text,Provider Other Name Suffix Text,Provider Other Credential Text,Provider Other Last Name Type Code,Provider First Line Business Mailing Address,Provider Second Line Business Mailing Address,Provider Business Mailing Address City Name,Provider Business Mailing Address State Name,Provider Business Mailing Address Postal Code,Provider Business Mailing Address Country Code (If outside U.S.),Provider Business Mailing Address Telephone Number,Provider Business Mailing Address Fax Number,Provider First Line Business Practice Location Address,Provider Second Line Business Practice Location Address,Provider Business Practice Location Address City Name,Provider Business Practice Location Address State Name,Provider Business Practice Location Address Postal Code,Provider Business Practice Location Address Country Code (If outside U.S.),Provider Business Practice Location Address Telephone Number,Provider Business Practice Location Address Fax Number,Provider Enumeration Date,Last Update Date,NPI Deactivation Reason Code,NPI Deactivation Date,NPI Reactivation Date,Provider Sex Code,Authorized Official Last Name,Authorized Official First Name,Authorized Official Middle Name,Authorized Official Title or Position,Authorized Official Telephone Number,"
    + ",".join(
        f"Healthcare Provider Taxonomy Code_{i},Provider License Number_{i},Provider License Number State Code_{i},Healthcare Provider Primary Taxonomy Switch_{i}"
        for i in range(1, 16)
    )
    + ","
    + ",".join(
        f"Other Provider Identifier_{i},Other Provider Identifier Type Code_{i},Other Provider Identifier State_{i},Other Provider Identifier Issuer_{i}"
        for i in range(1, 51)
    )
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
    dict(
        key="sofia",
        tax=[("171100000X", "AC01942", "TX", "Y"), ("225700000X", "MT122207", "TX", "N")],
        enum="09/12/2016",
        upd="11/02/2026",
    ),
    dict(key="brianna", tax=[("225700000X", "MT164490", "TX", "Y")], enum="01/18/2022", upd="11/05/2026"),
    dict(key="mopac", tax=[("225700000X", "ME006120", "TX", "Y")], enum="07/07/2017", upd="11/04/2026"),
    dict(key="henry", tax=[("225700000X", "MT137001", "TX", "Y")], enum="02/25/2019", upd="11/06/2026"),
    dict(key="talia", tax=[("225700000X", "MT.0019877", "CO", "Y")], enum="05/30/2018", upd="11/01/2026"),
    dict(
        key="kenji",
        tax=[
            ("2255A2300X", "AT.0003318", "CO", "N"),
            ("171100000X", "", "", "N"),
            ("225700000X", "MT.0022610", "CO", "Y"),
        ],
        enum="08/21/2019",
        upd="11/02/2026",
    ),
    dict(key="nora", tax=[("225700000X", "MT.0025543", "CO", "Y")], enum="06/14/2022", upd="11/03/2026"),
    dict(key="beth", tax=[("225700000X", "19904", "OR", "Y")], enum="10/05/2015", upd="11/04/2026"),
    dict(key="isaac", tax=[("225700000X", "16021", "NC", "Y")], enum="12/09/2014", upd="11/05/2026"),
    dict(key="monica", tax=[("225700000X", "20417", "NC", "Y")], enum="03/27/2023", upd="11/06/2026"),
    dict(
        key="damian",
        tax=[("225700000X", "227.018806", "IL", "Y"), ("225700000X", "9921-146", "WI", "N")],
        enum="11/16/2017",
        upd="11/01/2026",
    ),
    dict(key="celeste", tax=[("225700000X", "MA88215", "FL", "Y")], enum="02/08/2021", upd="11/02/2026"),
    # physical therapists / chiropractors
    dict(key="wendy", tax=[("2251X0800X", "1211809", "TX", "Y")], enum="06/03/2013", upd="11/03/2026"),
    dict(key="nathan", tax=[("225200000X", "2213064", "TX", "Y")], enum="08/28/2020", upd="11/04/2026"),
    dict(
        key="eastpt",
        tax=[("225100000X", "", "", "Y"), ("2251S0007X", "", "", "N")],
        enum="04/11/2018",
        upd="11/05/2026",
    ),
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
    dict(
        key="arjun",
        tax=[("2084N0400X", "036.140022", "IL", "Y"), ("207R00000X", "036.140022", "IL", "N")],
        enum="07/17/2013",
        upd="11/01/2026",
    ),
    dict(key="pharmacy", tax=[("3336C0003X", "PH30114", "FL", "Y")], enum="03/03/2014", upd="11/02/2026"),
    dict(key="diana", tax=[("207X00000X", "ME120388", "FL", "Y")], enum="10/10/2010", upd="11/03/2026"),
    # deactivated, bulk-only (the registry's deactivated "greta" is the other one)
    dict(key="eric", deact="10/31/2026"),
]


def us_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{m}/{d}/{y}"


def bulk_row(e, tax, enum, upd, *, deact=None, cred=None, dba=None, other_last=None, idents=()) -> dict:
    row = dict.fromkeys(BULK_COLUMNS, "")
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
        row["Is Sole Proprietor"] = (
            "Y" if e["key"] in ("jane", "kwame", "celeste") else ("X" if e["key"] in ("lila",) else "N")
        )
        row["Certification Date"] = upd
    street, unit = e["street"].upper(), e["unit"].upper().replace("SUITE ", "STE ")
    for kind in ("Mailing", "Practice Location"):
        pre = "Provider First Line Business " + (
            "Mailing Address" if kind == "Mailing" else "Practice Location Address"
        )
        row[pre] = street
        base = (
            "Provider Business Mailing Address" if kind == "Mailing" else "Provider Business Practice Location Address"
        )
        row[
            (
                "Provider Second Line Business Mailing Address"
                if kind == "Mailing"
                else "Provider Second Line Business Practice Location Address"
            )
        ] = unit
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


def build() -> list[dict]:
    """The rows (column -> value), sorted by NPI: the registry's ``bulk=True`` records, then ``BULK_ONLY``."""
    rows = []
    for s in REGISTRY:
        if not s.get("bulk"):
            continue
        e = ENTITIES[s["key"]]
        if s.get("deact") and not s.get("react"):
            rows.append(bulk_row(e, [], "", "", deact=us_date(s["deact"])))
            continue
        tax = [(c, lic, st, "Y" if prim else "N") for c, st, lic, prim in s["tax"]]
        dba = next((o[2] for o in s.get("other_names", []) if o[0] == "Doing Business As"), None)
        idents = [(i[3], i[0], i[4], i[2]) for i in s.get("identifiers", [])]
        upd = f"11/0{1 + len(rows) % 7}/2026"
        rows.append(bulk_row(e, tax, us_date(s["enum"]), upd, dba=dba, idents=idents))
    for s in BULK_ONLY:
        e = ENTITIES[s["key"]]
        if s.get("deact"):
            rows.append(bulk_row(e, [], "", "", deact=s["deact"]))
        else:
            rows.append(bulk_row(e, s["tax"], s["enum"], s["upd"], dba=e["dba"]))
    rows.sort(key=lambda r: r["NPI"])
    return rows


def write(rows: list[dict]) -> None:
    BULK_PATH.parent.mkdir(parents=True, exist_ok=True)
    with open(BULK_PATH, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        w.writerow(BULK_COLUMNS)
        for r in rows:
            w.writerow([r[c] for c in BULK_COLUMNS])


def row_codes(r) -> list[str]:
    """A row's taxonomy codes, in slot order."""
    codes = (r[f"Healthcare Provider Taxonomy Code_{i}"] for i in range(1, 16))
    return [c for c in codes if c]
