"""Rich consoles and safe text. Consoles are built inside commands, never at import time,
because Rich reads COLUMNS/NO_COLOR when a Console is created."""

from __future__ import annotations

from .safe_text import escape


def literal(text: str) -> str:
    """Content as typed: control characters (ANSI escapes included) shown as \\x1b etc.

    Rich markup is not interpreted because consoles are made with markup=False and content
    goes into Text objects; escape bytes must still never reach the terminal raw."""
    return escape(text)


def make_console(width: int | None = None, stderr: bool = False):
    from rich.console import Console

    return Console(
        width=width,
        stderr=stderr,
        markup=False,  # content may contain [brackets]; styles come from Text objects
        emoji=False,
        highlight=False,
    )


def box_style(ascii_only: bool):
    from rich import box

    return box.ASCII if ascii_only else box.ROUNDED
