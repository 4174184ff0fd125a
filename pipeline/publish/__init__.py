"""Publish: what readers get from the published snapshot (data/directory.duckdb).

Takes in the published database; gives out the JSON export for the website (data/export/) and
search results near a place. Nothing here writes to the working database.
"""
