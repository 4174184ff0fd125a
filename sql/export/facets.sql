-- facets.json: how many exported therapists each filter value of the website would show.
with t as (select * from exportable_therapists($min_tier))
select 'state' as facet, state as value, count(*) as therapists from t where state is not null group by all
union all
select 'city', city || ', ' || state, count(*) from t where city is not null and state is not null group by all
union all
select 'technique', technique, count(*) from (select unnest(techniques) as technique from t) group by all
union all
select 'condition', condition, count(*) from (select unnest(conditions) as condition from t) group by all
union all
select 'tier', relevance_tier, count(*) from t group by all
order by facet, value;
