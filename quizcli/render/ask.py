"""Rich rendering of `quiz ask`: question panels, graded feedback, model answers, the summary,
and the terminal side of the session's prompts (data in, text out; grading happens elsewhere).

Everything the candidate typed and everything from question files is shown literally: it goes
into Text objects or Markdown after console.literal(), never through Rich markup.
"""

from __future__ import annotations

import sys

from ..console import box_style, literal, markdown
from ..grading import MAX_GRADED_CHARS, Grade, key_point_text, misconception_why
from ..grading.llm import LLM_PATTERN
from ..i18n import Catalog
from ..kinds import titles
from ..session import (Asked, BadInput, Edited, EditorFailed, Graded, Hint, ModelAnswer,
                       NoMoreHints, NothingToSubmit, PastedLine, Prompt, Rated, RecordFailed,
                       SeeAlsoFailed, SeeAlsoMenu, SessionResult, Skipped, UnknownCommand)

T = Catalog({
    "question": {"en": "Question {n} of {total}", "ko": "질문 {n}/{total}"},
    "follow_up": {"en": "follow-up {k} of {m}", "ko": "꼬리 질문 {k}/{m}"},
    "is_new": {"en": "new", "ko": "새 질문"},
    "is_review": {"en": "review", "ko": "복습"},
    "difficulty": {"en": "difficulty", "ko": "난이도"},
    "d1": {"en": "easy", "ko": "쉬움"},
    "d2": {"en": "medium", "ko": "보통"},
    "d3": {"en": "hard", "ko": "어려움"},
    "answer_help": {
        "en": "Your answer: type or paste, then Enter on an empty line (or Ctrl-D) submits · "
              "/edit opens your editor · /hint /skip /quit",
        "ko": "답변을 입력하세요: 입력하거나 붙여 넣은 뒤 빈 줄에서 Enter(또는 Ctrl-D)로 제출 · "
              "/edit 편집기 열기 · /hint /skip /quit",
    },
    "nothing_yet": {"en": "Nothing to submit yet: type your answer (or /edit, /hint, /skip, /quit).",
                    "ko": "아직 제출할 답변이 없습니다. 답을 입력하세요 (또는 /edit, /hint, /skip, /quit)."},
    "nothing_yet_eof": {"en": "Nothing to submit yet: type your answer, or press Ctrl-D again "
                              "to end the session.",
                        "ko": "아직 제출할 답변이 없습니다. 답을 입력하거나, 세션을 끝내려면 "
                              "Ctrl-D를 한 번 더 누르세요."},
    "editor_unset": {"en": "No editor set: export VISUAL or EDITOR (e.g. EDITOR=nano). Keep "
                           "typing here{draft}.",
                     "ko": "편집기가 설정되지 않았습니다. VISUAL이나 EDITOR를 설정하세요 "
                           "(예: EDITOR=nano). 여기서 계속 입력하세요{draft}."},
    "editor_missing": {"en": "Could not start the editor '{cmd}'. Keep typing here{draft}.",
                       "ko": "'{cmd}' 편집기를 실행하지 못했습니다. 여기서 계속 입력하세요{draft}."},
    "editor_status": {"en": "The editor '{cmd}' exited with status {status}; nothing was taken "
                            "from it. Keep typing here{draft}.",
                      "ko": "'{cmd}' 편집기가 오류(종료 코드 {status})로 끝나 내용을 가져오지 않았습니다. "
                            "여기서 계속 입력하세요{draft}."},
    "editor_empty": {"en": "The editor returned no answer. Keep typing here{draft}.",
                     "ko": "편집기에서 받은 답변이 비어 있습니다. 여기서 계속 입력하세요{draft}."},
    "draft_kept": {"en": " (your draft of {n} line(s) is kept)", "ko": " (작성 중이던 {n}줄은 그대로 있습니다)"},
    "editor_question": {"en": "Question: {title}", "ko": "질문: {title}"},
    "editor_help": {
        "en": "Write your answer above; save and close the editor to submit it. Lines starting "
              "with '#' are ignored; an empty answer goes back to typing in the terminal.",
        "ko": "위에 답변을 쓰고 저장한 뒤 편집기를 닫으면 제출됩니다. '#'로 시작하는 줄은 "
              "무시하며, 답변이 비어 있으면 터미널 입력으로 돌아갑니다.",
    },
    "reveal_help": {
        "en": "Answer it in your head or out loud, then press Enter to see the model answer "
              "(/skip, /quit).",
        "ko": "머릿속으로나 소리 내어 답해 본 뒤 Enter를 누르면 모범 답안이 나옵니다 (/skip, /quit).",
    },
    "checklist_prompt": {"en": "Which key points did you cover? (e.g. 1 3, all; Enter = none) ",
                         "ko": "어떤 핵심 포인트를 말했나요? (예: 1 3, all; Enter = 없음) "},
    "recap": {"en": "You covered {c} of {t} key points; suggested rating: {r}.",
              "ko": "핵심 포인트 {t}개 중 {c}개를 말했습니다. 추천 평가: {r}."},
    "rating_prompt": {"en": "Rate it [1 Again · 2 Hard · 3 Good · 4 Easy, Enter = {name}]: ",
                      "ko": "평가 [1 다시 · 2 어려움 · 3 좋음 · 4 쉬움, Enter = {name}]: "},
    # a narrow terminal: the scale on a line Rich wraps between words, then a short prompt
    "rating_head": {"en": "Rate it:", "ko": "평가:"},
    "rating_prompt_short": {"en": "Rate it [Enter = {name}]: ", "ko": "평가 [Enter = {name}]: "},
    "see_menu": {"en": "See also:", "ko": "함께 보기:"},
    "see_prompt": {"en": "Run which? [{range}, Enter skips] ", "ko": "실행할 번호 [{range}, Enter는 건너뛰기] "},
    "bad_menu": {"en": "Type a number from 1 to {n} (several: 1 2, or all), or press Enter to skip.",
                 "ko": "1부터 {n} 사이의 번호(여러 개: 1 2, 또는 all)를 입력하거나, Enter로 건너뛰세요."},
    "bad_menu_final": {"en": "Nothing run; the commands are listed above.",
                       "ko": "아무것도 실행하지 않았습니다. 명령은 위에 있습니다."},
    "covered_of": {"en": "Covered {c} of {t} key points · score {s} · suggested: {r}",
                   "ko": "핵심 포인트 {t}개 중 {c}개 · 점수 {s} · 추천 평가: {r}"},
    "self_covered_of": {"en": "You ticked {c} of {t} key points · suggested: {r}",
                        "ko": "핵심 포인트 {t}개 중 {c}개 체크 · 추천 평가: {r}"},
    "answer_lang": {"en": "answer read as {language} (Hangul share {share})",
                    "ko": "답변 언어: {language} (한글 비율 {share})"},
    "lang_ko": {"en": "Korean", "ko": "한국어"},
    "lang_en": {"en": "English", "ko": "영어"},
    "matched": {"en": "matched “{phrase}” with /{pattern}/ ({plang} patterns) in: {context}",
                "ko": "“{phrase}” 일치 — /{pattern}/ ({plang} 패턴), 위치: {context}"},
    "claimed": {"en": "claim [{pattern}] stated by “{phrase}” in: {context}",
                "ko": "claim [{pattern}] — “{phrase}”, 문장: {context}"},
    "contradicted": {"en": "misconception [{pattern}] stated by “{phrase}” in: {context}",
                     "ko": "오개념 [{pattern}] — “{phrase}”, 문장: {context}"},
    "quoted": {"en": "the LLM quoted “{phrase}” in: {context}",
               "ko": "LLM이 인용한 부분: “{phrase}”, 위치: {context}"},
    "hinted": {"en": "(hint given: counted as missed)", "ko": "(힌트를 봤으므로 놓친 것으로 계산)"},
    "misconception": {"en": "{kp}: your answer says '{phrase}' — {why}",
                      "ko": "{kp}: 답변의 '{phrase}' 부분은 사실과 다릅니다 — {why}"},
    "rejected": {"en": "found with /{pattern}/ ({plang} reject patterns) in: {context}",
                 "ko": "/{pattern}/ ({plang} 오개념 패턴)으로 찾음, 위치: {context}"},
    "truncated": {"en": "Only the first {n} characters of the answer were graded.",
                  "ko": "답변의 앞 {n}자만 채점했습니다."},
    "empty_answer": {"en": "No answer given: here is what a complete one covers.",
                     "ko": "답변이 비어 있습니다. 완전한 답변에 들어갈 내용은 아래와 같습니다."},
    "model_answer": {"en": "Model answer", "ko": "모범 답안"},
    "key_points": {"en": "Key points", "ko": "핵심 포인트"},
    "answer_summary": {"en": "In 30 seconds", "ko": "30초 답변"},
    "full_answer": {"en": "The full answer", "ko": "전체 답변"},
    "note": {"en": "Interviewer's note (advice, not part of the answer)",
             "ko": "면접관 메모 (답변이 아닌 조언)"},
    "hint": {"en": "Hint {n}/{t}: {text}", "ko": "힌트 {n}/{t}: {text}"},
    "no_more_hints": {"en": "No more hints: what you wrote already covers the rest.",
                      "ko": "더 드릴 힌트가 없습니다. 나머지는 이미 답변에 들어 있습니다."},
    "unknown_command": {"en": "Unknown command {cmd}: /edit, /hint, /skip or /quit (the line was not added).",
                        "ko": "알 수 없는 명령 {cmd}: /edit, /hint, /skip, /quit 중 하나를 쓰세요 (이 줄은 답변에 넣지 않았습니다)."},
    "bad_rating": {"en": "Type 1-4 (or again, hard, good, easy), or press Enter for the suggestion.",
                   "ko": "1-4(또는 again, hard, good, easy)를 입력하거나 Enter로 추천 평가를 고르세요."},
    "bad_checklist": {"en": "Type key-point numbers between 1 and {n} (e.g. 1 3), all, or Enter for none.",
                      "ko": "1부터 {n} 사이의 번호(예: 1 3)나 all을 입력하거나, 없으면 Enter를 누르세요."},
    "rated": {"en": "Rated {name}.", "ko": "{name_ro} 평가했습니다."},
    "rated_due": {"en": "Rated {name}; due again {due}.", "ko": "{name_ro} 평가했습니다. 다음 복습: {due}"},
    "rated_auto_due": {"en": "Kept the suggested rating: {name}; due again {due}.",
                       "ko": "추천 평가 {name_ro} 저장했습니다. 다음 복습: {due}"},
    "saved_review": {"en": "Saved as {name}; due again {due}.",
                     "ko": "{name_ro} 저장했습니다. 다음 복습: {due}"},
    "rated_auto": {"en": "Kept the suggested rating: {name}.", "ko": "추천 평가 {name_ro} 저장했습니다."},
    "no_more_hints_shown": {"en": "No more hints: all {n} key points have been shown.",
                            "ko": "더 볼 힌트가 없습니다. 핵심 포인트 {n}개를 모두 보여 드렸습니다."},
    "record_failed": {"en": "Could not save this review: {msg}", "ko": "이 답변 기록을 저장하지 못했습니다: {msg}"},
    "skipped": {"en": "Skipped (not saved; its follow-ups are skipped too).",
                "ko": "건너뛰었습니다 (기록하지 않으며 꼬리 질문도 건너뜁니다)."},
    "see_failed": {"en": "{cmd} failed: {msg}", "ko": "{cmd} 실행 실패: {msg}"},
    "summary": {"en": "Session summary", "ko": "세션 요약"},
    "col_question": {"en": "question", "ko": "질문"},
    "col_covered": {"en": "covered", "ko": "포함"},
    "col_rating": {"en": "rating", "ko": "평가"},
    "skipped_cell": {"en": "skipped", "ko": "건너뜀"},
    "follow_up_mark": {"en": "(follow-up)", "ko": "(꼬리 질문)"},
    "study_next": {"en": "Study next (most-missed key points):", "ko": "다음에 공부할 것 (가장 많이 놓친 핵심 포인트):"},
    "times": {"en": "missed {n}×", "ko": "{n}번 놓침"},
    "nothing_answered": {"en": "No question was answered.", "ko": "답한 질문이 없습니다."},
    "interrupted": {"en": "Interrupted. {n} answered question(s) saved.",
                    "ko": "중단했습니다. 답한 질문 {n}개를 저장했습니다."},
    "interrupted_none": {"en": "Interrupted. No question was answered.",
                         "ko": "중단했습니다. 답한 질문이 없습니다."},
    "unsaved": {"en": "{n} review(s) could not be saved (see the messages above).",
                "ko": "답변 기록 {n}개를 저장하지 못했습니다 (위 메시지 참고)."},
    "nothing_due": {
        "en": "Nothing is due now and today's {n} new questions are done. "
              "Practice anyway: quiz ask --practice (or --tag, --id).",
        "ko": "지금 복습할 질문이 없고 오늘의 새 질문 {n}개도 끝났습니다. "
              "그래도 연습하려면: quiz ask --practice (또는 --tag, --id).",
    },
    "your_answer": {"en": "Your answer", "ko": "내 답변"},
})

