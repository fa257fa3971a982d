"""`quiz export anki FILE.apkg` and `quiz export csv FILE`: the questions for other tools."""

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..app import app
from .common import content_dir_option, tag_option

def _selection(lang: str, tag, content_dirs):
    """(--lang choice, display language, the selected questions) shared by both exports."""
    from ..errors import QuizError
    from ..export.anki import LANG_CHOICES
    from ..i18n import resolve_lang
    from .common import open_bank

    choice = lang.strip().lower()
    if choice not in LANG_CHOICES:
        raise QuizError(f"Unknown language '{lang}' for --lang. Allowed: ko, en, both.")
    language = resolve_lang(None if choice == "both" else choice)
    return choice, language, open_bank(content_dirs, language).select(tag or ())


export_app = typer.Typer(
    name="export",
    help="Export the questions: an Anki deck (.apkg) or a CSV table, in Korean, English or both.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(export_app, name="export")


@export_app.command(
    "anki",
    epilog="Examples:  quiz export anki quizcli.apkg · quiz export anki relu.apkg --lang ko "
    "--tag relu.  One note per question: question, 30-second answer, key points, model "
    "answer, see-also commands (as text). Importing a newer export into Anki updates the same "
    "notes (stable note ids). Your quiz review history does not carry over: Anki starts the "
    "cards as new.",
)
def anki(
    file: str = typer.Argument(..., metavar="FILE.apkg", help="The deck package to write."),
    lang: str = typer.Option("both", "--lang", metavar="ko|en|both",
                             help="Language of the notes (both: Korean, then English)."),
    tag: Optional[List[str]] = tag_option(),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    content_dirs: Optional[List[Path]] = content_dir_option(),
) -> None:
    """Write the questions to an Anki deck package (review history does not carry over)."""
    from ..console import make_console
    from ..export.anki import build_notes, write_apkg
    from ..render.schedule import S, say

    choice, language, questions = _selection(lang, tag, content_dirs)
    notes = build_notes(questions, choice)
    path = write_apkg(notes, file, force=force)
    say(make_console(), S("exported_anki", language, n=len(notes), which=choice, path=path))


@export_app.command(
    "csv",
    epilog="Examples:  quiz export csv questions.csv · quiz export csv - --lang ko --tag relu.  "
    "Columns: id, lang, question, summary, key_points, answer, see_also, tags; one row per "
    "question and language; UTF-8 (with a BOM in files, for spreadsheets).",
)
def csv_(
    file: str = typer.Argument(..., metavar="FILE", help="The CSV file to write, or - for stdout."),
    lang: str = typer.Option("both", "--lang", metavar="ko|en|both",
                             help="Languages to export (both: a row for each)."),
    tag: Optional[List[str]] = tag_option(),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    content_dirs: Optional[List[Path]] = content_dir_option(),
) -> None:
    """Write the questions to a CSV table (for other tools, or to study on paper)."""
    from ..console import make_console
    from ..export.table import rows, write_csv
    from ..render.schedule import S, say

    choice, language, questions = _selection(lang, tag, content_dirs)
    data = rows(questions, choice)
    out = sys.stdout
    if file == "-" and out.isatty():  # shown on a terminal, not piped: content stays literal
        out = _LiteralWriter(out)
    path = write_csv(data, file, force=force, out=out)
    if path is not None:
        say(make_console(), S("exported_csv", language, n=len(data), path=path))


class _LiteralWriter:
    """A terminal stream that shows control characters as escapes (safe_text.escape) and
    CSV's CRLF as plain line ends: a question file cannot retitle or clear the terminal
    through `quiz export csv -`. Pipes and files get the bytes unchanged."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        from ..safe_text import escape

        return self.stream.write(escape(text.replace("\r\n", "\n")))
