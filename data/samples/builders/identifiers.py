"""Invented identifiers: check-digit valid NPIs, drawn from the one seeded random source of the sources.

``RNG`` (``random.Random(7)``) is the only randomness in the sources (the directory site shuffles its cards with
its own ``random.Random(42)``). It draws, in this order: ZIP+4 suffixes (once per entity, in key order, when
``entities`` is imported), NPIs (``entities.assign_npis``), epoch time-of-day and practice-location ZIP+4
(``nppes_api.build``) and OSM ids (``overpass.build``). Every draw shifts the ones after it, so this order is part of
the output: ``build.py`` keeps it.
"""

from __future__ import annotations

import random

RNG = random.Random(7)


def npi_check_digit(first9: str) -> str:
    """Luhn check digit of an NPI: computed over "80840" + the first nine digits."""
    total = 0
    for i, ch in enumerate(reversed("80840" + first9)):
        d = int(ch)
        if i % 2 == 0:  # the digit next to the (future) check digit is doubled
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def npi_is_valid(npi: str) -> bool:
    if len(npi) != 10 or not npi.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed("80840" + npi)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


assert npi_is_valid("1234567893") and npi_check_digit("123456789") == "3"

_USED_NPIS: set[str] = set()


def new_npi() -> str:
    while True:
        first9 = "1" + "".join(str(RNG.randint(0, 9)) for _ in range(8))
        npi = first9 + npi_check_digit(first9)
        if npi not in _USED_NPIS:
            _USED_NPIS.add(npi)
            return npi
