"""One router per feature. The order matters: the catch-all question router (`ask`) comes last."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import ask, errors, inline, start


def get_routers() -> list[Router]:
    return [errors.router, start.router, inline.router, ask.router]
