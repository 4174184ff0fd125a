"""The relevance classifier: techniques, negation, exclusions, tiers and evidence."""

import dataclasses

import pytest

from pipeline.config import Relevance
from pipeline.records import Listing
from pipeline.relevance.classify import SNIPPET, classify, snippet
from pipeline.relevance.vocabulary import load_vocabulary
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
        raw_fields="{}",
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
