# The bot in a slim image, running as an unprivileged user. Build: `docker compose build` (see compose.yaml).
# Dependencies come from requirements.lock (pinned by `make lock` from pyproject.toml's ranges), so the image runs
# what CI tested. The bot itself is installed as a wheel, with its knowledge base and migrations inside (setup.py),
# so the final image holds no source tree; the development sandbox (sandbox/) is neither copied nor installed.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY requirements.lock ./
RUN python -m venv /venv && /venv/bin/pip install -r requirements.lock
COPY pyproject.toml setup.py README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
COPY migrations ./migrations
RUN /venv/bin/pip install --no-deps .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/venv/bin:$PATH
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin bot
WORKDIR /app
COPY --from=build /venv /venv
# SQLite (when DATABASE_URL is not set) writes under data/; with PostgreSQL nothing is written here.
RUN mkdir data && chown bot:bot data
USER bot
EXPOSE 8080
CMD ["python", "-m", "bot"]
