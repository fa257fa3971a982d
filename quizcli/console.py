"""Rich consoles and safe text. Consoles are built inside commands, never at import time,
because Rich reads COLUMNS/NO_COLOR when a Console is created."""

from __future__ import annotations

from .safe_text import escape


def literal(text: str) -> str:
    """Content as typed: control characters (ANSI escapes included) shown as \\x1b etc.

    Rich markup is not interpreted because consoles are made with markup=False and content
    goes into Text objects; escape bytes must still never reach the terminal raw."""
    return escape(text)


def markdown(text: str):
    """Content Markdown as printed: literal (see above), and links shown as "text (target)"
    instead of terminal hyperlinks, so a link can never show one address and open another."""
    from rich.markdown import Markdown

    return Markdown(literal(text), hyperlinks=False)


MIN_COLUMNS = 20  # COLUMNS below this (0 printed nothing at all) means: the default width
MAX_COLUMNS = 1000  # and above this (COLUMNS=99999999999 ran out of memory drawing one rule)


def drop_unusable_widths(environ) -> None:
    """Remove COLUMNS / TERMINAL_WIDTH outside MIN_COLUMNS..MAX_COLUMNS from `environ`, so every
    console, Typer's help included, uses the default width instead (issue 17, item 16)."""
    for name in ("COLUMNS", "TERMINAL_WIDTH"):
        value = environ.get(name, "").strip()
        if value.isdigit() and not MIN_COLUMNS <= int(value) <= MAX_COLUMNS:
            del environ[name]


def make_console(width: int | None = None, stderr: bool = False):
    import os

    Console = _console_class()
    environ = os.environ
    columns = environ.get("COLUMNS", "").strip()
    if width is None and columns.isdigit() and not MIN_COLUMNS <= int(columns) <= MAX_COLUMNS:
        environ = {k: v for k, v in environ.items() if k != "COLUMNS"}
    return Console(
        width=width,
        stderr=stderr,
        markup=False,  # content may contain [brackets]; styles come from Text objects
        emoji=False,
        highlight=False,
        _environ=environ,
    )


_CONSOLE = None


def _console_class():
    """Rich's Console, but a reader that leaves (`quiz list | head -n 1`) ends the run with
    exit 0, as the app's BrokenPipeError handler does, instead of Rich's SystemExit(1)."""
    global _CONSOLE
    if _CONSOLE is None:
        import os
        import sys

        from rich.console import Console

        class QuietPipeConsole(Console):
            def on_broken_pipe(self) -> None:
                self.quiet = True
                try:  # later writes and the interpreter's final flush go nowhere
                    devnull = os.open(os.devnull, os.O_WRONLY)
                    os.dup2(devnull, (sys.stderr if self.stderr else sys.stdout).fileno())
                    os.close(devnull)
                except (OSError, ValueError, AttributeError):
                    pass
                raise SystemExit(0)

        _CONSOLE = QuietPipeConsole
    return _CONSOLE


def box_style(ascii_only: bool):
    from rich import box

    return box.ASCII if ascii_only else box.ROUNDED
