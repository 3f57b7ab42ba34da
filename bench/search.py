"""Search benchmarks: hit rate against two baselines, and latency on real and synthetic bases."""

from __future__ import annotations

import json
import random
import re
import statistics
import time
from collections import defaultdict
from pathlib import Path

from rank_bm25 import BM25Okapi
from rapidfuzz import fuzz, process, utils

from bot.answers import answer_question
from bot.kb import KnowledgeBase
from bot.kb.models import Entry
from bot.render import render_entry

SHARED_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "questions_dev.jsonl"
HELDOUT = Path(__file__).resolve().parent / "questions_heldout.jsonl"


def normalise(text: str) -> str:
    """The eval's rule: case, ё->е and digit grouping ("15 000" = "15,000" = "15000") do not matter."""
    text = text.lower().replace("ё", "е")
    return re.sub(r"(?<=\d)[\s\u00a0\u202f,.](?=\d{3}(?!\d))", "", text)


def is_hit(reply: str, must_contain_any: list[str]) -> bool:
    reply = normalise(reply)
    return any(normalise(expected) in reply for expected in must_contain_any)


def load_questions(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def entry_text(entry: Entry) -> str:
    return " ".join([entry.title.ru, entry.title.en, " ".join(entry.keywords), entry.answer.ru, entry.answer.en])


class Baselines:
    """The two baselines of the issue, over the same entries: whole-text fuzzy match and BM25."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.texts = [entry_text(e) for e in entries]
        # A fairer fuzzy baseline than whole-text WRatio (which long answers drown): titles and sample questions.
        self.short_texts = [" ".join([e.title.ru, e.title.en, *e.questions.all()]) for e in entries]
        self.bm25 = BM25Okapi([self._tokens(t) for t in self.texts])

    @staticmethod
    def _tokens(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower().replace("ё", "е"))

    def rapidfuzz_answer(self, question: str, lang: str) -> str:
        match = process.extractOne(question, self.texts, scorer=fuzz.WRatio, processor=utils.default_process)
        return render_entry(self.entries[match[2]], lang) if match else ""

    def rapidfuzz_titles_answer(self, question: str, lang: str) -> str:
        match = process.extractOne(question, self.short_texts, scorer=fuzz.token_set_ratio,
                                   processor=utils.default_process)
        return render_entry(self.entries[match[2]], lang) if match else ""

    def bm25_answer(self, question: str, lang: str) -> str:
        scores = self.bm25.get_scores(self._tokens(question))
        best = max(range(len(scores)), key=scores.__getitem__)
        return render_entry(self.entries[best], lang)


def hit_rates(kb: KnowledgeBase, questions: list[dict]) -> dict[str, dict[str, tuple[int, int]]]:
    """{system: {topic or 'all': (hits, total)}}."""
    baselines = Baselines(kb.entries)
    systems = {
        "bot": lambda q, lang: answer_question(kb, q, lang).text,
        "rapidfuzz WRatio": baselines.rapidfuzz_answer,
        "rapidfuzz token_set (titles)": baselines.rapidfuzz_titles_answer,
        "BM25": baselines.bm25_answer,
    }
    table: dict[str, dict[str, list[int]]] = {name: defaultdict(lambda: [0, 0]) for name in systems}
    for row in questions:
        for name, system in systems.items():
            hit = is_hit(system(row["q"], row["lang"]), row["must_contain_any"])
            for key in ("all", row["topic"]):
                table[name][key][0] += hit
                table[name][key][1] += 1
    return {name: {k: (v[0], v[1]) for k, v in topics.items()} for name, topics in table.items()}


def synthetic_entries(real: list[Entry], count: int, seed: int = 7) -> list[Entry]:
    """`count` entries made by recombining the real ones' words: realistic vocabulary and lengths."""
    rng = random.Random(seed)
    words_ru = [w for e in real for w in e.answer.ru.split()]
    words_en = [w for e in real for w in e.answer.en.split()]
    out = []
    for i in range(count):
        base = real[i % len(real)]
        out.append(base.model_copy(update={
            "id": f"synthetic-{i}",
            "title": base.title.model_copy(update={"ru": " ".join(rng.sample(words_ru, 6)),
                                                   "en": " ".join(rng.sample(words_en, 6))}),
            "answer": base.answer.model_copy(update={"ru": " ".join(rng.sample(words_ru, 40)),
                                                     "en": " ".join(rng.sample(words_en, 40))}),
            "keywords": rng.sample(words_en + words_ru, 6),
        }))
    return out


def latency(kb: KnowledgeBase, questions: list[str], repeat: int = 3) -> tuple[float, float]:
    """(p50, p99) in milliseconds of answering each question (search plus list-question parsing)."""
    timings = []
    for _ in range(repeat):
        for question in questions:
            start = time.perf_counter()
            kb.fines.parse(question)
            kb.index.search(question)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[min(len(timings) - 1, int(len(timings) * 0.99))]
