"""Plain parts of channel posting: splitting long HTML for Telegram, and which cron slot is due."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channel.schedule import cron_trigger, latest_slot, next_slot
from bot.channel.split import split_html
from tg_sandbox.html_entities import parse_html

MSK = ZoneInfo("Europe/Moscow")


def visible(html: str) -> str:
    return re.sub(r"\s+", "", parse_html(html)[0])


def test_a_short_message_is_one_part() -> None:
    assert split_html("<b>hi</b>") == ["<b>hi</b>"]


def test_a_long_digest_splits_at_paragraph_boundaries() -> None:
    paragraphs = [f"<b>Утечка {n}</b>\n" + ("строка &amp; текст " * 40).strip() for n in range(30)]
    text = "\n\n".join(paragraphs)
    parts = split_html(text, 4096)
    assert len(parts) > 1 and all(len(part) <= 4096 for part in parts)
    assert "\n\n".join(parts) == text  # nothing lost, nothing cut inside a paragraph
    assert all(part.startswith("<b>Утечка") for part in parts)


def test_a_tag_spanning_paragraphs_is_closed_and_reopened_at_the_cut() -> None:
    text = "<b>" + "a" * 50 + "\n\n" + "b" * 50 + "</b>"
    parts = split_html(text, 70)
    assert parts == ["<b>" + "a" * 50 + "</b>", "<b>" + "b" * 50 + "</b>"]


def test_a_paragraph_longer_than_the_limit_is_cut_outside_tags_and_stays_valid_html() -> None:
    text = '<a href="https://example.org/?a=1&amp;b=2">' + "очень длинная ссылка &lt;x&gt; " * 400 + "</a>"
    parts = split_html(text, 1000)
    assert len(parts) > 5 and all(len(part) <= 1000 for part in parts)
    for part in parts:
        parse_html(part)  # raises on an unclosed tag or a broken entity, as Telegram would
        assert part.startswith("<a href=") and part.endswith("</a>")
    assert "".join(visible(p) for p in parts) == visible(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "b", "i", "code", "blockquote"]),
                          st.text(alphabet=st.sampled_from("ab &<\n😀"), min_size=0, max_size=300)), max_size=40),
       st.integers(min_value=60, max_value=600))
def test_any_text_splits_into_valid_parts_within_the_limit(chunks: list[tuple[str, str]], limit: int) -> None:
    from html import escape
    text = "\n\n".join(f"<{tag}>{escape(body)}</{tag}>" if tag else escape(body) for tag, body in chunks)
    parts = split_html(text, limit)
    for part in parts:
        assert len(part) <= limit
        parse_html(part)
    assert "".join(visible(p) for p in parts) == visible(text)


def test_after_downtime_only_the_latest_missed_slot_is_due() -> None:
    daily = cron_trigger("0 9 * * *", "Europe/Moscow")
    now = datetime(2026, 11, 26, 12, 0, tzinfo=MSK)
    assert latest_slot(daily, now, not_before=now - timedelta(days=3)) == datetime(2026, 11, 26, 9, 0, tzinfo=MSK)
    assert latest_slot(daily, now, not_before=now) is None  # armed just now: nothing was missed
    weekly = cron_trigger("0 10 * * mon", "Europe/Moscow")
    assert latest_slot(weekly, now, not_before=now - timedelta(days=30)) == datetime(2026, 11, 23, 10, 0, tzinfo=MSK)
    assert next_slot(weekly, now) == datetime(2026, 11, 30, 10, 0, tzinfo=MSK)


def test_the_digest_lists_law_changes_that_took_effect_in_its_week(real_kb) -> None:
    from datetime import date

    from bot.channel.digest import Digest, entries_of_week, render_digest

    fines, changes = entries_of_week(real_kb.entries, date(2025, 9, 1), date(2025, 9, 7))
    ids = {entry.id for entry in changes}
    assert {"pd-consent-separate-document-2025", "sim-transfer-allowed-relatives"} <= ids
    assert all(entry.fine is None for entry in changes)
    text = render_digest(Digest(date(2025, 9, 1), date(2025, 9, 7), [], fines, changes), "en")
    assert "Law changes" in text and "1 Sep 2025" in text and "No new breaches this week." in text
