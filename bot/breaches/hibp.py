"""Have I Been Pwned breach catalogue: fetch, filter and convert to ``Breach``.

The public endpoints used here (``/api/v3/breaches``, ``/breach/{name}``, ``/latestbreach``) need no
API key but do need a User-Agent (HIBP answers 403 without one). HIBP data is CC BY 4.0: every
message built from it must credit Have I Been Pwned with a link (the ``hibp_credit`` text in bot/locales; ``render.py``
adds the link).

Polling sketch (the scheduler lives elsewhere)::

    items = await fetch_breaches(HIBP_BREACHES_URL, session=session)
    for item in new_since(known_names, items):          # known_names persisted between runs
        if is_notifiable(item):
            alert(parse_hibp_breaches([item])[0])
    known_names |= {item["Name"] for item in items}

On the very first run ``known_names`` is empty and every breach is "new": seed the stored names
without alerting, or users get 800 alerts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

import aiohttp

from bot.breaches.extract import extract_password_storage
from bot.breaches.models import Breach, is_russian_operator

HIBP_API = "https://haveibeenpwned.com/api/v3"
HIBP_BREACHES_URL = f"{HIBP_API}/breaches"
HIBP_LATEST_URL = f"{HIBP_API}/latestbreach"
HIBP_BREACH_PAGE = "https://haveibeenpwned.com/Breach/{name}"
HIBP_SITE = "https://haveibeenpwned.com"
HIBP_SOURCE_NAME = "Have I Been Pwned"
USER_AGENT = "privacy-bot breach alerts (Telegram bot; contact via the bot)"
DESCRIPTION_LIMIT = 400


class HibpError(Exception):
    """HIBP answered with an unexpected status or body."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.status = status


class HibpRateLimited(HibpError):
    """429 (or 503 from Cloudflare): wait ``retry_after`` seconds (plus a little) before retrying."""

    def __init__(self, message: str, *, status: int, retry_after: float):
        super().__init__(message, status=status)
        self.retry_after = retry_after


def _flag(item: dict[str, Any], name: str) -> bool:
    value = item.get(name)
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


def is_notifiable(item: dict[str, Any]) -> bool:
    """Mozilla Monitor's rule (``breachIsNotifiable``) plus retired breaches: alert only on verified
    breaches of a real site. Not when unverified, fabricated, a spam list, retired, or without a
    domain (combo lists and malware logs have no service to watch).

    Sensitive breaches pass this rule; HIBP's public API does not return them anyway, and a caller
    that gets one should post at most a name-free summary to a public channel.
    """
    if not isinstance(item, dict):
        return False
    if not _flag(item, "IsVerified"):
        return False
    if _flag(item, "IsFabricated") or _flag(item, "IsSpamList") or _flag(item, "IsRetired"):
        return False
    return bool(str(item.get("Domain") or "").strip())


def new_since(previous_names: set[str], items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Breaches whose ``Name`` is not in ``previous_names`` (Name is HIBP's stable id; Title may
    change), oldest ``AddedDate`` first so alerts go out in the order HIBP published them.
    Items without a Name are skipped; duplicates in ``items`` are returned once."""
    fresh: dict[str, dict[str, Any]] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        name = str(item.get("Name") or "").strip()
        if name and name not in previous_names and name not in fresh:
            fresh[name] = item
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(fresh.values(), key=lambda it: _parse_datetime(it.get("AddedDate")) or oldest)


def html_to_text(value: str | None) -> str:
    """HIBP descriptions are HTML with links; Telegram gets plain text (we escape it again on render)."""
    text = re.sub(r"<br\s*/?>|</p>", " ", value or "", flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(html.unescape(text).split())


def shorten(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Cut at a sentence end if one is close, else at a word, adding an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    stop = cut.rfind(". ")
    if stop > limit // 2:
        return cut[: stop + 1]
    return cut.rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _parse_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def _parse_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _parse_int(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


def parse_hibp_breach(item: dict[str, Any]) -> Breach | None:
    """One HIBP breach object -> ``Breach``; None if it has neither Name nor Title."""
    if not isinstance(item, dict):
        return None
    name = str(item.get("Name") or "").strip() or None
    title = str(item.get("Title") or "").strip() or name
    if not title:
        return None
    domain = str(item.get("Domain") or "").strip().lower() or None
    description = html_to_text(item.get("Description"))
    classes = item.get("DataClasses") if isinstance(item.get("DataClasses"), list) else []
    return Breach(
        service=title,
        domain=domain,
        aliases=[name] if name and name != title else [],
        record_count=_parse_int(item.get("PwnCount")),
        # PwnCount already counts e-mail addresses (accounts); repeating it as unique_emails adds nothing.
        unique_emails=None,
        data_classes=[str(c) for c in classes if c],
        password_storage=extract_password_storage(description),
        breach_date=_parse_date(item.get("BreachDate")),
        reported_at=_parse_datetime(item.get("AddedDate")),
        origin="hibp",
        source_name=HIBP_SOURCE_NAME,
        source_url=HIBP_BREACH_PAGE.format(name=name) if name else HIBP_SITE,
        description=shorten(description),
        is_russian_operator=any(is_russian_operator(n, domain) for n in {title, name} if n),
        hibp_name=name,
    )


def parse_hibp_breaches(items: Iterable[dict[str, Any]]) -> list[Breach]:
    """Convert HIBP breach objects, skipping anything that is not a usable breach object."""
    return [breach for breach in map(parse_hibp_breach, items or ()) if breach is not None]


# The per-request aiohttp timeout is part of the agreed signature; callers need not wrap it themselves.
async def fetch_breaches(
    url: str, *, session: aiohttp.ClientSession, timeout: float = 30  # noqa: ASYNC109
) -> list[dict[str, Any]]:
    """GET an HIBP breach endpoint and return a list of breach dicts.

    Works for ``/breaches`` (a list) as well as ``/breach/{name}`` and ``/latestbreach`` (one object,
    wrapped in a list). Raises ``HibpRateLimited`` on 429/503 with the server's ``retry-after``, and
    ``HibpError`` on any other non-200 status or a body that is not JSON breach data; network errors
    and timeouts propagate as aiohttp/asyncio exceptions.
    """
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    async with session.get(url, headers=headers, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
        if response.status in (429, 503):
            retry_after = _parse_retry_after(response.headers.get("Retry-After"))
            raise HibpRateLimited(f"HIBP {response.status}", status=response.status, retry_after=retry_after)
        if response.status != 200:
            raise HibpError(f"HIBP answered {response.status} for {url}", status=response.status)
        try:
            data = await response.json(content_type=None)
        except ValueError as exc:
            raise HibpError(f"HIBP returned invalid JSON for {url}", status=response.status) from exc
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise HibpError(f"HIBP returned {type(data).__name__}, expected a list", status=200)
    return [item for item in data if isinstance(item, dict)]


def _parse_retry_after(value: str | None) -> float:
    try:
        return max(float(value or 0), 1.0)
    except ValueError:
        return 60.0  # an HTTP-date or garbage: back off conservatively
