"""The questions each entry lists as how people ask for it: a question that is one of them word for word, or nearly,
chose that entry (bot/understanding/rank.py weighs it by `AS_WRITTEN`)."""

from __future__ import annotations

from bot.kb import KnowledgeBase
from bot.kb import text as T
from bot.kb.models import Entry
from bot.understanding.query import Query
from bot.understanding.titles import _content_terms

AS_WRITTEN = 1.3   # the question is one of the entry's sample questions, word for word (or nearly)
NEAR_SAMPLE = 0.8   # the share of words a question and a sample question have in common (of both together)
NEAR_SAMPLE_WORDS = 3   # ... of at least this many words: a short question is near too many samples


def asked_as_written(kb: KnowledgeBase, q: Query) -> frozenset[str]:
    """The entries one of whose sample questions is the question word for word but for stopwords ("что такое
    GDPR"). A sample question is how people ask for that entry, so such a question chose it, however short."""
    def build(base: KnowledgeBase) -> dict[frozenset[str], frozenset[str]]:
        out: dict[frozenset[str], set[str]] = {}
        for e in base.entries:
            for text in e.questions.all():
                out.setdefault(_content_terms(text), set()).add(e.id)
        return {words: frozenset(ids) for words, ids in out.items()}
    words = _content_terms(q.search_text or q.text)
    return kb.built("sample_question_terms", build).get(words, frozenset()) if words else frozenset()


def _closed_terms(text: str) -> frozenset[str]:
    """A text's content terms with their synonyms by term, whatever form the word took («иностранца» as much as
    «иностранцу»), so that two wordings of one question are compared alike."""
    own = _content_terms(text)
    return own.union(*(T.TERM_SYNONYMS.get(t, ()) for t in own))


def nearly_as_written(kb: KnowledgeBase, q: Query, entries: list[Entry]) -> frozenset[str]:
    """Those of `entries` one of whose sample questions shares nearly all its words with the question (`NEAR_SAMPLE`
    of the two together, stopwords aside): "what is personal data under GDPR" is "what counts as personal data
    under GDPR" asked in other words, and chooses that entry as the sample asked word for word does."""
    def build(base: KnowledgeBase) -> dict[str, tuple[frozenset[str], ...]]:
        return {e.id: tuple(w for text in e.questions.all() if (w := _closed_terms(text))) for e in base.entries}
    words = _closed_terms(q.search_text or q.text)
    if len(words) < NEAR_SAMPLE_WORDS:
        return frozenset()
    samples = kb.built("sample_question_terms_by_entry", build)
    # ... and says the same year or figure: "leaked in 2022" is not "leaked in 2024" asked in other words
    return frozenset(e.id for e in entries
                     if any(len(words & s) >= NEAR_SAMPLE * len(words | s) and not any(
                         t[0].isdigit() for t in words ^ s) for s in samples.get(e.id, ())))
