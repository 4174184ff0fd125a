-- A load that rebuilt every therapist without changing any record: the export must relink, not rewrite.
update therapists set load_id = 'bench2';
