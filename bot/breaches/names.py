"""Watch terms: normalisation, the service directory, and which watchers a breach concerns.

How matching works (the contract with the storage layer)
--------------------------------------------------------
Every service has one *service key*: a lowercase ASCII slug such as ``litres``, ``cdek``,
``yandex-eda``. A ``/watch <term>`` stores ``ServiceDirectory.resolve(term).key``: for a service in
``services.yaml`` that is its directory key (so «Литрес», "ЛитРес", "litres.ru" and the typo "litress"
all store ``litres``); for anything else it is ``canonical_key(term)``.

A breach is turned into the set of keys its watchers may have stored, ``keys_for_breach(breach,
directory)`` (also ``Breach.match_keys``). Finding watchers is then a single indexed lookup::

    CREATE TABLE watches (chat_id INTEGER NOT NULL, service_key TEXT NOT NULL, term TEXT NOT NULL,
                          UNIQUE (chat_id, service_key));
    CREATE INDEX watches_service_key ON watches (service_key);
    SELECT DISTINCT chat_id FROM watches WHERE service_key IN (?, ?, ...);   -- breach.match_keys

No fuzzy matching happens at alert time: fuzziness is spent once, when the user subscribes, where the
bot can show what the term resolved to. Keep the raw ``term`` column: when ``services.yaml`` gains an
alias, re-resolving stored terms keeps old watches pointing at the right key.

Sub-brands: a breach of Яндекс.Еда yields ``{"yandex-eda", "yandex"}`` so people watching all of Yandex
hear of it; a breach of Яндекс yields only ``{"yandex"}``, so Еда watchers are not told about Taxi or
Mail leaks they did not ask for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import yaml
from rapidfuzz import fuzz, process

from bot.breaches.catalog import CURATED_PATHS, load_catalogue
from bot.breaches.domains import SECOND_LEVEL, TLDS, as_host, registrable_domain, split_host
from bot.breaches.phonetic import is_distinctive, phonetic_key
from bot.breaches.spelling import MAX_TERM_LENGTH, canonical_key
from bot.breaches.spelling import split_watch_terms as split_watch_terms  # the watch handler's import
from bot.breaches.spelling import transliterate as transliterate
from bot.startcache import cached

SERVICES_PATH = Path(__file__).with_name("services.yaml")
# Fuzzy matching is only for typos in longer names: "vk" -> "vc" style guesses are how wrong alerts start.
FUZZY_CUTOFF = 88.0
FUZZY_TOKEN_CUTOFF = 75.0
FUZZY_MIN_LENGTH = 5

class NamedBreach(Protocol):
    """What the directory reads of a breach (``models.Breach`` has it; the directory needs no more of it)."""

    service: str
    domain: str | None
    aliases: list[str]
    hibp_name: str | None


def _tokens(key: str) -> list[str]:
    return [t for t in key.split("-") if t]


@dataclass(frozen=True)
class Service:
    """A resolved watch target. ``known`` is False for terms not in ``services.yaml``."""

    key: str
    name_ru: str
    name_en: str
    domains: tuple[str, ...] = ()
    known: bool = False
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None
    umbrella: bool = False
    distinct_from: tuple[str, ...] = field(default=(), repr=False)

    @property
    def names(self) -> dict[str, str]:
        """The service's name by language; the directory holds Russian and English ones."""
        return {"ru": self.name_ru, "en": self.name_en}

    def name(self, lang: str) -> str:
        """Its name in ``lang``; in English for a language the directory has no name in."""
        return self.names.get(lang, self.name_en)


