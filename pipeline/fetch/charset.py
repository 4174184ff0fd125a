"""Turn response bytes into text: declared charset, then HTML meta charset, then detection."""

from __future__ import annotations

import re

import charset_normalizer

# Single-byte encodings for Latin scripts, as charset_normalizer names them.
LATIN_SINGLE_BYTE = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp1258",
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "mac_roman",
        "mac_latin2",
        "cp437",
        "cp850",
        "cp858",
    }
)
_DECLARED = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_META = re.compile(rb"""<meta[^>]+charset=["']?([\w.:-]+)""", re.IGNORECASE)


def decode(body: bytes, content_type: str = "") -> str:
    """Decode without ever raising: a wrong or missing declaration falls through to detection."""
    declared = _DECLARED.search(content_type or "")
    meta = _META.search(body[:4096])
    for candidate in (declared and declared.group(1), meta and meta.group(1).decode("ascii", "ignore")):
        if candidate:
            try:
                return body.decode(candidate)
            except (LookupError, UnicodeDecodeError):
                continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body).best()
    if best is None or best.encoding in LATIN_SINGLE_BYTE:
        # Detectors cannot tell the Latin code pages apart on short texts; browsers default
        # unlabelled Western pages to windows-1252 (WHATWG), and so do we.
        try:
            return body.decode("cp1252")
        except UnicodeDecodeError:
            pass
    if best is not None:
        return str(best)
    return body.decode("utf-8", errors="replace")
