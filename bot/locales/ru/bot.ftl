# General texts: start, help, watches, questions, privacy, errors, the channel (admins).

start =
    Привет! Я отвечаю на вопросы о защите персональных данных: штрафы GDPR, 152-ФЗ и КоАП 13.11, индийский DPDP, правила для SIM-карт в России. Просто напишите вопрос.
    Ещё я сообщу об утечке данных сервиса, за которым вы следите: /watch litres

    🔒 Я храню только ваш chat id, язык, дату начала, часовой пояс (если вы его задали), отслеживаемые сервисы и отправленные вам оповещения.
    /mydata покажет всё это, /forget удалит.
help =
    <b>Что я умею</b>
    Напишите вопрос, например: <i>какой штраф за утечку персональных данных?</i>

    /ask &lt;вопрос&gt; — вопрос (в группах)
    /watch &lt;сервис&gt; — следить за утечками сервиса (можно несколько через запятую)
    /unwatch &lt;сервис&gt; — перестать следить
    /watchlist — что вы отслеживаете
    /fine — оценить штраф за утечку (КоАП 13.11, GDPR, DPDP)
    /deadline &lt;когда обнаружили&gt; — сроки уведомления об утечке
    /fines [фильтр] — штрафы GDPR: список, фильтры, графики
    /tz — ваш часовой пояс (для сроков)
    /lang ru|en — язык ответов
    /mydata — что я о вас храню
    /forget — удалить всё это
    /help — эта справка

    В любом чате: <code>@{ $bot } штраф мета</code>
watch_usage = Напишите, за каким сервисом следить: <code>/watch litres</code> или <code>/watch ozon, сдэк</code>
watch_added = 🔔 Слежу за утечками: <b>{ $name }</b>{ $domains }.
watch_exists = Вы уже следите за <b>{ $name }</b>.
watch_unknown = Об утечках этого сервиса я пока ничего не знаю. Как только узнаю — сообщу.
watch_history = Уже известные утечки (это история, не новые оповещения):
watch_nothing_known = Известных утечек пока нет. Сообщу, когда появится новая.
watch_limit = Нельзя следить больше чем за { $limit } сервисами. Уберите лишние: /watchlist
watch_bad_term = «{ $term }» не похоже на название сервиса или сайт.
unwatch_usage = Напишите, за чем больше не следить: <code>/unwatch litres</code>
unwatch_done = 🔕 Больше не слежу за <b>{ $name }</b>.
unwatch_missing = Вы не следите за «{ $name }». Ваш список: /watchlist
watchlist_empty = Вы ни за чем не следите. Добавить: <code>/watch litres</code>
watchlist_title =
    <b>Вы следите за ({ $count }):</b>
    Нажмите на кнопку, чтобы убрать сервис.
disclaimer = <i>ℹ️ Это справка, а не юридическая консультация.</i>
source = Источник
checked = проверено
not_sure = Не уверен, что знаю ответ на этот вопрос, и не хочу угадывать.
offer_estimate = 🧮 Оценить штраф
offer_deadline = ⏰ Сроки уведомления
offer_stats = 📊 Статистика штрафов
offer_list = 📋 Список штрафов
law_not_covered =
    Не уверен: { $law } — { $where }, его я не разбираю.

    Я отвечаю про GDPR (ЕС), 152-ФЗ и ст. 13.11 КоАП (Россия), индийский DPDP и российские правила для SIM-карт.
country_not_covered =
    Не уверен: законы страны «{ $country }» я не разбираю.

    Я отвечаю про GDPR (ЕС), 152-ФЗ и ст. 13.11 КоАП (Россия), индийский DPDP и российские правила для SIM-карт.
maybe_these = Возможно, вы имели в виду:
topics =
    Я знаю о таких темах:
    • штрафы GDPR (крупнейшие, по странам, компаниям, статьям)
    • 152-ФЗ «О персональных данных», Роскомнадзор, штрафы по ст. 13.11 КоАП
    • индийский закон DPDP 2023 и Правила 2025
    • правила для SIM-карт в России
    • утечки данных (например, Литрес)
    Попробуйте спросить иначе, например: <i>штраф за утечку персональных данных</i>.
empty = Напишите вопрос текстом, например: <i>какой штраф за утечку персональных данных?</i>
too_long = Вопрос очень длинный: я прочитал первые { $limit } символов.
ask_usage = Напишите вопрос после команды: <code>/ask штраф за утечку</code>
unknown_command = Такой команды нет. Список команд: /help
lang_set = Теперь отвечаю по-русски.
lang_usage = Укажите язык: <code>/lang ru</code> или <code>/lang en</code>
stale_button = Эта кнопка устарела. Задайте вопрос заново.
fines_list_title = Штрафы GDPR
fines_none = В моей базе нет штрафов, подходящих под этот запрос.
fines_eprivacy_note = Штрафы CNIL за cookie (ePrivacy, не GDPR) не включены.
fines_data_note = Из моей базы: { $count } решений, данные проверены по { $date }. Это выборка крупных и заметных решений, а не полный реестр.
inline_help_title = Задайте вопрос о персональных данных
inline_help_text = Наберите вопрос после имени бота, например: штраф мета
not_text = Я понимаю только текст. Напишите вопрос словами.
slow_down = Слишком много сообщений подряд. Подождите минуту: лишние я пропущу.
private_only = Эта команда работает в личном чате со мной.
mydata_none = Я ничего о вас не храню.
mydata_title = <b>Что я о вас храню</b>
mydata_chat = chat id: { $value }
mydata_language = язык: { $value }
mydata_language_fixed = выбран командой /lang
mydata_language_auto = по языку Telegram
mydata_started = первое сообщение: { $value }
mydata_active = статус: активен
mydata_inactive = статус: бот заблокирован с { $value }
mydata_watches = отслеживаемые сервисы ({ $count }): { $value }
mydata_no_watches = отслеживаемые сервисы: нет
mydata_alerts = оповещения: отправлено { $count }, последнее { $last }
mydata_no_alerts = оповещения: ни одного
mydata_queued = оповещения в очереди: { $count }
mydata_other = { $name }: { $value }
mydata_footer =
    Тексты ваших вопросов я не сохраняю. Если вы заблокируете бота, всё это удалится через { $days } дн.
    Удалить сейчас: /forget
