"""Search survives what people actually type: word forms, typos, layouts, transliteration, abbreviations."""

from __future__ import annotations

import pytest

from bot.answers import answer_question
from bot.kb import KnowledgeBase
from bot.kb.index import UNKNOWN_WORD, UNREPAIRED_WORD, KnowledgeIndex
from tests.kbfactory import sample_entries


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.from_entries(sample_entries())


@pytest.mark.parametrize(
    "question",
    [
        "какой штраф за утечку персональных данных?",
        "штрафы за утечки персональных данных",  # other word forms
        "штрафом за утечкой ПДн",  # abbreviation and odd forms
        "шртаф за утчеку персданных",  # typos
        "inhfa pf entxre gthcjyfkmys[ lfyys[",  # wrong keyboard layout
        "shtraf za utechku personalnyh dannyh",  # transliteration
        "fine for a personal data leak",  # the English title
        "ШТРАФ ЗА УТЕЧКУ ПЕРСОНАЛЬНЫХ ДАННЫХ!!!",
    ],
)
def test_variants_of_one_question_find_the_same_entry(kb: KnowledgeBase, question: str) -> None:
    result = kb.index.search(question)
    assert result.confident
    assert result.best is not None and result.best.entry.id == "pd-leak-fine"


@pytest.mark.parametrize("question", ["кто такой РКН", "what does roskomnadzor do", "ркн", "роскомнадзором"])
def test_abbreviation_and_forms_of_the_regulator(kb: KnowledgeBase, question: str) -> None:
    best = kb.index.search(question).best
    assert best is not None and best.entry.id == "pd-rkn"


def test_yo_and_ye_are_the_same_letter(kb: KnowledgeBase) -> None:
    assert kb.index.search("сим-карты для иностранцев").best.entry.id == "sim-foreigners"
    a = kb.index.search("штраф за утёчку")
    b = kb.index.search("штраф за утечку")
    assert a.best.entry.id == b.best.entry.id


def test_russian_question_about_an_english_company(kb: KnowledgeBase) -> None:
    assert kb.index.search("штраф фейсбук").best.entry.id == "fine-ie-dpc-meta-2023-05"


@pytest.mark.parametrize("question", ["как приготовить борщ", "weather in London tomorrow", "asdfghjkl qwerty"])
def test_unrelated_questions_are_not_answered_confidently(kb: KnowledgeBase, question: str) -> None:
    assert not kb.index.search(question).confident


@pytest.mark.parametrize("question", ["", "   ", "?!.,", "🙂" * 500, "'; DROP TABLE users; --", "%s %d {0}"])
def test_junk_never_raises(kb: KnowledgeBase, question: str) -> None:
    result = kb.index.search(question)
    assert not result.confident


def test_structured_list_of_fines_by_country_is_ranked_by_amount(kb: KnowledgeBase) -> None:
    query = kb.fines.parse("штрафы в Италии")
    assert query is not None and query.country == "IT"
    assert [e.id for e in kb.fines.run(query)] == ["fine-it-garante-enel-2024-02", "fine-it-garante-thin-2023-07"]


def test_structured_queries_by_company_article_year_and_top(kb: KnowledgeBase) -> None:
    meta = kb.fines.parse("fines against Meta")
    assert [e.id for e in kb.fines.run(meta)] == ["fine-ie-dpc-meta-2023-05"]
    art32 = kb.fines.parse("fines under article 32")
    assert [e.id for e in kb.fines.run(art32)] == ["fine-it-garante-enel-2024-02"]
    year = kb.fines.parse("GDPR fines 2023")
    assert {e.id for e in kb.fines.run(year)} == {"fine-ie-dpc-meta-2023-05", "fine-it-garante-thin-2023-07"}
    top = kb.fines.parse("top 2 GDPR fines")
    assert top.limit == 2 and [e.id for e in kb.fines.run(top)][:2] == [
        "fine-ie-dpc-meta-2023-05", "fine-it-garante-enel-2024-02"]


