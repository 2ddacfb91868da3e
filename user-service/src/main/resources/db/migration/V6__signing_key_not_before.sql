-- Key rotation without logging anyone out (docs/operations.md#rotating-the-jwt-signing-key): a new key is published
-- at once but signs only from not_before on, so every verifier's JWKS cache knows it before the first token signed
-- with it; the old key stays published (active) until the last token it signed has expired, then is retired.
-- Expand-only: an older user-service ignores the column.
alter table signing_key add column not_before timestamptz;
update signing_key set not_before = created_at;
alter table signing_key alter column not_before set not null, alter column not_before set default now();
