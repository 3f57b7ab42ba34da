"""Filters shared by routers. Every one is async: aiogram runs a synchronous filter (a bare `F.…` magic filter, a
`State`) in a worker thread, one thread hop per filter checked per update, while these are attribute reads that
cost microseconds on the event loop. `tests/test_update_path.py` fails if a synchronous filter or handler creeps in."""

from __future__ import annotations

from typing import Any

from aiogram import F
from aiogram.filters import BaseFilter, Filter
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram.utils.magic_filter import MagicFilter

from bot.config import Settings


class Magic(Filter):
    """A magic filter (`F.…`) checked on the event loop, with aiogram's own semantics: falsy rejects, a dict
    (`.as_(name)`) is passed on to the handler."""

    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self.magic.resolve(event)

    def __str__(self) -> str:
        return f"Magic({self.magic!r})"


PRIVATE_CHAT = Magic(F.chat.type == "private")
GROUP_CHAT = Magic(F.chat.type.in_({"group", "supergroup"}))
NOT_PRIVATE_CHAT = Magic(F.chat.type != "private")
TEXT = Magic(F.text)
COMMAND = Magic(F.text.startswith("/"))
NOT_COMMAND = Magic(~F.text.startswith("/"))
FORWARDED = Magic(F.forward_origin)
HAS_MESSAGE = Magic(F.message)  # a button under a message (not an inline-mode result)
IN_PRIVATE_CHAT = Magic(F.message.chat.type == "private")  # a button under a message in a private chat


def command_name(message: Message) -> str | None:
    """"/watch@bot args" -> "watch", read as aiogram's `Command` reads it (the text or a caption, its first word,
    the prefix "/", the @mention cut off); None for anything that is no command."""
    text = message.text or message.caption
    if not text or text.lstrip()[:1] != "/":
        return None
    return text.split(maxsplit=1)[0][1:].partition("@")[0]


class Claims(Filter):
    """A router's own filter (`router.message.filter(Claims(...))`): passes only a message one of the router's
    handlers could take, one of its `commands` or one sent while the chat waits in one of its `states`, so any
    other message (a plain question above all) skips the whole router in one check instead of failing each
    handler's filters in turn. The handlers keep their own filters: this only says no sooner, never yes."""

    def __init__(self, *commands: str, states: tuple[State, ...] = ()) -> None:
        self.commands = frozenset(commands)
        self.states = frozenset(state.state for state in states)

    async def __call__(self, message: Message, raw_state: str | None = None) -> bool:
        return command_name(message) in self.commands or (raw_state is not None and raw_state in self.states)

    def __str__(self) -> str:
        return f"Claims({sorted(self.commands)}, states={sorted(self.states)})"


class CommandOrStep(Filter):
    """The filter of the router that holds every command router (`bot/handlers/commands.py`): passes a command
    (read as `command_name` reads it), a message sent while the chat waits in any step of a conversation, and a
    forwarded message (an admin's breach post), the only messages a router in there takes. A plain question or
    group chatter, which none of them takes, passes them all by with this one check, on its way to `ask`. Like
    `Claims`, it only says no sooner, never yes: each router inside keeps its own filter."""

    async def __call__(self, message: Message, raw_state: str | None = None) -> bool:
        return raw_state is not None or command_name(message) is not None or message.forward_origin is not None

    def __str__(self) -> str:
        return "CommandOrStep()"


class PlainPrivateText(Filter):
    """Text in a private chat whose first word does not start with "/": nothing aiogram's `Command` (or the
    `COMMAND` filter) would read as a command, so the `ask` router sends it to its question handler in one check
    instead of first trying the command handlers registered before it."""

    async def __call__(self, message: Message) -> bool:
        return bool(message.text) and message.chat.type == "private" and command_name(message) is None

    def __str__(self) -> str:
        return "PlainPrivateText()"


class IsAdmin(BaseFilter):
    """True for ADMIN_IDS. Admin routers use it as a router filter, so for anyone else their commands fall
    through to the unknown-command answer and reveal nothing."""

    async def __call__(self, event: Message | CallbackQuery, settings: Settings) -> bool:
        user = event.from_user
        return user is not None and settings.is_admin(user.id)
