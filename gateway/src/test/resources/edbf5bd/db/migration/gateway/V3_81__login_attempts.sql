-- Login attempts of the form login, for throttling per account and client address and for
-- locking an account that failed too often from anywhere; in the database so that every gateway
-- node counts the same. No usernames and no addresses in clear: account_key is the user id of an
-- existing account, or "h:" + HMAC-SHA256 of a username that names no account; address_key is
-- "h:" + HMAC-SHA256 of the client address (an HMAC, since plain hashes of IPv4 addresses can be
-- reversed by trying them all). The HMAC key is derived from the pseudonym key.
-- An attempt is written before its password is checked and deleted when the password was right;
-- cleared marks failures of an account and address that logged in afterwards (they still count
-- towards the lock, no longer towards the waiting).
CREATE TABLE login_attempt (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_key  text        NOT NULL,
    address_key  text        NOT NULL,
    attempted_at timestamptz NOT NULL,
    cleared      boolean     NOT NULL DEFAULT false
);
CREATE INDEX login_attempt_account ON login_attempt (account_key, attempted_at);
CREATE INDEX login_attempt_time ON login_attempt (attempted_at);

-- Accounts locked after too many failures; only an operator lifts a lock (person unlock).
CREATE TABLE login_lock (
    account_key text        PRIMARY KEY,
    locked_at   timestamptz NOT NULL
);
