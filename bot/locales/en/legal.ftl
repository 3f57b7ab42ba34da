# The legal tools: /fine and free-text estimates, /deadline and /tz, /fines and aggregate questions.

est_title_ru = Leak fine: Russia, KoAP RF Art. 13.11 (as amended by 420-FZ, since 30 May 2025)
est_title_gdpr = Leak fine: GDPR Art. 83
est_title_gdpr_any = GDPR fine: Art. 83 ceilings
est_title_dpdp = Leak fine: India, DPDP Act 2023 (the Schedule)
est_case = The case: { $facts }.
est_people = { $n ->
        [one] { $count } person
       *[other] { $count } people
    }
est_people_over = more than { $count } { $n ->
        [one] person
       *[other] people
    }
est_identifiers_over = more than { $count } { $n ->
        [one] identifier (record)
       *[other] identifiers (records)
    }
est_identifiers = { $n ->
        [one] { $count } identifier (record)
       *[other] { $count } identifiers (records)
    }
est_count_unknown = size unknown
est_ordinary = ordinary personal data
est_special = special categories (health etc.)
est_biometric = biometric data
est_first = first leak
est_repeat = repeat leak
est_legal = legal entity
est_official = official
est_citizen = individual
est_undertaking = company (undertaking)
est_not_undertaking = not a company (public body, individual)
est_revenue = revenue { $money }
est_turnover = turnover { $money }
money_range = { $low } to { $high }
est_up_to = up to { $high }
est_when = if it is { $condition }
est_turnover_rule = { $pct_low }–{ $pct_high }% of last year's revenue, but at least { $floor } and at most { $cap }
est_turnover_at = with revenue of { $revenue }: { $amount }
est_gdpr_rule = up to { $fixed } or up to { $pct }% of worldwide annual turnover, whichever is higher
est_gdpr_at = with turnover of { $revenue }: up to { $amount }
est_gdpr_fixed = not an undertaking: up to { $amount }
est_gdpr_83_4 = security and notification (Arts 32-34)
est_gdpr_83_5 = if the principles are breached (Art. 5, incl. 5(1)(f) confidentiality)
est_dpdp_1 = failure to take reasonable security safeguards, leading to the breach (s.8(5))
est_dpdp_2 = failure to notify the Board and the people affected (s.8(6))
est_mitigated = Milder alternative to the turnover fine: { $amount }, if every condition of the law is met (incl. security spending of at least 0.1% of revenue in each of the 3 previous years)
est_notify_ru = 🔔 A leak must be reported to Roskomnadzor within 24 hours, with the results of the investigation within 72 hours (152-FZ Art. 21(3.1)). Failing to do so: { $ref }, { $amount }.
est_notify_gdpr = 🔔 The supervisory authority must be notified without undue delay and, where feasible, within 72 hours (Art. 33); the people affected without undue delay if the risk is high (Art. 34). Failing to do so falls under the lower tier, { $ref }.
est_notify_dpdp = 🔔 The Board must be told without delay, with a detailed report within 72 hours, and every affected person without delay (Rule 7). Failing to notify: { $ref }, { $amount }.
est_deadline_hint = Exact deadlines: /deadline
est_sources = Sources
est_other_regimes = Step by step, or for another law (Russia, DPDP): /fine
note_regardless_of_count = For special categories and biometrics the amount does not depend on how many people are affected.
note_count_unknown = The amount depends on the size: part 12 from 1,000 people or 10,000 identifiers, part 13 over 10,000 / 100,000, part 14 over 100,000 / 1,000,000.
note_count_unknown_repeat = If fewer than 1,000 people and 10,000 identifiers leaked, a repeat falls under part 1.1, not the turnover fine.
note_below_thresholds = Below 1,000 people and 10,000 identifiers parts 12–14 do not apply; the general part 1 does (a repeat: part 1.1).
note_on_the_edge = ⚠️ { $value } is exactly on a boundary: sources give it both as the top of one part and the bottom of the next. I used the lower part; check the text of the law.
note_no_amount = My sources give no amount under part { $part } for this offender, so I name none.
note_no_lower_bound = My sources give no lower bound for individuals and officials here.
note_turnover_basis = Revenue means total revenue for the calendar year before the offence was detected; for banks, equity capital is used.
note_revenue_unknown = No revenue given, so the minimum and the cap are shown.
note_mitigation_unclear = Whether the milder RUB 15–50 million fine applies to part 18 my sources do not say.
note_gdpr_tiers = Which ceiling applies is not clear in advance: authorities often cite both Art. 32 and the Art. 5 principles. These are maximums, not tariffs.
note_gdpr_turnover_unknown = No turnover given: for a company with turnover above €500 million the ceiling exceeds the fixed amount.
note_gdpr_not_undertaking = The turnover share applies to undertakings; a Member State may exempt public bodies (Art. 83(7)).
note_gdpr_criteria = The number of people, the categories of data and previous infringements count under the Art. 83(2) criteria; GDPR has no bands by size.
note_dpdp_maximums = These are maximums; the Board sets the amount under s.33(2) (gravity, repetition, mitigation and more). The DPDP Act has no turnover-based fines.
note_dpdp_from_2027 = DPDP penalties apply from 13 May 2027 (the third commencement phase).
note_records_as_identifiers = I counted the “records” as identifiers. If they are { $n } different people, { $part } applies: { $amount }.
note_sole_trader = Sole traders: parts 1.1 and 17 treat them like legal entities; for other parts my sources do not say — check.
note_offender_assumed = No offender named, so I assumed a legal entity.
fw_regime =
    <b>Leak fine estimate</b>
    Which law applies?
