"""The site's files on disk: each written only when its bytes change (atomically), what a build
did (SiteResult), and the state file that remembers every file and therapist between builds."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

STATE_FILE = ".site-state.json"


@dataclass
class SiteResult:
    directory: Path
    therapists: int
    files: int = 0  # files the site holds
    written: int = 0  # files written (new or changed bytes)
    removed: int = 0
    rendered: int = 0  # therapist, city and cell files produced this build
    full: bool = False  # everything rendered (first build, or templates or settings changed)
    bytes: int = 0
    changed_therapists: int = 0


@dataclass
class Writer:
    """Writes files only when their bytes change (atomically), and remembers every file's hash."""

    root: Path
    known: dict[str, list]  # relative path -> [sha256, bytes], from the last build
    result: SiteResult
    produced: dict[str, list] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)

    def write(self, relative: str, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.sha256(data).hexdigest()
        self.produced[relative] = [digest, len(data)]
        self.removed.discard(relative)
        target = self.root / relative
        if (self.known.get(relative) or [None])[0] == digest and target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        self.result.written += 1

    def remove(self, relative: str) -> None:
        target = self.root / relative
        self.removed.add(relative)
        self.produced.pop(relative, None)
        if target.exists():
            target.unlink()
            self.result.removed += 1
            parent = target.parent
            while parent != self.root and parent.exists() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent


def load_state(site_dir: Path) -> dict:
    try:
        state = json.loads((site_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    for facts in state.get("therapists", {}).values():
        if facts.get("city"):
            facts["city"] = list(facts["city"])
    return state


def save_state(site_dir: Path, state: dict) -> None:
    path = site_dir / STATE_FILE
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(state, sort_keys=True), encoding="utf-8")
    os.replace(temporary, path)
