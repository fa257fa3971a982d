"""`quiz stats`: the numbers (due, per day, retention, mastery, missed, leeches, streak), the
week-long FSRS simulation seen through `quiz stats --json`, the empty state, and rendering."""

from __future__ import annotations

import contextlib
import json
import os
import time
from datetime import datetime, timedelta, timezone

import pytest

from quizcli.store import open_store
from quizcli.store.db import card_id_for
from quizcli.store.stats import compute_stats

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)


@contextlib.contextmanager
def local_zone(name: str):
    """Set the process's local time zone (TZ + tzset) and put the old one back."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


@pytest.fixture
def utc():
    """Calendar days in UTC for these tests (the CLI uses the system's zone)."""
    with local_zone("UTC"):
        yield


@pytest.fixture
def store(quiz_home):
    s = open_store(quiz_home, enable_fuzzing=False, clock=lambda: T0)
    yield s
    s.close()


def bank():
    from quizcli.bank.loader import load_bank

    return {q.id: q for q in load_bank()}


def test_new_user_sees_a_friendly_empty_state(cli):
    r = cli("stats")
    assert r.exit_code == 0, r
    assert "No answers yet" in r.stdout
    assert "quiz ask" in r.stdout and "Why use ReLU instead of sigmoid?" in r.stdout
    assert "0%" not in r.stdout and "Error" not in r.stdout + r.stderr
    data = json.loads(cli("stats", "--json").stdout)
    assert data["empty"] is True and data["reviews"] == 0
    assert data["due"] == {"now": 0, "today": 0, "week": 0, "new": len(bank())}
    assert [d["reviews"] for d in data["per_day"]] == [0] * 30
    assert data["retention"]["share"] is None and data["first_question"] == "relu-vs-sigmoid"
    ko = cli("stats", "--lang", "ko")
    assert "아직 답변 기록이 없습니다" in ko.stdout and "sigmoid 대신 ReLU를" in ko.stdout


def test_a_simulated_week_schedules_as_fsrs_says_and_stats_json_shows_it(cli, quiz_home, utc, monkeypatch):
    """Seven mornings of `order_questions` + answers with a fixed clock, mirrored on fsrs
    directly; then `quiz stats --json` at the end of the week must show fsrs's schedule."""
    from fsrs import Card, Rating, Scheduler

    from quizcli.store.bankview import curriculum

    b = bank()
    ids, parents = curriculum(b.values())
    direct = Scheduler(enable_fuzzing=False)
    cards: dict = {}
    ratings = [3, 1, 3, 4, 2, 3, 3]
    answers = 0
    with open_store(quiz_home, enable_fuzzing=False) as s:
        for day in range(7):
            morning = T0 + timedelta(days=day)
            todo = s.order_questions(ids, parents, now=morning, new_limit=3)
            if day == 0:
                assert todo == ["relu-vs-sigmoid", "relu-not-differentiable", "leaky-relu"]
            for i, qid in enumerate(todo):
                when = morning + timedelta(minutes=5 * i)
                rating = ratings[(day + i) % 7]
                q = b[qid]
                kps = [k.id for k in q.key_points]
                s.record_review(qid, rating, score=(rating - 1) / 3, covered=kps[1:],
                                missed=kps[:1], lang="en", duration_s=60, when=when,
                                tags=list(q.tags))
                start = cards.get(qid) or Card(card_id=card_id_for(qid), due=when)
                cards[qid], _ = direct.review_card(start, Rating(rating), review_datetime=when)
                answers += 1
    end = T0 + timedelta(days=6, hours=10)  # Sunday 19:00 UTC
    monkeypatch.setenv("QUIZ_NOW", end.isoformat())
    data = json.loads(cli("stats", "--json").stdout)
    shown = {c["question_id"]: c for c in data["cards"]}
    assert set(shown) == set(cards)
    for qid, card in cards.items():
        assert datetime.fromisoformat(shown[qid]["due"]) == card.due, qid
        assert shown[qid]["state"] == card.state.name.lower()
        assert shown[qid]["stability"] == pytest.approx(card.stability, rel=1e-12)
    dues = [c.due for c in cards.values()]
    end_of_day = datetime(2025, 3, 10, tzinfo=timezone.utc)
    assert data["due"]["now"] == sum(d <= end for d in dues)
    assert data["due"]["today"] == sum(d < end_of_day for d in dues)
    assert data["due"]["week"] == sum(d < end_of_day + timedelta(days=6) for d in dues)
    assert data["due"]["new"] == len(b) - len(cards)
    assert data["reviews"] == answers and data["streak"]["current"] == 7
    assert sum(d["reviews"] for d in data["per_day"]) == answers
    assert data["per_day"][-1]["day"] == "2025-03-09" and data["per_day"][-7]["day"] == "2025-03-03"
    assert all(d["reviews"] > 0 for d in data["per_day"][-7:])
    rendered = cli("stats").stdout
    assert f"{answers} answers to {len(cards)} questions" in rendered
    assert "Streak: 7 days in a row (longest 7)" in rendered


def test_numbers_retention_mastery_missed_leeches(store, utc):
    # q-a: tags x,y; answered 3 times, latest score 0.5; misses kp1 twice
    store.record_review("q-a", 3, score=1.0, missed=[], when=T0 - timedelta(days=2), tags=["x", "y"])
    store.record_review("q-a", 1, score=0.2, missed=["kp1", "kp2"], when=T0 - timedelta(days=1), tags=["x", "y"])
    store.record_review("q-a", 4, score=0.5, missed=["kp1"], when=T0, tags=["x", "y"])
    # q-b: tag x, latest score 0.9; q-c: no score (self-rated): not in mastery
    store.record_review("q-b", 2, score=0.9, missed=["kp9"], when=T0, tags=["x"])
    store.record_review("q-c", 3, when=T0, tags=["z"])
    r = compute_stats(store, now=T0 + timedelta(hours=1))
    assert r.retention.good_or_easy == 3 and r.retention.reviews == 5
    assert r.retention.share == pytest.approx(0.6)
    assert [(m.tag, round(m.mastery, 6), m.answered) for m in r.mastery] == [
        ("y", 0.5, 1), ("x", 0.7, 2)]
    assert [(p.question_id, p.key_point_id, p.missed, p.answers) for p in r.most_missed] == [
        ("q-a", "kp1", 2, 3), ("q-a", "kp2", 1, 3), ("q-b", "kp9", 1, 1)]
    assert r.leeches == [] and r.questions_answered == 3 and not r.bank_loaded


def test_leech_after_four_lapses(store, utc):
    when = T0
    store.record_review("hard-one", 4, when=when)  # straight to Review
    for _ in range(4):
        when += timedelta(days=30)
        store.record_review("hard-one", 1, when=when)  # lapse
        when += timedelta(minutes=15)
        store.record_review("hard-one", 4, when=when)  # back to Review
    store.record_review("fine", 1, when=when)
    r = compute_stats(store, now=when)
    assert [(l.question_id, l.lapses, l.reviews) for l in r.leeches] == [("hard-one", 4, 9)]


def test_streak_counts_local_days_and_survives_until_today_ends(store, utc):
    for days_ago in (0, 1, 2, 4, 5, 6, 7):
        store.record_review("q", 3, when=T0 - timedelta(days=days_ago))
    r = compute_stats(store, now=T0)
    assert (r.streak.current, r.streak.longest, r.streak.reviewed_today) == (3, 4, True)
    r = compute_stats(store, now=T0 + timedelta(days=1))  # nothing yet today: still 3
    assert (r.streak.current, r.streak.reviewed_today) == (3, False)
    assert compute_stats(store, now=T0 + timedelta(days=2)).streak.current == 0


def test_days_are_local_calendar_days(store):
    with local_zone("KST-9"):  # POSIX form: UTC+9 without needing tzdata
        late = datetime(2025, 3, 3, 16, 30, tzinfo=timezone.utc)  # 01:30 on the 4th in Seoul
        store.record_review("q", 3, when=late)
        r = compute_stats(store, now=late)
        assert r.per_day[-1].day == "2025-03-04" and r.per_day[-1].reviews == 1
        assert store.new_introduced_on_day(late) == 1
        assert store.new_introduced_on_day(datetime(2025, 3, 3, 14, 0, tzinfo=timezone.utc)) == 0


def test_due_counts_use_today_and_the_next_seven_days(store, utc):
    store.record_review("now", 3, when=T0 - timedelta(hours=2))  # due 10 min later: overdue
    store.record_review("later-today", 3, when=T0 + timedelta(hours=5))  # due 14:10 today
    store.record_review("in-5-days", 4, when=T0)  # Easy: due in days
    due = store.card("in-5-days").due
    r = compute_stats(store, now=T0)
    assert (r.due.now, r.due.today) == (1, 2)
    assert r.due.week == 2 + int(due < datetime(2025, 3, 10, tzinfo=timezone.utc))
    assert r.due.new is None


def test_deleted_question_keeps_its_stored_tags_but_is_not_due(store, utc):
    b = bank()
    store.record_review("question-that-was-deleted", 1, score=0.0, missed=["k"],
                        when=T0 - timedelta(days=3), tags=["old-topic"])
    store.record_review("relu-vs-sigmoid", 3, score=1.0, missed=[], when=T0 - timedelta(days=3),
                        tags=["stale-tag"])
    r = compute_stats(store, now=T0, bank=b)
    tags = {m.tag: m for m in r.mastery}
    assert tags["old-topic"].mastery == 0.0 and tags["old-topic"].total == 0
    assert "stale-tag" not in tags  # the bank's current tags win for a question it has
    assert tags["activation"].answered == 1 and tags["activation"].total > 1
    assert r.due.now == 1  # only relu-vs-sigmoid; the deleted one is never asked
    assert r.most_missed[0].question is None and r.most_missed[0].question_id == "question-that-was-deleted"


def test_rendered_stats_in_both_languages_narrow_and_literal(cli, quiz_home, utc, monkeypatch):
    with open_store(quiz_home, enable_fuzzing=False) as s:
        for d in range(3):
            s.record_review("relu-vs-sigmoid", 3 if d else 1, score=0.4,
                            covered=["vanishing-gradient"], missed=["dying-relu"],
                            when=T0 + timedelta(days=d), tags=["activation"])
        s.record_review("ghost", 1, score=0.1, missed=["[bold]x[/]\x1b[31m"],
                        when=T0, tags=["[red]tag"])
    monkeypatch.setenv("QUIZ_NOW", (T0 + timedelta(days=2, hours=1)).isoformat())
    en = cli("stats")
    assert en.exit_code == 0, en
    assert "Retention: 50% of answers rated Good or Easy (2 of 4)" in en.stdout
    assert "dying-relu" in en.stdout and "Why use ReLU instead of sigmoid?" in en.stdout
    assert "3 of 3" in en.stdout and "│ [red]tag" in en.stdout and " 1/0 " not in en.stdout
    assert "[bold]x[/]\\x1b[31m" in en.stdout and "[red]tag" in en.stdout and "\x1b" not in en.stdout
    ko = cli("stats", "--lang", "ko")
    from quizcli.ratings import rating_name

    # the rating names quiz ask shows (좋음, 쉬움), not the English ones (issue 11)
    good, easy = rating_name(3, "ko"), rating_name(4, "ko")
    assert f"기억 유지율: 답변의 50%를 {good}/{easy}으로 평가 (4번 중 2번)" in ko.stdout
    assert "Good" not in ko.stdout and "Easy" not in ko.stdout
    assert "sigmoid 대신 ReLU를 사용하는" in ko.stdout and "누락" in ko.stdout
    assert "3번 중 3번" in ko.stdout  # dying-relu missed in all 3 answers to its question
    narrow = cli("stats", env={"COLUMNS": "50"})
    assert narrow.exit_code == 0
    lines = narrow.stdout.splitlines()
    assert lines[-1].startswith("Data: ") and lines[-1].endswith("progress.sqlite3")  # one line
    assert max(len(line) for line in lines[:-1]) <= 50  # the path alone may overflow, to copy it
    ascii_out = cli("stats", "--ascii").stdout
    assert "╭" not in ascii_out and "+--" in ascii_out


def test_stats_help_explains_the_definitions(cli):
    r = cli("stats", "--help")
    assert r.exit_code == 0 and "retention" in r.stdout.lower() and "leech" in r.stdout.lower()
