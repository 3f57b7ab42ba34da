"""The evidence score (bot/breaches/evidence.py): each mechanism on sentences written for the test, beside a near
neighbour that must not change. A post alerts only with the event and the victim tied together and no
counter-evidence outweighing them; short of that, a post with a victim is a draft for the admins."""

from __future__ import annotations

import pytest

from bot.breaches import evidence
from bot.breaches.parser import BreachParser

# The neighbour every counter cue is measured against: a strong event, its victim in the same sentence, a count.
BASE = "Хакеры похитили данные 2 млн клиентов сервиса «Кворло»."


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


def test_the_neighbour_alerts(parser: BreachParser) -> None:
    breach, why = parser.analyse(BASE)
    assert why == "breach" and breach is not None and breach.service == "Кворло"
    assert parser.last_evidence is not None and parser.last_evidence.score >= evidence.SURE


@pytest.mark.parametrize(("text", "cue"), [
    # the consequences of a leak in the lead: a lawsuit
    ("Хакеры похитили данные клиентов и сотрудников сервиса доставки «Кворло» в Москве. Клиенты подали коллективный "
     "иск: утекли записи 2 млн клиентов.", "penalty"),
    # and in the headline, where it outweighs a strong report: no draft either
    ("Quorlo reprimanded: hackers stole the data of 2,000,000 customers of Quorlo.", "penalty"),
    # a regulator acting in the lead
    (BASE + " Роскомнадзор направил компании запрос.", "regulator"),
    # a statistic over a period
    ("In the first half of the year, hackers stole the data of 2,000,000 customers of Quorlo.", "statistics"),
    # a people as the data's owner
    ("Hackers stole the data of 2,000,000 customers of Quorlo, citizens of every region.", "statistics"),
    # an outage
    ("Сбой в работе сервиса «Кворло»: хакеры похитили данные 2 млн клиентов.", "outage"),
    # a phishing warning
    ("Beware of phishing: hackers stole the data of 2,000,000 customers of Quorlo.", "scam"),
    # a guide
    ("Хакеры похитили данные 2 млн клиентов сервиса «Кворло»: что нужно знать.", "advice"),
    # a post about leaks, not one leak
    ("Another of this year's breaches: hackers stole the data of 2,000,000 customers of Quorlo.", "many_events"),
    # a company's statement without a count
    ("Сервис «Кворло» прокомментировал сообщения об утечке данных клиентов, но не назвал их число.", "statement"),
])
def test_counter_evidence_turns_an_alert_into_a_draft(parser: BreachParser, text: str, cue: str) -> None:
    breach, why = parser.analyse(text)
    assert parser.parse(text) is None
    if parser.last_evidence.against:
        assert why.startswith("off_topic:") and cue in why  # evidence against the leak: not even a draft
    else:
        assert why == "unsure:" + cue and breach is not None


def test_a_gas_leak_is_no_leak_event(parser: BreachParser) -> None:
    assert parser.analyse("На заводе «Кворло» произошла утечка газа: эвакуированы 2 тыс. сотрудников.")[1] \
        == "no_leak_event"
    # the neighbour: the same company's employees' data
    assert parser.parse("На заводе «Кворло» произошла утечка данных: похищены записи о 2 тыс. сотрудников.") \
        is not None


