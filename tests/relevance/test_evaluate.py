"""The classifier against labelled listings: relevant-vs-not precision and recall, per-label scores, tiers.

relevance_eval.json (249 cases) was used while tuning the vocabulary; relevance_holdout.json was
written apart from the classifier and never tuned against, so its bars are the honest ones.
"""

import pytest

from pipeline.config import Relevance, load_config
from pipeline.relevance.evaluate import evaluate, evaluate_sites
from pipeline.relevance.vocabulary import load_vocabulary
from tests.conftest import ROOT

CONFIG = load_config(ROOT / "pipeline.toml")
VOCABULARY = load_vocabulary(CONFIG.vocabulary_path)
DATA = ROOT / "tests" / "relevance" / "data"
SETS = {
    "development": DATA / "relevance_eval.json",
    "holdout": DATA / "relevance_holdout.json",
    # Written one after another, each by someone who never saw the rules, to the policy in
    # vocabulary.toml; each was measured once as it arrived (figures in docs/relevance.md), and
    # the rules were then fixed for the classes of fault it showed, so only the newest is blind.
    "holdout_2": DATA / "relevance_holdout_2.json",
    "holdout_3": DATA / "relevance_holdout_3.json",
    "holdout_4": DATA / "relevance_holdout_4.json",
    "holdout_5": DATA / "relevance_holdout_5.json",
}


@pytest.fixture(scope="module", params=sorted(SETS))
def report(request):
    path = SETS[request.param]
    if not path.exists():
        pytest.skip(f"{path.name} is not there")
    return request.param, evaluate(path, VOCABULARY, CONFIG.relevance)


# The held-out bars sit just under what was measured when it was written (precision 0.949, recall
# 1.0, tier accuracy 0.956): a regression fails, and nobody tunes the vocabulary against it.
BARS = {
    "development": {"precision": 0.95, "recall": 0.90, "label": 0.9, "tier": 0.95},
    "holdout": {"precision": 0.94, "recall": 0.90, "label": 0.7, "tier": 0.90},
    "holdout_2": {"precision": 0.97, "recall": 0.95, "label": 0.8, "tier": 0.95},
    "holdout_3": {"precision": 0.97, "recall": 0.95, "label": 0.8, "tier": 0.95},
    "holdout_4": {"precision": 0.97, "recall": 0.95, "label": 0.8, "tier": 0.95},
    "holdout_5": {"precision": 0.97, "recall": 0.95, "label": 0.8, "tier": 0.95},
}


def test_relevant_vs_not(report):
    name, result = report
    assert result.total >= 80
    assert result.precision >= BARS[name]["precision"], (name, result.precision, result.misses)
    assert result.recall >= BARS[name]["recall"], (name, result.recall, result.misses)


def test_per_label_precision_and_recall(report):
    name, result = report
    floor = BARS[name]["label"]
    for slug, (precision, recall) in result.label_scores().items():
        assert precision >= floor and recall >= floor, (name, slug, precision, recall, result.misses)


def test_tier_accuracy(report):
    name, result = report
    assert result.tier_accuracy >= BARS[name]["tier"], (name, result.confusion_table())


# Practice websites, judged page by page (docs/relevance.md "Practice websites"). The development
# set was tuned on; each holdout was written blind to the rules and the other sets, measured once
# as it arrived (first contact: holdout 0.828 / 0.960, holdout_2 0.828 / 1.000), and the classes of
# fault it showed were then fixed. The bars hold what the fixes reached.
SITE_SETS = {
    "sites_development": (DATA / "practice_sites_dev.json", 0.97, 0.95),
    "sites_holdout": (DATA / "practice_sites_holdout.json", 0.95, 0.95),
    "sites_holdout_2": (DATA / "practice_sites_holdout_2.json", 0.95, 0.95),
}


@pytest.mark.parametrize("name", sorted(SITE_SETS))
def test_practice_websites_relevant_vs_not(name):
    path, precision, recall = SITE_SETS[name]
    if not path.exists():
        pytest.skip(f"{path.name} is not there")
    result = evaluate_sites(path, VOCABULARY, CONFIG.relevance)
    assert result.total >= 40
    assert result.precision >= precision and result.recall >= recall, (
        name,
        result.precision,
        result.recall,
        result.misses,
    )


def test_thresholds_are_the_configured_ones():
    assert (CONFIG.relevance.high, CONFIG.relevance.medium, CONFIG.relevance.low) == (70, 35, 10)
    assert Relevance().high == CONFIG.relevance.high
