"""HTML ``parse_mode`` for the sandbox: :func:`parse_html` and its helpers.

Follows Telegram's (tdlib's) rules and error texts for tags, attributes and character references.
"""

from __future__ import annotations

import re
from typing import Any

from tg_sandbox.entities import _byte_offset, _u16
from tg_sandbox.errors import _entity_error

_NAMED_HTML_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_HTML_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)
_SIMPLE_HTML_ENTITIES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "code": "code",
}
_HTML_TEXT_RUN = re.compile(r"[^<&]+")
_HEX = frozenset("0123456789abcdefABCDEF")
_DEC = frozenset("0123456789")
_NAME_TOKEN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


def _decode_html_entity(text: str, i: int) -> tuple[str, int] | None:
    """Decode the entity at ``text[i] == "&"`` like tdlib; ``None`` if it is not one."""
    n = len(text)
    j = i + 1
    if j < n and text[j] == "#":
        j += 1
        if j < n and text[j] in "xX":
            j += 1
            start = j
            while j < n and text[j] in _HEX:
                j += 1
            digits, base = text[start:j], 16
        else:
            start = j
            while j < n and text[j] in _DEC:
                j += 1
            digits, base = text[start:j], 10
        if not digits or len(digits) > 8:
            return None
        code = int(digits, base)
        if code == 0 or code >= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        char = chr(code)
    else:
        start = j
        while j < n and text[j].isascii() and text[j].isalpha():
            j += 1
        named = _NAMED_HTML_ENTITIES.get(text[start:j])
        if named is None:
            return None
        char = named
    if j < n and text[j] == ";":
        j += 1
    return char, j


def _read_ampersand(text: str, i: int, strict_ampersand: bool) -> tuple[str, int]:
    """At the "&" text[i]: the character its entity stands for ("&amp;", "&#39;") and the index after it. A bare
    "&" stands for itself, as in Telegram, unless `strict_ampersand`."""
    decoded = _decode_html_entity(text, i)
    if decoded is not None:
        return decoded
    if strict_ampersand:
        raise _entity_error(f'Unescaped "&" at byte offset {_byte_offset(text, i)}; write it as "&amp;" '
                            "(the sandbox is stricter than Telegram here)")
    return "&", i + 1


def _html_unescape(text: str, start: int, end: int, *, strict_ampersand: bool) -> str:
    """text[start:end] (a quoted attribute value) with its entities decoded. An entity never runs past `end`: the
    closing quote is neither a letter, a digit nor ";"."""
    out: list[str] = []
    i = start
    while (amp := text.find("&", i, end)) >= 0:
        out.append(text[i:amp])
        chunk, i = _read_ampersand(text, amp, strict_ampersand)
        out.append(chunk)
    out.append(text[i:end])
    return "".join(out)


