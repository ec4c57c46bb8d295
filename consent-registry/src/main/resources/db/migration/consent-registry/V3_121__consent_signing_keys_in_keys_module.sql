-- The registry's signing keys move to the one key store (signing_key, module keys, V3_120),
-- purpose consent-statement. Each row keeps its ciphertext and the associated data it was
-- sealed with (the kid alone), so the keys decrypt as before.
insert into signing_key (kid, purpose, created_at, retired_at, public_jwk, private_jwk_encrypted,
		legacy_associated_data)
select kid, 'consent-statement', created_at, retired_at, public_jwk, private_jwk_encrypted,
		convert_to(kid, 'UTF8')
from consent_signing_key;

alter table consent drop constraint consent_signing_kid_fkey;
alter table consent add constraint consent_signing_kid_fkey foreign key (signing_kid) references signing_key (kid);

drop table consent_signing_key;

-- The registry's keys as they were listed before, for reading only: public parts and the
-- encrypted private parts, never a private part in clear.
create view consent_signing_key as
select kid, created_at, retired_at, public_jwk, private_jwk_encrypted
from signing_key
where purpose = 'consent-statement';
