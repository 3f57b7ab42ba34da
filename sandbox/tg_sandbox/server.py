"""Local stand-in for the Telegram Bot API (the "sandbox"): the ``FakeTelegram`` server.

``FakeTelegram`` is a small aiohttp server that speaks enough of the Bot API for the *real*
aiogram stack (``Bot`` + ``AiohttpSession`` + ``Dispatcher`` with long polling or webhooks) to run
against it without network access and without a real token.  The terminal console, the test suite
and the benchmarks all use it, so it tries hard to be

* **faithful** - requests are decoded exactly the way aiogram encodes them (multipart/urlencoded
  forms whose complex values are JSON strings, ``"true"``/``"false"`` booleans, files as multipart
  parts referenced by ``attach://<name>``), JSON bodies and query strings work too, and every answer
  is a valid Telegram object that aiogram's pydantic models accept;
* **strict** - the same 400/403/409/429 answers Telegram gives, with Telegram's description texts
  (HTML entity parsing, 4096/1024 length limits, ``BUTTON_DATA_INVALID``, "message is
  not modified", "chat not found", flood control with ``retry_after`` ...), so bugs surface here
  rather than in production;
* **observable** - everything the bot does is recorded (:attr:`FakeTelegram.requests`) and the
  resulting chat state can be read back (:meth:`FakeTelegram.messages`) or awaited
  (:meth:`FakeTelegram.wait_for_messages`, :meth:`FakeTelegram.wait_until`);
* **fast** - no sleeps: long polling and the ``wait_*`` helpers are woken by events.

Typical use (tests, benchmarks)::

    tg = FakeTelegram()
    await tg.start()                      # -> "http://127.0.0.1:<port>"
    bot = tg.make_bot()                   # real aiogram Bot pointed at the sandbox
    # ... or by hand:
    # bot = Bot(tg.token, session=AiohttpSession(api=TelegramAPIServer.from_base(tg.base_url)))
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False))

    tg.send_user_message("/start", user_id=1001)          # queued for getUpdates
    [reply] = await tg.wait_for_messages(1001)            # what the bot answered
    assert "Hello" in reply["text"]                      # plain text; reply["html"] is what was sent
    tg.press_button(reply, "menu:help")                   # callback_query update
    await tg.wait_until(lambda: tg.callback_answers)

    await dp.stop_polling(); await polling
    await tg.stop()

``FakeTelegram`` can also be used as ``async with FakeTelegram() as tg: ...``, or mounted on an
``aiohttp.test_utils.TestServer(tg.app)`` (then set ``tg.base_url`` yourself).

Served methods (``/bot<token>/<method>``, names are case-insensitive like Telegram's):
getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo, sendMessage, sendPhoto,
editMessageText, editMessageReplyMarkup, deleteMessage, answerCallbackQuery, answerInlineQuery,
setMyCommands, getChat, getChatMember: what the bot calls, no more. A wrong token gets 401
``Unauthorized``; any other method 404 ``Not Found`` (a bot calling a new method fails here loudly,
and the method is added with Telegram's checks for it). Only ``parse_mode=HTML`` is parsed.

Simulation knobs: :meth:`~FakeTelegram.enforce_limits` (flood control, off by default),
:meth:`~FakeTelegram.block` (user blocked the bot -> 403), :meth:`~FakeTelegram.fail_next`
(inject any error), :meth:`~FakeTelegram.delay` (a slow method),
:meth:`~FakeTelegram.add_chat` / :meth:`~FakeTelegram.set_chat_member` (groups and channels),
and the update factories ``send_user_message``, ``send_edited_message``,
``send_channel_post``, ``press_button``, ``send_inline_query``, ``send_my_chat_member`` and
``add_update``.

Known simplifications: one bot per server; all state lives in memory and is not thread-safe (call
everything from the event loop that runs the server); webhook URLs may be plain ``http://``;
photos given by URL are accepted without being downloaded; entity auto-detection in
user messages covers bot commands, @mentions and http(s) URLs only.  The HTML parser follows
Telegram's (tdlib's) rules, except that a bare ``&`` which starts no valid entity is rejected
(Telegram keeps it literally) - set ``strict_ampersand = False`` to get Telegram's behaviour.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import itertools
import json
import logging
import time
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

import aiohttp
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiohttp import web

from bot.aiogram_compat import close_without_grace
from tg_sandbox.delivery import DeliveryMixin
from tg_sandbox.entities import detect_entities as detect_entities
from tg_sandbox.errors import CHAT_NOT_FOUND as CHAT_NOT_FOUND
from tg_sandbox.errors import NOT_MODIFIED as NOT_MODIFIED
from tg_sandbox.errors import QUERY_TOO_OLD as QUERY_TOO_OLD
from tg_sandbox.errors import WRONG_FILE as WRONG_FILE
from tg_sandbox.errors import TelegramAPIError, _bad, _Described, _Failure
from tg_sandbox.html_entities import parse_html
from tg_sandbox.limits import MAX_BUTTONS as MAX_BUTTONS
from tg_sandbox.limits import MAX_CALLBACK_ANSWER as MAX_CALLBACK_ANSWER
from tg_sandbox.limits import MAX_CALLBACK_DATA as MAX_CALLBACK_DATA
from tg_sandbox.limits import MAX_CAPTION_LENGTH as MAX_CAPTION_LENGTH
from tg_sandbox.limits import MAX_COMMANDS as MAX_COMMANDS
from tg_sandbox.limits import MAX_INLINE_RESULT_ID as MAX_INLINE_RESULT_ID
from tg_sandbox.limits import MAX_INLINE_RESULTS as MAX_INLINE_RESULTS
from tg_sandbox.limits import MAX_PHOTO_BYTES as MAX_PHOTO_BYTES
from tg_sandbox.limits import MAX_POLL_TIMEOUT as MAX_POLL_TIMEOUT
from tg_sandbox.limits import MAX_TEXT_LENGTH as MAX_TEXT_LENGTH
from tg_sandbox.limits import _Limits
from tg_sandbox.methods import MethodsMixin
from tg_sandbox.models import Recorded, UploadedFile, _MessageMeta, _Poller, _StoredFile
from tg_sandbox.protocol import (
    _BOOL_FIELDS,
    _CHAT_ID_FIELDS,
    _FILE_FIELDS,
    _INT_FIELDS,
    _INT_RE,
    _JSON_FIELDS,
    _to_bool,
)
from tg_sandbox.protocol import DEFAULT_ALLOWED_UPDATES as DEFAULT_ALLOWED_UPDATES
from tg_sandbox.simulation import SimulationMixin
from tg_sandbox.state import StateMixin
from tg_sandbox.validation import ValidationMixin

# ``X as X`` imports above re-export public names that were defined here before the package was
# split into modules, so ``from tg_sandbox.server import <name>`` keeps working.
__all__ = [
    "FakeTelegram",
    "Recorded",
    "SandboxSession",
    "TelegramAPIError",
    "UploadedFile",
    "parse_html",
]

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------------------------------
# aiogram glue


class SandboxSession(AiohttpSession):
    """``AiohttpSession`` whose ``close()`` skips the 250 ms SSL grace sleep (the sandbox is plain HTTP)."""

    async def close(self) -> None:
        await close_without_grace(self)


def _json_response(status: int, payload: Any) -> web.Response:
    return web.Response(status=status, text=json.dumps(payload, ensure_ascii=False), content_type="application/json")


# --------------------------------------------------------------------------------------------------
# the server


class FakeTelegram(SimulationMixin, StateMixin, ValidationMixin, DeliveryMixin, MethodsMixin):
    """In-memory Telegram Bot API for one bot.  See the module docstring for an overview."""

    #: reject a bare ``&`` that starts no HTML entity (Telegram itself keeps it literally)
    strict_ampersand: bool = True
    #: seconds a webhook POST may take before it counts as failed
    webhook_timeout: float = 10.0

    def __init__(
        self,
        *,
        token: str = "42:SANDBOX-TOKEN",
        bot_id: int = 42,
        bot_username: str = "privacy_sandbox_bot",
        bot_name: str = "Privacy Sandbox",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.bot_id = bot_id
        self.bot_username = bot_username
        self.bot_name = bot_name
        self.base_url = ""
        self._clock = clock

        #: every API call, oldest first
        self.requests: list[Recorded] = []
        #: callback_query_id -> params of answerCallbackQuery (text, show_alert, url, cache_time)
        self.callback_answers: dict[str, dict[str, Any]] = {}
        #: inline_query_id -> params of answerInlineQuery (results, cache_time, is_personal, ...)
        self.inline_answers: dict[str, dict[str, Any]] = {}
        #: updates delivered to the webhook (oldest first)
        self.webhook_deliveries: list[dict[str, Any]] = []
        #: updates dropped because their type was not in ``allowed_updates``
        self.dropped_updates: list[dict[str, Any]] = []
        self.count_429 = 0
        self.count_403 = 0

        self._bot_user = {
            "id": bot_id,
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
        }
        self._users: dict[int, dict[str, Any]] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self._members: dict[tuple[int, int], dict[str, Any]] = {}
        self._blocked: set[int] = set()
        self._messages: dict[int, dict[int, dict[str, Any]]] = {}
        self._bot_message_ids: dict[int, list[int]] = {}
        self._meta: dict[tuple[int, int], _MessageMeta] = {}
        self._next_message_id: dict[int, int] = {}
        self._stored_files: dict[str, _StoredFile] = {}
        self._file_seq = itertools.count(1)
        self._commands: dict[tuple[str, int | None, int | None, str], list[dict[str, Any]]] = {}

        self._updates: deque[dict[str, Any]] = deque()
        self._last_update_id = 0
        self._allowed_updates: frozenset[str] | None = None
        self._open_callbacks: set[str] = set()
        self._open_inline: set[str] = set()
        self._query_seq = itertools.count(5_000_000_000_000_000_001)

        self._limits: _Limits | None = None
        self._global_hits: deque[float] = deque()
        self._chat_hits: dict[int, deque[float]] = {}
        self._failures: dict[str, deque[_Failure]] = {}
        self._delays: dict[str, float] = {}

        self._webhook: dict[str, Any] | None = None
        self._webhook_error: tuple[int, str] | None = None
        self._webhook_task: asyncio.Task[None] | None = None
        self._http: aiohttp.ClientSession | None = None

        self._poller: _Poller | None = None
        self._closing = False
        self._update_event = asyncio.Event()
        self._change_event = asyncio.Event()
        self._runner: web.AppRunner | None = None

        self._methods: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {
            name.lower(): (name, handler)
            for name, handler in {
                "getMe": self._m_get_me,
                "getUpdates": self._m_get_updates,
                "setWebhook": self._m_set_webhook,
                "deleteWebhook": self._m_delete_webhook,
                "getWebhookInfo": self._m_get_webhook_info,
                "sendMessage": self._m_send_message,
                "sendPhoto": self._m_send_photo,
                "editMessageText": self._m_edit_message_text,
                "editMessageReplyMarkup": self._m_edit_message_reply_markup,
                "deleteMessage": self._m_delete_message,
                "answerCallbackQuery": self._m_answer_callback_query,
                "answerInlineQuery": self._m_answer_inline_query,
                "setMyCommands": self._m_set_my_commands,
                "getChat": self._m_get_chat,
                "getChatMember": self._m_get_chat_member,
            }.items()
        }

        self.app = web.Application(client_max_size=MAX_PHOTO_BYTES + 10 * 1024 * 1024)
        self.app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        self.app.router.add_route("*", "/{tail:.*}", self._handle_unknown)
        self.app.on_shutdown.append(self._on_shutdown)

    # ------------------------------------------------------------------ life cycle

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on ``host:port`` (0 = a free port) and return the base URL."""
        if self._runner is not None:
            return self.base_url
        self._closing = False
        self._update_event = asyncio.Event()
        self._change_event = asyncio.Event()
        runner = web.AppRunner(self.app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        await site.start()
        self._runner = runner
        bound_port = runner.addresses[0][1]
        shown_host = f"[{host}]" if ":" in host else host
        self.base_url = f"http://{shown_host}:{bound_port}"
        log.debug("sandbox Bot API listening on %s", self.base_url)
        return self.base_url

    async def stop(self) -> None:
        """Stop serving; pending long polls return at once.  Safe to call twice."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        else:
            await self._on_shutdown(self.app)

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def _on_shutdown(self, _app: web.Application) -> None:
        self._closing = True
        self._wake_pollers()
        task, self._webhook_task = self._webhook_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        http, self._http = self._http, None
        if http is not None:
            await http.close()

    def make_bot(self, **kwargs: Any) -> Bot:
        """A real aiogram ``Bot`` talking to this sandbox (``kwargs`` go to ``Bot``, e.g. ``default=``)."""
        if not self.base_url:
            raise RuntimeError("start() the sandbox (or set base_url) before make_bot()")
        session = SandboxSession(api=TelegramAPIServer.from_base(self.base_url))
        return Bot(self.token, session=session, **kwargs)

    @property
    def is_polling(self) -> bool:
        """Whether a getUpdates long poll is waiting right now."""
        return self._poller is not None

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by getUpdates (or not yet delivered to the webhook)."""
        return list(self._updates)

    # ------------------------------------------------------------------ HTTP layer

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _json_response(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        try:
            raw, files = await self._read_request(request)
        except web.HTTPRequestEntityTooLarge:
            return _json_response(413, {"ok": False, "error_code": 413, "description": "Request Entity Too Large"})
        except ValueError:
            return _json_response(
                400, {"ok": False, "error_code": 400, "description": "Bad Request: can't parse request"}
            )
        status, payload = await self.call(request.match_info["method"], raw, files)
        return _json_response(status, payload)

    async def _handle_unknown(self, _request: web.Request) -> web.Response:
        return _json_response(404, {"ok": False, "error_code": 404, "description": "Not Found"})

    @staticmethod
    async def _read_request(request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
        raw: dict[str, Any] = dict(request.query)
        files: dict[str, UploadedFile] = {}
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
                if not isinstance(body, dict):
                    raise ValueError("JSON body must be an object")
                raw.update(body)
            else:
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, web.FileField):
                        files[key] = UploadedFile(value.filename, value.content_type, value.file.read())
                    else:
                        raw[key] = value
        return raw, files

    async def call(
        self, method: str, raw: Mapping[str, Any], files: Mapping[str, UploadedFile] | None = None
    ) -> tuple[int, dict[str, Any]]:
        """Execute one API call without HTTP (used by the HTTP handler and for webhook replies).

        ``raw`` values may be strings as aiogram sends them or already-decoded JSON values.
        Returns ``(http_status, response_body)`` and records the call.
        """
        entry = self._methods.get(method.lower())
        name = entry[0] if entry else method
        # recorded on arrival (so a pending long poll is visible), completed below
        record = Recorded(name, dict(raw), self._clock())
        self.requests.append(record)
        result: Any = None
        try:
            if entry is None:
                raise TelegramAPIError(404, "Not Found")
            record.params = self._decode(raw, files or {}, name)
            delay = self._delays.get(name.lower())
            if delay:
                await asyncio.sleep(delay)
            failure = self._pop_failure(name)
            if failure is not None:
                raise failure
            outcome = entry[1](record.params)
            if inspect.isawaitable(outcome):
                self._notify_change()
                outcome = await outcome
            body: dict[str, Any] = {"ok": True}
            if isinstance(outcome, _Described):
                result = outcome.result
                body["result"] = result
                body["description"] = outcome.description
            else:
                result = outcome
                body["result"] = result
            status = 200
        except TelegramAPIError as exc:
            status, body = exc.code, exc.payload()
            if exc.code == 429:
                self.count_429 += 1
            elif exc.code == 403:
                self.count_403 += 1
            record.description = exc.description
            log.debug("sandbox %s -> %s %s", name, status, exc.description)
        record.status = status
        record.result = result
        self._notify_change()
        return status, body

    def _pop_failure(self, name: str) -> TelegramAPIError | None:
        queue = self._failures.get(name.lower())
        if not queue:
            return None
        failure = queue[0]
        failure.times -= 1
        if failure.times <= 0:
            queue.popleft()
        return TelegramAPIError(failure.code, failure.description, retry_after=failure.retry_after)

    @staticmethod
    def _decode(raw: Mapping[str, Any], files: Mapping[str, UploadedFile], method: str) -> dict[str, Any]:
        params: dict[str, Any] = {}
        for key, value in raw.items():
            if isinstance(value, str):
                if value.startswith("attach://"):
                    upload = files.get(value[len("attach://") :])
                    if upload is None:
                        raise _bad(f"file attach://{value[len('attach://') :]} not found in the request")
                    value = upload
                elif key in _JSON_FIELDS:
                    try:
                        value = json.loads(value)
                    except ValueError:
                        what = "reply keyboard markup" if key == "reply_markup" else key
                        raise _bad(f"can't parse {what} JSON object") from None
                elif key in _INT_FIELDS:
                    if not _INT_RE.fullmatch(value.strip()):
                        raise _bad(f"invalid {key} specified")
                    value = int(value)
                elif key in _BOOL_FIELDS:
                    value = _to_bool(value)
                elif key in _CHAT_ID_FIELDS and _INT_RE.fullmatch(value.strip()):
                    value = int(value)
            elif isinstance(value, bool) and key in _INT_FIELDS:
                value = int(value)
            params[key] = value
        # file parts posted directly under the parameter name (not via attach://)
        for key in _FILE_FIELDS.get(method.lower(), ()):
            if key not in params and key in files:
                params[key] = files[key]
        return params
