"""Reading a question once (bot/understanding): what a `Query` finds in it, which intent answers it and which must
not. Table-driven: every example of issue 12 and its near neighbours."""

from __future__ import annotations

import pytest

from bot.answers import _search, answer_question
from bot.kb import KnowledgeBase
from bot.understanding import intents as I
from bot.understanding import rank
from bot.understanding.lexicon import reader_for
from bot.understanding.query import Query
from bot.understanding.reader import Reader


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader()


def read(reader: Reader, text: str, lang: str = "ru") -> Query:
    return reader.read(text, lang)


# ------------------------------------------------------------------------------------------ words and terms
@pytest.mark.parametrize(("text", "concept"), [
    ("штрафы", "fine"), ("штрафом", "fine"), ("оштрафовали", "fine"), ("fined", "fine"), ("penalties", "fine"),
    ("утечка", "leak"), ("утекли", "leak"), ("утекла", "leak"), ("слили", "leak"), ("leaked", "leak"),
])
def test_word_forms_meet_in_one_concept(reader: Reader, text: str, concept: str) -> None:
    assert concept in read(reader, text).concepts


@pytest.mark.parametrize(("text", "absent"), [
    ("define a data breach", "fine"),         # "de-fine"
    ("paypal account locked", "fine"),        # "pay-pal"
    ("a refined idea", "fine"),
    ("top 10 similar GDPR fines", "sim"),
])
def test_a_term_matches_only_as_a_whole_word(reader: Reader, text: str, absent: str) -> None:
    q = read(reader, text, "en")
    assert absent not in q.concepts and "ru_sim" not in q.laws


def test_a_company_is_named_by_its_own_word(real_kb: KnowledgeBase) -> None:
    reader = reader_for(real_kb)
    assert reader.read("for the second time", "en").companies == set()          # not TIM
    assert reader.read("a Russian bank leaked data", "en").companies == set()   # a bank, not one bank
    assert reader.read("tiktoks fine", "en").companies


# A word of a fined company's name that is also an ordinary word of the knowledge base's texts ("Social" in a bank's
# name, "Press", "Shop", "Credit") names that company only when the question writes it with a capital.
@pytest.mark.parametrize("text", [
    "how many customers were affected when the records were published online",
    "a small web shop leaked emails of its clients",
    "can a credit bureau keep my data after I close the account",
    "was the tax office fined under the gdpr",
    "my social media account was hacked, who do I tell",
    "Social media account hacked. Published my photos, what can I do",   # a sentence's first word
])
def test_an_ordinary_word_lowercase_is_no_company(real_kb: KnowledgeBase, text: str) -> None:
    assert reader_for(real_kb).read(text, "en").companies == set()


@pytest.mark.parametrize(("text", "word"), [
    ("what fine did Equifax get in spain", "equifax"),
    ("fine against Social Media Company in 2020", "social"),   # written as a name
    ("facebook fine 2023", "facebook"),                    # a name the texts never write in lowercase
    ("how do i delete my facebook account", "facebook"),  # but in its address, facebook.com
    ("штраф uber в нидерландах", "uber"),
    ("marriot hack fine", "marriott"),                       # a long name one letter off
    ("equifx breach fine in spain", "equifax"),
    ("yahooo breach how many acounts", "yahoo"),           # a key pressed twice, in a name of five letters
    ("equiffax settlement", "equifax"),
    ("DPC оштрафовал мету на 251 млн евро", "meta"),       # a brand written in Russian, in any case («мета»)
    ("штраф гуглу во франции", "google"),
])
def test_a_name_is_a_company_in_any_case(real_kb: KnowledgeBase, text: str, word: str) -> None:
    from bot.kb import text as T
    assert T.term(word) in reader_for(real_kb).read(text, "en").companies


@pytest.mark.parametrize(("text", "parents"), [
    ("facebook view as breach fine", {"meta"}),   # Meta Platforms Ireland runs Facebook: its decisions are Facebook's
    ("штраф ватсап", {"meta"}),
    ("youtube fine", {"alphabet"}),
    ("meta fine", set()),                         # the owner named: every brand of it is named already
    ("tiktok fine", set()),
])
def test_a_brand_names_its_owner_as_its_parent(real_kb: KnowledgeBase, text: str, parents: set[str]) -> None:
    from bot.kb import text as T
    assert reader_for(real_kb).read(text, "en").parent_companies == {T.term(p) for p in parents}


