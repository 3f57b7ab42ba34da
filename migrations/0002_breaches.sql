-- Breach alerts: known breaches, what users watch, and the durable outbox every message goes through.
CREATE TABLE IF NOT EXISTS breaches (
    id           INTEGER PRIMARY KEY,
    dedupe_key   TEXT NOT NULL UNIQUE,
    service      TEXT NOT NULL,
    domain       TEXT,
    record_count BIGINT,
    breach_date  TEXT,
    reported_at  TEXT,
    origin       TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'published',  -- 'draft' while an admin has not confirmed it
    payload      TEXT NOT NULL,                       -- the whole Breach as JSON
    created_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS breaches_created ON breaches (created_at);

CREATE TABLE IF NOT EXISTS breach_keys (
    breach_id   INTEGER NOT NULL REFERENCES breaches (id) ON DELETE CASCADE,
    service_key TEXT NOT NULL,
    PRIMARY KEY (breach_id, service_key)
);
CREATE INDEX IF NOT EXISTS breach_keys_key ON breach_keys (service_key);

CREATE TABLE IF NOT EXISTS watches (
    chat_id      BIGINT NOT NULL REFERENCES users (chat_id) ON DELETE CASCADE,
    service_key  TEXT NOT NULL,
    service_name TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (chat_id, service_key)
);
CREATE INDEX IF NOT EXISTS watches_service_key ON watches (service_key);

-- One row per message to deliver. UNIQUE (kind, ref, chat_id) makes a second enqueue of the same alert a no-op,
-- so a breach that arrives twice, or a fan-out restarted after a crash, never writes a second row.
CREATE TABLE IF NOT EXISTS outbox (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,          -- 'alert', 'channel', ...
    ref             TEXT NOT NULL,          -- what it is about (breach id, post key)
    chat_id         BIGINT NOT NULL,
    text            TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending',  -- pending, sending, sent, failed, skipped
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    UNIQUE (kind, ref, chat_id)
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_chat ON outbox (chat_id);

-- Names an HIBP-format feed has already listed, so only later additions alert.
CREATE TABLE IF NOT EXISTS feed_items (
    feed_url   TEXT NOT NULL,
    name       TEXT NOT NULL,
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (feed_url, name)
);
