# General texts: start, help, watches, questions, privacy, errors, the channel (admins).

start =
    Hi! I answer questions about personal-data law: GDPR fines, Russia's 152-FZ and KoAP 13.11, India's DPDP Act, Russian SIM-card rules. Just type your question.
    I can also tell you when a service you use leaks data: /watch litres

    🔒 I store only your chat id, language, start date, your time zone (if you set one), the services you watch and the alerts I sent you.
    /mydata shows all of it, /forget deletes it.
help =
    <b>What I can do</b>
    Type a question, for example: <i>biggest GDPR fine</i>

    /ask &lt;question&gt; — ask (in groups)
    /watch &lt;service&gt; — get alerts when a service leaks data (several, comma-separated)
    /unwatch &lt;service&gt; — stop watching
    /watchlist — what you watch
    /fine — estimate a leak fine (KoAP 13.11, GDPR, DPDP)
    /deadline &lt;when discovered&gt; — breach notification deadlines
    /fines [filter] — GDPR fines: list, filters, charts
    /tz — your time zone (for deadlines)
    /lang ru|en — answer language
    /mydata — what I store about you
    /forget — delete all of it
    /help — this help

    In any chat: <code>@{ $bot } meta fine</code>
watch_usage = Tell me which service to watch: <code>/watch litres</code> or <code>/watch ozon, cdek</code>
watch_added = 🔔 Watching for breaches of <b>{ $name }</b>{ $domains }.
watch_exists = You already watch <b>{ $name }</b>.
watch_unknown = I know of no breach of it yet. I will tell you as soon as I learn of one.
watch_history = Breaches I already know of (history, not new alerts):
watch_nothing_known = No known breaches yet. I will tell you when one appears.
watch_limit = You can watch at most { $limit } services. Remove some first: /watchlist
watch_bad_term = “{ $term }” does not look like a service name or a website.
unwatch_usage = Tell me what to stop watching: <code>/unwatch litres</code>
unwatch_done = 🔕 Stopped watching <b>{ $name }</b>.
unwatch_missing = You don't watch “{ $name }”. Your list: /watchlist
watchlist_empty = You watch nothing yet. Add one: <code>/watch litres</code>
watchlist_title =
    <b>You watch ({ $count }):</b>
    Press a button to remove a service.
disclaimer = <i>ℹ️ General information, not legal advice.</i>
source = Source
checked = checked
not_sure = I'm not sure I know the answer to that, and I would rather not guess.
offer_estimate = 🧮 Estimate the fine
offer_deadline = ⏰ Notification deadlines
offer_stats = 📊 Fines statistics
offer_list = 📋 List of fines
law_not_covered =
    I'm not sure: { $law } is { $where }, which I do not cover.

    I cover the GDPR (EU), Russia's 152-FZ and KoAP 13.11, India's DPDP Act and Russia's SIM-card rules.
country_not_covered =
    I'm not sure: I do not cover the law of { $country }.

    I cover the GDPR (EU), Russia's 152-FZ and KoAP 13.11, India's DPDP Act and Russia's SIM-card rules.
maybe_these = Perhaps one of these:
topics =
    I know about:
    • GDPR fines (largest, by country, company, article)
    • Russia's 152-FZ on personal data, Roskomnadzor, KoAP 13.11 fines
    • India's DPDP Act 2023 and Rules 2025
    • Russian SIM-card rules
    • data breaches (for example, Litres)
    Try asking another way, for example: <i>top 10 GDPR fines</i>.
empty = Please type your question as text, for example: <i>biggest GDPR fine</i>
too_long = That is a long question: I read the first { $limit } characters.
ask_usage = Put the question after the command: <code>/ask biggest GDPR fine</code>
unknown_command = I don't know that command. See /help
lang_set = I will answer in English now.
lang_usage = Choose a language: <code>/lang ru</code> or <code>/lang en</code>
stale_button = This button is out of date. Please ask again.
fines_list_title = GDPR fines
fines_none = No fine in my data matches that.
fines_eprivacy_note = French CNIL cookie fines (ePrivacy, not GDPR) are not included.
fines_data_note = From my data set: { $count } decisions, checked up to { $date }. It is a selection of large and notable decisions, not a complete register.
inline_help_title = Ask about personal-data law
inline_help_text = Type a question after the bot's name, for example: meta fine
not_text = I only read text. Please type your question.
slow_down = Too many messages at once. Please wait a minute: I will skip the extra ones.
private_only = This command works in a private chat with me.
mydata_none = I store nothing about you.
mydata_title = <b>What I store about you</b>
mydata_chat = chat id: { $value }
mydata_language = language: { $value }
mydata_language_fixed = chosen with /lang
mydata_language_auto = from your Telegram language
mydata_started = first message: { $value }
mydata_active = status: active
mydata_inactive = status: bot blocked since { $value }
mydata_watches = services you watch ({ $count }): { $value }
mydata_no_watches = services you watch: none
mydata_alerts = alerts: { $count } sent, the last on { $last }
mydata_no_alerts = alerts: none sent
mydata_queued = alerts waiting to be sent: { $count }
mydata_other = { $name }: { $value }
mydata_footer =
    I do not keep the text of your questions. If you block the bot, all of this is deleted after { $days } days.
    Delete it now: /forget