@pytest.mark.parametrize(("text", "why"), [
    # data at a venue is the event («оказались на черном рынке»)
    ("Персональные данные клиентов банка «Кворло» оказались на черном рынке: продавцы предлагают 2 млн записей.",
     "breach"),
    # «Компания …» opens the sentence of the event: it speaks of the victim named just before
    ("Сервис «Кворло» оказался в центре скандала. Компания признала, что хакеры похитили данные 2 млн "
     "клиентов.", "breach"),
    # the neighbour: the victim in a headline, the event told by someone else below, is only the headline's subject
    ("Сервис «Кворло» оказался в центре скандала. Эксперты считают, что хакеры похитили данные 2 млн "
     "клиентов.", "unsure:weak_evidence"),
    # a sentence that opens with the data tells what the attack before it took
    ("In April 2026, the training company Quorlo was the victim of an extortion attempt. The data included 1.4M "
     "unique email addresses.", "breach"),
    ("In April 2026, the training company Quorlo was the victim of an extortion attempt. Its offices were closed "
     "for 2 days after 1.4M unique email addresses were sent.", "unsure:weak_evidence"),
    # two years and an outage below the headline are details of one breach, not a statistic or a DDoS
    ("In March 2017, Quorlo suffered a data breach that exposed 20,000 customers. The breach dated back to 2016 and "
     "the site was taken offline.", "breach"),
    # the size of the dump supports a report without a count of people
    ("Хакеры заявили, что взломали «Кворло» и похитили 188 347 файлов общим объемом 1,4 ТБ.", "breach"),
    ("Хакеры заявили, что взломали «Кворло» и похитили файлы компании.", "unsure:weak_evidence"),
    # a share below the headline is the size of one leak, not a statistic
    ("In December 2025, Quorlo said hackers stole the data of 30M users. The attacker mapped the profiles of about "
     "20% of its users.", "breach"),
])
def test_the_victim_tied_to_the_event(parser: BreachParser, text: str, why: str) -> None:
    breach, got = parser.analyse(text)
    assert got == why and breach is not None and breach.service in ("Кворло", "Quorlo")


@pytest.mark.parametrize(("victim_at", "events", "tie"), [
    ([5], {0: evidence.STRONG}, 2.0),           # in the strong event's sentence
    ([5], {0: evidence.WEAK}, 1.0),             # in a weak event's sentence (an attack without data)
    ([45], {0: evidence.STRONG}, 1.5),          # the sentence right after the event
    ([88], {0: evidence.STRONG}, 1.0),          # two sentences after it
    ([108], {0: evidence.STRONG}, 0.5),         # far from it
])
def test_tie_levels(victim_at: list[int], events: dict[int, int], tie: float) -> None:
    from bot.breaches.lemmas import tokens

    text = "Хакеры похитили данные клиентов сервиса. Вчера журналистам газеты звонил читатель. " \
           "Позже сайт заработал. Кворло молчит."
    spans = [(0, 40), (41, 82), (83, 104), (105, len(text))]
    assert evidence.tie_of(victim_at, events, tokens(text), spans, head_end=40) == tie


@pytest.mark.parametrize(("text", "records"), [
    # a hundred in words, alone and as a factor
    ("Хакеры похитили данные более ста клиентов сервиса «Кворло».", 100),
    ("Хакеры похитили данные ста тысяч клиентов сервиса «Кворло».", 100_000),
    # the company's whole base after "of its" is not the leak's count; the neighbour without it is
    ("Hackers stole records of 2,000,000 Quorlo customers. The carrier said 3% of its 77 million customers were "
     "affected.", 2_000_000),
    ("Hackers stole the records of 77 million Quorlo customers.", 77_000_000),
    # Indian and business scales: "22 Mn", "45 lakh", "3 crore"
    ("Data of 22 Mn Quorlo users available for sale.", 22_000_000),
    ("Personal data of 45 lakh Quorlo passengers leaked.", 4_500_000),
    ("Data of 3 crore Quorlo users leaked.", 30_000_000),
    # citizens and candidates are counted people
    ("The database held balances on more than 10 million citizens.", 10_000_000),
    ("Details of 190,000 candidates for the Quorlo test were leaked.", 190_000),
    # an exact figure wins only when the round one is its rounding: "3m+" and 3,300,638; not 73 million and 65.4
    ("Hackers stole 3m+ patients' records. It affected 3,300,638 patients.", 3_300_638),
    ("Data of an estimated 73 million current and former customers leaked. It affects 7.6 million individuals with "
     "active Quorlo accounts and 65.4 million former account holders.", 73_000_000),
    # a range counts with its lower bound; a part of the whole counts what the whole does
    ("The carrier said three per cent of its customers were affected, or about two million to 2.5 million of its "
     "77 million customers.", 2_000_000),
    ("Утекли данные от 1 до 1,5 млн клиентов сервиса «Кворло».", 1_000_000),
    ("Hackers stole the records of 300,000 of its 2 million customers.", 300_000),
    # a noun before the number
    ("The company specified the number of victims was 521,046, and each received a letter.", 521_046),
    ("Число пострадавших клиентов составило 4 тыс.", 4_000),
    # a number of a smaller scale right after one of a larger is its remainder
    ("Утекли данные 2 млн 300 тыс. клиентов сервиса «Кворло».", 2_300_000),
    ("Утекли данные 2 млн клиентов сервиса «Кворло», 300 тыс. из них с паспортами.", 2_000_000),
])
def test_the_count_that_belongs_to_this_leak(text: str, records: int) -> None:
    from bot.breaches.extract import extract_counts

    assert extract_counts(text)[0] == records


