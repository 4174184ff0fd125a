"""Geocode: coordinates and an honest precision for every staged listing.

Takes in the staged listings (stg_listings); gives out stg_geocodes (lat, lon, precision,
provider) along the configured chain: source coordinates, offline ZIP/city centroids, online
geocoders (cached in geocode_cache, never asked the same address twice).
"""
