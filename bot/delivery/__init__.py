"""Delivery: the one request limiter, the outbox sender and the fan-out progress are plain; `telegram` adapts
aiogram (the limiter as a session middleware, the transport, the progress messages)."""