@pytest.mark.parametrize(("text", "why"), [
    # a regulator confirming a counted leak is its witness, not a doubt; what it does next (a protocol for the
    # court) is the leak's follow-up
    ("Роскомнадзор (РКН) подтвердил информацию об утечке данных почти 1 млн клиентов банка «Кворло». РКН составил "
     "протокол, он будет передан в суд. В открытом доступе оказались ФИО и телефоны.", "breach"),
    # without a count or any support, the confirmation alone is a draft
    ("Роскомнадзор подтвердил утечку данных клиентов банка «Кворло».", "unsure:weak_evidence"),
    # a regulator checking a report confirms nothing: a draft
    ("Роскомнадзор начал проверку информации об утечке данных 1 млн клиентов банка «Кворло».", "unsure:regulator"),
])
def test_a_regulator_confirming_a_counted_leak_is_sure(parser: BreachParser, text: str, why: str) -> None:
    breach, got = parser.analyse(text)
    assert got == why and breach is not None and breach.service == "Кворло"


@pytest.mark.parametrize(("text", "why"), [
    # below a headline that reports the leak with its size, a lawsuit is the follow-up
    ("Quorlo Health, a chain of hospitals, reported a data breach that compromised the records of nearly 900,000 "
     "patients, including names and addresses. The company faces class action lawsuits over the incident.", "breach"),
    # the neighbour: the headline reports no size, so the lawsuit may be the story (binned, as before)
    ("Quorlo Health, a chain of hospitals, reported a data breach. The company faces class action lawsuits over the "
     "incident, in which names and addresses of 900,000 patients were compromised.", "off_topic:penalty"),
    # and a sanction that is the news now ("Now a court has ordered…") makes the counted leak the old story
    ("Quorlo Health reported a breach of 2 million customers' names and emails in 2019. Now a court has ordered it "
     "to pay $10 million to the victims.", "off_topic:penalty"),
])
def test_a_lawsuit_below_a_counted_report_is_its_follow_up(parser: BreachParser, text: str, why: str) -> None:
    breach, got = parser.analyse(text)
    assert got == why and (why != "breach" or breach.service == "Quorlo Health")


@pytest.mark.parametrize(("text", "service"), [
    # the capitalised phrase that opens a sentence whose verb reports the leak is its subject (named only there)
    ("В Сеть выложили личные данные 6 тыс. студентов.\nУниверситет штата Кворло официально сообщил о крупной утечке "
     "данных 6 тыс. студентов.", "Университет штата Кворло"),
    # whoever reports it, or a place, is not
    ("В Сеть выложили личные данные 6 тыс. студентов.\nЭксперты Кворло сообщили о крупной утечке данных 6 тыс. "
     "студентов.", None),
    ("В Сеть выложили личные данные 6 тыс. студентов.\nВ Нижнем Кворло сообщили о крупной утечке данных 6 тыс. "
     "студентов.", None),
])
def test_the_subject_of_a_russian_report(parser: BreachParser, text: str, service: str | None) -> None:
    breach = parser.parse(text)
    assert (breach.service if breach else None) == service


