"""Delivery: pacing and sending the outbox. `sender` and `limits` are plain; `telegram` adapts aiogram."""
