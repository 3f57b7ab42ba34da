"""Understanding a question: read it once into a `Query` (query.py) with one vocabulary (vocabulary.py), then
choose what answers it (intents.py). Plain modules: nothing here imports aiogram."""
