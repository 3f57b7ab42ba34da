# The weekly digest posted to the channel (bot/channel/digest.py).
digest_title = 📬 <b>Итоги недели</b>
digest_period = { $start } — { $end }
digest_breaches = Утечки недели
digest_watchers = { $line } (следят: { $n })
digest_more = и ещё { $n }
digest_no_breaches = За неделю новых утечек не было.
digest_fines = Штрафы недели
digest_law_changes = Изменения в законах
digest_watch = 🔔 /watch — оповещения об утечках сервисов, которыми вы пользуетесь
fact_of_the_day = 💡 <b>Факт дня</b>
