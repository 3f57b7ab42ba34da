"""Every user-facing text, read from Fluent files: ``bot/locales/<lang>/*.ftl``, one folder per language.

Why Fluent (``fluent.runtime``) and not gettext: plurals and other choices live in the text itself
(``{ $n -> [one] … [few] … *[many] … }``), written by the translator for their own language, not in Python; the files
are read as they are, with no compile step (.po -> .mo); a message names its variables, so a test can check that
every language asks for the same ones. A third language is a third folder: nothing in Python changes.

One :class:`Catalogue` is made once, when this module is first imported (each language's files read on first
use: `CATALOGUE`), and never changes after that (no setter, no reload): `CATALOGUE` and its bound method `t` are a
read-only facade, so a domain renderer (``breaches/render.py``, ``legal/render.py``) and a handler get the same
texts without threading an object through every call, and without hidden state that changes at run time. Tests
build their own catalogues with :meth:`Catalogue.load` (a temporary folder of files, a third language). Plain
module: no aiogram.

A key missing in the reader's language is taken from English, with a warning in the log; tests/test_i18n.py fails
on any such key, so the fallback only protects a user from a mistake the tests would have caught.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from html import escape
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from fluent.runtime import FluentBundle
from fluent.runtime.types import fluent_number
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

log = logging.getLogger(__name__)

FALLBACK = "en"
# Texts remembered as rendered (see Catalogue.t): enough for every fixed text in both languages and the figures of
# many replies; past it the memory starts afresh rather than growing with users' own words.
MEMO_SIZE = 8192


def locales_root() -> Traversable:
    """The shipped locale files (package data, so they are in the wheel too)."""
    return resources.files("bot") / "locales"


class _Variables(Visitor):
    """The `$variables` a message uses, in any of its variants."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:  # noqa: N802 (the visitor's naming)
        self.names.add(node.id.name)


