"""Relevance: does this listing help people with sciatica, and why?

Takes in normalized `Listing` records and the vocabulary (vocabulary.toml); gives out the same
listings with techniques, conditions, a 0-100 score, a tier and the evidence snippets behind
them. `evaluate` measures the judgement against labelled listings.
"""
