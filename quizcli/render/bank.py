"""Rich rendering for `quiz list`, `quiz show` and `quiz lint` (data in, text out).

Question content (titles, answers, key points, file names, patterns) is user content: it goes
into Text objects or Markdown after `console.literal()`, never through Rich markup, so
`[bold]` prints as typed and ANSI escapes are shown as `\\x1b`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..console import box_style, literal, markdown
from ..i18n import Catalog

T = Catalog({
    "list_title": {"en": "Questions ({n} of {total})", "ko": "질문 ({total}개 중 {n}개)"},
    "col_id": {"en": "id", "ko": "id"},
    "col_title": {"en": "question", "ko": "질문"},
    "col_tags": {"en": "tags", "ko": "태그"},
    "col_level": {"en": "level", "ko": "난이도"},
    "col_follow": {"en": "follow-ups", "ko": "꼬리 질문"},
    "list_hint": {"en": "quiz show ID — the model answer · quiz ask --id ID — practise it",
                  "ko": "quiz show ID — 모범 답안 보기 · quiz ask --id ID — 연습하기"},
    "none_match": {"en": "No question matches these filters ({total} in the bank).",
                   "ko": "조건에 맞는 질문이 없습니다(전체 {total}개)."},
    "d1": {"en": "easy", "ko": "쉬움"},
    "d2": {"en": "medium", "ko": "보통"},
    "d3": {"en": "hard", "ko": "어려움"},
    "d0": {"en": "?", "ko": "?"},
    "position": {"en": "question {i} of {n}", "ko": "{n}개 중 {i}번째 질문"},
    "user_file": {"en": "from {path}", "ko": "출처 파일 {path}"},
    "answer": {"en": "Model answer", "ko": "모범 답안"},
    "summary": {"en": "In 30 seconds", "ko": "30초 답변"},
    "full_answer": {"en": "The full answer", "ko": "전체 답변"},
    "note": {"en": "Interviewer's note (advice, not part of the answer)",
             "ko": "면접관 메모 (답변이 아닌 조언)"},
    "key_points": {"en": "Key points (what a complete answer covers)",
                   "ko": "핵심 포인트 (완전한 답이 담아야 할 것)"},
    "follow_ups": {"en": "Follow-ups an interviewer asks next", "ko": "면접관이 이어서 묻는 꼬리 질문"},
    "related": {"en": "Related questions", "ko": "관련 질문"},
    "see": {"en": "See it live", "ko": "직접 확인하기"},
    "sources": {"en": "Sources", "ko": "참고 문헌"},
    "load_problem": {"en": "quiz: {n} problem(s) while loading the questions; broken files were "
                           "skipped. Details: quiz lint",
                     "ko": "quiz: 질문을 불러오다 문제 {n}건이 생겨 문제가 있는 파일은 건너뛰었습니다. "
                           "자세히 보기: quiz lint"},
    "more_problems": {"en": "… and {n} more", "ko": "… 외 {n}건"},
    "lint_summary": {"en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s)",
                     "ko": "파일 {files}개 검사: 오류 {errors}건, 경고 {warnings}건"},
    "codes_title": {"en": "Lint codes ({n})", "ko": "lint 코드 ({n}개)"},
    "col_code": {"en": "code", "ko": "코드"},
    "col_severity": {"en": "severity", "ko": "심각도"},
    "col_checks": {"en": "what it checks", "ko": "검사 내용"},
    "error": {"en": "error", "ko": "오류"},
    "warning": {"en": "warning", "ko": "경고"},
})


def difficulty_label(level: int, lang: str) -> str:
    return T(f"d{level if level in (1, 2, 3) else 0}", lang)


def display_path(path: str | Path) -> str:
    """Paths under the working directory as relative paths (clickable in editors), else as is."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def _one_line(text: str) -> str:
    return literal(text).replace("\n", "\\n").replace("\t", " ")


# --------------------------------------------------------------------------- list

