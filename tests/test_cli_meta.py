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
        for name, sub in getattr(cmd, "commands", {}).items():
            stack.append((path + (name,), sub))


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
