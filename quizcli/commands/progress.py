"""`quiz progress export|import|rebuild|reset`: back up, merge, replay and reset your progress."""

import sys
from typing import Optional

import typer

from ..app import app
from .common import home_option, lang_option

progress_app = typer.Typer(
    name="progress",
    help="Back up, restore, rebuild or reset your progress (answers and review schedules).",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(progress_app, name="progress")



def _say(text: str, stderr: bool = False) -> None:
    from rich.text import Text

    from ..console import literal, make_console

    # soft_wrap: a path in the message must stay on one line, ready to copy
    make_console(stderr=stderr).print(Text(literal(text)), soft_wrap=True)


@progress_app.command(
    "export",
    epilog="Examples:  quiz progress export progress.json · quiz progress export - > backup.json",
)
def export(
    file: str = typer.Argument(..., metavar="FILE", help="File to write (versioned JSON), or - for stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    home: Optional[str] = home_option(),
    lang: Optional[str] = lang_option("the messages"),
) -> None:
    """Write every answer and session to a JSON file (import it on another machine)."""
    from ..i18n import resolve_lang
    from ..render.stats import T
    from ..store import open_store
    from ..store.progress import write_export

    language = resolve_lang(lang)
    with open_store(home) as store:
        data = store.export_data()
    path = write_export(data, file, force=force, out=sys.stdout)
    _say(T("exported", language, n=len(data["reviews"]), s=len(data["sessions"]),
           path=path if path is not None else "stdout"), stderr=path is None)


@progress_app.command(
    "import",
    epilog="Examples:  quiz progress import progress.json · cat backup.json | quiz progress import -",
)
def import_(
    file: str = typer.Argument(..., metavar="FILE", help="A file written by `quiz progress export`, or - for stdin."),
    home: Optional[str] = home_option(),
    lang: Optional[str] = lang_option("the messages"),
) -> None:
    """Merge an export into your progress; answers already present are skipped (importing twice changes nothing)."""
    from ..i18n import resolve_lang
    from ..render.stats import T
    from ..store import open_store
    from ..store.progress import read_export

    language = resolve_lang(lang)
    data = read_export(file)
    with open_store(home) as store:
        result = store.import_data(data)
    _say(T("imported", language, added=result.added, skipped=result.skipped,
           q=len(result.questions)))


@progress_app.command("rebuild", epilog="Example:  quiz progress rebuild")
def rebuild(
    home: Optional[str] = home_option(),
    lang: Optional[str] = lang_option("the messages"),
) -> None:
    """Recompute every review schedule from the answer log (after an upgrade or a parameter change)."""
    from ..i18n import resolve_lang
    from ..render.stats import T
    from ..store import open_store

    language = resolve_lang(lang)
    with open_store(home) as store:
        result = store.rebuild()
    _say(T("rebuilt", language, cards=result.cards, reviews=result.reviews, changed=result.changed))


@progress_app.command("reset", epilog="Examples:  quiz progress reset · quiz progress reset --yes")
def reset(
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
    home: Optional[str] = home_option(),
    lang: Optional[str] = lang_option("the messages"),
) -> None:
    """Start over: back up everything to HOME/backups/, then delete all answers and schedules."""
    from ..errors import QuizError
    from ..i18n import resolve_lang
    from ..render.stats import T
    from ..store import open_store
    from ..store.progress import backup_writer

    language = resolve_lang(lang)
    with open_store(home) as store:
        count = store.review_count()
        if count == 0:
            _say(T("reset_empty", language, path=store.path))
            return
        if not yes:
            question = T("reset_ask", language, n=count, path=store.path,
                         backups=store.home / "backups")
            try:
                confirmed = typer.confirm(question, default=False)
            except typer.Abort:
                raise QuizError("Resetting needs a confirmation: answer y at the prompt, or "
                                "pass --yes. Nothing was changed.") from None
            if not confirmed:
                _say(T("reset_kept", language))
                raise typer.Exit(1)
        backup, count = store.reset(backup_writer(store.home, store.now()))
    _say(T("reset_done", language, n=count, backup=backup))
