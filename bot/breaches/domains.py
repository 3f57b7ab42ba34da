"""Host names in watch terms and posts: recognising a domain, dropping www and the public suffix.

A closed list of suffixes on purpose: "Яндекс.Еда" or "М.Видео" must not be mistaken for domains.
"""

from __future__ import annotations

import re

from bot.kb.text import fold

# Public suffixes we recognise. A closed list on purpose: "Яндекс.Еда" must not look like a domain.
TLDS = frozenset(
    (
        "ru su рф москва moscow com net org info biz io me co app dev ai in uk de fr it es nl pl eu ua by kz uz am "
        "ge tv cc us ca au online site store shop tech pro xyz ma be ch at se no fi dk cz jp cn br tr il za sg id "
        "ph pk bd lk np ae sa mx ar gg ly to"
    ).split()
)
SECOND_LEVEL = frozenset(
    (
        "co.uk org.uk ac.uk gov.uk co.in net.in org.in gov.in ac.in firm.in com.ru net.ru org.ru msk.ru spb.ru "
        "com.au co.jp com.br com.tr com.ua co.il com.cn co.za com.sg"
    ).split()
)
_HOST_PREFIXES = ("www", "www2", "m", "mobile")
_DOMAIN_RE = re.compile(r"^(?:[a-z0-9а-я](?:[a-z0-9а-я-]{0,61}[a-z0-9а-я])?\.)+([a-zа-я]{2,10})$")


def split_host(host: str) -> tuple[list[str], str]:
    """``"eda.yandex.ru"`` -> ``(["eda", "yandex"], "ru")``; leading www/m labels are dropped."""
    labels = host.strip(".").split(".")
    suffix_len = 2 if len(labels) > 2 and ".".join(labels[-2:]) in SECOND_LEVEL else 1
    names, suffix = labels[:-suffix_len], ".".join(labels[-suffix_len:])
    while len(names) > 1 and names[0] in _HOST_PREFIXES:
        names = names[1:]
    return names, suffix


def as_host(term: str) -> str | None:
    """Return the host name if ``term`` is a URL or a bare domain with a known TLD, else None."""
    text = fold(term).strip()
    if not text or " " in text:
        return None
    had_scheme = "://" in text
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = text.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    text = text.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    match = _DOMAIN_RE.match(text)
    if not match:
        return None
    if match.group(1) in TLDS or (had_scheme and "." in text):
        return text
    return None


def registrable_domain(host: str) -> str:
    """``"cfire.mail.ru"`` -> ``"mail.ru"``; ``"dominos.co.in"`` stays as is."""
    names, suffix = split_host(host)
    return f"{names[-1]}.{suffix}" if names else host
