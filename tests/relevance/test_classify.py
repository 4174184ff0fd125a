"""The relevance classifier: techniques, negation, exclusions, tiers and evidence."""

import dataclasses
import json
from pathlib import Path

import pytest

from pipeline.config import Relevance
from pipeline.records import Listing
from pipeline.relevance.classify import SNIPPET, classify, snippet
from pipeline.relevance.vocabulary import load_vocabulary, terms
from tests.conftest import ROOT

VOCABULARY = load_vocabulary(ROOT / "vocabulary.toml")
RELEVANCE = Relevance()


def listing(**fields) -> Listing:
    """A listing by a licensed massage therapist (LMT) unless the test says otherwise."""
    base = Listing(
        source="s",
        source_key="k",
        url="http://x.test/p",
        fetched_at="2026-01-01T00:00:00",
        raw_sha256="0" * 64,
        raw_fields={},
        name=fields.pop("name", "Ana Ruiz"),
        credentials=fields.pop("credentials", ["LMT"]),
    )
    return dataclasses.replace(base, **fields)


@pytest.mark.parametrize(
    "fields, techniques, conditions, tier",
    [
        ({"services": ["Deep tissue massage", "Trigger point therapy"]}, ["deep_tissue", "trigger_point"], [], "high"),
        ({"description": "Neuro-muscular therapy (NMT) for sciatica."}, ["neuromuscular"], ["sciatica"], "high"),
        ({"services": ["deep-tissue", "MFR"]}, ["deep_tissue", "myofascial_release"], [], "high"),
        ({"services": ["trigger pt work"]}, ["trigger_point"], [], "medium"),
        (
            {"description": "Piriformis syndrome and herniated disk relief."},
            [],
            ["piriformis", "herniated_disc"],
            "medium",
        ),
        ({"services": ["Swedish massage", "Hot stone", "Aromatherapy"]}, [], [], "none"),
        ({"description": "We do not offer deep tissue work. Relaxation only."}, [], [], "none"),
        ({"description": "No trigger point therapy here."}, [], [], "none"),
        ({"description": "Not suitable for sciatica; relaxation only."}, [], [], "none"),
        (
            {"description": "Relaxing Swedish massage. We also offer deep tissue on request."},
            ["deep_tissue"],
            [],
            "medium",
        ),
        ({"name": "Glossy Nail Salon", "services": ["Manicure", "Pedicure"], "credentials": []}, [], [], "none"),
        (
            {
                "name": "Comfort Chairs Outlet",
                "description": "Massage chairs with a deep tissue mode.",
                "credentials": [],
            },
            [],
            [],
            "none",
        ),
        (
            {
                "name": "Trigger Point Paintball",
                "description": "Trigger point arena and deep tissue-grade padding.",
                "credentials": [],
            },
            [],
            [],
            "none",
        ),
        (
            {"name": "Reach Stretch Studio", "description": "Assisted stretching for back pain.", "credentials": []},
            ["stretching"],
            ["low_back_pain"],
            "low",
        ),
        ({"services": ["Swedish"], "description": "Deep tissue is not available at this location."}, [], [], "none"),
        ({"description": "I don't offer deep tissue, trigger point, or sports massage."}, [], [], "none"),
        ({"description": "No hot stone here, but we do deep tissue."}, ["deep_tissue"], [], "medium"),
        (
            {"description": "Relaxation massage. Suffering from sciatica? Ask about our partner chiropractor."},
            [],
            [],
            "none",
        ),
        (
            {"services": ["Swedish massage"], "description": "Read our blog: 5 myths about deep tissue massage."},
            [],
            [],
            "none",
        ),
        (
            {"services": ["Hot stone"], "description": "Relax with us. Gift cards available for sports massage."},
            [],
            [],
            "none",
        ),
        (
            {"services": ["Deep tissue"], "credentials": [], "taxonomy_codes": ["225700000X"]},
            ["deep_tissue"],
            [],
            "medium",
        ),
    ],
    ids=[
        "two-techniques",
        "synonym-and-condition",
        "hyphen-and-abbreviation",
        "spelling-variant",
        "conditions-only",
        "spa-only",
        "negated",
        "no-prefix",
        "not-for-condition",
        "negation-scoped-to-sentence",
        "nail-salon",
        "massage-chair-store",
        "paintball-lookalike",
        "technique-in-name-passes-the-gate",
        "negation-after-the-term",
        "negation-over-a-list",
        "but-ends-negation",
        "question-answered-elsewhere",
        "blog-link-out-of-scope",
        "gift-card-footer",
        "registry-taxonomy-is-a-provider",
    ],
)
def test_classification(fields, techniques, conditions, tier):
    result = classify(listing(**fields), VOCABULARY, RELEVANCE)
    assert (result.techniques, result.conditions, result.relevance_tier) == (techniques, conditions, tier)


def test_exclusion_explains_itself():
    result = classify(
        listing(name="Paws Pet Grooming", description="Dog grooming and deep cleaning.", credentials=[]),
        VOCABULARY,
        RELEVANCE,
    )
    assert result.relevance_score == 0 and result.relevance_tier == "none"
    assert result.exclusion and "pet" in result.exclusion.lower()


