"""The progress store: migrations, FSRS scheduling checked against fsrs itself, question order."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizcli.ratings import rating_value as parse_rating
from quizcli.store import open_store
from quizcli.store.db import card_id_for
from quizcli.store.migrations import MIGRATIONS

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)  # a Monday, 09:00 UTC
CHAIN = ["relu-vs-sigmoid", "relu-not-differentiable", "leaky-relu", "tanh-vs-sigmoid"]
PARENTS = {"relu-not-differentiable": "relu-vs-sigmoid", "leaky-relu": "relu-vs-sigmoid"}


@pytest.fixture
def store(quiz_home):
    s = open_store(quiz_home, enable_fuzzing=False, clock=lambda: T0)
    yield s
    s.close()


def fsrs_direct():
    from fsrs import Scheduler

    return Scheduler(enable_fuzzing=False)


def test_fresh_database_records_its_migrations(quiz_home):
    from quizcli.store.migrations import MIGRATIONS

    with open_store(quiz_home) as s:
        names = [r[0] for r in s.db.execute("SELECT name FROM _migrations ORDER BY rowid")]
        assert names == [fn.__name__ for fn in MIGRATIONS] and names[0] == "m001_initial"
        assert s.schema_version == len(MIGRATIONS)
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.path == quiz_home / "progress.sqlite3"
    with open_store(quiz_home) as s:  # reopening applies nothing twice
        assert s.db.execute("SELECT COUNT(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)


def test_home_comes_from_argument_then_env(tmp_path, quiz_home):
    with open_store() as s:
        assert s.path == quiz_home / "progress.sqlite3"
    other = tmp_path / "elsewhere"
    with open_store(str(other)) as s:
        assert s.path == other / "progress.sqlite3" and s.path.exists()


def test_card_id_is_stable_across_processes_and_distinct():
    code = "from quizcli.store.db import card_id_for; print(card_id_for('relu-vs-sigmoid'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) == card_id_for("relu-vs-sigmoid")
    ids = {card_id_for(q) for q in CHAIN + [f"q{i}" for i in range(1000)]}
    assert len(ids) == 1004 and all(0 < i < 2**63 for i in ids)


def test_parse_rating_accepts_numbers_names_and_rejects_the_rest():
    from fsrs import Rating

    assert [parse_rating(x) for x in (1, "2", "Good", "EASY", Rating.Hard)] == [1, 2, 3, 4, 2]
    for bad in (0, 5, "great", True, 2.5, None):
        with pytest.raises(ValueError):
            parse_rating(bad)


def test_record_review_validates_input(store):
    with pytest.raises(ValueError):
        store.record_review("", 3)
    with pytest.raises(ValueError):
        store.record_review("relu-vs-sigmoid", 3, score=1.5)
    with pytest.raises(ValueError):
        store.record_review("relu-vs-sigmoid", 3, covered=[1, 2])
    with pytest.raises(ValueError):
        store.record_review("relu-vs-sigmoid", 3, session_id=999)
    assert store.review_count() == 0  # nothing half-written


def test_record_review_stores_everything_and_matches_fsrs(store):
    from fsrs import Card, Rating

    sid = store.start_session(when=T0)
    res = store.record_review("relu-vs-sigmoid", "good", score=0.6,
                              covered=["vanishing-gradient", "sparsity", "compute-cost"],
                              missed=["not-zero-centered", "dying-relu"], lang="ko",
                              duration_s=42.5, when=T0, session_id=sid,
                              tags=["activation", "relu"])
    store.end_session(sid, when=T0 + timedelta(minutes=5))
    card, _ = fsrs_direct().review_card(Card(card_id=card_id_for("relu-vs-sigmoid"), due=T0),
                                        Rating.Good, review_datetime=T0)
    assert (res.due, res.stability, res.difficulty) == (card.due, card.stability, card.difficulty)
    assert res.due == T0 + timedelta(minutes=10) and res.state == "learning"
    [r] = store.reviews()
    assert (r.question_id, r.rating, r.score, r.lang, r.duration_s, r.session_id) == (
        "relu-vs-sigmoid", 3, 0.6, "ko", 42.5, sid)
    assert r.covered == ("vanishing-gradient", "sparsity", "compute-cost")
    assert r.missed == ("not-zero-centered", "dying-relu")
    assert r.tags == ("activation", "relu") and r.state_before is None
    assert store.db.execute("SELECT ended_at FROM sessions").fetchone()[0].startswith("2025-03-03T09:05")


def simulate_week(store, ratings_by_day):
    """Each morning: ask what order_questions says, answer each with the day's rating for it.
    Mirrors every review on fsrs directly; returns the direct cards."""
    from fsrs import Card, Rating

    direct = fsrs_direct()
    cards = {}
    asked = []
    for day in range(7):
        morning = T0 + timedelta(days=day)
        todo = store.order_questions(CHAIN + ["why-nonlinearity", "he-init"], PARENTS,
                                     now=morning, new_limit=3)
        asked.append(todo)
        for i, qid in enumerate(todo):
            when = morning + timedelta(minutes=3 * i)
            rating = ratings_by_day(day, qid)
            res = store.record_review(qid, rating, score=rating / 4, covered=[], missed=[],
                                      lang="en", duration_s=30, when=when, tags=["activation"])
            start = cards.get(qid) or Card(card_id=card_id_for(qid), due=when)
            cards[qid], _ = direct.review_card(start, Rating(rating), review_datetime=when)
            assert res.due == cards[qid].due
    return cards, asked


def test_a_week_of_reviews_schedules_exactly_as_fsrs_says(store):
    pattern = {0: 3, 1: 1, 2: 3, 3: 4, 4: 2, 5: 3, 6: 3}
    cards, asked = simulate_week(store, lambda day, qid: 1 if qid == "leaky-relu" else pattern[day])
    # day 1: three new questions, a follow-up right after its parent the first time
    assert asked[0] == ["relu-vs-sigmoid", "relu-not-differentiable", "leaky-relu"]
    assert set(asked[1]) >= {"relu-vs-sigmoid", "relu-not-differentiable", "leaky-relu"}
    for qid, card in cards.items():
        row = store.card(qid)
        assert row.due == card.due, qid
        assert row.stability == pytest.approx(card.stability, rel=1e-12)
        assert row.difficulty == pytest.approx(card.difficulty, rel=1e-12)
        assert row.state == card.state.name.lower()
        assert row.reps == len(store.reviews(qid))
    # the store's own replay (fsrs reschedule_card) agrees with what it stored
    assert store.rebuild().changed == 0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(0, 60 * 24 * 20)), min_size=1, max_size=25))
def test_any_history_matches_fsrs_and_reschedule(tmp_path_factory, history):
    from fsrs import Card, Rating, ReviewLog, State

    home = tmp_path_factory.mktemp("h")
    direct = fsrs_direct()
    with open_store(home, enable_fuzzing=False) as s:
        when, card, lapses, logs = T0, None, 0, []
        for rating, gap_minutes in history:
            when = when + timedelta(minutes=gap_minutes)
            lapses += int(card is not None and card.state == State.Review and rating == 1)
            card, log = direct.review_card(card or Card(card_id=card_id_for("q"), due=when),
                                           Rating(rating), review_datetime=when)
            logs.append(log)
            s.record_review("q", rating, when=when)
        row = s.card("q")
        assert (row.due, row.state, row.reps, row.lapses) == (
            card.due, card.state.name.lower(), len(history), lapses)
        again = direct.reschedule_card(Card(card_id=card_id_for("q")), logs)
        assert again.due == row.due
        assert s.rebuild().changed == 0
        assert s.card("q") == row


def test_out_of_order_answer_is_replayed_in_time_order(store):
    from fsrs import Card, Rating

    store.record_review("q", 3, when=T0)
    store.record_review("q", 3, when=T0 + timedelta(days=3))
    store.record_review("q", 1, when=T0 + timedelta(days=1))  # dated before the last one
    direct = fsrs_direct()
    card = Card(card_id=card_id_for("q"), due=T0)
    for rating, day in ((3, 0), (1, 1), (3, 3)):
        card, _ = direct.review_card(card, Rating(rating), review_datetime=T0 + timedelta(days=day))
    assert store.card("q").due == card.due and store.card("q").reps == 3


def test_fresh_user_starts_with_relu_vs_sigmoid_then_its_follow_ups(store):
    order = store.order_questions(CHAIN + ["why-nonlinearity"], PARENTS)
    assert order[:4] == ["relu-vs-sigmoid", "relu-not-differentiable", "leaky-relu",
                         "tanh-vs-sigmoid"]


def test_follow_up_follows_its_parent_even_when_listed_first(store):
    # curriculum lists the follow-up before its parent: it still waits for the parent
    order = store.order_questions(["leaky-relu", "tanh-vs-sigmoid", "relu-vs-sigmoid"],
                                  {"leaky-relu": "relu-vs-sigmoid"})
    assert order == ["tanh-vs-sigmoid", "relu-vs-sigmoid", "leaky-relu"]
    # without room for the parent, the follow-up is not asked at all
    assert store.order_questions(["leaky-relu", "relu-vs-sigmoid"],
                                 {"leaky-relu": "relu-vs-sigmoid"}, new_limit=0) == []


def test_due_first_most_overdue_first_then_new_within_the_daily_limit(store):
    ids = [f"q{i}" for i in range(20)]
    # q5 answered 3 days ago (due after 10 min, learning), q2 answered 1 day ago
    store.record_review("q5", 3, when=T0 - timedelta(days=3))
    store.record_review("q2", 3, when=T0 - timedelta(days=1))
    order = store.order_questions(ids, {}, now=T0, new_limit=4)
    assert order == ["q5", "q2", "q0", "q1", "q3", "q4"]
    # questions first answered today count against today's limit
    store.record_review("q0", 3, when=T0)
    store.record_review("q1", 3, when=T0 + timedelta(minutes=1))
    later = T0 + timedelta(minutes=2)  # q0, q1 not due yet (learning step 10 min)
    assert store.order_questions(ids, {}, now=later, new_limit=4) == ["q5", "q2", "q3", "q4"]
    # next day the budget is fresh
    nxt = store.order_questions(ids, {}, now=T0 + timedelta(days=1), new_limit=2)
    assert nxt[-2:] == ["q3", "q4"] and set(nxt[:-2]) == {"q0", "q1", "q2", "q5"}


def test_a_new_follow_up_of_a_due_parent_comes_right_after_it(store):
    store.record_review("relu-vs-sigmoid", 3, when=T0 - timedelta(days=5))
    store.record_review("tanh-vs-sigmoid", 3, when=T0 - timedelta(days=6))
    order = store.order_questions(CHAIN, PARENTS, now=T0, new_limit=10)
    assert order == ["tanh-vs-sigmoid", "relu-vs-sigmoid", "relu-not-differentiable", "leaky-relu"]


def test_deleted_questions_are_never_ordered(store):
    store.record_review("gone", 1, when=T0 - timedelta(days=2))
    assert store.order_questions(["a", "b"], {}, now=T0) == ["a", "b"]


def test_fuzzing_is_on_by_default_and_off_with_env(quiz_home, monkeypatch):
    with open_store(quiz_home) as s:
        assert s.scheduler.enable_fuzzing is True
    monkeypatch.setenv("QUIZ_FSRS_FUZZ", "0")
    with open_store(quiz_home) as s:
        assert s.scheduler.enable_fuzzing is False
    with open_store(quiz_home, enable_fuzzing=True) as s:
        assert s.scheduler.enable_fuzzing is True


def test_quiz_now_freezes_the_clock(quiz_home, monkeypatch):
    monkeypatch.setenv("QUIZ_NOW", "2025-03-03T09:00:00Z")
    with open_store(quiz_home) as s:
        assert s.record_review("q", 3).reviewed_at == T0
    monkeypatch.setenv("QUIZ_NOW", "yesterday")
    from quizcli.errors import InvalidValue

    with open_store(quiz_home) as s, pytest.raises(InvalidValue, match="QUIZ_NOW='yesterday'"):
        s.record_review("q", 3)


def test_lapses_count_again_in_review_state_only(store):
    when = T0
    for _ in range(4):  # Again while learning: not a lapse
        store.record_review("q", 1, when=when)
        when += timedelta(minutes=2)
    assert store.card("q").lapses == 0
    store.record_review("q", 4, when=when)  # Easy: graduates to Review
    assert store.card("q").state == "review"
    store.record_review("q", 1, when=when + timedelta(days=20))
    row = store.card("q")
    assert row.lapses == 1 and row.state == "relearning"
    assert [r.state_before for r in store.reviews("q")][-2:] == ["learning", "review"]


def test_export_is_json_serialisable_and_versioned(store):
    store.record_review("q", 3, score=0.5, covered=["a"], missed=["b"], when=T0, tags=["t"])
    data = json.loads(json.dumps(store.export_data()))
    assert (data["format"], data["version"], data["schema"]) == ("quizcli-progress", 1, len(MIGRATIONS))
    assert data["reviews"][0]["reviewed_at"] == "2025-03-03T09:00:00.000000+00:00"


def test_the_real_bank_order_for_a_fresh_user(store):
    from quizcli.bank.loader import load_bank
    from quizcli.store.bankview import curriculum

    ids, parents = curriculum(load_bank())
    first_day = store.order_questions(ids, parents)
    assert first_day[:4] == ["relu-vs-sigmoid", "relu-not-differentiable", "leaky-relu",
                             "tanh-vs-sigmoid"]
    assert len(first_day) == 10 == len(set(first_day))
    everything = store.order_questions(ids, parents, new_limit=10_000)
    assert sorted(everything) == sorted(ids)
    for child, parent in parents.items():
        assert everything.index(parent) < everything.index(child), child


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 12), limit=st.integers(0, 15), data=st.data())
def test_order_property_fresh_user(tmp_path_factory, n, limit, data):
    ids = [f"q{i}" for i in range(n)]
    parents = data.draw(st.dictionaries(st.sampled_from(ids), st.sampled_from(ids), max_size=n))
    parents = {c: p for c, p in parents.items() if c != p}
    with open_store(tmp_path_factory.mktemp("h"), clock=lambda: T0) as s:
        order = s.order_questions(ids, parents, new_limit=limit)
    assert len(order) == len(set(order)) == min(limit, n)  # nothing lost, nothing twice

    def acyclic_root(q, hops=0):
        return hops <= n and (q not in parents or acyclic_root(parents[q], hops + 1))

    for child in order:
        if child in parents and acyclic_root(child):
            assert parents[child] in order[:order.index(child)]  # never before its parent


def test_a_new_migration_is_applied_once_in_order_and_keeps_the_logs(quiz_home, monkeypatch):
    import quizcli.store.db as dbmod
    from quizcli.store.migrations import MIGRATIONS

    known = [fn.__name__ for fn in MIGRATIONS]

    with open_store(quiz_home, enable_fuzzing=False) as s:
        s.record_review("relu-vs-sigmoid", 3, when=T0)
    calls = []

    def m999_add_note(db):
        calls.append(1)
        db.execute("ALTER TABLE reviews ADD COLUMN note TEXT")

    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS + [m999_add_note])
    for _ in range(2):
        with open_store(quiz_home) as s:
            assert s.schema_version == len(MIGRATIONS) + 1
            names = [r[0] for r in s.db.execute("SELECT name FROM _migrations ORDER BY rowid")]
            assert names == known + ["m999_add_note"]
            assert s.review_count() == 1 and s.card("relu-vs-sigmoid").reps == 1
    assert calls == [1]
    # and the version this code knows (1) now refuses that database
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    from quizcli.errors import StoreError

    with pytest.raises(StoreError, match="newer quizcli"):
        open_store(quiz_home)


def test_a_failing_migration_leaves_the_database_as_it_was(quiz_home, monkeypatch):
    import quizcli.store.db as dbmod
    from quizcli.store.migrations import MIGRATIONS

    with open_store(quiz_home) as s:
        s.record_review("q", 3, when=T0)

    def m999_broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("bug in a migration")

    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS + [m999_broken])
    with pytest.raises(RuntimeError):
        open_store(quiz_home)
    monkeypatch.setattr(dbmod, "MIGRATIONS", MIGRATIONS)
    with open_store(quiz_home) as s:
        assert s.schema_version == len(MIGRATIONS) and s.review_count() == 1
        assert not s.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").fetchone()


def test_rebuild_with_fuzzing_reproduces_the_live_schedule(quiz_home):
    # fuzz is drawn from a generator seeded by (card, review time): a replay of the log must
    # land on the very due dates the live reviews produced, however often it runs
    from datetime import datetime, timedelta, timezone

    from quizcli.store import open_store

    start = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)
    with open_store(quiz_home, enable_fuzzing=True) as st:
        for qid in ("relu-vs-sigmoid", "leaky-relu", "tanh-vs-sigmoid"):
            when = start
            for rating in (3, 3, 4, 3, 3, 4):
                st.record_review(qid, rating, 1.0, [], [], "en", 10.0, when=when)
                card = {c.question_id: c for c in st.cards()}[qid]
                when = card.due + timedelta(hours=1)
        live = {c.question_id: c.due for c in st.cards()}
        assert any((d - start).days > 20 for d in live.values())  # long enough to be fuzzed
        for _ in range(3):
            result = st.rebuild()
            assert result.changed == 0
            assert {c.question_id: c.due for c in st.cards()} == live
