"""Channel auto-posting: the poster (what to post and when), the digest, cron slots and message splitting.
Plain Python: nothing here imports aiogram."""
