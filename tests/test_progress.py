"""The admins' live fan-out progress: what the message says at each stage."""

from __future__ import annotations

from bot.delivery.progress import Progress


def test_progress_shows_sent_total_rate_and_time_left() -> None:
    midway = Progress(total=500, sent=240, skipped=2, failed=0, elapsed=10.0)
    text = midway.render("Литрес", "ru")
    assert "240 / 500" in text and "2 заблокировали" in text
    assert "24,2 в секунду" in text and "осталось ≈ 11 с" in text  # 258 left at 24.2 a second
    assert "Готово" not in text


def test_progress_counts_take_the_russian_plural() -> None:
    def failed(n: int) -> str:
        return Progress(total=500, sent=10, skipped=0, failed=n, elapsed=10.0).render("Литрес", "ru")

    assert "1 ошибка" in failed(1) and "2 ошибки" in failed(2) and "5 ошибок" in failed(5) and "21 ошибка" in failed(21)


def test_finished_progress_says_done_with_the_duration() -> None:
    done = Progress(total=5000, sent=4990, skipped=6, failed=4, elapsed=170.0, open_rows=0)
    text = done.render("Litres", "en")
    assert done.finished and "4,990 / 5,000 sent" in text and "4 failed" in text
    assert "Done in 2 min 50 s" in text


def test_no_rate_yet_means_unknown_time_left() -> None:
    assert Progress(total=100, sent=0, skipped=0, failed=0, elapsed=0.0).seconds_left is None


def test_a_fan_out_whose_rows_vanished_still_finishes_and_names_are_escaped() -> None:
    # Two watchers sent /forget mid-fan-out: their rows are gone, nothing is open, so it is done.
    done = Progress(total=100, sent=98, skipped=0, failed=0, elapsed=4.0, open_rows=0)
    assert done.finished and "✅" in done.render("AT&T <Mobile>", "en")
    assert "AT&amp;T &lt;Mobile&gt;" in done.render("AT&T <Mobile>", "en")
