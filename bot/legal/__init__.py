"""Legal tools beyond lookup: the leak-fine estimator, the notification-deadline calculator and the fines explorer.
Plain Python: nothing here imports aiogram (the handlers are bot/handlers/fine.py, deadline.py and fines.py)."""
