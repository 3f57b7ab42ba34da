"""Settings from the environment or `.env` (see `.env.example`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot import resources

# The repository checkout, for tests, benchmarks and scripts; the bot itself finds its data through bot/resources.py,
# which also works from an installed wheel.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_API_URL = "https://api.telegram.org"


def _split_csv(value: object) -> object:
    """`ADMIN_IDS=1,2` and `BREACH_FEED_URLS=a b` are lists in the environment too."""
    if isinstance(value, str):
        return [part for part in value.replace(";", ",").replace(" ", ",").split(",") if part]
    if isinstance(value, int):
        return [value]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr = SecretStr("")
    telegram_api_url: str = PRODUCTION_API_URL
    database_url: str = "sqlite:///data/bot.sqlite3"  # or postgresql://user@host:5432/db (several replicas)
    redis_url: str = ""  # redis://host:6379/0: conversation state, throttle and update de-duplication shared
    redis_prefix: str = "privacy-bot"  # every Redis key starts with it: two bots may share one Redis
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    log_level: str = "INFO"
    log_message_text: bool = False
    knowledge_dir: Path = Field(default_factory=resources.knowledge_dir)  # the packaged knowledge base unless set

    # breach alerts
    source_channel_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    breach_feed_urls: Annotated[list[str], NoDecode] = Field(default_factory=list)
    breach_feed_interval: int = 3600
    send_rate: float = 25.0  # requests a second to Telegram, all together (bot/delivery/limiter.py)
    private_chat_interval: float = 1.0  # seconds between two messages to one private chat
    max_watches: int = 50

    # channel
    channel_id: str = ""
    channel_language: str = "ru"
    timezone: str = "Europe/Moscow"
    digest_cron: str = "0 10 * * mon"
    fact_cron: str = ""

    # abuse and privacy
    throttle_per_minute: int = 20
    max_text_length: int = 1000
    inactive_retention_days: int = 180

    # webhook mode
    webhook_url: str = ""
    webhook_path: str = "/telegram/webhook"
    webhook_secret: SecretStr = SecretStr("")
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080

    @field_validator("admin_ids", "source_channel_ids", "breach_feed_urls", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return _split_csv(value)

    @property
    def database_path(self) -> Path:
        """`sqlite:///data/bot.sqlite3` -> `data/bot.sqlite3` (relative to the working directory)."""
        url = self.database_url
        for prefix in ("sqlite+aiosqlite:///", "sqlite:///"):
            if url.startswith(prefix):
                return Path(url[len(prefix):])
        raise ValueError(f"DATABASE_URL must be a sqlite:/// or postgresql:// URL, got {url.split(':', 1)[0]}:...")

    @property
    def database_location(self) -> Path | str:
        """What `Database(...)` opens: the SQLite file, or the postgresql:// URL as given."""
        if self.database_url.startswith(("postgresql://", "postgres://")):
            return self.database_url
        return self.database_path

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids
