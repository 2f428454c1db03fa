-- Accounts, their signed-in devices (sessions) and recovery codes, and the records they sync.
-- Times are milliseconds since the Unix epoch. Secrets (passwords, session tokens, recovery codes) are
-- stored only as hashes.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    login         TEXT NOT NULL UNIQUE,          -- lower-cased
    display_login TEXT NOT NULL,                 -- as typed at sign-up
    password_hash TEXT NOT NULL,                 -- argon2id, PHC string
    created_ms    BIGINT NOT NULL,
    next_seq      BIGINT NOT NULL DEFAULT 0,     -- the last sequence number given to a record
    record_count  BIGINT NOT NULL DEFAULT 0,
    record_bytes  BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,      -- SHA-256 of the cookie's token, hex
    public_id    TEXT NOT NULL UNIQUE,           -- for "sign out this device"
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    user_agent   TEXT NOT NULL,
    created_ms   BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL,
    expires_ms   BIGINT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE TABLE recovery_codes (
    user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,                     -- SHA-256 of the normalised code, hex
    PRIMARY KEY (user_id, code_hash)
);
CREATE TABLE records (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    id      TEXT NOT NULL,                       -- the client's id
    seq     BIGINT NOT NULL,                     -- per user, given under the user row's lock
    body    TEXT NOT NULL,                       -- the record's JSON, as sent
    PRIMARY KEY (user_id, id)
);
CREATE UNIQUE INDEX records_by_seq ON records (user_id, seq);
