"""`quiz list`: the questions in curriculum order, filtered by tag and difficulty."""

from pathlib import Path
from typing import List, Optional

import typer

from ..app import app
from .common import ascii_option, content_dir_option, json_option, lang_option, tag_option, width_option


@app.command(
    name="list",
    epilog="Examples:  quiz list · quiz list --tag relu · quiz list --difficulty hard --lang ko · "
    "quiz list --content-dir my-questions --json",
)
def list_(
    tag: Optional[List[str]] = tag_option(),
    difficulty: Optional[str] = typer.Option(None, "--difficulty", "-d", metavar="1|2|3",
                                             help="Only this difficulty: 1/easy, 2/medium, 3/hard."),
    lang: Optional[str] = lang_option(),
    json_: bool = json_option("the questions"),
    content_dirs: Optional[List[Path]] = content_dir_option(),
    ascii_: bool = ascii_option(),
    width: Optional[int] = width_option(),
) -> None:
    """List the questions: id, title, difficulty, tags and follow-ups, in the order quiz ask uses."""
    from ..bank.views import listing
    from ..i18n import resolve_lang
    from .common import open_bank

    language = resolve_lang(lang)
    bank = open_bank(content_dirs, language)
    rows = listing(bank, language, tag or (), difficulty)
    if json_:
        from ..bank.views import question_json
        from ..jsonout import emit

        emit([question_json(bank.get(r.id), r.position, full=False) for r in rows])
        return
    from ..console import make_console
    from ..render.bank import render_listing

    render_listing(make_console(width), rows, language, len(bank), ascii_)
