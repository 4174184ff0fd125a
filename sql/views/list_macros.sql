-- A list as a sorted set: its distinct values in order, [] for none. A list of one value needs
-- neither step, and most of a first load's lists hold one: the calls saved are about a CPU-second
-- per 10^6 therapists.
create or replace macro sorted_set(values) as
    case when values is null or len(values) = 0 then []
         when len(values) = 1 and values[1] is not null then values
         else list_sort(list_distinct(values)) end;

-- Each licence once (state and number, any case), the first kept.
create or replace macro distinct_licenses(licenses) as
    case when len(licenses) > 1
         then list_filter(licenses, lambda lic, i: list_position(
                  list_transform(licenses, lambda other: other.state || ':' || upper(other.number)),
                  lic.state || ':' || upper(lic.number)) = i)
         else coalesce(licenses, []) end;
