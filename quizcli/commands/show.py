"""`quiz show ID`: one question with its model answer, key points, follow-ups and see-also."""

from pathlib import Path
from typing import List, Optional

import typer

from .. import completion
from ..app import app
from .common import content_dir_option, json_option, lang_option, ascii_option, width_option


@app.command(
    epilog="Examples:  quiz show relu-vs-sigmoid · quiz show leaky-relu --lang ko · "
    "quiz show tanh-vs-sigmoid --json",
)
def show(
    question_id: str = typer.Argument(..., metavar="ID", autocompletion=completion.question_ids,
                                      help="Question id, as in quiz list."),
    lang: Optional[str] = lang_option(),
    json_: bool = json_option("the whole question (both languages, rubric, facts)"),
    content_dirs: Optional[List[Path]] = content_dir_option(),
    ascii_: bool = ascii_option(),
    width: Optional[int] = width_option(),
) -> None:
    """Show a question with its model answer, key points, follow-ups and see-also commands."""
    from ..bank.views import view
    from ..i18n import resolve_lang
    from .common import open_bank

    language = resolve_lang(lang)
    bank = open_bank(content_dirs, language)
    v = view(bank, question_id.strip(), language)
    if json_:
        from ..bank.views import question_json
        from ..jsonout import emit

        emit(question_json(v.question, v.position))
        return
    from ..console import make_console
    from ..render.bank import render_question

    render_question(make_console(width), v, ascii_)
