"""Every route of the bot, in one place.

Each feature module has a factory, `router() -> Router`, that makes a fresh, plain aiogram Router and registers
its handlers on it: a Router attaches to one parent for life, and tests, benchmarks and the console build several
Dispatchers in one process. The rule for collaborators: a factory takes none (`commands.router` takes only the
routers it holds); handlers declare what they use (`kb: KnowledgeBase`, `users: Users`...) as parameters, which
aiogram fills from the workflow data the Dispatcher was made with (`Services.workflow_data()`, bot/app.py).

The order matters: the first router whose filters match takes the update, so the catch-all question router
(`ask`) comes last. The routers between `errors` and `ask` sit in one `commands` router whose message filter passes
only what one of them could take (a command, a step's typed answer, a forwarded post): a plain question goes from
`errors` straight to `ask`."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import (
    admin,
    ask,
    channel,
    commands,
    deadline,
    errors,
    fine,
    fines,
    inline,
    privacy,
    sources,
    start,
    watch,
)


def get_routers() -> list[Router]:
    return [
        errors.router(),
        commands.router(
            start.router(),
            privacy.router(),
            admin.router(),
            channel.router(),
            watch.router(),
            sources.router(),
            inline.router(),
            fine.router(),
            deadline.router(),
            fines.router(),
        ),
        ask.router(),  # last: every question, unknown command and unclaimed button
    ]
