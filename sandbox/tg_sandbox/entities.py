"""Message entity helpers shared by the sandbox's parsers.

UTF-16 lengths and offsets (what Telegram's entity offsets count), Telegram-like stripping of
leading/trailing whitespace, and auto-detection of commands, @mentions and URLs in user messages.
"""

from __future__ import annotations

import re
from typing import Any


def _u16(text: str) -> int:
    """Length in UTF-16 code units (what Telegram's entity offsets count)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode())


def _strip_text(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Drop leading/trailing whitespace like Telegram does, shifting and clipping entities."""
    left = text.lstrip()
    stripped = left.rstrip()
    if len(stripped) == len(text):
        return text, entities
    lead16 = _u16(text[: len(text) - len(left)])
    total16 = _u16(stripped)
    fixed = []
    for entity in entities:
        start = max(entity["offset"] - lead16, 0)
        end = min(entity["offset"] + entity["length"] - lead16, total16)
        if end > start:
            fixed.append({**entity, "offset": start, "length": end - start})
    return stripped, fixed


_COMMAND_RE = re.compile(r"(?<![\w/@])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])")
_MENTION_RE = re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{3,32}(?!\w)")
_URL_RE = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


def detect_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram would detect in a user's plain text: bot commands, mentions, URLs."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for regex, kind in ((_URL_RE, "url"), (_COMMAND_RE, "bot_command"), (_MENTION_RE, "mention")):
        for match in regex.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            found.append((start, end, kind))
    found.sort()
    return [{"type": kind, "offset": _u16(text[:start]), "length": _u16(text[start:end])} for start, end, kind in found]
