select
    (select count(*) from listings where active) as active_listings,
    (select count(*) from therapists where active) as active_therapists;
