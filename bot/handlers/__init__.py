"""One router per feature. The order matters: the catch-all question router (`ask`) comes last."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import admin, ask, channel, errors, inline, legal, privacy, sources, start, watch


def get_routers() -> list[Router]:
    recipes = [errors, start, privacy, admin, channel, watch, sources, inline, legal, ask]
    return [module.router.build() for module in recipes]
