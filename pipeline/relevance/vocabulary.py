"""Load the relevance vocabulary (techniques, conditions, exclusions, negation cues) from TOML."""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.relevance.typos import Speller

_SLUG = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Entry:
    slug: str
    kind: str  # technique, condition or exclusion
    name: str
    weight: int
    terms: tuple[str, ...]
    pattern: re.Pattern
    group: str = ""  # entries of a group add up to at most Vocabulary.group_caps[group]
    patterns: tuple[str, ...] = ()  # regular expressions for what words alone cannot list
    hosts: bool = False  # an exclusion for a business therapists work inside (a gym, a salon)
    # An exclusion also applies to a listing holding one of these credentials or NUCC codes (a
    # code ending in "*" is a prefix: "1223*" is every dentist).
    credentials: frozenset[str] = frozenset()
    taxonomy_codes: tuple[str, ...] = ()

    def marks(self, credentials: set[str], codes: set[str]) -> bool:
        return bool(credentials & self.credentials) or any(
            code.startswith(want[:-1]) if want.endswith("*") else code == want
            for want in self.taxonomy_codes
            for code in codes
        )


@dataclass(frozen=True)
class Provider:
    slug: str
    name: str
    boost: int  # points added once something relevant matched
    taxonomy_codes: frozenset[str]
    credentials: frozenset[str]


@dataclass(frozen=True, eq=False)
class Vocabulary:
    techniques: tuple[Entry, ...]
    conditions: tuple[Entry, ...]
    exclusions: tuple[Entry, ...]
    negation: re.Pattern
    window: int  # characters before a term searched for a negation cue
    contrast: re.Pattern = re.compile(r"(?!x)x")  # words that end a negation ("but")
    after: re.Pattern = re.compile(r"(?!x)x")  # cues after a term that negate it ("is not available")
    scope: re.Pattern = re.compile(r"(?!x)x")  # cues of a sentence about something else
    providers: tuple[Provider, ...] = ()
    therapy_words: re.Pattern = re.compile(r"(?!x)x")  # the gate for listings with no provider mark
    group_caps: dict[str, int] = dataclasses.field(default_factory=dict)
    strongest_condition: bool = True  # conditions do not add up: the strongest one counts
    never_corrected: tuple[str, ...] = ()  # real words one letter from a term ([typos].never)
    false_friends: tuple[str, ...] = ()  # phrases holding a term that are no offering ("deep tissue infection")

    @functools.cached_property
    def speller(self) -> Speller:
        """Reads one-letter misspellings of the techniques' and conditions' long words."""
        return Speller((term for entry in self.scored for term in entry.terms), self.never_corrected)

    @property
    def core(self) -> frozenset[str]:
        """The core techniques: those in no capped group (deep tissue, NMT, trigger point, myofascial)."""
        return frozenset(entry.slug for entry in self.techniques if not entry.group)

    def score(self, slugs: set[str]) -> int:
        """Points for the matched slugs: techniques add up (groups capped), conditions per the rule."""
        by_group: dict[str, int] = {}
        for entry in self.techniques:
            if entry.slug in slugs:
                by_group[entry.group] = by_group.get(entry.group, 0) + entry.weight
        points = sum(min(total, self.group_caps.get(group, total)) for group, total in by_group.items())
        conditions = [entry.weight for entry in self.conditions if entry.slug in slugs]
        points += max(conditions, default=0) if self.strongest_condition else sum(conditions)
        return points

    @property
    def scored(self) -> tuple[Entry, ...]:
        return self.techniques + self.conditions

    @functools.cached_property
    def combined(self) -> tuple[re.Pattern, dict[str, Entry]]:
        """Every scored and exclusion term in one pattern (one pass per text); group name -> entry."""
        groups, alternatives = {}, []
        if self.false_friends:  # first: at the same position, the look-alike phrase wins
            groups["ff"] = Entry("false_friend", "false_friend", "", 0, self.false_friends, re.compile(""))
            alternatives.append(f"(?P<ff>{_alternation(self.false_friends)})")
        for i, entry in enumerate(self.scored + self.exclusions):
            name = f"e{i}"
            groups[name] = entry
            alternatives.append(f"(?P<{name}>{'|'.join([_alternation(entry.terms), *entry.patterns])})")
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?:e?s)?(?!\w)", re.IGNORECASE)
        return pattern, groups

    def slugs(self, kind: str) -> list[str]:
        return [entry.slug for entry in getattr(self, f"{kind}s")]