@pytest.mark.parametrize(("text", "lang"), [
    # the European Commission names the EU, and so the GDPR: its adequacy decisions, not Roskomnadzor's list
    ("какие страны признаны Еврокомиссией обеспечивающими адекватную защиту данных", "ru"),
    ("which countries has the European Commission found adequate", "en"),
])
def test_the_european_commission_names_the_eu(reader: Reader, text: str, lang: str) -> None:
    q = read(reader, text, lang)
    assert "EU" in q.countries and q.regimes == ["gdpr"]


def test_an_authority_is_named_by_its_whole_name(reader: Reader) -> None:
    assert read(reader, "data protection in mexico", "en").authorities == []
    assert read(reader, "what did the ICO fine British Airways", "en").authorities == ["ico"]


@pytest.mark.parametrize(("text", "how", "concepts"), [
    ("inhfa pf entxre ,bjvtnhbb", "layout", {"fine", "leak", "biometric"}),
    ("shtraf za utechku biometricheskih dannyh", "translit", {"fine", "leak", "biometric"}),
    ("kogda uvedomlyat ob utechke personalnyh dannyh", "translit", {"notify", "leak", "privacy_topic"}),  # ь
])
def test_wrong_layout_and_transliteration_are_read_as_russian(reader: Reader, text: str, how: str,
                                                              concepts: set[str]) -> None:
    q = read(reader, text)
    assert q.repaired == how and q.lang == "ru" and concepts <= q.concepts


# A name written in Latin letters inside a question typed on the wrong layout or in transliteration stays the name
# ("equifax" is not «уйгшафч»), and the question is still read back as Russian.
@pytest.mark.parametrize(("text", "how", "kept", "concepts"), [
    ("crjkmrj rkbtynjd pfnhjyekf entxrf equifax", "layout", "equifax", {"leak", "count_question"}),
    ("inhfa tiktok pf entxre", "layout", "tiktok", {"fine", "leak"}),
    ("kakoi shtraf poluchil uber za utechku", "translit", "uber", {"fine", "leak"}),
    ("Yandex yanvar skolko utechek bylo", "translit", "yandex", {"leak"}),
])
def test_a_latin_name_survives_the_repair(real_kb: KnowledgeBase, text: str, how: str, kept: str,
                                          concepts: set[str]) -> None:
    q = reader_for(real_kb).read(text, "ru")
    assert q.repaired == how and kept in q.text.split() and concepts <= q.concepts


# The other direction: English typed on the Russian layout is read back as English, with what it names.
@pytest.mark.parametrize(("text", "english", "concepts"), [
    ("ьфккшщее шсщ ашту фьщгте", "marriott ico fine amount", {"fine"}),
    ("вфеф икуфср ещ сщьзфтн", "data breach to company", {"leak"}),
    ("пвзк ашту", "gdpr fine", {"fine"}),
])
def test_english_typed_on_the_russian_layout_is_read_back(real_kb: KnowledgeBase, text: str, english: str,
                                                          concepts: set[str]) -> None:
    q = reader_for(real_kb).read(text, "ru")
    assert q.repaired == "layout" and q.text == english and q.lang == "en" and concepts <= q.concepts


@pytest.mark.parametrize("text", ["штраф за утечку", "ркн штраф", "что такое gdpr", "утечка в сбер", "ооо штраф"])
def test_russian_is_not_read_as_english_on_the_other_layout(real_kb: KnowledgeBase, text: str) -> None:
    assert reader_for(real_kb).read(text, "ru").repaired is None


# Telling the people whose data it is (GDPR Art. 34) is asked apart from notifying the regulator: the subject noun is
# the verb's addressee (a dative, or its object), not the owner of the data leaked.
@pytest.mark.parametrize(("text", "tells_people"), [
    ("а самим сотрудникам по GDPR обязаны сообщать? какая статья?", True),
    ("нужно ли сообщать пользователям об утечке", True),
    ("уведомить клиентов об утечке", True),
    ("do we have to tell the customers themselves", True),
    ("notify affected individuals of a breach", True),
    ("сообщить в ркн об утечке данных клиентов", False),
    ("notify the regulator about customer data", False),
])
def test_telling_the_people_is_read_apart_from_the_regulator(real_kb: KnowledgeBase, text: str,
                                                             tells_people: bool) -> None:
    assert ("notify_subjects" in reader_for(real_kb).read(text, "ru").concepts) is tells_people


@pytest.mark.parametrize(("latin", "russian"), [("kakoi", "какой"), ("drugoi", "другой"), ("yanvar", "январь"),
                                                ("dekabr", "декабрь"), ("uvedomleniy", "уведомлений")])
def test_transliteration_spells_the_soft_sign_and_short_i(reader: Reader, latin: str, russian: str) -> None:
    assert reader._russian_spelling(latin) == russian


