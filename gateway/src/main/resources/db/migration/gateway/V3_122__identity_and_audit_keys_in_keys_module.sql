-- The gateway's token signing, client assertion and audit keys move to the one key store
-- (signing_key, module keys, V3_120). Every row keeps the exact ciphertext and associated data
-- it was sealed with, so the keys decrypt under the same key-encryption keys as before.

-- Identity keys: AES-256-GCM, nonce || ciphertext || tag; the token signing key was bound to its
-- kid alone, a client assertion key to "client-assertion:kid". They kept no public part: it is
-- derived from the private one when the key is first loaded.
INSERT INTO signing_key (kid, purpose, created_at, retired_at, public_jwk, private_jwk_encrypted,
        legacy_associated_data)
SELECT kid, purpose, created_at, retired_at, NULL, encrypted_jwk,
       convert_to(CASE WHEN purpose = 'token-signing' THEN kid ELSE purpose || ':' || kid END, 'UTF8')
FROM identity_signing_key;

-- The audit key: a compact JWE (dir, A256GCM), header.(empty key).iv.ciphertext.tag in base64url.
-- AES-GCM under the same key with the 12-byte iv as nonce and the protected header (its
-- base64url text) as associated data, so it becomes nonce || ciphertext || tag as above. The
-- newest key signs; earlier ones (there were none: the audit key was never replaced) retire.
INSERT INTO signing_key (kid, purpose, created_at, retired_at, public_jwk, private_jwk_encrypted,
        legacy_associated_data)
SELECT key_id, 'audit-checkpoint', created_at,
       CASE WHEN row_number() OVER (ORDER BY created_at DESC, key_id) = 1 THEN NULL ELSE now() END,
       public_jwk,
       decode(rpad(translate(part[3], '-_', '+/'), (length(part[3]) + 3) / 4 * 4, '='), 'base64')
           || decode(rpad(translate(part[4], '-_', '+/'), (length(part[4]) + 3) / 4 * 4, '='), 'base64')
           || decode(rpad(translate(part[5], '-_', '+/'), (length(part[5]) + 3) / 4 * 4, '='), 'base64'),
       convert_to(part[1], 'UTF8')
FROM (SELECT key_id, created_at, public_jwk, string_to_array(private_jwk_jwe, '.') AS part
      FROM audit_signing_key) AS audit_key;

DROP TABLE identity_signing_key;
DROP TABLE audit_signing_key;