def load_services(path: Path | str) -> list[Service]:
    """Curated services from one YAML file (``services.yaml`` schema)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    services = []
    for item in data.get("services", []):
        services.append(
            Service(
                key=item["key"],
                name_ru=item.get("name_ru") or item["name_en"],
                name_en=item.get("name_en") or item["name_ru"],
                domains=tuple(d.lower() for d in item.get("domains") or ()),
                known=True,
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
                parent=item.get("parent"),
                country=item.get("country"),
                umbrella=bool(item.get("umbrella", False)),
                distinct_from=tuple(canonical_key(str(t)) for t in item.get("distinct_from") or ()),
            )
        )
    return services


class ServiceDirectory:
    """Well-known services from ``services.yaml`` with exact and typo-tolerant lookup."""

    def __init__(self, services: Iterable[Service], catalogue: Iterable[Service] = ()):
        """``services``: the curated entries, every spelling checked to belong to one service.
        ``catalogue``: entries built from a public list (HIBP): they fill the gaps, never override a
        curated spelling, and one whose domain a curated service owns adds its names to that service."""
        self.services: dict[str, Service] = {}
        self._by_key: dict[str, str] = {}  # any canonical spelling -> service key
        self._by_domain: dict[str, str] = {}
        self._by_sound: dict[str, set[str]] = {}  # phonetic key -> service keys
        for service in services:
            if service.key in self.services:
                raise ValueError(f"duplicate service key {service.key!r}")
            if canonical_key(service.key) != service.key:
                raise ValueError(f"service key {service.key!r} is not canonical")
            self.services[service.key] = service
        for service in self.services.values():
            if service.parent and service.parent not in self.services:
                raise ValueError(f"{service.key}: unknown parent {service.parent!r}")
            for domain in service.domains:
                self._claim(self._by_domain, domain.lower(), service.key)
            for spelling in self.spellings(service):
                key = canonical_key(spelling)
                if key:
                    self._claim(self._by_key, key, service.key)
        for service in catalogue:
            self._add_from_catalogue(service)
        for service in self.services.values():
            for spelling in (service.name_ru, service.name_en, *service.aliases):
                sound = phonetic_key(spelling).replace("-", "")  # "Vkus Vill" sounds like VkusVill
                if is_distinctive(sound):
                    self._by_sound.setdefault(sound, set()).add(service.key)

    @staticmethod
    def spellings(service: Service) -> set[str]:
        return {service.key, service.name_ru, service.name_en, *service.aliases, *service.domains}

    def _add_from_catalogue(self, service: Service) -> None:
        owner = next((self._by_domain[d] for d in service.domains if d in self._by_domain), None)
        if owner is not None:  # HIBP's "mail.ru Dump" on mail.ru is Mail.ru: its names become Mail.ru's
            for spelling in self.spellings(service):
                self._by_key.setdefault(canonical_key(spelling), owner)
            return
        free = [s for s in self.spellings(service) if canonical_key(s) and canonical_key(s) not in self._by_key]
        if service.key in self.services or not free:
            return
        self.services[service.key] = service
        for domain in service.domains:
            self._by_domain.setdefault(domain, service.key)
        for spelling in free:
            self._by_key[canonical_key(spelling)] = service.key

    @staticmethod
    def _claim(index: dict[str, str], spelling: str, key: str) -> None:
        # Two services sharing a spelling would make alerts ambiguous; fail loudly at load time.
        if index.get(spelling, key) != key:
            raise ValueError(f"{spelling!r} is claimed by both {index[spelling]!r} and {key!r}")
        index[spelling] = key

    @classmethod
    def from_yaml(cls, path: Path | str = SERVICES_PATH) -> ServiceDirectory:
        return cls(load_services(path))


    def __len__(self) -> int:
        return len(self.services)

    def get(self, key: str) -> Service | None:
        return self.services.get(key)

    def by_domain(self, host: str, *, walk_up: bool = True) -> Service | None:
        """Service owning ``host`` exactly, or (``walk_up``) owning one of its parent domains."""
        host = host.lower().strip(".")
        if host.startswith("www."):
            host = host[4:]
        while host:
            if host in self._by_domain:
                return self.services[self._by_domain[host]]
            if not walk_up or "." not in host:
                return None
            host = host.split(".", 1)[1]
            if host in TLDS or host in SECOND_LEVEL:
                return None
        return None

    def exact(self, term: str) -> Service | None:
        """Exact lookup by domain, key, name or alias (after ``canonical_key``). No fuzziness."""
        host = as_host(term)
        if host:
            service = self.by_domain(host, walk_up=False)
            if service:
                return service
            # "avito.ma" is a namesake of Avito (avito.ru), not Avito itself.
            owner = self._by_key.get(canonical_key(term))
            if owner and self.services[owner].domains:
                return None
        key = canonical_key(term)
        return self.services.get(self._by_key.get(key, ""))

    def fuzzy(self, term: str) -> Service | None:
        """Typo-tolerant lookup with guards: long enough, same word count, every word close,
        not listed in ``distinct_from``, and no near-tie between two services."""
        key = canonical_key(term)
        if len(key.replace("-", "")) < FUZZY_MIN_LENGTH or as_host(term):
            return None
        candidates = process.extract(key, self._by_key.keys(), scorer=fuzz.ratio, limit=5)
        best: tuple[float, str] | None = None
        for spelling, score, _ in candidates:
            if score < FUZZY_CUTOFF:
                break
            q_tokens, c_tokens = _tokens(key), _tokens(spelling)
            if len(q_tokens) != len(c_tokens):
                continue  # "yandex-eda" must not become "yandex" or vice versa
            if any(fuzz.ratio(a, b) < FUZZY_TOKEN_CUTOFF for a, b in zip(q_tokens, c_tokens, strict=True)):
                continue  # "yandex-taksi" vs "yandex-eda": one word differs entirely
            owner = self._by_key[spelling]
            if key in self.services[owner].distinct_from:
                continue
            if best is None:
                best = (score, owner)
            elif owner != best[1] and best[0] - score < 3:
                return None  # two services equally plausible: refuse to guess
        return self.services[best[1]] if best else None

    def by_sound(self, term: str) -> Service | None:
        """The one known service that sounds like ``term`` (ЮТэйр -> Utair), if exactly one does."""
        # A word typed without inner vowels ("ozn", "vkk") is an abbreviation or a typo, not a spelling.
        words = _tokens(canonical_key(term))
        if as_host(term) or not words or any(not re.search(r"[aeiouy]", w[1:]) for w in words if not w.isdigit()):
            return None
        sound = phonetic_key(term).replace("-", "")
        owners = self._by_sound.get(sound, set()) if is_distinctive(sound) else set()
        return self.services[next(iter(owners))] if len(owners) == 1 else None

    def resolve(self, term: str) -> Service:
        """Resolve a watch term: exact domain/alias/key first, then a guarded fuzzy match,
        else an unknown ``Service`` keyed by ``canonical_key(term)`` (or a namesake-safe key)."""
        service = self.exact(term) or self.fuzzy(term) or self.by_sound(term)
        if service:
            return service
        host = as_host(term)
        key = self.domain_key(host) if host else canonical_key(term)
        name = " ".join(str(term).split())[:MAX_TERM_LENGTH]
        return Service(key=key, name_ru=name, name_en=name, domains=(host,) if host else (), known=False)

    def domain_key(self, host: str) -> str:
        """Key for a domain: the owner's key if known, else ``canonical_key`` of the host, keeping
        the TLD when the bare label belongs to a different, known service ("avito.ma" -> "avito-ma")."""
        service = self.by_domain(host, walk_up=False)
        if service:
            return service.key
        key = canonical_key(host)
        if key in self._by_key:
            names, suffix = split_host(host.lower())
            return canonical_key(" ".join([*names, suffix]))
        return key

    def services_for_breach(self, breach: NamedBreach) -> list[Service]:
        """Known services a breach is about: by its domain (exact), else by its names, unless the
        breach domain shows the name is a namesake (same label, other TLD, e.g. avito.ma)."""
        found: list[Service] = []
        host = as_host(breach.domain) if breach.domain else None
        if host:
            service = self.by_domain(host, walk_up=False)
            if service:
                return [service]
        for name in (breach.service, *breach.aliases, breach.hibp_name):
            if not name:
                continue
            service = self.exact(name)
            if service is None or service in found:
                continue
            if host and service.domains and canonical_key(host) in {canonical_key(d) for d in service.domains}:
                continue  # same brand label on a domain the service does not own: a namesake
            found.append(service)
        return found

    def ancestors(self, service: Service) -> list[Service]:
        chain: list[Service] = []
        parent = self.services.get(service.parent or "")
        while parent and parent not in chain:
            chain.append(parent)
            parent = self.services.get(parent.parent or "")
        return chain


@lru_cache(maxsize=1)
def default_directory() -> ServiceDirectory:
    """The curated files plus the HIBP catalogue (see ``catalog.py``), loaded once per process: read back from the
    start-up cache (``bot/startcache.py``) while those files and the bot's code are unchanged, else built."""
    return cached("directory", build_default_directory, kind=ServiceDirectory)


