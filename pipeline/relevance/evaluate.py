"""Measure the relevance classifier against a labelled set: precision, recall, tier accuracy, confusion."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import TIERS, Relevance
from pipeline.fetch.pages import Page
from pipeline.normalize.listing import normalize
from pipeline.records import Listing
from pipeline.relevance.classify import classify
from pipeline.relevance.vocabulary import Vocabulary
from pipeline.sources.overpass import services_from_tags
from pipeline.sources.page_text import read_page, worth
from pipeline.sources.websites import Site, site_listing

FETCHED = "2026-01-01T00:00:00"


@dataclass
class Report:
    total: int = 0
    relevant: Counter = field(default_factory=Counter)  # tp, fp, fn, tn of relevant-vs-not
    labels: dict[str, Counter] = field(default_factory=dict)  # slug -> tp, fp, fn
    confusion: Counter = field(default_factory=Counter)  # (expected tier, predicted tier) -> n
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def ratio(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def precision(self) -> float:
        return self.ratio(self.relevant["tp"], self.relevant["tp"] + self.relevant["fp"])

    @property
    def recall(self) -> float:
        return self.ratio(self.relevant["tp"], self.relevant["tp"] + self.relevant["fn"])

    @property
    def tier_accuracy(self) -> float:
        return self.ratio(sum(n for (want, got), n in self.confusion.items() if want == got), self.total)

    def label_scores(self) -> dict[str, tuple[float, float]]:
        """slug -> (precision, recall)."""
        return {
            slug: (self.ratio(c["tp"], c["tp"] + c["fp"]), self.ratio(c["tp"], c["tp"] + c["fn"]))
            for slug, c in sorted(self.labels.items())
        }

    def confusion_table(self) -> str:
        lines = ["expected \\ predicted " + " ".join(f"{t:>7}" for t in TIERS)]
        for want in TIERS:
            lines.append(f"{want:>20} " + " ".join(f"{self.confusion[(want, got)]:>7}" for got in TIERS))
        return "\n".join(lines)


def listing_from_case(case: dict) -> Listing:
    services = list(case.get("services") or []) + services_from_tags(case.get("osm_tags") or {})
    return Listing(
        source="eval",
        source_key=case["id"],
        url=f"eval:{case['id']}",
        fetched_at="2026-01-01T00:00:00",
        raw_sha256="0" * 64,
        raw_fields={},
        name=case["name"],
        business_name=case.get("business_name"),
        services=services,
        description=case.get("description"),
        credentials=list(case.get("credentials") or []),
        taxonomy_codes=list(case.get("taxonomy_codes") or []),
    )


def evaluate(path: Path, vocabulary: Vocabulary, relevance: Relevance) -> Report:
    report = Report()
    for case in json.loads(Path(path).read_text(encoding="utf-8")):
        _score(report, case, classify(listing_from_case(case), vocabulary, relevance))
    return report


def evaluate_sites(path: Path, vocabulary: Vocabulary, relevance: Relevance) -> Report:
    """The classifier on labelled practice websites ({id, host, pages: [{url, html}], expected_*}),
    each read as the websites source reads it: the pages' visible text, services pages first,
    the home page's schema.org data, normalized, then judged page by page."""
    report = Report()
    for case in json.loads(Path(path).read_text(encoding="utf-8")):
        pages = []
        for i, item in enumerate(case["pages"]):
            points = 0 if i == 0 else worth(item["url"], "")
            if points is None:
                continue  # a page the crawler never reads (a blog post, a cart)
            page = Page(item["url"], item["url"], item["url"], 200, "text/html", item["html"], "0" * 64, FETCHED)
            pages.append((points, page, read_page(item["html"], item["url"])))
        raw = site_listing("eval", Site(case["host"], (case["pages"][0]["url"],)), pages)
        _score(report, case, classify(normalize(raw), vocabulary, relevance, pages=raw.pages))
    return report


def _score(report: Report, case: dict, got: Listing) -> None:
    # The labels say whether a listing is relevant: "unknown" (nothing to judge) is not, like "none".
    got = dataclasses.replace(got, relevance_tier="none") if got.relevance_tier == "unknown" else got
    report.total += 1
    relevant = got.relevance_tier != "none"
    key = {(True, True): "tp", (False, True): "fp", (True, False): "fn", (False, False): "tn"}
    report.relevant[key[(case["expected_relevant"], relevant)]] += 1
    report.confusion[(case["expected_tier"], got.relevance_tier)] += 1
    expected = set(case["expected_techniques"]) | set(case.get("expected_conditions", []))
    predicted = set(got.techniques) | set(got.conditions)
    for slug in expected | predicted:
        counts = report.labels.setdefault(slug, Counter())
        counts["tp" if slug in expected and slug in predicted else "fn" if slug in expected else "fp"] += 1
    if case["expected_tier"] != got.relevance_tier or expected != predicted:
        report.misses.append(
            f"{case['id']}: expected {case['expected_tier']} {sorted(expected)}, got "
            f"{got.relevance_tier} {sorted(predicted)} ({case.get('note', '')})"
        )
