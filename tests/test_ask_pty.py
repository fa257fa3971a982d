"""The installed `quiz ask` in a real pseudo-terminal (pexpect): a question, its follow-up, and
Ctrl-C, in English and in Korean; the answered reviews must survive the interrupt. Pasted
answers (with and without bracketed-paste markers) stay one answer and leak into no later
prompt; /edit takes the answer from a scripted $EDITOR.

Lines a test sends one after another arrive faster than anyone types, so the session takes
them as one paste: a test pauses (`submit`) before the Enter that submits, as a person would."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pytest

TIMEOUT = 30


def quiz_command() -> tuple[str, list[str]]:
    script = Path(sys.executable).parent / "quiz"  # the console script of this venv
    if script.exists():
        return str(script), []
    return sys.executable, ["-m", "quizcli"]  # pragma: no cover


def spawn(home: Path, *args: str, env: dict | None = None, columns: int = 100) -> pexpect.spawn:
    exe, pre = quiz_command()
    base = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    env = dict(base, QUIZ_HOME=str(home), TERM="dumb", NO_COLOR="1", COLUMNS=str(columns),
               LINES="40", LANG="C.UTF-8", QUIZ_LANG="en", **(env or {}))
    child = pexpect.spawn(exe, pre + ["ask", *args], env=env, encoding="utf-8",
                          timeout=TIMEOUT, dimensions=(40, columns))
    return child


def pause() -> None:
    """A person's pause between one line and the next (well over the paste gap)."""
    time.sleep(0.4)


def submit(child: pexpect.spawn) -> None:
    """Enter on an empty line, typed after a pause: submits the answer."""
    pause()
    child.sendline("")


def saved(home: Path):
    from quizcli.store import open_store

    with open_store(home) as store:
        return [(r.question_id, r.rating) for r in store.reviews()]


def interrupt(child: pexpect.spawn) -> None:
    """Ctrl-C as a person presses it: not within microseconds of the prompt appearing. (CPython's
    readline misses a SIGINT that lands between printing the prompt and waiting in select();
    a second Ctrl-C would then work. pexpect is fast enough to hit that window.)"""
    time.sleep(0.3)
    child.sendintr()


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus


def test_question_follow_up_then_ctrl_c(tmp_path):
    home = tmp_path / "home"
    child = spawn(home, "--id", "relu-vs-sigmoid")
    child.expect("Why use ReLU instead of sigmoid")
    child.expect("Your answer")
    child.sendline("Sigmoid saturates, so gradients vanish in deep nets.")
    pause()
    child.sendline("ReLU is cheap and its outputs are sparse.")
    submit(child)
    child.expect(r"Covered 3 of 6 key points")
    child.expect("Model answer")
    child.expect(r"Rate it \[")
    child.sendline("3")
    child.expect(r"Rated Good; due again \d{4}-\d\d-\d\d \d\d:\d\d\.")
    child.expect(r"See also:\s+1 quiz explain relu")
    child.expect(r"Run which\? \[1-\d, Enter skips\]")
    child.sendline("n")
    child.expect(r"Question 1 of 1 · follow-up 1 of 2 · new")
    child.expect("ReLU is not differentiable at 0")
    child.expect("Your answer")
    child.send("any value in [0, 1] is a subgra")  # half typed, then Ctrl-C
    interrupt(child)
    child.expect(r"Interrupted\. 1 answered question saved\.")
    assert finish(child) == 130
    assert saved(home) == [("relu-vs-sigmoid", 3)]


def test_korean_session_ctrl_d_submits_and_ctrl_c_at_rating_keeps_it(tmp_path):
    home = tmp_path / "home"
    child = spawn(home, "--id", "leaky-relu", "--lang", "ko")
    child.expect("Leaky ReLU는 무엇이고")
    child.expect("답변을 입력하세요")
    child.sendline("음수 구간에 작은 기울기를 줘서 dying ReLU를 막습니다.")
    child.sendcontrol("d")  # Ctrl-D on an empty line submits
    child.expect("핵심 포인트 5개 중 2개")
    child.expect("모범 답안")
    child.expect(r"평가 \[")
    interrupt(child)  # Ctrl-C at the rating prompt keeps the suggested rating (Hard)
    child.expect("중단했습니다. 답한 질문 1개를 저장했습니다.")
    assert finish(child) == 130
    assert saved(home) == [("leaky-relu", 2)]


