-- Finding a breach's watchers reads the index alone: (service_key, chat_id) holds the chat ids of a service in
-- order, so a fan-out walks them in chunks (`chat_id > cursor ORDER BY chat_id LIMIT n`) without visiting the table.
-- It replaces the index on service_key alone, which it covers.
CREATE INDEX IF NOT EXISTS watches_service_chat ON watches (service_key, chat_id);
DROP INDEX IF EXISTS watches_service_key;

-- A fan-out: the promise to queue one outbox row (kind, ref) per active watcher of `keys`, kept in the transaction
-- that publishes the breach together with the first chunk of rows; the rest are queued chunk by chunk, each chunk
-- a short transaction that moves the cursor (keys[key_pos], then watchers with chat_id > after_chat). A crash
-- between chunks leaves the promise open and the next claim of the outbox goes on from the cursor; the outbox's
-- UNIQUE (kind, ref, chat_id) keeps every watcher told once whoever queues the chunk. The same DDL on both dialects.
CREATE TABLE IF NOT EXISTS fan_outs (
    kind       TEXT NOT NULL,
    ref        TEXT NOT NULL,
    keys       TEXT NOT NULL,                -- JSON list of the service keys, sorted
    texts      TEXT NOT NULL,                -- JSON {"ru": ..., "en": ...}: the text in each language
    key_pos    INTEGER NOT NULL DEFAULT 0,
    after_chat BIGINT,                       -- NULL: from the first watcher of keys[key_pos]
    queued     INTEGER NOT NULL DEFAULT 0,   -- rows queued so far (by whoever queued the chunks)
    done       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, ref)
);
CREATE INDEX IF NOT EXISTS fan_outs_open ON fan_outs (created_at) WHERE NOT done;
