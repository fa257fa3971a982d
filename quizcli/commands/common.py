"""Options and wiring shared by the commands that read the question bank (list, show, lint, ask).

    content_dirs: Optional[List[Path]] = content_dir_option()
    ...
    bank = open_bank(content_dirs, lang)

Imports only Typer at module level.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

import typer

if TYPE_CHECKING:  # pragma: no cover
    from ..bank.loader import Bank

CONTENT_DIR_HELP = ("Also load the questions (*.md) under DIR; repeatable. "
                    "QUIZ_CONTENT_PATH adds more (separated by ':', ';' on Windows).")

MAX_LOAD_PROBLEMS_SHOWN = 10


def content_dir_option():
    """A fresh `--content-dir DIR` option (repeatable; the directory must exist)."""
    return typer.Option(None, "--content-dir", metavar="DIR", help=CONTENT_DIR_HELP,
                        exists=True, file_okay=False, dir_okay=True, readable=True)


def lang_option(what: str = "the text"):
    return typer.Option(None, "--lang", metavar="ko|en",
                        help=f"Language of {what} (default: QUIZ_LANG, locale, en).")


def home_option():
    return typer.Option(None, "--home", metavar="DIR",
                        help="Quiz home with your progress (default: QUIZ_HOME, else the "
                             "platform data dir).")


def ascii_option(what: str = "borders"):
    return typer.Option(False, "--ascii",
                        help=f"ASCII {what} (for terminals that draw box characters wide).")


def width_option():
    return typer.Option(None, "--width", min=40, max=400,
                        help="Output width in columns (default: terminal).")


def json_option(what: str = "the data"):
    return typer.Option(False, "--json", help=f"Print {what} as JSON.")


def open_bank(content_dirs: Optional[Iterable[Path]], lang: str, *, lazy: bool = False) -> "Bank":
    """Load the bank (through the parsed-content cache); report load errors (skipped files,
    unknown ids) on stderr, one line each. lazy=True parses only the questions asked for by
    id, for scripted one-question runs over large banks."""
    from ..bank.cache import LazyBank, load_bank
    from ..render.bank import render_load_problems

    if lazy:
        return LazyBank(content_dirs or ())
    bank = load_bank(content_dirs or ())
    if bank.errors:
        render_load_problems(bank.errors, lang, limit=MAX_LOAD_PROBLEMS_SHOWN)
    return bank
