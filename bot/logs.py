"""Logging set-up. aiogram puts the token into request URLs and some errors; a filter redacts it everywhere."""

from __future__ import annotations

import logging
import re

_TOKEN = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")


class RedactTokenFilter(logging.Filter):
    def __init__(self, *secrets: str):
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<redacted>")
        return _TOKEN.sub("<redacted>", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            # Exceptions are rendered later by the formatter: render them now, redacted.
            formatter = logging.Formatter()
            message = message + "\n" + formatter.formatException(record.exc_info)
            record.exc_info = None
            record.exc_text = None
        record.msg = self.redact(message)
        record.args = ()
        return True


def setup_logging(level: str, *secrets: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactTokenFilter(*secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