def parse_html(text: str, *, strict_ampersand: bool = True) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram-flavoured HTML into ``(plain_text, entities)``.

    Follows tdlib's ``parse_html``: only Telegram's tags are accepted, entity offsets are in UTF-16
    code units, and errors raise :class:`TelegramAPIError` with Telegram's descriptions
    ("Bad Request: can't parse entities: Unsupported start tag "div" at byte offset 0" ...).
    """
    parts: list[str] = []
    pos16 = 0
    entities: list[dict[str, Any]] = []
    # stack items: [tag, utf16 start, attributes, index into parts, byte offset]
    stack: list[list[Any]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "&":
            chunk, i = _read_ampersand(text, i, strict_ampersand)
            parts.append(chunk)
            pos16 += _u16(chunk)
            continue
        if c != "<":
            match = _HTML_TEXT_RUN.match(text, i)
            assert match is not None
            chunk = match.group()
            parts.append(chunk)
            pos16 += _u16(chunk)
            i = match.end()
            continue

        begin = i
        if i + 1 < n and text[i + 1] == "/":  # end tag
            if not stack:
                raise _entity_error(f"Unexpected end tag at byte offset {_byte_offset(text, begin)}")
            j = i + 2
            while j < n and text[j] != ">" and not text[j].isspace():
                j += 1
            end_name = text[i + 2 : j].lower()
            while j < n and text[j].isspace():
                j += 1
            if j >= n or text[j] != ">":
                raise _entity_error(f"Unclosed end tag at byte offset {_byte_offset(text, begin)}")
            i = j + 1
            tag, start16, attrs, part_index, _ = stack.pop()
            if end_name and end_name != tag:
                raise _entity_error(
                    f"Unmatched end tag at byte offset {_byte_offset(text, begin)}, "
                    f'expected "</{tag}>", found "</{end_name}>"'
                )
            _close_html_tag(tag, attrs, start16, pos16, parts, part_index, stack, entities)
            continue

        # start tag
        j = i + 1
        while j < n and text[j] != ">" and not text[j].isspace():
            j += 1
        if j >= n:
            raise _entity_error(f"Unclosed start tag at byte offset {_byte_offset(text, begin)}")
        name = text[i + 1 : j].lower()
        if name not in _HTML_TAGS:
            raise _entity_error(f'Unsupported start tag "{name}" at byte offset {_byte_offset(text, begin)}')
        attrs: dict[str, str] = {}
        while True:
            while j < n and text[j].isspace():
                j += 1
            if j >= n:
                raise _entity_error(f'Unclosed start tag "{name}" at byte offset {_byte_offset(text, begin)}')
            if text[j] == ">":
                j += 1
                break
            attr_begin = j
            while j < n and text[j] not in "=>" and not text[j].isspace():
                j += 1
            attr = text[attr_begin:j].lower()
            if not attr:
                raise _entity_error(
                    f'Empty attribute name in the tag "{name}" at byte offset {_byte_offset(text, begin)}'
                )
            while j < n and text[j].isspace():
                j += 1
            if j >= n or text[j] != "=":
                if name == "blockquote" and attr == "expandable":
                    attrs[attr] = ""
                    continue
                raise _entity_error(
                    f'Expected equal sign in declaration of an attribute of the tag "{name}" '
                    f"at byte offset {_byte_offset(text, begin)}"
                )
            j += 1
            while j < n and text[j].isspace():
                j += 1
            if j >= n:
                raise _entity_error(f'Unclosed start tag "{name}" at byte offset {_byte_offset(text, begin)}')
            quote = text[j]
            if quote in "\"'":
                end = text.find(quote, j + 1)
                if end < 0:
                    raise _entity_error(f'Unclosed start tag "{name}" at byte offset {_byte_offset(text, begin)}')
                value = _html_unescape(text, j + 1, end, strict_ampersand=strict_ampersand)
                j = end + 1
            else:
                value_begin = j
                while j < n and text[j] in _NAME_TOKEN:
                    j += 1
                value = text[value_begin:j].lower()
                if j < n and text[j] != ">" and not text[j].isspace():
                    raise _entity_error(f"Unexpected end of name token at byte offset {_byte_offset(text, j)}")
            attrs[attr] = value
        i = j
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise _entity_error(f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(text, begin)}')
        stack.append([name, pos16, attrs, len(parts), _byte_offset(text, begin)])

    if stack:
        raise _entity_error(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(parts), entities


def _close_html_tag(
    tag: str,
    attrs: dict[str, str],
    start16: int,
    end16: int,
    parts: list[str],
    part_index: int,
    stack: list[list[Any]],
    entities: list[dict[str, Any]],
) -> None:
    length = end16 - start16
    if tag == "code" and stack and stack[-1][0] == "pre":
        language = attrs.get("class", "")
        if language.startswith("language-") and len(language) > len("language-"):
            stack[-1][2]["language"] = language[len("language-") :]
            return
    if length <= 0:
        return
    entity: dict[str, Any] = {"type": "", "offset": start16, "length": length}
    if tag in _SIMPLE_HTML_ENTITIES:
        entity["type"] = _SIMPLE_HTML_ENTITIES[tag]
    elif tag == "a":
        url = attrs.get("href") or "".join(parts[part_index:])
        mention = re.fullmatch(r"tg://user\?id=(\d+)", url)
        if mention:
            entity["type"] = "text_mention"
            entity["user"] = {"id": int(mention.group(1)), "is_bot": False, "first_name": ""}
        elif url:
            entity["type"] = "text_link"
            entity["url"] = url
        else:
            return
    elif tag == "pre":
        entity["type"] = "pre"
        if attrs.get("language"):
            entity["language"] = attrs["language"]
    elif tag == "blockquote":
        entity["type"] = "expandable_blockquote" if "expandable" in attrs else "blockquote"
    elif tag == "tg-emoji":
        emoji_id = attrs.get("emoji-id")
        if not emoji_id:
            return
        entity["type"] = "custom_emoji"
        entity["custom_emoji_id"] = emoji_id
    else:  # pragma: no cover - every supported tag is handled above
        return
    entities.append(entity)
