"""Splitting a long HTML message into parts Telegram accepts (4096 characters), at paragraph boundaries.

A part never ends inside a tag or an entity, and every part is valid HTML on its own: a tag left open at a
cut (a bold run or a quote spanning paragraphs) is closed at the end of the part and opened again at the start
of the next one.
"""

from __future__ import annotations

import re

TELEGRAM_LIMIT = 4096
_TAG = re.compile(r"<[^>]*>")
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9-]+)")


def split_html(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Cut at the last blank line that fits, else a line break, else a space, else anywhere outside a tag or an
    entity; close the tags open at the cut and reopen them in the next part."""
    parts: list[str] = []
    reopen = ""
    rest = text
    while len(reopen) + len(rest) > limit:
        budget = limit - len(reopen)
        while True:
            cut = _cut_point(rest, max(1, budget))
            stack = _open_tags(reopen + rest[:cut])
            closing = "".join(f"</{name}>" for name, _ in reversed(stack))
            part = reopen + rest[:cut].rstrip(" \n") + closing
            if len(part) <= limit or budget <= 1:
                break
            budget -= len(part) - limit  # the closing tags need room too: cut earlier
        parts.append(part)
        reopen = "".join(tag for _, tag in stack)
        rest = rest[cut:].lstrip(" \n")
    if rest.strip():
        parts.append(reopen + rest)
    return parts


def _cut_point(text: str, budget: int) -> int:
    """Where to cut `text` within `budget` characters (> 0, outside any tag or entity)."""
    window = text[:budget]
    if (start := window.rfind("<")) != -1 and ">" not in window[start:]:
        window = window[:start]  # a tag straddles the budget: stop before it
    if (amp := window.rfind("&")) != -1 and ";" not in window[amp:]:
        window = window[:amp]  # so does an entity
    inside = [(m.start(), m.end()) for m in _TAG.finditer(window)]

    def outside(position: int) -> bool:
        return not any(start < position < end for start, end in inside)

    for separator in ("\n\n", "\n", " "):
        position = window.rfind(separator)
        while position > 0 and not outside(position):
            position = window.rfind(separator, 0, position)
        if position > 0:
            return position
    if window:
        return len(window)
    match = _TAG.match(text)  # nothing fits before a (very long) tag: cut right after it
    return match.end() if match else max(1, budget)


def _open_tags(html: str) -> list[tuple[str, str]]:
    """The tags still open at the end of `html`, outermost first, as (name, the opening tag as written)."""
    stack: list[tuple[str, str]] = []
    for match in _TAG.finditer(html):
        tag = match.group(0)
        name_match = _TAG_NAME.match(tag)
        name = name_match.group(1).lower() if name_match else ""
        if tag.startswith("</"):
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i]
                    break
        elif not tag.endswith("/>"):
            stack.append((name, tag))
    return stack