def test_hint_and_quit_in_a_terminal(tmp_path):
    home = tmp_path / "home"
    child = spawn(home, "--id", "tanh-vs-sigmoid", "--no-follow-ups")
    child.expect("Your answer")
    child.sendline("/hint")
    child.expect("Hint 1/4:")
    child.sendline("/quit")
    child.expect("No question was answered")
    assert finish(child) == 0
    assert saved(home) == []


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_term_or_hangup_at_the_rating_prompt_saves_like_ctrl_c(tmp_path, signame):
    """Issue 17, item 13: `kill` or closing the terminal at the rating prompt keeps the graded
    answer with its suggested rating and closes the session, as Ctrl-C does."""
    import signal
    import sqlite3

    home = tmp_path / "home"
    child = spawn(home, "--id", "leaky-relu", "--no-follow-ups")
    child.expect("Your answer")
    child.sendline("A small negative slope keeps dying ReLU units alive.")
    submit(child)
    child.expect(r"Rate it \[")
    time.sleep(0.3)  # as a person would: not within microseconds of the prompt
    child.kill(getattr(signal, signame))
    status = finish(child)
    assert status == 128 + getattr(signal, signame)
    assert len(saved(home)) == 1 and saved(home)[0][0] == "leaky-relu"
    db = sqlite3.connect(home / "progress.sqlite3")
    try:
        ended = db.execute("SELECT ended_at FROM sessions").fetchall()
    finally:
        db.close()
    assert len(ended) == 1 and ended[0][0] is not None


# ------------------------------------------------------------------ pasted answers (issue 11)
PARAGRAPHS = [
    "tanh is zero-centred: its outputs lie in (-1, 1), so the next layer sees inputs of both signs.",
    "Its peak derivative is 1, four times the 0.25 of sigmoid.",
    "Both still saturate for large inputs, so gradients vanish in deep stacks; "
    "tanh(x) = 2 sigmoid(2x) - 1.",
]


def graded(text: str):
    """What the grader makes of this text as one answer (the one-shot path, no terminal)."""
    from quizcli.bank.loader import load_bank
    from quizcli.kinds import grade

    bank = load_bank()
    return grade(bank.get("tanh-vs-sigmoid"), text, "en", lambda: bank.lexicon)


def saved_reviews(home: Path):
    from quizcli.store import open_store

    with open_store(home) as store:
        return store.reviews()


@pytest.mark.parametrize("bracketed", [True, False], ids=["bracketed-paste", "raw-paste"])
def test_a_three_paragraph_paste_is_one_answer_and_leaks_into_no_later_prompt(tmp_path, bracketed):
    """Issue 11 (major): the paste arrives in one write, as a terminal delivers it (tmux
    paste-buffer without -p sends the raw text; with bracketed paste the terminal wraps it in
    ESC[200~ … ESC[201~). The whole text is graded as one answer, and the rating prompt and
    the see-also menu get exactly what is typed after them."""
    whole = graded("\n\n".join(PARAGRAPHS))
    first = graded(PARAGRAPHS[0])
    assert len(whole.covered) > len(first.covered)  # the test can tell one paragraph from three
    home = tmp_path / "home"
    child = spawn(home, "--id", "tanh-vs-sigmoid", "--no-follow-ups")
    child.expect("Your answer")
    pause()
    paste = "\n\n".join(PARAGRAPHS)
    child.send("\x1b[200~" + paste + "\x1b[201~" if bracketed else paste)
    pause()
    child.sendline("")  # Enter ends the last pasted line (it was left open for editing)
    submit(child)  # then Enter on an empty line submits
    child.expect(rf"Covered {len(whole.covered)} of {whole.total} key points")
    child.expect(r"Rate it \[")
    pause()
    child.sendline("2")  # not the suggestion: the prompt got what was typed, nothing pasted
    child.expect(r"Rated Hard; due again")
    child.expect(r"Run which\? \[1-\d, Enter skips\]")
    pause()
    child.sendline("")
    child.expect("Session summary")
    assert finish(child) == 0
    [review] = saved_reviews(home)
    assert review.rating == 2 and set(review.covered) == set(whole.covered)
    assert "Type 1-4" not in child.before and "Nothing to submit" not in child.before


def test_text_typed_ahead_of_the_rating_prompt_is_dropped(tmp_path):
    """The Enter that submits and a '2' typed straight after it arrive together: the '2' was
    typed before the rating prompt existed, so it is not the rating."""
    home = tmp_path / "home"
    child = spawn(home, "--id", "tanh-vs-sigmoid", "--no-follow-ups", "--no-see-also")
    child.expect("Your answer")
    pause()
    child.sendline(PARAGRAPHS[0])
    pause()
    child.send("\n2\n")  # submit, and a rating typed ahead in the same instant
    child.expect(r"Rate it \[")
    pause()
    child.sendline("4")
    child.expect(r"Rated Easy")
    child.expect("Session summary")
    assert finish(child) == 0
    assert [r.rating for r in saved_reviews(home)] == [4]
    assert "Run which" not in child.before  # --no-see-also: no menu


