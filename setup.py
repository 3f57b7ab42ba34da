"""Packaging beyond what pyproject.toml can say: knowledge/ and migrations/ stay at the top of the repository, where
their editors and reviewers look for them, and ship inside the wheel as the package data bot/knowledge and
bot/migrations (bot/resources.py finds either place). Everything else is in pyproject.toml."""

from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent
DATA_DIRS = {"bot.knowledge": "knowledge", "bot.migrations": "migrations"}  # package in the wheel: repository dir


def data_packages() -> dict[str, str]:
    """Each data directory and its subdirectories (migrations/postgresql/) as packages mapped to their folders."""
    mapped = {}
    for package, directory in DATA_DIRS.items():
        mapped[package] = directory
        for sub in sorted((HERE / directory).rglob("*")):
            if sub.is_dir() and sub.name != "__pycache__":
                relative = sub.relative_to(HERE / directory)
                mapped[".".join((package, *relative.parts))] = "/".join((directory, *relative.parts))
    return mapped


MAPPED = data_packages()
setup(packages=[*find_packages(include=["bot", "bot.*"]), *MAPPED], package_dir=MAPPED)
