"""`quiz lint`: check question files and report `path:line: QZnnn message`."""

from pathlib import Path
from typing import List, Optional

import typer

from ..app import app
from .common import ascii_option, content_dir_option, json_option, lang_option


@app.command(
    name="lint",
    epilog="Examples:  quiz lint · quiz lint my-questions/ · quiz lint q.md --json · "
    "quiz lint --codes.  Exit status: 0 no errors (warnings allowed), 1 errors found.",
)
def lint_cmd(
    paths: Optional[List[Path]] = typer.Argument(
        None, metavar="[PATH]...",
        help="Question files or directories (default: the built-in bank and every content "
             "directory). Other directories are used to resolve follow-up ids."),
    content_dirs: Optional[List[Path]] = content_dir_option(),
    codes: bool = typer.Option(False, "--codes", help="Print the table of lint codes and exit."),
    json_: bool = json_option("the problems (or the codes)"),
    lang: Optional[str] = lang_option(),
    ascii_: bool = ascii_option(),
) -> None:
    """Check question files: format, types, both languages, rubric, facts, follow-ups, order."""
    from ..i18n import resolve_lang

    language = resolve_lang(lang)
    if codes:
        from ..bank.codes import table

        if json_:
            from ..jsonout import emit

            emit([{"code": c.code, "severity": c.severity, "message": c.template,
                   "checks": {"en": c.checks, "ko": c.checks_ko}} for c in table()])
            return
        from ..console import make_console
        from ..render.bank import render_codes

        render_codes(make_console(), table(), language, ascii_)
        return

    from ..bank.lint import lint

    report = lint(paths or (), extra_dirs=content_dirs or ())
    if json_:
        from ..jsonout import emit
        from ..render.bank import display_path

        emit({
            "ok": report.ok,
            "files": report.files,
            "questions": report.questions,
            "errors": report.errors,
            "warnings": report.warnings,
            "problems": [{"path": display_path(p.path), "line": p.line, "code": p.code,
                          "severity": p.severity, "message": p.message}
                         for p in report.problems],
        })
    else:
        from ..render.bank import render_lint

        render_lint(report, language)
    if not report.ok:
        raise typer.Exit(1)
