"""Value types of the sandbox and helpers that build Telegram objects.

The public records (:class:`UploadedFile`, :class:`Recorded`), the sandbox's private bookkeeping
records (message metadata, stored files, pollers), image size sniffing, and the pydantic helpers
that complete partial objects with every field aiogram's models require.
"""

from __future__ import annotations

import struct
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from aiogram import types as tg
from pydantic import BaseModel

# --------------------------------------------------------------------------------------------------
# small public value types


@dataclass(slots=True)
class UploadedFile:
    """A file the bot uploaded (a multipart part)."""

    filename: str
    content_type: str | None
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(slots=True)
class Recorded:
    """One Bot API call the bot made.

    ``params`` are decoded (JSON fields parsed, ints/bools converted, uploaded files replaced by
    :class:`UploadedFile`).  ``result`` is the ``result`` of a successful call, ``description`` the
    error text of a failed one.
    """

    method: str
    params: dict[str, Any]
    time: float
    status: int = 200  # while a long poll is still pending: 200 with result None
    result: Any = None
    description: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass(slots=True)
class _MessageMeta:
    """What only the sandbox knows about a bot message."""

    raw: str | None  # the text/caption exactly as the bot sent it
    reply_keyboard: dict[str, Any] | None = None
    file: UploadedFile | None = None


@dataclass(slots=True)
class _StoredFile:
    file_id: str
    unique_id: str
    upload: UploadedFile | None
    width: int = 0
    height: int = 0


@dataclass(slots=True)
class _Poller:
    superseded: bool = False


def _image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of a PNG, GIF, JPEG or WebP image, ``None`` if not recognised."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP" and len(data) >= 30:
        chunk = data[12:16]
        if chunk == b"VP8X":
            w = int.from_bytes(data[24:27], "little") + 1
            h = int.from_bytes(data[27:30], "little") + 1
            return w, h
        if chunk == b"VP8 ":
            w, h = struct.unpack("<HH", data[26:30])
            return w & 0x3FFF, h & 0x3FFF
        if chunk == b"VP8L":
            bits = int.from_bytes(data[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        return None
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
                i += 1 if marker == 0xFF else 2
                continue
            seg_len = struct.unpack(">H", data[i + 2 : i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", data[i + 5 : i + 9])
                return w, h
            i += 2 + seg_len
    return None


# --------------------------------------------------------------------------------------------------
# pydantic helpers: complete partial objects with the fields aiogram's models require


def _default_for(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _default_for(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _default_for(args[0]) if args else None
    if origin is typing.Literal:
        return typing.get_args(annotation)[0]
    if origin in (list, tuple, set, frozenset) or annotation in (list, tuple, set):
        return []
    if annotation is bool:
        return False
    if annotation is int:
        return 0
    if annotation is float:
        return 0.0
    if annotation is str:
        return ""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _complete(annotation, {})
    return None


def _complete(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """Fill in every field ``model`` requires that ``data`` lacks (False/0/""/[]/nested)."""
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key not in data and info.is_required():
            data[key] = _default_for(info.annotation)
    return data


_MEMBER_MODELS: dict[str, type[BaseModel]] = {
    "creator": tg.ChatMemberOwner,
    "administrator": tg.ChatMemberAdministrator,
    "member": tg.ChatMemberMember,
    "restricted": tg.ChatMemberRestricted,
    "left": tg.ChatMemberLeft,
    "kicked": tg.ChatMemberBanned,
}
