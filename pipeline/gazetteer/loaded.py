"""Importing this module loads the gazetteer (a quarter second of reading and indexing): the fork
server that starts the worker processes imports it (pipeline/run/parallel.py), so that each worker
it forks starts with the reference data instead of reading it again."""

from pipeline.gazetteer import lookup

lookup.load()