@pytest.mark.parametrize("text", ["€1.2 billion fine Meta 2023", "data breach fine in Ireland", "meta fine"])
def test_english_is_not_mistaken_for_transliteration(reader: Reader, text: str) -> None:
    assert read(reader, text, "en").repaired is None


# ------------------------------------------------------------------------------------------ what is named
@pytest.mark.parametrize(("text", "laws"), [
    ("штраф по 13.11 КоАП", ["koap"]),
    ("с какого числа начали действовать новые штрафы по 420-ФЗ", ["koap"]),
    ("what does GDPR article 33 say", ["gdpr"]),
    ("DPDP Rules 2025 deadline", ["dpdp"]),
    ("what does APPI say about consent", ["appi"]),
    ("LGPD fines in Brazil", ["lgpd"]),
    ("CCPA opt-out rules", ["ccpa"]),
    ("leak of 1520 customer records", []),    # 1520 is not 152-FZ
    ("утечка в Евросети", []),                # the euro only as a word of its own
])
def test_laws_named(reader: Reader, text: str, laws: list[str]) -> None:
    assert read(reader, text).laws == laws


@pytest.mark.parametrize(("text", "value", "kind", "currency"), [
    ("утекла база ~50 тыс клиентов-физлиц", 50_000, "subjects", None),
    ("утекло 50 тысяч записей клиентов", 50_000, "identifiers", None),
    ("we leaked 2000 customer records", 2_000, "identifiers", None),
    ("выручка 5 млрд рублей", 5 * 10**9, "revenue", "RUB"),
    ("Meta's €1.2 billion fine", 1.2 * 10**9, "money", "EUR"),
    ("a penalty of ₹250 crore", 250 * 10**7, "money", "INR"),
    ("сколько утечек было в 2024 году", 2024, "year", None),
    # a year-like figure after a publisher or a company is its year, whatever follows
    ("dlbi 2023 unique emails leaked", 2023, "year", None),
    ("infowatch 2024 records from russian companies", 2024, "year", None),
    ("we exposed 2024 customer records", 2024, "identifiers", None),   # a verb before it: a count
    ("уведомить за 24 часа", 24, "duration", None),
])
def test_numbers_are_read_with_what_they_count(reader: Reader, text: str, value: float, kind: str,
                                               currency: str | None) -> None:
    found = read(reader, text).numbers
    assert [(n.value, n.kind, n.currency) for n in found] == [(pytest.approx(value), kind, currency)]


@pytest.mark.parametrize(("text", "years"), [
    # a reporting year spans two calendar years, and its second half counts nothing
    ("ICO personal data breach reports in 2023/24", [2023, 2024]),
    ("ico complaints 2024-25", [2024, 2025]),
    ("fines from 2019 to 2024", [2019, 2024]),
    ("в 2023 году", [2023]),
])
def test_a_reporting_year_names_both_years(reader: Reader, text: str, years: list[int]) -> None:
    q = read(reader, text, "en")
    assert sorted(q.years) == years and not any(n.kind != "year" for n in q.numbers)


def test_a_publisher_named_in_a_title_does_not_make_it_a_statistic(real_kb: KnowledgeBase) -> None:
    # "How to check whether your data leaked: Have I Been Pwned and Kaspersky's leak check" is advice that names a
    # publisher of statistics; its title reads as a source, not as a published statistic
    title = rank._titles(real_kb)["leak-check-email-hibp"][0]
    assert "published_statistic" not in title


@pytest.mark.parametrize(("text", "anchored"), [
    # a publisher of the bot's statistics beside a word of its topics anchors a question; alone it does not
    ("which country fined the most in the year to jan 2022 dla piper", True),
    ("infowatch how many leaks in 2024", True),
    ("DLA Piper office in London address", False),
    ("kaspersky antivirus price", False),
])
def test_a_publisher_anchors_beside_a_topic_word(real_kb: KnowledgeBase, text: str, anchored: bool) -> None:
    assert reader_for(real_kb).read(text, "en").anchored is anchored


@pytest.mark.parametrize(("text", "editions"), [
    # a year beside a publisher or a report's word names the edition
    ("DLA Piper 2025 survey: what was the largest GDPR fine of 2024", {2025}),
    ("сколько всего оштрафовала Ирландия по GDPR по обзору DLA Piper 2025", {2025}),
    ("according to the 2024 CMS report", {2024}),
    # ... a year of the period asked about does not
    ("how many data leaks did roskomnadzor record in 2023", set()),
    ("CERT-In number of cyber security incidents in 2022 india", set()),   # "in" of a name is no publisher
    ("total gdpr fines in 2024 dla piper", set()),        # the period asked, whoever counted it
])
def test_a_year_beside_a_publisher_names_an_edition(real_kb: KnowledgeBase, text: str, editions: set[int]) -> None:
    assert reader_for(real_kb).read(text, "en").edition_years == editions


