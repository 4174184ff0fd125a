"""Fetch: the one polite HTTP client every source goes through.

Takes in URLs (with the source's politeness settings); gives out decoded pages (`Page`), every
body archived under data/raw/ and every response recorded (raw_responses, fetch_failures, the
journal a killed run resumes from). robots.txt, per-host pacing, retries, conditional GET and
offline replay live here; nothing else in the pipeline touches the network for listings.
"""
