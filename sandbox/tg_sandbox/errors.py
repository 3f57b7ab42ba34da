"""Error answers of the sandbox Bot API.

:class:`TelegramAPIError` (turned into ``{"ok": false, ...}``), Telegram's error description texts,
the helpers that build 400 answers, and the records of injected failures (``fail_next``) and of
successful results that carry a ``description`` (setWebhook & co.).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
CHAT_NOT_FOUND = "Bad Request: chat not found"
WRONG_FILE = "Bad Request: wrong file identifier/HTTP URL specified"


class TelegramAPIError(Exception):
    """An error answer; raised inside the handlers and turned into ``{"ok": false, ...}``."""

    def __init__(self, code: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def _bad(description: str) -> TelegramAPIError:
    return TelegramAPIError(400, f"Bad Request: {description}")


def _entity_error(description: str) -> TelegramAPIError:
    return _bad(f"can't parse entities: {description}")


@dataclass(slots=True)
class _Described:
    """A successful result that also carries Telegram's ``description`` (setWebhook & co.)."""

    result: Any
    description: str


@dataclass(slots=True)
class _Failure:
    code: int
    description: str
    retry_after: int | None
    times: int