def build_default_directory() -> ServiceDirectory:
    curated = [service for path in CURATED_PATHS for service in load_services(path)]
    return ServiceDirectory(curated, catalogue_services(load_catalogue()))


def catalogue_services(entries: Iterable[dict[str, str]]) -> list[Service]:
    """HIBP catalogue entries (``catalog.load_catalogue``) as services: each breach's Title is its name, its Name
    an alias. Not curated: they carry no country or parent."""
    services = []
    for entry in entries:
        key = canonical_key(entry["name"])
        if not key:
            continue
        aliases = tuple(dict.fromkeys(n for n in (entry["name"],) if n != entry["title"]))
        domains = (entry["domain"],) if entry["domain"] else ()
        services.append(Service(key=key, name_ru=entry["title"], name_en=entry["title"], domains=domains,
                                known=True, aliases=aliases))
    return services


def primary_key(breach: NamedBreach, directory: ServiceDirectory | None = None) -> str:
    """The one key that names the breached service (used by ``Breach.dedupe_key``)."""
    directory = directory or default_directory()
    services = directory.services_for_breach(breach)
    if services:
        return services[0].key
    host = as_host(breach.domain) if breach.domain else None
    if host:
        return directory.domain_key(host)
    for name in (breach.service, breach.hibp_name, *breach.aliases):
        if name and canonical_key(name):
            return canonical_key(name)
    return "unknown"


