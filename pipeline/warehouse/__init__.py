"""Warehouse: the staged batch becomes the current tables and their history, then is checked.

Takes in stg_listings, stg_geocodes, stg_resolution and stg_id_changes; gives out listings,
listing_history, therapists, therapist_ids and therapist_slugs (one set-based transaction), and
the data checks' verdicts (quality_results) that decide whether a run may be published.
"""
