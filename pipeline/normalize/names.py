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
    }
)
TITLES = frozenset({"DR", "MR", "MRS", "MS", "MX", "MISS", "PROF"})
SUFFIXES = frozenset({"JR", "SR", "II", "III", "IV"})
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
    }
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
}
_PLACEHOLDER = {"", "--", "-"}


def split_credentials(name: str) -> tuple[str, list[str]]:
    """'JANE DOE, LMT, NCBTMB' -> ('Jane Doe', ['LMT', 'NCBTMB']); titles and placeholders are dropped.

    Registers write 'DOE, JANE M' (surname first): that is turned round to 'Jane M Doe'.
    """
    tokens = re.split(r"[\s,]+", _surname_last(name.strip()))
    kept: list[str] = []
    credentials: list[str] = []
    for token in tokens:
        bare = token.strip(".").upper().replace(".", "")
        if not bare or token in _PLACEHOLDER:
            continue
        if bare in CREDENTIALS and kept:
            credentials.append(bare)
        elif bare in TITLES and not kept:
            continue
        else:
            kept.append(token)
    return proper_case(" ".join(kept)), credentials


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
    """'LMT, NCBTMB' or 'L.M.T.' -> ['LMT', 'NCBTMB'] (unknown words are kept, upper-cased)."""
    return [
        part.replace(".", "").upper()
        for part in re.split(r"[\s,/;]+", text or "")
        if part.replace(".", "").strip() and part not in _PLACEHOLDER
    ]


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


def listing_kind(name: str) -> str:
    """person or business, from the shape of the name."""
    words = {word.strip(".,").lower() for word in name.split()}
    if words & BUSINESS_WORDS or len(words) > 4 or len(words) < 2:
        return "business"
    return "person"