def test_the_edition_named_answers(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "DLA Piper 2025 survey: what was the largest GDPR fine of 2024", "en")
    assert answer.entry is not None and answer.entry.id == "gdpr-dla-piper-survey-2025"


def test_a_year_like_figure_after_a_company_is_its_year(real_kb: KnowledgeBase) -> None:
    q = reader_for(real_kb).read("Equifax 2017 customers affected", "en")
    assert q.years == [2017] and not q.counts("subjects")


def test_articles_and_parts(reader: Reader) -> None:
    q = read(reader, "обработка пдн без законных оснований (ч.1 ст 13.11)")
    assert [(a.number, a.part) for a in q.articles] == [("13.11", "1")]
    assert [a.number for a in read(reader, "локализация — какая статья 152-ФЗ?").articles] == []


@pytest.mark.parametrize(("text", "offender"), [
    ("у нас утекла база ~50 тыс клиентов-физлиц, какой штраф грозит ООО по 13.11?", "legal"),
    ("утекли данные физлиц, штраф компании?", "legal"),
    ("данные 500 граждан утекли из банка", "legal"),
    ("штраф для физлица за утечку 500 записей", "citizen"),
    ("какой штраф гражданину за утечку", "citizen"),
    ("штраф директору за утечку биометрии 200 клиентов", "official"),
    ("ИП слил базу клиентов, какой штраф", "sole_trader"),
    ("our LLC leaked the data of 3,000 customers", "legal"),
    ("fine for leaking individuals' data", None),      # the people whose data it was
    ("As a private person in Russia I leaked 1,500 people's data", "citizen"),
    ("I'm a sole proprietor, my customer list leaked", "sole_trader"),
    ("утекли данные физических лиц из ООО", "legal"),
    ("физическое лицо слило базу", "citizen"),
    ("утечка данных 5 тысяч клиентов", None),
])
def test_the_offender_is_read_by_role_not_by_word(reader: Reader, text: str, offender: str | None) -> None:
    assert read(reader, text).offender == offender


# ------------------------------------------------------------------------------------------ intents
ESTIMATE, DEADLINE, LIST, STATS, LOOKUP = I.ESTIMATE, I.DEADLINE, I.FINES_LIST, I.FINES_STATS, I.LOOKUP


