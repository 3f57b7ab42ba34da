"""An event loop whose clock is virtual: when nothing is ready it jumps to the next timer instead of waiting
(and every idle turn moves it 1 µs). The
limiter (and aiolimiter under it) reads `loop.time()`, so pacing tests run in microseconds and see exact times."""

from __future__ import annotations

import asyncio
import selectors
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class _JumpingSelector(selectors.DefaultSelector):
    def __init__(self) -> None:
        super().__init__()
        self.loop: VirtualTimeLoop | None = None

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        events = super().select(0)
        if not events and timeout is not None and self.loop is not None:
            # The loop asked to sleep until its next timer: be there at once. At least 1 µs on: a timer that
            # rounding put "now" (aiolimiter's leak leaves such remainders) must see time pass, as on a real clock.
            self.loop.now += max(timeout, 1e-6)
        return events


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self) -> None:
        selector = _JumpingSelector()
        super().__init__(selector)
        selector.loop = self
        self.now = 1000.0

    def time(self) -> float:
        return self.now


def run_virtual(coro: Coroutine[Any, Any, T]) -> T:
    """Run `coro` to the end on a fresh virtual-time loop."""
    loop = VirtualTimeLoop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()
