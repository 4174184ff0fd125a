-- The content hash the load diffs on becomes a 128-bit integer: the first half of the SHA-256 it
-- was (pipeline/records.py), so every stored listing keeps its hash and reads as unchanged. As a
-- 64-character hex string it was the costliest column of a listings write (0.27 s of 10^6 new
-- listings, against 0.03 s as UHUGEINT), and compared two strings per listing in every diff.
alter table stg_listings alter content_hash set data type uhugeint
    using ('0x' || left(content_hash, 32))::uhugeint;
alter table listings alter content_hash set data type uhugeint
    using ('0x' || left(content_hash, 32))::uhugeint;
alter table listing_versions alter content_hash set data type uhugeint
    using ('0x' || left(content_hash, 32))::uhugeint;
