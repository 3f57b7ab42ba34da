# The weekly digest posted to the channel (bot/channel/digest.py).
digest_title = 📬 <b>The week in privacy</b>
digest_period = { $start } — { $end }
digest_breaches = Breaches of the week
digest_watchers = { $line } (watched by: { $n })
digest_more = and { $n } more
digest_no_breaches = No new breaches this week.
digest_fines = Fines of the week
digest_law_changes = Law changes
digest_watch = 🔔 /watch — alerts when a service you use leaks data
fact_of_the_day = 💡 <b>Fact of the day</b>
