"""The service directory's data: curated YAML files plus every breach Have I Been Pwned lists.

``services.yaml`` (well-known services) and ``services_ru.yaml`` (large Russian consumer services and
the Russian victims of public breach lists) are curated and strict: a spelling claimed twice fails the
load. ``services_hibp.json`` is built from HIBP's public breach list (``/api/v3/breaches``, CC BY 4.0)
by ``python -m bot.breaches.catalog <breaches.json>``: each breach's Name, Title and Domain. It only
fills gaps (see ``ServiceDirectory``). Loaded once per process by ``names.default_directory``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CURATED_PATHS = (HERE / "services.yaml", HERE / "services_ru.yaml")
HIBP_CATALOGUE_PATH = HERE / "services_hibp.json"
# HIBP titles that say what the dump is rather than whose it is: "mail.ru Dump" is Mail.ru.
_TITLE_NOISE = re.compile(r"\s+(?:dump|breach|leak|scrape|scraped data|data)$", re.IGNORECASE)


def catalogue_entries(items: list[dict[str, Any]]) -> list[dict[str, str]]:
    """HIBP breach objects -> ``{"name", "title", "domain"}``; spam lists and nameless items left out."""
    entries = []
    for item in items:
        name = str(item.get("Name") or "").strip()
        title = _TITLE_NOISE.sub("", str(item.get("Title") or "").strip()) or name
        if not name or item.get("IsSpamList"):
            continue
        entries.append({"name": name, "title": title, "domain": str(item.get("Domain") or "").strip().lower()})
    return sorted(entries, key=lambda e: e["name"].lower())


def load_catalogue(path: Path = HIBP_CATALOGUE_PATH) -> list[dict[str, str]]:
    """The catalogue's entries (``names.catalogue_services`` makes them services); none when the file is absent."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def main(argv: list[str]) -> None:
    if len(argv) != 1:  # the dump is the caller's (README: HIBP's /api/v3/breaches); the bot reads no test data
        sys.exit("usage: python -m bot.breaches.catalog <hibp breaches.json>")
    source = Path(argv[0])
    entries = catalogue_entries(json.loads(source.read_text(encoding="utf-8")))
    HIBP_CATALOGUE_PATH.write_text(json.dumps(entries, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(entries)} HIBP services -> {HIBP_CATALOGUE_PATH}")


if __name__ == "__main__":
    main(sys.argv[1:])
