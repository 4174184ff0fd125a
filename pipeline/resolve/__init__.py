"""Resolve: which listings are the same therapist.

Takes in the staged batch and every active listing (with their geocodes); gives out each
listing's stable therapist_id (stg_resolution), the IDs created or retired (stg_id_changes) and
the scored pairs with their reasons (resolution_links). Blocking and scoring are SQL
(sql/resolve/); the clustering guard and ID assignment are here.
"""
