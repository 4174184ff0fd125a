"""Names of therapists and practices: credentials split off, titles dropped, shouting tamed, person or business."""

from __future__ import annotations

import re

# Credentials seen after massage, physical-therapy and chiropractic names (upper case, no dots).
CREDENTIALS = frozenset(
    {
        "LMT",
        "LMBT",
        "CMT",
        "NCBTMB",
        "BCTMB",
        "RMT",
        "LMP",
        "LMTI",
        "CNMT",
        "NMT",
        "MMT",
        "CMMT",
        "LLCC",
        "PT",
        "DPT",
        "MPT",
        "OCS",
        "SCS",
        "DC",
        "DACBSP",
        "CCSP",
        "MD",
        "DO",
        "OTR",
        "OT",
        "ATC",
        "CSCS",
        "PHD",
        "MS",
        "MA",
        "BS",
        "RN",
        "LAC",
        "CPT",
        "CST",
        "MLD",
        "CLT",
        "PSYD",
        "PHARMD",
        "RPH",
        "LICSW",
        "LCSW",
        "LMFT",
        "LPC",
        "CGP",
        "OTR/L",
        "COTA",
        "COTA/L",
        "DDS",
        "DMD",
        "NP",
        "FNP",
        "APRN",
        "PA-C",
        "PA",
        "LAT",
    }
)
TITLES = frozenset({"DR", "MR", "MRS", "MS", "MX", "MISS", "PROF"})
SUFFIXES = frozenset({"JR", "SR", "II", "III", "IV"})
# Credentials that end a name without a comma only when they cannot be the surname: two-letter
# ones (DO, MA, PA, MS...) are real surnames ("Linh Do", "Kim Ma") and are split only after a comma.
UNMISTAKABLE = frozenset(c for c in CREDENTIALS if len(c) >= 3) | {"MD", "DPT"}
# Legal forms of a business: after a comma they are part of its name ("Smith Practice, PC").
LEGAL_SUFFIXES = frozenset({"PC", "PA", "PLLC", "LLC", "LLP", "LP", "INC", "LTD", "CORP", "CO", "PLC", "PSC"})
# Words that form a credential with a single letter: "Pharm D", "Psy D".
_CREDENTIAL_PARTS = frozenset({"PHARM", "PSY", "ED"})
BUSINESS_WORDS = frozenset(
    {
        "spa",
        "massage",
        "clinic",
        "studio",
        "wellness",
        "salon",
        "center",
        "centre",
        "llc",
        "inc",
        "pllc",
        "therapy",
        "therapies",
        "bodywork",
        "bodyworks",
        "health",
        "group",
        "co",
        "company",
        "day",
        "institute",
        "associates",
        "rehab",
        "chiropractic",
        "yoga",
        "float",
        "nails",
        "sports",
        "grooming",
        "supply",
        "retreat",
        "lounge",
        "house",
        "collective",
        "works",
        "the",
        "and",
        "&",
        "physical",
        "physio",
        "physiotherapy",
        "medical",
        "relief",
        "care",
        "studios",
        "corp",
        "ltd",
        # Practices named after what they do ("DeLuca Neuromuscular", "Kinetic Touch").
        "neuromuscular",
        "myofascial",
        "therapeutic",
        "therapeutics",
        "healing",
        "touch",
        "hands",
        "spine",
        "pain",
        "recovery",
        "restore",
        "restorative",
        "balance",
        "integrative",
        "holistic",
        "kinetic",
        "motion",
        "movement",
        "performance",
        "clinical",
        "remedial",
        "bodyworker",
        "pllc.",
        "llp",
        "partners",
        "club",
        "yacht",
        "gym",
        "fitness",
        "pharmacy",
        "dental",
        "dentistry",
        "hospital",
        "surgery",
        "surgical",
        "orthopaedics",
        "orthopedics",
        "pc",
        "plc",
        "psc",
        "cafe",
        "café",
        "shop",
        "store",
        "academy",
        "school",
        "university",
        "hotel",
        "resort",
    }
)
# Words that do not count toward a person's name length: initials, generational suffixes and the
# particles of surnames ("Jon F. Van Rader Sr." is a person of three words).
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "st", "bin", "al"}
)
# Words whose case is fixed whatever the source did.
_FIXED = {
    "llc": "LLC",
    "pllc": "PLLC",
    "inc": "Inc",
    "ltd": "Ltd",
    "ii": "II",
    "iii": "III",
    "iv": "IV",
    "nmt": "NMT",
    "mfr": "MFR",
    "pt": "PT",
    "dba": "DBA",
    # Legal forms, directions and numerals keep their capitals: "Practice, PC", "Rd NE".
    "pc": "PC",
    "pa": "PA",
    "llp": "LLP",
    "lp": "LP",
    "plc": "PLC",
    "psc": "PSC",
    "ne": "NE",
    "nw": "NW",
    "se": "SE",
    "sw": "SW",
    "dds": "DDS",
    "md": "MD",
}
_PLACEHOLDER = {"", "--", "-"}
_LIST_SEPARATOR = re.compile(r"[,;]+")
_SLASH_BETWEEN = re.compile(r"/(?![A-Za-z]\b)")


