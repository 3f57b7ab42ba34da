"""The router that holds every command router, with one filter of its own (`filters.CommandOrStep`): the routers
in it take commands, the typed answers of their steps and admins' forwarded posts, so a plain question (most
updates) passes all ten by with one check instead of one check per router, and each router it would have passed
costs aiogram its middleware chain and a few copies of the update's data. Buttons, channel posts, inline queries
and membership changes are not messages: the filter is on messages only, so they reach the routers in here as
before, in the same order."""

from __future__ import annotations

from aiogram import Router

from bot.filters import CommandOrStep


def router(*routers: Router) -> Router:
    """`routers` in their order, under one message filter (bot/handlers/__init__.py lists them)."""
    r = Router(name="commands")
    r.message.filter(CommandOrStep())
    r.include_routers(*routers)
    return r