def test_the_biggest_fine_is_one_decision_not_a_list(kb: KnowledgeBase) -> None:
    for question in ("biggest GDPR fine", "самый крупный штраф GDPR"):
        query = kb.fines.parse(question)
        assert query is not None and query.single
        assert kb.fines.run(query)[0].id == "fine-ie-dpc-meta-2023-05"


@pytest.mark.parametrize("question", ["штраф WhatsApp в Ирландии 2021", "what is the lower tier of GDPR fines",
                                      "какой штраф за утечку", "fines for a leak of personal data in Russia"])
def test_questions_about_one_fact_are_not_list_questions(kb: KnowledgeBase, question: str) -> None:
    assert kb.fines.parse(question) is None


def test_company_named_in_russian(kb: KnowledgeBase) -> None:
    query = kb.fines.parse("штрафы фейсбук")
    assert query is not None and [e.id for e in kb.fines.run(query)] == ["fine-ie-dpc-meta-2023-05"]


# A verb and its action noun share a root but not a lemma: a question asking with one finds the entry written with
# the other (one direction and the other), where an entry repeating only the question's other word would win.
@pytest.mark.parametrize(("question", "written", "other"), [
    ("как подтвердить номер абонента", "Подтверждение номера абонента", "подтверждение"),
    ("подтверждаем номер абонента", "Подтверждение номера абонента", "подтверждение"),
    ("когда приняли закон о биометрии", "Принятие закона о биометрии", "принятие"),
    ("раскрывать сведения об операторе", "Раскрытие сведений об операторе", "раскрытие"),
    ("нарушение сроков хранения логов", "Оператор нарушил сроки хранения логов", "нарушил"),
    ("разъяснение регулятора про согласие", "Регулятор разъяснил, как брать согласие", "разъяснил"),
    ("ограничение доступа к базе", "Как ограничить доступ к базе", "ограничить"),
])
def test_verb_and_noun_of_one_root_meet(question: str, written: str, other: str) -> None:
    from tests.kbfactory import make_entry
    words = [w for w in written.lower().replace(",", "").split() if w != other and len(w) > 3]
    target = make_entry("target", title_ru=written, title_en="-", answer_ru=written, answer_en="-")
    # repeats the question's other words, without the verb or noun
    rival_text = " ".join(words * 3)
    rival = make_entry("rival", title_ru=rival_text, title_en="-", answer_ru=rival_text, answer_en="-")
    filler = [make_entry(f"filler-{i}", title_ru=f"Справка номер {i} о тарифах связи", title_en="-",
                         answer_ru="Тарифы и услуги связи.", answer_en="-") for i in range(6)]
    base = KnowledgeBase.from_entries([target, rival, *filler])
    best = base.index.search(question).best
    assert best is not None and best.entry.id == "target"


@pytest.mark.parametrize(("a", "b"), [("подтверждать", "подтверждение"), ("подтвердил", "подтверждение"),
                                      ("уведомлять", "уведомления"), ("похитили", "похищение"),
                                      ("раскрыли", "раскрытие"), ("используют", "использование")])
def test_one_family(a: str, b: str) -> None:
    from bot.kb import text as T
    assert T.family(a) == T.family(b)


@pytest.mark.parametrize(("a", "b"), [("делать", "деление"), ("иметь", "имение"), ("положить", "положение"),
                                      ("давать", "давление"), ("ждать", "жжение"), ("заметить", "замещение")])
def test_words_of_other_meanings_are_no_family(a: str, b: str) -> None:
    from bot.kb import text as T
    assert T.family(a) != T.family(b)


@pytest.mark.parametrize(("word", "stop"), [
    # every form of a possessive or demonstrative pronoun is a stopword, not the question's rarest word
    ("своим", True), ("моих", True), ("нашего", True), ("этих", True), ("которых", True), ("собой", True),
    ("свой", True),
    # ... and words of the topics are not
    ("данным", False), ("доступ", False), ("собрание", False),
])
def test_pronoun_forms_are_stopwords(word: str, stop: bool) -> None:
    from bot.kb import text as T
    assert T.is_stopword(word) is stop


