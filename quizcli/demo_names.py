"""Demo names and the shape of a demo command line, as plain data (no NumPy).

The one place the demo names live: `quiz demo` (quizcli/demos/), the linter's check of
`see.demo` lines in question files, and shell completion all read DEMO_NAMES from here.
"""

from __future__ import annotations

import re

DEMO_NAMES: tuple[str, ...] = ("vanishing", "sparsity", "dying", "zigzag", "kink", "saturation")

_OPTION = re.compile(r"--[a-z][a-z0-9]*(-[a-z0-9]+)*")


class DemoLineError(ValueError):
    """A `see.demo` line that `quiz demo` would not accept; the message says what is expected."""


def parse_demo_line(line: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """'vanishing --depth 20' -> ('vanishing', (('--depth', '20'),)).

    The first word is a demo name; the rest are `--name value` pairs (a name in lower-case
    kebab case, a value that does not start with `--`). Raises DemoLineError."""
    words = line.split()
    if not words:
        raise DemoLineError("empty demo line; expected a demo name such as 'vanishing --depth 20'")
    name, rest = words[0], words[1:]
    if name not in DEMO_NAMES:
        from .errors import did_you_mean

        raise DemoLineError(
            f"unknown demo '{name}' (known: {', '.join(DEMO_NAMES)}).{did_you_mean(name, DEMO_NAMES)}"
        )
    options: list[tuple[str, str]] = []
    i = 0
    while i < len(rest):
        opt = rest[i]
        if not _OPTION.fullmatch(opt):
            raise DemoLineError(f"'{opt}' is not an option; expected --name value, e.g. --depth 20")
        if i + 1 >= len(rest) or rest[i + 1].startswith("--"):
            raise DemoLineError(f"option {opt} has no value; expected {opt} VALUE")
        options.append((opt, rest[i + 1]))
        i += 2
    return name, tuple(options)