def test_evidence_holds_the_exact_snippet_field_and_url():
    text = (
        "Our studio has served the neighbourhood for twenty years with a calm space, friendly staff and "
        "flexible hours. Sessions focus on myofascial release for runners and desk workers alike, "
        "with homework stretches to keep you moving between visits and a free consult."
    )
    result = classify(listing(description=text), VOCABULARY, RELEVANCE)
    (evidence,) = [e for e in result.evidence if e.technique == "myofascial_release"]
    assert evidence.field == "description" and evidence.source_url == "http://x.test/p"
    assert "myofascial release" in evidence.snippet and len(evidence.snippet) <= SNIPPET
    assert evidence.snippet in text


def test_score_is_capped_at_100():
    services = ["Deep tissue", "NMT", "Trigger point", "Myofascial release", "Sciatica", "Piriformis"]
    assert classify(listing(services=services), VOCABULARY, RELEVANCE).relevance_score == 100


def test_snippet_short_text_is_kept_whole():
    assert snippet("Deep tissue", 0, 4) == "Deep tissue"


@pytest.mark.parametrize(
    "fields, tier, techniques, conditions, exclusion",
    [
        # An LMT inside a yoga studio, salon or gym offering a core technique is a real offering.
        ({"name": "Sunrise Yoga Loft", "credentials": [], "services": ["Vinyasa", "Deep tissue massage"],
          "description": "Our licensed massage therapist offers deep tissue sessions after class."},
         "medium", ["deep_tissue"], [], None),
        ({"name": "Trigger Point Nail Lounge", "credentials": [], "services": ["Manicure", "Pedicure"]},
         "none", [], [], "nail salon"),
        # A technique that belongs to a sister spa or a partner is out of scope.
        ({"credentials": [], "name": "Cove Day Spa", "services": ["Swedish"],
          "description": "Deep tissue and trigger point work are offered at our sister spa downtown."},
         "none", [], [], None),
        # Sciatica in other words; one-letter misspellings of long terms.
        ({"description": "Relief for sciatic nerve pain."}, "medium", [], ["sciatica"], None),
        ({"description": "We treat pain radiating down the leg and lumbar radiculopathy."}, "medium", [],
         ["sciatica"], None),
        ({"services": ["Triger point therapy"], "description": "Siatica relief."}, "high", ["trigger_point"],
         ["sciatica"], None),
        ({"services": ["Myofacial release"]}, "medium", ["myofascial_release"], [], None),
        # Non-massage providers are none with the reason, whatever words they use.
        ({"name": "Smile Dental", "credentials": ["DDS"], "description": "Neuromuscular dentistry for TMJ."},
         "none", [], [], "other medical practice"),
        ({"name": "Round Rock Orthopaedic Surgery Associates", "credentials": [], "taxonomy_codes": ["207X00000X"],
          "description": "Orthopaedic surgeons treating fractures and deep tissue infections."},
         "none", [], [], "other medical practice"),
        ({"name": "Oak Street Pharmacy", "credentials": ["PharmD"], "description": "Ask our pharmacist."},
         "none", [], [], "other medical practice"),
        # Secondary techniques and low back pain alone are low, whatever their sum.
        ({"services": ["Medical massage", "Sports massage"], "description": "Lower back pain relief."}, "low",
         ["medical_massage", "sports"], ["low_back_pain"], None),
        # A physical therapist treating sciatica is medium.
        ({"credentials": ["PT", "DPT"], "description": "We treat sciatica with exercise."}, "medium", [],
         ["sciatica"], None),
    ],
    ids=["lmt-in-yoga-studio", "technique-word-in-a-salon-name", "sister-spa", "sciatic-nerve", "radiating-pain",
         "misspellings", "myofacial", "neuromuscular-dentistry", "orthopaedic-surgeon", "pharmacist",
         "secondary-and-back-pain-is-low", "pt-treating-sciatica"],
)  # fmt: skip
def test_the_written_policy(fields, tier, techniques, conditions, exclusion):
    got = classify(listing(**fields), VOCABULARY, RELEVANCE)
    assert (got.relevance_tier, got.techniques, got.conditions) == (tier, techniques, conditions)
    assert (exclusion is None and got.exclusion is None) or (exclusion and exclusion in (got.exclusion or "").lower())


def test_a_misspelling_is_quoted_as_written():
    got = classify(listing(description="Gentle triger point work for siatica."), VOCABULARY, RELEVANCE)
    assert [e.snippet for e in got.evidence] == ["Gentle triger point work for siatica."] * 2


def judge_site(name: str, *pages: tuple[str, str], description: str | None = None) -> Listing:
    """Classify a practice website's listing and its pages [(path, text)], services pages first."""
    base = listing(name=name, kind="site", credentials=[], description=description, url="https://site.test/")
    read = [{"url": f"https://site.test{path}", "text": text} for path, text in pages]
    return classify(base, VOCABULARY, RELEVANCE, pages=read)


