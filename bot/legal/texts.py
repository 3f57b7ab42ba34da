"""The fixed strings of the legal tools, in Russian and English. `lt(key, lang, **values)` escapes the values, like
bot/texts.py `t()` (which holds the strings the rest of the bot shares: /help, stale buttons, the disclaimer)."""

from __future__ import annotations

from html import escape

LEGAL_TEXTS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- estimate
    "est_title_ru": {"ru": "Штраф за утечку: Россия, ст. 13.11 КоАП РФ (в ред. 420-ФЗ, с 30 мая 2025 года)",
                     "en": "Leak fine: Russia, KoAP RF Art. 13.11 (as amended by 420-FZ, since 30 May 2025)"},
    "est_title_gdpr": {"ru": "Штраф за утечку: GDPR, ст. 83", "en": "Leak fine: GDPR Art. 83"},
    "est_title_dpdp": {"ru": "Штраф за утечку: Индия, закон DPDP 2023 (Приложение)",
                       "en": "Leak fine: India, DPDP Act 2023 (the Schedule)"},
    "est_case": {"ru": "Что известно: {facts}.", "en": "The case: {facts}."},
    "est_people": {"ru": "{n} чел.", "en": "{n} people"},
    "est_identifiers": {"ru": "{n} идентификаторов (записей)", "en": "{n} identifiers (records)"},
    "est_count_unknown": {"ru": "объём неизвестен", "en": "size unknown"},
    "est_ordinary": {"ru": "обычные персональные данные", "en": "ordinary personal data"},
    "est_special": {"ru": "специальные категории (здоровье и др.)", "en": "special categories (health etc.)"},
    "est_biometric": {"ru": "биометрия", "en": "biometric data"},
    "est_first": {"ru": "впервые", "en": "first leak"},
    "est_repeat": {"ru": "повторно", "en": "repeat leak"},
    "est_legal": {"ru": "юрлицо", "en": "legal entity"},
    "est_official": {"ru": "должностное лицо", "en": "official"},
    "est_citizen": {"ru": "гражданин", "en": "individual"},
    "est_undertaking": {"ru": "компания", "en": "company (undertaking)"},
    "est_not_undertaking": {"ru": "не компания (госорган, частное лицо)",
                            "en": "not a company (public body, individual)"},
    "est_revenue": {"ru": "выручка {money}", "en": "revenue {money}"},
    "est_turnover": {"ru": "оборот {money}", "en": "turnover {money}"},
    "est_range": {"ru": "от {low} до {high}", "en": "{low} to {high}"},
    "est_up_to": {"ru": "до {high}", "en": "up to {high}"},
    "est_when": {"ru": "если это {condition}", "en": "if it is {condition}"},
    "est_turnover_rule": {"ru": "{pct_low}–{pct_high} % выручки за прошлый год, но не менее {floor} и не более {cap}",
                          "en": "{pct_low}–{pct_high}% of last year's revenue, but at least {floor} and at most {cap}"},
    "est_turnover_at": {"ru": "при выручке {revenue}: {amount}", "en": "with revenue of {revenue}: {amount}"},
    "est_gdpr_rule": {"ru": "до {fixed} или до {pct} % мирового годового оборота — что больше",
                      "en": "up to {fixed} or up to {pct}% of worldwide annual turnover, whichever is higher"},
    "est_gdpr_at": {"ru": "при обороте {revenue}: до {amount}", "en": "with turnover of {revenue}: up to {amount}"},
    "est_gdpr_fixed": {"ru": "не компания: до {amount}", "en": "not an undertaking: up to {amount}"},
    "est_gdpr_83_4": {"ru": "безопасность и уведомление (ст. 32–34)", "en": "security and notification (Arts 32-34)"},
    "est_gdpr_83_5": {"ru": "если нарушены принципы (ст. 5, в т. ч. 5(1)(f) — конфиденциальность)",
                      "en": "if the principles are breached (Art. 5, incl. 5(1)(f) confidentiality)"},
    "est_dpdp_1": {"ru": "не приняты разумные меры безопасности, что привело к утечке (ст. 8(5))",
                   "en": "failure to take reasonable security safeguards, leading to the breach (s.8(5))"},
    "est_dpdp_2": {"ru": "не уведомили Совет и пострадавших (ст. 8(6))",
                   "en": "failure to notify the Board and the people affected (s.8(6))"},
    "est_mitigated": {"ru": "Смягчённый вариант вместо оборотного: {amount}, если выполнены все условия закона "
                            "(в т. ч. расходы на ИБ не менее 0,1 % выручки в каждом из 3 прошлых лет)",
                      "en": "Milder alternative to the turnover fine: {amount}, if every condition of the law is met "
                            "(incl. security spending of at least 0.1% of revenue in each of the 3 previous years)"},
    "est_notify_ru": {"ru": "🔔 Утечка обязывает уведомить Роскомнадзор в течение 24 часов и сообщить результаты "
                            "расследования в течение 72 часов (ч. 3.1 ст. 21 152-ФЗ). "
                            "За неуведомление — {ref}: {amount}.",
                      "en": "🔔 A leak must be reported to Roskomnadzor within 24 hours, with the results of the "
                            "investigation within 72 hours (152-FZ Art. 21(3.1)). Failing to do so: {ref}, {amount}."},
    "est_notify_gdpr": {"ru": "🔔 Надзорный орган уведомляют без неоправданной задержки и, где возможно, в течение "
                              "72 часов (ст. 33); пострадавших — без неоправданной задержки, если риск высокий "
                              "(ст. 34). Нарушение этих обязанностей — нижний уровень, {ref}.",
                        "en": "🔔 The supervisory authority must be notified without undue delay and, where feasible, "
                              "within 72 hours (Art. 33); the people affected without undue delay if the risk is high "
                              "(Art. 34). Failing to do so falls under the lower tier, {ref}."},
    "est_notify_dpdp": {"ru": "🔔 Совету — без промедления и подробный отчёт в течение 72 часов, каждому "
                              "пострадавшему — без промедления (Правило 7). За неуведомление — {ref}: {amount}.",
                        "en": "🔔 The Board must be told without delay, with a detailed report within 72 hours, and "
                              "every affected person without delay (Rule 7). Failing to notify: {ref}, {amount}."},
    "est_deadline_hint": {"ru": "Точные сроки от момента обнаружения: /deadline", "en": "Exact deadlines: /deadline"},
    "est_sources": {"ru": "Источники", "en": "Sources"},
    "est_other_regimes": {"ru": "Пошагово и для других законов (GDPR, DPDP): /fine",
                          "en": "Step by step, or for another law (Russia, DPDP): /fine"},
    # notes (the estimate's `notes` codes)
    "note_regardless_of_count": {"ru": "Для спецкатегорий и биометрии размер не зависит от числа пострадавших.",
                                 "en": "For special categories and biometrics the amount does not depend on how "
                                       "many people are affected."},
    "note_count_unknown": {"ru": "Размер зависит от объёма: ч. 12 — от 1 000 человек или 10 000 идентификаторов, "
                                 "ч. 13 — более 10 000 / 100 000, ч. 14 — более 100 000 / 1 000 000.",
                           "en": "The amount depends on the size: part 12 from 1,000 people or 10,000 identifiers, "
                                 "part 13 over 10,000 / 100,000, part 14 over 100,000 / 1,000,000."},
    "note_count_unknown_repeat": {"ru": "Если утекло меньше 1 000 человек и 10 000 идентификаторов, повтор "
                                        "наказывается по ч. 1.1, а не оборотным штрафом.",
                                  "en": "If fewer than 1,000 people and 10,000 identifiers leaked, a repeat falls "
                                        "under part 1.1, not the turnover fine."},
    "note_below_thresholds": {"ru": "Меньше 1 000 человек и 10 000 идентификаторов: специальные части 12–14 не "
                                    "применяются, наказывают по общей ч. 1 (повтор — ч. 1.1).",
                              "en": "Below 1,000 people and 10,000 identifiers parts 12–14 do not apply; the general "
                                    "part 1 does (a repeat: part 1.1)."},
    "note_on_the_edge": {"ru": "⚠️ {value} — ровно на границе: источники называют это число и верхней границей "
                               "одной части, и нижней границей следующей. Я взял меньшую; уточните по тексту закона.",
                         "en": "⚠️ {value} is exactly on a boundary: sources give it both as the top of one part and "
                               "the bottom of the next. I used the lower part; check the text of the law."},
    "note_no_amount": {"ru": "Суммы по ч. {part} для этого нарушителя в моих источниках не найдены — не называю.",
                       "en": "My sources give no amount under part {part} for this offender, so I name none."},
    "note_no_lower_bound": {"ru": "Нижняя граница штрафа для граждан и должностных лиц в моих источниках не названа.",
                            "en": "My sources give no lower bound for individuals and officials here."},
    "note_turnover_basis": {"ru": "Выручка — совокупная за календарный год до года выявления нарушения; для банков "
                                  "считают от собственного капитала.",
                            "en": "Revenue means total revenue for the calendar year before the offence was "
                                  "detected; for banks, equity capital is used."},
    "note_revenue_unknown": {"ru": "Выручка не указана — показаны минимум и максимум.",
                             "en": "No revenue given, so the minimum and the cap are shown."},
    "note_mitigation_unclear": {"ru": "Применяется ли к ч. 18 смягчённый штраф 15–50 млн ₽, мои источники не говорят.",
                                "en": "Whether the milder RUB 15–50 million fine applies to part 18 my sources do "
                                      "not say."},
    "note_gdpr_tiers": {"ru": "Какой потолок применят, заранее не ясно: регуляторы часто ссылаются и на ст. 32, и на "
                              "принципы ст. 5. Это максимумы, а не тарифы.",
                        "en": "Which ceiling applies is not clear in advance: authorities often cite both Art. 32 "
                              "and the Art. 5 principles. These are maximums, not tariffs."},
    "note_gdpr_turnover_unknown": {"ru": "Оборот не указан: для компании с оборотом больше 500 млн € потолок выше "
                                         "фиксированной суммы.",
                                   "en": "No turnover given: for a company with turnover above €500 million the "
                                         "ceiling exceeds the fixed amount."},
    "note_gdpr_not_undertaking": {"ru": "Процент от оборота применяется к компаниям; госорганы страна может "
                                        "освобождать от штрафов (ст. 83(7)).",
                                  "en": "The turnover share applies to undertakings; a Member State may exempt public "
                                        "bodies (Art. 83(7))."},
    "note_gdpr_criteria": {"ru": "Число пострадавших, категории данных и прежние нарушения учитываются по критериям "
                                 "ст. 83(2), но ступеней по объёму в GDPR нет.",
                           "en": "The number of people, the categories of data and previous infringements count under "
                                 "the Art. 83(2) criteria; GDPR has no bands by size."},
    "note_dpdp_maximums": {"ru": "Это предельные суммы; конкретный штраф Совет определяет по ст. 33(2) (тяжесть, "
                                 "повторность, меры по смягчению и др.). Оборотных штрафов в DPDP нет.",
                           "en": "These are maximums; the Board sets the amount under s.33(2) (gravity, repetition, "
                                 "mitigation and more). The DPDP Act has no turnover-based fines."},
    "note_dpdp_from_2027": {"ru": "Штрафы DPDP применяются с 13 мая 2027 года (третий этап вступления в силу).",
                            "en": "DPDP penalties apply from 13 May 2027 (the third commencement phase)."},
    "note_records_as_identifiers": {"ru": "«Записи» я посчитал идентификаторами. Если это {n} разных людей, "
                                          "применяется {part}: {amount}.",
                                    "en": "I counted the “records” as identifiers. If they are {n} different people, "
                                          "{part} applies: {amount}."},
    "note_sole_trader": {"ru": "ИП: в ч. 1.1 и 17 закон прямо приравнивает ИП к юрлицам; для других частей мои "
                               "источники этого не говорят — уточните.",
                         "en": "Sole traders: parts 1.1 and 17 treat them like legal entities; for other parts my "
                               "sources do not say — check."},
    "note_offender_assumed": {"ru": "Нарушитель не указан — считаю, что это юрлицо.",
                              "en": "No offender named, so I assumed a legal entity."},
    # ---------------------------------------------------------------- /fine wizard
    "fw_regime": {"ru": "<b>Оценка штрафа за утечку</b>\nКакой закон применить?",
                  "en": "<b>Leak fine estimate</b>\nWhich law applies?"},
    "fw_category": {"ru": "Какие данные утекли?", "en": "What kind of data leaked?"},
    "fw_count": {"ru": "Сколько утекло? 👤 — число людей, 🆔 — число идентификаторов (записей). "
                       "Можно написать точное число, например <i>50 000 записей</i>.",
                 "en": "How much leaked? 👤 — number of people, 🆔 — number of identifiers (records). "
                       "You can also type the exact number, e.g. <i>50,000 records</i>."},
    "fw_repeat": {"ru": "Это первая утечка или повторная (за утечку уже наказывали)?",
                  "en": "Is this the first leak, or a repeat (already punished for a leak)?"},
    "fw_offender": {"ru": "Кто нарушитель?", "en": "Who is the offender?"},
    "fw_revenue_ru": {"ru": "Напишите выручку за прошлый календарный год в рублях, например <i>5 млрд</i>: от неё "
                            "зависит оборотный штраф.",
                      "en": "Type last calendar year's revenue in roubles, e.g. <i>5 billion</i>: the turnover "
                            "fine depends on it."},
    "fw_revenue_gdpr": {"ru": "Напишите мировой годовой оборот за прошлый финансовый год в евро, например "
                              "<i>2 млрд</i>.",
                        "en": "Type the worldwide annual turnover of the last financial year in euros, e.g. "
                              "<i>2 billion</i>."},
    "fw_bad_number": {"ru": "Не понял число. Напишите, например: <i>50 000</i> или <i>2,5 млрд</i>.",
                      "en": "I did not get the number. Type, for example: <i>50,000</i> or <i>2.5 billion</i>."},
    "btn_ru": {"ru": "🇷🇺 Россия (КоАП)", "en": "🇷🇺 Russia (KoAP)"},
    "btn_gdpr": {"ru": "🇪🇺 GDPR", "en": "🇪🇺 GDPR"},
    "btn_dpdp": {"ru": "🇮🇳 Индия (DPDP)", "en": "🇮🇳 India (DPDP)"},
    "btn_ordinary": {"ru": "Обычные ПДн", "en": "Ordinary data"},
    "btn_special": {"ru": "Спецкатегории (здоровье…)", "en": "Special categories (health…)"},
    "btn_biometric": {"ru": "Биометрия", "en": "Biometrics"},
    "btn_unknown": {"ru": "Не знаю", "en": "Don't know"},
    "btn_first": {"ru": "Впервые", "en": "First leak"},
    "btn_repeat": {"ru": "Повторно", "en": "Repeat"},
    "btn_legal": {"ru": "Юрлицо (ООО, АО…)", "en": "Legal entity"},
    "btn_official": {"ru": "Должностное лицо", "en": "Official"},
    "btn_citizen": {"ru": "Гражданин", "en": "Individual"},
    "btn_undertaking": {"ru": "Компания", "en": "Company"},
    "btn_not_undertaking": {"ru": "Госорган / частное лицо", "en": "Public body / individual"},
    "btn_again": {"ru": "↺ Заново", "en": "↺ Start over"},
    # ---------------------------------------------------------------- deadlines
    "dl_title_ru": {"ru": "Сроки уведомления об утечке: Россия, 152-ФЗ",
                    "en": "Leak notification deadlines: Russia, 152-FZ"},
    "dl_title_gdpr": {"ru": "Сроки уведомления об утечке: GDPR", "en": "Breach notification deadlines: GDPR"},
    "dl_title_dpdp": {"ru": "Сроки уведомления об утечке: Индия, Правила DPDP 2025",
                      "en": "Breach notification deadlines: India, DPDP Rules 2025"},
    "dl_discovered": {"ru": "Утечку обнаружили: {when} ({zone})", "en": "Discovered: {when} ({zone})"},
    "dl_rkn_notice": {"ru": "Уведомить Роскомнадзор (24 ч)", "en": "Notify Roskomnadzor (24 h)"},
    "dl_rkn_results": {"ru": "Результаты внутреннего расследования в РКН (72 ч)",
                       "en": "Investigation results to Roskomnadzor (72 h)"},
    "dl_sa_notice": {"ru": "Уведомить надзорный орган (ст. 33, 72 ч «где возможно»)",
                     "en": "Notify the supervisory authority (Art. 33, 72 h “where feasible”)"},
    "dl_subjects": {"ru": "Сообщить пострадавшим, если риск высокий (ст. 34)",
                    "en": "Tell the people affected if the risk is high (Art. 34)"},
    "dl_board_intimation": {"ru": "Первичное уведомление Совета", "en": "First intimation to the Board"},
    "dl_board_report": {"ru": "Подробный отчёт Совету (72 ч)", "en": "Detailed report to the Board (72 h)"},
    "dl_principals": {"ru": "Сообщить каждому пострадавшему", "en": "Tell every affected person"},
    "dl_by": {"ru": "до <b>{when}</b>", "en": "by <b>{when}</b>"},
    "dl_no_delay_gdpr": {"ru": "без неоправданной задержки", "en": "without undue delay"},
    "dl_no_delay": {"ru": "без промедления", "en": "without delay"},
    "dl_left": {"ru": "осталось {left}", "en": "{left} left"},
    "dl_passed": {"ru": "срок истёк {ago} назад", "en": "passed {ago} ago"},
    "dl_rkn_fine": {"ru": "За неуведомление — {ref}: юрлицам {amount}.", "en": "Failing to notify: {ref}, {amount} "
                                                                                "for legal entities."},
    "dl_note_future": {"ru": "⚠️ Это время ещё не наступило — проверьте дату.",
                       "en": "⚠️ That moment is still in the future — check the date."},
    "dl_note_dpdp_not_in_force": {"ru": "Правило 7 действует с 13 мая 2027 года: до этой даты эти сроки формально не "
                                        "применяются.",
                                  "en": "Rule 7 applies from 13 May 2027: before then these deadlines do not formally "
                                        "apply."},
    "dl_note_gdpr_late_reasons": {"ru": "Уведомление позже 72 часов должно объяснять причины задержки.",
                                  "en": "A notice later than 72 hours must give the reasons for the delay."},
    "dl_tz_hint": {"ru": "Часовой пояс: {zone} — сменить: /tz", "en": "Time zone: {zone} — change: /tz"},
    "dl_prompt": {"ru": "Когда обнаружили утечку? Напишите, например: <i>вчера в 18:00</i>, <i>2 дня назад</i>, "
                        "<i>15.11.2026 09:30</i>.\nЧасовой пояс: {zone} (/tz).",
                  "en": "When was the leak discovered? Type, for example: <i>yesterday at 18:00</i>, "
                        "<i>2 days ago</i>, <i>15.11.2026 09:30</i>.\nTime zone: {zone} (/tz)."},
    "dl_not_understood": {"ru": "Не понял, когда это было: «{text}». Примеры: <i>вчера в 18:00</i>, <i>3 часа "
                                "назад</i>, <i>15.11.2026 09:30</i>.",
                          "en": "I could not read a time in “{text}”. Examples: <i>yesterday at 18:00</i>, "
                                "<i>3 hours ago</i>, <i>15.11.2026 09:30</i>."},
    "btn_now": {"ru": "Только что", "en": "Just now"},
    "dur_days": {"ru": "{n} д", "en": "{n} d"},
    "dur_hours": {"ru": "{n} ч", "en": "{n} h"},
    "dur_minutes": {"ru": "{n} мин", "en": "{n} min"},
    # ---------------------------------------------------------------- /tz
    "tz_current": {"ru": "Ваш часовой пояс: <b>{zone}</b>, сейчас там {time}.\nСменить: "
                         "<code>/tz Europe/Berlin</code>, <code>/tz Kolkata</code>, <code>/tz +3</code>, "
                         "<code>/tz UTC+5:30</code> — или кнопкой.",
                   "en": "Your time zone: <b>{zone}</b>, where it is now {time}.\nChange it: <code>/tz Europe/Berlin"
                         "</code>, <code>/tz Kolkata</code>, <code>/tz +3</code>, <code>/tz UTC+5:30</code> — or "
                         "press a button."},
    "tz_set": {"ru": "Часовой пояс: <b>{zone}</b>, сейчас там {time}.", "en": "Time zone set: <b>{zone}</b>, where "
                                                                             "it is now {time}."},
    "tz_unknown": {"ru": "Не знаю такого часового пояса: «{text}». Примеры: <code>Europe/Moscow</code>, "
                         "<code>Kolkata</code>, <code>+3</code>, <code>UTC+5:30</code>.",
                   "en": "I don't know that time zone: “{text}”. Examples: <code>Europe/Moscow</code>, "
                         "<code>Kolkata</code>, <code>+3</code>, <code>UTC+5:30</code>."},
    # ---------------------------------------------------------------- fines explorer and aggregates
    "fx_title": {"ru": "Штрафы GDPR", "en": "GDPR fines"},
    "fx_found": {"ru": "найдено {total}, стр. {page}/{pages}, {sort}", "en": "{total} found, page {page}/{pages}, "
                                                                            "{sort}"},
    "fx_sort_amount": {"ru": "по сумме", "en": "by amount"},
    "fx_sort_date": {"ru": "по дате", "en": "by date"},
    "fx_none": {"ru": "Под эти фильтры в моих данных ничего не подходит.", "en": "Nothing in my data matches these "
                                                                               "filters."},
    "fx_text_filters": {"ru": "Фильтр текстом: <code>/fines meta</code>, <code>/fines DPC 2024</code>, "
                              "<code>/fines статья 32</code>",
                        "en": "Filter by text: <code>/fines meta</code>, <code>/fines DPC 2024</code>, "
                              "<code>/fines article 32</code>"},
    "fx_data": {"ru": "Данные: мой набор из {size} решений (knowledge/gdpr_fines*.yaml), проверено по {date}. Это "
                      "выборка крупных и заметных решений, а не полный реестр.",
                "en": "Data: my set of {size} decisions (knowledge/gdpr_fines*.yaml), checked up to {date}. It is a "
                      "selection of large and notable decisions, not a complete register."},
    "fx_eprivacy_out": {"ru": "Не включены штрафы CNIL за cookie (ePrivacy, не GDPR): {n}.",
                        "en": "French CNIL cookie fines (ePrivacy, not GDPR) left out: {n}."},
    "fx_choose_country": {"ru": "Выберите страну:", "en": "Choose a country:"},
    "fx_choose_year": {"ru": "Выберите год:", "en": "Choose a year:"},
    "fx_choose_sector": {"ru": "Выберите сектор:", "en": "Choose a sector:"},
    "fx_choose_amount": {"ru": "Не меньше какой суммы?", "en": "At least how much?"},
    "btn_country": {"ru": "🌍 Страна", "en": "🌍 Country"},
    "btn_year": {"ru": "📅 Год", "en": "📅 Year"},
    "btn_sector": {"ru": "🏷 Сектор", "en": "🏷 Sector"},
    "btn_amount": {"ru": "💶 Сумма", "en": "💶 Amount"},
    "btn_sort_date": {"ru": "↕ По дате", "en": "↕ By date"},
    "btn_sort_amount": {"ru": "↕ По сумме", "en": "↕ By amount"},
    "btn_chart_year": {"ru": "📊 По годам", "en": "📊 By year"},
    "btn_chart_country": {"ru": "📊 По странам", "en": "📊 By country"},
    "btn_reset": {"ru": "✖ Сбросить", "en": "✖ Reset"},
    "btn_any": {"ru": "Все", "en": "Any"},
    "btn_back": {"ru": "← Назад", "en": "← Back"},
    "btn_cookies_on": {"ru": "+ cookie (ePrivacy)", "en": "+ cookies (ePrivacy)"},
    "btn_cookies_off": {"ru": "− cookie (ePrivacy)", "en": "− cookies (ePrivacy)"},
    "agg_count": {"ru": "Штрафов{label} в моих данных: {count}", "en": "Fines{label} in my data: {count}"},
    "agg_sum": {"ru": "Сумма штрафов{label}: {total}", "en": "Total fines{label}: {total}"},
    "agg_mean": {"ru": "Средний штраф{label}: {mean}", "en": "Average fine{label}: {mean}"},
    "agg_details": {"ru": "Решений: {count}; сумма {total}; в среднем {mean}; медиана {median}.",
                    "en": "Decisions: {count}; total {total}; average {mean}; median {median}."},
    "agg_largest": {"ru": "Крупнейший: {company} — {amount} ({authority}, {date}).",
                    "en": "Largest: {company} — {amount} ({authority}, {date})."},
    "agg_none": {"ru": "Подходящих решений в моих данных нет.", "en": "No decision in my data matches."},
    "agg_browse": {"ru": "Посмотреть список и график: /fines", "en": "Browse them and chart them: /fines"},
    "chart_caption": {"ru": "{title}{label}. {data}", "en": "{title}{label}. {data}"},
}


def lt(key: str, lang: str, **values: object) -> str:
    """The legal-tools text `key` in `lang` (English unless "ru"), with `values` HTML-escaped and filled in."""
    variants = LEGAL_TEXTS[key]
    template = variants["ru"] if lang == "ru" else variants["en"]
    if not values:
        return template
    return template.format(**{k: escape(str(v), quote=False) for k, v in values.items()})
