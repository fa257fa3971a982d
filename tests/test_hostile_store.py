"""Hostile progress imports, export targets, closed streams and odd environments: one line
naming what is wrong, never a traceback, nothing lost (issue 17, items 10-12, 14, 15)."""

from __future__ import annotations

import json
import os
import shlex
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

GOOD_REVIEW = ('{"uid": "r-good", "question_id": "relu-vs-sigmoid", '
               '"reviewed_at": "2025-03-01T09:01:00Z", "rating": 3, "score": 0.5, '
               '"covered": [], "missed": [], "tags": ["relu"], "lang": "en", '
               '"duration_s": 12.5, "session": "s1"}')


def export_text(second_review: str = "", sessions: str | None = None) -> str:
    sessions = sessions or '[{"uid": "s1", "started_at": "2025-03-01T09:00:00Z", "ended_at": null}]'
    reviews = GOOD_REVIEW + (", " + second_review if second_review else "")
    return ('{"format": "quizcli-progress", "version": 1, "sessions": %s, "reviews": [%s]}'
            % (sessions, reviews))


def review(**fields) -> str:
    """The good review with fields replaced by raw JSON text."""
    base = json.loads(GOOD_REVIEW)
    base["uid"] = "r-bad"
    text = json.dumps(base)
    for key, raw in fields.items():
        old = f'"{key}": {json.dumps(base[key])}'
        assert old in text
        text = text.replace(old, f'"{key}": {raw}')
    return text


HOSTILE = {
    "huge int rating": (review(rating="1" + "0" * 5000), "reviews[1].rating"),
    "30-digit duration": (review(duration_s="1" + "0" * 30), "reviews[1].duration_s"),
    "1e400 duration": (review(duration_s="1e400"), "reviews[1].duration_s"),
    "NaN duration": (review(duration_s="NaN"), "reviews[1].duration_s"),
    "Infinity duration": (review(duration_s="Infinity"), "reviews[1].duration_s"),
    "-Infinity score": (review(score="-Infinity"), "reviews[1].score"),
    "NaN score": (review(score="NaN"), "reviews[1].score"),
    "year 9999": (review(reviewed_at='"9999-12-31T23:59:59Z"'), "reviews[1].reviewed_at"),
    "year 1 east of UTC": (review(reviewed_at='"0001-01-01T00:00:00+14:00"'), "reviews[1].reviewed_at"),
    "lone surrogate id": (review(question_id='"q\\ud800"'), "reviews[1].question_id"),
    "lone surrogate tag": (review(tags='["ok", "\\udfff"]'), "reviews[1].tags"),
    "lone surrogate uid": (review(uid='"\\udc80"'), "reviews[1].uid"),
    "session a list": (review(session="[1]"), "reviews[1].session"),
    "session an object": (review(session='{"a": 1}'), "reviews[1].session"),
    "rating text": (review(rating='"3"'), "reviews[1].rating"),
    "covered text": (review(covered='"x"'), "reviews[1].covered"),
    "lang number": (review(lang="5"), "reviews[1].lang"),
    "uid NaN": (review(uid="NaN"), "reviews[1].uid"),
    "review a list": ("[1, 2]", "reviews[1]"),
}


def _count(home: Path) -> int:
    db = sqlite3.connect(home / "progress.sqlite3")
    try:
        return db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    finally:
        db.close()


@pytest.fixture
def seeded(cli, quiz_home, tmp_path) -> Path:
    f = tmp_path / "good.json"
    f.write_text(export_text(), encoding="utf-8")
    r = cli("progress", "import", f)
    assert r.exit_code == 0, r
    assert _count(quiz_home) == 1
    return quiz_home


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_import_entry_is_one_line_naming_it(cli, seeded, tmp_path, case):
    second, where = HOSTILE[case]
    f = tmp_path / "hostile.json"
    f.write_text(export_text(second), encoding="utf-8")
    r = cli("progress", "import", f)  # an uncaught exception fails the test here
    assert r.exit_code == 2, r
    assert r.stderr.count("\n") == 1, r.stderr
    assert f"{where}:" in r.stderr or f"{where}=" in r.stderr, r.stderr
    assert "Nothing was imported" in r.stderr
    assert _count(seeded) == 1  # nothing half-imported, nothing lost


