"""Inline mode: `@bot штраф мета` in any chat offers answers as results."""

from __future__ import annotations

from aiogram.types import InlineQuery, InlineQueryResultArticle, InputTextMessageContent

from bot.answers import answer_question
from bot.config import Settings
from bot.handlers.routing import Routes
from bot.kb import KnowledgeBase
from bot.render import fit, render_entry
from bot.texts import t

router = Routes("inline")
MAX_RESULTS = 5


def _article(result_id: str, title: str, text: str, description: str = "") -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=result_id[:64],
        title=title[:256],
        description=description[:256] or None,
        input_message_content=InputTextMessageContent(message_text=text, parse_mode="HTML"),
    )


@router.inline_query()
async def inline_answers(query: InlineQuery, lang: str, kb: KnowledgeBase, settings: Settings) -> None:
    question = query.query.strip()[:settings.max_text_length]
    results: list[InlineQueryResultArticle] = []
    if question:
        fines = kb.fines.parse(question)
        if fines is not None:
            answer = answer_question(kb, question, lang, max_length=settings.max_text_length)
            results.append(_article("list", answer.text.split("\n", 1)[0].replace("<b>", "").replace("</b>", ""),
                                    answer.text))
        hits = kb.index.search(question, limit=MAX_RESULTS)
        if hits.confident:
            for hit in hits.hits:
                entry = hit.entry
                results.append(
                    _article(entry.id, entry.title.get(lang), fit(render_entry(entry, lang)),
                             entry.answer.get(lang)[:120])
                )
    if not results:
        results.append(_article("help", t("inline_help_title", lang), t("inline_help_text", lang)))
    await query.answer(results[:MAX_RESULTS], cache_time=60, is_personal=True)
