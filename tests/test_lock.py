"""The lock files pin what `make install` (and so CI) installs: they must cover every dependency pyproject.toml
names, within its ranges, and agree with each other. A dependency added to pyproject.toml without `make lock`
fails here, not on a machine that installs from the lock."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bot.config import PROJECT_ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def pins(name: str) -> dict[str, str]:
    found = {}
    for line in (PROJECT_ROOT / name).read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line.strip()):
            found[canonicalize_name(match[1])] = match[2]
    return found


def declared(*extras: str) -> list[Requirement]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = list(project["dependencies"])
    for extra in extras:
        names += project["optional-dependencies"][extra]
    return [Requirement(name) for name in names]


@pytest.mark.parametrize(("lock", "extras"), [("requirements.lock", ()), ("requirements-dev.lock", ("test", "bench"))])
def test_every_declared_dependency_is_pinned_within_its_range(lock: str, extras: tuple[str, ...]) -> None:
    pinned = pins(lock)
    problems = []
    for requirement in declared(*extras):
        version = pinned.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name} is not in {lock}")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}=={version} in {lock} is outside {requirement.specifier}")
    assert not problems, "run `make lock`:\n" + "\n".join(problems)


def test_the_two_locks_agree() -> None:
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert runtime and set(runtime) <= set(dev)
    assert {name: (version, dev[name]) for name, version in runtime.items() if dev[name] != version} == {}
