"""The answers remembered for a user's update (bot/answers.py: `cached_answer`, `AnswerCache`): a question asked
again gets the very answer it got, without being read or searched again; an answer told from now is never reused;
a reload of the knowledge base forgets them all."""

from __future__ import annotations

import dataclasses

import pytest

from bot import answers
from bot.answers import Answer, AnswerCache, answer_cache, answer_question, cached_answer
from bot.kb import KnowledgeBase
from bot.resources import knowledge_dir
from bot.understanding import intents as I

QUESTIONS = [("какой штраф за утечку персональных данных?", "ru"), ("biggest GDPR fine", "en"),
             ("штраф WhatsApp 2021", "ru"), ("top 10 GDPR fines", "en"), ("рецепт борща", "ru"),
             ("штраф за утечку 1000 записей", "ru")]
DEADLINE = "когда уведомить РКН если утечку обнаружили вчера в 18:00"


@pytest.fixture
def kb() -> KnowledgeBase:
    """A base of this test's own: the cache lives on the base, and other tests' answers must not be in it."""
    return KnowledgeBase.load(knowledge_dir())


def _fields(answer: Answer) -> dict[str, object]:
    return {f.name: getattr(answer, f.name) for f in dataclasses.fields(answer)}


@pytest.mark.parametrize(("question", "lang"), QUESTIONS)
def test_an_answer_asked_again_is_the_same_and_is_not_worked_out_again(kb: KnowledgeBase, question: str, lang: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = answer_question(kb, question, lang)
    first = cached_answer(kb, f"  {question}\n", lang)
    assert _fields(first) == _fields(fresh)

    def unexpected(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the question was read again")

    monkeypatch.setattr(answers, "reader_for", unexpected)
    again = cached_answer(kb, question, lang)
    assert _fields(again) == _fields(fresh)
    assert len(answer_cache(kb)) == 1


def test_a_handler_changing_its_answer_changes_no_later_one(kb: KnowledgeBase) -> None:
    question, lang = QUESTIONS[0]
    fresh = answer_question(kb, question, lang)
    expected = {**_fields(fresh), "buttons": list(fresh.buttons)}
    assert expected["buttons"]
    for _ in range(2):  # the first, worked out, and one remembered
        answer = cached_answer(kb, question, lang)
        answer.offer, answer.text = None, "changed"
        answer.buttons.clear()
        assert _fields(cached_answer(kb, question, lang)) == expected


def test_the_key_holds_the_language_the_limit_and_the_tool(kb: KnowledgeBase) -> None:
    question = "штраф за утечку персональных данных"
    assert cached_answer(kb, question, "ru").text == answer_question(kb, question, "ru").text
    assert cached_answer(kb, question, "en").text == answer_question(kb, question, "en").text
    short = cached_answer(kb, question, "ru", max_length=10)
    assert short.text == answer_question(kb, question, "ru", max_length=10).text
    estimate = cached_answer(kb, question, "ru", intent=I.ESTIMATE)
    assert estimate.text == answer_question(kb, question, "ru", intent=I.ESTIMATE).text
    assert len(answer_cache(kb)) == 4


def test_an_answer_told_from_now_is_never_reused(kb: KnowledgeBase) -> None:
    answer = cached_answer(kb, DEADLINE, "ru")
    assert answer.intent == I.DEADLINE and answer.dated
    assert len(answer_cache(kb)) == 0
    # the zone it is asked in shows: another asker's zone is not another's answer
    assert "Asia/Kolkata" in cached_answer(kb, DEADLINE, "ru", tz_name="Asia/Kolkata").text


def test_a_reload_forgets_every_answer(kb: KnowledgeBase) -> None:
    question, lang = QUESTIONS[0]
    cached_answer(kb, question, lang)
    assert len(answer_cache(kb)) == 1
    kb.replace(KnowledgeBase.load(knowledge_dir()))
    assert len(answer_cache(kb)) == 0


def test_the_least_recently_asked_goes_first() -> None:
    cache = AnswerCache(size=2)
    a, b, c = (("a", "ru", 1000, None), ("b", "ru", 1000, None), ("c", "ru", 1000, None))
    cache.put(a, Answer("A"))
    cache.put(b, Answer("B"))
    assert cache.get(a) is not None   # a is now the most recent
    cache.put(c, Answer("C"))
    assert cache.get(b) is None and cache.get(a) is not None and cache.get(c) is not None
    assert len(cache) == 2
