"""Entry point of the `quiz` command.

Commands are listed in quizcli.app.COMMANDS and imported on first use; each keeps its
heavy imports inside the command body.
"""

from __future__ import annotations

from .app import COMMANDS, app

COMMAND_MODULES = tuple(COMMANDS)


def main() -> None:
    from .streams import secure_std_streams

    secure_std_streams()
    app(prog_name="quiz")


if __name__ == "__main__":
    main()
