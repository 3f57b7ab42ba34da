"""An HIBP-format feed (`/api/v3/breaches`) served on a local port, for the feed-poll tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web


@asynccontextmanager
async def hibp_feed(served: dict[str, list[dict]]) -> AsyncIterator[str]:
    """Serve `served["items"]` (read at each request, so a test can add a breach between polls); yields the URL."""

    async def breaches(_request: web.Request) -> web.Response:
        return web.json_response(served["items"])

    app = web.Application()
    app.router.add_get("/api/v3/breaches", breaches)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}/api/v3/breaches"
    finally:
        await runner.cleanup()