_MARK = {False: ("✓", "✗"), True: ("[x]", "[ ]")}
_WRONG = {False: "✗", True: "(!)"}  # a misconception: said, but wrong
_ANSWER_ECHO = 2000  # characters of a non-interactive answer echoed back



def with_ro(word: str) -> str:
    """The word with the Korean particle 로/으로: 다시로, 좋음으로 (으로 after a final
    consonant other than ㄹ)."""
    last = word[-1:] if word else ""
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
        return word + ("으로" if final not in (0, 8) else "로")
    return word + "(으)로"

def rating_name(rating: int, lang: str) -> str:
    from ..ratings import rating_name as name

    return name(rating, lang)


def due_text(due) -> str:
    """When a question comes back, in local time."""
    return due.astimezone().strftime("%Y-%m-%d %H:%M")


def _lang_name(code: str, lang: str) -> str:
    return T(f"lang_{code}", lang)


def question_panel(event: Asked, lang: str, ascii_only: bool):
    from rich.panel import Panel
    from rich.text import Text

    q = event.question
    head = T("question", lang, n=event.number, total=event.total)
    if event.follow_up:
        k, m = event.follow_up
        head += " · " + T("follow_up", lang, k=k, m=m)
    if event.new is not None:
        head += " · " + T("is_new" if event.new else "is_review", lang)
    body = Text(literal(q.title.get(lang) or next(iter(q.title.values()))), style="bold")
    meta = Text("\n")
    meta.append(" · ".join(literal(t) for t in q.tags), style="dim")
    meta.append(f"   {T('difficulty', lang)}: {T(f'd{q.difficulty}', lang)}", style="dim")
    meta.append(f"   {literal(q.id)}", style="dim")
    body.append_text(meta)
    return Panel(body, title=Text(head), title_align="left", box=box_style(ascii_only))


