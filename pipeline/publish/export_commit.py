"""How an export moves in without relinking a million files: a staging folder, a journal, renames.

The export writes its new and changed files into a staging folder beside the export
(`.export-new-*`); a kill there leaves the previous export untouched and `recover` deletes the
folder. `commit_staging` writes the journal (which files move in, which therapists' files go, or
whether the whole per-therapist folder is swapped) and renames the folder to `.export-commit-*`:
the point of no return. `finish` then moves the files into place and manifest.json last; every step
skips what an earlier, killed attempt already did, so `recover` rolls a half-finished commit forward
before the next export does anything else.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

PER_THERAPIST = "therapists"  # the folder of therapists/<slug>.json
MANIFEST = "manifest.json"
JOURNAL = "commit.json"  # in a commit folder: what finishing it does besides moving its files in


def commit_staging(staging: Path, *, files: list[str], replace_folder: bool, remove: list[str]) -> Path:
    """Write the journal into the (complete) staging folder and rename it to a commit folder."""
    journal = {"replace_folder": replace_folder, "files": files, "remove": remove}
    (staging / JOURNAL).write_text(json.dumps(journal), encoding="utf-8")
    commit = staging.with_name(staging.name.replace("-new-", "-commit-", 1))
    os.replace(staging, commit)
    return commit


def finish(commit: Path, out_dir: Path) -> None:
    """Move a commit folder's files into the export: the per-therapist files (or their whole folder),
    then the removed therapists' files deleted, the top-level files, and manifest.json last. Every
    step skips what an earlier, killed attempt already did, so this can run again until it is done."""
    if (commit / MANIFEST).exists() and out_dir.is_dir():
        journal = json.loads((commit / JOURNAL).read_text(encoding="utf-8"))
        folder, staged = out_dir / PER_THERAPIST, commit / PER_THERAPIST
        if staged.is_dir() and journal["replace_folder"]:
            if folder.exists():
                os.replace(folder, commit / f"{PER_THERAPIST}.old")
            os.replace(staged, folder)
        elif staged.is_dir():
            folder.mkdir(exist_ok=True)
            for name in os.listdir(staged):
                os.replace(staged / name, folder / name)
        for name in journal["remove"]:
            (folder / name).unlink(missing_ok=True)
        for name in journal["files"]:
            if (commit / name).exists():
                (out_dir / name).parent.mkdir(exist_ok=True)
                os.replace(commit / name, out_dir / name)
        os.replace(commit / MANIFEST, out_dir / MANIFEST)
    # Done (or the export folder itself is gone: the next export then writes everything afresh).
    shutil.rmtree(commit, ignore_errors=True)


def recover(out_dir: Path) -> None:
    """Deal with what a killed export left: a staging folder goes, a commit folder is finished."""
    for stale in out_dir.parent.glob(f".{out_dir.name}-new-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for commit in sorted(out_dir.parent.glob(f".{out_dir.name}-commit-*"), key=lambda p: p.stat().st_mtime):
        finish(commit, out_dir)
    # Earlier versions swapped whole folders with two renames; one killed between them left this
    # (the newest such folder is the export that was in place).
    olds = sorted(out_dir.parent.glob(f".{out_dir.name}-old-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in olds:
        if out_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(old, out_dir)