def load_vocabulary(path: Path) -> Vocabulary:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"vocabulary file {path} does not exist (relevance.vocabulary)", path=str(path)) from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"vocabulary file {path} is not valid TOML: {err}", path=str(path)) from err
    unknown = set(data) - {
        "techniques",
        "conditions",
        "exclusions",
        "negation",
        "scope",
        "providers",
        "gate",
        "scoring",
        "typos",
        "false_friends",
    }
    if unknown:
        raise ConfigError(f"unknown key '{sorted(unknown)[0]}' in vocabulary file {path}", path=str(path))
    entries = {
        kind: tuple(_entries(data.get(f"{kind}s", {}), kind, path)) for kind in ("technique", "condition", "exclusion")
    }
    negation = data.get("negation", {})
    extra = sorted(set(negation) - {"cues", "window", "contrast", "after"}) if isinstance(negation, dict) else [""]
    if extra:
        raise ConfigError(f"unknown key 'negation.{extra[0]}' in vocabulary file {path}", path=str(path))
    window = negation.get("window", 40)
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise ConfigError(f"key 'negation.window' in {path} must be a whole number of characters", path=str(path))
    cues = negation.get("cues", [])
    if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
        raise ConfigError(f"key 'negation.cues' in {path} must be a list of strings", path=str(path))
    cue_pattern = compile_terms(cues) if cues else re.compile(r"(?!x)x")
    return Vocabulary(
        techniques=entries["technique"],
        conditions=entries["condition"],
        exclusions=entries["exclusion"],
        negation=cue_pattern,
        window=window,
        contrast=_word_list(negation, "contrast", "negation", path),
        after=_word_list(negation, "after", "negation", path),
        scope=_words(data.get("scope", {}), "cues", "scope", path),
        providers=tuple(_providers(data.get("providers", {}), path)),
        therapy_words=_words(data.get("gate", {}), "therapy_words", "gate", path),
        never_corrected=tuple(_strings(data.get("typos", {}), "never", "typos", path)),
        false_friends=tuple(_strings(data.get("false_friends", {}), "terms", "false_friends", path)),
        **_scoring(data.get("scoring", {}), path),
    )


def _scoring(table, path: Path) -> dict:
    if not isinstance(table, dict) or set(table) - {"group_caps", "conditions"}:
        extra = sorted(set(table) - {"group_caps", "conditions"}) if isinstance(table, dict) else [""]
        raise ConfigError(f"unknown key 'scoring.{extra[0]}' in vocabulary file {path}", path=str(path))
    caps = table.get("group_caps", {})
    if not isinstance(caps, dict) or not all(isinstance(v, int) and v >= 0 for v in caps.values()):
        raise ConfigError(f"key 'scoring.group_caps' in {path} must map group names to points", path=str(path))
    rule = table.get("conditions", "strongest")
    if rule not in ("strongest", "sum"):
        raise ConfigError(f'key \'scoring.conditions\' in {path} must be "strongest" or "sum"', path=str(path))
    return {"group_caps": dict(caps), "strongest_condition": rule == "strongest"}


def _word_list(table: dict, key: str, where: str, path: Path) -> re.Pattern:
    words = table.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ConfigError(f"key '{where}.{key}' in {path} must be a list of strings", path=str(path))
    return compile_terms(words) if words else re.compile(r"(?!x)x")


def _words(table, key: str, where: str, path: Path) -> re.Pattern:
    words = _strings(table, key, where, path)
    return compile_terms(words) if words else re.compile(r"(?!x)x")


def _strings(table, key: str, where: str, path: Path) -> list[str]:
    """The list `key` of a table that holds nothing else."""
    if not isinstance(table, dict) or set(table) - {key}:
        extra = sorted(set(table) - {key}) if isinstance(table, dict) else [""]
        raise ConfigError(f"unknown key '{where}.{extra[0]}' in vocabulary file {path}", path=str(path))
    words = table.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ConfigError(f"key '{where}.{key}' in {path} must be a list of strings", path=str(path))
    return words


