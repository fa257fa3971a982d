"""Lint codes: one failing fixture per code (tldr-lint style), passing edge cases, the table
itself, the built-in bank, and the lint-only checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizcli.bank.codes import CODES, ERROR, WARNING, table
from quizcli.bank.lint import lint

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
README = Path(__file__).resolve().parent.parent / "content" / "README.md"


def _fixture_for(code: str) -> Path:
    found = sorted(FIXTURES.glob(f"{code}-*"))
    assert len(found) == 1, f"{code}: expected exactly one fixture named {code}-*, found {found}"
    return found[0]


def _codes(report) -> set[str]:
    return {p.code for p in report.problems}


@pytest.mark.parametrize("code", list(CODES))
def test_each_code_has_a_fixture_that_triggers_exactly_it(code):
    report = lint([_fixture_for(code)], include_builtin=False, use_env=False)
    assert _codes(report) == {code}, [p.format() for p in report.problems]
    assert report.ok == (CODES[code].severity == WARNING)


def test_no_fixture_for_an_unknown_code():
    named = {d.name[:5] for d in FIXTURES.iterdir() if d.name != "pass"}
    assert named == set(CODES)


@pytest.mark.parametrize("case", sorted(p.name for p in (FIXTURES / "pass").iterdir()))
def test_passing_fixtures_have_no_problem_at_all(case):
    report = lint([FIXTURES / "pass" / case], include_builtin=False, use_env=False)
    assert report.problems == [], [p.format() for p in report.problems]
    assert report.files >= 1 and report.questions == report.files


def test_fixture_problems_carry_file_and_line():
    report = lint([_fixture_for("QZ040")], include_builtin=False, use_env=False)
    (p,) = report.problems
    assert p.path.endswith("sample-question.md")
    assert p.line == 8  # the follow_ups line of the fixture
    assert re.fullmatch(r".+sample-question\.md:8: QZ040 follow-up 'relu-not-diferentiable' .+",
                        p.format())


def test_duplicate_id_names_both_files():
    report = lint([_fixture_for("QZ043")], include_builtin=False, use_env=False)
    (p,) = report.problems
    assert "second" in p.path and "first" in p.message


def test_unknown_follow_up_suggests_the_builtin_id_when_the_bank_is_context():
    report = lint([_fixture_for("QZ040")], use_env=False)
    (p,) = report.problems
    assert "Did you mean: relu-not-differentiable" in p.message


def test_table_is_well_formed():
    codes = [c.code for c in table()]
    assert codes == sorted(codes) and len(codes) == len(set(codes))
    for c in table():
        assert re.fullmatch(r"QZ\d{3}", c.code)
        assert c.severity in (ERROR, WARNING)
        assert c.checks.strip() and c.checks_ko.strip() and c.template.strip()
        assert re.search(r"[가-힣]", c.checks_ko), c.code


def test_readme_lists_every_code_with_its_severity():
    text = README.read_text(encoding="utf-8")
    for c in table():
        assert re.search(rf"^\| {c.code} \| {c.severity} \|", text, re.M), c.code


def test_builtin_bank_lints_without_errors():
    report = lint(use_env=False)
    errors = [p.format() for p in report.problems if p.is_error]
    assert errors == []
    assert report.files >= 40 and report.questions == report.files


def test_key_point_missing_from_own_answer_is_found_in_each_language(tmp_path):
    src = (_fixture_for("QZ031") / "sample-question.md").read_text(encoding="utf-8")
    # break the Korean side too: both languages are checked separately
    src = src.replace("match: ['희소']", "match: ['드롭아웃']")
    (tmp_path / "sample-question.md").write_text(src, encoding="utf-8")
    report = lint([tmp_path], include_builtin=False, use_env=False)
    got = sorted((p.code, "Korean" in p.message) for p in report.problems)
    assert got == [("QZ031", False), ("QZ031", True)]


def test_self_follow_up_is_a_cycle(tmp_path):
    src = (_fixture_for("QZ040") / "sample-question.md").read_text(encoding="utf-8")
    src = src.replace("follow_ups: [relu-not-diferentiable]", "follow_ups: [sample-question]")
    (tmp_path / "sample-question.md").write_text(src, encoding="utf-8")
    report = lint([tmp_path], include_builtin=False, use_env=False)
    assert [p.code for p in report.problems] == ["QZ041"]
    assert "sample-question → sample-question" in report.problems[0].message


def test_cycle_of_three_reported_once(tmp_path):
    base = (_fixture_for("QZ040") / "sample-question.md").read_text(encoding="utf-8")
    for a, b in (("q-a", "q-b"), ("q-b", "q-c"), ("q-c", "q-a")):
        text = base.replace("id: sample-question", f"id: {a}").replace(
            "follow_ups: [relu-not-diferentiable]", f"follow_ups: [{b}]")
        (tmp_path / f"{a}.md").write_text(text, encoding="utf-8")
    report = lint([tmp_path], include_builtin=False, use_env=False)
    assert [p.code for p in report.problems] == ["QZ041"]
    assert report.problems[0].message.startswith("follow-ups form a cycle: q-a → q-b → q-c → q-a")


def test_lint_of_a_builtin_file_by_path_is_not_a_duplicate_of_itself():
    from quizcli.paths import builtin_content_dir

    f = builtin_content_dir() / "questions" / "activations" / "relu-vs-sigmoid.md"
    report = lint([f], use_env=False)
    assert [p for p in report.problems if p.is_error] == []
    assert report.files == 1


def test_upper_case_check_ignores_escapes_and_group_names():
    from quizcli.bank.lint import _has_upper

    assert not _has_upper(r"\S+\W\d\B(?P<Name>x)(?P=Name)\N{GREEK SMALL LETTER SIGMA}")
    assert _has_upper("ReLU")
    assert _has_upper(r"[A-Z]")


def test_long_cycle_message_stays_short():
    from quizcli.bank.lint import _cycle_text

    text = _cycle_text([f"q{i}" for i in range(100)])
    assert text == "q0 → q1 → q2 → q3 → q4 → q5 → … (93 more) → q99 → q0"
    assert _cycle_text(["a", "b"]) == "a → b → a"