@pytest.mark.parametrize(("text", "alerts"), [
    # the company's own word that the data is not from its systems is a denial
    ("A threat actor leaked the data of over 70 million people on a dark web forum and claimed it was stolen from "
     "Quorlo. The company said the information does not appear to have come from our systems.", False),
    ("Хакер выложил базу 2 млн клиентов сервиса «Кворло». В компании заявили, что данные получены не из наших "
     "систем.", False),
    # the neighbour: where the data came from, said by the reporter
    ("A threat actor leaked the data of over 70 million people on a dark web forum. The data came from the systems "
     "of Quorlo, the company said.", True),
    # a hack of last year in the headline is no new leak (below SURE: a draft at most)
    ("Following a hack last year, Quorlo tried to buy back the stolen data of 30 million customers.", False),
    ("Following a hack last week, Quorlo said hackers stole the data of 30 million customers.", True),
    # the police taking a market of stolen data down is no leak of one service
    ("Global operation takes down hackers' leaked data market\nPolice dismantled the Quorlo forum, which sold the "
     "stolen data of millions of people, including card numbers and emails.", False),
])
def test_denials_old_news_and_takedowns(parser: BreachParser, text: str, alerts: bool) -> None:
    assert (parser.parse(text) is not None) == alerts


@pytest.mark.parametrize(("headline", "many"), [
    # leaks and dumps in the plural are a collection of them; one dump is one leak
    ("Неизвестный слил свежие сливы дампов с сайта «Кворло»", True),
    ("Неизвестный слил свежий дамп базы сайта «Кворло»", False),
])
def test_leaks_in_the_plural_are_many_events(headline: str, many: bool) -> None:
    from bot.breaches.lemmas import tokens

    ev = evidence.counter_of(headline, tokens(headline), len(headline), len(headline), has_count=False)
    assert ("many_events" in ev.why) == many


@pytest.mark.parametrize(("text", "vague"), [
    ("Quorlo said only a few thousand account numbers were affected.", True),
    ("Hackers stole the data of several million Quorlo users.", True),
    ("Hackers stole the data of Quorlo users.", False),
])
def test_vague_counts_in_english(text: str, vague: bool) -> None:
    from bot.breaches import lexicon as L
    from bot.breaches.lemmas import tokens

    assert L.VAGUE_COUNT.any(tokens(text)) == vague



@pytest.mark.parametrize(("headline", "scam"), [
    # fraudsters who took the data are its thieves, not a scam warning
    ("Retailers have become a profitable target for cyber fraudsters, with Quorlo joining the list", False),
    # the neighbour: a phishing warning
    ("Beware of phishing after the Quorlo breach", True),
])
def test_fraudsters_who_stole_data_are_no_scam_warning(headline: str, scam: bool) -> None:
    from bot.breaches.lemmas import tokens

    ev = evidence.counter_of(headline, tokens(headline), len(headline), len(headline), has_count=True)
    assert ("scam" in ev.why) == scam


def test_data_found_online_is_a_leak(parser: BreachParser) -> None:
    breach, why = parser.analyse("The personal details of 600,000 Quorlo customers have been found online, the "
                                 "company confirmed.")
    assert why != "no_leak_event" and breach is not None and breach.service == "Quorlo"


@pytest.mark.parametrize(("text", "service"), [
    # an insider selling or passing on the data
    ("Сотрудник «Кворло» продал данные 20 тыс. клиентов: ФИО и телефоны.", "Кворло"),
    # data open to anyone
    ("Из-за ошибки сотрудников данные 10 тысяч клиентов «Кворло» были доступны всем в интернете.", "Кворло"),
    ("Из-за ошибки данные 10 тысяч клиентов «Кворло» с ФИО и телефонами были доступны всем.", "Кворло"),
    # "hit by" a ransomware attack, whose data the same sentence tells
    ("Quorlo hit by ransomware attack; hackers claim to have stolen 2TB of data including customer names and emails.",
     "Quorlo"),
    # the neighbours: a service available in new regions, an outage
    ("Сервис «Кворло» стал доступен в новых регионах: 2 млн клиентов смогут заказывать доставку.", None),
    ("Quorlo was hit by an outage that left 2 million customers without service.", None),
])
def test_more_ways_news_tells_data_left_its_owner(parser: BreachParser, text: str, service: str | None) -> None:
    breach = parser.parse(text)
    assert (breach.service if breach else None) == service


def test_an_explainer_of_a_leak_is_no_new_leak(parser: BreachParser) -> None:
    text = "How the Quorlo breach happened: a timeline of the hack that exposed 2 million customers."
    assert parser.parse(text) is None and parser.analyse(text)[1] == "unsure:advice"


