"""Admin commands for the channel: /post (preview, then confirm), /schedule, /digest now."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.channel.poster import DIGEST, FACT, ChannelPoster
from bot.channel.split import split_html
from bot.filters import Claims, IsAdmin
from bot.formatting import format_date
from bot.i18n import t
from bot.storage.channel_posts import CHANNEL
from bot.storage.outbox import Outbox


class PostAction(CallbackData, prefix="cp"):
    action: str  # post, cancel
    id: int


def post_keyboard(draft_id: int, lang: str) -> InlineKeyboardMarkup:
    post, cancel = t("post_buttons", lang).split("|")
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text=post, callback_data=PostAction(action="post", id=draft_id).pack()),
        InlineKeyboardButton(text=cancel, callback_data=PostAction(action="cancel", id=draft_id).pack()),
    ]])


async def post(message: Message, command: CommandObject, lang: str, channel: ChannelPoster) -> None:
    if channel.chat_id is None:
        await message.answer(t("channel_off", lang))
        return
    if not command.args:
        await message.answer(t("post_usage", lang))
        return
    # The admin's own formatting (bold, links) survives: html_text is the message re-rendered as safe HTML.
    text = (message.html_text or "").split(maxsplit=1)[1] if message.html_text else command.args
    draft_id = await channel.journal.add_draft(text)
    await message.answer(t("post_preview", lang))
    parts = split_html(text)
    for number, part in enumerate(parts, start=1):
        await message.answer(part, reply_markup=post_keyboard(draft_id, lang) if number == len(parts) else None)


async def post_action(query: CallbackQuery, callback_data: PostAction, lang: str, channel: ChannelPoster) -> None:
    if callback_data.action == "post":
        done = await channel.confirm_manual(callback_data.id)
        reply = "post_queued" if done else "post_stale"
    else:
        reply = "post_cancelled" if await channel.journal.cancel_draft(callback_data.id) else "post_stale"
    await query.answer(t(reply, lang), show_alert=reply == "post_stale")
    if reply != "post_stale" and isinstance(query.message, Message):  # the buttons go once the draft is handled
        await query.message.edit_reply_markup(reply_markup=None)
        await query.message.answer(t(reply, lang))


async def schedule(message: Message, lang: str, channel: ChannelPoster, outbox: Outbox) -> None:
    runs = channel.next_runs()

    def when(name: str) -> str:
        moment = runs.get(name)
        return f"{format_date(moment.date(), lang)} {moment:%H:%M}" if moment else t("schedule_off", lang)

    lines = [t("schedule_title", lang, tz=channel.tz.key)]
    if channel.chat_id is None:
        lines.append(t("channel_off", lang))
    lines.append(t("schedule_digest", lang, when=when(DIGEST)))
    fact = await channel.next_fact() if FACT in runs else None
    if fact is not None:
        lines.append(t("schedule_fact", lang, when=when(FACT), title=fact.title.get(lang)))
    else:
        lines.append(t("schedule_fact", lang, when=when(FACT), title="—"))
    counts = await outbox.counts(kind=CHANNEL)
    lines.append(t("schedule_queue", lang, count=counts["pending"] + counts["sending"]))
    await message.answer("\n".join(lines))


async def digest(message: Message, command: CommandObject, lang: str, channel: ChannelPoster) -> None:
    if (command.args or "").strip().lower() not in ("now", "сейчас"):
        await message.answer(t("digest_usage", lang))
        return
    text = channel.render_digest(await channel.digest_so_far())
    await message.answer(t("digest_preview", lang))
    for part in split_html(text):
        await message.answer(part)


def router() -> Router:
    """Admins only (a router filter), like `admin`."""
    r = Router(name="channel")
    r.message.filter(Claims("post", "schedule", "digest"), IsAdmin())
    r.callback_query.filter(IsAdmin())
    r.message.register(post, Command("post"))
    r.callback_query.register(post_action, PostAction.filter())
    r.message.register(schedule, Command("schedule"))
    r.message.register(digest, Command("digest"))
    return r
