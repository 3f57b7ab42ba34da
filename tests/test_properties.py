"""Property-based tests: random text fed to the search, the answer builder, the breach parser and the watch-term
normaliser never makes them raise, and each call stays within its time budget (hypothesis `deadline`)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.answers import answer_question
from bot.breaches.names import MAX_TERM_LENGTH, canonical_key, default_directory, split_watch_terms
from bot.breaches.parser import BreachParser
from bot.config import Settings
from bot.kb import KnowledgeBase

MAX_TEXT = Settings.model_fields["max_text_length"].default  # what the bot reads of a message
TELEGRAM_MAX = 4096  # what a message or a channel post can hold
SLUG = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$")

# Tokens that reach the interesting branches: numbers with separators and percents (record counts, statistics),
# leak vocabulary, services, domains, dates, markup, and the characters people paste from everywhere.
TOKENS = [
    "утечка", "слили", "выложили", "в открытый доступ", "breach", "leaked", "exposed", "строк", "записей",
    "млн", "тыс.", "million", "records", "пароль", "email", "телефон", "адрес", "паспорт", "SHA1", "bcrypt",
    "«Литрес»", "litres.ru", "Ozon", "СДЭК", "Яндекс.Еда", "https://example.com/a?b=c", "@channel", "#утечка",
    "67%", "3,083,408", "1.5", "100 000", "03.08.2023", "2025-13-45", "штраф", "GDPR", "152-ФЗ", "13.11",
    "Роскомнадзор", "подтвердил", "опроверг", "исследование", "законопроект", "суд", "\n", " ", ".", ",", "%",
    "😀", "\u200b", "\u202e", "<b>", "</script>", "&amp;", "'", '"', "{0}", "%s", "\\", "/", "-", "—", "…",
]
token_text = st.lists(st.sampled_from(TOKENS), max_size=400).map(" ".join)
any_text = st.text(max_size=TELEGRAM_MAX)
digits_and_separators = st.text(alphabet="0123456789 .,%\n", max_size=TELEGRAM_MAX)
hostile = st.one_of(any_text, token_text, digits_and_separators)

# A generous ceiling (slow CI machines): it catches quadratic blow-ups (seconds), not ordinary speed.
FAST = timedelta(milliseconds=2000)
COMMON = {"suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}


@pytest.fixture(scope="module")
def parser() -> BreachParser:
    return BreachParser()


@given(text=hostile)
@settings(deadline=FAST, max_examples=150, **COMMON)
def test_search_never_raises_and_returns_at_most_the_limit(real_kb: KnowledgeBase, text: str) -> None:
    result = real_kb.index.search(text[:MAX_TEXT], limit=4)
    assert len(result.hits) <= 4
    assert result.best is None or result.best.entry.id in real_kb.index.by_id


@given(text=hostile, lang=st.sampled_from(["ru", "en"]))
@settings(deadline=FAST, max_examples=150, **COMMON)
def test_every_question_gets_a_sendable_answer(real_kb: KnowledgeBase, text: str, lang: str) -> None:
    answer = answer_question(real_kb, text, lang, max_length=MAX_TEXT)
    assert answer.text.strip()
    assert len(answer.text) <= TELEGRAM_MAX
    assert len(answer.buttons) <= 10


@given(text=hostile)
# Found by this test: a run of digits cost quadratic time in the statistics rule (seconds for 4096 digits).
@example(text="1" * TELEGRAM_MAX)
@example(text="1," * (TELEGRAM_MAX // 2))
@example(text="1." * (TELEGRAM_MAX // 2))
@settings(deadline=FAST, max_examples=200, **COMMON)
def test_the_breach_parser_never_raises_and_finds_one_named_service_or_nothing(parser: BreachParser,
                                                                               text: str) -> None:
    breach, reason = parser.analyse(text, posted_at=datetime(2026, 1, 1, tzinfo=UTC), origin="channel")
    assert isinstance(reason, str) and reason
    if breach is not None:
        assert (reason == "breach" or reason.startswith("unsure:")) and breach.service.strip()  # unsure: a draft
        assert breach.record_count is None or breach.record_count > 0


@given(text=st.one_of(any_text, token_text, st.text(alphabet=",;\n «»\"' ", max_size=500)))
@settings(deadline=FAST, max_examples=300, **COMMON)
def test_watch_terms_are_short_trimmed_distinct_and_resolve_to_slugs(text: str) -> None:
    directory = default_directory()
    terms = split_watch_terms(text)
    assert len({term.casefold() for term in terms}) == len(terms)
    for term in terms:
        assert 0 < len(term) <= MAX_TERM_LENGTH
        assert term == term.strip() and "\n" not in term and "," not in term and ";" not in term
        key = canonical_key(term)
        assert SLUG.match(key) and len(key) <= MAX_TERM_LENGTH
        service = directory.resolve(term)
        assert SLUG.match(service.key), (term, service.key)
        assert len(service.name("ru")) <= MAX_TERM_LENGTH



@given(text=hostile, lang=st.sampled_from(["ru", "en"]))
@settings(deadline=FAST, max_examples=150, **COMMON)
def test_a_question_is_read_into_a_consistent_query(text: str, lang: str) -> None:
    from bot.understanding.intents import candidates
    from bot.understanding.reader import Reader
    from bot.understanding.vocabulary import LAWS_BY_ID, OFFENDER_KINDS

    q = Reader().read(text[:MAX_TEXT], lang)
    assert q.lang in ("ru", "en") and q.offender in (None, *OFFENDER_KINDS)
    assert all(law in LAWS_BY_ID for law in q.laws)
    assert all(n.value >= 0 and n.start < n.end for n in q.numbers)
    assert candidates(q)[-1].intent == "lookup" or any(c.intent == "lookup" for c in candidates(q))
