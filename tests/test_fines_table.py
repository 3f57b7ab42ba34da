"""The fines list reads a decision's company name with the question's own tokeniser: a brand named in brackets
after its owner ("Meta Platforms Ireland Ltd (Facebook, Instagram)") is found by the brand, comma or not."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from tests.kbfactory import make_entry


def decision(entry_id: str, company: str, amount: int) -> dict:
    return {"authority": "DPC", "country": "IE", "company": company, "decision_date": "2022-12-31",
            "amount_eur": amount, "history": []}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.from_entries([
        make_entry("fine-meta-contract", title_ru="Meta: договор", title_en="Meta: contract as a basis",
                   answer_ru="390 млн евро", answer_en="€390m", domain="gdpr_fines",
                   fine=decision("fine-meta-contract", "Meta Platforms Ireland Ltd (Facebook, Instagram)",
                                 390_000_000)),
        make_entry("fine-tiktok", title_ru="TikTok", title_en="TikTok: children", answer_ru="345 млн евро",
                   answer_en="€345m", domain="gdpr_fines", fine=decision("fine-tiktok", "TikTok Technology Ltd",
                                                                           345_000_000)),
    ])


@pytest.mark.parametrize("question", ["fines against Facebook", "штрафы facebook", "fines against Instagram"])
def test_a_brand_in_brackets_after_its_owner_finds_the_owners_decision(kb: KnowledgeBase, question: str) -> None:
    query = kb.fines.parse(question)
    assert query is not None
    assert [e.id for e in kb.fines.run(query)] == ["fine-meta-contract"]