class Catalogue:
    """The texts of every language found under a root folder; `t(key, lang, **values)` renders one."""

    def __init__(self, sources: dict[str, list[str]], fallback: str = FALLBACK, *, lazy: bool = False) -> None:
        """`sources`: language -> the text of its .ftl files. `lazy`: each language's files are read (parsed and
        checked) when a text of it is first asked for, not here (see `CATALOGUE`)."""
        if fallback not in sources:
            raise ValueError(f"no texts for the fallback language {fallback!r}")
        self.fallback = fallback
        self._sources = sources
        self._bundles: dict[str, FluentBundle] = {}
        self._variables: dict[str, dict[str, frozenset[str]]] = {}
        self._lock = threading.Lock()  # the bot loads in a worker thread while the event loop may render a text
        self._memo: dict[tuple[object, ...], str] = {}
        if not lazy:
            for lang in sources:
                self._bundle(lang)

    def _bundle(self, lang: str) -> FluentBundle | None:
        """The language's bundle, its files read on first use; None for a language without files."""
        bundle = self._bundles.get(lang)
        if bundle is not None or lang not in self._sources:
            return bundle
        with self._lock:
            if lang not in self._bundles:
                self._bundles[lang], self._variables[lang] = self._read(lang, self._sources[lang])
            return self._bundles[lang]

    @staticmethod
    def _read(lang: str, texts: list[str]) -> tuple[FluentBundle, dict[str, frozenset[str]]]:
        # use_isolating=False: Unicode bidi marks around every value would show up in Telegram's plain text.
        bundle = FluentBundle([lang], use_isolating=False)
        variables: dict[str, frozenset[str]] = {}
        for text in texts:
            # One parse per file (without source positions: a third faster), shared by the bundle and the check.
            resource = FluentParser(with_spans=False).parse(text)
            bundle.add_resource(resource)
            for entry in resource.body:
                if isinstance(entry, ftl.Junk):
                    raise ValueError(f"{lang}: cannot read {entry.content[:60]!r}: {entry.annotations[0].message}")
                if isinstance(entry, ftl.Message):
                    visitor = _Variables()
                    visitor.visit(entry)
                    variables[entry.id.name] = frozenset(visitor.names)
        return bundle, variables

    @classmethod
    def load(cls, root: Traversable | Path | None = None, fallback: str = FALLBACK, *, lazy: bool = False) -> Catalogue:
        """Every ``<root>/<lang>/*.ftl``; the folder's name is the language."""
        root = locales_root() if root is None else root
        sources = {folder.name: [f.read_text(encoding="utf-8") for f in sorted(folder.iterdir(), key=lambda f: f.name)
                                 if f.name.endswith(".ftl")]
                   for folder in root.iterdir() if folder.is_dir() and not folder.name.startswith(("_", "."))}
        return cls(sources, fallback, lazy=lazy)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self._sources))

    def keys(self, lang: str) -> set[str]:
        self._bundle(lang)
        return set(self._variables[lang])

    def variables(self, key: str, lang: str) -> frozenset[str]:
        self._bundle(lang)
        return self._variables[lang][key]

    def t(self, key: str, lang: str, **values: object) -> str:
        """The text `key` in `lang` with `values` filled in: strings HTML-escaped, numbers as digits (choosing the
        plural form). A language without files reads English; a key missing in a language is taken from English and
        logged; a key English lacks too is a KeyError."""
        bundle = self._bundle(lang)
        if bundle is None or not bundle.has_message(key):
            if bundle is not None:
                log.warning("text %r is missing in %r: English used", key, lang)
            bundle = self._bundle(self.fallback)
            assert bundle is not None  # __init__ checked the fallback has files
            if not bundle.has_message(key):
                raise KeyError(key)
        # The catalogue never changes, so a text rendered with the same plain values is the same text: remembered,
        # as a reply renders dozens (labels, units, money) and Fluent's resolver costs more than the lookup. The
        # values' types are part of the key: Html("<b>") is not "<b>", True is not 1, 2.0 is not 2. Any other kind
        # of value (an object whose str() may change) is rendered each time.
        types = tuple(map(type, values.values()))
        if not _PLAIN.issuperset(types):
            return self._render(bundle, key, lang, values)
        memo_key = (id(bundle), key, types, *values.items())
        text = self._memo.get(memo_key)
        if text is not None:
            return text
        text = self._memo[memo_key] = self._render(bundle, key, lang, values)
        if len(self._memo) > MEMO_SIZE:
            self._memo.clear()
        return text

    @staticmethod
    def _render(bundle: FluentBundle, key: str, lang: str, values: dict[str, object]) -> str:
        args = {name: _argument(value) for name, value in values.items()}
        text, errors = bundle.format_pattern(bundle.get_message(key).value, args)
        if errors:
            raise ValueError(f"text {key!r} in {lang!r}: {errors}")
        return text


class Html(str):
    """A value that is Telegram HTML already (a text from this catalogue, a link built with escaped parts): `t` puts
    it in as it is. Any other string is escaped."""

    __slots__ = ()


_PLAIN = frozenset({str, Html, int, float, bool, type(None)})  # values whose text a memo key fixes


def _argument(value: object) -> object:
    if isinstance(value, Html):
        return str(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return escape(str(value), quote=False)
    # Digits as given (a year, an id, a limit): a number that should read "50 000" is formatted by the caller with
    # bot.formatting.format_number. Still a number, so `{ $n -> [one] … }` picks the plural form.
    return fluent_number(value, useGrouping=False)


def missing(catalogue: Catalogue, languages: Iterable[str] | None = None) -> dict[str, set[str]]:
    """Keys some language has and another lacks: language -> its missing keys."""
    languages = list(languages or catalogue.languages)
    every = set().union(*(catalogue.keys(lang) for lang in languages))
    return {lang: every - catalogue.keys(lang) for lang in languages if every - catalogue.keys(lang)}


# Each language's files are parsed when a text of it is first asked for (a tenth of a second for both): the
# module is imported by everything that renders a text, including what bot/runner.py imports before it polls. A
# shipped file that cannot be read still stops the bot at start: loading it renders the command menu of every
# language (bot/app.py), and tests/test_i18n.py reads every file.
CATALOGUE = Catalogue.load(lazy=True)
t = CATALOGUE.t
