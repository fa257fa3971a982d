"""Rich consoles and safe text. Consoles are built inside commands, never at import time,
because Rich reads COLUMNS/NO_COLOR when a Console is created."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def literal(text: str) -> str:
    """Content as typed: control characters (ANSI escapes included) shown as \\x1b etc.

    Rich markup is not interpreted because consoles are made with markup=False and content
    goes into Text objects; escape bytes must still never reach the terminal raw."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


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
