# What admins see: the fan-out progress (bot/delivery/progress.py) and the admin commands (bot/handlers/admin.py).

## Fan-out progress; $sent, $total...: numbers already formatted, $n: the count that picks the plural form
progress_title = 📤 <b>Sending: { $title }</b>
progress_sent = { $sent } / { $total } sent
progress_skipped = { $count } blocked the bot
progress_failed = { $count } failed
progress_rate = { $rate } per second
progress_done = ✅ Done in { $duration } ({ $rate })
progress_left = { $rate }, time left ≈ { $eta }
