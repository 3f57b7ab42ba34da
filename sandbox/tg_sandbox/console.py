"""`make console`: the real bot (real Dispatcher, real aiohttp session) against the local Bot API stand-in, with
a chat in the terminal. No token, no network.

Type a message and press Enter. Buttons under the bot's last message are shown as [1] [2] …; press one
with `:1`. Other commands:

    :channel <text>   post into the simulated trusted source channel (a breach report, for example);
                      alerts then reach watchers, and the bot's own channel (chat -1002000000002) gets a post
    :user <id> [ru|en] switch to another simulated user (alerts to other users are shown too)
    :inline <query>   an inline query, as if typed after @botname in any chat
    :help             this list
    :quit             leave (also Ctrl-D)
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from pathlib import Path

from bot.app import create_bot, create_dispatcher, create_services
from bot.config import Settings
from tg_sandbox.server import FakeTelegram

SOURCE_CHANNEL = -1001000000001
OUTPUT_CHANNEL = -1002000000002  # the bot's own channel (CHANNEL_ID): new breaches are auto-posted there
CONSOLE_ADMIN = 1001


class Console:
    def __init__(self, telegram: FakeTelegram, *, out=sys.stdout):
        self.telegram = telegram
        self.out = out
        self.user_id = CONSOLE_ADMIN
        self.language = "ru"
        self.shown: dict[tuple[int, int], str] = {}  # (chat, message id) -> text already printed
        self.last_keyboard: tuple[dict, list[str]] | None = None

    def print(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def show_new_messages(self) -> None:
        """Print what the bot sent (or edited) since last time, for every chat."""
        for chat_id in sorted(self.telegram.chats_with_messages()):
            for message in self.telegram.messages(chat_id):
                key = (chat_id, message["message_id"])
                text = message.get("text") or message.get("caption") or "[media]"
                buttons = _buttons(message)
                signature = text + "|" + "|".join(buttons)
                if self.shown.get(key) == signature:
                    continue
                edited = key in self.shown
                self.shown[key] = signature
                who = "bot" if chat_id == self.user_id else f"bot → chat {chat_id}"
                self.print(f"\n{who}{' (edited)' if edited else ''}:\n{text}")
                if buttons:
                    self.print("  " + "  ".join(f"[{n}] {label}" for n, label in enumerate(buttons, start=1)))
                    if chat_id == self.user_id:
                        self.last_keyboard = (message, _callback_data(message))
        for query_id, answer in list(self.telegram.callback_answers.items()):
            if answer.get("text") and ("cb", query_id) not in self.shown:
                self.shown[("cb", query_id)] = answer["text"]  # type: ignore[index]
                self.print(f"  (bot: {answer['text']})")

    async def handle(self, line: str) -> bool:
        """One line typed by the person; False to quit."""
        line = line.rstrip("\n")
        if line.strip() in (":quit", ":q", ":exit"):
            return False
        if line.strip() == ":help":
            self.print(__doc__ or "")
        elif line.startswith(":channel"):
            self.telegram.send_channel_post(line[len(":channel"):].strip(), chat_id=SOURCE_CHANNEL,
                                            title="Утечки информации (sandbox)")
        elif line.startswith(":user"):
            parts = line.split()
            if len(parts) >= 2 and parts[1].lstrip("-").isdigit():
                self.user_id = int(parts[1])
                self.language = parts[2] if len(parts) > 2 else self.language
                self.print(f"(now user {self.user_id}, language {self.language})")
            else:
                self.print("(usage: :user 1002 en)")
        elif line.startswith(":inline"):
            query_id = self.telegram.send_inline_query(line[len(":inline"):].strip(), user_id=self.user_id,
                                                       language_code=self.language)
            await self.telegram.wait_until(lambda: query_id in self.telegram.inline_answers, timeout=5)
            for n, result in enumerate(self.telegram.inline_answers[query_id].get("results", []), start=1):
                self.print(f"  inline [{n}] {result.get('title')}")
        elif line.startswith(":") and line[1:].strip().isdigit():
            number = int(line[1:].strip())
            if not self.last_keyboard or not 1 <= number <= len(self.last_keyboard[1]):
                self.print("(no such button)")
            else:
                message, data = self.last_keyboard
                self.telegram.press_button(message, data[number - 1], user_id=self.user_id)
        else:
            self.telegram.send_user_message(line, user_id=self.user_id, language_code=self.language)
        await self.settle()
        return True

    async def settle(self, quiet: float = 0.3, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until the bot has consumed the update and stopped sending for a moment, then print."""
        with contextlib.suppress(TimeoutError):
            await self.telegram.wait_for_updates_consumed(timeout=timeout)
        count = -1
        for _ in range(int(timeout / quiet)):
            await asyncio.sleep(quiet)
            now = len(self.telegram.requests)
            if now == count:
                break
            count = now
        self.show_new_messages()


def _buttons(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [button.get("text", "") for row in markup.get("inline_keyboard", []) for button in row]


def _callback_data(message: dict) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [button.get("callback_data", "") for row in markup.get("inline_keyboard", []) for button in row]


async def run_console(settings: Settings, *, lines=None, out=sys.stdout) -> int:
    telegram = FakeTelegram()
    base_url = await telegram.start()
    telegram.add_chat({"id": SOURCE_CHANNEL, "type": "channel", "title": "Утечки информации (sandbox)"})
    telegram.add_chat({"id": OUTPUT_CHANNEL, "type": "channel", "title": "Privacy bot channel (sandbox)"})
    console_db = Path("data/console.sqlite3")
    settings = settings.model_copy(update={
        "telegram_api_url": base_url,
        "database_url": f"sqlite:///{console_db}",
        "admin_ids": sorted({*settings.admin_ids, CONSOLE_ADMIN}),
        "source_channel_ids": sorted({*settings.source_channel_ids, SOURCE_CHANNEL}),
        "breach_feed_urls": [],
        "channel_id": str(OUTPUT_CHANNEL),
    })
    services = await create_services(settings)
    bot = create_bot(settings, token=telegram.token)
    dp = create_dispatcher(services)
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, polling_timeout=1))
    console = Console(telegram, out=out)
    console.print("Offline sandbox: the real bot against a local Bot API. Type a question, :help for commands.")
    console.print(f"You are user {console.user_id} (an admin here). Database: {console_db}")
    try:
        await console.settle()
        while True:
            if lines is not None:
                line = next(lines, None)
            else:
                line = await asyncio.to_thread(_read_line)
            if line is None or not await console.handle(line):
                break
    finally:
        await dp.stop_polling()
        with contextlib.suppress(Exception):
            await polling
        await bot.session.close()
        await services.db.close()
        await telegram.stop()
    return 0


def _read_line() -> str | None:
    try:
        return input("\nyou> ")
    except EOFError:
        return None