def grade_view(grade: Grade, question, lang: str, ascii_only: bool, explain: bool,
               self_graded: bool = False):
    """Covered and missed key points (with the matching phrase when `explain`), the score and
    the suggested rating."""
    from rich.console import Group
    from rich.text import Text

    yes, no = _MARK[ascii_only]
    name = rating_name(grade.suggested_rating, lang)
    total = grade.total
    if self_graded:
        head = T("self_covered_of", lang, c=len(grade.covered), t=total, r=name)
    else:
        head = T("covered_of", lang, c=len(grade.covered), t=total, s=f"{grade.score:.2f}", r=name)
    parts = [Text(head, style="bold")]
    if not self_graded and explain:
        parts.append(Text(T("answer_lang", lang, language=_lang_name(grade.lang, lang),
                            share=f"{grade.hangul_share:.2f}"), style="dim"))
    from rich.table import Table

    rows = Table.grid(padding=(0, 1))
    rows.add_column(no_wrap=True)
    rows.add_column(overflow="fold")
    matches = {m.key_point: m for m in grade.matches}
    for kp in question.key_points:
        covered = kp.id in grade.covered
        mark = Text(f" {yes if covered else no}", style="green" if covered else "red")
        line = Text(literal(kp.id), style="bold")
        line.append(" — " + literal(key_point_text(question, kp.id, lang)))
        if kp.id in grade.hinted:
            line.append(" " + T("hinted", lang), style="dim")
        m = matches.get(kp.id)
        if explain and m is not None and m.pattern == LLM_PATTERN:
            line.append("\n" + T("quoted", lang, phrase=literal(m.phrase),
                                  context=literal(m.context)), style="dim")
        elif explain and m is not None:
            line.append("\n" + T("claimed" if m.claim else "matched", lang, phrase=literal(m.phrase),
                                  pattern=literal(m.pattern), plang=m.lang,
                                  context=literal(m.context)), style="dim")
        rows.add_row(mark, line)
    parts.append(rows)
    if not self_graded and grade.misconceptions:
        parts.append(misconception_rows(grade, question, lang, ascii_only, explain))
    if grade.truncated:
        parts.append(Text(T("truncated", lang, n=f"{MAX_GRADED_CHARS:,}"), style="yellow"))
    return Group(*parts)


