"""The installed `quiz ask` in a real pseudo-terminal (pexpect): a question, its follow-up, and
Ctrl-C, in English and in Korean; the answered reviews must survive the interrupt."""

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


def spawn(home: Path, *args: str) -> pexpect.spawn:
    exe, pre = quiz_command()
    env = dict(os.environ, QUIZ_HOME=str(home), TERM="dumb", NO_COLOR="1", COLUMNS="100",
               LINES="40", LANG="C.UTF-8", QUIZ_LANG="en")
    child = pexpect.spawn(exe, pre + ["ask", *args], env=env, encoding="utf-8",
                          timeout=TIMEOUT, dimensions=(40, 100))
    return child


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
    child.sendline("ReLU is cheap and its outputs are sparse.")
    child.sendline("")
    child.expect(r"Covered 3 of 6 key points")
    child.expect("Model answer")
    child.expect(r"Rate it \[")
    child.sendline("3")
    child.expect("Rated Good")
    child.expect(r"See it: quiz explain relu \[y/N\]")
    child.sendline("n")
    while child.expect([r"See it: quiz \S+ [^\n]*\[y/N\]", "follow-up 1 of 2"]) == 0:
        child.sendline("")  # the other see-also offers (demos too, once quiz demo exists)
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
    child.sendline("")
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
