"""Rich rendering of `quiz stats` and the messages of `quiz progress` (data in, text out)."""

from __future__ import annotations

from ..console import box_style, droppable, literal
from ..i18n import Catalog
from ..store.stats import StatsReport
from .schedule import leech_details, schedule_lines

T = Catalog({
    "title": {"en": "Progress", "ko": "학습 현황"},
    "summary": {"en": "{reviews} answer(s) to {questions} question(s)",
                "ko": "질문 {questions}개에 답변 {reviews}번"},
    "streak": {"en": "Streak: {n} day(s) in a row (longest {longest})",
               "ko": "연속 학습: {n}일째 (최장 {longest}일)"},
    "streak_pending": {"en": " — answer one today to keep it", "ko": " — 오늘도 하나 풀면 이어집니다"},
    "due": {"en": "Due", "ko": "복습 예정"},
    "due_now": {"en": "now", "ko": "지금"},
    "due_today": {"en": "today", "ko": "오늘"},
    "due_week": {"en": "this week", "ko": "이번 주(7일)"},
    "new": {"en": "new (never asked)", "ko": "새 질문(아직 안 푼 것)"},
    "retention": {"en": "Retention: {pct} of answers rated Good or Easy ({good} of {total})",
                  "ko": "기억 유지율: 답변의 {pct}를 좋음/쉬움으로 평가 ({total}번 중 {good}번)"},
    "per_day": {"en": "Answers per day, last 30 days ({total} in all, most {most} on {day})",
                "ko": "최근 30일 하루 답변 수 (총 {total}번, 가장 많은 날 {day}: {most}번)"},
    "per_day_none": {"en": "No answers in the last 30 days.", "ko": "최근 30일 동안 답변이 없습니다."},
    "days_ago_axis": {"en": "{n} days ago … today", "ko": "{n}일 전 … 오늘"},
    "mastery": {"en": "Mastery by tag (latest scores, weakest first)",
                "ko": "태그별 숙련도 (최근 점수, 약한 순)"},
    "tag": {"en": "tag", "ko": "태그"},
    "score": {"en": "score", "ko": "점수"},
    "answered": {"en": "answered", "ko": "푼 질문"},
    "missed_title": {"en": "Most-missed key points", "ko": "가장 자주 빠뜨린 핵심 포인트"},
    "key_point": {"en": "key point", "ko": "핵심 포인트"},
    "question": {"en": "question", "ko": "질문"},
    "missed": {"en": "missed", "ko": "누락"},
    "missed_cell": {"en": "{n} of {total}", "ko": "{total}번 중 {n}번"},
    "leeches": {"en": "Leeches (≥ 4 lapses): questions that keep slipping",
                "ko": "거머리 카드(4번 이상 잊음): 자꾸 놓치는 질문"},
    "lapses": {"en": "lapses", "ko": "잊은 횟수"},
    "next": {"en": "Next: quiz ask", "ko": "다음: quiz ask"},
    "next_due": {"en": "Next: quiz ask   ({n} due now)", "ko": "다음: quiz ask   (지금 복습할 질문 {n}개)"},
    "empty_title": {"en": "No answers yet", "ko": "아직 답변 기록이 없습니다"},
    "empty_body": {
        "en": "Your progress shows up here after your first answers: what is due, your streak, "
              "your weakest topics and the key points you keep missing.",
        "ko": "첫 답변을 하고 나면 여기에 복습할 질문, 연속 학습 일수, 약한 주제, 자주 빠뜨리는 "
              "핵심 포인트가 나타납니다.",
    },
    "empty_start": {"en": "Start a mock interview:  quiz ask", "ko": "모의 면접 시작:  quiz ask"},
    "empty_first": {"en": "  (first question: {title})", "ko": "  (첫 질문: {title})"},
    "empty_warmup": {"en": "Or warm up with:  quiz explain relu",
                     "ko": "가볍게 시작하려면:  quiz explain relu"},
    "database": {"en": "Data: {path}", "ko": "데이터 파일: {path}"},
    # quiz progress
    "exported": {"en": "Exported {n} answers and {s} sessions to {path}.",
                 "ko": "답변 {n}개와 세션 {s}개를 {path}에 내보냈습니다."},
    "imported": {
        "en": "Imported {added} new answers ({skipped} already here); rebuilt the schedule of "
              "{q} question(s).",
        "ko": "새 답변 {added}개를 가져왔습니다(이미 있던 {skipped}개는 건너뜀). 질문 {q}개의 "
              "복습 일정을 다시 계산했습니다.",
    },
    "rebuilt": {"en": "Rebuilt {cards} schedule(s) from {reviews} answers ({changed} changed).",
                "ko": "답변 {reviews}개로 복습 일정 {cards}개를 다시 계산했습니다(바뀐 일정 {changed}개)."},
    "reset_ask": {
        "en": "Delete all {n} answers and schedules in {path}? A backup is written first to {backups}.",
        "ko": "{path}의 답변 {n}개와 복습 일정을 모두 지울까요? 지우기 전에 {backups}에 백업합니다.",
    },
    "reset_done": {
        "en": "Backed up {n} answers to {backup}, then reset. Undo with: quiz progress import {backup}",
        "ko": "답변 {n}개를 {backup}에 백업한 뒤 초기화했습니다. 되돌리기: quiz progress import {backup}",
    },
    "reset_kept": {"en": "Nothing was changed.", "ko": "아무것도 바꾸지 않았습니다."},
    "reset_empty": {"en": "There is no progress to reset in {path}.",
                    "ko": "{path}에는 초기화할 기록이 없습니다."},
})