forget_confirm = Удалить всё, что я о вас храню: язык, дату начала, подписки ({ $watches }) и историю оповещений? Отменить это нельзя.
forget_buttons = 🗑 Удалить всё|Отмена
forget_done = Готово: всё, что я о вас хранил, удалено. Если напишете снова, я начну с чистого листа.
forget_cancelled = Ничего не удалено.
error = Что-то пошло не так. Попробуйте ещё раз чуть позже.
channel_no_rights = ⚠️ Не могу публиковать в канал { $channel }: { $problem }. Сделайте бота администратором с правом «Публикация сообщений» и перезапустите. Остальное работает.
channel_off = Канал не настроен или у бота нет права публиковать (CHANNEL_ID).
post_usage = /post &lt;текст поста&gt; — покажу превью и спрошу подтверждение.
post_preview = Превью поста в канал:
post_buttons = ✅ Опубликовать|✖ Отмена
post_queued = Пост поставлен в очередь канала.
post_cancelled = Пост отменён.
post_stale = Этот черновик уже обработан.
schedule_title = <b>Расписание канала</b> ({ $tz })
schedule_digest = Дайджест недели: { $when }
schedule_fact = Факт дня: { $when } — «{ $title }»
schedule_off = выключено
schedule_queue = В очереди канала: { $count } сообщ.
digest_usage = /digest now — превью следующего дайджеста.
digest_preview = Превью дайджеста (в канал не отправлено):

## Knowledge entries and lists of fines (bot/render.py)
fact_authority = Кто
fact_company = Кого
fact_decided = Когда
fact_amount = Сумма
fact_articles = Статьи
fact_regime = Режим
fact_regime_eprivacy = ePrivacy (cookie), не GDPR
fact_later = Дальше
outcome_appealed = обжалован
outcome_upheld = оставлен в силе
outcome_reduced = снижен
outcome_increased = увеличен
outcome_annulled = отменён
outcome_remitted = дело возвращено на новое рассмотрение
outcome_re_decided = назначен заново
# "€16m (was €18m)"
fine_was = { $now } (было { $was })
filter_article = ст. { $article }
list_more = … ещё { $n }

## Laws the bot does not cover, as a "not sure" reply names them (bot/answers.py _UNCOVERED_LAW)
law_appi_name = APPI
law_appi_where = закон Японии о персональных данных
law_lgpd_name = LGPD
law_lgpd_where = закон Бразилии о персональных данных
law_ccpa_name = CCPA/CPRA
law_ccpa_where = закон Калифорнии (США) о приватности
law_pipl_name = PIPL
law_pipl_where = закон Китая о персональной информации
law_pipeda_name = PIPEDA
law_pipeda_where = закон Канады о персональных данных
law_popia_name = POPIA
law_popia_where = закон ЮАР о персональных данных
law_uk_dpa_name = UK Data Protection Act 2018
law_uk_dpa_where = закон Великобритании
law_pdpa_name = PDPA
law_pdpa_where = закон Сингапура или Таиланда о персональных данных
law_kvkk_name = KVKK
law_kvkk_where = закон Турции о персональных данных
law_fadp_name = FADP
law_fadp_where = закон Швейцарии о защите данных
law_privacy_act_au_name = Privacy Act 1988
law_privacy_act_au_where = закон Австралии о приватности
law_hipaa_name = HIPAA
law_hipaa_where = закон США о медицинских данных
law_coppa_name = COPPA
law_coppa_where = закон США о данных детей
law_glba_name = GLBA
law_glba_where = закон США о финансовых данных
law_ru_advertising_name = закон о рекламе (38-ФЗ)
law_ru_advertising_where = закон не о персональных данных
law_ru_consumer_name = закон о защите прав потребителей
law_ru_consumer_where = закон не о персональных данных
law_pdpl_name = PDPL
law_pdpl_where = закон Саудовской Аравии или ОАЭ о персональных данных

## The command menu (bot/app.py)
cmd_help = Что я умею
cmd_ask = Задать вопрос (в группах)
cmd_watch = Следить за утечками сервиса
cmd_unwatch = Перестать следить
cmd_watchlist = Мои подписки
cmd_fine = Оценить штраф за утечку
cmd_deadline = Сроки уведомления об утечке
cmd_fines = Штрафы GDPR: список, фильтры, графики
cmd_tz = Мой часовой пояс
cmd_lang = Язык: ru или en
cmd_mydata = Что бот о вас хранит
cmd_forget = Удалить мои данные
cmd_stats = Статистика
cmd_breach = Черновик оповещения из текста поста
cmd_post = Пост в канал
cmd_schedule = Расписание канала
cmd_digest = Превью дайджеста
cmd_reload = Перезагрузить базу знаний