@pytest.mark.parametrize(("text", "service"), [
    # whose people, wherever the data was kept; a phishing attack is how the breach began, not a scam warning
    ("Hackers have stolen the data of 10,000 employees of Quorlo from a payroll provider.", "Quorlo"),
    ("Hackers stole the data of 10,000 customers of Quorlo after a phishing attack.", "Quorlo"),
])
def test_whose_people_and_how_it_began(parser: BreachParser, text: str, service: str) -> None:
    breach = parser.parse(text)
    assert breach is not None and breach.service == service


@pytest.mark.parametrize(("text", "why"), [
    # «утечки не произошло» is the company's denial; a criminal case is a legal story
    ("Кворло: при хакерской атаке утечки персональных данных не произошло\nПерсональные данные клиентов сервиса в "
     "безопасности.", "denial"),
])
def test_no_leak_is_a_denial(parser: BreachParser, text: str, why: str) -> None:
    assert parser.analyse(text)[1] == why


def test_a_spared_data_class_below_the_headline_is_no_denial(parser: BreachParser) -> None:
    text = ("Хакеры выложили базу 2 млн клиентов сервиса «Кворло» с ФИО и телефонами.\nКомпания сообщила, что утечки "
            "платежных данных не произошло.")
    assert parser.analyse(text)[1] == "breach"


@pytest.mark.parametrize(("text", "why"), [
    # a criminal case in the headline is a legal story
    ("The Investigative Committee opened a criminal case against Quorlo due to a leak of customer data.", "off_topic"),
    ("Против «Кворло» возбудили уголовное дело из-за утечки данных 2 млн клиентов.", "off_topic"),
    # below it, a detail of a breach report
    ("Хакеры выложили базу 2 млн клиентов сервиса «Кворло» с ФИО и телефонами.\nПо факту утечки возбуждено "
     "уголовное дело.", "breach"),
])
def test_a_criminal_case_in_the_headline_is_a_legal_story(parser: BreachParser, text: str, why: str) -> None:
    assert parser.analyse(text)[1] == why


def test_files_made_accessible_online_are_a_venue() -> None:
    from bot.breaches import lexicon as L
    from bot.breaches.lemmas import tokens

    assert L.CONCRETE.any(tokens("A misconfigured setting made certain files accessible online."))
    assert not L.CONCRETE.any(tokens("The new portal is accessible online for every customer."))


@pytest.mark.parametrize(("text", "why"), [
    # a company confirming its breach, with where the data surfaced: the leak's witness, an alert
    ("Quorlo Confirms Data Breach Affecting Customer Information\nQuorlo, the pet products retailer, has confirmed a "
     "security lapse that exposed the personal information of some of its customers. The breach stemmed from a "
     "misconfigured setting that made certain files accessible online.", "breach"),
    # the bare confirmation, with nothing to support it, stays a draft
    ("Quorlo Confirms Data Breach\nQuorlo, the pet products retailer, has confirmed a security incident.",
     "unsure:weak_evidence"),
])
def test_a_company_confirming_its_breach_is_its_witness(parser: BreachParser, text: str, why: str) -> None:
    breach, got = parser.analyse(text)
    assert got == why and breach is not None and breach.service == "Quorlo"


@pytest.mark.parametrize(("text", "event"), [
    # theft in other words, without an attacker's word to carry it
    ("Сотрудник завладел данными клиентов сервиса.", True),
    ("Сотрудник скачал базу клиентов сервиса.", True),
    ("Произошло хищение данных клиентов сервиса.", True),
    ("Someone siphoned the data of the customers.", True),
    ("Someone made off with the records of the customers.", True),
    ("В сеть попали данные клиентов сервиса.", True),
    # the neighbours: an app downloaded, a product stolen
    ("Сотрудники скачали новое приложение.", False),
    ("Someone made off with a delivery van.", False),
])
def test_theft_of_data_in_other_words_is_an_event(text: str, event: bool) -> None:
    from bot.breaches.lemmas import sentences, tokens

    assert bool(evidence.sentence_events(tokens(text), sentences(text))) == event
