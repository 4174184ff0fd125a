"""How the sample files are written: under data/samples/, byte for byte, and the phone spellings the sources use."""

from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent  # data/samples/: every generated file is written under it


def fmt_phone(digits: str, style: str = "dash") -> str:
    a, b, c = digits[:3], digits[3:6], digits[6:]
    return {
        "dash": f"{a}-{b}-{c}",
        "paren": f"({a}) {b}-{c}",
        "plain": digits,
        "intl": f"+1 {a}-{b}-{c}",
        "intl_dash": f"+1-{a}-{b}-{c}",
        "intl_space": f"+1 {a} {b} {c}",
        "dot": f"{a}.{b}.{c}",
    }[style]


def write_json(path: Path, obj) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(obj, fh, indent=2)
        fh.write("\n")


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