def keys_for_breach(breach: NamedBreach, directory: ServiceDirectory | None = None) -> set[str]:
    """Every service key whose watchers should hear of ``breach``.

    * keys of the known services it is about, plus their parent brands (never their children);
    * ``canonical_key`` of its names, aliases and domain for people watching unlisted services, unless
      that key is a spelling of a known service (HIBP's avito.ma must not reach Avito watchers, and
      watchers of a known service are stored under its key, never under an alias);
    * for a subdomain, the key of the registrable domain (a breach at shop.example.com concerns
      example.com watchers), and for "<umbrella brand> <something>" the umbrella brand's key.
    """
    directory = directory or default_directory()
    services = directory.services_for_breach(breach)
    keys: set[str] = set()
    for service in services:
        keys.add(service.key)
        keys.update(parent.key for parent in directory.ancestors(service))

    def add_if_free(key: str) -> None:
        # A key owned by a known service is only ever stored as that service's own key (added above).
        if key and directory.exact(key) is None:
            keys.add(key)

    for name in (breach.service, *breach.aliases, breach.hibp_name):
        if not name or as_host(name):
            continue
        key = canonical_key(name)
        add_if_free(key)
        tokens = _tokens(key)
        umbrella = directory.get(tokens[0]) if len(tokens) > 1 else None
        if umbrella and umbrella.umbrella:
            keys.add(umbrella.key)
    host = as_host(breach.domain) if breach.domain else None
    if host:
        keys.add(directory.domain_key(host))
        parent_host = registrable_domain(host)
        owner = directory.by_domain(host)  # walks up: cfire.mail.ru -> Mail.ru
        if owner:
            keys.add(owner.key)
            keys.update(p.key for p in directory.ancestors(owner))
        if parent_host != host:  # a site on a subdomain (HIBP's CrossFire on cfire.mail.ru) concerns Mail.ru
            parent_owner = directory.by_domain(parent_host)
            keys.add(parent_owner.key if parent_owner else directory.domain_key(parent_host))
    keys.discard("")
    return keys