def misconception_rows(grade: Grade, question, lang: str, ascii_only: bool, explain: bool):
    """One row per misconception found: "✗ kp: your answer says '…' — why" (and, with
    `explain`, the reject pattern and where it was found)."""
    from rich.table import Table
    from rich.text import Text

    rows = Table.grid(padding=(0, 1))
    rows.add_column(no_wrap=True)
    rows.add_column(overflow="fold")
    for m in grade.misconceptions:
        line = Text(T("misconception", lang, kp=literal(m.key_point), phrase=literal(m.phrase),
                      why=literal(misconception_why(question, m.key_point, lang,
                                                    m.pattern if m.claim else None))), style="red")
        if explain and m.pattern == LLM_PATTERN:
            line.append("\n" + T("quoted", lang, phrase=literal(m.phrase),
                                  context=literal(m.context)), style="dim")
        elif explain:
            line.append("\n" + T("contradicted" if m.claim else "rejected", lang,
                                  pattern=literal(m.pattern), plang=m.lang,
                                  phrase=literal(m.phrase), context=literal(m.context)),
                        style="dim")
        rows.add_row(Text(f" {_WRONG[ascii_only]}", style="red"), line)
    return rows


def model_answer_panel(question, lang: str, ascii_only: bool, checklist: bool = False):
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    text = question.answer.get(lang) or next(iter(question.answer.values()), "")
    body = []
    summary = question.summary.get(lang)
    if summary:  # the 30-second answer first, then the full one
        body += [Text(T("answer_summary", lang), style="bold"), markdown(summary), Text(""),
                 Text(T("full_answer", lang), style="bold")]
    body.append(markdown(text))
    if checklist:
        body.append(Text(""))
        body.append(Text(T("key_points", lang), style="bold"))
        for i, kp in enumerate(question.key_points, 1):
            body.append(Text(f" {i}. " + literal(key_point_text(question, kp.id, lang))))
        note = question.note.get(lang)
        if note:  # advice to the candidate, printed apart from the answer
            body += [Text(""), Text(T("note", lang), style="bold"), markdown(note)]
    return Panel(Group(*body), title=Text(T("model_answer", lang)), title_align="left",
                 box=box_style(ascii_only))