@pytest.mark.parametrize(("text", "lang", "intent"), [
    # a fine estimate: a leak, a regime, a fact about the case
    ("у нас утекла база ~50 тыс клиентов-физлиц, какой штраф грозит ООО по 13.11?", "ru", ESTIMATE),
    ("утекли данные 5 тысяч клиентов, какой штраф юрлицу", "ru", ESTIMATE),
    ("our company leaked data of 50k customers in russia, what fine under koap", "en", ESTIMATE),
    ("DPDP penalty for a leak of 1 million users", "en", ESTIMATE),
    ("GDPR штраф рассчитать оборот 100 млн евро", "ru", ESTIMATE),      # the GDPR ceilings need no leak
    ("какой штраф за утечку биометрии", "ru", LOOKUP),                    # nothing to compute with
    ("максимальный оборотный штраф за утечку персданных", "ru", LOOKUP),  # the law's ceiling
    ("define a data breach under GDPR", "en", LOOKUP),
    ("how much was Meta fined for the leak of 533 million users", "en", LOOKUP),   # a known fine's incident
    ("fine for a company that doesnt report a data leak to roskomnadzor", "en", LOOKUP),
    ("штраф ООО за неуведомление РКН об утечке", "ru", LOOKUP),
    ("what fine does a leak of 5000 records bring under Japan's APPI", "en", LOOKUP),
    ("компанию оштрафовали за утечку, можно ли обжаловать", "ru", LOOKUP),        # an appeal, not an estimate
    ("I'm a sole proprietor in Russia, my customer list of 3,000 people leaked. What's my fine?", "en", ESTIMATE),
    ("в нашей компании сотрудник слил базу клиентов, 300 тысяч человек, выручка 12 млрд", "ru", ESTIMATE),
    # a deadline: a moment of discovery and a notify / when question
    ("когда уведомить РКН если утечку обнаружили вчера в 18:00", "ru", DEADLINE),
    ("we discovered the breach 2 days ago, when must we notify the DPC?", "en", DEADLINE),
    ("в какой срок нужно сообщить об утечке по GDPR", "ru", LOOKUP),      # no moment: the entry says 72 hours
    ("how many breach notifications per day do EU regulators get now (dla piper 2026)?", "en", LOOKUP),
    ("с какого числа начали действовать новые штрафы по 420-ФЗ", "ru", LOOKUP),
    ("when did the new russian leak fines under 420-FZ come into force", "en", LOOKUP),
    # a list of the fines on record
    ("top 10 GDPR fines", "en", LIST),
    ("whats the biggest gdpr fine ever and who got hit with it?", "en", LIST),
    ("какой самый крупный штраф по GDPR за всё время и кому?", "ru", LIST),
    ("штрафы в Италии", "ru", LIST),
    ("fines against Meta", "en", LIST),
    ("top 10 similar GDPR fines", "en", LIST),
    ("крупнейшие штрафы в России", "ru", LOOKUP),          # Russian fines are not in the GDPR data
    ("the biggest fine under DPDP", "en", LOOKUP),
    ("GDPR max fine percent of turnover", "en", LOOKUP),
    ("what is the upper tier of GDPR fines", "en", LOOKUP),
    ("штраф WhatsApp в Ирландии 2021", "ru", LOOKUP),      # one decision: its entry
    ("what was the first GDPR fine ever", "en", LOOKUP),   # not the largest
    ("smallest GDPR fine", "en", LOOKUP),
    ("second largest GDPR fine", "en", LIST),              # the top five, the second among them
    ("второй по величине штраф GDPR", "ru", LIST),
    # statistics over the fines on record: narrowed, never a published total
    ("how many fines did Spain issue", "en", STATS),
    ("total GDPR fines of Meta", "en", STATS),
    ("average fine under article 32", "en", STATS),
    ("according to DLA Piper's Jan 2026 survey, total GDPR fines since 2018 = ?", "en", LOOKUP),
    ("roughly how many fines were in the CMS GDPR enforcement tracker by march 2025", "en", LOOKUP),
    ("total GDPR fines", "en", LOOKUP),
    ("which country fines most under the GDPR", "en", LOOKUP),
    ("what is the average GDPR fine", "en", LOOKUP),
    ("total number of GDPR fines by the end of 2024", "en", LOOKUP),
    ("how many GDPR fines were there in 2024", "en", LOOKUP),     # a year of the sample is not the year's count
    # "how many <people / records>" counts those affected, not fines, though a company's fine is named
    ("how many customers were hit by the breach British Airways was fined for", "en", LOOKUP),
    ("how many accounts were exposed in the leak behind Meta's 2022 fine in Ireland", "en", LOOKUP),
    ("сколько клиентов пострадало от утечки, за которую оштрафовали Uber", "ru", LOOKUP),
    ("number of records in the Marriott breach the ICO fined", "en", LOOKUP),
    ("сколько штрафов получил Google во Франции", "ru", STATS),    # fines counted
    ("how many fines has Meta received in Ireland", "en", STATS),
    # one fine's sum ("the combined fine": Facebook's and Instagram's in one decision) is that decision's, not a sum
    ("what was the combined fine for Facebook and Instagram in Ireland", "en", LOOKUP),
    ("общая сумма штрафа Meta в Ирландии", "ru", LOOKUP),
    ("combined fines of Facebook and Instagram in Ireland", "en", STATS),
    ("общая сумма штрафов Meta в Ирландии", "ru", STATS),
    # ... and so is one settlement's: what the company paid to end one case, not a sum of its fines on record
    ("equifax breach settlement total", "en", LOOKUP),
    ("what was the total of the Equifax settlement", "en", LOOKUP),
    # chat slang for «сколько» counts as «сколько» does; "of all time" beside a count is a total, not a record
    ("скок штрафов по gdpr насобирали за все время", "ru", LOOKUP),
    ("how many gdpr fines of all time", "en", LOOKUP),
    ("whats the biggest gdpr fine ever and who got hit with it?", "en", LIST),
    # figures over time are a series: the year-by-year entry, not a list or the sample's statistics
    ("gdpr fines by year", "en", LOOKUP),
    ("штрафы gdpr по годам", "ru", LOOKUP),
    ("крупнейшие штрафы GDPR по годам", "ru", LIST),   # the largest ones, year by year: a list
    # "how much in fines" sums: a year's total is a published figure, not the list of the year's decisions
    ("how much in gdpr fines in 2021", "en", LOOKUP),
    ("на какую сумму оштрафовали meta в ирландии", "ru", STATS),
])
def test_the_intent_is_chosen_by_what_the_question_carries(real_kb: KnowledgeBase, text: str, lang: str,
                                                           intent: str) -> None:
    best, _ = I.choose(reader_for(real_kb).read(text, lang))
    assert best.intent == intent