def pick(texts: dict | None, lang: str, fallback: str) -> str:
    """The text in `lang`, else the other language, else `fallback`; always literal."""
    if texts:
        value = texts.get(lang) or next((v for v in texts.values() if v), None)
        if value:
            return literal(value)
    return literal(fallback)


def _pct(share: float) -> str:
    return f"{round(share * 100):d}%"


def _bar(share: float, width: int = 10) -> str:
    filled = max(0, min(width, round(share * width)))
    return "#" * filled + "." * (width - filled)


def column_chart(counts: list[int], axis: str, wide: bool = True, height: int = 6):
    """One column of '#' per day (two characters wide when there is room), ASCII only so
    that every terminal and font draws it at the same width."""
    from rich.text import Text

    top = max(counts) if counts else 0
    rows = max(1, min(height, top))
    label_w = len(str(top))
    cell = 2 if wide else 1
    out = Text()
    for level in range(rows, 0, -1):
        threshold = top * (level - 0.5) / rows  # a column reaches this row when count >= it
        label = str(top) if level == rows else ("" if level > 1 else "1" if top > 1 else "")
        line = f"{label:>{label_w}} |"
        for n in counts:
            line += ("#" if n > 0 and n >= threshold else " ").rjust(cell)
        out.append(line.rstrip() + "\n")
    out.append(" " * label_w + " +" + "-" * (cell * len(counts)) + "\n")
    out.append(" " * (label_w + 2) + axis.format(n=len(counts) - 1), style="dim")
    return out


def render_empty(console, report: StatsReport, lang: str, ascii_only: bool = False,
                 first_title: dict | None = None) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    start = Text(T("empty_start", lang), style="bold")
    if first_title:
        start.append(T("empty_first", lang, title=pick(first_title, lang, "")))
    body = Group(Text(T("empty_body", lang)), Text(""), start, Text(T("empty_warmup", lang)))
    console.print(Panel(body, title=T("empty_title", lang), title_align="left",
                        box=box_style(ascii_only)))
    console.print(Text(T("database", lang, path=literal(report.database)), style="dim"),
                  soft_wrap=True)