def split_credentials(name: str) -> tuple[str, list[str]]:
    """'JANE DOE, LMT, NCBTMB' -> ('Jane Doe', ['LMT', 'NCBTMB']); titles and placeholders are dropped.

    Credentials are split off after a comma ("Kim Ma, LMT"), or at the end of the name only when
    they cannot be a surname ("Marcus O'Neil LMT"): a person's name never loses its last word, so
    "Linh Do" and "Kim Ma" stay whole (DO and MA are credentials too). Legal suffixes after a comma
    ("Smith Practice, PC") belong to the name. Registers write 'DOE, JANE M' (surname first): that
    is turned round to 'Jane M Doe'.
    """
    head, comma, tail = _surname_last(name.strip()).partition(",")
    words = [word for word in head.split() if word not in _PLACEHOLDER]
    while len(words) > 1 and _bare(words[0]) in TITLES:
        words = words[1:]
    credentials: list[str] = []
    while len(words) > 1 and _bare(words[-1]) in UNMISTAKABLE:
        credentials.insert(0, _bare(words.pop()))
    kept_tail = []
    for part in tail.split(",") if comma else []:
        part = part.strip()
        if not part or part in _PLACEHOLDER:
            continue
        if _bare(part) in LEGAL_SUFFIXES | SUFFIXES or not _credential_shaped(part):
            kept_tail.append(part)  # "PC", "Jr", "Jones & Associates": part of the name
        else:
            credentials += split_credential_text(part)
    name_text = " ".join(words) + "".join(f", {part}" for part in kept_tail)
    return proper_case(name_text), list(dict.fromkeys(credentials))


def _bare(token: str) -> str:
    return token.strip(".,").upper().replace(".", "")


def _credential_shaped(part: str) -> bool:
    """'LMT', 'Ph.D.', 'M. D.', 'Pharm D', 'OTR/L', 'LMT NCBTMB': credential letters, not words."""
    tokens = part.replace("/", " ").split()
    return bool(tokens) and all(
        _bare(token) in CREDENTIALS
        or _bare(token) in _CREDENTIAL_PARTS
        or len(_bare(token)) == 1
        or (token.replace(".", "").isupper() and len(_bare(token)) <= 6)
        for token in tokens
    )


def _surname_last(name: str) -> str:
    """'DOE, JANE M, LMT' -> 'JANE M DOE, LMT'; 'Jane Doe, LMT' and 'Doe, LMT' are left alone."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) < 2 or len(parts[0].split()) != 1 or not parts[1]:
        return name
    given = parts[1].split()
    words = {word.strip(".").upper() for word in given}
    if (
        len(given) > 3
        or words & CREDENTIALS
        or {w.lower() for w in words} & BUSINESS_WORDS
        or words <= TITLES | SUFFIXES
    ):
        return name
    return ", ".join([f"{parts[1]} {parts[0]}", *parts[2:]])


def split_credential_text(text: str) -> list[str]:
    """'LMT, NCBTMB', 'L.M.T.', 'M. D.', 'Pharm D', 'Ph.D., CGP', 'OTR/L', 'PT/DPT' -> credentials,
    upper case without dots; a credential written in parts stays whole (['MD'], ['PHARMD'],
    ['OTR/L']), a list is split (['PT', 'DPT'])."""
    found = []
    for part in _LIST_SEPARATOR.split(text or ""):
        part = part.strip()
        if not part or part in _PLACEHOLDER:
            continue
        # "OTR/L", "COTA/L": a slash before one letter is part of the credential; "PT/DPT" is two.
        for piece in _SLASH_BETWEEN.split(part):
            tokens = piece.split()
            if len(tokens) > 1 and any(len(_bare(t)) == 1 or _bare(t) in _CREDENTIAL_PARTS for t in tokens):
                found.append("".join(_bare(t) for t in tokens))  # "M. D." -> MD, "Pharm D" -> PHARMD
            else:
                found += [_bare(t) for t in tokens if _bare(t)]
    return found


def proper_case(value: str) -> str:
    """Title-case text only when the source shouted it; keep McDonald, O'Neil, DeLuca intact."""
    if not value or not value.isupper():
        return value
    words = []
    for word in value.lower().split(" "):
        if word.strip(".,") in _FIXED:
            words.append(word.replace(word.strip(".,"), _FIXED[word.strip(".,")]))
            continue
        word = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
        if word.startswith("Mc") and len(word) > 2:
            word = "Mc" + word[2].upper() + word[3:]
        if len(word) > 2 and word[1] == "'":
            word = word[:2] + word[2].upper() + word[3:]
        words.append(word)
    return " ".join(words)


def listing_kind(name: str, hint: str | None = None) -> str:
    """person or business: what the source says (NPPES's entity type, an OSM place is a business),
    else from the shape of the name (a business word; two to four words of a person's name, not
    counting initials, particles and suffixes)."""
    if hint in ("person", "business", "site"):
        return hint
    words = [word.strip(".,").lower() for word in name.split()]
    if set(words) & BUSINESS_WORDS:
        return "business"
    counted = [w for w in words if len(w) > 1 and w not in _PARTICLES and w.upper() not in SUFFIXES]
    return "person" if 2 <= len(counted) <= 4 else "business"