@pytest.mark.parametrize(("text", "lang", "published"), [
    # the regulator's own figures for the year asked: its count, not the bot's sample of its decisions
    ("CNIL how many sanctions in 2024 and how much in fines", "en", True),
    ("сколько санкций вынес французский регулятор CNIL в 2023 году", "ru", True),
    # no year: the sample narrowed to the regulator answers, and says it is a sample
    ("how many fines has the CNIL issued", "en", False),
    # a regulator no entry publishes the year's figures of
    ("how many fines did the Garante issue in 2024", "en", False),
])
def test_a_published_figure_answers_a_statistics_question_about_it(real_kb: KnowledgeBase, text: str, lang: str,
                                                                  published: bool) -> None:
    q = reader_for(real_kb).read(text, lang)
    assert rank.publishes_the_figure(real_kb, q, _search(real_kb, q)) is published
    assert (answer_question(real_kb, text, lang).intent == STATS) is not published


def test_when_two_intents_fit_the_other_is_the_runner_up(real_kb: KnowledgeBase) -> None:
    best, other = I.choose(reader_for(real_kb).read("утекли данные 5 тысяч клиентов, какой штраф юрлицу", "ru"))
    assert best.intent == ESTIMATE and other is not None and other.intent == LOOKUP


# ------------------------------------------------------------------------------------------ whole replies
def unsure(text: str) -> bool:
    first = text.split("\n", 1)[0].lower()
    return "не уверен" in first or "not sure" in first


@pytest.mark.parametrize(("text", "lang"), [
    ("рецепт борща", "ru"), ("какая погода в москве завтра", "ru"), ("who won the 2018 world cup", "en"),
    ("штраф гибдд за превышение скорости", "ru"), ("what is the penalty for a handball in football", "en"),
    ("утечка газа в квартире куда звонить", "ru"), ("tell me a joke", "en"), ("привет, что ты умеешь?", "ru"),
    ("data science bootcamp online", "en"),
])
def test_out_of_scope_questions_get_an_honest_not_sure(real_kb: KnowledgeBase, text: str, lang: str) -> None:
    answer = answer_question(real_kb, text, lang)
    assert unsure(answer.text) and answer.entry is None


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("what does APPI say about consent", "en", "APPI"),
    ("LGPD fines in Brazil", "en", "LGPD"),
    ("какие штрафы по CCPA", "ru", "CCPA"),
    ("закон о персональных данных в казахстане — какой штраф за утечку", "ru", "Казахстан"),
])
def test_a_law_not_covered_is_named_in_the_not_sure(real_kb: KnowledgeBase, text: str, lang: str, name: str) -> None:
    answer = answer_question(real_kb, text, lang)
    assert unsure(answer.text) and name in answer.text.split("\n", 1)[0] and "GDPR" in answer.text


def test_the_llc_gets_the_legal_entity_amounts_though_the_victims_are_individuals(real_kb: KnowledgeBase) -> None:
    text = answer_question(real_kb, "у нас утекла база ~50 тыс клиентов-физлиц, какой штраф грозит ООО по 13.11?",
                           "ru").text
    assert "от 5 до 10 млн ₽" in text and "юрлицо" in text and "300 000" not in text


def test_a_name_the_entry_carries_anchors_a_question_without_topic_words(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "сколько заплатил гемотест за утечку", "ru")
    assert answer.entry is not None and "Гемотест" in answer.entry.title.ru


def test_a_long_chatty_question_is_weighed_by_its_subject(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "Наша компания из Германии обрабатывает данные россиян — нужна ли локализация?",
                             "ru")
    assert answer.entry is not None and "окализац" in answer.entry.title.ru


def test_statistics_over_the_sample_say_so(real_kb: KnowledgeBase) -> None:
    text = answer_question(real_kb, "total GDPR fines of Meta", "en").text
    assert "in my sample" in text.split("\n", 1)[0]


def test_a_named_company_is_preferred_and_another_companys_fine_is_no_answer(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "how much did luxembourg's regulator fine amazon under the gdpr", "en")
    assert answer.entry is not None and "Amazon" in answer.entry.fine.company  # type: ignore[union-attr]


def test_an_entry_about_another_law_is_not_an_answer(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "DPDP: up to what age is someone a child?", "en")
    assert answer.entry is not None and answer.entry.domain == "dpdp"


