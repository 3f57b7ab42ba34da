"""What a question asks when it names more than it asks about: the law of its last clause, the publisher it cites, a
date, a superlative. Table-driven, each with near neighbours that must not change (classes of dev11's misses)."""

from __future__ import annotations

import pytest

from bot.answers import _search, answer_question
from bot.kb import KnowledgeBase
from bot.understanding.reader import Reader
from bot.understanding.stories import asked_regimes
from bot.understanding.titles import _title_sources, entry_regimes


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader()


# ------------------------------------------------------------------------------------------ the law of the ask
@pytest.mark.parametrize(("question", "lang", "asked"), [
    ("gdpr breach goes to DPA, dpdp breach report goes to who", "en", {"dpdp"}),
    ("по GDPR уведомляют за 72 часа, а по 152-ФЗ?", "ru", {"ru"}),
    ("under DPDP it's the Board; under the GDPR, which authority?", "en", {"gdpr"}),
    # neighbours: the last clause names both, none, or one the rest names too
    ("GDPR vs DPDP, which is stricter on breaches?", "en", set()),
    ("gdpr and dpdp: how do their breach rules differ", "en", set()),
    ("compare GDPR and DPDP consent rules", "en", set()),
    ("по GDPR и по 152-ФЗ, что строже", "ru", set()),
    ("what does the GDPR say about breaches", "en", set()),
    # a country is a place as often as a law: the EU cloud is where the data goes, 152-FZ is asked about
    ("Does Russian law force us to keep Russian users' data on servers in Russia, or is an EU cloud OK?", "en", set()),
    ("по 152-ФЗ можно хранить данные россиян в облаке в Европе?", "ru", set()),
])
def test_of_two_laws_the_last_clause_asks_about_one(real_kb: KnowledgeBase, question: str, lang: str,
                                                     asked: set[str]) -> None:
    from bot.understanding.lexicon import reader_for
    assert asked_regimes(real_kb, reader_for(real_kb).read(question, lang)) == asked


def test_the_law_compared_with_answers_nothing(real_kb: KnowledgeBase) -> None:
    from bot.understanding.lexicon import reader_for
    q = reader_for(real_kb).read("gdpr breach goes to DPA, dpdp breach report goes to who", "en")
    hits = _search(real_kb, q).hits
    assert hits and all(entry_regimes(real_kb, h.entry) in (frozenset(), frozenset({"dpdp"})) for h in hits)
    assert not answer_question(real_kb, "gdpr breach goes to DPA, dpdp breach report goes to who", "en").entry or \
        answer_question(real_kb, "gdpr breach goes to DPA, dpdp breach report goes to who", "en").entry.domain != "gdpr"


# ------------------------------------------------------------------------------------------ the publisher cited
@pytest.mark.parametrize(("question", "lang"), [
    ("Росло или падало число утекших записей в 2025 году по данным F6?", "ru"),
    ("how many records leaked in Russia in 2025 according to F6", "en"),
    ("сколько утечек в 2024 по данным InfoWatch", "ru"),
])
def test_another_sources_figures_are_no_answer_to_a_cited_publisher(real_kb: KnowledgeBase, question: str,
                                                                   lang: str) -> None:
    from bot.understanding.lexicon import reader_for
    q = reader_for(real_kb).read(question, lang)
    sources = _title_sources(real_kb)
    hits = [h for h in _search(real_kb, q).hits if h.entry.fine is None and sources.get(h.entry.id)]
    assert hits and all(sources[h.entry.id] & set(q.publishers) for h in hits)


@pytest.mark.parametrize(("question", "lang", "kept"), [
    # a regulator named is not a publisher cited: its figures stay beside others' (no entry is dropped for it)
    ("сколько утечек по данным Роскомнадзора в 2024", "ru", "rkn"),
    ("total gdpr fines imposed by ireland dpc since 2018", "en", None),
])
def test_a_regulator_named_drops_no_other_source(real_kb: KnowledgeBase, question: str, lang: str,
                                                 kept: str | None) -> None:
    from bot.understanding.lexicon import reader_for
    q = reader_for(real_kb).read(question, lang)
    assert not q.publishers
    sources = _title_sources(real_kb)
    titled = {s for h in _search(real_kb, q).hits for s in sources.get(h.entry.id, ())}
    assert len(titled - set(q.authorities)) >= 1   # entries titled by other sources are still ranked


# ------------------------------------------------------------------------------------------ a date asked
def test_since_when_is_answered_by_a_dated_title_or_not_at_all(real_kb: KnowledgeBase) -> None:
    answer = answer_question(real_kb, "С какой даты действуют новые большие штрафы за утечки персональных данных?",
                             "ru")
    assert answer.unsure or "2025" in (answer.entry.title.ru if answer.entry else "")


# ------------------------------------------------------------------------------------------ a superlative
@pytest.mark.parametrize(("text", "concept", "present"), [
    ("наибольший штраф по GDPR", "maximum", True),
    ("наибольшего штрафа", "maximum", True),
    ("крупнейшие штрафы", "record", True),
    ("наименьший штраф", "other_rank", True),
    ("самый крупный штраф", "record", True),       # «крупный» is in the vocabulary itself
    # the plain adjective a superlative's lemma is names no maximum, no smallest
    ("новые большие штрафы", "maximum", False),
    ("Ассоциация больших данных", "maximum", False),
    ("малый бизнес штраф", "other_rank", False),
])
def test_a_superlative_in_the_vocabulary_matches_only_a_superlative(reader: Reader, text: str, concept: str,
                                                                    present: bool) -> None:
    assert (concept in reader.read(text, "ru").concepts) is present


@pytest.mark.parametrize(("text", "lang", "asked"), [
    ("С какой даты действуют новые штрафы?", "ru", True),
    ("с какого числа начали действовать новые штрафы по 420-ФЗ", "ru", True),
    ("since when must a DPO be appointed", "en", True),
    # a story's start is no date asked: its entries need no year in their titles
    ("we just started selling to Russian clients, which article says we must notify RKN", "en", False),
    ("когда в Индии начнут действовать правила DPDP", "ru", False),
])
def test_a_date_asked_in_so_many_words(reader: Reader, text: str, lang: str, asked: bool) -> None:
    assert ("asks_date" in reader.read(text, lang).concepts) is asked
