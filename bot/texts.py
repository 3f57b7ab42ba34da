"""Every fixed user-facing string, in Russian and English. `t(key, lang, **values)` escapes the values."""

from __future__ import annotations

from html import escape

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
        "ru": "Я не уверен, что знаю ответ на этот вопрос, и не хочу угадывать.",
        "en": "I am not sure I know the answer to that, and I would rather not guess.",
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
        "ru": "Из моей базы: {count} решений, данные проверены по {date}.",
        "en": "From my data set: {count} decisions, checked up to {date}.",
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
}

MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]


def t(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` (Russian when unknown), with `values` HTML-escaped and filled in."""
    variants = TEXTS[key]
    template = variants.get(lang) or variants["ru"]
    if not values:
        return template
    return template.format(**{k: escape(str(v), quote=False) for k, v in values.items()})
