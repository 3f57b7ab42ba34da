"""Markdown ``parse_mode`` for the sandbox: :func:`parse_markdown_v2` and legacy :func:`parse_markdown`.

Both follow Telegram's rules and error texts (reserved characters, unclosed entities ...).
"""

from __future__ import annotations

import re
from typing import Any

from tg_sandbox.entities import _byte_offset, _u16
from tg_sandbox.errors import TelegramAPIError, _entity_error

_MDV2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
_MDV2_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
}


def parse_markdown_v2(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse MarkdownV2 like tdlib (reserved characters must be escaped)."""
    out: list[str] = []
    pos16 = 0
    entities: list[dict[str, Any]] = []
    # stack items: [type, utf16 start, byte offset, argument, index into out]
    stack: list[list[Any]] = []
    quote_start: int | None = None
    n = len(text)
    i = 0

    def reserved(ch: str) -> TelegramAPIError:
        return _entity_error(f"Character '{ch}' is reserved and must be escaped with the preceding '\\'")

    def at(k: int) -> str:
        return text[k] if k < n else ""

    while i < n:
        c = text[i]
        line_start = i == 0 or text[i - 1] == "\n"
        in_code = bool(stack) and stack[-1][0] in ("code", "pre")
        if line_start and not in_code:
            if c == ">":
                if quote_start is None:
                    quote_start = pos16
                i += 1
                continue
            if quote_start is not None:
                # the quote ends before the line break that precedes this line
                end16 = pos16 - 1
                if end16 > quote_start:
                    entities.append({"type": "blockquote", "offset": quote_start, "length": end16 - quote_start})
                quote_start = None
        if c == "\\" and i + 1 < n and 0 < ord(text[i + 1]) <= 126:
            out.append(text[i + 1])
            pos16 += 1
            i += 2
            continue
        if c != "`" if in_code else c not in _MDV2_RESERVED:
            out.append(c)
            pos16 += _u16(c)
            i += 1
            continue

        is_end = False
        if stack:
            top = stack[-1][0]
            if top == "bold":
                is_end = c == "*"
            elif top == "italic":
                is_end = c == "_" and at(i + 1) != "_"
            elif top == "code":
                is_end = c == "`"
            elif top == "pre":
                is_end = c == "`" and at(i + 1) == "`" and at(i + 2) == "`"
            elif top in ("text_link", "custom_emoji"):
                is_end = c == "]"
            elif top == "underline":
                is_end = c == "_" and at(i + 1) == "_"
            elif top == "strikethrough":
                is_end = c == "~"
            elif top == "spoiler":
                is_end = c == "|" and at(i + 1) == "|"

        if not is_end:
            begin_byte = _byte_offset(text, i)
            argument = ""
            if c == "_":
                if at(i + 1) == "_":
                    kind = "underline"
                    i += 1
                else:
                    kind = "italic"
            elif c == "*":
                kind = "bold"
            elif c == "~":
                kind = "strikethrough"
            elif c == "|":
                if at(i + 1) != "|":
                    raise reserved(c)
                kind = "spoiler"
                i += 1
            elif c == "[":
                kind = "text_link"
            elif c == "`":
                if at(i + 1) == "`" and at(i + 2) == "`":
                    kind = "pre"
                    i += 3
                    lang_end = i
                    while lang_end < n and not text[lang_end].isspace() and text[lang_end] != "`":
                        lang_end += 1
                    if lang_end != i and lang_end < n and text[lang_end] != "`":
                        argument = text[i:lang_end]
                        i = lang_end
                    if at(i) in ("\n", "\r"):
                        i += 2 if at(i + 1) in ("\n", "\r") and at(i + 1) != at(i) else 1
                    i -= 1
                else:
                    kind = "code"
            elif c == "!" and at(i + 1) == "[":
                kind = "custom_emoji"
                i += 1
            else:
                raise reserved(c)
            stack.append([kind, pos16, begin_byte, argument, len(out)])
            i += 1
            continue

        kind, start16, _, argument, out_index = stack.pop()
        entity: dict[str, Any] = {"type": kind, "offset": start16, "length": pos16 - start16}
        if kind in ("underline", "spoiler"):
            i += 1
        elif kind == "pre":
            i += 2
            if argument:
                entity["language"] = argument
        elif kind in ("text_link", "custom_emoji"):
            if at(i + 1) != "(":
                if kind == "custom_emoji":
                    raise _entity_error("Custom emoji entity must contain a tg://emoji URL")
                url = "".join(out[out_index:])
            else:
                i += 2
                url_begin = i
                url_chars: list[str] = []
                while i < n and text[i] != ")":
                    if text[i] == "\\" and i + 1 < n and 0 < ord(text[i + 1]) <= 126:
                        url_chars.append(text[i + 1])
                        i += 2
                        continue
                    url_chars.append(text[i])
                    i += 1
                if i >= n:
                    raise _entity_error(f"Can't find end of a URL at byte offset {_byte_offset(text, url_begin)}")
                url = "".join(url_chars)
            if kind == "custom_emoji":
                emoji = re.fullmatch(r"tg://emoji\?id=(\d+)", url)
                if not emoji:
                    raise _entity_error("Custom emoji URL must have an emoji identifier")
                entity["custom_emoji_id"] = emoji.group(1)
            elif url:
                entity["url"] = url
            else:
                entity["length"] = 0
        i += 1
        if entity["length"] > 0:
            entities.append(entity)

    if stack:
        kind, _, begin_byte, _, _ = stack[-1]
        raise _entity_error(f"Can't find end of {_MDV2_NAMES[kind]} entity at byte offset {begin_byte}")
    if quote_start is not None and pos16 > quote_start:
        entities.append({"type": "blockquote", "offset": quote_start, "length": pos16 - quote_start})
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def parse_markdown(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse legacy ``Markdown`` like tdlib (``*bold*``, ``_italic_``, ``[text](url)``, code)."""
    out: list[str] = []
    pos16 = 0
    entities: list[dict[str, Any]] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in "_*`[":
            out.append(text[i + 1])
            pos16 += 1
            i += 2
            continue
        if c not in "_*`[":
            out.append(c)
            pos16 += _u16(c)
            i += 1
            continue
        begin = i
        end_char = "]" if c == "[" else c
        i += 1
        is_pre = False
        language = ""
        if c == "`" and text[i : i + 2] == "``":
            i += 2
            is_pre = True
            lang_end = i
            while lang_end < n and not text[lang_end].isspace() and text[lang_end] != "`":
                lang_end += 1
            if lang_end != i and lang_end < n and text[lang_end] != "`":
                language = text[i:lang_end]
                i = lang_end
            if i < n and text[i] in "\r\n":
                i += 2 if i + 1 < n and text[i + 1] in "\r\n" and text[i + 1] != text[i] else 1
        start16 = pos16
        start_out = len(out)
        while i < n and (text[i] != end_char or (is_pre and text[i + 1 : i + 3] != "``")):
            out.append(text[i])
            pos16 += _u16(text[i])
            i += 1
        if i >= n:
            raise _entity_error(f"Can't find end of the entity starting at byte offset {_byte_offset(text, begin)}")
        if pos16 > start16:
            entity: dict[str, Any] = {"type": "", "offset": start16, "length": pos16 - start16}
            if c == "_":
                entity["type"] = "italic"
            elif c == "*":
                entity["type"] = "bold"
            elif c == "[":
                if i + 1 < n and text[i + 1] == "(":
                    close = text.find(")", i + 2)
                    if close < 0:
                        close = n
                    url = text[i + 2 : close]
                    i = close
                else:
                    url = "".join(out[start_out:])
                entity["type"] = "text_link"
                entity["url"] = url
            elif is_pre:
                entity["type"] = "pre"
                if language:
                    entity["language"] = language
            else:
                entity["type"] = "code"
            if entity.get("type") != "text_link" or entity.get("url"):
                entities.append(entity)
        if is_pre:
            i += 2
        i += 1
    return "".join(out), entities