@pytest.mark.parametrize(("text", "concepts", "laws"), [
    ("штрав за утечьку данных", {"fine", "leak"}, []),
    ("gdrp fine meta", {"fine"}, ["gdpr"]),
    ("роскомнодзор уведомление", {"notify"}, []),
    # a word of a longer phrase, misspelt, still makes the phrase ("which article")
    ("gdpr right to rectifcation wich artcle", {"which_article"}, ["gdpr"]),
    ("какая стаття gdpr про доступ", {"which_article"}, ["gdpr"]),
    ("which GDPR article says when a DPO is needed", {"which_article"}, ["gdpr"]),   # the law inside the phrase
])
def test_misspelt_vocabulary_words_are_read_as_the_words(reader: Reader, text: str, concepts: set[str],
                                                         laws: list[str]) -> None:
    q = read(reader, text)
    assert concepts <= q.concepts and q.laws == laws


@pytest.mark.parametrize(("text", "absent"), [
    ("yahoo breach how many acounts", "count"),   # "accounts" misspelt: a typo seldom changes the first letter
    ("how many acounts were hacked", "count"),
])
def test_a_misspelt_word_is_not_another_vocabulary_word_by_its_first_letter(reader: Reader, text: str,
                                                                           absent: str) -> None:
    assert absent not in read(reader, text, "en").search_text.split()


@pytest.mark.parametrize(("text", "has", "lacks"), [
    # a word the dictionary lacks built on a vocabulary word is that word; its guessed parse counts nothing
    ("сколько штрафанут за то что не подали уведомление в ркн", {"fine"}, {"count_question"}),
    ("сколько штрафов получил google", {"fine", "count_question"}, set()),   # a known genitive plural still counts
])
def test_an_unknown_word_built_on_a_vocabulary_word(reader: Reader, text: str, has: set[str], lacks: set[str]) -> None:
    q = read(reader, text)
    assert has <= q.concepts and not lacks & q.concepts


def test_a_misspelt_word_reaches_the_search_spelt_right(real_kb: KnowledgeBase) -> None:
    right = answer_question(real_kb, "gdpr fine meta", "en")
    for typo in ("gdrp fine meta", "gpdr fine meta"):
        assert answer_question(real_kb, typo, "en").entry == right.entry, typo


def test_a_company_named_alone_means_its_largest_fine(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "тикток штраф", "ru")
    tiktok = [e for e in real_kb.fines.fines if "tiktok" in e.fine.company.lower()]  # type: ignore[union-attr]
    assert answer.entry is not None
    assert answer.entry.fine.standing_eur == max(e.fine.standing_eur for e in tiktok)  # type: ignore[union-attr]


def test_a_statistic_of_another_year_or_country_is_no_answer(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "how many data breach notifications were reported in the EU in 2024", "en")
    assert answer.entry is None or ("2024" in answer.entry.title.en and "Russia" not in answer.entry.title.en)


def test_a_statistic_does_not_answer_what_the_fine_is(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "какой штраф за утечку персональных данных?", "ru")
    assert "13.11" in answer.text.split("\n", 1)[0]


def test_an_unknown_company_is_not_repaired_into_another(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "какие штрафы получил Сбербанк за утечки", "ru")
    assert answer.entry is None or "Сбер" in answer.entry.title.ru


# ------------------------------------------------------------------------------------------ dev3 classes
@pytest.mark.parametrize(("text", "offender"), [
    ("shtraf dlya yurlica za utechku", "legal"),       # a bare "c" is «ц» here
    ("skolko grozit fizlicu za utechku", "citizen"),
])
def test_a_transliterated_c_may_be_ts(reader: Reader, text: str, offender: str) -> None:
    q = read(reader, text)
    assert q.repaired == "translit" and q.offender == offender


@pytest.mark.parametrize(("text", "is_age"), [
    ("с 14 лет можно давать согласие?", True),
    ("с 2020 года что изменилось в законе", False),
    ("утечка: штраф до 18 млн рублей", False),
])
def test_a_year_or_an_amount_is_not_an_age(reader: Reader, text: str, is_age: bool) -> None:
    assert ("age" in read(reader, text).concepts) is is_age


@pytest.mark.parametrize(("text", "lang"), [
    ("сколько будет стоить утечка 20 тысяч клиентов для ооо", "ru"),
    ("what would a breach of 30,000 customers cost our company under gdpr", "en"),
])
def test_what_a_leak_costs_is_an_estimate(real_kb: KnowledgeBase, text: str, lang: str) -> None:
    q = reader_for(real_kb).read(text, lang)
    assert I.candidates(q)[0].intent == I.ESTIMATE