def render_saved(console, saved, lang: str) -> None:
    """`--rate`: the review was saved, and when the question is due again (local time)."""
    from rich.text import Text

    due = due_text(saved.due)
    name = rating_name(saved.rating, lang)
    console.print(Text(T("saved_review", lang, name=name, name_ro=with_ro(name), due=due),
                       style="dim"))


def render_single(console, question, answer: str, grade: Grade, lang: str, *,
                  ascii_only: bool = False, explain: bool = False) -> None:
    """`quiz ask --answer …` without --json: the question, the answer as given, the grade and
    the model answer."""
    from rich.panel import Panel
    from rich.text import Text

    console.print(question_panel(Asked(question, 1, 1), lang, ascii_only))
    shown = answer if len(answer) <= _ANSWER_ECHO else answer[:_ANSWER_ECHO] + " …"
    console.print(Panel(Text(literal(shown)), title=Text(T("your_answer", lang)),
                        title_align="left", box=box_style(ascii_only)))
    console.print(grade_view(grade, question, lang, ascii_only, explain))
    console.print(model_answer_panel(question, lang, ascii_only))


# a line that comes back sooner than this after its prompt was already waiting: part of a
# paste (no one types a line and Enter that fast; a paste's lines come back in microseconds)
PASTE_GAP = 0.1
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"  # bracketed-paste markers