def _providers(table: dict, path: Path):
    allowed = {"name", "boost", "taxonomy_codes", "credentials"}
    for slug, spec in table.items():
        if not isinstance(spec, dict) or set(spec) - allowed:
            extra = sorted(set(spec) - allowed) if isinstance(spec, dict) else [""]
            raise ConfigError(f"unknown key 'providers.{slug}.{extra[0]}' in vocabulary file {path}", path=str(path))
        boost = spec.get("boost", 0)
        if not isinstance(boost, int) or not 0 <= boost <= 100:
            raise ConfigError(
                f"key 'providers.{slug}.boost' in {path} must be an integer from 0 to 100", path=str(path)
            )
        yield Provider(
            slug=slug,
            name=str(spec.get("name", slug)),
            boost=boost,
            taxonomy_codes=frozenset(c.upper() for c in spec.get("taxonomy_codes", [])),
            credentials=frozenset(c.upper().replace(".", "") for c in spec.get("credentials", [])),
        )


def _entries(table: dict, kind: str, path: Path):
    for slug, spec in table.items():
        where = f"{kind}s.{slug}"
        if not _SLUG.match(slug):
            raise ConfigError(f"slug '{slug}' in {path} must be lowercase letters, digits and _", path=str(path))
        allowed = {"name", "weight", "terms", "group", "patterns"} | (
            {"hosts_therapists", "credentials", "taxonomy_codes"} if kind == "exclusion" else set()
        )
        if not isinstance(spec, dict) or set(spec) - allowed:
            extra = sorted(set(spec) - allowed) if isinstance(spec, dict) else [where]
            raise ConfigError(f"unknown key '{where}.{extra[0]}' in vocabulary file {path}", path=str(path))
        terms = spec.get("terms")
        if not terms or not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            raise ConfigError(f"key '{where}.terms' in {path} must be a non-empty list of strings", path=str(path))
        weight = spec.get("weight", 0)
        if kind != "exclusion" and (not isinstance(weight, int) or not 0 < weight <= 100):
            raise ConfigError(f"key '{where}.weight' in {path} must be an integer from 1 to 100", path=str(path))
        yield Entry(
            slug=slug,
            kind=kind,
            name=str(spec.get("name", slug)),
            weight=int(weight),
            terms=tuple(terms),
            pattern=compile_terms(terms),
            group=str(spec.get("group", "")),
            patterns=tuple(_patterns(spec.get("patterns", []), where, path)),
            hosts=bool(spec.get("hosts_therapists", False)),
            credentials=frozenset(str(c).upper().replace(".", "") for c in spec.get("credentials", [])),
            taxonomy_codes=tuple(str(c).upper() for c in spec.get("taxonomy_codes", [])),
        )


def _patterns(patterns, where: str, path: Path) -> list[str]:
    """Regular expressions of an entry: each must compile, and hold no named group of its own."""
    if not isinstance(patterns, list) or not all(isinstance(p, str) and p.strip() for p in patterns):
        raise ConfigError(f"key '{where}.patterns' in {path} must be a list of regular expressions", path=str(path))
    for pattern in patterns:
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as err:
            raise ConfigError(
                f"key '{where}.patterns' in {path} holds an invalid regular expression {pattern!r}: {err}",
                path=str(path),
            ) from err
        if compiled.groupindex:
            raise ConfigError(f"key '{where}.patterns' in {path}: use (?:...) groups, not named ones", path=str(path))
    return [f"(?:{pattern})" for pattern in patterns]


def compile_terms(terms: list[str]) -> re.Pattern:
    """One case-insensitive pattern; a space in a term also matches a hyphen or nothing, and a
    plural ending is allowed ("trigger point" finds "trigger points", "herniated disk" "disks")."""
    return re.compile(r"(?<!\w)(?:" + _alternation(terms) + r")(?:e?s)?(?!\w)", re.IGNORECASE)


def _alternation(terms) -> str:
    alternatives = []
    for term in sorted(terms, key=len, reverse=True):
        words = [re.escape(word) for word in re.split(r"[\s\-]+", term.strip())]
        alternatives.append(r"[\s\-]*".join(words))
    return "|".join(alternatives)
