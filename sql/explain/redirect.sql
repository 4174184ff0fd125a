-- Where a retired therapist ID now lives (merges retire the younger ID; chains are collapsed).
select retired_into, retired_at from therapist_ids where therapist_id = $therapist_id and status = 'retired';
