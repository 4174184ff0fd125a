-- Core tables of the data contract (see README "What you get"). All timestamps are UTC.
-- Applied once by the migration runner (pipeline/warehouse.py) and recorded in schema_migrations.

-- Every HTTP response the fetcher archived; the body lives under data/raw/ by sha256.
create table raw_responses (
    url varchar not null,
    final_url varchar,
    status integer,
    content_type varchar,
    fetched_at timestamp,
    etag varchar,
    last_modified varchar,
    sha256 varchar,
    size bigint,  -- bytes of the body
    archive_path varchar,  -- relative to paths.raw_dir
    source varchar,
    run_id varchar,
);

-- One batch per scrape, as extracted, normalized and classified; geocode and resolve fill it in.
create table stg_listings (
    load_id varchar not null,  -- the run that scraped this batch
    source varchar not null,
    source_key varchar not null,
    url varchar,
    fetched_at timestamp,
    raw_sha256 varchar,
    raw_fields json,
    name varchar,
    kind varchar,
    credentials varchar[],
    business_name varchar,
    phone varchar,  -- E.164
    phone_ext varchar,
    website varchar,
    email varchar,
    street varchar,
    city varchar,
    state varchar,
    postal_code varchar,
    description varchar,
    services varchar[],
    techniques varchar[],
    conditions varchar[],
    relevance_score integer,
    relevance_tier varchar,
    evidence struct(technique varchar, snippet varchar, field varchar, source_url varchar)[],
    exclusion varchar,
    lat double,
    lon double,
    geocode_precision varchar,
    geocode_provider varchar,
    content_hash varchar,  -- sha256 of the fields above minus fetch bookkeeping
    therapist_id varchar,  -- set by the resolve stage
);

-- Current state: one row per source record ever seen. Never deleted; vanished ones go inactive.
create table listings (
    source varchar not null,
    source_key varchar not null,
    url varchar,
    fetched_at timestamp,
    raw_sha256 varchar,
    raw_fields json,
    name varchar,
    kind varchar,
    credentials varchar[],
    business_name varchar,
    phone varchar,
    phone_ext varchar,
    website varchar,
    email varchar,
    street varchar,
    city varchar,
    state varchar,
    postal_code varchar,
    description varchar,
    services varchar[],
    techniques varchar[],
    conditions varchar[],
    relevance_score integer,
    relevance_tier varchar,
    evidence struct(technique varchar, snippet varchar, field varchar, source_url varchar)[],
    exclusion varchar,
    lat double,
    lon double,
    geocode_precision varchar,
    geocode_provider varchar,
    content_hash varchar,
    therapist_id varchar,
    first_seen timestamp,
    last_seen timestamp,
    updated_at timestamp,  -- last time the content changed
    active boolean,
    load_id varchar,  -- the run that last wrote this row
);

-- One row per resolved therapist, rebuilt from listings by the load stage.
create table therapists (
    therapist_id varchar not null,  -- stable across runs
    name varchar,
    kind varchar,  -- person or business
    credentials varchar[],
    business_name varchar,
    npi varchar,
    licenses struct(number varchar, state varchar, status varchar)[],
    phone varchar,  -- E.164
    website varchar,
    email varchar,
    street varchar,
    city varchar,
    state varchar,  -- 2 letters
    postal_code varchar,  -- 5 digits
    lat double,
    lon double,
    geocode_precision varchar,  -- source, rooftop, street, postal_code or city
    description varchar,
    techniques varchar[],
    conditions varchar[],
    relevance_score integer,  -- 0-100
    relevance_tier varchar,  -- high, medium, low or none
    evidence struct(technique varchar, snippet varchar, field varchar, source_url varchar)[],
    sources varchar[],
    listing_count integer,
    first_seen timestamp,
    last_seen timestamp,
    active boolean,
    updated_at timestamp,
    load_id varchar,
);

-- One row per CLI invocation that changed something.
create table pipeline_runs (
    run_id varchar not null,
    command varchar,
    started_at timestamp,
    finished_at timestamp,
    status varchar,  -- running, ok, partial, failed
    stages json,  -- [{stage, status, seconds}] in the order they ran
    counts json,  -- {"scrape/fetched": 70, "scrape/dropped/http_404": 1, ...}
    errors json,  -- ["one sentence", ...]
);

-- One row per source crawl; only a complete crawl may mark vanished listings inactive.
create table crawls (
    run_id varchar not null,
    source varchar not null,
    started_at timestamp,
    finished_at timestamp,
    status varchar,  -- complete, partial, failed
    listings integer,
    failures integer,
    message varchar,
);

create table quality_results (
    run_id varchar,
    check_name varchar,
    severity varchar,  -- warn or error
    failing_rows bigint,
    checked_at timestamp,
);

-- Answers for online geocoders, keyed by normalized address, so no address is asked twice.
create table geocode_cache (
    address_key varchar not null,
    provider varchar not null,
    lat double,
    lon double,
    precision varchar,
    status varchar,  -- ok or not_found
    created_at timestamp,
);

-- Offline gazetteer from the `zipcodes` package (GeoNames coordinates, CC BY 4.0).
create table ref_zip_centroids (
    postal_code varchar not null,
    city varchar,
    state varchar,
    lat double,
    lon double,
);

-- City centroids: the mean of the city's ZIP centroids, keyed by upper-case "CITY|ST".
create table ref_city_centroids (
    city_key varchar not null,
    city varchar,
    state varchar,
    lat double,
    lon double,
    zip_count integer,
);
