"""Bot API vocabulary and request decoding tables of the sandbox.

Update types, chat actions, inline button / inline result / command scope types, and which request
fields are decoded as JSON, ints, bools or chat ids (aiogram sends every value as a string).
"""

from __future__ import annotations

import re
from typing import Any

#: update types Telegram sends when ``allowed_updates`` was never set (or set to ``[]``)
DEFAULT_ALLOWED_UPDATES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)

_INLINE_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)

_INLINE_RESULT_TYPES = frozenset(
    {
        "article",
        "photo",
        "gif",
        "mpeg4_gif",
        "video",
        "audio",
        "voice",
        "document",
        "location",
        "venue",
        "contact",
        "game",
        "sticker",
    }
)

_COMMAND_SCOPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)

# How request fields are decoded (aiogram sends every value as a string).
_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "results",
        "commands",
        "scope",
        "allowed_updates",
        "entities",
        "caption_entities",
        "link_preview_options",
        "reply_parameters",
        "button",
        "menu_button",
        "media",
        "rights",
        "reaction",
        "input_message_content",
    }
)
_INT_FIELDS = frozenset(
    {
        "offset",
        "limit",
        "timeout",
        "message_id",
        "user_id",
        "cache_time",
        "message_thread_id",
        "reply_to_message_id",
        "max_connections",
        "until_date",
        "width",
        "height",
        "duration",
    }
)
_BOOL_FIELDS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "show_alert",
        "is_personal",
        "drop_pending_updates",
        "allow_sending_without_reply",
        "disable_web_page_preview",
        "has_spoiler",
        "disable_content_type_detection",
        "show_caption_above_media",
        "allow_paid_broadcast",
        "revoke_messages",
        "only_if_banned",
        "for_channels",
    }
)
_CHAT_ID_FIELDS = frozenset({"chat_id", "from_chat_id"})
_FILE_FIELDS = {"sendphoto": ("photo",)}


def _to_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


_INT_RE = re.compile(r"-?\d+")
