# What admins see: the fan-out progress (bot/delivery/progress.py) and the admin commands (bot/handlers/admin.py).

## Fan-out progress; $sent, $total...: numbers already formatted, $n: the count that picks the plural form
progress_title = 📤 <b>Sending: { $title }</b>
progress_sent = { $sent } / { $total } sent
progress_skipped = { $n ->
        [one] { $count } blocked the bot
       *[other] { $count } blocked the bot
    }
progress_failed = { $n ->
        [one] { $count } failed
       *[other] { $count } failed
    }
progress_rate = { $rate } per second
progress_done = ✅ Done in { $duration } ({ $rate })
progress_left = { $rate }, time left ≈ { $eta }

## Admin commands: /reload, /breach and breach drafts
draft_publish = ✅ Publish
draft_edit = ✏️ Edit
draft_cancel = ✖ Cancel
reload_failed = Not reloaded: the knowledge files have { $problems ->
        [one] { $problems } problem
       *[other] { $problems } problems
    }. The old base ({ $before ->
        [one] { $before } entry
       *[other] { $before } entries
    }) stays in use.
reload_done = Knowledge base reloaded: { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    } (was { $before }).
draft_no_breach = I found no breach of one service in that text: it needs the service and what leaked.
draft_known = This breach is already known (#{ $id }).
breach_usage = /breach &lt;post text&gt;
draft_stale = Out of date
draft_published = Published. Alerts queued: { $queued }.
draft_cancelled = Cancelled.
draft_edit_prompt = Send corrections as <code>field: value</code> lines. Fields: service, domain, records, date (YYYY-MM-DD).
draft_not_found = Draft not found.

## /stats
admin_stats =
    <b>Stats</b>
    users: { $users } ({ $active } active)
    watchers: { $watchers } ({ $watches } watches)
    breaches: { $breaches }
    outbox: queued { $queued }, sent { $sent }, failed { $failed }, skipped { $skipped }
