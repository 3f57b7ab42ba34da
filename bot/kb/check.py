"""`python -m bot kb check` and `kb stats`: what the schema alone cannot see."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.kb import text as T
from bot.kb.amounts import mentions_amount
from bot.kb.loader import load_entries
from bot.kb.models import DOMAINS, Entry
from bot.kb.sources import is_official, is_secondary, kind_of, note_explains_no_official

# Two questions this similar (token_sort_ratio) would send the same user to two places.
QUESTION_COLLISION = 95


def _normal_question(question: str) -> str:
    return " ".join(T.fold(question).replace("?", " ").split())


def check_entries(entries: list[Entry]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in seen:
            problems.append(f"{entry.file}: {entry.id}: duplicate id (also in {seen[entry.id].file})")
        seen[entry.id] = entry
        if entry.fine:
            for lang in ("ru", "en"):
                if not mentions_amount(entry.answer.get(lang), entry.fine.amount_eur):
                    problems.append(
                        f"{entry.file}: {entry.id}: the {lang} answer does not state the amount "
                        f"€{entry.fine.amount_eur:,} of fine.amount_eur"
                    )
                standing = entry.fine.standing_eur
                if standing and standing != entry.fine.amount_eur and not mentions_amount(
                        entry.answer.get(lang), standing):
                    problems.append(
                        f"{entry.file}: {entry.id}: the {lang} answer does not state the standing amount "
                        f"€{standing:,} after fine.history"
                    )
        if all(is_secondary(s.url) for s in entry.all_sources()) and not note_explains_no_official(entry.note):
            problems.append(
                f"{entry.file}: {entry.id}: every source is secondary (news, blog, tracker): cite the official "
                "text, or say in `note` why there is no official text (a sentence with the word 'official')"
            )
        if not entry.questions.ru and not entry.questions.en and not entry.keywords:
            problems.append(f"{entry.file}: {entry.id}: no questions and no keywords: nothing to find it by")

    fines: dict[tuple, Entry] = {}
    for entry in entries:
        if entry.fine:
            key = (T.fold(entry.fine.company)[:12], entry.fine.decision_date, entry.fine.amount_eur)
            if key in fines:
                problems.append(f"{entry.file}: {entry.id}: the same fine as {fines[key].id}")
            fines[key] = entry

    owners: dict[str, str] = {}
    questions: list[str] = []
    question_owner: list[str] = []
    for entry in entries:
        for question in dict.fromkeys(entry.questions.all()):
            normal = _normal_question(question)
            if not normal:
                problems.append(f"{entry.file}: {entry.id}: empty question")
                continue
            if normal in owners and owners[normal] != entry.id:
                problems.append(f"{entry.id}: question {question!r} collides with {owners[normal]}")
            owners[normal] = entry.id
            questions.append(normal)
            question_owner.append(entry.id)
    if questions:
        matrix = process.cdist(questions, questions, scorer=fuzz.token_sort_ratio, score_cutoff=QUESTION_COLLISION)
        reported = set()
        for i, j in zip(*matrix.nonzero(), strict=True):
            a, b = question_owner[i], question_owner[j]
            if i < j and a != b and questions[i] != questions[j] and (a, b) not in reported:
                reported.add((a, b))
                problems.append(f"{a}: question {questions[i]!r} nearly collides with {b}: {questions[j]!r}")
    return problems


def run_check(directory: Path) -> list[str]:
    result = load_entries(directory)
    return result.problems + check_entries(result.entries)


def stats(entries: list[Entry]) -> str:
    per_domain: Counter[str] = Counter(e.domain for e in entries)
    questions: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        questions[entry.domain]["ru"] += len(entry.questions.ru)
        questions[entry.domain]["en"] += len(entry.questions.en)
    fines = [e for e in entries if e.fine]
    lines = [f"{'domain':<12} {'entries':>7} {'ru':>5} {'en':>5} {'q ru':>5} {'q en':>5}"]
    for domain in DOMAINS:
        n = per_domain[domain]
        lines.append(
            f"{domain:<12} {n:>7} {n:>5} {n:>5} {questions[domain]['ru']:>5} {questions[domain]['en']:>5}"
        )
    lines.append(f"{'total':<12} {len(entries):>7}")
    lines.append(
        f"fines: {len(fines)} ({sum(1 for e in fines if e.fine and e.fine.regime == 'gdpr')} GDPR, "
        f"{sum(1 for e in fines if e.fine and e.fine.regime == 'eprivacy')} ePrivacy), "
        f"countries: {len({e.fine.country for e in fines if e.fine})}"
    )
    changed = [e for e in fines if e.fine and e.fine.history]
    lines.append(
        f"fines with a court history: {len(changed)} "
        f"(standing amount differs: {sum(1 for e in changed if e.fine and e.fine.standing_eur != e.fine.amount_eur)}, "
        f"annulled: {sum(1 for e in changed if e.fine and e.fine.standing_eur == 0)})"
    )
    kinds: Counter[str] = Counter(kind_of(e.source.url) for e in entries)
    official_any = sum(1 for e in entries if any(is_official(s.url) for s in e.all_sources()))
    lines.append(
        f"primary source: official {kinds['official']} ({_share(kinds['official'], len(entries))}), "
        f"law database {kinds['law database']}, secondary {kinds['secondary']}, other {kinds['other']}; "
        f"an official source anywhere: {official_any} ({_share(official_any, len(entries))})"
    )
    for domain in DOMAINS:
        mine = [e for e in entries if e.domain == domain]
        if mine:
            official = sum(1 for e in mine if is_official(e.source.url))
            law_text = sum(1 for e in mine if kind_of(e.source.url) == "law database")
            lines.append(f"  {domain:<12} official primary source: {official}/{len(mine)} "
                         f"({_share(official, len(mine))}), the law's text from a law database: {law_text}")
    return "\n".join(lines)


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"
