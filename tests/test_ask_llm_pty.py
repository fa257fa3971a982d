"""`quiz ask --grader both|llm` in a real pseudo-terminal (pexpect) against a scripted loopback
server: the candidate picks the LLM's verdict; Ctrl-C while the model thinks grades with the
rubric and the session goes on."""

from __future__ import annotations

import time

import pexpect

from llm_server import ScriptedLLM, verdicts
from test_ask_pty import finish, interrupt, spawn

from quizcli.store import open_store


def saved(home):
    with open_store(home) as store:
        return [(r.question_id, r.rating, r.grader, r.covered) for r in store.reviews()]


def configure(monkeypatch, server, timeout="20"):
    monkeypatch.setenv("QUIZ_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("QUIZ_LLM_MODEL", "scripted-model")
    monkeypatch.setenv("QUIZ_LLM_API_KEY", "sk-pty-secret")
    monkeypatch.setenv("QUIZ_LLM_TIMEOUT", timeout)


def test_both_pick_the_llm_verdict(tmp_path, monkeypatch):
    home = tmp_path / "home"
    with ScriptedLLM() as server:
        configure(monkeypatch, server)
        server.script(verdicts(("vanishing-gradient", "covered", "gradients vanish"),
                               ("compute-cost", "covered", "relu is cheap"),
                               ("not-zero-centered", "covered", "sigmoid saturates")))
        child = spawn(home, "--id", "relu-vs-sigmoid", "--no-follow-ups", "--grader", "both")
        child.expect("Your answer")
        child.sendline("Sigmoid saturates so gradients vanish; ReLU is cheap")
        time.sleep(0.4)  # a person's pause: lines sent at once would be one paste
        child.sendline("")
        child.expect("The graders differ on 1 key point")
        child.expect("not-zero-centered")
        child.expect(r"Which verdict counts\? \[r rubric")
        child.sendline("l")
        child.expect(r"Covered 3 of 6 key points · score 0\.50 · suggested: Hard")
        child.expect(r"Rate it \[")
        child.sendline("")
        child.expect("Rated Hard")
        while child.expect([r"Run which\? \[", "Session summary"]) == 0:
            child.sendline("")
        assert finish(child) == 0
        assert "sk-pty-secret" not in (child.before or "")
    assert saved(home) == [("relu-vs-sigmoid", 2, "llm",
                            ("vanishing-gradient", "compute-cost", "not-zero-centered"))]


def test_ctrl_c_while_the_model_thinks_falls_back(tmp_path, monkeypatch):
    home = tmp_path / "home"
    with ScriptedLLM() as server:
        configure(monkeypatch, server)
        server.script({**verdicts(("vanishing-gradient", "covered", "gradients vanish")),
                       "delay": 15})
        child = spawn(home, "--id", "relu-vs-sigmoid", "--no-follow-ups", "--grader", "llm")
        child.expect("Your answer")
        child.sendline("Sigmoid saturates so gradients vanish; ReLU is cheap")
        time.sleep(0.4)  # a person's pause: lines sent at once would be one paste
        child.sendline("")
        child.expect("Asking the LLM grader")
        interrupt(child)
        child.expect(r"LLM grader unavailable \(stopped with Ctrl-C\): graded by the rubric\.")
        child.expect(r"Covered 2 of 6 key points")
        child.expect(r"Rate it \[")
        child.sendline("3")
        child.expect("Rated Good")
        while child.expect([r"Run which\? \[", "Session summary"]) == 0:
            child.sendline("")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
    assert saved(home) == [("relu-vs-sigmoid", 3, "rubric", ("vanishing-gradient", "compute-cost"))]
