"""The breach record shared by the channel parser, the HIBP feed and the alert renderer.

Field vocabulary follows Have I Been Pwned so that HIBP breaches and parsed channel posts render and
match the same way: ``data_classes`` uses HIBP names ("Email addresses", "Passwords", ...),
``breach_date`` is HIBP's BreachDate (when it happened; for channel posts the date of the freshest
record) and ``reported_at`` is HIBP's AddedDate (for channel posts, the post's date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.breaches.names import default_directory, keys_for_breach, primary_key

ORIGINS = ("channel", "admin", "hibp")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
RUSSIAN_TLDS = (".ru", ".рф", ".su", ".москва", ".moscow", ".xn--p1ai")


@dataclass
class Breach:
    """One breach of one service, from a channel post, an admin or HIBP."""

    service: str
    domain: str | None = None
    aliases: list[str] = field(default_factory=list)
    record_count: int | None = None
    unique_emails: int | None = None
    data_classes: list[str] = field(default_factory=list)
    password_storage: str | None = None
    breach_date: date | None = None
    reported_at: datetime | None = None
    origin: str = "channel"
    source_name: str | None = None
    source_url: str | None = None
    description: str = ""
    is_russian_operator: bool = False
    hibp_name: str | None = None

    @property
    def dedupe_key(self) -> str:
        """``"<service key>:<YYYY-MM>"``, equal for the same breach reported by several sources.

        The service part is the directory key when the service is known (so «Литрес», "Litres" and
        litres.ru agree, and HIBP's "CDEK" equals a channel's «СДЭК»), else the domain's key, else
        ``canonical_key`` of the name. The time part is the *month* of ``breach_date`` (falling back to
        the month of ``reported_at``): sources disagree on the day (a channel gives its freshest record,
        HIBP an estimate, often the 1st), but rarely on the month. The price is that two different
        breaches of one service in the same month merge, and one breach whose sources straddle a
        month boundary gets two keys; both are rare, and a duplicate is cheaper than a silenced alert.
        """
        when = self.breach_date or (self.reported_at.date() if self.reported_at else None)
        return f"{primary_key(self)}:{when.strftime('%Y-%m') if when else 'undated'}"

    @property
    def match_keys(self) -> set[str]:
        """Service keys a watcher may have subscribed with; see ``names.keys_for_breach``."""
        return keys_for_breach(self)

    @property
    def has_passwords(self) -> bool:
        return "Passwords" in self.data_classes or bool(self.password_storage)


def looks_russian(name: str | None, domain: str | None) -> bool:
    """Heuristic for services missing from the directory: a Russian TLD or a Cyrillic name."""
    if domain and domain.lower().rstrip(".").endswith(RUSSIAN_TLDS):
        return True
    return bool(name and _CYRILLIC.search(name))


def is_russian_operator(name: str | None, domain: str | None) -> bool:
    """A known service's country wins over the heuristic (Cyrillic «Фейсбук» is not Russian)."""
    directory = default_directory()
    probe = Breach(service=name or "", domain=domain)
    services = directory.services_for_breach(probe)
    if services and services[0].country:
        return services[0].country == "ru"
    return looks_russian(name, domain)