class TerminalIO:
    """The session's `read` and `emit` for a terminal (or any text stream with --interactive).

    On a terminal, answer lines after the first that arrive within PASTE_GAP of their prompt,
    or between bracketed-paste markers that reached us as text, come back as `PastedLine`, so
    a paste with blank lines between paragraphs is one answer (GNU readline with bracketed
    paste returns such a paste as one string, which the session takes whole too). Every other
    prompt first drops what was typed ahead. Without a terminal, lines are plain lines."""

    def __init__(self, console, lang: str, *, ascii_only: bool = False, explain: bool = False,
                 stdin=None, clock=None):
        import time

        self.console = console
        self.lang = lang
        self.ascii_only = ascii_only
        self.explain = explain
        self.stdin = stdin
        self.clock = clock or time.monotonic
        self._suggested = 3
        self._n_key_points = 0
        self._n_menu = 0
        self._in_paste = False  # between bracketed-paste markers read as text
        self._recap: str | None = None  # shown once above the rating prompt (the model
        # answer in between is long enough to push the grade off the screen)
        # without a terminal nothing echoes what was read: echo it, so the output reads as a
        # transcript (scripts, --interactive with a pipe, tests)
        self.echo = stdin is None or not stdin.isatty()
        if not self.echo:
            try:  # line editing and history for input(); absent on some platforms
                import readline  # noqa: F401
            except ImportError:  # pragma: no cover
                pass

    # -- read -----------------------------------------------------------------------------
    def read(self, prompt: Prompt, question, detail: str = "") -> str:
        from ..streams import flush_typeahead

        lang = self.lang
        if prompt is not Prompt.MORE:  # a new prompt takes only what is typed after it
            flush_typeahead(self.stdin)
            self._in_paste = False
        if prompt is Prompt.ANSWER:
            self.console.print(self._dim(T("answer_help", lang)))
            text = "> "
        elif prompt is Prompt.MORE:
            text = "> "
        elif prompt is Prompt.RATING:
            if self._recap:
                self.console.print(self._dim(self._recap))
                self._recap = None
            name = rating_name(self._suggested, lang)
            text = T("rating_prompt", lang, name=name)
            if _cells(text) + 8 > self.console.width:  # input() would break it mid-word
                self.console.print(self._dim(rating_scale(lang, self.console.width)))
                text = T("rating_prompt_short", lang, name=name)
        elif prompt is Prompt.SEE:
            n = self._n_menu or len(detail.splitlines()) or 1
            text = T("see_prompt", lang, range="1" if n == 1 else f"1-{n}")
        elif prompt is Prompt.REVEAL:
            self.console.print(self._dim(T("reveal_help", lang)))
            text = "> "
        else:  # CHECKLIST
            text = T("checklist_prompt", lang)
        out = self.console.file
        out.flush()
        started = self.clock()
        try:
            line = input(text)
        except (EOFError, KeyboardInterrupt):
            out.write("\n")  # Ctrl-D / Ctrl-C leave the cursor after the prompt
            out.flush()
            raise
        quick = self.clock() - started < PASTE_GAP
        if self.echo:
            out.write(literal(line) + "\n")
            return line
        return self._answer_line(line, prompt, quick)

    def _answer_line(self, line: str, prompt: Prompt, quick: bool) -> str:
        """A terminal line: bracketed-paste markers taken out; a PastedLine when it is part
        of a paste (a further answer line that came at once, or inside the markers)."""
        inside = self._in_paste
        if PASTE_START in line or PASTE_END in line:
            start, end = line.rfind(PASTE_START), line.rfind(PASTE_END)
            self._in_paste = start > end  # opened and not closed on this line
            inside = inside or start >= 0 or end >= 0
            line = line.replace(PASTE_START, "").replace(PASTE_END, "")
        if prompt not in (Prompt.ANSWER, Prompt.MORE):
            return line
        line = line.replace("\r\n", "\n").replace("\r", "\n")
        if "\n" in line or inside or (prompt is Prompt.MORE and quick):
            return PastedLine(line)
        return line

    # -- show -----------------------------------------------------------------------------
    def _dim(self, s: str):
        from rich.text import Text

        return Text(s, style="dim")

    def show(self, event) -> None:
        from rich.text import Text

        c, lang, ascii_only = self.console, self.lang, self.ascii_only
        if isinstance(event, Asked):
            c.print()
            c.print(question_panel(event, lang, ascii_only))
            self._n_key_points = len(event.question.key_points)
        elif isinstance(event, Hint):
            c.print(Text(T("hint", lang, n=event.given, t=event.total, text=literal(event.text)),
                         style="yellow"))
        elif isinstance(event, NoMoreHints):
            key = "no_more_hints_shown" if event.all_shown else "no_more_hints"
            c.print(Text(T(key, lang, n=len(event.question.key_points)), style="yellow"))
        elif isinstance(event, UnknownCommand):
            c.print(Text(T("unknown_command", lang, cmd=literal(event.text)), style="yellow"))
        elif isinstance(event, NothingToSubmit):
            if not (event.eof and self.echo):  # piped input has simply ended: no advice
                c.print(Text(T("nothing_yet_eof" if event.eof else "nothing_yet", lang),
                             style="yellow"))
        elif isinstance(event, EditorFailed):
            draft = T("draft_kept", lang, n=event.draft_lines) if event.draft_lines else ""
            c.print(Text(T(f"editor_{event.reason}", lang, cmd=literal(event.command),
                           status=event.status, draft=draft), style="yellow"))
        elif isinstance(event, Edited):
            from rich.panel import Panel

            c.print(Panel(Text(literal(event.text)), title=Text(T("your_answer", lang)),
                          title_align="left", box=box_style(ascii_only)))
        elif isinstance(event, Graded):
            g = event.grade
            self._suggested = g.suggested_rating
            self._recap = T("recap", lang, c=len(g.covered), t=g.total,
                            r=rating_name(g.suggested_rating, lang))
            if event.answer is not None and not event.answer.strip():
                c.print(Text(T("empty_answer", lang), style="yellow"))
            c.print(grade_view(event.grade, event.question, lang, ascii_only, self.explain,
                               self_graded=event.answer is None))
        elif isinstance(event, ModelAnswer):
            c.print(model_answer_panel(event.question, lang, ascii_only, event.checklist))
        elif isinstance(event, BadInput):
            if event.prompt is Prompt.SEE:
                key = "bad_menu_final" if event.final else "bad_menu"
            else:
                key = "bad_rating" if event.prompt is Prompt.RATING else "bad_checklist"
            c.print(Text(T(key, lang, n=self._n_menu if event.prompt is Prompt.SEE
                           else self._n_key_points), style="yellow"))
        elif isinstance(event, Rated):
            name = rating_name(event.rating, lang)
            key = "rated_auto" if event.auto else "rated"
            due = ""
            if event.due is not None:
                key, due = key + "_due", due_text(event.due)
            c.print(Text(T(key, lang, name=name, name_ro=with_ro(name), due=due), style="dim"))
        elif isinstance(event, SeeAlsoMenu):
            self._n_menu = len(event.commands)
            c.print(see_also_menu(event.commands, lang, c.width), soft_wrap=True)
        elif isinstance(event, RecordFailed):
            c.print(Text(T("record_failed", lang, msg=literal(event.message)), style="red"))
        elif isinstance(event, Skipped):
            c.print(Text(T("skipped", lang), style="dim"))
        elif isinstance(event, SeeAlsoFailed):
            c.print(Text(T("see_failed", lang, cmd=event.command, msg=literal(event.message)),
                         style="red"))


