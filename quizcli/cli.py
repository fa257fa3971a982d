"""Entry point of the `quiz` command: the app plus every command module.

Command modules register themselves on import; each keeps its heavy imports inside the
command body.
"""

from __future__ import annotations

from .app import app
from .commands import explain  # noqa: F401  (registers `quiz explain`)
from .commands import progress, stats  # noqa: F401  (`quiz progress …`, `quiz stats`)
from .commands import lint, list as list_, show  # noqa: F401  (`quiz lint`, `quiz list`, `quiz show`)
from .commands import ask  # noqa: F401  (`quiz ask`)
from .commands import demo  # noqa: F401  (`quiz demo …`)

COMMAND_MODULES = ("explain", "progress", "stats", "lint", "list", "show", "ask", "demo")


def main() -> None:
    app(prog_name="quiz")


if __name__ == "__main__":
    main()