def test_a_misspelt_english_word_finds_its_own_stem_first(real_kb: KnowledgeBase) -> None:
    # "rectifcation" shares a prefix with `rectifi` ("rectify") as with `rectif` ("rectification"): the typo match,
    # tried first for a Latin word, finds the term nearest by similarity, the one the entries about it are indexed by
    from bot.kb import text as T
    assert real_kb.index.resolve("rectifcation") == (T.term("rectification"), "fuzzy")
    # a Russian form is still found by its prefix
    assert real_kb.index.resolve("ирландского")[1] in ("exact", "prefix")


@pytest.mark.parametrize(("question", "entry"), [
    ("gdpr право на доступ к своим данным, стаття", "gdpr-right-of-access-art-15"),
    ("gdpr right to rectifcation wich artcle", "gdpr-right-to-rectification-art-16"),
])
def test_typed_as_in_a_chat_the_specific_right_is_found(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    from bot.answers import answer_question
    answer = answer_question(real_kb, question, "ru")
    # answered by it, or offered first beside a close rival: never the overview of all rights instead
    assert (answer.entry or answer.buttons[0]).id == entry


@pytest.mark.parametrize(("one", "other", "same"), [
    ("designated", "design", False),       # a DPO designated is no privacy by design
    ("designation", "designate", True),
    ("designs", "design", True),
    ("fined", "fine", True),
])
def test_an_overstemmed_english_word_keeps_a_stem_of_its_own(one: str, other: str, same: bool) -> None:
    from bot.kb import text as T
    assert (T.term(one) == T.term(other)) is same


def test_a_dpo_designated_is_found_as_appointed(real_kb: KnowledgeBase) -> None:
    from bot.answers import answer_question
    question = "Which GDPR article says when a Data Protection Officer must be designated?"
    answer = answer_question(real_kb, question, "en")
    assert answer.entry is not None and answer.entry.id == "gdpr-dpo-art-37-39"


@pytest.mark.parametrize(("question", "entry"), [
    # shorthand for a term of the law, in any form, reaches the entries written in full
    ("какие персданные относятся к спецкатегориям по 152фз, статья", "pd-special-categories-art10"),
    ("что относится к спецкатегориям персданных", "pd-special-categories-art10"),
    ("спецкатегории пдн по 152-фз какая статья", "pd-special-categories-art10"),
])
def test_legal_shorthand_reaches_the_entries_in_full(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    from bot.answers import answer_question
    answer = answer_question(real_kb, question, "ru")
    assert answer.entry is not None and answer.entry.id == entry


def test_a_privacy_policy_is_the_policy_on_processing_personal_data(real_kb: KnowledgeBase) -> None:
    # what people call a «политика конфиденциальности» 152-FZ calls the policy on processing personal data
    from bot.answers import answer_question
    answer = answer_question(real_kb, "нужна ли политика конфиденциальности на сайте", "ru")
    assert answer.entry is not None and answer.entry.id == "pd-privacy-policy-website"


@pytest.mark.parametrize(("word", "weight"), [
    ("наркозом", UNKNOWN_WORD),       # a word of the language no entry holds: a subject the base knows nothing of
    ("зорглубом", UNREPAIRED_WORD),   # a word the dictionary does not know: a name or a typo, weighed a little less
    ("forgoten", UNREPAIRED_WORD),    # (an English word cannot be told from a typo without a dictionary)
])
def test_an_unknown_word_of_the_language_weighs_as_the_rarest(word: str, weight: float) -> None:
    assert KnowledgeIndex._unknown_weight(word) == weight


@pytest.mark.parametrize(("question", "answered"), [
    ("Согласие на операцию под общим наркозом — можно ли отозвать его перед операцией?", False),
    ("можно ли отозвать согласие на обработку персональных данных", True),
])
def test_consent_to_surgery_is_no_consent_to_processing(real_kb: KnowledgeBase, question: str, answered: bool) -> None:
    answer = answer_question(real_kb, question, "ru")
    assert answer.unsure is not answered, answer.text[:80]
