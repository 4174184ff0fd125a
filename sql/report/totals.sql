-- Headline numbers for the report.
select
    (select count(*) from therapists where active) as active_therapists,
    (select count(*) from therapists where active and lat is not null) as located,
    (select count(*) from listings where active) as active_listings,
    (select count(*) from listings where not active) as inactive_listings;
