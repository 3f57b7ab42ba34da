"""The deployment files, read the way Docker would read them (Docker itself is not on the test machines): compose.yaml
runs two bot replicas in webhook mode behind nginx on one PostgreSQL and one Redis, each with a health check and the
servers with volumes; every variable it sets for the bot is a real setting; nginx balances over exactly the bot
services on the port they listen on; the image runs as an unprivileged user."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from bot.config import PROJECT_ROOT, Settings

COMPOSE = PROJECT_ROOT / "compose.yaml"
NGINX = PROJECT_ROOT / "deploy" / "nginx.conf"
DOCKERFILE = PROJECT_ROOT / "Dockerfile"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def bot_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Services that run the bot: built from this repository's Dockerfile."""
    return {name: service for name, service in compose["services"].items() if service.get("build") == "."}


def interpolated(value: str) -> str:
    """`${NAME:-default}` as Compose fills it when NAME is unset."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


def test_two_bot_replicas_a_balancer_postgres_and_redis(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert len(bot_services(compose)) == 2
    assert {"nginx", "postgres", "redis"} <= set(services)
    assert services["nginx"]["image"].startswith("nginx:")
    assert services["postgres"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")


def test_every_service_has_a_health_check_and_bots_wait_for_healthy_servers(compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        check = service.get("healthcheck")
        assert check and check["test"][0] in {"CMD", "CMD-SHELL"}, f"{name} has no health check"
    for name, service in bot_services(compose).items():
        assert service["depends_on"] == {"postgres": {"condition": "service_healthy"},
                                         "redis": {"condition": "service_healthy"}}, name
    assert set(compose["services"]["nginx"]["depends_on"]) == set(bot_services(compose))


def test_the_servers_keep_their_data_in_named_volumes(compose: dict[str, Any]) -> None:
    for name, mount_point in (("postgres", "/var/lib/postgresql/data"), ("redis", "/data")):
        volume, _, target = compose["services"][name]["volumes"][0].partition(":")
        assert target == mount_point and volume in compose["volumes"], name


def test_every_variable_set_for_the_bot_is_a_setting(compose: dict[str, Any]) -> None:
    settings = {name.upper() for name in Settings.model_fields}
    for name, service in bot_services(compose).items():
        unknown = set(service["environment"]) - settings
        assert not unknown, f"{name} sets {unknown}, which bot/config.py does not read"


def test_the_bots_use_the_compose_postgres_and_redis_in_webhook_mode(compose: dict[str, Any]) -> None:
    postgres = compose["services"]["postgres"]["environment"]
    for service in bot_services(compose).values():
        env = {key: interpolated(str(value)) for key, value in service["environment"].items()}
        settings = Settings(_env_file=None, **{key.lower(): value for key, value in env.items()})
        database = urlsplit(settings.database_url)
        assert database.scheme == "postgresql" and database.hostname == "postgres"
        assert database.username == postgres["POSTGRES_USER"] and database.path == f"/{postgres['POSTGRES_DB']}"
        assert database.password == interpolated(postgres["POSTGRES_PASSWORD"])
        assert settings.database_location == settings.database_url  # what Database() opens: PostgreSQL
        assert urlsplit(settings.redis_url).hostname == "redis"
        assert settings.webhook_host == "0.0.0.0"  # noqa: S104 (reachable from nginx's container)
        assert "8080" in " ".join(service["healthcheck"]["test"]) and settings.webhook_port == 8080


def test_nginx_balances_every_bot_replica_on_the_webhook_path(compose: dict[str, Any]) -> None:
    conf = NGINX.read_text(encoding="utf-8")
    [upstream] = re.findall(r"upstream\s+(\w+)\s*\{([^}]*)\}", conf)
    servers = re.findall(r"^\s*server\s+([\w.-]+):(\d+)", upstream[1], re.MULTILINE)
    ports = {service["environment"]["WEBHOOK_PORT"] for service in bot_services(compose).values()}
    assert {host for host, _ in servers} == set(bot_services(compose))
    assert {port for _, port in servers} == ports
    paths = {service["environment"]["WEBHOOK_PATH"] for service in bot_services(compose).values()}
    for path in paths:
        assert re.search(rf"location\s+=\s+{re.escape(path)}\s*\{{[^}}]*proxy_pass\s+http://{upstream[0]};", conf)
    assert "ip_hash" not in upstream[1] and "hash " not in upstream[1], "balanced per request, not pinned"
    mounts = compose["services"]["nginx"]["volumes"]
    assert any(mount.startswith("./deploy/nginx.conf:") for mount in mounts)


def test_the_image_is_slim_and_runs_as_an_unprivileged_user() -> None:
    lines = [line.strip() for line in DOCKERFILE.read_text(encoding="utf-8").splitlines()]
    instructions = [line for line in lines if line and not line.startswith("#")]
    assert all("slim" in line for line in instructions if line.startswith("FROM "))
    users = [line.split()[1] for line in instructions if line.startswith("USER ")]
    assert users and users[-1] not in {"root", "0"}
    final_stage = instructions[max(i for i, line in enumerate(instructions) if line.startswith("FROM ")):]
    copied = " ".join(line for line in instructions if line.startswith("COPY "))
    for needed in ("bot", "knowledge", "migrations"):  # built into the wheel the image installs
        assert f" {needed} " in f"{copied} " or f" {needed} ./{needed}" in copied
    assert any(line.startswith("COPY --from=") for line in final_stage), "the final stage takes the installed venv"
    assert instructions[-1] == 'CMD ["python", "-m", "bot"]'
    ignored = (PROJECT_ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".env", ".venv", ".git", "data"} <= set(ignored), "no secrets, no local venv or database in the image"


def test_env_example_documents_what_compose_sets(compose: dict[str, Any]) -> None:
    documented = {line.partition("=")[0].strip()
                  for line in (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.lstrip().startswith("#")}
    for service in bot_services(compose).values():
        assert set(service["environment"]) <= documented
    assert {"DATABASE_URL", "REDIS_URL", "REDIS_PREFIX"} <= documented
