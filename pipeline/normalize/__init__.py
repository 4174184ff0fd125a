"""Normalize: a raw listing's strings become typed, comparable fields.

Takes in `RawListing` records as the sources extracted them; gives out `Listing` records with
E.164 phones, parsed US addresses, names split from credentials, canonical websites and emails,
and counts of what could not be used (`normalize/invalid/<field>`).
"""
