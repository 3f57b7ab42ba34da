"""Telegram's limits as enforced by the sandbox.

Size limits (text/caption lengths, callback data, buttons, commands, photo uploads, poll timeout) and the
sliding windows used to simulate flood control (see ``FakeTelegram.enforce_limits``).
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_TEXT_LENGTH = 4096  # UTF-16 code units, after entity parsing
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA = 64  # bytes
MAX_CALLBACK_ANSWER = 200
MAX_INLINE_RESULTS = 50
MAX_INLINE_RESULT_ID = 64  # bytes
MAX_BUTTONS = 100
MAX_COMMANDS = 100
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_POLL_TIMEOUT = 50.0


@dataclass(slots=True)
class _Window:
    """Sliding-window limiter: at most ``capacity`` hits per ``period`` seconds."""

    capacity: int
    period: float

    @classmethod
    def per_second(cls, rate: float, burst: int = 1) -> _Window:
        capacity = max(1, int(burst))
        return cls(capacity, capacity / rate)


@dataclass(slots=True)
class _Limits:
    global_window: _Window | None
    private_window: _Window | None
    group_window: _Window | None