def render_stats(console, report: StatsReport, lang: str, ascii_only: bool = False,
                 first_title: dict | None = None) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if report.empty:
        render_empty(console, report, lang, ascii_only, first_title)
        return
    box = box_style(ascii_only)

    # headline: counts, due, retention, streak
    due = Table(box=None, show_header=True, padding=(0, 2), header_style="bold")
    for key in ("due_now", "due_today", "due_week"):
        due.add_column(T(key, lang), justify="right")
    cells = [str(report.due.now), str(report.due.today), str(report.due.week)]
    if report.due.new is not None:
        due.add_column(T("new", lang), justify="right")
        cells.append(str(report.due.new))
    due.add_row(*cells)
    streak = report.streak
    streak_line = T("streak", lang, n=streak.current, longest=streak.longest)
    if streak.current and not streak.reviewed_today:
        streak_line += T("streak_pending", lang)
    r = report.retention
    lines = [
        Text(T("summary", lang, reviews=report.reviews, questions=report.questions_answered),
             style="bold"),
        Text(streak_line),
        Text(T("retention", lang, pct=_pct(r.share), good=r.good_or_easy, total=r.reviews)),
        *schedule_lines(report, lang),
        Text(""),
        Text(T("due", lang), style="bold"),
        due,
    ]
    console.print(Panel(Group(*lines), title=T("title", lang), title_align="left", box=box))

    # answers per day
    counts = [d.reviews for d in report.per_day]
    total = sum(counts)
    if total:
        most = max(counts)
        day = report.per_day[counts.index(most)].day
        console.print(Text(T("per_day", lang, total=total, most=most, day=day), style="bold"))
        console.print(column_chart(counts, T("days_ago_axis", lang),
                                   wide=(console.width or 80) >= 2 * len(counts) + 8))
    else:
        console.print(Text(T("per_day_none", lang)))

    # mastery per tag
    if report.mastery:
        console.print(Text(T("mastery", lang), style="bold"))
        table = Table(box=box)
        table.add_column(T("tag", lang), no_wrap=True)
        table.add_column(T("score", lang), no_wrap=True)
        droppable(table.columns[-1])  # the bar repeats the %: first to go when narrow
        table.add_column("%", justify="right")
        table.add_column(T("answered", lang), justify="right")
        for m in report.mastery:
            answered = f"{m.answered}/{m.total}" if m.total else str(m.answered)
            table.add_row(literal(m.tag), _bar(m.mastery), _pct(m.mastery), answered)
        console.print(table)

    # most-missed key points
    if report.most_missed:
        console.print(Text(T("missed_title", lang), style="bold"))
        table = Table(box=box)
        table.add_column(T("key_point", lang), ratio=3, overflow="fold")
        table.add_column(T("question", lang), ratio=2, overflow="fold")
        table.add_column(T("missed", lang), justify="right", no_wrap=True)
        for p in report.most_missed:
            point = Text(literal(p.key_point_id), style="bold")
            if p.text:
                point.append("\n" + pick(p.text, lang, ""))
            table.add_row(point, Text(pick(p.question, lang, p.question_id)),
                          T("missed_cell", lang, n=p.missed, total=p.answers))
        console.print(table)

    # leeches
    if report.leeches:
        console.print(Text(T("leeches", lang), style="bold"))
        table = Table(box=box)
        table.add_column(T("question", lang))
        table.add_column(T("lapses", lang), justify="right")
        for leech in report.leeches:
            cell = Text(pick(leech.question, lang, leech.question_id))
            if leech.question:
                cell.append(f"\nquiz ask --id {literal(leech.question_id)}", style="dim")
            leech_details(cell, leech, lang)
            table.add_row(cell, str(leech.lapses))
        console.print(table)

    nxt = T("next_due", lang, n=report.due.now) if report.due.now else T("next", lang)
    console.print(Text(nxt, style="bold"))
    console.print(Text(T("database", lang, path=literal(report.database)), style="dim"),
                  soft_wrap=True)
