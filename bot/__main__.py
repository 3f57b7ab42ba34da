"""`python -m bot` runs the bot; `migrate`, `kb check`, `kb stats` and `console` are the other commands."""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys

# A start makes objects that live as long as the process (modules, classes, aiogram's hundreds of pydantic models)
# and next to no garbage, yet the cyclic garbage collector walks all of them again and again while they are made: a
# tenth of the CPU time of importing aiogram. So it is paused before anything heavy is imported (bot.config,
# pydantic, is imported in `main` for this reason); bot/runner.py freezes what the imports made (the collector no
# longer walks it) and lets it run again before the bot loads, and every other command lets it run again at once.
if __name__ == "__main__":  # `python -m bot`; not a test importing `main`
    gc.disable()

NO_TOKEN = (
    "BOT_TOKEN is not set: create a bot with @BotFather in Telegram, put BOT_TOKEN=<token> in .env, "
    "or try the bot offline with `make console`."
)
NO_SANDBOX = (
    "The console runs the bot against the development sandbox, which an installed bot does not include: "
    "run `make console` in a checkout of the repository (it installs sandbox/ into .venv)."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Privacy-law and breach-alert Telegram bot")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the bot (the default)")
    sub.add_parser("migrate", help="apply database migrations")
    sub.add_parser("console", help="chat with the bot offline, in the terminal")
    kb = sub.add_parser("kb", help="knowledge base tools")
    kb.add_argument("action", choices=["check", "stats"])
    args = parser.parse_args(argv)
    if args.command not in (None, "run"):
        gc.enable()
    from bot.config import Settings  # here: after the collector was paused (see above)

    settings = Settings()

    if args.command == "kb":
        from bot.kb.check import run_check, stats
        from bot.kb.loader import load_entries

        if args.action == "check":
            problems = run_check(settings.knowledge_dir)
            for problem in problems:
                print(problem)
            entries = load_entries(settings.knowledge_dir).entries
            print(f"kb check: {len(entries)} entries, {len(problems)} problems")
            return 1 if problems else 0
        print(stats(load_entries(settings.knowledge_dir).entries))
        return 0
    if args.command == "migrate":
        from bot.storage import Database

        async def migrate() -> list[int]:
            db = await Database(settings.database_location).connect()
            try:
                return await db.migrate()
            finally:
                await db.close()

        applied = asyncio.run(migrate())
        print(f"applied migrations: {applied or 'none (up to date)'}")
        return 0
    if args.command == "console":
        try:  # the development sandbox (sandbox/ in the repository), not part of the bot's wheel
            from tg_sandbox.console import run_console
        except ModuleNotFoundError as error:
            if error.name not in {"tg_sandbox", "tg_sandbox.console"}:  # a real bug inside it is not hidden
                raise
            print(NO_SANDBOX, file=sys.stderr)
            return 2
        return asyncio.run(run_console(settings))
    if not settings.bot_token.get_secret_value():
        print(NO_TOKEN, file=sys.stderr)
        return 2
    if settings.webhook_url:
        from bot.webhook import config_problem

        problem = config_problem(settings)
        if problem:
            print(problem, file=sys.stderr)
            return 2
    from bot.runner import run

    return asyncio.run(run(settings))


if __name__ == "__main__":
    sys.exit(main())
