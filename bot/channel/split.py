"""Splitting a long HTML message into parts Telegram accepts (4096 characters), at paragraph boundaries.

A part never ends inside a tag or an entity, and every part is valid HTML on its own: a tag left open at a
cut is closed at the end of the part and opened again at the start of the next one.
"""

from __future__ import annotations

import re

TELEGRAM_LIMIT = 4096
_TOKEN = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9-]+)")


def split_html(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Paragraphs (blank-line separated) are packed greedily; a paragraph too long on its own is split at
    line breaks, then at spaces, as a last resort anywhere outside a tag or entity."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for paragraph in text.split("\n\n"):
        candidate = f"{current}\n\n{paragraph}" if current else paragraph
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        if len(paragraph) <= limit:
            current = paragraph
        else:
            pieces = _split_long(paragraph, limit)
            parts.extend(pieces[:-1])
            current = pieces[-1]
    if current:
        parts.append(current)
    return parts


def _split_long(paragraph: str, limit: int) -> list[str]:
    """Cut one long paragraph, keeping tags balanced in every piece."""
    pieces: list[str] = []
    open_tags: list[tuple[str, str]] = []  # (name, the opening tag as written)
    current = ""

    def closing() -> str:
        return "".join(f"</{name}>" for name, _ in reversed(open_tags))

    def flush() -> None:
        nonlocal current
        pieces.append(current + closing())
        current = "".join(tag for _, tag in open_tags)

    for token in _TOKEN.split(paragraph):
        if not token:
            continue
        if token.startswith("<"):
            if len(current) + len(token) + len(closing()) + 16 > limit:
                flush()
            current += token
            match = _TAG_NAME.match(token)
            name = match.group(1).lower() if match else ""
            if token.startswith("</"):
                for i in range(len(open_tags) - 1, -1, -1):
                    if open_tags[i][0] == name:
                        del open_tags[i]
                        break
            elif not token.endswith("/>"):
                open_tags.append((name, token))
            continue
        while token:
            room = limit - len(current) - len(closing())
            if len(token) <= room:
                current += token
                break
            cut = _cut_point(token, room)
            if cut <= 0:
                if current.strip():
                    flush()
                    continue
                cut = max(1, room)  # nothing fits on an empty part: cut hard (still outside tags)
            current += token[:cut]
            token = token[cut:].lstrip(" ") if token[cut:cut + 1] in (" ", "\n") else token[cut:]
            flush()
    if current:
        pieces.append(current + closing())
    return pieces


def _cut_point(text: str, room: int) -> int:
    """The best place to cut `text` within `room` characters: a line break, a space, else not inside `&…;`."""
    if room <= 0:
        return 0
    window = text[:room]
    for separator in ("\n", " "):
        at = window.rfind(separator)
        if at > 0:
            return at
    amp = window.rfind("&")
    if amp != -1 and ";" not in window[amp:]:
        return amp
    return room
