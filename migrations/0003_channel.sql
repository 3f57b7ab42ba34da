-- Channel auto-posting. The journal makes every post exactly-once: a post is decided by inserting its key
-- (breach:<id>, digest:<slot>, fact:<slot>, manual:<n>) in the same transaction that queues it in the outbox,
-- so a restart, a second start of a job, or a crash right after posting never decides the same post twice.
CREATE TABLE IF NOT EXISTS channel_posts (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,                    -- breach, digest, fact, manual
    entry_id   TEXT,                             -- fact: the knowledge entry posted (for the rotation)
    text       TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'queued',   -- 'draft' while an admin previews a /post, then 'queued'
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS channel_posts_kind ON channel_posts (kind, entry_id);

-- When each scheduled job was first armed: slots before that are not "missed", so a fresh install does not
-- catch up on posts it was never meant to make.
CREATE TABLE IF NOT EXISTS schedule_state (
    job      TEXT PRIMARY KEY,
    cron     TEXT NOT NULL,
    armed_at TEXT NOT NULL
);
