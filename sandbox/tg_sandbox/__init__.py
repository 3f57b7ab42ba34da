"""tg_sandbox: a local stand-in for the Telegram Bot API, for the privacy bot's tests, benchmarks and `make console`.

A development tool, installed by `make install` (editable, from sandbox/) and never shipped with the bot. Start at
`server.py` (`FakeTelegram`); `console.py` is the terminal chat behind `python -m bot console`."""
