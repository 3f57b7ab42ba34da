"""The texts in bot/locales: every language has every key with the same variables, every key the code names exists
and every key that exists is named by the code; plurals, escaping, the English fallback and a third language."""

from __future__ import annotations

import ast
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.formatting import format_date, format_money, format_number
from bot.i18n import CATALOGUE, FALLBACK, Catalogue, Html, locales_root, missing, t

BOT = Path(__file__).resolve().parent.parent / "bot"
KEY = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")


def _code() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in sorted(BOT.rglob("*.py"))}


def _translator_calls(tree: ast.Module):
    """Calls of `t(...)` or `<anything>.t(...)` (the catalogue's facade and its method)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and (
                (isinstance(node.func, ast.Name) and node.func.id == "t")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "t")):
            yield node


def _string_constants(tree: ast.Module) -> set[str]:
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


CODE = _code()
DEFINED = set().union(*(CATALOGUE.keys(lang) for lang in CATALOGUE.languages))


def test_the_shipped_languages_are_russian_and_english_with_english_the_fallback() -> None:
    assert {"ru", "en"} <= set(CATALOGUE.languages) and FALLBACK == "en"


def test_every_language_has_every_key() -> None:
    assert missing(CATALOGUE) == {}


def test_a_key_has_the_same_variables_in_every_language() -> None:
    differ = {key: {lang: sorted(CATALOGUE.variables(key, lang)) for lang in CATALOGUE.languages}
              for key in DEFINED if len({CATALOGUE.variables(key, lang) for lang in CATALOGUE.languages}) > 1}
    assert differ == {}


def test_keys_are_never_built_at_run_time() -> None:
    """A key made by an f-string or by adding strings cannot be checked: write a table of literal keys instead."""
    built = [f"{path.relative_to(BOT.parent)}:{call.lineno}" for path, tree in CODE.items()
             for call in _translator_calls(tree) if isinstance(call.args[0], ast.JoinedStr | ast.BinOp)]
    assert built == []


def test_every_key_the_code_names_is_defined() -> None:
    named = {(call.args[0].value, f"{path.relative_to(BOT.parent)}:{call.lineno}") for path, tree in CODE.items()
             for call in _translator_calls(tree)
             if isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)}
    assert len(named) > 100, "the scan found the translator's calls"
    assert sorted(where for key, where in named if key not in DEFINED) == []
    # Keys in tables (a dict's values, a tuple or a list holding at least one key: code -> key maps, button lists)
    # are literals too: every key-shaped string with a known prefix beside a key must be defined, so a typo in a
    # table fails here rather than in front of a user.
    prefixes = {key.split("_", 1)[0] for key in DEFINED}
    undefined = set()
    for tree in CODE.values():
        for node in ast.walk(tree):
            items = node.values if isinstance(node, ast.Dict) else node.elts if isinstance(node, ast.Tuple | ast.List) \
                else []
            strings = {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)}
            if strings & DEFINED:
                undefined |= {s for s in strings - DEFINED if KEY.match(s) and s.split("_", 1)[0] in prefixes}
    assert sorted(undefined) == []


def test_every_defined_key_is_used() -> None:
    strings = set().union(*(_string_constants(tree) for tree in CODE.values()))
    assert sorted(DEFINED - strings) == []


@pytest.mark.parametrize(("n", "text"), [(1, "1 запись"), (2, "2 записи"), (5, "5 записей"), (21, "21 запись"),
                                         (11, "11 записей"), (104, "104 записи")])
def test_russian_plurals(n: int, text: str) -> None:
    assert t("history_records", "ru", n=n, count=str(n)) == text


@pytest.mark.parametrize(("n", "people"), [(1, "1 человек"), (2, "2 человека"), (5, "5 человек"),
                                           (21, "21 человек")])
def test_russian_plurals_of_people(n: int, people: str) -> None:
    assert t("est_people", "ru", n=n, count=str(n)) == people
    assert t("est_people", "en", n=n, count=str(n)) == (f"{n} person" if n == 1 else f"{n} people")


def test_values_are_escaped_unless_they_are_html_already() -> None:
    assert t("watch_exists", "en", name="AT&T <b>") == "You already watch <b>AT&amp;T &lt;b&gt;</b>."
    assert t("watch_exists", "en", name=Html("<i>x</i>")) == "You already watch <b><i>x</i></b>."


def test_numbers_keep_their_digits_and_formatting_is_the_callers() -> None:
    assert t("too_long", "en", limit=4096) == "That is a long question: I read the first 4096 characters."
    assert format_number(3_083_408, "ru") == "3\u00a0083\u00a0408" and format_number(3_083_408, "en") == "3,083,408"


def _catalogue(tmp_path: Path, texts: dict[str, str]) -> Catalogue:
    for lang, text in texts.items():
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "main.ftl").write_text(text, encoding="utf-8")
    return Catalogue.load(tmp_path)


def test_a_key_missing_in_a_language_falls_back_to_english_loudly(tmp_path: Path,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    catalogue = _catalogue(tmp_path, {"en": "hello = Hello\nbye = Bye\n", "ru": "hello = Привет\n"})
    assert missing(catalogue) == {"ru": {"bye"}}, "the completeness test above would fail"
    with caplog.at_level(logging.WARNING, logger="bot.i18n"):
        assert catalogue.t("bye", "ru") == "Bye"
    assert "'bye' is missing in 'ru'" in caplog.text
    assert catalogue.t("hello", "xx") == "Hello", "a language without files reads English, never Russian"
    with pytest.raises(KeyError):
        catalogue.t("nowhere", "en")


def test_a_knowledge_entry_reads_in_its_languages_and_in_english_for_any_other() -> None:
    """Entries' texts follow the catalogue's rule: the reader's language if written, else English (never Russian,
    and never an attribute of the model that merely shares the language's name)."""
    from bot.kb.models import Localized

    text = Localized(ru="Штраф", en="Fine")
    assert (text.get("ru"), text.get("en")) == ("Штраф", "Fine")
    assert [text.get(lang) for lang in ("de", "", "get", "model_fields")] == ["Fine"] * 4