def render_listing(console, rows, lang: str, total: int, ascii_only: bool = False) -> None:
    """One row per question: position, id, level, and the title over a dim line of tags and
    follow-ups. Below 70 columns the id goes above the title in the same cell."""
    from rich.table import Table
    from rich.text import Text

    if not rows:
        console.print(Text(T("none_match", lang, total=total)))
        return
    narrow = (console.width or 80) < 100  # the id goes on the question's first line
    table = Table(title=Text(T("list_title", lang, n=len(rows), total=total), style="bold"),
                  title_justify="left", box=box_style(ascii_only), pad_edge=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    if not narrow:
        table.add_column(T("col_id", lang), style="bold", no_wrap=True)
    tiny = (console.width or 80) < 60  # the level goes next to the id: words stay whole
    if not tiny:
        table.add_column(T("col_level", lang), no_wrap=True)
    table.add_column(T("col_title", lang) + f"  ({T('col_tags', lang)} · → {T('col_follow', lang)})",
                     ratio=1, overflow="fold")
    for r in rows:
        cell = Text()
        if narrow:
            cell.append(literal(r.id), style="bold")
            cell.append(f" · {difficulty_label(r.difficulty, lang)}\n" if tiny else "\n")
        cell.append(literal(r.title))
        meta = ", ".join(r.tags)
        if r.follow_ups:
            meta += " · → " + ", ".join(r.follow_ups)
        cell.append("\n" + literal(meta), style="dim")
        cells = [Text(str(r.position))]
        if not narrow:
            cells.append(Text(literal(r.id)))
        if not tiny:
            cells.append(Text(difficulty_label(r.difficulty, lang)))
        cells.append(cell)
        table.add_row(*cells)
    console.print(table)
    console.print(Text(T("list_hint", lang), style="dim"))


# --------------------------------------------------------------------------- show

def _heading(text: str):
    from rich.text import Text

    return Text(text, style="bold underline")


def _numbered(console, items) -> None:
    """A numbered list whose wrapped lines stay indented under their text."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1), pad_edge=False)
    grid.add_column(justify="right", no_wrap=True, min_width=4)
    grid.add_column(ratio=1, overflow="fold")
    for i, text in enumerate(items, 1):
        grid.add_row(f"{i}.", text)
    console.print(grid)


def render_question(console, v, ascii_only: bool = False) -> None:
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.text import Text

    q, lang = v.question, v.lang
    head = Text(literal(q.title.get(lang, q.id)), style="bold")
    meta = Text(style="dim")
    meta.append(literal(q.id))
    meta.append(f"  ·  {difficulty_label(q.difficulty, lang)}")
    meta.append(f"  ·  {T('position', lang, i=v.position, n=v.total)}")
    meta.append("\n" + "  ".join("#" + literal(t) for t in q.tags))
    if not q.builtin and q.path:
        meta.append("\n" + T("user_file", lang, path=literal(display_path(q.path))))
    for line in v.about_kind:  # e.g. a number question's parameter ranges
        meta.append("\n" + literal(line))
    console.print(Panel(Group(head, meta), box=box_style(ascii_only)))

    console.print(_heading(T("answer", lang)))
    summary = q.summary.get(lang)
    if summary:
        console.print(Padding(Text(T("summary", lang), style="bold"), (0, 0, 0, 2)))
        console.print(Padding(markdown(summary), (0, 0, 0, 2)))
        console.print()
        console.print(Padding(Text(T("full_answer", lang), style="bold"), (0, 0, 0, 2)))
    console.print(Padding(markdown(q.answer.get(lang, "")), (0, 0, 0, 2)))
    console.print()

    console.print(_heading(T("key_points", lang)))
    items = []
    for kp in q.key_points:
        line = Text(literal(kp.text.get(lang, "")))
        line.append(f"  [{literal(kp.id)}]", style="dim")
        items.append(line)
    _numbered(console, items)

    note = q.note.get(lang)
    if note:
        console.print()
        console.print(_heading(T("note", lang)))
        console.print(Padding(markdown(note), (0, 0, 0, 2)))

    for key, refs in (("follow_ups", v.follow_ups), ("related", v.related)):
        if not refs:
            continue
        console.print()
        console.print(_heading(T(key, lang)))
        items = []
        for qid, title in refs:
            line = Text(literal(title))
            line.append(f"\nquiz show {literal(qid)}", style="dim")
            items.append(line)
        _numbered(console, items)

    commands = q.see_commands()
    if commands:
        console.print()
        console.print(_heading(T("see", lang)))
        for c in commands:
            console.print(Text("  $ " + literal(c)))

    if q.sources:
        console.print()
        console.print(_heading(T("sources", lang)))
        _numbered(console, [Text(literal(s), style="dim") for s in q.sources])


# --------------------------------------------------------------------------- problems

def render_load_problems(problems, lang: str, limit: int = 10) -> None:
    """Load errors on stderr (one line each), so list/show/ask still print their output."""
    out = sys.stderr
    for p in problems[:limit]:
        out.write(format_problem(p) + "\n")
    if len(problems) > limit:
        out.write(T("more_problems", lang, n=len(problems) - limit) + "\n")
    out.write(T("load_problem", lang, n=len(problems)) + "\n")


def format_problem(p) -> str:
    """`path:line: QZnnn message`, the path relative to the working directory when inside it."""
    where = display_path(p.path)
    if p.line:
        where = f"{where}:{p.line}"
    return _one_line(f"{where}: {p.code} {p.message}")


def render_lint(report, lang: str) -> None:
    """Problems on stdout (one per line, never wrapped); the summary on stderr."""
    out = sys.stdout
    for p in report.problems:
        out.write(format_problem(p) + "\n")
    sys.stderr.write(T("lint_summary", lang, files=report.files, errors=report.errors,
                       warnings=report.warnings) + "\n")


def render_codes(console, codes, lang: str, ascii_only: bool = False) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(T("codes_title", lang, n=len(codes)), style="bold"),
                  title_justify="left", box=box_style(ascii_only))
    table.add_column(T("col_code", lang), no_wrap=True, style="bold")
    table.add_column(T("col_severity", lang), no_wrap=True)
    table.add_column(T("col_checks", lang))
    for c in codes:
        table.add_row(Text(c.code), Text(T(c.severity, lang),
                                         style="red" if c.severity == "error" else "yellow"),
                      Text(c.checks_ko if lang == "ko" else c.checks))
    console.print(table)
