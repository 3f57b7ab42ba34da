"""Small knowledge entries built in code, for tests that must not depend on the curated base."""

from __future__ import annotations

import datetime as dt

from bot.kb.models import Entry


def make_entry(entry_id: str, *, title_ru: str, title_en: str, answer_ru: str, answer_en: str,
               keywords: list[str] | None = None, domain: str = "ru_pd", fine: dict | None = None,
               questions_ru: list[str] | None = None, questions_en: list[str] | None = None) -> Entry:
    return Entry.model_validate({
        "id": entry_id,
        "domain": domain,
        "title": {"ru": title_ru, "en": title_en},
        "answer": {"ru": answer_ru, "en": answer_en},
        "keywords": keywords or [],
        "questions": {"ru": questions_ru or [], "en": questions_en or []},
        "source": {"title": "Test source", "url": "https://example.org/source"},
        "checked": dt.date(2026, 11, 1),
        "fine": fine,
    })


def sample_entries() -> list[Entry]:
    return [
        make_entry(
            "pd-leak-fine", title_ru="Штраф за утечку персональных данных", title_en="Fine for a personal data leak",
            answer_ru="За утечку персональных данных оператору грозит штраф по статье 13.11 КоАП.",
            answer_en="A leak of personal data is fined under KoAP article 13.11.",
            keywords=["утечка", "штраф", "роскомнадзор", "коап"],
            questions_ru=["какой штраф за утечку персональных данных"],
        ),
        make_entry(
            "pd-rkn", title_ru="Роскомнадзор — регулятор персональных данных",
            title_en="Roskomnadzor, the personal data regulator",
            answer_ru="Роскомнадзор контролирует обработку персональных данных в России.",
            answer_en="Roskomnadzor supervises the processing of personal data in Russia.",
            keywords=["ркн", "роскомнадзор", "регулятор"],
        ),
        make_entry(
            "sim-foreigners", title_ru="SIM-карты для иностранцев", title_en="SIM cards for foreigners",
            answer_ru="Иностранцы получают SIM-карту только после биометрической идентификации.",
            answer_en="Foreigners get a SIM card only after biometric identification.",
            keywords=["сим", "иностранец", "биометрия"], domain="ru_sim",
        ),
        make_entry(
            "fine-ie-dpc-meta-2023-05", title_ru="Meta: 1,2 млрд евро", title_en="Meta: €1.2 billion",
            answer_ru="DPC оштрафовал Meta на 1,2 млрд евро за передачу данных в США.",
            answer_en="The DPC fined Meta €1.2 billion for transfers to the US.",
            keywords=["meta", "facebook"], domain="gdpr_fines",
            fine={"authority": "DPC", "country": "IE", "company": "Meta Platforms Ireland Ltd",
                  "decision_date": "2023-05-12", "amount_eur": 1_200_000_000, "articles": ["46(1)"]},
        ),
        make_entry(
            "fine-it-garante-thin-2023-07", title_ru="Thin S.r.l.: 15 000 евро", title_en="Thin S.r.l.: €15,000",
            answer_ru="Garante оштрафовал Thin S.r.l. на 15 000 евро за псевдонимизацию вместо анонимизации.",
            answer_en="The Garante fined Thin S.r.l. €15,000 for treating pseudonymised data as anonymous.",
            keywords=["thin", "анонимизация"], domain="gdpr_fines",
            fine={"authority": "Garante", "country": "IT", "company": "Thin S.r.l.",
                  "decision_date": "2023-07-01", "amount_eur": 15_000, "articles": ["5(1)(a)", "9(2)", "13"]},
        ),
        make_entry(
            "fine-it-garante-enel-2024-02", title_ru="Enel Energia: 79,1 млн евро",
            title_en="Enel Energia: €79.1 million",
            answer_ru="Garante оштрафовал Enel Energia на 79,1 млн евро.",
            answer_en="The Garante fined Enel Energia €79.1 million.",
            keywords=["enel"], domain="gdpr_fines",
            fine={"authority": "Garante", "country": "IT", "company": "Enel Energia S.p.A.",
                  "decision_date": "2024-02-08", "amount_eur": 79_107_101, "articles": ["5", "32"]},
        ),
    ]