fw_category = What kind of data leaked?
fw_count = How much leaked? 👤 — number of people, 🆔 — number of identifiers (records). You can also type the exact number, e.g. <i>50,000 records</i>.
fw_repeat = Is this the first leak, or a repeat (already punished for a leak)?
fw_offender = Who is the offender?
fw_revenue_ru = Type last calendar year's revenue in roubles, e.g. <i>5 billion</i>: the turnover fine depends on it.
fw_revenue_gdpr = Type the worldwide annual turnover of the last financial year in euros, e.g. <i>2 billion</i>.
fw_bad_number = I did not get the number. Type, for example: <i>50,000</i> or <i>2.5 billion</i>.
btn_ru = 🇷🇺 Russia (KoAP)
btn_gdpr = 🇪🇺 GDPR
btn_dpdp = 🇮🇳 India (DPDP)
btn_ordinary = Ordinary data
btn_special = Special categories (health…)
btn_biometric = Biometrics
btn_unknown = Don't know
btn_first = First leak
btn_repeat = Repeat
btn_legal = Legal entity
btn_official = Official
btn_citizen = Individual
btn_undertaking = Company
btn_not_undertaking = Public body / individual
btn_again = ↺ Start over
dl_title_ru = Leak notification deadlines: Russia, 152-FZ
dl_title_gdpr = Breach notification deadlines: GDPR
dl_title_dpdp = Breach notification deadlines: India, DPDP Rules 2025
dl_discovered = Discovered: { $when } ({ $zone })
dl_rkn_notice = Notify Roskomnadzor within 24 hours
dl_rkn_results = Investigation results to Roskomnadzor within 72 hours
dl_sa_notice = Notify the supervisory authority (Art. 33): within 72 hours “where feasible”
dl_subjects = Tell the people affected if the risk is high (Art. 34)
dl_board_intimation = First intimation to the Board
dl_board_report = Detailed report to the Board within 72 hours
dl_principals = Tell every affected person
dl_by = by <b>{ $when }</b>
dl_no_delay_gdpr = without undue delay
dl_no_delay = without delay
dl_left = { $left } left
dl_passed = passed { $ago } ago
dl_rkn_fine = Failing to notify: { $ref }, { $amount } for legal entities.
dl_note_future = ⚠️ That moment is still in the future — check the date.
dl_note_dpdp_not_in_force = Rule 7 applies from 13 May 2027: before then these deadlines do not formally apply.
dl_note_gdpr_late_reasons = A notice later than 72 hours must give the reasons for the delay.
dl_tz_hint = Time zone: { $zone } — change: /tz
dl_prompt =
    When was the leak discovered? Type, for example: <i>yesterday at 18:00</i>, <i>2 days ago</i>, <i>15.11.2026 09:30</i>.
    Time zone: { $zone } (/tz).
dl_not_understood = I could not read a time in “{ $text }”. Examples: <i>yesterday at 18:00</i>, <i>3 hours ago</i>, <i>15.11.2026 09:30</i>.
btn_now = Just now
tz_current =
    Your time zone: <b>{ $zone }</b>, where it is now { $time }.
    Change it: <code>/tz Europe/Berlin</code>, <code>/tz Kolkata</code>, <code>/tz +3</code>, <code>/tz UTC+5:30</code> — or press a button.
tz_set = Time zone set: <b>{ $zone }</b>, where it is now { $time }.
tz_unknown = I don't know that time zone: “{ $text }”. Examples: <code>Europe/Moscow</code>, <code>Kolkata</code>, <code>+3</code>, <code>UTC+5:30</code>.
fx_found = { $total } found, page { $page }/{ $pages }, { $sort }
fx_sort_amount = by amount
fx_sort_date = by date
fx_text_filters = Filter by text: <code>/fines meta</code>, <code>/fines DPC 2024</code>, <code>/fines article 32</code>
btn_country = 🌍 Country
btn_year = 📅 Year
btn_sector = 🏷 Sector
btn_amount = 💶 Amount
btn_sort_date = ↕ By date
btn_sort_amount = ↕ By amount
btn_chart_year = 📊 By year
btn_chart_country = 📊 By country
btn_reset = ✖ Reset
btn_any = Any
btn_back = ← Back
btn_cookies_on = + cookies (ePrivacy)
btn_cookies_off = − cookies (ePrivacy)
agg_count = Fines{ $label } in my data: { $count }
agg_sum = Total of the fines{ $label } in my sample of decisions: { $total }
agg_mean = Average fine{ $label } in my sample of decisions: { $mean }
agg_details = Decisions: { $count }; total { $total }; average { $mean }; median { $median }.
agg_largest = Largest:
agg_browse = Browse them and chart them: /fines
chart_caption = { $title }{ $label }. { $data }
law_ref_ru = KoAP Art. 13.11 part { $part }
law_ref_gdpr = GDPR Art. { $part }
law_ref_dpdp = DPDP Schedule item { $part }
duty_source_ru = 152-FZ Art. 21(3.1)
duty_source_gdpr = GDPR Arts 33-34
duty_source_dpdp = DPDP Rule 7
condition_12 = 1,000–10,000 people or 10,000–100,000 identifiers
condition_13 = up to 100,000 people or 1 million identifiers
condition_14 = over 100,000 people or 1 million identifiers
# Charts (bot/legal/chart.py): plain text drawn on a picture
chart_title_year = GDPR fines by year (total, € million; count of decisions above each bar)
chart_title_country = GDPR fines by country (total, € million; count of decisions above each bar)
chart_axis_eur_million = € million
chart_no_data = no data
