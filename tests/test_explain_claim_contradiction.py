"""`quiz ask --explain-grading` on a claim rubric's contradiction (issue 10)."""
from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize("lang, answer", [
    ("en", "ReLU completely solves the vanishing gradient problem, so you never need careful initialization."),
    ("ko", "ReLU는 기울기 소실 문제를 완전히 해결해서 초기화는 신경 쓸 필요가 없습니다."),
])
def test_explain_grading_names_the_phrase_of_a_claim_contradiction(cli, lang, answer):
    # A claim contradiction (not a reject pattern) used to crash the text view of
    # --explain-grading: its line names the phrase, which the renderer did not pass.
    base = ["ask", "--id", "relu-vs-sigmoid", "--lang", lang, "--answer", answer, "--explain-grading"]
    data = json.loads(cli(*base, "--json").stdout)
    claimed = [m for m in data["misconceptions"] if "+" in m["pattern"]]
    assert claimed, data["misconceptions"]
    r = cli(*base)
    assert r.exit_code == 0 and "Traceback" not in r.stderr, r.stderr
    flat = " ".join(r.stdout.split())
    for m in claimed:
        assert " ".join(m["phrase"].split()) in flat
        assert m["pattern"] in flat