@pytest.mark.parametrize("text", [
    '{"format": "quizcli-progress", "version": 1, "reviews": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"format": "quizcli-progress", "version": ' + "9" * 5000 + "}",
    '{"format": "quizcli-progress", "version": NaN}',
])
def test_a_hostile_import_file_is_one_line(cli, seeded, tmp_path, text):
    f = tmp_path / "hostile.json"
    f.write_text(text, encoding="utf-8")
    r = cli("progress", "import", f)
    assert r.exit_code == 2 and r.stderr.count("\n") == 1, r
    assert str(f) in r.stderr
    assert _count(seeded) == 1


@pytest.mark.parametrize("row, where", [
    ('{"question_id": "q\\ud800", "suspended_at": "2025-03-01T09:00:00Z"}', "suspended[0]"),
    ('{"question_id": NaN, "suspended_at": "2025-03-01T09:00:00Z"}', "suspended[0]"),
    ('{"question_id": "q", "suspended_at": "2025-03-01T09:00:00Z", "reason": "\\udfff"}',
     "suspended[0].reason"),
    ('{"question_id": "q", "suspended_at": "9999-12-31T23:59:59Z"}', "suspended[0].suspended_at"),
])
def test_a_hostile_suspension_is_one_line_naming_it(cli, seeded, tmp_path, row, where):
    f = tmp_path / "hostile.json"
    f.write_text(export_text()[:-1] + ', "suspended": [%s]}' % row, encoding="utf-8")
    r = cli("progress", "import", f)
    assert r.exit_code == 2 and r.stderr.count("\n") == 1, r
    assert where in r.stderr
    assert _count(seeded) == 1


def test_the_good_export_itself_imports(cli, quiz_home, tmp_path):
    """The fixtures above differ from an accepted file in the one entry they name."""
    f = tmp_path / "fine.json"
    f.write_text(export_text(review()), encoding="utf-8")
    r = cli("progress", "import", f)
    assert r.exit_code == 0, r
    assert _count(quiz_home) == 2


# -- export targets (item 14) and leftovers (item 15)

def test_export_force_refuses_anything_but_a_regular_file(cli, seeded, tmp_path):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    real = tmp_path / "real.json"
    real.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere.json")
    for target in (fifo, link, dangling, tmp_path):
        r = cli("progress", "export", target, "--force")
        assert r.exit_code == 2 and r.stderr.count("\n") == 1, (target, r)
        assert "left untouched" in r.stderr or "is a directory" in r.stderr
    assert fifo.is_fifo() and link.is_symlink() and dangling.is_symlink()
    assert real.read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "nowhere.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_force_replaces_a_regular_file_via_a_temp_file(cli, seeded, tmp_path):
    target = tmp_path / "progress.json"
    target.write_text("old", encoding="utf-8")
    inode = target.stat().st_ino
    r = cli("progress", "export", target, "--force")
    assert r.exit_code == 0, r
    assert json.loads(target.read_text(encoding="utf-8"))["reviews"][0]["uid"] == "r-good"
    assert target.stat().st_ino != inode  # renamed over, not written in place
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    r = cli("progress", "export", tmp_path / "new.json")
    assert r.exit_code == 0 and (tmp_path / "new.json").is_file()


