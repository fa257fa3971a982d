"""`quiz stats`: what is due, answers per day, retention, mastery per tag, missed key points."""

from typing import List, Optional

import typer

from ..app import app
from .common import ascii_option, home_option, lang_option, width_option



@app.command(
    epilog="Examples:  quiz stats · quiz stats --json · quiz stats --lang ko · "
    "quiz stats --home ~/quiz-backup.  Due today/this week count local calendar days; "
    "retention = share of answers rated Good or Easy; mastery = latest rubric score per "
    "question, averaged per tag; leech = 4 or more lapses (shown with the key points it keeps "
    "missing). True retention = reviews of due cards not rated Again (young: < 21 days since the "
    "previous answer). Forecast = expected reviews a day for 30 days at your desired retention "
    "(quiz config) and 0.05 below and above it."
)
def stats(
    json_: bool = typer.Option(False, "--json", help="Print the numbers as JSON, no prose."),
    home: Optional[str] = home_option(),
    lang: Optional[str] = lang_option(),
    ascii_: bool = ascii_option(),
    width: Optional[int] = width_option(),
    content_dir: Optional[List[str]] = typer.Option(
        None, "--content-dir", metavar="DIR",
        help="Extra question directory for titles and tags (repeatable; also QUIZ_CONTENT_PATH)."),
) -> None:
    """Your progress: due questions, answers per day, retention, weak tags, missed key points."""
    from ..console import make_console
    from ..i18n import resolve_lang
    from ..store import open_store
    from ..store.bankview import load_questions
    from ..store.stats import compute_stats

    language = resolve_lang(lang)
    questions = load_questions(content_dir)
    bank = {q.id: q for q in questions} if questions else None
    first = questions[0] if questions else None
    with open_store(home) as store:
        report = compute_stats(store, bank=bank, first_question=first.id if first else None)
    if json_:
        from ..jsonout import emit

        emit(report)
        return
    from ..render.stats import render_stats

    render_stats(make_console(width), report, language, ascii_only=ascii_,
                 first_title=dict(first.title) if first else None)
