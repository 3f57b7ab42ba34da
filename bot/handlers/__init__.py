"""One router per feature. The order matters: the catch-all question router (`ask`) comes last."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import admin, ask, channel, deadline, errors, fine, fines, inline, privacy, sources, start, watch


def get_routers() -> list[Router]:
    recipes = [errors, start, privacy, admin, channel, watch, sources, inline, fine, deadline, fines, ask]
    return [module.router.build() for module in recipes]
