"""What kind of source a URL is: an official text (law, regulator, court, government), a law database that reprints
the law, or a secondary source (news, blogs, law-firm notes, trackers and other aggregators).

`kb check` reports an entry whose every source is secondary unless its note says why no official text exists;
`kb stats` prints the share of entries whose primary source is official. One list per kind, here only.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

# Government, regulator, court and EU hosts. A host matches when it is the name or a subdomain of it.
OFFICIAL_DOMAINS = frozenset({
    # EU and international
    "europa.eu", "coe.int",
    # data protection authorities (EU/EEA, UK) and courts
    "dataprotection.ie", "cnil.fr", "conseil-etat.fr", "legifrance.gouv.fr", "vie-publique.fr",
    "garanteprivacy.it", "gpdp.it", "aepd.es", "autoriteitpersoonsgegevens.nl", "rechtspraak.nl", "imy.se",
    "datainspektionen.se", "finlex.fi", "datenschutz.bremen.de", "datenschutz.rlp.de", "datenschutz.sachsen.de",
    "domstol.se", "datatilsynet.no", "pvn.no", "datatilsynet.dk", "personuvernd.is", "tietosuoja.fi",
    "dsb.gv.at", "ris.bka.gv.at", "bfdi.bund.de", "datenschutz-berlin.de", "datenschutz.hamburg.de",
    "lfd.niedersachsen.de", "baden-wuerttemberg.datenschutz.de", "cnpd.pt", "cnpd.public.lu", "uoou.cz",
    "uodo.gov.pl", "dataprotection.ro", "cpdp.bg", "naih.hu", "dataprotection.gov.cy", "dataprotection.gov.sk",
    "ip-rs.si", "azop.hr", "dpa.gr", "idpc.org.mt", "aki.ee", "vdai.lrv.lt", "dvi.gov.lv",
    "autoriteprotectiondonnees.be", "gegevensbeschermingsautoriteit.be", "cnpd.lu", "datenschutzstelle.li",
    "ico.org.uk", "edoeb.admin.ch",
    # Russia
    "kremlin.ru", "pravo.gov.ru", "publication.pravo.gov.ru", "rkn.gov.ru", "cbr.ru", "duma.gov.ru",
    "government.ru", "gosuslugi.ru", "genproc.gov.ru", "vsrf.ru", "ksrf.ru", "sudrf.ru", "mos.ru",
    "digital.gov.ru", "nalog.gov.ru",
    # India
    "egazette.gov.in", "pib.gov.in", "meity.gov.in", "indiacode.nic.in", "dpboard.gov.in", "sci.gov.in",
})
# Government suffixes: gov.uk, gouv.fr, gv.at, bund.de, gov.in, gov.ru, gov.pl, admin.ch and the like.
_OFFICIAL_SUFFIX = re.compile(r"(^|\.)(gov|gouv|gv|bund|admin|gob|govt|nic)\.[a-z]{2,3}$|\.gov$")

# Reprints of laws and court decisions: the text, not its official publication.
LAW_DATABASES = frozenset({
    "consultant.ru", "garant.ru", "docs.cntd.ru", "base.garant.ru", "zakonrf.info", "legalacts.ru",
    "indiankanoon.org", "jusline.at", "gesetzefinden.at", "avgtekst.nl", "gdpr-info.eu", "elcode.ru",
})

# News, blogs, law-firm notes, trackers and other aggregators.
SECONDARY_DOMAINS = frozenset({
    # trackers, aggregators, commentaries
    "enforcementtracker.com", "gdprhub.eu", "dataguidance.com", "digitalpolicyalert.org", "gdprfine.com",
    "privacyaffairs.com", "dataprivacymanager.net", "nyaya-vidhi.com", "apnilaw.com", "prsindia.org",
    "flipbuilder.com", "github.com", "scribd.com", "wikipedia.org",
    # law firms and their blogs
    "huntonprivacyblog.com", "huntonak.com", "dlapiper.com", "cms.law", "cms-law.co.uk", "cms-lawnow.com",
    "mondaq.com", "mondaq.co.uk", "natlawreview.com", "cliffordchance.com", "mayerbrown.com", "lewissilkin.com",
    "willkie.com", "debevoisedatablog.com", "datenschutz-notizen.de", "solstico.legal", "birchlegal.ru",
    "level-legal.com", "dataprotect.at", "ddrm.de", "federprivacy.org", "dirittodiinternet.it", "macedovitorino.com",
    "amlegalsdpdpa.com", "unifiedchambers.com", "saralprivacy.com", "taxmann.com", "karachenkov.ru",
    "audar-info.ru", "pravanet.ru", "bazanpa.ru", "forpes.ru", "trudkod.ru", "ilan-ric.ru", "kontur-extern.ru",
    "buhgalteria.ru", "lersuchet.ru", "t-l.ru", "protinok.rustec.su", "epap.by", "ib-bank.ru", "agent64.ru",
    # blogs and platforms
    "blogspot.com", "habr.com", "klerk.ru", "medium.com", "tenchat.ru", "vc.ru", "dzen.ru",
    # news
    "vedomosti.ru", "tass.ru", "tass.com", "rbc.ru", "kommersant.ru", "interfax.ru", "ria.ru", "gazeta.ru",
    "news.mail.ru", "anti-malware.ru", "eg-online.ru", "advgazeta.ru", "pravo.ru", "osnmedia.ru", "tvzvezda.ru",
    "ict-online.ru", "spektr.press", "iksmedia.ru", "mosregtoday.ru", "comnews.ru", "cnews.ru", "m24.ru",
    "riafan.ru", "delo-press.ru", "utnews.ru", "spbit.ru", "fsrbit.ru", "themoscowtimes.com", "www1.ru",
    "runet.news", "telcojournal.mcn.ru", "essent.press", "regions.ru", "ko.ru", "rg.ru",
    "freepressjournal.in", "business-standard.com", "socialbites.ca", "shacklemedia.com", "security.nl",
    "lasexta.com", "err.ee", "kulturegeek.fr", "tomshw.it", "globalsecuritymag.fr", "lemagit.fr", "nos.nl",
    "wired-gov.net", "independent.com.mt", "zurnal24.si", "derstandard.at", "rp.pl", "telepolis.pl",
    "observador.pt", "rr.sapo.pt", "dn.pt", "reuters.com", "techcrunch.com", "theguardian.com", "bbc.co.uk",
    "heise.de", "euractiv.com", "politico.eu", "sn.at", "kurier.at", "zf.ro", "romania-insider.com",
})

# A note that explains why no official text is cited says so in so many words.
_EXPLAINS = re.compile(r"\bofficial\b|официальн", re.IGNORECASE)


def host(url: str) -> str:
    name = (urlparse(url).hostname or "").lower()
    return name[4:] if name.startswith("www.") else name


def _in(name: str, domains: frozenset[str]) -> bool:
    parts = name.split(".")
    return any(".".join(parts[i:]) in domains for i in range(len(parts)))


def is_official(url: str) -> bool:
    name = host(url)
    return _in(name, OFFICIAL_DOMAINS) or bool(_OFFICIAL_SUFFIX.search(name))


def is_secondary(url: str) -> bool:
    name = host(url)
    return not is_official(url) and _in(name, SECONDARY_DOMAINS)


def kind_of(url: str) -> str:
    """"official", "law database", "secondary" or "other" (not on any list: a company page, a vendor's notice)."""
    if is_official(url):
        return "official"
    if _in(host(url), LAW_DATABASES):
        return "law database"
    return "secondary" if is_secondary(url) else "other"


def note_explains_no_official(note: str | None) -> bool:
    return bool(note and _EXPLAINS.search(note))
