"""Generators of the fictional sample data in data/samples/, one module per sample source; run by ../build.py.

* ``directory_site``: the sample directory site, ``site/`` and ``site-truth.json``.
* ``nppes_api``: the NPPES NPI Registry API answers, ``nppes/registry.json``.
* ``nppes_bulk``: the NPPES bulk dissemination file, ``nppes/bulk/npidata_pfile_*.csv``.
* ``overpass``: the Overpass API answers, ``overpass/interpreter.json`` and ``overpass/timeout.json``.
* ``roster``: the Texas licensing-board roster, ``rosters/tx_massage_roster.csv``.
* ``jsonld_site``: the JSON-LD directory site, ``jsonld-site/``.
* ``address_roster``: the Massachusetts roster with one-string addresses, ``rosters/ma_massage_roster.csv``.
* ``results_page``: a results page whose cards carry everything, ``results-site/``.
* ``practice_sites``: the practices' own websites the sources link to, ``websites/<host>/`` (their words in
  ``practice_texts`` and ``practice_texts_new``).
* ``truth``: the sources' counts and overlaps the tests assert, ``sources-truth.json``.

Shared by the sources (all but the directory site):

* ``entities``: the invented cast of people and businesses, the real cities they are in, and their declared
  overlaps with the directory site.
* ``identifiers``: check-digit valid NPIs and ``RNG``, the one seeded random source, whose draw order is part of
  the output.
* ``formats``: where and how files are written, and the phone spellings.

Everything is stdlib only and byte-for-byte deterministic: no timestamps, seeded randomness only.
"""
