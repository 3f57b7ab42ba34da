# What admins see: the fan-out progress (bot/delivery/progress.py) and the admin commands (bot/handlers/admin.py).

## Fan-out progress; $sent, $total...: numbers already formatted, $n: the count that picks the plural form
progress_title = 📤 <b>Рассылка: { $title }</b>
progress_sent = { $sent } / { $total } отправлено
progress_skipped = { $n ->
        [one] { $count } заблокировал бота
       *[other] { $count } заблокировали бота
    }
progress_failed = { $n ->
        [one] { $count } ошибка
        [few] { $count } ошибки
       *[many] { $count } ошибок
    }
progress_rate = { $rate } в секунду
progress_done = ✅ Готово за { $duration } ({ $rate })
progress_left = { $rate }, осталось ≈ { $eta }
