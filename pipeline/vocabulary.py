"""Load the relevance vocabulary (techniques, conditions, exclusions, negation cues) from TOML."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ConfigError

_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Entry:
    slug: str
    kind: str  # technique, condition or exclusion
    name: str
    weight: int
    terms: tuple[str, ...]
    pattern: re.Pattern


@dataclass(frozen=True)
class Vocabulary:
    techniques: tuple[Entry, ...]
    conditions: tuple[Entry, ...]
    exclusions: tuple[Entry, ...]
    negation: re.Pattern
    window: int  # characters before a term searched for a negation cue

    @property
    def scored(self) -> tuple[Entry, ...]:
        return self.techniques + self.conditions

    def slugs(self, kind: str) -> list[str]:
        return [entry.slug for entry in getattr(self, f"{kind}s")]


def load_vocabulary(path: Path) -> Vocabulary:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"vocabulary file {path} does not exist (relevance.vocabulary)", path=str(path)) from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"vocabulary file {path} is not valid TOML: {err}", path=str(path)) from err
    unknown = set(data) - {"techniques", "conditions", "exclusions", "negation"}
    if unknown:
        raise ConfigError(f"unknown key '{sorted(unknown)[0]}' in vocabulary file {path}", path=str(path))
    entries = {kind: tuple(_entries(data.get(f"{kind}s", {}), kind, path))
               for kind in ("technique", "condition", "exclusion")}
    negation = data.get("negation", {})
    extra = sorted(set(negation) - {"cues", "window"}) if isinstance(negation, dict) else ["negation"]
    if extra:
        raise ConfigError(f"unknown key 'negation.{extra[0]}' in vocabulary file {path}", path=str(path))
    window = negation.get("window", 40)
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise ConfigError(f"key 'negation.window' in {path} must be a whole number of characters", path=str(path))
    cues = negation.get("cues", [])
    if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
        raise ConfigError(f"key 'negation.cues' in {path} must be a list of strings", path=str(path))
    cue_pattern = compile_terms(cues) if cues else re.compile(r"(?!x)x")
    return Vocabulary(techniques=entries["technique"], conditions=entries["condition"],
                      exclusions=entries["exclusion"], negation=cue_pattern,
                      window=window)


def _entries(table: dict, kind: str, path: Path):
    for slug, spec in table.items():
        where = f"{kind}s.{slug}"
        if not _SLUG.match(slug):
            raise ConfigError(f"slug '{slug}' in {path} must be lowercase letters, digits and _", path=str(path))
        if not isinstance(spec, dict) or set(spec) - {"name", "weight", "terms"}:
            extra = sorted(set(spec) - {"name", "weight", "terms"}) if isinstance(spec, dict) else [where]
            raise ConfigError(f"unknown key '{where}.{extra[0]}' in vocabulary file {path}", path=str(path))
        terms = spec.get("terms")
        if not terms or not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            raise ConfigError(f"key '{where}.terms' in {path} must be a non-empty list of strings", path=str(path))
        weight = spec.get("weight", 0)
        if kind != "exclusion" and (not isinstance(weight, int) or not 0 < weight <= 100):
            raise ConfigError(f"key '{where}.weight' in {path} must be an integer from 1 to 100", path=str(path))
        yield Entry(slug=slug, kind=kind, name=str(spec.get("name", slug)), weight=int(weight),
                    terms=tuple(terms), pattern=compile_terms(terms))


def compile_terms(terms: list[str]) -> re.Pattern:
    """One case-insensitive pattern; a space in a term also matches a hyphen or nothing."""
    alternatives = []
    for term in sorted(terms, key=len, reverse=True):
        words = [re.escape(word) for word in re.split(r"[\s\-]+", term.strip())]
        alternatives.append(r"[\s\-]*".join(words))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