def rating_scale(lang: str, width: int) -> str:
    """"Rate it: 1 Again · 2 Hard · 3 Good · 4 Easy", broken between items (never between a
    number and its name) to fit `width`."""
    items = [f"{i} {rating_name(i, lang)}" for i in range(1, 5)]
    lines = [T("rating_head", lang)]
    for i, item in enumerate(items):
        sep = "" if i == 0 else " ·"
        if _cells(lines[-1] + sep + " " + item) > width:
            lines.append(item)
        else:
            lines[-1] += sep + " " + item
    return "\n".join(lines)


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def see_also_menu(commands, lang: str, width: int = 80):
    """"See also: 1 quiz explain relu · 2 quiz demo dying" on one line; when that is wider
    than the terminal, one numbered command a line. A command is never broken (so it can be
    copied as it is)."""
    from rich.text import Text

    head = T("see_menu", lang)
    items = [f"{i} {literal(cmd)}" for i, cmd in enumerate(commands, 1)]
    one_line = head + " " + " · ".join(items)
    if Text(one_line).cell_len <= width:
        line = Text(head, style="bold")
        for i, item in enumerate(items):
            line.append(" " if i == 0 else " · ")
            line.append(item)
        return line
    block = Text(head, style="bold")
    for item in items:
        block.append("\n  " + item)
    block.no_wrap, block.overflow = True, "ignore"
    return block


