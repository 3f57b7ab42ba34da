"""Kept so that `from bot.texts import t` goes on working: the texts themselves are in bot/locales/<lang>/*.ftl,
read once by bot/i18n.py (see there why Fluent, and why one read-only catalogue)."""

from bot.i18n import CATALOGUE, t

__all__ = ["CATALOGUE", "t"]
