"""Entry point of the `quiz` command: the app plus every command module.

Command modules register themselves on import; each keeps its heavy imports inside the
command body.
"""

from __future__ import annotations

from .app import app
from .commands import explain  # noqa: F401  (registers `quiz explain`)

COMMAND_MODULES = ("explain",)


def main() -> None:
    app(prog_name="quiz")


if __name__ == "__main__":
    main()
