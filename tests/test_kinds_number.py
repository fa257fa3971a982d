"""Question kinds: the `number` kind (parameters drawn per attempt, exact grading with a stated
tolerance, worked solution) through the loader, `quiz ask` (scripted, interactive, pty),
`quiz show` and `quiz list`; and the engine functions its expressions use."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from quizcli import kinds
from quizcli.bank.loader import load_bank, parse_file
from quizcli.facts import FactError, evaluate
from quizcli.kinds.number import find_value, numbers

FIXTURE = Path(__file__).parent / "fixtures" / "lint" / "pass" / "number-question" / "sample-number.md"
SEVEN = ["id", "lang", "covered", "missed", "score", "suggested_rating", "follow_ups"]


def sample():
    q, problems = parse_file(FIXTURE)
    assert problems == [] and q is not None and q.kind == "number"
    return q


def conv_out_by_hand(n, k, s, p):
    return (n + 2 * p - k) // s + 1


# ------------------------------------------------------------------ reading numbers

@pytest.mark.parametrize("text, expected", [
    ("0.17", [0.17]),
    ("it is about .17", [0.17]),
    ("1.7e-1", [0.17]),
    ("1.7E-1 roughly", [0.17]),
    ("1.7×10^-1", [0.17]),
    ("73,856 parameters", [73856]),
    ("약 73,856개입니다", [73856]),
    ("답은 0.17입니다", [0.17]),
    ("σ′(1.3)≈0.17", [1.3, 0.17]),
    ("−0.05", [-0.05]),
    ("1-0.786", [1, 0.786]),
    ("conv3 layer", []),
])
def test_numbers_are_read_as_people_write_them(text, expected):
    got = [v for v, _, _ in numbers(text)]
    assert len(got) == len(expected) and all(math.isclose(a, b) for a, b in zip(got, expected)), got


# ------------------------------------------------------------------ drawing and grading

def test_a_seed_fixes_the_draw_and_seeds_cover_the_ranges():
    q = sample()
    a, b = kinds.instance(q, 7), kinds.instance(q, 7)
    assert a.draw == b.draw and a.title == b.title
    seen = {kinds.instance(q, s).draw.values[:4] for s in range(60)}
    assert len(seen) > 5
    for s in range(20):
        d = kinds.instance(q, s).draw
        n, k, st, p = (v for _, v in d.values[:4])
        assert d.value == conv_out_by_hand(int(n), int(k), int(st), int(p))


def test_the_instance_fills_title_answer_and_one_value_key_point():
    inst = kinds.instance(sample(), 3)
    values = dict(inst.draw.values)
    assert "{" not in inst.title["en"] and "{" not in inst.answer["ko"]
    assert f"{int(values['n'])}×{int(values['n'])}" in inst.title["en"]
    assert f"**{int(inst.draw.value)}**" in inst.answer["en"]
    (kp,) = inst.key_points
    assert kp.id == "value" and str(int(inst.draw.value)) in kp.text["ko"]


@pytest.mark.parametrize("template, lang", [
    ("{v}", "en"),
    ("The output is {v} pixels wide.", "en"),
    ("I get {v}.0", "en"),
    ("출력 크기는 {v}입니다.", "ko"),
    ("계산하면 약 {v} 정도예요", "ko"),
])
def test_the_value_is_credited_in_words_of_either_language(template, lang):
    inst = kinds.instance(sample(), 11)
    v = int(inst.draw.value)
    g = kinds.grade(inst, template.format(v=v), "en")
    assert g.covered == ("value",) and g.missed == () and g.score == 1.0
    assert g.lang == lang and g.suggested_rating == 4


def test_a_wrong_value_a_guess_list_and_a_read_back_earn_nothing():
    inst = kinds.instance(sample(), 11)
    v = int(inst.draw.value)
    n = int(dict(inst.draw.values)["n"])
    for answer in (str(v + 1), f"{v - 1} or {v}", f"{v}, {v + 1}, {v + 2}", f"{v + 2} 또는 {v}",
                   f"the input is {n}", ""):
        g = kinds.grade(inst, answer, "en")
        assert g.covered == () and g.missed == ("value",) and g.score == 0.0, answer
    # the question read back next to the answer is no list of guesses
    assert kinds.grade(inst, f"from {n} we get {v}", "en").covered == ("value",)


def test_tolerance_is_exact_at_the_stated_decimals():
    bank = load_bank(use_env=False)
    inst = kinds.instance(bank.get("sigmoid-derivative-value"), 5)
    d = inst.draw
    x = dict(d.values)["x"]
    s = 1 / (1 + math.exp(-x))
    assert math.isclose(d.value, s * (1 - s)) and d.tol == 0.005  # digits: 2
    assert find_value(f"{d.value + 0.0049:.4f}", d) is not None
    assert find_value(f"{d.value + 0.0051:.4f}", d) is None
    assert find_value(f"{d.value:.2e}", d) is not None


def test_every_builtin_number_question_passes_its_own_worked_solution():
    bank = load_bank(use_env=False)
    numeric = [q for q in bank if q.kind == "number"]
    assert len(numeric) >= 10
    for q in numeric:
        for seed in range(8):
            inst = kinds.instance(q, seed)
            for lang in ("ko", "en"):
                assert kinds.grade(inst, inst.answer[lang], lang).covered == ("value",), \
                    (q.id, seed, lang)


def test_every_number_question_is_linked_from_an_existing_question_and_listed():
    bank = load_bank(use_env=False)
    numeric = {q.id for q in bank if q.kind == "number"}
    linked = {r for q in bank if q.kind == "rubric" for r in (*q.follow_ups, *q.related)}
    assert numeric <= linked
    curriculum = (Path(__file__).resolve().parent.parent / "content" / "questions"
                  / "curriculum.txt").read_text(encoding="utf-8").split()
    assert numeric <= set(curriculum)
    for q in bank:
        if q.kind == "number":
            assert re.search(r"[가-힣]", q.title["ko"]) and re.search(r"[A-Za-z]", q.title["en"])


# ------------------------------------------------------------------ the engine functions

def test_shape_functions_against_torch():
    torch = pytest.importorskip("torch", reason="the oracle extra (torch==2.13.0) is not installed")
    for n, k, s, p in [(224, 7, 2, 3), (32, 3, 1, 1), (227, 11, 4, 0), (28, 5, 2, 2)]:
        conv = torch.nn.Conv2d(3, 8, k, stride=s, padding=p)
        out = conv(torch.zeros(1, 3, n, n))
        assert evaluate("conv_out(n, k, s, p)", {"n": n, "k": k, "s": s, "p": p}) == out.shape[-1]
    for cin, cout, k, bias in [(64, 128, 3, 1), (3, 16, 7, 0), (256, 512, 1, 1)]:
        conv = torch.nn.Conv2d(cin, cout, k, bias=bool(bias))
        expected = sum(t.numel() for t in conv.parameters())
        assert evaluate(f"conv_params({cin}, {cout}, {k}, {bias})") == expected
    z = torch.tensor([2.0, 1.0, 0.1], dtype=torch.float64)
    assert math.isclose(evaluate("softmax(0, 2, 1, 0.1)"), torch.softmax(z, 0)[0].item())
    assert math.isclose(evaluate("logsumexp(2, 1, 0.1)"), torch.logsumexp(z, 0).item())


@pytest.mark.parametrize("expr", ["10 ** 400", "conv_out(3, 7, 1, 0)", "softmax(5, 1, 2)",
                                  "y + 1", "__import__('os')", "(1).real"])
def test_bad_expressions_are_fact_errors(expr):
    with pytest.raises(FactError):
        evaluate(expr)


# ------------------------------------------------------------------ the CLI

def test_ask_answer_json_grades_the_seed_0_draw(cli):
    q = load_bank(use_env=False).get("conv-parameter-count")
    inst = kinds.instance(q, 0)
    cin, cout, k = (int(v) for _, v in inst.draw.values[:3])
    value = cout * cin * k * k + cout
    r = cli("ask", "--id", "conv-parameter-count", "--answer", f"{value:,} parameters", "--json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert list(data)[:7] == SEVEN
    assert data["covered"] == ["value"] and data["missed"] == [] and data["score"] == 1.0
    assert data["lang"] == "en" and data["draw"]["seed"] == 0 and data["draw"]["value"] == value
    ko = json.loads(cli("ask", "--id", "conv-parameter-count", "--answer",
                        f"총 {value + 1}개입니다", "--json", "--lang", "ko").stdout)
    assert ko["lang"] == "ko" and ko["covered"] == [] and ko["missed"] == ["value"]


def test_ask_seed_picks_another_draw(cli):
    draws = set()
    for seed in range(6):
        r = cli("ask", "--id", "conv-output-size", "--answer", "1", "--json", "--seed", str(seed))
        draws.add(json.dumps(json.loads(r.stdout)["draw"]["values"], sort_keys=True))
    assert len(draws) > 1


def test_show_list_and_rendered_feedback(cli):
    r = cli("show", "conv-output-size", "--json")
    data = json.loads(r.stdout)
    assert data["kind"] == "number" and set(data["number"]["params"]) == {"n", "k", "s", "p"}
    assert "{" not in data["title"]["en"] and data["key_points"][0]["id"] == "value"
    text = cli("show", "conv-output-size", "--lang", "ko", "--width", "120").stdout
    assert "시도마다 새로 뽑는 값" in text and "{n}" not in text
    rows = json.loads(cli("list", "--json", "--tag", "compute").stdout)
    assert len(rows) >= 10 and all("{" not in r["title"]["en"] for r in rows)
    inst = kinds.instance(load_bank(use_env=False).get("conv-output-size"), 0)
    out = cli("ask", "--id", "conv-output-size", "--answer", str(int(inst.draw.value)),
              "--width", "100").stdout
    assert "Covered 1 of 1" in out and inst.answer["en"].split("\n")[0][:30] in out


def test_interactive_session_draws_and_records_a_number_question(cli, tmp_path):
    from quizcli.store import open_store

    home = tmp_path / "home"
    r = cli("ask", "--id", "sigmoid-derivative-value", "--interactive", "--seed", "4",
            "--home", str(home), "--width", "100", input="0.5\n\n\n")
    assert r.exit_code == 0, r
    m = re.search(r"at x = (-?[\d.]+)\?", r.stdout)
    x = float(m.group(1))
    s = 1 / (1 + math.exp(-x))
    assert "Covered 0 of 1" in r.stdout and f"{s * (1 - s):.2f}" in r.stdout
    with open_store(home) as store:
        (review,) = store.reviews()
    assert review.question_id == "sigmoid-derivative-value"


def test_korean_pty_session_serves_a_fresh_draw(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    from test_ask_pty import finish, saved, spawn, submit

    home = tmp_path / "home"
    child = spawn(home, "--id", "conv-output-size", "--lang", "ko", "--seed", "2",
                  "--no-follow-ups")
    child.expect(r"크기 (\d+)×\d+ 입력에 커널 (\d+)×\d+, 스트라이드 (\d+), 패딩 (\d+)")
    n, k, s, p = (int(g) for g in child.match.groups())
    child.expect("답변을 입력하세요")
    child.sendline(f"출력 크기는 {conv_out_by_hand(n, k, s, p)}입니다.")
    submit(child)  # after a pause: lines sent at once would be one paste
    child.expect("핵심 포인트 1개 중 1개")
    child.expect("모범 답안")
    child.expect(r"평가 \[")
    child.sendline("")
    child.expect(pexpect.EOF)
    assert finish(child) == 0
    assert saved(home) == [("conv-output-size", 4)]
