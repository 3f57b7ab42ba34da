"""Legal tools beyond lookup: the leak-fine estimator, the notification-deadline calculator and the fines explorer.
Plain Python: nothing here imports aiogram (the handlers live in bot/handlers/legal.py)."""
