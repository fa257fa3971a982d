"""Properties of the CLI as a whole: help everywhere (sqlite-utils' meta-test), fast start."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _all_commands():
    import typer.main

    from quizcli.cli import app

    root = typer.main.get_command(app)
    stack = [((), root)]
    while stack:
        path, cmd = stack.pop()
        yield path, cmd
        if hasattr(cmd, "list_commands"):
            ctx = cmd.make_context(" ".join(("quiz",) + path), ["--help"], resilient_parsing=True)
            for name in cmd.list_commands(ctx):
                stack.append((path + (name,), cmd.get_command(ctx, name)))


@pytest.mark.parametrize("path", [p for p, _ in _all_commands()], ids=lambda p: " ".join(p) or "quiz")
def test_every_command_has_help_with_text(cli, path):
    r = cli(*path, "--help")
    assert r.exit_code == 0, r
    assert "Usage" in r.stdout
    cmd = dict(_all_commands())[path]
    assert (cmd.help or "").strip(), f"quiz {' '.join(path)} has no help text"


def test_cli_import_loads_no_heavy_modules():
    code = ("import sys, quizcli.cli; "
            "print(','.join(m for m in ('numpy','yaml','fsrs','uniplot','sqlite3') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_commands_load_lazily():
    # `quiz explain` must not import (or build) the other commands' modules
    code = ("import sys\nfrom quizcli.cli import app\n"
            "try:\n    app(['explain', 'relu', '--json'], prog_name='quiz')\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(','.join(sorted(m for m in sys.modules if m.startswith('quizcli.commands.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == "quizcli.commands.common,quizcli.commands.explain"


def test_every_listed_command_exists(cli):
    from quizcli.app import COMMANDS

    for name in COMMANDS:
        r = cli(name, "--help")
        assert r.exit_code == 0 and f"quiz {name}" in r.stdout


def test_help_run_loads_no_heavy_modules():
    code = ("import sys\nfrom quizcli.cli import app\n"
            "try:\n    app(['--help'], prog_name='quiz')\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(','.join(m for m in ('numpy','yaml','fsrs','uniplot','sqlite3') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage" in out.stdout
    assert out.stderr.strip() == ""


def test_version(cli):
    from quizcli import __version__

    r = cli("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"quiz {__version__}"


def test_help_texts_contain_no_rich_markup_brackets():
    # Typer renders help with Rich markup: an unescaped "[default: …]" silently disappears
    # from the screen ("Language of the text ."), so help texts use parentheses instead.
    import re

    for path, cmd in _all_commands():
        for param in getattr(cmd, "params", []):
            text = getattr(param, "help", None) or ""
            assert not re.search(r"(?<!\\)\[[a-z/]", text), (path, param.name, text)


def test_rendered_help_shows_every_option_help_word(cli):
    r = cli("explain", "--help")
    words = " ".join(r.stdout.replace("│", " ").split())
    assert "(default: QUIZ_LANG, locale, en)" in words


def test_command_table_help_matches_each_commands_own_help():
    # `quiz --help` lists the table's lines without importing the commands: they must agree
    import importlib

    from quizcli.app import COMMANDS, _build

    for name, (module, short_help) in COMMANDS.items():
        importlib.import_module(module)
        real = _build(name)
        assert real is not None, name
        assert " ".join(real.help.split()) == " ".join(short_help.split()), name


def test_root_help_imports_no_command_module():
    code = ("import sys\nfrom quizcli.cli import app\n"
            "try:\n    app(['--help'], prog_name='quiz')\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(','.join(m for m in sys.modules if m.startswith('quizcli.commands')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == ""
    for name in ("ask", "explain", "demo", "list", "show", "stats", "progress", "lint"):
        assert f" {name} " in out.stdout


@pytest.mark.parametrize("text,expected", [
    ("42 file(s) checked: 0 error(s), 1 warning(s)", "42 files checked: 0 errors, 1 warning"),
    ("Interrupted. 1 answered question(s) saved.", "Interrupted. 1 answered question saved."),
    ("1 answer(s) to 3 question(s)", "1 answer to 3 questions"),
])
def test_english_plurals_follow_the_number(text, expected):
    from quizcli.i18n import _english_plurals

    assert _english_plurals(text) == expected


@pytest.mark.parametrize("path", [p for p, _ in _all_commands()], ids=lambda p: " ".join(p) or "quiz")
def test_help_placeholders_are_one_style(cli, path):
    """Upper-case words (ID, NAME, FILE, COLS, N …), optional ones in [ ], as Click writes
    them: no {ID} from Typer, no <int range> [40<=x<=400] from Click's ranges."""
    import re

    out = cli(*path, "--help", env={"COLUMNS": "200"}).stdout
    usage = next(ln for ln in out.splitlines() if "Usage:" in ln)
    assert "{" not in usage and "<" not in usage, usage
    for word in usage.split("quiz", 1)[1].split()[len(path):]:
        assert re.fullmatch(r"\[?[A-Z][A-Z0-9_.a-z]*\]?(\.\.\.)?", word), (usage, word)
    assert not re.search(r"<[a-z ]+>|\d<=x|x<=\d", out), out
