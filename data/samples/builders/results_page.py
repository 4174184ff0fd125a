"""A directory's search results page whose cards carry everything, ``results-site/``.

Real results pages often print name, phone, address and specialties on each card and link to
profiles that no longer exist (404). The html source reads the cards (`card_fields`): a card
with a dead profile link, or with none, still gives a listing. Names show the shapes that used to
lose surnames or split credentials ("Linh Do", "Kim Ma, LMT", "Ann Okafor, OTR/L").
"""

from __future__ import annotations

import html

from .formats import SAMPLES

FOLDER = SAMPLES / "results-site"
# (name, phone, one-line address, specialties, profile slug or None, profile exists)
CARDS = [
    ("Linh Do", "(512) 555-0165", "3300 Larkspur Ave Ste 4, Austin, TX 78705", ["Deep tissue", "Trigger point therapy"],
     "linh-do", True),
    ("Kim Ma, LMT", "512-555-0166", "1910 Quillfeather Dr, Austin, TX 78757", ["Neuromuscular therapy", "Sciatica relief"],
     "kim-ma", False),
    ("Ann Okafor, OTR/L", "(512) 555-0167", "501 Orchard Row, Round Rock, TX 78664", ["Myofascial release"],
     "ann-okafor", False),
    ("Café do Ponto Massagem", "512.555.0168", "88 Tidewater Ln Austin TX 78702", ["Swedish", "Hot stone"], None, False),
    ("Bram Voss, LMT", "(512) 555-0169", "2400 Wrenfield Blvd #12, Austin, TX 78745",
     ["Medical massage", "Sports massage"], None, False),
]  # fmt: skip
# The practices' own sites some cards link to (see practice_sites).
WEBSITES = {
    "Café do Ponto Massagem": "https://cafedoponto.example.com/",
    "Bram Voss, LMT": "https://vossbodywork.test/",
}
PROFILE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{name}</title></head>
<body><main class="profile"><h1 class="profile-name">{name}</h1>
<p class="about">Deep tissue and trigger point work for desk-bound backs and sciatica.</p></main></body></html>
"""


def build() -> dict[str, str]:
    """Path -> text of every file of the results site."""
    cards = []
    for name, phone, address, specialties, slug, _ in CARDS:
        items = "".join(f"<li>{html.escape(s)}</li>" for s in specialties)
        link = f'\n    <a class="more" href="/pro/{slug}">View profile</a>' if slug else ""
        if name in WEBSITES:
            link += f'\n    <a class="web" href="{WEBSITES[name]}" rel="nofollow">Website</a>'
        cards.append(
            f'  <div class="result">\n    <h3 class="n">{html.escape(name)}</h3>\n'
            f'    <span class="p">{html.escape(phone)}</span>\n    <div class="a">{html.escape(address)}</div>\n'
            f'    <ul class="s">{items}</ul>{link}\n  </div>'
        )
    files = {
        "robots.txt": "User-agent: *\nAllow: /\n",
        "search.html": (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Massage therapists near '
            "Austin, TX</title></head>\n<body><h1>Massage therapists near Austin, TX</h1>\n"
            + "\n".join(cards)
            + "\n</body></html>\n"
        ),
    }
    for name, _, _, _, slug, exists in CARDS:
        if slug and exists:
            files[f"pro/{slug}"] = PROFILE.format(name=html.escape(name))
    return files


def write(files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = FOLDER / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def truth() -> dict:
    return {
        "cards": len(CARDS),
        "dead_profiles": sorted(slug for *_, slug, exists in CARDS if slug and not exists),
        "without_profile": sum(1 for *_, slug, _ in CARDS if not slug),
        "names": [name for name, *_ in CARDS],
    }
