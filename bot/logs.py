"""Logging set-up. aiogram puts the token into request URLs and some errors; a filter redacts it everywhere.

What the logs carry: aiogram's own line per update (``Update id=… is handled. Duration … ms``, logger
``aiogram.event``, INFO), our events, warnings and errors. Not what people wrote: message texts are logged only
with ``LOG_MESSAGE_TEXT=true`` (see ``bot.middlewares.MessageTextLogMiddleware``)."""

from __future__ import annotations

import logging
import re
import sys
from types import TracebackType
from typing import TextIO

# A Telegram bot token: the bot id, a colon (maybe URL-encoded) and 35 characters.
_TOKEN = re.compile(r"\d{5,}(?::|%3[Aa])[A-Za-z0-9_-]{20,}")
REDACTED = "<redacted>"


class RedactTokenFilter(logging.Filter):
    """Replaces the given secrets (the bot token, the webhook secret) and anything shaped like a bot token in
    the message, its arguments, the traceback and the stack of every record that passes the handler."""

    def __init__(self, *secrets: str):
        super().__init__()
        variants = {v for s in secrets if s for v in (s, s.replace(":", "%3A"), s.replace(":", "%3a"))}
        # longest first, so a secret containing another is replaced whole
        self.secrets = sorted(variants, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return _TOKEN.sub(REDACTED, text)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit the format: keep both, never lose (or leak through) a record
            message = f"{record.msg} {record.args!r}"
        if record.exc_info and record.exc_info[1] is not None:
            # Exceptions are rendered later by the formatter: render them now, redacted.
            message = message + "\n" + logging.Formatter().formatException(record.exc_info)
        elif record.exc_text:
            message = message + "\n" + record.exc_text
        record.exc_info = None
        record.exc_text = None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        record.msg = self.redact(message)
        record.args = ()
        return True


def setup_logging(level: str, *secrets: str, stream: TextIO | None = None) -> None:
    """One handler on the root logger (stderr unless `stream` is given) with the redacting filter; uncaught
    exceptions go through it too, so a crash's traceback is redacted like every other record."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactTokenFilter(*secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    sys.excepthook = log_uncaught


def log_uncaught(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    logging.getLogger("bot").critical("unhandled error, the bot stops", exc_info=(kind, error, tb))