def editor_comments(question, lang: str) -> list[str]:
    """The comment lines under the draft in the editor: the question and how to submit."""
    title = question.title.get(lang) or next(iter(question.title.values()))
    import textwrap

    width = 72 if lang == "en" else 40  # Hangul is two columns wide
    return [T("editor_question", lang, title=title), "",
            *textwrap.wrap(T("editor_help", lang), width)]


def render_summary(console, result: SessionResult, questions: dict, lang: str,
                   ascii_only: bool = False) -> None:
    """The end of a session: one row per question in the order asked (covered/total, rating;
    skipped ones in place), then the most-missed key points with the command to practise
    each (one unbroken line, in the session's language), then how it ended."""
    from rich.table import Table
    from rich.text import Text

    console.print()
    reviews = {r.question_id: r for r in result.reviews}
    order = list(result.asked) or [r.question_id for r in result.reviews] + list(result.skipped)
    if reviews or result.skipped:
        table = Table(title=T("summary", lang), box=box_style(ascii_only), title_justify="left")
        table.add_column("#", justify="right")
        table.add_column(T("col_question", lang))
        table.add_column(T("col_covered", lang), justify="right", no_wrap=True)
        table.add_column(T("col_rating", lang), no_wrap=True)
        for i, qid in enumerate(order, 1):
            r = reviews.get(qid)
            if r is not None:
                title = literal(r.title.get(lang) or next(iter(r.title.values()), r.question_id))
                follow_up = r.follow_up_of
            else:
                q = questions.get(qid)
                title = literal(titles(q).get(lang)) if q else qid
                follow_up = result.follow_up_of.get(qid)
            if follow_up:
                title = "  " + title + " " + T("follow_up_mark", lang)
            if r is None:
                table.add_row(str(i), title, "–", T("skipped_cell", lang))
                continue
            total = len(r.covered) + len(r.missed)
            table.add_row(str(i), title, f"{len(r.covered)}/{total}",
                          rating_name(r.rating, lang) + ("" if r.saved else " (!)"))
        console.print(table)
    elif not result.interrupted:  # after Ctrl-C the one closing line below says it
        console.print(Text(T("nothing_answered", lang), style="dim"))
    if result.study_next:
        console.print(Text(T("study_next", lang), style="bold"))
        suffix = "" if lang == "en" else f" --lang {lang}"
        by_question: dict[str, list[tuple[str, int]]] = {}
        for qid, kp, times in result.study_next:  # most missed first; grouped by question
            by_question.setdefault(qid, []).append((kp, times))
        for qid, points in by_question.items():
            q = questions.get(qid)
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")  # a wrapped key point keeps its indentation
            for kp, times in points:
                line = Text(literal(key_point_text(q, kp, lang) if q else kp))
                if times > 1:
                    line.append(f"  ({T('times', lang, n=times)})", style="dim")
                grid.add_row(" -", line)
            console.print(grid)
            # the command on a line of its own that Rich never breaks (the terminal may
            # soft-wrap it, which copies as one line), in the session's language
            console.print(Text(f"   quiz ask --id {literal(qid)}{suffix}", style="dim",
                               no_wrap=True, overflow="ignore"), soft_wrap=True)
    saved = sum(1 for r in result.reviews if r.saved)
    if result.interrupted:
        if saved or result.reviews:
            console.print(Text(T("interrupted", lang, n=saved), style="yellow"))
        else:
            console.print(Text(T("interrupted_none", lang), style="yellow"))
    if result.unsaved:
        sys.stderr.write(T("unsaved", lang, n=result.unsaved) + "\n")


def render_nothing_due(console, new_limit: int, lang: str) -> None:
    from rich.text import Text

    console.print(Text(T("nothing_due", lang, n=new_limit)))
