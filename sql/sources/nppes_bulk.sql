-- NPPES bulk file (npidata_pfile_*.csv, 330 columns): providers with a wanted taxonomy code in
-- any of the 15 taxonomy slots, their practice-location address, licences and deactivation state.
-- $codes: NUCC codes kept; $states: practice-location states kept (empty list = all).
with raw as (
    select *
    from read_csv($path, header = true, all_varchar = true, quote = '"', escape = '"')
),
shaped as (
    select
        nullif(trim("NPI"), '') as npi,
        nullif(trim("Entity Type Code"), '') as entity_type,  -- 1 person, 2 organization
        nullif(trim("Provider Organization Name (Legal Business Name)"), '') as organization_name,
        nullif(trim("Provider Last Name (Legal Name)"), '') as last_name,
        nullif(trim("Provider First Name"), '') as first_name,
        nullif(trim("Provider Middle Name"), '') as middle_name,
        nullif(trim("Provider Credential Text"), '') as credential,
        nullif(trim("Provider Other Organization Name"), '') as other_organization_name,
        nullif(trim("Provider First Line Business Practice Location Address"), '') as address_1,
        nullif(trim("Provider Second Line Business Practice Location Address"), '') as address_2,
        nullif(trim("Provider Business Practice Location Address City Name"), '') as city,
        nullif(trim("Provider Business Practice Location Address State Name"), '') as state,
        nullif(trim("Provider Business Practice Location Address Postal Code"), '') as postal_code,
        nullif(trim("Provider Business Practice Location Address Country Code (If outside U.S.)"), '') as country,
        -- The mailing address, one line (kept apart: the practice location is where clients go).
        nullif(concat_ws(', ',
            nullif(trim("Provider First Line Business Mailing Address"), ''),
            nullif(trim("Provider Second Line Business Mailing Address"), ''),
            nullif(trim("Provider Business Mailing Address City Name"), ''),
            nullif(trim("Provider Business Mailing Address State Name"), ''),
            nullif(trim("Provider Business Mailing Address Postal Code"), '')), '') as mailing_address,
        nullif(trim("Provider Business Practice Location Address Telephone Number"), '') as phone,
        nullif(trim("Provider Enumeration Date"), '') as enumeration_date,
        nullif(trim("Last Update Date"), '') as last_updated,
        nullif(trim("NPI Deactivation Date"), '') as deactivation_date,
        nullif(trim("NPI Reactivation Date"), '') as reactivation_date,
        [
        "Healthcare Provider Taxonomy Code_1",
        "Healthcare Provider Taxonomy Code_2",
        "Healthcare Provider Taxonomy Code_3",
        "Healthcare Provider Taxonomy Code_4",
        "Healthcare Provider Taxonomy Code_5",
        "Healthcare Provider Taxonomy Code_6",
        "Healthcare Provider Taxonomy Code_7",
        "Healthcare Provider Taxonomy Code_8",
        "Healthcare Provider Taxonomy Code_9",
        "Healthcare Provider Taxonomy Code_10",
        "Healthcare Provider Taxonomy Code_11",
        "Healthcare Provider Taxonomy Code_12",
        "Healthcare Provider Taxonomy Code_13",
        "Healthcare Provider Taxonomy Code_14",
        "Healthcare Provider Taxonomy Code_15"
        ] as codes,
        [
        "Provider License Number_1",
        "Provider License Number_2",
        "Provider License Number_3",
        "Provider License Number_4",
        "Provider License Number_5",
        "Provider License Number_6",
        "Provider License Number_7",
        "Provider License Number_8",
        "Provider License Number_9",
        "Provider License Number_10",
        "Provider License Number_11",
        "Provider License Number_12",
        "Provider License Number_13",
        "Provider License Number_14",
        "Provider License Number_15"
        ] as license_numbers,
        [
        "Provider License Number State Code_1",
        "Provider License Number State Code_2",
        "Provider License Number State Code_3",
        "Provider License Number State Code_4",
        "Provider License Number State Code_5",
        "Provider License Number State Code_6",
        "Provider License Number State Code_7",
        "Provider License Number State Code_8",
        "Provider License Number State Code_9",
        "Provider License Number State Code_10",
        "Provider License Number State Code_11",
        "Provider License Number State Code_12",
        "Provider License Number State Code_13",
        "Provider License Number State Code_14",
        "Provider License Number State Code_15"
        ] as license_states,
    from raw
)
select
    npi, entity_type, organization_name, last_name, first_name, middle_name, credential,
    other_organization_name, address_1, address_2, city, state, postal_code, country, phone,
    -- No mailing line when it is the practice address itself.
    case when mailing_address is distinct from concat_ws(', ', address_1, address_2, city, state, postal_code)
        then mailing_address end as mailing_address,
    enumeration_date, last_updated,
    -- Deactivated, unless reactivated on or after the deactivation (dates are MM/DD/YYYY).
    deactivation_date is not null
        and (reactivation_date is null
             or try_strptime(reactivation_date, '%m/%d/%Y') < try_strptime(deactivation_date, '%m/%d/%Y'))
        as deactivated,
    list_filter(codes, lambda code: code is not null and trim(code) <> '') as codes,
    list_filter(
        list_transform(list_zip(codes, license_numbers, license_states),
                       lambda t: {'code': trim(t[1]), 'number': trim(t[2]), 'state': trim(t[3])}),
        lambda t: t.number is not null and t.number <> '') as licenses,
from shaped
where list_has_any(codes, $codes)
    and (len($states) = 0 or list_contains($states, state))
order by npi;
