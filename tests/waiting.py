"""One way for a test to wait on a condition the code under test makes true (a replica's state, a renewal, a
request begun): poll it every few milliseconds until a deadline, never sleep a fixed time and hope."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


async def until(condition: Callable[[], object], timeout: float = 10.0, every: float = 0.01) -> None:  # noqa: ASYNC109
    """Return once `condition()` is true; raise TimeoutError after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError(f"condition not reached within {timeout} s")
        await asyncio.sleep(every)