def test_a_website_is_judged_page_by_page_and_quoted_with_the_page_url():
    got = judge_site(
        "Bluebonnet Massage",
        ("/services/", "Our services\nDeep tissue massage\nSlow, firm pressure for the low back and hips."),
        ("/", "Welcome to Bluebonnet.\nTrigger point therapy for pain that travels from the buttock to the calf."),
    )
    assert got.relevance_tier == "high" and got.techniques == ["deep_tissue", "trigger_point"]
    evidence = {e.technique: e for e in got.evidence}
    assert (
        evidence["deep_tissue"].field == "page" and evidence["deep_tissue"].source_url == "https://site.test/services/"
    )
    # A heading is quoted with the line that follows it; lines never run together.
    assert evidence["deep_tissue"].snippet == "Deep tissue massage · Slow, firm pressure for the low back and hips."
    assert evidence["trigger_point"].source_url == "https://site.test/"


def test_an_exclusion_on_a_page_is_a_passing_mention_but_the_business_itself_is_judged():
    gift_shop = (
        ("/services/", "Deep tissue and neuromuscular therapy for sciatica."),
        ("/", "Visit our gift shop for candles, massage chairs on display. Yoga classes on Saturdays."),
    )
    got = judge_site("Cedar Massage Clinic", *gift_shop)
    assert got.relevance_tier == "high" and got.exclusion is None
    shop = judge_site("RelaxGear", ("/", "The X9 chair has a deep tissue mode."), description="Massage chair store")
    assert shop.relevance_tier == "none" and "retail" in shop.exclusion


def test_a_technique_the_site_says_it_does_not_offer_counts_on_no_page():
    got = judge_site(
        "Stillwater Day Spa",
        ("/menu", "Swedish massage, 60 min. Deep tissue add-on."),
        ("/faq", "Do you offer deep tissue? No, we keep to light and medium pressure."),
        ("/", "We do not offer deep tissue massage."),
    )
    assert got.relevance_tier == "none" and got.techniques == []


def test_nothing_to_judge_is_unknown_not_none():
    register = listing(name="Desmond Okoro", services=["Massage Therapist"])
    assert classify(register, VOCABULARY, RELEVANCE).relevance_tier == "unknown"
    relaxing = listing(name="Desmond Okoro", services=["Swedish massage", "Hot stone"])
    assert classify(relaxing, VOCABULARY, RELEVANCE).relevance_tier == "none"  # text was read
    salon = listing(name="Sol Nail Bar", credentials=[], services=["Manicure"])
    assert classify(salon, VOCABULARY, RELEVANCE).relevance_tier == "none"
    empty_site = judge_site("Okoro Bodywork", ("/", "Book now. Call us."))
    assert empty_site.relevance_tier == "none"  # the site was read: nothing relevant on it


@pytest.mark.parametrize(
    "text, techniques, conditions",
    [
        ("Masaje de tejido profundo para la ciática.", ["deep_tissue"], ["sciatica"]),
        ("Terapia de puntos gatillo y liberación miofascial.", ["trigger_point", "myofascial_release"], []),
        ("Mát-xa mô sâu giảm đau thần kinh tọa.", ["deep_tissue"], ["sciatica"]),
        ("Ring the bell by the door for deep tissue.", ["deep_tissue"], []),  # "door" is no misspelt "dolor"
    ],
)
def test_spanish_and_vietnamese_pages(text, techniques, conditions):
    got = judge_site("Masajes Ibarra", ("/", text))
    assert (got.techniques, got.conditions) == (techniques, conditions)


def _texts(value) -> list[str]:
    """Every string in a JSON value."""
    if isinstance(value, str):
        return [value]
    values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [text for item in values for text in _texts(item)]


def test_ascii_text_in_lower_case_is_searched_as_the_case_folding_patterns_search_it():
    """Terms search ASCII text lowered, without folding case: the same matches at the same places,
    whole texts or windows, whatever the case it was written in."""
    cases = json.loads((Path(__file__).parent / "data" / "relevance_eval.json").read_text("utf-8"))
    texts = _texts(cases) + [f"NO {term.upper()} HERE. Read our BLOG!" for e in VOCABULARY.scored for term in e.terms]
    texts += [text.swapcase() for text in texts]
    assert sum(text.isascii() for text in texts) > 1_000
    v = VOCABULARY
    for text in texts:
        for found in (v.combined, v.negation, v.contrast, v.after, v.scope, v.therapy_words):
            for start, end in ((0, len(text)), (len(text) // 3, len(text) * 2 // 3)):
                want = [(m.span(), m.lastgroup) for m in found.pattern.finditer(text, start, end)]
                assert [(m.span(), m.lastgroup) for m in found.finditer(text, start, end)] == want, text
                assert bool(found.search(text, start, end)) == bool(want)
    # A term in other letters keeps its case folding: the long s folds to "s", the Kelvin sign to "k".
    odd = terms(["\u017ftretch", "\u212aneading"])
    assert [m.span() for m in odd.finditer("Stretch and KNEADING")] == [(0, 7), (12, 20)]
