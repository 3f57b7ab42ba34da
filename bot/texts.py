"""Every fixed user-facing string, in Russian and English. `t(key, lang, **values)` escapes the values."""

from __future__ import annotations

from html import escape

from bot.understanding.vocabulary import MONTHS

TEXTS: dict[str, dict[str, str]] = {
    "start": {
        "ru": (
            "Привет! Я отвечаю на вопросы о защите персональных данных: штрафы GDPR, 152-ФЗ и КоАП 13.11, "
            "индийский DPDP, правила для SIM-карт в России. Просто напишите вопрос.\n"
            "Ещё я сообщу об утечке данных сервиса, за которым вы следите: /watch litres\n\n"
            "🔒 Я храню только ваш chat id, язык, дату начала, часовой пояс (если вы его задали), "
            "отслеживаемые сервисы и отправленные вам оповещения.\n"
            "/mydata покажет всё это, /forget удалит."
        ),
        "en": (
            "Hi! I answer questions about personal-data law: GDPR fines, Russia's 152-FZ and KoAP 13.11, "
            "India's DPDP Act, Russian SIM-card rules. Just type your question.\n"
            "I can also tell you when a service you use leaks data: /watch litres\n\n"
            "🔒 I store only your chat id, language, start date, your time zone (if you set one), "
            "the services you watch and the alerts I sent you.\n"
            "/mydata shows all of it, /forget deletes it."
        ),
    },
    "help": {
        "ru": (
            "<b>Что я умею</b>\n"
            "Напишите вопрос, например: <i>какой штраф за утечку персональных данных?</i>\n\n"
            "/ask &lt;вопрос&gt; — вопрос (в группах)\n"
            "/watch &lt;сервис&gt; — следить за утечками сервиса (можно несколько через запятую)\n"
            "/unwatch &lt;сервис&gt; — перестать следить\n"
            "/watchlist — что вы отслеживаете\n"
            "/fine — оценить штраф за утечку (КоАП 13.11, GDPR, DPDP)\n"
            "/deadline &lt;когда обнаружили&gt; — сроки уведомления об утечке\n"
            "/fines [фильтр] — штрафы GDPR: список, фильтры, графики\n"
            "/tz — ваш часовой пояс (для сроков)\n"
            "/lang ru|en — язык ответов\n"
            "/mydata — что я о вас храню\n"
            "/forget — удалить всё это\n"
            "/help — эта справка\n\n"
            "В любом чате: <code>@{bot} штраф мета</code>"
        ),
        "en": (
            "<b>What I can do</b>\n"
            "Type a question, for example: <i>biggest GDPR fine</i>\n\n"
            "/ask &lt;question&gt; — ask (in groups)\n"
            "/watch &lt;service&gt; — get alerts when a service leaks data (several, comma-separated)\n"
            "/unwatch &lt;service&gt; — stop watching\n"
            "/watchlist — what you watch\n"
            "/fine — estimate a leak fine (KoAP 13.11, GDPR, DPDP)\n"
            "/deadline &lt;when discovered&gt; — breach notification deadlines\n"
            "/fines [filter] — GDPR fines: list, filters, charts\n"
            "/tz — your time zone (for deadlines)\n"
            "/lang ru|en — answer language\n"
            "/mydata — what I store about you\n"
            "/forget — delete all of it\n"
            "/help — this help\n\n"
            "In any chat: <code>@{bot} meta fine</code>"
        ),
    },
    "watch_usage": {
        "ru": "Напишите, за каким сервисом следить: <code>/watch litres</code> или <code>/watch ozon, сдэк</code>",
        "en": "Tell me which service to watch: <code>/watch litres</code> or <code>/watch ozon, cdek</code>",
    },
    "watch_added": {
        "ru": "🔔 Слежу за утечками: <b>{name}</b>{domains}.",
        "en": "🔔 Watching for breaches of <b>{name}</b>{domains}.",
    },
    "watch_exists": {
        "ru": "Вы уже следите за <b>{name}</b>.",
        "en": "You already watch <b>{name}</b>.",
    },
    "watch_unknown": {
        "ru": "Об утечках этого сервиса я пока ничего не знаю. Как только узнаю — сообщу.",
        "en": "I know of no breach of it yet. I will tell you as soon as I learn of one.",
    },
    "watch_history": {
        "ru": "Уже известные утечки (это история, не новые оповещения):",
        "en": "Breaches I already know of (history, not new alerts):",
    },
    "watch_nothing_known": {
        "ru": "Известных утечек пока нет. Сообщу, когда появится новая.",
        "en": "No known breaches yet. I will tell you when one appears.",
    },
    "watch_limit": {
        "ru": "Нельзя следить больше чем за {limit} сервисами. Уберите лишние: /watchlist",
        "en": "You can watch at most {limit} services. Remove some first: /watchlist",
    },
    "watch_bad_term": {
        "ru": "«{term}» не похоже на название сервиса или сайт.",
        "en": "“{term}” does not look like a service name or a website.",
    },
    "unwatch_usage": {
        "ru": "Напишите, за чем больше не следить: <code>/unwatch litres</code>",
        "en": "Tell me what to stop watching: <code>/unwatch litres</code>",
    },
    "unwatch_done": {"ru": "🔕 Больше не слежу за <b>{name}</b>.", "en": "🔕 Stopped watching <b>{name}</b>."},
    "unwatch_missing": {
        "ru": "Вы не следите за «{name}». Ваш список: /watchlist",
        "en": "You don't watch “{name}”. Your list: /watchlist",
    },
    "watchlist_empty": {
        "ru": "Вы ни за чем не следите. Добавить: <code>/watch litres</code>",
        "en": "You watch nothing yet. Add one: <code>/watch litres</code>",
    },
    "watchlist_title": {
        "ru": "<b>Вы следите за ({count}):</b>\nНажмите на кнопку, чтобы убрать сервис.",
        "en": "<b>You watch ({count}):</b>\nPress a button to remove a service.",
    },
    "disclaimer": {
        "ru": "<i>ℹ️ Это справка, а не юридическая консультация.</i>",
        "en": "<i>ℹ️ General information, not legal advice.</i>",
    },
    "source": {"ru": "Источник", "en": "Source"},
    "checked": {"ru": "проверено", "en": "checked"},
    "see_also": {"ru": "Смотрите также:", "en": "See also:"},
    "not_sure": {
        "ru": "Не уверен, что знаю ответ на этот вопрос, и не хочу угадывать.",
        "en": "I'm not sure I know the answer to that, and I would rather not guess.",
    },
    "offer_estimate": {"ru": "🧮 Оценить штраф", "en": "🧮 Estimate the fine"},
    "offer_deadline": {"ru": "⏰ Сроки уведомления", "en": "⏰ Notification deadlines"},
    "offer_stats": {"ru": "📊 Статистика штрафов", "en": "📊 Fines statistics"},
    "offer_list": {"ru": "📋 Список штрафов", "en": "📋 List of fines"},
    "law_not_covered": {
        "ru": "Не уверен: {law} — {where}, его я не разбираю.\n\nЯ отвечаю про GDPR (ЕС), 152-ФЗ и ст. 13.11 КоАП "
              "(Россия), индийский DPDP и российские правила для SIM-карт.",
        "en": "I'm not sure: {law} is {where}, which I do not cover.\n\nI cover the GDPR (EU), Russia's 152-FZ and "
              "KoAP 13.11, India's DPDP Act and Russia's SIM-card rules.",
    },
    "country_not_covered": {
        "ru": "Не уверен: законы страны «{country}» я не разбираю.\n\nЯ отвечаю про GDPR (ЕС), 152-ФЗ и ст. 13.11 "
              "КоАП (Россия), индийский DPDP и российские правила для SIM-карт.",
        "en": "I'm not sure: I do not cover the law of {country}.\n\nI cover the GDPR (EU), Russia's 152-FZ and "
              "KoAP 13.11, India's DPDP Act and Russia's SIM-card rules.",
    },
    "maybe_these": {"ru": "Возможно, вы имели в виду:", "en": "Perhaps one of these:"},
    "topics": {
        "ru": (
            "Я знаю о таких темах:\n"
            "• штрафы GDPR (крупнейшие, по странам, компаниям, статьям)\n"
            "• 152-ФЗ «О персональных данных», Роскомнадзор, штрафы по ст. 13.11 КоАП\n"
            "• индийский закон DPDP 2023 и Правила 2025\n"
            "• правила для SIM-карт в России\n"
            "• утечки данных (например, Литрес)\n"
            "Попробуйте спросить иначе, например: <i>штраф за утечку персональных данных</i>."
        ),
        "en": (
            "I know about:\n"
            "• GDPR fines (largest, by country, company, article)\n"
            "• Russia's 152-FZ on personal data, Roskomnadzor, KoAP 13.11 fines\n"
            "• India's DPDP Act 2023 and Rules 2025\n"
            "• Russian SIM-card rules\n"
            "• data breaches (for example, Litres)\n"
            "Try asking another way, for example: <i>top 10 GDPR fines</i>."
        ),
    },
    "empty": {
        "ru": "Напишите вопрос текстом, например: <i>какой штраф за утечку персональных данных?</i>",
        "en": "Please type your question as text, for example: <i>biggest GDPR fine</i>",
    },
    "too_long": {
        "ru": "Вопрос очень длинный: я прочитал первые {limit} символов.",
        "en": "That is a long question: I read the first {limit} characters.",
    },
    "ask_usage": {
        "ru": "Напишите вопрос после команды: <code>/ask штраф за утечку</code>",
        "en": "Put the question after the command: <code>/ask biggest GDPR fine</code>",
    },
    "unknown_command": {
        "ru": "Такой команды нет. Список команд: /help",
        "en": "I don't know that command. See /help",
    },
    "lang_set": {"ru": "Теперь отвечаю по-русски.", "en": "I will answer in English now."},
    "lang_usage": {
        "ru": "Укажите язык: <code>/lang ru</code> или <code>/lang en</code>",
        "en": "Choose a language: <code>/lang ru</code> or <code>/lang en</code>",
    },
    "stale_button": {
        "ru": "Эта кнопка устарела. Задайте вопрос заново.",
        "en": "This button is out of date. Please ask again.",
    },
    "fines_list_title": {"ru": "Штрафы GDPR", "en": "GDPR fines"},
    "fines_none": {
        "ru": "В моей базе нет штрафов, подходящих под этот запрос.",
        "en": "No fine in my data matches that.",
    },
    "fines_eprivacy_note": {
        "ru": "Штрафы CNIL за cookie (ePrivacy, не GDPR) не включены.",
        "en": "French CNIL cookie fines (ePrivacy, not GDPR) are not included.",
    },
    "fines_data_note": {
        "ru": "Из моей базы: {count} решений, данные проверены по {date}. Это выборка крупных и заметных решений, "
              "а не полный реестр.",
        "en": "From my data set: {count} decisions, checked up to {date}. It is a selection of large and notable "
              "decisions, not a complete register.",
    },
    "inline_help_title": {"ru": "Задайте вопрос о персональных данных", "en": "Ask about personal-data law"},
    "inline_help_text": {
        "ru": "Наберите вопрос после имени бота, например: штраф мета",
        "en": "Type a question after the bot's name, for example: meta fine",
    },
    "not_text": {
        "ru": "Я понимаю только текст. Напишите вопрос словами.",
        "en": "I only read text. Please type your question.",
    },
    # abuse and privacy
    "slow_down": {
        "ru": "Слишком много сообщений подряд. Подождите минуту: лишние я пропущу.",
        "en": "Too many messages at once. Please wait a minute: I will skip the extra ones.",
    },
    "private_only": {
        "ru": "Эта команда работает в личном чате со мной.",
        "en": "This command works in a private chat with me.",
    },
    "mydata_none": {
        "ru": "Я ничего о вас не храню.",
        "en": "I store nothing about you.",
    },
    "mydata_title": {"ru": "<b>Что я о вас храню</b>", "en": "<b>What I store about you</b>"},
    "mydata_chat": {"ru": "chat id: {value}", "en": "chat id: {value}"},
    "mydata_language": {"ru": "язык: {value}", "en": "language: {value}"},
    "mydata_language_fixed": {"ru": "выбран командой /lang", "en": "chosen with /lang"},
    "mydata_language_auto": {"ru": "по языку Telegram", "en": "from your Telegram language"},
    "mydata_started": {"ru": "первое сообщение: {value}", "en": "first message: {value}"},
    "mydata_active": {"ru": "статус: активен", "en": "status: active"},
    "mydata_inactive": {
        "ru": "статус: бот заблокирован с {value}",
        "en": "status: bot blocked since {value}",
    },
    "mydata_watches": {"ru": "отслеживаемые сервисы ({count}): {value}", "en": "services you watch ({count}): {value}"},
    "mydata_no_watches": {"ru": "отслеживаемые сервисы: нет", "en": "services you watch: none"},
    "mydata_alerts": {
        "ru": "оповещения: отправлено {count}, последнее {last}",
        "en": "alerts: {count} sent, the last on {last}",
    },
    "mydata_no_alerts": {"ru": "оповещения: ни одного", "en": "alerts: none sent"},
    "mydata_queued": {"ru": "оповещения в очереди: {count}", "en": "alerts waiting to be sent: {count}"},
    "mydata_other": {"ru": "{name}: {value}", "en": "{name}: {value}"},
    "mydata_footer": {
        "ru": "Тексты ваших вопросов я не сохраняю. Если вы заблокируете бота, всё это удалится через {days} дн.\n"
              "Удалить сейчас: /forget",
        "en": "I do not keep the text of your questions. If you block the bot, all of this is deleted after "
              "{days} days.\nDelete it now: /forget",
    },
    "forget_confirm": {
        "ru": "Удалить всё, что я о вас храню: язык, дату начала, подписки ({watches}) и историю оповещений? "
              "Отменить это нельзя.",
        "en": "Delete everything I store about you: language, start date, watches ({watches}) and alert history? "
              "This cannot be undone.",
    },
    "forget_buttons": {"ru": "🗑 Удалить всё|Отмена", "en": "🗑 Delete everything|Cancel"},
    "forget_done": {
        "ru": "Готово: всё, что я о вас хранил, удалено. Если напишете снова, я начну с чистого листа.",
        "en": "Done: everything I stored about you is deleted. If you write again, I start from scratch.",
    },
    "forget_cancelled": {"ru": "Ничего не удалено.", "en": "Nothing was deleted."},
    "error": {
        "ru": "Что-то пошло не так. Попробуйте ещё раз чуть позже.",
        "en": "Something went wrong. Please try again a bit later.",
    },
    # channel auto-posting (admins)
    "channel_no_rights": {
        "ru": "⚠️ Не могу публиковать в канал {channel}: {problem}. Сделайте бота администратором с правом "
              "«Публикация сообщений» и перезапустите. Остальное работает.",
        "en": "⚠️ I cannot post to the channel {channel}: {problem}. Make the bot an administrator with "
              "'Post messages' and restart me. Everything else works.",
    },
    "channel_off": {
        "ru": "Канал не настроен или у бота нет права публиковать (CHANNEL_ID).",
        "en": "No channel is set up, or the bot may not post there (CHANNEL_ID).",
    },
    "post_usage": {
        "ru": "/post &lt;текст поста&gt; — покажу превью и спрошу подтверждение.",
        "en": "/post &lt;post text&gt; — I will show a preview and ask to confirm.",
    },
    "post_preview": {"ru": "Превью поста в канал:", "en": "Channel post preview:"},
    "post_buttons": {"ru": "✅ Опубликовать|✖ Отмена", "en": "✅ Post|✖ Cancel"},
    "post_queued": {"ru": "Пост поставлен в очередь канала.", "en": "The post is queued for the channel."},
    "post_cancelled": {"ru": "Пост отменён.", "en": "Post cancelled."},
    "post_stale": {"ru": "Этот черновик уже обработан.", "en": "This draft was already handled."},
    "schedule_title": {"ru": "<b>Расписание канала</b> ({tz})", "en": "<b>Channel schedule</b> ({tz})"},
    "schedule_digest": {"ru": "Дайджест недели: {when}", "en": "Weekly digest: {when}"},
    "schedule_fact": {"ru": "Факт дня: {when} — «{title}»", "en": "Fact of the day: {when} — “{title}”"},
    "schedule_off": {"ru": "выключено", "en": "off"},
    "schedule_queue": {"ru": "В очереди канала: {count} сообщ.", "en": "Queued for the channel: {count}"},
    "digest_usage": {"ru": "/digest now — превью следующего дайджеста.",
                     "en": "/digest now — a preview of the next digest."},
    "digest_preview": {"ru": "Превью дайджеста (в канал не отправлено):",
                       "en": "Digest preview (not posted to the channel):"},
    # ======================================================== the legal tools (bot/legal/*, bot/handlers/fine.py,
    # deadline.py, fines.py): /fine and free-text estimates, /deadline and /tz, /fines and aggregate questions
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
    "money_range": {"ru": "от {low} до {high}", "en": "{low} to {high}"},
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
    # durations: bot/render.py format_duration (deadlines, the fan-out progress)
    "dur_days": {"ru": "{n} д", "en": "{n} d"},
    "dur_hours": {"ru": "{n} ч", "en": "{n} h"},
    "dur_minutes": {"ru": "{n} мин", "en": "{n} min"},
    "dur_seconds": {"ru": "{n} с", "en": "{n} s"},
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
    "fx_found": {"ru": "найдено {total}, стр. {page}/{pages}, {sort}", "en": "{total} found, page {page}/{pages}, "
                                                                            "{sort}"},
    "fx_sort_amount": {"ru": "по сумме", "en": "by amount"},
    "fx_sort_date": {"ru": "по дате", "en": "by date"},
    "fx_text_filters": {"ru": "Фильтр текстом: <code>/fines meta</code>, <code>/fines DPC 2024</code>, "
                              "<code>/fines статья 32</code>",
                        "en": "Filter by text: <code>/fines meta</code>, <code>/fines DPC 2024</code>, "
                              "<code>/fines article 32</code>"},
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
    "agg_sum": {"ru": "Сумма штрафов{label} в моей выборке решений: {total}",
                "en": "Total of the fines{label} in my sample of decisions: {total}"},
    "agg_mean": {"ru": "Средний штраф{label} в моей выборке решений: {mean}",
                 "en": "Average fine{label} in my sample of decisions: {mean}"},
    "agg_details": {"ru": "Решений: {count}; сумма {total}; в среднем {mean}; медиана {median}.",
                    "en": "Decisions: {count}; total {total}; average {mean}; median {median}."},
    "agg_largest": {"ru": "Крупнейший:", "en": "Largest:"},
    "agg_browse": {"ru": "Посмотреть список и график: /fines", "en": "Browse them and chart them: /fines"},
    "chart_caption": {"ru": "{title}{label}. {data}", "en": "{title}{label}. {data}"},
}

MONTHS_RU = [names[1] for names in MONTHS]   # «3 августа 2023»: the genitive of the one month table


def t(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` (Russian when unknown), with `values` HTML-escaped and filled in."""
    variants = TEXTS[key]
    template = variants.get(lang) or variants["ru"]
    if not values:
        return template
    return template.format(**{k: escape(str(v), quote=False) for k, v in values.items()})