def test_stale_backup_temp_files_are_cleaned_on_the_next_reset(cli, seeded):
    backups = seeded / "backups"
    backups.mkdir()
    stale, fresh = backups / ".progress-20250101T000000.json.abc.tmp", backups / ".progress-x.tmp"
    stale.write_text("{", encoding="utf-8")
    fresh.write_text("{", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    r = cli("progress", "reset", "--yes")
    assert r.exit_code == 0, r
    assert not stale.exists() and fresh.exists()
    assert len(list(backups.glob("progress-*.json"))) == 1


# -- closed streams (item 11) and the environment (item 12): real processes

def run_shell(command: str, env: dict | None = None, stdin=subprocess.DEVNULL):
    quiz = f"{shlex.quote(sys.executable)} -m quizcli"
    return subprocess.run(["bash", "-c", command.replace("QUIZ ", quiz + " ")], env=env,
                          stdin=stdin, capture_output=True, text=True, timeout=60)


def _env(**extra) -> dict:
    env = dict(os.environ)
    env.update(extra)
    return env


ASK = "QUIZ ask --id relu-vs-sigmoid"


@pytest.mark.parametrize("command, codes, saved", [
    (f"{ASK} --answer 'relu has gradient 1' --rate good --json >&-", {0}, 1),
    (f"{ASK} --answer 'relu has gradient 1' --rate good >&- 2>&-", {0}, 1),
    (f"{ASK} --answer-file - --rate good <&-", {0, 2}, None),
    (f"{ASK} <&-", {2}, 0),
    ("QUIZ progress import - <&-", {2}, 0),
    ("QUIZ progress reset <&-", {0, 1, 2}, 0),
    ("QUIZ list >&-", {0}, 0),
    ("QUIZ stats --json >&- 2>&-", {0}, 0),
])
def test_closed_standard_streams_never_give_a_traceback(quiz_home, command, codes, saved):
    if "reset" in command:
        from quizcli.store import open_store

        with open_store(quiz_home) as s:
            s.record_review("relu-vs-sigmoid", 3)
    before = _count(quiz_home) if (quiz_home / "progress.sqlite3").exists() else 0
    p = run_shell(command, env=_env())
    assert p.returncode in codes, p
    assert "Traceback" not in p.stderr and p.stderr.count("\n") <= 1 or p.returncode == 0, p
    assert "Traceback" not in p.stderr, p.stderr
    if saved is not None:
        after = _count(quiz_home) if (quiz_home / "progress.sqlite3").exists() else 0
        assert after - before == saved  # the review is saved before the output is lost


@pytest.mark.parametrize("now", ["9999-12-31T00:00:00Z", "0001-01-01T00:00:00+01:00",
                                 "0001-01-01T00:00:00"])
@pytest.mark.parametrize("args", [["stats"], ["ask", "--id", "relu-vs-sigmoid", "--answer", "x",
                                              "--rate", "good"], ["progress", "export", "-"]])
def test_quiz_now_out_of_range_is_one_line(cli, now, args):
    r = cli(*args, env={"QUIZ_NOW": now})
    assert r.exit_code == 2 and r.stderr.count("\n") == 1, r
    assert "QUIZ_NOW" in r.stderr and "between 1970 and 2999" in r.stderr


@pytest.mark.parametrize("tz", ["UTC+24", "UTC-25"])
def test_an_unusable_tz_is_one_line(tz):
    for command in ("QUIZ stats", f"{ASK} --answer x --rate good"):
        p = run_shell(command, env=_env(TZ=tz))
        assert p.returncode == 2 and p.stderr.count("\n") == 1, p
        assert f"TZ='{tz}'" in p.stderr


@pytest.mark.parametrize("command", ["QUIZ list", "QUIZ show relu-vs-sigmoid --lang ko",
                                     "QUIZ explain relu", "QUIZ list --json", "QUIZ stats",
                                     "QUIZ show 없는-질문"])
def test_an_ascii_only_terminal_gets_output_not_a_traceback(command):
    p = run_shell(command, env=_env(PYTHONIOENCODING="ascii"))
    assert p.returncode in (0, 2), p
    assert "Traceback" not in p.stderr and "UnicodeEncodeError" not in p.stderr
    assert p.stdout or p.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [["export", "csv"], ["export", "anki"]])
def test_question_exports_refuse_links_and_fifos_too(cli, tmp_path, args):
    suffix = ".apkg" if args[1] == "anki" else ".csv"
    fifo = tmp_path / f"fifo{suffix}"
    os.mkfifo(fifo)
    real = tmp_path / f"real{suffix}"
    real.write_text("keep me", encoding="utf-8")
    link = tmp_path / f"link{suffix}"
    link.symlink_to(real)
    for target in (fifo, link):
        r = cli(*args, target, "--force")
        assert r.exit_code == 2 and "left untouched" in r.stderr, (target, r)
    assert fifo.is_fifo() and link.is_symlink() and real.read_text(encoding="utf-8") == "keep me"
    r = cli(*args, real, "--force")
    assert r.exit_code == 0, r
    assert real.read_bytes() != b"keep me" and not list(tmp_path.glob(".*.tmp"))
