-- Users: only what the bot needs to answer and alert (chat id, language, when they started).
CREATE TABLE IF NOT EXISTS users (
    chat_id        BIGINT PRIMARY KEY,
    language       TEXT NOT NULL DEFAULT 'ru',
    language_fixed BOOLEAN NOT NULL DEFAULT FALSE,  -- TRUE after /lang: Telegram's language_code no longer applies
    started_at     TEXT NOT NULL,
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    inactive_since TEXT
);