def test_a_broken_file_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        _catalogue(tmp_path, {"en": "hello = { $name\n"})


def test_a_third_language_is_a_folder_of_files(tmp_path: Path) -> None:
    for lang in ("ru", "en"):
        shutil.copytree(Path(str(locales_root() / lang)), tmp_path / lang)
    shutil.copytree(tmp_path / "en", tmp_path / "de")
    (tmp_path / "de" / "bot.ftl").write_text(
        (tmp_path / "de" / "bot.ftl").read_text(encoding="utf-8").replace(
            "You already watch <b>{ $name }</b>.", "Sie beobachten <b>{ $name }</b> schon."), encoding="utf-8")
    catalogue = Catalogue.load(tmp_path)
    assert catalogue.languages == ("de", "en", "ru") and missing(catalogue) == {}
    assert catalogue.t("watch_exists", "de", name="Litres") == "Sie beobachten <b>Litres</b> schon."
    assert catalogue.t("history_records", "de", n=2, count="2") == "2 records"
    # Digits and dates follow the language's own CLDR data through Babel, whatever the words.
    assert format_number(1234.5, "de", 1) == "1.234,5"
    assert format_money(1_200_000_000, "EUR", "de", style="full").endswith("1.200.000.000")


def test_one_date_style_and_one_money_style_per_language() -> None:
    import datetime as dt

    day = dt.date(2023, 8, 3)
    assert (format_date(day, "ru"), format_date(day, "en")) == ("3 августа 2023", "3 Aug 2023")
    assert (format_date(day, "ru", "month"), format_date(day, "en", "month")) == ("август 2023", "Aug 2023")
    assert format_money(3_000_000, "RUB", "ru") == "3 млн ₽" and format_money(3_000_000, "RUB", "en") == "RUB 3 million"
    assert format_money(1_200_000_000, "EUR", "en", style="short") == "€1.2bn"


def test_a_lazy_catalogue_reads_a_language_when_a_text_of_it_is_first_asked_for(tmp_path: Path) -> None:
    """The bot's own catalogue is lazy (bot/runner.py imports it before it polls): importing it reads no file, and a
    broken file is refused when its language is first read (the bot's loading reads every language's menu)."""
    probe = "import bot.i18n as i; print(len(i.CATALOGUE._bundles), len(i.CATALOGUE.languages))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", str(len(CATALOGUE.languages))]
    for lang, text in {"en": "hello = Hello\n", "ru": "hello = { $name\n"}.items():
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "main.ftl").write_text(text, encoding="utf-8")
    catalogue = Catalogue.load(tmp_path, lazy=True)
    assert catalogue.t("hello", "en") == "Hello" and catalogue.languages == ("en", "ru")
    with pytest.raises(ValueError, match="cannot read"):
        catalogue.t("hello", "ru")
