"""A fine changed in court reads as it stands: the list line and the facts give the standing amount and the step."""

from __future__ import annotations

from bot.render import fine_facts, fine_line
from tests.kbfactory import make_entry

COURT = {"title": "Court", "url": "https://court.example.org/ruling"}


def post(history: list[dict]) -> object:
    return make_entry("fine-post", title_ru="Почта", title_en="Post", answer_ru="18 млн евро", answer_en="€18 million",
                      domain="gdpr_fines", keywords=["post"],
                      fine={"authority": "DSB", "country": "AT", "company": "Post <AG>", "decision_date": "2019-10-23",
                            "amount_eur": 18_000_000, "history": history})


def test_an_untouched_fine_reads_as_before() -> None:
    assert fine_line(post([]), "en") == "Post &lt;AG&gt; — €18m (DSB, Austria, 23 Oct 2019)"


def test_a_redecided_fine_shows_what_stands_and_the_last_step() -> None:
    entry = post([
        {"date": "2020-11-26", "outcome": "annulled", "by": "BVwG", "source": COURT},
        {"date": "2024-02-01", "outcome": "remitted", "by": "VwGH", "source": COURT},
        {"date": "2024-12-27", "outcome": "re-decided", "by": "BVwG", "amount_eur": 16_000_000, "source": COURT},
    ])
    assert fine_line(entry, "en") == ("Post &lt;AG&gt; — €16m (was €18m) "
                                      "(DSB, Austria, 23 Oct 2019; decided anew 27 Dec 2024)")
    assert "16 млн € (было 18 млн €)" in fine_line(entry, "ru")
    facts = fine_facts(entry, "en")
    assert "Amount: €16,000,000 (was €18,000,000)" in facts
    assert "26 Nov 2020: annulled (BVwG); 1 Feb 2024: sent back for a new ruling (VwGH)" in facts


def test_an_annulled_fine_says_so_and_a_step_known_to_the_year_shows_the_year() -> None:
    entry = post([{"date": "2025-01-01", "date_precision": "year", "outcome": "annulled", "by": "Court",
                   "source": COURT}])
    assert fine_line(entry, "en") == "Post &lt;AG&gt; — annulled (was €18m) (DSB, Austria, 23 Oct 2019; annulled 2025)"
    assert "отменён (было 18 млн €)" in fine_line(entry, "ru")


def test_a_pending_appeal_keeps_the_amount_and_names_the_appeal() -> None:
    entry = post([{"date": "2025-03-21", "outcome": "appealed", "by": "Court <of Rome>", "final": False,
                   "source": COURT}])
    assert fine_line(entry, "en").endswith("— €18m (DSB, Austria, 23 Oct 2019; appealed 21 Mar 2025)")
    assert "appealed (Court &lt;of Rome&gt;)" in fine_facts(entry, "en")
