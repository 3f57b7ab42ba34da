"""bot/kb/text.py: how a typed word becomes a term, and the everyday words mapped to the knowledge base's."""

from __future__ import annotations

import pytest

from bot.kb import text as T


@pytest.mark.parametrize(("typed", "written"), [
    ("автоматизированые", "автоматизированные"),   # a doubled consonant typed once
    ("обработаные", "обработанные"),
    ("ограниченый", "ограниченный"),
    ("комерческий", "коммерческий"),
    ("колличество", "количество"),                 # a single one typed twice
])
def test_a_doubled_letter_typed_once_or_twice_is_the_known_word(typed: str, written: str) -> None:
    assert T.term(typed) == T.term(written)


@pytest.mark.parametrize(("typed", "term"), [
    ("штарф", T.to_latin(T.stem("штарф"))),      # another typo: its stem, for the index's typo repair, as before
    ("утечьку", T.to_latin(T.stem("утечьку"))),
    ("автоматизированные", T.term("автоматизированный")),   # a known word is read as it is
    ("касса", T.term("касса")),
])
def test_other_words_are_read_as_before(typed: str, term: str) -> None:
    assert T.term(typed) == term


def test_no_guess_between_two_known_words() -> None:
    # a word no single doubling or undoubling makes known keeps its stem
    assert T._doubling_repaired("шттарф") is None
    assert T._doubling_repaired("каса") is None   # too short to be repaired by a letter


def _words(text: str) -> set[str]:
    return {w for group in T.word_groups(T.fold(text)) for w in group}


@pytest.mark.parametrize(("question", "added"), [
    ("how do I unsubscribe", {"withdraw", "consent"}),
    ("they ignored my opt out", {"withdraw", "consent"}),
    ("как отписаться от рассылки", {"отозвать", "согласие"}),
    ("я отписался, а письма идут", {"отозвать", "согласие"}),
    ("отписку не принимают", {"отзыв", "согласия"}),
    ("i clicked agree once", {"consent"}),
    ("я поставил галочку на сайте", {"согласие"}),
])
def test_everyday_words_for_consent_reach_the_entries_words(question: str, added: set[str]) -> None:
    assert added <= _words(question)


@pytest.mark.parametrize("question", [
    "how do I subscribe to the newsletter",        # subscribing is not withdrawing
    "подписаться на рассылку",
    "i clicked the link in the email",             # a click is not consent
    "поставил подпись в договоре",
])
def test_neighbours_get_no_consent_words(question: str) -> None:
    assert not {"withdraw", "consent", "отозвать", "согласие", "отзыв"} & _words(question)


@pytest.mark.parametrize("text", ["marketing emails: unsubscribe, opt out", "отписаться от рассылки"])
def test_an_entrys_own_everyday_words_gain_nothing(text: str) -> None:
    # one way only: Art. 21's keyword "unsubscribe" must not make it an entry on withdrawing consent
    assert not {"withdraw", "consent", "отозвать", "согласие"} & set(T.words(text))
