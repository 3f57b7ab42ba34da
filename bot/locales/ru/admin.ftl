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

## Admin commands: /reload, /breach and breach drafts
draft_publish = ✅ Опубликовать
draft_edit = ✏️ Исправить
draft_cancel = ✖ Отмена
reload_failed = Не перезагрузил: в файлах базы проблем: { $problems }. Работаю со старой базой ({ $before ->
        [one] { $before } запись
        [few] { $before } записи
       *[many] { $before } записей
    }).
reload_done = База знаний перезагружена: { $entries ->
        [one] { $entries } запись
        [few] { $entries } записи
       *[many] { $entries } записей
    } (было { $before }).
draft_no_breach = Не нашёл в тексте утечки одного сервиса: нужно название сервиса и что утекло.
draft_known = Эта утечка уже известна (№{ $id }).
breach_usage = /breach &lt;текст поста об утечке&gt;
draft_stale = Устарело
draft_published = Опубликовано. Оповещений в очереди: { $queued }.
draft_cancelled = Отменено.
draft_edit_prompt = Пришлите исправления строками <code>поле: значение</code>. Поля: service, domain, records, date (ГГГГ-ММ-ДД).
draft_not_found = Черновик не найден.

## /stats
admin_stats =
    <b>Статистика</b>
    пользователи: { $users } (активных: { $active })
    следят: { $watchers } (подписок: { $watches })
    утечки: { $breaches }
    очередь: ждут { $queued }, отправлено { $sent }, ошибок { $failed }, пропущено { $skipped }
