"""Reads `knowledge/*.yaml` into validated entries. Errors name the file and the entry."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.kb.models import DOMAINS, Entry

# libyaml's C parser when PyYAML was built with it: the same safe loading, about ten times faster at start-up.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeError(Exception):
    """The knowledge files are not valid; `problems` lists every problem found."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class LoadResult:
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_entries(directory: Path) -> LoadResult:
    """Load every YAML file; collect schema problems instead of stopping at the first one."""
    result = LoadResult()
    files = sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml"))
    if not files:
        result.problems.append(f"{directory}: no knowledge files (*.yaml)")
    for path in files:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
        except yaml.YAMLError as exc:
            result.problems.append(f"{path.name}: not valid YAML: {exc}")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            result.problems.append(f"{path.name}: expected a mapping with 'domain' and a list 'entries'")
            continue
        domain = data.get("domain")
        if domain not in DOMAINS:
            result.problems.append(f"{path.name}: domain {domain!r} is not one of {', '.join(DOMAINS)}")
            continue
        for number, raw in enumerate(data["entries"], start=1):
            if not isinstance(raw, dict):
                result.problems.append(f"{path.name}: entry #{number} is not a mapping")
                continue
            label = f"{path.name}: {raw.get('id', f'entry #{number}')}"
            try:
                entry = Entry.model_validate({**raw, "domain": domain, "file": path.name})
            except ValidationError as exc:
                for error in exc.errors():
                    where = ".".join(str(part) for part in error["loc"])
                    result.problems.append(f"{label}: {where}: {error['msg']}")
                continue
            result.entries.append(entry)
    return result


def load_knowledge(directory: Path) -> list[Entry]:
    """Entries of a base that passes the schema; raises KnowledgeError otherwise."""
    result = load_entries(directory)
    if result.problems:
        raise KnowledgeError(result.problems)
    return result.entries