forget_confirm = Delete everything I store about you: language, start date, watches ({ $watches }) and alert history? This cannot be undone.
forget_buttons = 🗑 Delete everything|Cancel
forget_done = Done: everything I stored about you is deleted. If you write again, I start from scratch.
forget_cancelled = Nothing was deleted.
error = Something went wrong. Please try again a bit later.
channel_no_rights = ⚠️ I cannot post to the channel { $channel }: { $problem }. Make the bot an administrator with 'Post messages' and restart me. Everything else works.
channel_off = No channel is set up, or the bot may not post there (CHANNEL_ID).
post_usage = /post &lt;post text&gt; — I will show a preview and ask to confirm.
post_preview = Channel post preview:
post_buttons = ✅ Post|✖ Cancel
post_queued = The post is queued for the channel.
post_cancelled = Post cancelled.
post_stale = This draft was already handled.
schedule_title = <b>Channel schedule</b> ({ $tz })
schedule_digest = Weekly digest: { $when }
schedule_fact = Fact of the day: { $when } — “{ $title }”
schedule_off = off
schedule_queue = Queued for the channel: { $count }
digest_usage = /digest now — a preview of the next digest.
digest_preview = Digest preview (not posted to the channel):

## Knowledge entries and lists of fines (bot/render.py)
fact_authority = Authority
fact_company = Company
fact_decided = Decided
fact_amount = Amount
fact_articles = Articles
fact_regime = Regime
fact_regime_eprivacy = ePrivacy (cookies), not GDPR
fact_later = Later
outcome_appealed = appealed
outcome_upheld = upheld
outcome_reduced = reduced
outcome_increased = increased
outcome_annulled = annulled
outcome_remitted = sent back for a new ruling
outcome_re_decided = decided anew
# "€16m (was €18m)"
fine_was = { $now } (was { $was })
filter_article = art. { $article }
list_more = … { $n } more

## Laws the bot does not cover, as a "not sure" reply names them (bot/answers.py _UNCOVERED_LAW)
law_appi_name = APPI
law_appi_where = Japan's privacy law
law_lgpd_name = LGPD
law_lgpd_where = Brazil's privacy law
law_ccpa_name = CCPA/CPRA
law_ccpa_where = California's privacy law
law_pipl_name = PIPL
law_pipl_where = China's privacy law
law_pipeda_name = PIPEDA
law_pipeda_where = Canada's privacy law
law_popia_name = POPIA
law_popia_where = South Africa's privacy law
law_uk_dpa_name = UK Data Protection Act 2018
law_uk_dpa_where = a UK statute
law_pdpa_name = PDPA
law_pdpa_where = Singapore's or Thailand's privacy law
law_kvkk_name = KVKK
law_kvkk_where = Turkey's privacy law
law_fadp_name = FADP
law_fadp_where = Switzerland's privacy law
law_privacy_act_au_name = Privacy Act 1988
law_privacy_act_au_where = Australia's privacy law
law_hipaa_name = HIPAA
law_hipaa_where = a US health-data law
law_coppa_name = COPPA
law_coppa_where = a US children's privacy law
law_glba_name = GLBA
law_glba_where = a US financial privacy law
law_ru_advertising_name = the Advertising Law (38-FZ)
law_ru_advertising_where = a Russian law on advertising, not on personal data
law_ru_consumer_name = the Consumer Protection Law
law_ru_consumer_where = a Russian law on consumers' rights
law_pdpl_name = PDPL
law_pdpl_where = Saudi Arabia's or the UAE's privacy law

## The command menu (bot/app.py)
cmd_help = What I can do
cmd_ask = Ask a question (in groups)
cmd_watch = Get alerts when a service leaks data
cmd_unwatch = Stop watching a service
cmd_watchlist = What I watch
cmd_fine = Estimate a fine for a data leak
cmd_deadline = Breach notification deadlines
cmd_fines = GDPR fines: list, filters, charts
cmd_tz = My time zone
cmd_lang = Language: ru or en
cmd_mydata = What the bot stores about you
cmd_forget = Delete my data
cmd_stats = Statistics
cmd_breach = Draft an alert from a post's text
cmd_post = Post to the channel
cmd_schedule = Channel schedule
cmd_digest = Digest preview
cmd_reload = Reload the knowledge base