def test_enter_and_ctrl_d_on_an_empty_first_line_are_not_answers(tmp_path):
    home = tmp_path / "home"
    child = spawn(home, "--id", "tanh-vs-sigmoid", "--no-follow-ups", "--no-see-also")
    child.expect("Your answer")
    pause()
    child.sendline("")
    child.expect("Nothing to submit yet: type your answer")
    pause()
    child.sendcontrol("d")
    child.expect("press Ctrl-D again to end the session")
    pause()
    child.sendline(PARAGRAPHS[1])
    submit(child)
    child.expect(r"Covered 1 of 4 key points")
    child.expect(r"Rate it \[")
    pause()
    child.sendline("")
    child.expect("Session summary")
    assert finish(child) == 0
    assert [r.covered for r in saved_reviews(home)] == [("derivative-peak",)]


def fake_editor(tmp_path: Path, answer: str, status: int = 0) -> str:
    """A scripted $EDITOR: keeps a copy of the file it was given, then writes `answer` and a
    comment line into it (the comment must be stripped) and exits with `status`."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import shutil, sys\n"
        f"shutil.copy(sys.argv[1], {str(tmp_path / 'seen.md')!r})\n"
        f"if {status}:\n    sys.exit({status})\n"
        "with open(sys.argv[1], 'w', encoding='utf-8') as f:\n"
        f"    f.write({answer!r} + '\\n# a comment line the editor left\\n')\n")
    return f"{sys.executable} {script}"


def test_slash_edit_takes_the_answer_from_a_scripted_editor(tmp_path):
    home = tmp_path / "home"
    answer = "\n\n".join(PARAGRAPHS[1:])
    child = spawn(home, "--id", "tanh-vs-sigmoid", "--no-follow-ups", "--no-see-also",
                  env={"EDITOR": fake_editor(tmp_path, answer)})
    child.expect("Your answer")
    pause()
    child.sendline(PARAGRAPHS[0])  # the draft so far
    pause()
    child.sendline("/edit")
    whole = graded(answer)
    child.expect(rf"Covered {len(whole.covered)} of {whole.total} key points")
    seen = (tmp_path / "seen.md").read_text(encoding="utf-8")
    assert seen.startswith(PARAGRAPHS[0] + "\n")  # the draft, then the question as comments
    assert "# Question: How does tanh differ from sigmoid" in seen
    child.expect(r"Rate it \[")
    pause()
    child.sendline("")
    child.expect("Session summary")
    assert finish(child) == 0
    [review] = saved_reviews(home)
    assert set(review.covered) == set(whole.covered)


def test_a_failing_editor_keeps_the_draft(tmp_path):
    home = tmp_path / "home"
    child = spawn(home, "--id", "tanh-vs-sigmoid", "--no-follow-ups", "--no-see-also", "--lang",
                  "ko", env={"VISUAL": fake_editor(tmp_path, "never read", status=3)})
    child.expect("답변을 입력하세요")
    pause()
    child.sendline(PARAGRAPHS[0])
    pause()
    child.sendline("/edit")
    child.expect(r"편집기가 오류\(종료 코드 3\)로 끝나")
    child.expect(r"작성 중이던 1줄은 그대로 있습니다")
    pause()
    child.sendline(PARAGRAPHS[1])
    submit(child)
    child.expect(r"핵심 포인트 4개 중 2개")
    child.expect(r"평가 \[")
    pause()
    child.sendline("")
    child.expect("세션 요약")
    assert finish(child) == 0
    assert [set(r.covered) for r in saved_reviews(home)] == [{"zero-centered", "derivative-peak"}]


@pytest.mark.parametrize("lang,message", [
    ("en", "Interrupted. No question was answered."),
    ("ko", "중단했습니다. 답한 질문이 없습니다."),
])
def test_ctrl_c_with_nothing_answered_prints_one_message(tmp_path, lang, message):
    home = tmp_path / "home"
    child = spawn(home, "--id", "tanh-vs-sigmoid", "--lang", lang)
    child.expect("Your answer" if lang == "en" else "답변을 입력하세요")
    interrupt(child)
    child.expect_exact(message)
    assert finish(child) == 130
    out = child.before
    assert "No question was answered" not in out and "답한 질문이 없습니다" not in out
    assert saved(home) == []
