"""Demo names and the shape of a `see.demo` line, derived from the demo registry (no NumPy).

A thin view for the linter (quizcli.bank.loader checks `see.demo` lines with
`parse_demo_line`) and for callers that want plain tables: DEMO_NAMES, DESCRIPTIONS, EXAMPLES
and DEMO_OPTIONS are computed from the specs in quizcli/demos/<name>/ on first access.
"""

from __future__ import annotations

import re

_OPTION = re.compile(r"--[a-z][a-z0-9]*(-[a-z0-9]+)*")


class DemoLineError(ValueError):
    """A `see.demo` line that `quiz demo` would not accept; the message says what is expected."""


def __getattr__(name: str):
    from .demos import registry
    from .demos.spec import example_args, valued_options

    specs = registry.specs()
    if name == "DEMO_NAMES":
        return tuple(s.name for s in specs)
    if name == "DESCRIPTIONS":  # one line per demo: the listing and `quiz --help`
        return {s.name: dict(s.summary) for s in specs}
    if name == "EXAMPLES":  # the first example, without 'quiz demo'
        return {s.name: example_args(s.examples[0]) for s in specs if s.examples}
    if name == "DEMO_OPTIONS":  # the options a see.demo line may give a value for
        return {s.name: valued_options(s) for s in specs}
    raise AttributeError(name)


def parse_demo_line(line: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """'vanishing --depth 20' -> ('vanishing', (('--depth', '20'),)).

    The first word is a demo name; the rest are `--name value` pairs (a name in lower-case
    kebab case, a value that does not start with `--`). Raises DemoLineError."""
    from .demos import registry
    from .demos.spec import valued_options
    from .errors import UnknownDemo, did_you_mean

    words = line.split()
    if not words:
        raise DemoLineError("empty demo line; expected a demo name such as 'vanishing --depth 20'")
    name, rest = words[0], words[1:]
    try:
        spec = registry.get(name)
    except UnknownDemo:
        known = registry.names()
        raise DemoLineError(
            f"unknown demo '{name}' (known: {', '.join(known)}).{did_you_mean(name, known)}"
        ) from None
    allowed = valued_options(spec)
    # old spellings (--width for units per layer) still work, with a note when the line runs
    deprecated = {flag for o in spec.options for flag in o.deprecated}
    options: list[tuple[str, str]] = []
    i = 0
    while i < len(rest):
        opt = rest[i]
        if not _OPTION.fullmatch(opt):
            raise DemoLineError(f"'{opt}' is not an option; expected --name value, e.g. --depth 20")
        if opt not in allowed and opt not in deprecated:
            raise DemoLineError(f"'quiz demo {name}' has no option {opt} (options: "
                                f"{', '.join(allowed)}).{did_you_mean(opt, allowed)}")
        if i + 1 >= len(rest) or rest[i + 1].startswith("--"):
            raise DemoLineError(f"option {opt} has no value; expected {opt} VALUE")
        options.append((opt, rest[i + 1]))
        i += 2
    return name, tuple(options)