@pytest.mark.parametrize(("text", "lang"), [
    ("how much does a gdpr breach cost on average", "en"), ("сколько в среднем стоит утечка данных", "ru"),
])
def test_an_average_cost_is_no_estimate(real_kb: KnowledgeBase, text: str, lang: str) -> None:
    q = reader_for(real_kb).read(text, lang)
    assert I.candidates(q)[0].intent != I.ESTIMATE


def test_a_month_and_year_name_one_edition_of_a_yearly_report(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "dla piper survey january 2025: breach notifications per day?", "en")
    assert answer.entry is not None and "January 2025" in answer.entry.title.en


def test_which_country_is_answered_by_the_entry_about_countries(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "according to the CMS tracker, which country issues the most GDPR fines", "en")
    assert answer.entry is not None and "countr" in answer.entry.title.en.lower()


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("штраф по закону о рекламе за смс-рассылку", "ru", "закон о рекламе"),
    ("штраф по закону о защите прав потребителей за навязанную услугу", "ru", "прав потребителей"),
])
def test_a_russian_law_the_bot_does_not_cover_is_named(real_kb: KnowledgeBase, text: str, lang: str,
                                                        name: str) -> None:
    answer = answer_question(real_kb, text, lang)
    assert unsure(answer.text) and name in answer.text.split("\n", 1)[0]


def test_the_state_services_portal_alone_is_not_the_bots_topic(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "как записаться к врачу через госуслуги", "ru")
    assert unsure(answer.text) and answer.entry is None


@pytest.mark.parametrize(("text", "lang"), [
    ("сколько лет грозит за продажу базы клиентов за границу", "ru"),
    ("how many years in prison for selling stolen personal data abroad in russia", "en"),
])
def test_a_prison_term_question_is_answered_by_the_criminal_code(real_kb: KnowledgeBase, text: str,
                                                                 lang: str) -> None:
    answer = answer_question(real_kb, text, lang)
    assert answer.entry is not None and "272.1" in answer.entry.title.ru


# A question naming an incident the knowledge base has a story about (its title names it) asks about that incident:
# not for a fine estimate of a case like it, nor about the country's law the bot does not cover.
@pytest.mark.parametrize(("text", "lang", "name"), [
    ("утечка Гемотест 2022, какой штраф назначил суд компании", "ru", "гемотест"),
    ("Yandex Eda leak of 2022: what fine did the court give the company?", "en", "yandex"),
    ("Optus breach in Australia, what happened to the company afterwards", "en", "optus"),
    ("утечка Optus в Австралии, что потом было с компанией", "ru", "optus"),
])
def test_a_named_incident_is_answered_by_an_entry_about_it(real_kb: KnowledgeBase, text: str, lang: str,
                                                           name: str) -> None:
    answer = answer_question(real_kb, text, lang)
    assert answer.intent == LOOKUP and answer.entry is not None
    assert name in f"{answer.entry.title.ru} {answer.entry.title.en} {answer.entry.answer.get(lang)}".lower()


# "how many guests / passengers were affected" in a company's fined breach is answered by that decision.
@pytest.mark.parametrize(("text", "lang"), [
    ("marriott breach how many hotel guests were affected", "en"),
    ("сколько гостей Marriott затронул взлом Starwood", "ru"),
    ("how many hotel guests were affected by the starwood breach", "en"),   # the company is not named
    ("how many guest records were exposed in the marriot hack", "en"),      # nor spelt right
])
def test_the_people_affected_by_a_fined_breach(real_kb: KnowledgeBase, text: str, lang: str) -> None:
    answer = answer_question(real_kb, text, lang)
    assert answer.intent == LOOKUP and answer.entry is not None and "marriott" in answer.entry.id


@pytest.mark.parametrize(("text", "notify"), [
    # "to tell" someone of a leak is to notify them, in Russian as in English ("tell")
    ("в какой срок по GDPR мы должны сказать об этом заказчику?", True),
    ("нужно ли сказать клиентам об утечке", True),
    # ... but "tell me" said to the bot asks nothing of notifying
    ("скажите, какой штраф за утечку персональных данных", False),
    ("скажи что такое GDPR", False),
])
def test_to_tell_of_a_leak_is_to_notify(reader: Reader, text: str, notify: bool) -> None:
    assert reader.read(text, "ru").has("notify") is notify


def test_a_processor_s_story_asking_when_to_tell_the_controller(real_kb: KnowledgeBase) -> None:
    question = ("мы подрядчик-процессор, делаем рассылки для французского ритейлера и сегодня нашли открытый бакет с "
                "их базой клиентов — в какой срок по GDPR мы должны сказать об этом заказчику?")
    answer = answer_question(real_kb, question, "ru")
    assert not answer.unsure and answer.entry is not None and answer.entry.id == "gdpr-breach-notification-art-33"
