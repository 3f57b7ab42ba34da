"""The gates and doubts before the evidence score, one class of post each (met in dev7/dev8 as false alerts): court
proceedings about an old leak, a company checking a claim it has not confirmed, a compilation of many sources, and
many organisations sharing one leaked object. Each is checked on sentences written for the test, beside the breach
report of the same shape that must still alert."""

from __future__ import annotations

import pytest

from bot.breaches.parser import BreachParser


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


# --- legal proceedings -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # a case's caption and its parties: the news is the litigation, the leak is its old story
    "In re Quorlo Health Data Breach Litigation\nQuorlo Health suffered a data breach that exposed the names and "
    "Social Security numbers of 1.2 million patients.",
    "Plaintiffs win approval of Quorlo payout\nQuorlo Health suffered a data breach that exposed the names and Social "
    "Security numbers of 1.2 million patients.",
    "Judge approves Quorlo payout to customers\nHackers stole names and card numbers of 2 million Quorlo customers.",
    # «истцы», «мировое соглашение» in a headline
    "Истцы и «Кворло» заключили мировое соглашение\nВ 2023 году хакеры выложили на форуме базу 2 млн клиентов сервиса "
    "«Кворло» с ФИО, телефонами и адресами.",
])
def test_court_proceedings_in_the_headline_are_no_new_leak(parser: BreachParser, text: str) -> None:
    breach, why = parser.analyse(text)
    assert breach is None and why.startswith("off_topic")


def test_a_lawsuit_in_passing_keeps_the_leak(parser: BreachParser) -> None:
    text = ("Quorlo confirms hackers stole data of 2 million customers\nQuorlo said attackers stole names, email "
            "addresses and phone numbers of 2 million customers from its servers. The company now faces a class "
            "action lawsuit.")
    assert parser.parse(text) is not None


# --- a claim the company is checking ------------------------------------------------------------------------------

_CLAIM = ("Dropbox is looking into claims made by a ransomware gang, which says it broke into the company's network. "
          "The gang said the {what} it took from Dropbox would be posted on its dark web leak site.")


@pytest.mark.parametrize("text", [
    _CLAIM.format(what="120,000 files"),
    # «проверяет информацию»: the Russian company checking what hackers published
    "Компания «Кворло» проверяет информацию об утечке данных клиентов, которую опубликовала хакерская группировка в "
    "своем Telegram-канале. Хакеры выложили фрагмент базы.",
])
def test_a_claim_being_checked_is_a_draft(parser: BreachParser, text: str) -> None:
    breach, why = parser.analyse(text)
    assert breach is not None and why == "unsure:unverified"
    assert parser.parse(text) is None


@pytest.mark.parametrize("text", [
    # the company confirms
    _CLAIM.format(what="120,000 files") + " On Friday Dropbox confirmed the breach.",
    # a count with what leaked
    _CLAIM.format(what="names, email addresses and phone numbers of 2 million customers"),
    # the check told below a lead that reports the theft is the company's reaction, not the news
    "A ransomware gang said the 120,000 files it took from Dropbox would be posted on its dark web leak site. The gang "
    "says it broke into the company's network. A Dropbox spokesperson could not confirm the claims and said the "
    "company was looking into them.",
    "Компания «Кворло» проверяет информацию об утечке данных клиентов, которую опубликовала хакерская группировка в "
    "своем Telegram-канале. Хакеры выложили базу 2 млн клиентов с ФИО, телефонами и адресами.",
])
def test_a_confirmed_or_shown_claim_alerts(parser: BreachParser, text: str) -> None:
    assert parser.parse(text) is not None


# --- a compilation of many sources --------------------------------------------------------------------------------

_COMPILATION = ("Data breach leaks 600M emails, 30M passwords\nThe largest public data breach ever has been found, "
                "according to Wired.\n\"Megabatch 7\" exposed nearly 600 million unique emails and 30 million unique "
                "passwords, collected by someone trying to sell them.\nUsers of Dropbox can check whether their email "
                "is in it. In his blog, a researcher said he found {found} on a hacking forum.")


def test_a_collection_of_files_names_no_single_service(parser: BreachParser) -> None:
    breach, why = parser.analyse(_COMPILATION.format(found="a large collection of files"))
    assert why == "unsure:compilation"
    # (the same post without the collection: its loosely named victim alerts, which is what the cue corrects)
    assert parser.analyse(_COMPILATION.format(found="the files"))[1] == "breach"


def test_how_one_breach_began_is_no_compilation(parser: BreachParser) -> None:
    """Infostealer malware or credential stuffing below the headline is how one breach began, not a compilation."""
    text = _COMPILATION.format(found="the files") + " The hackers got in with a password stolen by infostealer malware."
    assert parser.analyse(text)[1] == "breach"


# --- many organisations sharing one leaked object -----------------------------------------------------------------

_BANKS = ("Данные россиян слили в сеть\nПаспортные данные и телефоны почти миллиона клиентов банков Кворлобанка, "
          "Альфа-банка и Зентрикс-банка оказались в открытом доступе, сообщают СМИ.")


@pytest.mark.parametrize("text", [
    _BANKS,
    _BANKS + " В пресс-службе Альфа-банка заявили, что утечка не подтвердилась.",  # (a negated confirmation)
    "Hackers stole the names and email addresses of 7 million customers of Gucci and Balenciaga, and posted them on a "
    "hacking forum.",
])
def test_a_list_of_organisations_sharing_the_leak_is_a_draft(parser: BreachParser, text: str) -> None:
    breach, why = parser.analyse(text)
    assert breach is not None and why == "unsure:two_victims"


@pytest.mark.parametrize("text", [
    # the victim alone
    "Данные россиян слили в сеть\nПаспортные данные и телефоны почти миллиона клиентов Альфа-банка оказались в "
    "открытом доступе, сообщают СМИ.",
    # one of them confirmed the leak
    _BANKS + " В пресс-службе Альфа-банка утечку подтвердили.",
    "Hackers stole the names and email addresses of 7 million customers of Gucci and Balenciaga, and posted them on a "
    "hacking forum. Gucci confirmed the breach.",
    # one group's brands: the victim's parent is named
    "Hackers stole the names and email addresses of 7 million customers of Gucci and Balenciaga. Kering, the parent "
    "company of both brands, has been notified.",
])
def test_one_victim_or_a_confirmed_one_alerts(parser: BreachParser, text: str) -> None:
    assert parser.analyse(text)[1] == "breach"


# --- a digest of many leaks ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Retail security breaches\nHere is a list of the largest retail data breaches of the decade.\nQuorlo\nIn 2019, "
    "hackers stole the names and card numbers of 2 million Quorlo customers.",
    "Подборка крупнейших утечек года\nКворло\nВ марте хакеры выложили базу 2 млн клиентов сервиса «Кворло» с ФИО и "
    "телефонами.",
])
def test_a_digest_announced_in_the_headline_is_no_single_leak(parser: BreachParser, text: str) -> None:
    breach, why = parser.analyse(text)
    assert breach is None and why == "off_topic"
