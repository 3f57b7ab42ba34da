"""One router per feature. The order matters: the catch-all question router (`ask`) comes last."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import admin, ask, errors, inline, sources, start, watch


def get_routers() -> list[Router]:
    return [errors.router, start.router, admin.router, watch.router, sources.router, inline.router, ask.router]
