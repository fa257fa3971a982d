"""The line between the CLI and the domain, checked on the source (AST), and the one settings
module: library code raises domain errors and never writes to the terminal; only
commands/ (and the app boundary) raise the CLI's QuizError; only quizcli/settings.py reads
QUIZ_* variables."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import quizcli
from quizcli import settings

PACKAGE = Path(quizcli.__file__).resolve().parent
README = PACKAGE.parent / "README.md"

# Where the terminal may be written: the commands, the app boundary, the renderers and the
# --json printer (the renderers' JSON twin).
PRESENTATION = ("commands/", "render/", "app.py", "jsonout.py", "console.py", "streams.py")
# Modules that still raise QuizError, each with the work that removes it. Owned by other
# branches when this test was written; they have UnknownQuestion and ContentError to use.
PENDING_QUIZ_ERROR: dict[str, str] = {}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _is_sys_stream(node) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr")
            and isinstance(node.value, ast.Name) and node.value.id == "sys")


def _terminal_writes(tree) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            lines.append(node.lineno)
        elif _is_sys_stream(node):
            lines.append(node.lineno)
    return lines


def _quiz_error_raises(tree) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(exc, ast.Name) and exc.id == "QuizError":
                lines.append(node.lineno)
        elif isinstance(node, ast.Return) and isinstance(node.value, ast.Call) and \
                isinstance(node.value.func, ast.Name) and node.value.func.id == "QuizError":
            lines.append(node.lineno)  # an error factory
    return lines


def test_only_presentation_modules_write_to_the_terminal():
    offenders = {name: lines for name, tree in _modules()
                 if not name.startswith(PRESENTATION) and (lines := _terminal_writes(tree))}
    assert offenders == {}


def test_only_commands_and_the_app_raise_the_cli_error():
    offenders = {name: lines for name, tree in _modules()
                 if not name.startswith(("commands/", "app.py")) and name not in PENDING_QUIZ_ERROR
                 and (lines := _quiz_error_raises(tree))}
    assert offenders == {}


def test_the_pending_list_is_still_needed():
    # when a pending module stops raising QuizError, it must leave the list
    trees = dict(_modules())
    for name in PENDING_QUIZ_ERROR:
        assert name in trees and _quiz_error_raises(trees[name]), name


def test_the_scans_catch_what_they_look_for():
    bad = ast.parse("import sys\n"
                    "def f():\n    print('x')\n    sys.stderr.write('y')\n    raise QuizError('z')\n")
    assert _terminal_writes(bad) == [3, 4] and _quiz_error_raises(bad) == [5]


def _environ_reads(tree) -> list[str]:
    """QUIZ_* names read through os.environ / os.getenv, constants followed."""
    consts = {t.id: n.value.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
              and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
              for t in n.targets if isinstance(t, ast.Name)}

    def text(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        return consts.get(node.id, "") if isinstance(node, ast.Name) else ""

    def is_environ(node):
        return isinstance(node, ast.Attribute) and node.attr == "environ"

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and is_environ(node.value):
            found.append(text(node.slice))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            f = node.func
            if (f.attr in ("get", "pop", "setdefault") and is_environ(f.value)) or f.attr == "getenv":
                found.append(text(node.args[0]))
    return [n for n in found if n.startswith("QUIZ_")]


def test_only_settings_reads_quiz_variables():
    readers = {name: reads for name, tree in _modules() if (reads := _environ_reads(tree))}
    assert readers == {}  # settings.py reads by a name from its table, not a literal
    assert _environ_reads(ast.parse("import os\nX = 'QUIZ_A'\nos.environ.get(X)\n"
                                    "os.environ['QUIZ_B']\nos.getenv('QUIZ_C')\n")) == \
        ["QUIZ_A", "QUIZ_B", "QUIZ_C"]


def test_every_quiz_variable_the_package_mentions_is_a_setting():
    names = {s.name for s in settings.SETTINGS}
    mentioned = set()
    for path in PACKAGE.rglob("*.py"):
        mentioned |= set(re.findall(r"\bQUIZ_[A-Z_]*[A-Z]\b", path.read_text(encoding="utf-8")))
    assert mentioned <= names, mentioned - names
    assert all(s.meaning and s.default for s in settings.SETTINGS)


def test_readme_table_is_generated_from_settings():
    assert settings.markdown_table() in README.read_text(encoding="utf-8")


def test_settings_read_at_call_time(monkeypatch):
    monkeypatch.setenv("QUIZ_FSRS_FUZZ", "Off")
    assert settings.fsrs_fuzz() is False
    monkeypatch.setenv("QUIZ_FSRS_FUZZ", "1")
    assert settings.fsrs_fuzz() is True
    import os

    monkeypatch.setenv("QUIZ_CONTENT_PATH", f" a {os.pathsep}{os.pathsep}b ")
    assert settings.content_path() == ["a", "b"]
    monkeypatch.delenv("QUIZ_NO_CACHE", raising=False)
    assert settings.no_cache() is False
    with pytest.raises(KeyError):
        settings.raw("QUIZ_NOPE")
