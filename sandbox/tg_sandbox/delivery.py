"""Update delivery of ``FakeTelegram``: ``getUpdates`` long polling and webhooks.

getUpdates, setWebhook, deleteWebhook, getWebhookInfo, ``allowed_updates`` filtering, and the
background worker that POSTs updates to the webhook (and runs methods sent back in its reply).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import re
import time
from collections import deque
from typing import Any

import aiohttp

from tg_sandbox.errors import TelegramAPIError, _bad, _Described
from tg_sandbox.limits import MAX_POLL_TIMEOUT
from tg_sandbox.models import UploadedFile, _Poller
from tg_sandbox.protocol import DEFAULT_ALLOWED_UPDATES

log = logging.getLogger("tg_sandbox.server")  # same logger name as before the split


class DeliveryMixin:
    """getUpdates and webhook methods of :class:`~tg_sandbox.server.FakeTelegram`."""

    async def _m_get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        self._check_no_webhook()
        offset = params.get("offset")
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = min(max(float(params.get("timeout") or 0), 0.0), MAX_POLL_TIMEOUT)
        if "allowed_updates" in params:
            self._set_allowed_updates(params["allowed_updates"])
        if offset:
            self._confirm(int(offset))

        poller = _Poller()
        previous, self._poller = self._poller, poller
        if previous is not None:
            previous.superseded = True
            self._wake_pollers()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while True:
                self._check_no_webhook()
                if poller.superseded:
                    raise TelegramAPIError(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only one "
                        "bot instance is running",
                    )
                batch = self._collect(limit)
                remaining = deadline - loop.time()
                if batch or self._closing or remaining <= 0:
                    return batch
                event = self._update_event
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(event.wait(), remaining)
        finally:
            if self._poller is poller:
                self._poller = None

    def _check_no_webhook(self) -> None:
        if self._webhook is not None:
            raise TelegramAPIError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
                "delete the webhook first",
            )

    def _set_allowed_updates(self, allowed: Any) -> None:
        if allowed is None:
            return
        if not isinstance(allowed, list):
            raise _bad("can't parse allowed_updates JSON object")
        self._allowed_updates = frozenset(allowed) if allowed else None

    def _confirm(self, offset: int) -> None:
        updates = self._updates
        if offset < 0:
            while len(updates) > -offset:
                updates.popleft()
        else:
            while updates and updates[0]["update_id"] < offset:
                updates.popleft()
        self._notify_change()

    def _update_allowed(self, update: dict[str, Any]) -> bool:
        allowed = self._allowed_updates or DEFAULT_ALLOWED_UPDATES
        return any(key in allowed for key in update if key != "update_id")

    def _collect(self, limit: int) -> list[dict[str, Any]]:
        if not all(self._update_allowed(u) for u in self._updates):
            kept: deque[dict[str, Any]] = deque()
            for update in self._updates:
                if self._update_allowed(update):
                    kept.append(update)
                else:
                    self.dropped_updates.append(update)
            self._updates = kept
        return list(itertools.islice(self._updates, limit))

    def _m_set_webhook(self, params: dict[str, Any]) -> _Described:
        url = params.get("url") or ""
        if not url:
            return self._m_delete_webhook(params)
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise _bad("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise _bad("secret token contains unallowed characters")
        if params.get("drop_pending_updates"):
            self._updates.clear()
        if "allowed_updates" in params:
            self._set_allowed_updates(params["allowed_updates"])
        self._webhook = {
            "url": url,
            "secret_token": secret,
            "max_connections": int(params.get("max_connections") or 40),
        }
        self._webhook_error = None
        if self._poller is not None:
            self._poller.superseded = True
            self._wake_pollers()
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.get_running_loop().create_task(self._webhook_worker())
        self._wake_pollers()
        return _Described(True, "Webhook was set")

    def _m_delete_webhook(self, params: dict[str, Any]) -> _Described:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        was_set = self._webhook is not None
        self._webhook = None
        self._webhook_error = None
        task, self._webhook_task = self._webhook_task, None
        if task is not None:
            task.cancel()
        return _Described(True, "Webhook was deleted" if was_set else "Webhook is already deleted")

    @property
    def webhook(self) -> dict[str, Any] | None:
        """The webhook as the bot set it (``url``, ``secret_token``, ``max_connections``), None when unset."""
        return dict(self._webhook) if self._webhook is not None else None

    def _m_get_webhook_info(self, _params: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self._webhook["url"] if self._webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self._webhook:
            info["max_connections"] = self._webhook["max_connections"]
            if self._allowed_updates:
                info["allowed_updates"] = sorted(self._allowed_updates)
            if self._webhook_error:
                info["last_error_date"], info["last_error_message"] = self._webhook_error
        return info

    async def _webhook_worker(self) -> None:
        """Deliver queued updates to the webhook one by one, in order, retrying failures."""
        backoff = 0.05
        while self._webhook is not None and not self._closing:
            if not self._updates:
                await self._update_event.wait()
                continue
            self._collect(1)
            if not self._updates:
                continue
            update = self._updates[0]
            webhook = self._webhook
            headers = {}
            if webhook.get("secret_token"):
                headers["X-Telegram-Bot-Api-Secret-Token"] = webhook["secret_token"]
            if self._http is None or self._http.closed:
                self._http = aiohttp.ClientSession()
            try:
                async with self._http.post(
                    webhook["url"],
                    json=update,
                    headers=headers,
                    timeout=aiohttp.ClientTimeout(total=self.webhook_timeout),
                ) as response:
                    if 200 <= response.status < 300:
                        if self._updates and self._updates[0] is update:
                            self._updates.popleft()
                        self.webhook_deliveries.append(update)
                        self._notify_change()
                        backoff = 0.05
                        await self._process_webhook_reply(response)
                        continue
                    error = f"Wrong response from the webhook: {response.status} {response.reason}"
            except (aiohttp.ClientError, TimeoutError) as exc:
                error = f"Connection failed: {type(exc).__name__}: {exc}"
            self._webhook_error = (int(time.time()), error)
            log.debug("sandbox webhook delivery failed: %s", error)
            self._notify_change()
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 1.0)

    async def _process_webhook_reply(self, response: aiohttp.ClientResponse) -> None:
        """Execute a method the webhook returned in its response body (JSON or multipart)."""
        raw: dict[str, Any] = {}
        files: dict[str, UploadedFile] = {}
        try:
            if response.content_type == "application/json":
                body = await response.json()
                if isinstance(body, dict):
                    raw = body
            elif response.content_type.startswith("multipart/"):
                reader = aiohttp.MultipartReader(response.headers, response.content)
                while True:
                    part = await reader.next()
                    if part is None:
                        break
                    if not isinstance(part, aiohttp.BodyPartReader) or part.name is None:
                        continue
                    if part.filename:
                        files[part.name] = UploadedFile(
                            part.filename, part.headers.get("Content-Type"), bytes(await part.read())
                        )
                    else:
                        raw[part.name] = await part.text()
        except (aiohttp.ClientError, ValueError) as exc:
            log.debug("sandbox: unreadable webhook reply: %s", exc)
            return
        method = raw.pop("method", None)
        if isinstance(method, str) and method:
            await self.call(method, raw, files)
