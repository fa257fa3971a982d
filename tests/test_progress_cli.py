"""`quiz progress export|import|rebuild|reset`: round trips, merges, idempotence, backups, bad files."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from quizcli.store import open_store

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)


def fill(home, n=6, offset=0, who="a"):
    with open_store(home, enable_fuzzing=False) as s:
        sid = s.start_session(when=T0 + timedelta(days=offset))
        for i in range(n):
            s.record_review(f"q{i % 3}", (i % 4) + 1, score=i / n, covered=[who], missed=["m"],
                            lang="ko", duration_s=i, when=T0 + timedelta(days=offset, hours=i),
                            session_id=sid, tags=["t"])
        s.end_session(sid, when=T0 + timedelta(days=offset, hours=n))


def snapshot(home):
    db = sqlite3.connect(home / "progress.sqlite3")
    out = {t: db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
           for t in ("reviews", "cards", "sessions")}
    db.close()
    return out


@pytest.fixture(autouse=True)
def no_fuzz(monkeypatch):
    monkeypatch.setenv("QUIZ_FSRS_FUZZ", "0")


def test_export_import_round_trip_into_a_new_home(cli, quiz_home, tmp_path):
    fill(quiz_home)
    out = tmp_path / "progress.json"
    r = cli("progress", "export", out)
    assert r.exit_code == 0, r
    assert f"Exported 6 answers and 1 sessions to {out}." in r.stdout
    data = json.loads(out.read_text())
    assert data["format"] == "quizcli-progress" and data["version"] == 1
    assert len(data["reviews"]) == 6 and data["reviews"][0]["session"] == data["sessions"][0]["uid"]
    other = tmp_path / "other-home"
    r = cli("progress", "import", out, "--home", other)
    assert r.exit_code == 0, r
    assert "Imported 6 new answers (0 already here); rebuilt the schedule of 3 questions." in r.stdout
    a, b = snapshot(quiz_home), snapshot(other)
    strip = lambda rows: [row[1:] for row in rows]  # local row ids may differ
    assert strip(a["reviews"]) == strip(b["reviews"])
    assert a["cards"] == b["cards"]  # rebuilt from the logs: the same schedule
    assert strip(a["sessions"]) == strip(b["sessions"])


def test_importing_twice_changes_nothing(cli, quiz_home, tmp_path):
    fill(quiz_home)
    out = tmp_path / "p.json"
    cli("progress", "export", out)
    before = snapshot(quiz_home)
    r = cli("progress", "import", out)
    assert "Imported 0 new answers (6 already here); rebuilt the schedule of 0 questions." in r.stdout
    r = cli("progress", "import", out)
    assert r.exit_code == 0 and snapshot(quiz_home) == before


def test_import_merges_two_devices(cli, quiz_home, tmp_path):
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    fill(laptop, n=4, who="laptop")
    fill(desktop, n=5, offset=1, who="desktop")
    for home, name in ((laptop, "l.json"), (desktop, "d.json")):
        assert cli("progress", "export", tmp_path / name, "--home", home).exit_code == 0
    cli("progress", "import", tmp_path / "d.json", "--home", laptop)
    cli("progress", "import", tmp_path / "l.json", "--home", desktop)
    a, b = snapshot(laptop), snapshot(desktop)
    assert len(a["reviews"]) == len(b["reviews"]) == 9
    assert {r[1] for r in a["reviews"]} == {r[1] for r in b["reviews"]}  # same uids
    assert a["cards"] == b["cards"]  # both replayed the same merged history
    with open_store(laptop, enable_fuzzing=False) as s:
        assert s.rebuild().changed == 0


def test_export_to_stdout_and_import_from_stdin(cli, quiz_home, tmp_path):
    fill(quiz_home, n=2)
    r = cli("progress", "export", "-")
    assert r.exit_code == 0 and json.loads(r.stdout)["reviews"][0]["question_id"] == "q0"
    assert "Exported 2 answers" in r.stderr
    r = cli("progress", "import", "-", "--home", tmp_path / "h2", input=r.stdout)
    assert r.exit_code == 0 and "Imported 2 new answers" in r.stdout


def test_export_never_overwrites_silently(cli, quiz_home, tmp_path):
    fill(quiz_home, n=1)
    out = tmp_path / "keep.json"
    out.write_text("precious")
    r = cli("progress", "export", out)
    assert r.exit_code == 2 and "already exists" in r.stderr and "--force" in r.stderr
    assert out.read_text() == "precious"
    assert cli("progress", "export", out, "--force").exit_code == 0
    assert json.loads(out.read_text())["format"] == "quizcli-progress"


@pytest.mark.parametrize("content,message", [
    (None, "does not exist"),
    (b"\xff\xfe", "not UTF-8"),
    (b"{not json", "not valid JSON (line 1"),
    (b'{"format": "anki"}', "not a quizcli progress export"),
    (b'{"format": "quizcli-progress", "version": 9, "reviews": []}', "newer quizcli (format version 9"),
    (b'{"format": "quizcli-progress", "version": 1, "reviews": [{"uid": "x", "question_id": "q",'
     b' "reviewed_at": "2025-03-03T09:00:00Z", "rating": 7}]}', "reviews[0].rating"),
    (b'{"format": "quizcli-progress", "version": 1, "reviews": [{"uid": "x", "question_id": "q",'
     b' "reviewed_at": "last tuesday", "rating": 3}]}', "reviews[0].reviewed_at"),
    (b'{"format": "quizcli-progress", "version": 1, "reviews": [{"uid": "x", "question_id": "q",'
     b' "reviewed_at": "2025-03-03T09:00:00Z", "rating": 3, "score": 80}]}', "reviews[0].score"),
    (b'{"format": "quizcli-progress", "version": 1, "reviews": [{"uid": "x", "question_id": "q",'
     b' "reviewed_at": "2025-03-03T09:00:00Z", "rating": 3, "session": "nope"}]}', "no session"),
])
def test_bad_import_files_get_one_line_and_change_nothing(cli, quiz_home, tmp_path, content, message):
    fill(quiz_home, n=2)
    before = snapshot(quiz_home)
    f = tmp_path / "in.json"
    if content is not None:
        f.write_bytes(content)
    r = cli("progress", "import", f)
    assert r.exit_code == 2 and message in r.stderr, r
    assert len(r.stderr.strip().splitlines()) == 1
    assert snapshot(quiz_home) == before


def test_import_normalises_times_so_identity_and_order_hold(cli, quiz_home, tmp_path):
    doc = {"format": "quizcli-progress", "version": 1, "sessions": [], "reviews": [
        {"uid": "u1", "question_id": "q", "reviewed_at": "2025-03-03T18:00:00+09:00", "rating": 3},
        {"uid": "u2", "question_id": "q", "reviewed_at": "2025-03-05T09:00:00Z", "rating": 3}]}
    f = tmp_path / "in.json"
    f.write_text(json.dumps(doc))
    assert cli("progress", "import", f).exit_code == 0
    with open_store(quiz_home) as s:
        rows = s.reviews("q")
        assert [r.reviewed_at for r in rows] == [T0, T0 + timedelta(days=2)]
        assert s.card("q").reps == 2


def test_rebuild_after_a_parameter_change(cli, quiz_home):
    fill(quiz_home)
    r = cli("progress", "rebuild")
    assert r.exit_code == 0 and "Rebuilt 3 schedules from 6 answers (0 changed)." in r.stdout
    db = sqlite3.connect(quiz_home / "progress.sqlite3")
    db.execute("UPDATE cards SET due = '2099-01-01T00:00:00.000000+00:00', stability = 1e6")
    db.commit()
    db.close()
    r = cli("progress", "rebuild")
    assert "(3 changed)" in r.stdout
    with open_store(quiz_home) as s:
        assert all(c.due.year == 2025 for c in s.cards())


def test_rebuild_uses_fsrs_reschedule_card(quiz_home):
    from fsrs import Card, Rating, ReviewLog, Scheduler

    from quizcli.store.db import card_id_for

    fill(quiz_home, n=9)
    custom = Scheduler(desired_retention=0.8, enable_fuzzing=False)
    with open_store(quiz_home, scheduler=custom) as s:
        assert s.rebuild().changed > 0  # a different retention target moves the due dates
        for qid in ("q0", "q1", "q2"):
            logs = [ReviewLog(card_id_for(qid), Rating(r.rating), r.reviewed_at, None)
                    for r in s.reviews(qid)]
            expected = custom.reschedule_card(Card(card_id=card_id_for(qid)), logs)
            assert s.card(qid).due == expected.due


def test_reset_asks_backs_up_and_can_be_undone(cli, quiz_home):
    fill(quiz_home)
    before = snapshot(quiz_home)
    r = cli("progress", "reset", input="n\n")
    assert r.exit_code == 1 and "Delete all 6 answers" in r.stdout and "Nothing was changed" in r.stdout
    assert snapshot(quiz_home) == before
    r = cli("progress", "reset")  # no answer at all (EOF): refused, clearly
    assert r.exit_code == 2 and "--yes" in r.stderr and snapshot(quiz_home) == before
    r = cli("progress", "reset", input="y\n")
    assert r.exit_code == 0, r
    backups = list((quiz_home / "backups").glob("progress-*.json"))
    assert len(backups) == 1 and str(backups[0]) in r.stdout
    assert snapshot(quiz_home) == {"reviews": [], "cards": [], "sessions": []}
    assert json.loads(backups[0].read_text())["reviews"].__len__() == 6
    r = cli("progress", "import", backups[0])
    assert "Imported 6 new answers" in r.stdout
    after = snapshot(quiz_home)
    assert [row[1:] for row in after["reviews"]] == [row[1:] for row in before["reviews"]]
    assert after["cards"] == before["cards"]


def test_reset_yes_and_empty(cli, quiz_home):
    r = cli("progress", "reset", "--yes")
    assert r.exit_code == 0 and "no progress to reset" in r.stdout
    fill(quiz_home, n=2)
    r = cli("progress", "reset", "--yes", "--lang", "ko")
    assert r.exit_code == 0 and "답변 2개를" in r.stdout and "되돌리기: quiz progress import" in r.stdout
    assert snapshot(quiz_home)["reviews"] == []
    # a second reset in the same second gets its own backup file
    fill(quiz_home, n=1)
    assert cli("progress", "reset", "-y").exit_code == 0
    assert len(list((quiz_home / "backups").iterdir())) == 2


def test_progress_without_subcommand_shows_help(cli):
    r = cli("progress")
    assert "export" in r.stdout and "import" in r.stdout and "reset" in r.stdout
