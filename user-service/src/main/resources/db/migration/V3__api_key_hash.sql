-- API keys are kept only as the SHA-256 of the key (64 hex characters, like the one-time tokens),
-- so a stolen dump holds no usable key. Existing keys are hashed in place and keep working: the
-- lookup hashes the key it is given. The creation time is what the profile can still show.
alter table users add column api_key_created_at timestamptz;

update users
set api_key = encode(sha256(convert_to(api_key, 'UTF8')), 'hex'),
    api_key_created_at = updated_at
where api_key is not null;

alter table users rename column api_key to api_key_hash;
alter index users_api_key_key rename to users_api_key_hash_key;
