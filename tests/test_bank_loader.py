"""The question-bank loader: parse_file, load_bank, directories, order, filters, bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizcli.bank.loader import (MAX_BYTES, Bank, load_bank, parse_difficulty, parse_file)
from quizcli.bank.model import Question
from quizcli.errors import DomainError, QuizError

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
SAMPLE = (FIXTURES / "QZ040-unknown-follow-up" / "sample-question.md").read_text(encoding="utf-8")
SAMPLE = SAMPLE.replace("follow_ups: [relu-not-diferentiable]", "follow_ups: []")


def write_q(directory: Path, qid: str, *, follow_ups=(), related=(), text=None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    body = text if text is not None else SAMPLE
    body = body.replace("id: sample-question", f"id: {qid}")
    body = body.replace("follow_ups: []",
                        f"follow_ups: [{', '.join(follow_ups)}]\nrelated: [{', '.join(related)}]")
    path = directory / f"{qid}.md"
    path.write_text(body, encoding="utf-8")
    return path


def codes(problems) -> list[str]:
    return [p.code for p in problems]


# --------------------------------------------------------------------------- parse_file

def test_parse_file_builds_the_question(tmp_path):
    path = write_q(tmp_path, "sample-question", follow_ups=["a-b"], related=["c"])
    q, problems = parse_file(path, builtin=False)
    assert problems == []
    assert isinstance(q, Question)
    assert q.id == "sample-question" and q.path == path and q.builtin is False
    assert q.title == {"ko": "ReLU는 어떤 함수인가요?", "en": "What is ReLU?"}
    assert q.tags == ("activation", "relu") and q.difficulty == 1
    assert q.follow_ups == ("a-b",) and q.related == ("c",)
    assert [kp.id for kp in q.key_points] == ["definition", "derivative", "sparsity"]
    assert q.key_points[2].patterns == {"ko": ("희소",), "en": ("sparse",)}
    assert q.see_explain == ("relu",) and q.see_demo == ("sparsity --units 64",)
    assert q.facts[0].expr == "df('relu', 1)" and q.facts[0].value == 1.0 and q.facts[0].tol is None
    assert q.answer["ko"].startswith("ReLU는 max(0, x)") and q.answer["en"].endswith("sparse.")
    assert q.source_lines["id"] == 2 and q.source_lines["follow_ups[0]"] == 8


def test_parse_file_is_pure(tmp_path):
    path = write_q(tmp_path, "sample-question")
    assert parse_file(path) == parse_file(path)


@pytest.mark.parametrize("data, code", [
    (b"", "QZ003"),
    (b"no front matter here\n", "QZ003"),
    (b"---\nid: x\n", "QZ004"),
    (b"---\n\tid: x\n---\n", "QZ005"),
    (b"---\nid: [x\n---\n", "QZ006"),
    (b"---\n!!python/object:os.system {}\n---\n", "QZ006"),
    (b"---\n- a\n---\n", "QZ007"),
    (b"---\n---\n", "QZ007"),
    (b"---\nid: x\xff\n---\n", "QZ001"),
])
def test_bad_files_are_reported_not_raised(tmp_path, data, code):
    path = tmp_path / "x.md"
    path.write_bytes(data)
    q, problems = parse_file(path)
    assert q is None
    assert codes(problems) == [code]
    assert problems[0].path == str(path)


def test_python_tags_never_build_objects(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("---\nid: !!python/object/apply:os.system ['echo pwned > pwned.txt']\n---\n")
    q, problems = parse_file(path)
    assert q is None and codes(problems) == ["QZ006"]
    assert "python/object" in problems[0].message
    assert not (tmp_path / "pwned.txt").exists()


def test_file_over_one_megabyte_is_refused_unread(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * (MAX_BYTES + 1))
    q, problems = parse_file(path)
    assert q is None and codes(problems) == ["QZ002"]
    assert str(MAX_BYTES + 1) in problems[0].message


def test_non_utf8_names_line_and_column(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"---\nid: x\ntitle: caf\xe9\n---\n")
    (p,) = parse_file(path)[1]
    assert (p.code, p.line) == ("QZ001", 3) and "0xe9" in p.message and "column 11" in p.message


def test_yaml_error_line_is_the_file_line(tmp_path):
    path = write_q(tmp_path, "sample-question")
    text = path.read_text(encoding="utf-8").replace("difficulty: 1", "difficulty: [1")
    path.write_text(text, encoding="utf-8")
    (p,) = parse_file(path)[1]
    assert p.code == "QZ006" and p.line in (7, 8)


def test_wrong_types_name_field_expected_and_line(tmp_path):
    path = write_q(tmp_path, "sample-question")
    text = path.read_text(encoding="utf-8").replace("difficulty: 1", "difficulty: two")
    path.write_text(text, encoding="utf-8")
    q, problems = parse_file(path)
    assert q is None
    (p,) = problems
    assert (p.code, p.line) == ("QZ012", 7)
    assert p.message == "'difficulty' must be 1, 2 or 3, not the text 'two'"


def test_yaml_11_exponent_without_dot_gets_a_hint(tmp_path):
    path = write_q(tmp_path, "sample-question")
    text = path.read_text(encoding="utf-8").replace("value: 1}", "value: 1e-5}")
    path.write_text(text, encoding="utf-8")
    (p,) = parse_file(path)[1]
    assert p.code == "QZ012" and "write 1.0e-5" in p.message


def test_unknown_field_is_a_warning_and_the_question_loads(tmp_path):
    path = write_q(tmp_path, "sample-question")
    text = path.read_text(encoding="utf-8").replace("difficulty: 1", "difficulty: 1\ndificulty: 2")
    path.write_text(text, encoding="utf-8")
    q, problems = parse_file(path)
    assert q is not None and q.difficulty == 1
    assert codes(problems) == ["QZ013"] and "did you mean 'difficulty'" in problems[0].message


def test_builtin_files_skip_pattern_compilation_user_files_do_not(tmp_path):
    path = write_q(tmp_path, "sample-question")
    text = path.read_text(encoding="utf-8").replace("match: ['sparse']", "match: ['(sparse']")
    path.write_text(text, encoding="utf-8")
    q_user, p_user = parse_file(path, builtin=False)
    assert q_user is None and codes(p_user) == ["QZ030"]
    q_builtin, p_builtin = parse_file(path, builtin=True)
    assert q_builtin is not None and p_builtin == []  # lint guards the built-in bank


def test_answers_keep_code_blocks_with_hash_lines(tmp_path):
    q, problems = parse_file(FIXTURES / "pass" / "code-fence" / "code-fence.md")
    assert problems == []
    assert "## 이 줄은 제목이 아니라 코드 주석입니다" in q.answer["ko"]
    assert "### Code" in q.answer["en"]


def test_crlf_and_bom_read_like_lf(tmp_path):
    q, problems = parse_file(FIXTURES / "pass" / "crlf-bom" / "crlf-bom.md")
    assert problems == [] and q.id == "crlf-bom" and "\r" not in q.answer["en"]


# --------------------------------------------------------------------------- load_bank

def test_builtin_bank_loads_cleanly_in_curriculum_order():
    bank = load_bank(use_env=False)
    assert bank.problems == ()
    assert len(bank) >= 40
    assert bank.ids()[:4] == ["relu-vs-sigmoid", "relu-not-differentiable", "leaky-relu",
                              "tanh-vs-sigmoid"]
    assert all(q.builtin for q in bank)
    assert len(set(bank.ids())) == len(bank)


def test_source_chain_has_the_required_key_points():
    bank = load_bank(use_env=False)
    required = {
        "relu-vs-sigmoid": {"vanishing-gradient", "sparsity", "compute-cost",
                            "not-zero-centered", "dying-relu"},
        "relu-not-differentiable": {"subgradient", "framework-convention", "measure-zero",
                                    "backward-mask"},
        "leaky-relu": {"definition", "fixes-dying", "slope-choice", "prelu-variants"},
        "tanh-vs-sigmoid": {"zero-centered", "still-saturates", "tanh-sigmoid-relation",
                            "derivative-peak"},
    }
    for qid, kps in required.items():
        assert kps <= {kp.id for kp in bank.get(qid).key_points}, qid
    assert bank.get("relu-vs-sigmoid").follow_ups == ("relu-not-differentiable", "leaky-relu")
    assert "tanh-vs-sigmoid" in bank.get("relu-vs-sigmoid").related


def test_get_unknown_id_suggests_the_closest():
    bank = load_bank(use_env=False)
    with pytest.raises(DomainError) as err:
        bank.get("relu-vs-sigmod")
    assert "Unknown question id 'relu-vs-sigmod'" in str(err.value)
    assert "Did you mean: relu-vs-sigmoid" in str(err.value)


def test_select_by_tags_and_difficulty():
    bank = load_bank(use_env=False)
    relu = bank.select(["relu"])
    assert relu and all("relu" in q.tags for q in relu)
    both = bank.select(["relu", "softmax"])
    assert len(both) == len({q.id for q in bank if {"relu", "softmax"} & set(q.tags)})
    hard = bank.select(difficulty="hard")
    assert hard and all(q.difficulty == 3 for q in hard)
    assert bank.select(difficulty=3) == hard
    assert [q.id for q in bank.select()] == bank.ids()  # order kept
    with pytest.raises(DomainError, match="Did you mean: relu"):
        bank.select(["reluu"])


@pytest.mark.parametrize("text, level", [("1", 1), ("easy", 1), (" Medium ", 2), ("3", 3),
                                         ("어려움", 3), (2, 2)])
def test_parse_difficulty(text, level):
    assert parse_difficulty(text) == level


@pytest.mark.parametrize("text", ["0", "4", "extreme", ""])
def test_parse_difficulty_rejects(text):
    with pytest.raises(DomainError, match="Allowed: 1 \\(easy\\), 2 \\(medium\\), 3 \\(hard\\)"):
        parse_difficulty(text)


def test_extra_dir_merges_after_builtin_and_can_follow_up_builtin(tmp_path):
    write_q(tmp_path / "mine", "my-question", follow_ups=["relu-vs-sigmoid"])
    bank = load_bank([tmp_path / "mine"], use_env=False)
    assert bank.problems == ()
    assert bank.ids()[-1] == "my-question"
    q = bank.get("my-question")
    assert q.builtin is False and q.follow_ups == ("relu-vs-sigmoid",)


def test_env_content_path(tmp_path, monkeypatch):
    write_q(tmp_path / "a", "from-a")
    write_q(tmp_path / "b", "from-b")
    monkeypatch.setenv("QUIZ_CONTENT_PATH",
                       os.pathsep.join([str(tmp_path / "a"), "", str(tmp_path / "b")]))
    bank = load_bank([tmp_path / "a"], include_builtin=False)  # same dir twice: loaded once
    assert bank.ids() == ["from-a", "from-b"] and bank.problems == ()


def test_same_id_in_two_places_names_both_files(tmp_path):
    first = write_q(tmp_path / "one", "dup-q")
    second = write_q(tmp_path / "two", "dup-q")
    bank = load_bank([tmp_path / "one", tmp_path / "two"], include_builtin=False, use_env=False)
    assert bank.ids() == ["dup-q"] and bank.get("dup-q").path == first
    (p,) = bank.problems
    assert p.code == "QZ043" and p.path == str(second) and str(first) in p.message


def test_user_dir_reusing_a_builtin_id_is_an_error_and_builtin_wins(tmp_path):
    write_q(tmp_path, "relu-vs-sigmoid")
    bank = load_bank([tmp_path], use_env=False)
    assert bank.get("relu-vs-sigmoid").builtin
    assert codes(bank.problems) == ["QZ043"]


def test_broken_user_file_is_skipped_and_the_rest_loads(tmp_path):
    write_q(tmp_path, "good-one")
    bad = write_q(tmp_path, "bad-one")
    bad.write_text(bad.read_text(encoding="utf-8").replace("tags: [activation, relu]", "tags: 5"),
                   encoding="utf-8")
    bank = load_bank([tmp_path], use_env=False)
    assert "good-one" in bank and "bad-one" not in bank
    assert len(bank) >= 41
    (p,) = bank.errors
    assert (p.code, p.path, p.line) == ("QZ012", str(bad), 6)
    assert "'tags' must be a list of tags" in p.message


def test_dangling_follow_up_is_reported_and_dropped(tmp_path):
    write_q(tmp_path, "has-dangling", follow_ups=["nowhere", "relu-vs-sigmoid"], related=["gone"])
    bank = load_bank([tmp_path], use_env=False)
    q = bank.get("has-dangling")
    assert q.follow_ups == ("relu-vs-sigmoid",) and q.related == ()
    assert sorted(codes(bank.problems)) == ["QZ040", "QZ042"]


def test_missing_and_empty_directories(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "README.md").write_text("# not a question\n")
    bank = load_bank([tmp_path / "nope", tmp_path / "empty"], use_env=False)
    assert len(bank) >= 40  # the built-in bank still loads
    got = {(p.code, Path(p.path).name) for p in bank.problems}
    assert got == {("QZ009", "nope"), ("QZ010", "empty")}
    assert "does not exist" in bank.problems[0].message


def test_curriculum_orders_a_user_dir(tmp_path):
    for qid in ("q-a", "q-b", "q-c", "q-d"):
        write_q(tmp_path / "sub", qid)
    (tmp_path / "curriculum.txt").write_text("# mine\nq-c  # first\nq-a\nq-c\nunknown-id\n")
    bank = load_bank([tmp_path], include_builtin=False, use_env=False)
    assert bank.ids() == ["q-c", "q-a", "q-b", "q-d"]
    assert bank.problems == ()  # curriculum problems are lint's business


def test_hidden_dirs_and_readme_are_skipped(tmp_path):
    write_q(tmp_path, "visible")
    write_q(tmp_path / ".git", "hidden")
    (tmp_path / "README.md").write_text("not a question")
    bank = load_bank([tmp_path], include_builtin=False, use_env=False)
    assert bank.ids() == ["visible"] and bank.problems == ()


def test_bank_accepts_a_caching_parser(tmp_path):
    write_q(tmp_path, "cached-q")
    calls = []

    def parse(path, *, builtin):
        calls.append(Path(path).name)
        return parse_file(path, builtin=builtin)

    bank = load_bank([tmp_path], include_builtin=False, use_env=False, parse=parse)
    assert calls == ["cached-q.md"] and bank.ids() == ["cached-q"]
    assert isinstance(bank, Bank)


def test_many_files_with_a_ring_of_follow_ups_load(tmp_path):
    """300 files whose follow-ups form one ring: all load (cycles are lint's business)."""
    for i in range(300):
        write_q(tmp_path, f"gen-{i:04d}", follow_ups=[f"gen-{(i + 1) % 300:04d}"])
    bank = load_bank([tmp_path], include_builtin=False, use_env=False)
    assert len(bank) == 300 and bank.problems == ()
    assert bank.get("gen-0299").follow_ups == ("gen-0000",)


def test_nested_content_dirs_load_each_file_once(tmp_path):
    write_q(tmp_path / "outer" / "inner", "nested-q")
    write_q(tmp_path / "outer", "outer-q")
    bank = load_bank([tmp_path / "outer", tmp_path / "outer" / "inner"], include_builtin=False,
                     use_env=False)
    assert sorted(bank.ids()) == ["nested-q", "outer-q"] and bank.problems == ()
