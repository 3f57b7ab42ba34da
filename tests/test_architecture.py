"""The layering the README promises, checked on the source: bot/ has no import cycle, and the domain modules
(plain Python, testable without Telegram) import nothing from aiogram, neither directly nor through another module
of the bot.

The import graph is read with `ast`, so it holds every import, wherever it is written: at the top, inside a
function (a lazy import is still a dependency), and under `if TYPE_CHECKING:` (an annotation-only cycle is still a
tangle a reader has to undo)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from bot.config import PROJECT_ROOT

BOT = PROJECT_ROOT / "bot"

# Plain Python: the bot's knowledge, understanding, law, breach and delivery logic. Telegram stays in the adapters
# (bot/handlers, bot/delivery/telegram.py, bot/app.py, bot/background.py, bot/webhook.py, bot/runner.py...).
DOMAIN = (
    "bot.understanding", "bot.breaches", "bot.kb", "bot.legal", "bot.storage", "bot.channel",
    "bot.delivery.limiter", "bot.delivery.sender", "bot.delivery.progress",
    "bot.alerts", "bot.answers", "bot.jobs", "bot.throttle",
)

def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def bot_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(BOT.rglob("*.py"))}


def imported(module: str, path: Path, known: set[str]) -> Iterator[str]:
    """Every module `module` imports (bot's own and third-party, by full dotted name), from anywhere in the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from ..kb import y
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from bot.kb import text` imports the submodule bot.kb.text (not an edge to bot/kb/__init__.py,
            # which Python runs first: a package's __init__ importing its own submodules is no cycle here)
            for alias in node.names:
                yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base


def import_graph() -> dict[str, set[str]]:
    modules = bot_modules()
    known = set(modules)
    return {name: set(imported(name, path, known)) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted: every cycle is in one."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def reaches_aiogram(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """The import chain from `start` to aiogram through the bot's own modules, or None."""
    seen = {start}
    paths = [[start]]
    while paths:
        path = paths.pop(0)
        for target in sorted(graph[path[-1]]):
            if target == "aiogram" or target.startswith("aiogram."):
                return [*path, target]
            if target in graph and target not in seen:
                seen.add(target)
                paths.append([*path, target])
    return None


def test_the_graph_sees_every_kind_of_import() -> None:
    """The reader itself: top-level, relative, function-level and TYPE_CHECKING imports are all edges."""
    graph = import_graph()
    assert len(graph) > 80
    assert "bot.handlers.ask" in graph["bot.handlers"]  # from bot.handlers import ask, ... (a submodule)
    assert "bot.shared_state" in graph["bot.app"]  # under TYPE_CHECKING and inside create_services
    assert "aiogram" in graph["bot.app"]


def test_bot_has_no_import_cycle() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles in bot/ (each line: modules that import one another, directly or not):\n" + \
        "\n".join(" <-> ".join(component) for component in found)


def test_a_cycle_fails_the_check() -> None:
    """A positive control: the same walk finds a cycle of three and a module importing itself."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "aiogram"}, "d": {"d"}, "e": {"a"}}
    assert cycles(graph) == [["a", "b", "c"], ["d"]]
    assert reaches_aiogram(graph, "e") == ["e", "a", "b", "c", "aiogram"]


def test_the_domain_modules_import_nothing_from_aiogram() -> None:
    graph = import_graph()
    domain = [name for name in graph if any(name == d or name.startswith(d + ".") for d in DOMAIN)]
    assert len(domain) > 40
    chains = [chain for name in domain if (chain := reaches_aiogram(graph, name))]
    assert not chains, "domain modules that reach aiogram (import chain):\n" + \
        "\n".join(" -> ".join(chain) for chain in chains)


def test_every_route_comes_from_the_one_list_as_fresh_routers_with_the_catch_all_last() -> None:
    """Two dispatchers in one process (tests, benchmarks, the console) each get their own Routers: aiogram refuses
    a Router that already has a parent."""
    from aiogram import Dispatcher, Router

    from bot.handlers import get_routers

    first, second = get_routers(), get_routers()
    assert all(isinstance(router, Router) for router in first)
    assert not {id(router) for router in first} & {id(router) for router in second}
    Dispatcher().include_routers(*first)
    Dispatcher().include_routers(*second)
    assert [router.name for router in first][-1] == "ask"
    # each handler module's routes are in its router() and nowhere else: no module-level Router left behind
    import bot.handlers as handlers

    for name in [router.name for router in first]:
        module = getattr(handlers, name)
        assert not [value for value in vars(module).values() if isinstance(value, Router)], name
