"""Several real `python -m bot` replicas in webhook mode on one PostgreSQL and one Redis, behind a round-robin
balancer, with the sandbox as Telegram: the topology of compose.yaml as processes. Used by the failover tests and
by `make bench` (bench/replicas.py)."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from aiohttp import web

from tests.botprocess import BotProcess, free_port
from tg_sandbox.server import FakeTelegram

WEBHOOK_PATH = "/telegram/webhook"


@dataclass
class Forwarded:
    """One POST the balancer passed to a replica: which update, where, and when the replica's answer came back."""

    update_id: int
    port: int
    status: int | None = None  # None: the replica's connection broke before an answer (502 to the sender)
    answered_at: float | None = None  # time.monotonic(), the sandbox's clock too


@dataclass
class RoundRobin:
    """The load balancer: each POST to the next replica (per request, as deploy/nginx.conf does). A replica that
    refuses the connection is skipped and the request tried on the next; one whose connection breaks after the
    request was sent gets no second try here (nginx does not replay a POST either): 502, and the sandbox, like
    Telegram, delivers the update again. `replay_next` also sends the next update to a second replica afterwards
    (Telegram's repeat of an update)."""

    ports: list[int]
    turn: int = 0
    forwarded: list[Forwarded] = field(default_factory=list)
    replay_next: bool = False
    runner: web.AppRunner | None = None
    _http: aiohttp.ClientSession | None = None

    @property
    def handled_by(self) -> list[int]:
        return [f.port for f in self.forwarded if f.status == 200]

    async def start(self, port: int) -> None:
        app = web.Application()
        app.router.add_post(WEBHOOK_PATH, self._forward)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", port).start()
        self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120))

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()
        if self._http is not None:
            await self._http.close()

    async def _post(self, port: int, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        assert self._http is not None
        async with self._http.post(f"http://127.0.0.1:{port}{WEBHOOK_PATH}", data=body,
                                   headers={**headers, "Content-Type": "application/json"}) as response:
            return response.status, await response.read()

    async def _forward(self, request: web.Request) -> web.Response:
        body, headers = await request.read(), {k: v for k, v in request.headers.items() if k.lower().startswith("x-")}
        update_id = int((await request.json()).get("update_id", 0))
        replay, self.replay_next = self.replay_next, False
        for _ in range(len(self.ports)):
            port = self.ports[self.turn % len(self.ports)]
            self.turn += 1
            record = Forwarded(update_id, port)
            self.forwarded.append(record)  # on its way: a test may look at which replica has it
            try:
                status, text = await self._post(port, body, headers)
            except aiohttp.ClientConnectorError:  # refused: never reached the replica
                self.forwarded.remove(record)
                continue
            except aiohttp.ClientError:
                return web.Response(status=502)
            record.status, record.answered_at = status, time.monotonic()
            if replay:  # the same update, again, to the next replica
                with contextlib.suppress(aiohttp.ClientError):
                    await self._post(self.ports[self.turn % len(self.ports)], body, headers)
            return web.Response(status=status, body=text, content_type="application/json")
        return web.Response(status=502)


def replica_processes(telegram: FakeTelegram, tmp_path: Path, count: int, *, database_url: str, redis_url: str,
                      redis_prefix: str, public_port: int | None = None, **env: str) -> list[BotProcess]:
    """`count` webhook-mode bots on one database and one Redis, each on a port of its own. `public_port`: the
    balancer's (the URL given to Telegram, as in compose.yaml); None: each replica's own (no balancer)."""
    replicas = []
    for n in range(count):
        home = tmp_path / f"replica-{n}"
        home.mkdir(parents=True, exist_ok=True)
        port = free_port()
        replicas.append(BotProcess(
            telegram, home, DATABASE_URL=database_url, REDIS_URL=redis_url, REDIS_PREFIX=redis_prefix,
            WEBHOOK_URL=f"http://127.0.0.1:{public_port or port}", WEBHOOK_PORT=str(port), WEBHOOK_HOST="127.0.0.1",
            WEBHOOK_SECRET="replica-secret", LOG_LEVEL="INFO", **env))
    return replicas


def webhook_port(replica: BotProcess) -> int:
    return int(replica.env["WEBHOOK_PORT"])


def listening(replica: BotProcess) -> bool:
    return "webhook mode: listening" in replica.stderr


def elected(replica: BotProcess) -> int:
    """How many times this replica was elected leader (it runs the sender and the scheduler meanwhile)."""
    return replica.stderr.count("elected; this replica runs the sender")
