"""Reliability of the progress store: kill -9, concurrent writers, corrupt files, newer
schemas, read-only homes. Each test names the promise from issue 5 it checks."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizcli.errors import StoreError
from quizcli.store.migrations import MIGRATIONS
from quizcli.store import open_store

RECORD_LOOP = r"""
import sys
from quizcli.store import open_store
store = open_store(sys.argv[1], enable_fuzzing=False)
sid = store.start_session()
i = 0
while True:
    store.record_review(f"q{i % 7}", (i % 4) + 1, score=0.5, covered=["a"], missed=["b"],
                        lang="en", duration_s=1.0, session_id=sid, tags=["t"])
    i += 1
    print(i, flush=True)   # acknowledged: committed before this line is written
"""

RECORD_N = r"""
import os, sys, time
from quizcli.store import open_store
home, who, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
store = open_store(home, enable_fuzzing=False)
while not os.path.exists(go):   # start both writers at the same moment
    time.sleep(0.001)
for i in range(n):
    store.record_review(f"q{i % 5}", 3, score=1.0, covered=[who], lang="en", duration_s=0.1)
print("done", flush=True)
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_consistent(home: Path) -> int:
    """integrity_check ok; each card's reps equals its logs; replaying changes nothing."""
    db = sqlite3.connect(home / "progress.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    per_question = dict(db.execute("SELECT question_id, COUNT(*) FROM reviews GROUP BY question_id"))
    reps = dict(db.execute("SELECT question_id, reps FROM cards"))
    assert per_question == reps
    total = db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    db.close()
    with open_store(home, enable_fuzzing=False) as s:
        assert s.rebuild().changed == 0
    return total


@pytest.mark.parametrize("attempt", range(4))
def test_kill_9_loses_at_most_the_review_being_answered(quiz_home, attempt):
    proc = subprocess.Popen([sys.executable, "-c", RECORD_LOOP, str(quiz_home)],
                            stdout=subprocess.PIPE, text=True)
    acked = 0
    try:
        while acked < 10 + 10 * attempt:
            line = proc.stdout.readline()
            assert line, "the recorder died on its own"
            acked = int(line)
        time.sleep(random.Random(attempt).uniform(0, 0.03))  # land anywhere, mid-write too
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    acked = max([acked] + [int(x) for x in proc.stdout.read().split()])
    assert proc.returncode == -signal.SIGKILL
    total = assert_consistent(quiz_home)
    assert acked <= total <= acked + 1  # every acknowledged review survived; at most one more


def test_two_processes_recording_100_reviews_each_leave_200_logs(quiz_home, tmp_path):
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", RECORD_N, str(quiz_home), who, "100", str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for who in ("a", "b")]
    time.sleep(0.5)  # both have opened the store and wait
    go.write_text("go")
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and out.strip() == "done", err
    assert assert_consistent(quiz_home) == 200
    with open_store(quiz_home) as s:
        covered = [r.covered for r in s.reviews()]
    assert covered.count(("a",)) == 100 and covered.count(("b",)) == 100


def _one_line_error(cli, *args):
    r = cli(*args)
    assert r.exit_code == 2, r
    assert r.stdout == "" and len(r.stderr.strip().splitlines()) == 1, r
    return r.stderr


@pytest.mark.parametrize("content", [
    b"this is not a database " * 200,  # garbage
    b"SQLite format 3\x00" + b"\xff" * 5000,  # right magic, nonsense header
])
def test_corrupt_database_gets_a_clear_message_and_is_left_untouched(cli, quiz_home, content):
    quiz_home.mkdir(parents=True)
    db = quiz_home / "progress.sqlite3"
    db.write_bytes(content)
    before = (digest(db), db.stat().st_mtime_ns)
    err = _one_line_error(cli, "stats")
    assert str(db) in err and "--home" in err and "quiz progress import" in err
    assert "left untouched" in err
    with pytest.raises(StoreError):
        open_store(quiz_home)
    assert (digest(db), db.stat().st_mtime_ns) == before
    assert sorted(p.name for p in quiz_home.iterdir()) == ["progress.sqlite3"]


def test_damaged_pages_inside_a_real_database_are_refused(cli, quiz_home):
    with open_store(quiz_home, enable_fuzzing=False) as s:
        for i in range(400):
            s.record_review(f"question-{i % 50}", 3, covered=["x" * 50], missed=["y" * 50])
    db = quiz_home / "progress.sqlite3"
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    raw = bytearray(db.read_bytes())
    page = 4096
    assert len(raw) > 6 * page
    raw[3 * page: 5 * page] = b"\x07" * (2 * page)  # scribble over two b-tree pages
    db.write_bytes(bytes(raw))
    before = digest(db)
    err = _one_line_error(cli, "stats")
    assert str(db) in err and ("integrity" in err or "malformed" in err)
    assert digest(db) == before


def test_a_database_from_a_newer_schema_is_refused(cli, quiz_home):
    with open_store(quiz_home) as s:
        s.record_review("q", 3)
        s.db.execute("INSERT INTO _migrations VALUES ('m999_from_the_future', 'x')")
        s.db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db = quiz_home / "progress.sqlite3"
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    before = digest(db)
    err = _one_line_error(cli, "stats")
    assert (f"newer quizcli (schema {len(MIGRATIONS) + 1}; this version knows {len(MIGRATIONS)})"
            in err) and str(db) in err
    err = _one_line_error(cli, "progress", "export", str(quiz_home / "x.json"))
    assert "newer quizcli" in err
    assert digest(db) == before and not (quiz_home / "x.json").exists()


def test_a_foreign_sqlite_file_is_not_taken_over(cli, quiz_home):
    quiz_home.mkdir(parents=True)
    db = quiz_home / "progress.sqlite3"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    con.close()
    before = digest(db)
    err = _one_line_error(cli, "stats")
    assert "not a quizcli progress database" in err
    assert digest(db) == before


def test_home_that_cannot_be_created_gets_a_clear_message_and_explain_still_works(cli, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("QUIZ_HOME", str(blocker / "home"))
    err = _one_line_error(cli, "stats")
    assert f"Cannot save progress in {blocker / 'home'}" in err and "--home DIR" in err
    err = _one_line_error(cli, "progress", "rebuild")
    assert "Cannot save progress" in err
    r = cli("explain", "relu")
    assert r.exit_code == 0 and "autograd uses f′(0) = 0" in r.stdout
    assert blocker.read_text() == "not a directory"


def test_read_only_home_directory(cli, quiz_home, monkeypatch):
    with open_store(quiz_home) as s:
        s.record_review("q", 3)
    os.chmod(quiz_home, 0o555)
    try:
        if os.geteuid() == 0:
            # root ignores permission bits, so chmod alone cannot make the home read-only here;
            # make os.access report what the kernel reports to any other user
            real_access = os.access
            monkeypatch.setattr(os, "access", lambda p, mode, **kw: False
                                if Path(p) == quiz_home and mode & os.W_OK else real_access(p, mode, **kw))
        err = _one_line_error(cli, "stats")
        assert f"Cannot save progress in {quiz_home}: the directory is read-only" in err
        r = cli("explain", "sigmoid")
        assert r.exit_code == 0 and "max sigmoid′ = 0.25" in r.stdout
    finally:
        os.chmod(quiz_home, 0o755)


def test_read_only_media_fail_at_the_write_with_a_clear_message(quiz_home, monkeypatch):
    """SQLite itself refusing to write (read-only mount, even for root): simulated by opening
    the database read-only, which gives the same SQLITE_READONLY errors."""
    import quizcli.store.db as dbmod

    with open_store(quiz_home) as s:
        s.record_review("q", 3)
    monkeypatch.setattr(dbmod, "connect", lambda path: sqlite3.connect(
        f"file:{path}?mode=ro", uri=True, timeout=1, isolation_level=None))
    with open_store(quiz_home) as s:  # reading still works
        assert s.review_count() == 1
        with pytest.raises(StoreError, match=r"Cannot save progress in .*readonly"):
            s.record_review("q", 3)
        assert s.review_count() == 1
    # a fresh home on read-only media cannot even create the file
    fresh = quiz_home.parent / "fresh"
    fresh.mkdir()
    with pytest.raises(StoreError, match="Cannot save progress in"):
        open_store(fresh)


def test_a_killed_writer_mid_transaction_leaves_no_lock_behind(quiz_home):
    """A process killed while holding BEGIN IMMEDIATE must not block the next one."""
    code = ("import sys, os, signal\nfrom quizcli.store import open_store\n"
            "s = open_store(sys.argv[1])\ns.db.execute('BEGIN IMMEDIATE')\n"
            "s.db.execute(\"INSERT INTO sessions (uid, started_at) VALUES ('x', 'y')\")\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    p = subprocess.run([sys.executable, "-c", code, str(quiz_home)])
    assert p.returncode == -signal.SIGKILL
    start = time.monotonic()
    with open_store(quiz_home) as s:
        s.record_review("q", 3)
        assert s.db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 0
    assert time.monotonic() - start < 5


OPEN_AT_ONCE = r"""
import os, sys, time
from quizcli.store import open_store
home, go = sys.argv[1], sys.argv[2]
while not os.path.exists(go):
    time.sleep(0.0005)
with open_store(home) as s:
    s.record_review("q", 3)
print("ok", flush=True)
"""


@pytest.mark.parametrize("attempt", range(3))
def test_processes_opening_a_fresh_home_at_the_same_moment_all_succeed(tmp_path, attempt):
    """Creating the file, switching it to WAL and migrating race when several `quiz`
    processes start at once on a new home (the WAL switch does not wait for locks)."""
    home, go = tmp_path / "fresh", tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", OPEN_AT_ONCE, str(home), str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(6)]
    time.sleep(0.6)
    go.write_text("go")
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0 and out.strip() == "ok", err
    with open_store(home) as s:
        assert s.review_count() == 6
        assert s.db.execute("SELECT COUNT(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)


def test_switch_to_wal_waits_for_a_reader_instead_of_failing(quiz_home):
    """The deterministic form of the race above: another connection holds the write lock on a
    new (rollback-journal) database while we switch it to WAL; SQLite then answers BUSY at
    once, without waiting, so the store has to retry."""
    import threading

    from quizcli.store.db import APPLICATION_ID

    quiz_home.mkdir(parents=True)
    path = quiz_home / "progress.sqlite3"
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute("BEGIN IMMEDIATE")  # a writer (RESERVED lock), as another quiz migrating
    threading.Timer(0.3, lambda: con.execute("COMMIT")).start()
    start = time.monotonic()
    with open_store(quiz_home) as s:
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        s.record_review("q", 3)
    assert 0.25 < time.monotonic() - start < 10
    con.close()


ASK_N = r"""
import contextlib, io, os, sys, time
from quizcli.cli import app
home, n, go = sys.argv[1], int(sys.argv[2]), sys.argv[3]
answer = "Sigmoid's derivative is at most 0.25, so gradients vanish; ReLU passes 1 for x > 0."
while not os.path.exists(go):
    time.sleep(0.001)
for i in range(n):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = app(["ask", "--id", "relu-vs-sigmoid", "--answer", answer, "--rate", "good",
                    "--json", "--home", home], prog_name="quiz", standalone_mode=False)
    assert code in (0, None), (code, out.getvalue())
print("done", flush=True)
"""


def test_two_processes_answering_100_times_each_through_quiz_ask(tmp_path):
    """The issue's wording: two concurrent processes recording 100 reviews each through
    `quiz ask --id … --answer … --rate good` leave exactly 200 logs. Each process runs the
    real CLI (QuizGroup, option parsing, grading, store) 100 times without paying 100
    interpreter start-ups."""
    home, go = tmp_path / "home", tmp_path / "go"
    env = {**os.environ, "QUIZ_FSRS_FUZZ": "0"}  # so that the replay check is exact
    procs = [subprocess.Popen([sys.executable, "-c", ASK_N, str(home), "100", str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]
    time.sleep(0.5)
    go.write_text("go")
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and out.strip() == "done", err
    assert assert_consistent(home) == 200
    with open_store(home) as s:
        rows = s.reviews()
        assert {r.question_id for r in rows} == {"relu-vs-sigmoid"}
        assert {r.rating for r in rows} == {3} and s.card("relu-vs-sigmoid").reps == 200
        assert "vanishing-gradient" in rows[0].covered and "activation" in rows[0].tags
