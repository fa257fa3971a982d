"""`quiz progress export|import|rebuild|reset`: back up, merge, replay and reset your progress."""

import sys
from typing import List, Optional

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


@progress_app.command(
    "optimize",
    epilog="Examples:  quiz progress optimize · quiz progress optimize --dry-run --json.  "
    "Needs the optimizer extra: pip install 'quizcli[optimizer]' (fsrs-rs-python, the engine "
    "Anki's Optimize uses). The fit uses the earliest 80% of your reviews on a later day and is "
    "judged on the latest 20% (log loss and RMSE over bins, as the FSRS benchmark measures); "
    "new parameters are adopted only if better on both, then refitted on all reviews, saved "
    "with the date and review count, and every schedule is rebuilt from the log.",
)
def optimize(
    dry_run: bool = typer.Option(False, "--dry-run", help="Fit and judge, but save nothing."),
    json_: bool = typer.Option(False, "--json", help="Print the fit and its evaluation as JSON."),
    home: Optional[str] = home_option(),
    lang: Optional[str] = lang_option("the messages"),
) -> None:
    """Fit your own FSRS parameters to your answers; keep them only if they predict better."""
    from ..console import make_console
    from ..i18n import resolve_lang
    from ..store import open_store
    from ..store.optimize import load_engine, optimize as run

    language = resolve_lang(lang)
    engine = load_engine()  # before opening anything: one line when the extra is missing
    with open_store(home) as store:
        result = run(store, dry_run=dry_run, engine=engine)
    if json_:
        from ..jsonout import emit

        emit(result)
        return
    from ..render.schedule import render_optimize

    render_optimize(make_console(), result, language)


@progress_app.command(
    "suspend",
    epilog="Examples:  quiz progress suspend relu-not-differentiable · quiz progress suspend "
    "--leeches.  A suspended question leaves quiz ask's schedule (due and new) and stats' due "
    "counts; quiz ask --id and --practice still ask it; answers and schedule are kept. "
    "Undo with quiz progress unsuspend.",
)
def suspend(
    ids: Optional[List[str]] = typer.Argument(None, metavar="[ID]...", help="Question ids."),
    leeches: bool = typer.Option(False, "--leeches",
                                 help="Suspend every leech (4 or more lapses)."),
    home: Optional[str] = home_option(),
    lang: Optional[str] = lang_option("the messages"),
) -> None:
    """Leave questions (or every leech) out of quiz ask's schedule until you unsuspend them."""
    from ..errors import QuizError
    from ..i18n import resolve_lang
    from ..render.schedule import S
    from ..store import open_store
    from ..store.db import LEECH_LAPSES

    language = resolve_lang(lang)
    if not ids and not leeches:
        raise QuizError("Name the questions to suspend (quiz progress suspend ID …) or pass "
                        "--leeches.")
    chosen = list(ids or [])
    if chosen:
        _check_ids(chosen)
    with open_store(home) as store:
        if leeches:
            chosen += [c.question_id for c in store.cards() if c.lapses >= LEECH_LAPSES]
        added = store.suspend(chosen, reason="leech" if leeches and not ids else "manual")
    if added:
        _say(S("suspended", language, n=len(added), ids=", ".join(added)))
    else:
        _say(S("suspended_none", language,
               what=S("suspended_none_leeches", language) if leeches else ""))


@progress_app.command(
    "unsuspend",
    epilog="Examples:  quiz progress unsuspend relu-not-differentiable · quiz progress "
    "unsuspend --all",
)
def unsuspend(
    ids: Optional[List[str]] = typer.Argument(None, metavar="[ID]...", help="Question ids."),
    all_: bool = typer.Option(False, "--all", help="Put every suspended question back."),
    home: Optional[str] = home_option(),
    lang: Optional[str] = lang_option("the messages"),
) -> None:
    """Put suspended questions back in quiz ask's schedule."""
    from ..errors import QuizError
    from ..i18n import resolve_lang
    from ..render.schedule import S
    from ..store import open_store

    language = resolve_lang(lang)
    if not ids and not all_:
        raise QuizError("Name the questions to unsuspend (quiz progress unsuspend ID …) or pass "
                        "--all.")
    with open_store(home) as store:
        done = store.unsuspend(None if all_ else ids)
    _say(S("unsuspended", language, n=len(done), ids=f": {', '.join(done)}" if done else ""))


def _check_ids(ids) -> None:
    """Unknown ids are a typo: one line with the closest ids (when the bank loads)."""
    from ..store.bankview import load_questions

    questions = load_questions()
    if not questions:
        return
    known = {q.id for q in questions}
    for qid in ids:
        if qid not in known:
            from ..errors import QuizError, closest

            near = closest(qid, known, limit=3)
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            raise QuizError(f"Unknown question id '{qid}'.{hint} (quiz list shows them all)")
