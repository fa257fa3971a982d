"""Desired retention as a setting (`quiz config`), true retention and the workload forecast
in `quiz stats`, and what a leech keeps missing."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from fsrs_sim import simulate
from quizcli.store import open_store
from quizcli.store.forecast import simulate_workload
from quizcli.store.stats import compute_stats

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("bad", ["0.5", "0.69", "0.98", "1", "abc", "nan", ""])
def test_retention_outside_0_7_to_0_97_is_one_line_and_exit_2(cli, bad):
    r = cli("config", "set", "retention", bad)
    assert r.exit_code == 2 and r.stdout == "", r
    assert len(r.stderr.strip().splitlines()) == 1 and "0.7" in r.stderr and "0.97" in r.stderr
    assert json.loads(cli("config", "get", "--json").stdout)["settings"]["retention"] == 0.9


def test_unknown_setting_is_one_line(cli):
    r = cli("config", "set", "colour", "blue")
    assert r.exit_code == 2 and "Unknown setting 'colour'" in r.stderr


def test_config_set_get_and_the_scheduler_uses_it(cli, quiz_home, monkeypatch):
    monkeypatch.setenv("QUIZ_FSRS_FUZZ", "0")  # the CLI's rebuilds, like the store here
    r = cli("config", "get")
    assert r.exit_code == 0 and "retention = 0.9  (default)" in r.stdout
    assert "fsrs defaults" in r.stdout
    # the same answers, scheduled at 0.9 and then at 0.8: lower retention, longer intervals
    with open_store(quiz_home, enable_fuzzing=False) as s:
        s.record_review("q", 3, when=T0)
        s.record_review("q", 3, when=T0 + timedelta(minutes=10))  # graduates to Review
        s.record_review("q", 3, when=T0 + timedelta(days=3))
        at_90 = s.card("q").due
    for edge in ("0.7", "0.97"):
        assert cli("config", "set", "retention", edge).exit_code == 0
    r = cli("config", "set", "retention", "0.8")
    assert r.exit_code == 0 and "retention = 0.8 (was 0.97)" in r.stdout
    assert json.loads(cli("config", "get", "retention", "--json").stdout)["settings"] == {
        "retention": 0.8}
    with open_store(quiz_home, enable_fuzzing=False) as s:
        assert s.scheduler.desired_retention == 0.8
        at_80 = s.card("q").due  # rebuilt by `config set`
        assert at_80 > at_90
        assert s.rebuild().changed == 0  # and the log reproduces it


def test_true_retention_counts_only_reviews_of_due_cards_young_and_mature(quiz_home):
    with open_store(quiz_home, enable_fuzzing=False) as s:
        steps = [(0, 3), (10 / 1440, 3),  # new, then learning: not counted
                 (5, 3),                    # Review, 5 days after the previous: young, passed
                 (40, 1),                   # Review, 35 days: mature, failed (a lapse)
                 (40 + 10 / 1440, 3),       # relearning step: not counted
                 (45, 2)]                   # Review, 5 days: young, passed (Hard passes)
        for day, rating in steps:
            s.record_review("q", rating, when=T0 + timedelta(days=day))
        report = compute_stats(s, now=T0 + timedelta(days=46), tz=timezone.utc)
    t = report.true_retention.all_time
    assert (t.young.passed, t.young.reviews) == (2, 2)
    assert (t.mature.passed, t.mature.reviews) == (0, 1)
    assert (t.all.passed, t.all.reviews) == (2, 3) and t.all.share == pytest.approx(2 / 3, abs=1e-4)
    month = report.true_retention.last_30_days  # day 16 onwards: the last three
    assert (month.young.reviews, month.mature.reviews) == (1, 1)
    assert report.true_retention.today.all.reviews == 0
    # next to the share rated Good or Easy (4 of 6), which counts every answer
    assert report.retention.good_or_easy == 4 and report.retention.reviews == 6


def test_workload_forecast_in_stats_json_follows_retention(cli, quiz_home, monkeypatch):
    from quizcli.bank.loader import load_bank

    ids = [q.id for q in load_bank([]).questions]
    simulate(quiz_home, ids, days=60, seed=3)
    monkeypatch.setenv("QUIZ_NOW", "2025-03-07T08:00:00Z")  # the day after the simulation
    data = json.loads(cli("stats", "--json").stdout)
    assert data["desired_retention"] == 0.9 and data["parameters"]["fitted"] is False
    w = data["workload"]
    assert [w[k]["retention"] for k in ("lower", "current", "higher")] == [0.85, 0.9, 0.95]
    for k in ("lower", "current", "higher"):
        assert len(w[k]["per_day"]) == w["days"] == 30
        assert w[k]["total"] == pytest.approx(sum(w[k]["per_day"]), abs=0.1)
    assert w["lower"]["total"] < w["current"]["total"] < w["higher"]["total"]
    tr = data["true_retention"]["all_time"]
    assert tr["all"]["reviews"] == tr["young"]["reviews"] + tr["mature"]["reviews"] > 0
    # a new desired retention moves the forecast with it
    assert cli("config", "set", "retention", "0.8").exit_code == 0
    w = json.loads(cli("stats", "--json").stdout)["workload"]
    assert [w[k]["retention"] for k in ("lower", "current", "higher")] == [0.75, 0.8, 0.85]
    text = cli("stats").stdout
    assert "True retention" in text and "Forecast, next 30 days" in text


def test_forecast_of_one_card_due_in_three_days():
    from fsrs import Card, Scheduler, State

    now = T0
    card = Card(card_id=1, state=State.Review, stability=10.0, difficulty=5.0,
                due=now + timedelta(days=3, hours=1), last_review=now - timedelta(days=7))
    f = simulate_workload([card], Scheduler().parameters, 0.9, now, runs=8, tz=timezone.utc)
    assert f.per_day[:3] == [0, 0, 0] and f.per_day[3] >= 1  # its review, plus relearning
    assert simulate_workload([], Scheduler().parameters, 0.9, now, tz=timezone.utc).total == 0
    # new questions: 10 a day, each answered and then its learning step the same day
    f = simulate_workload([], Scheduler().parameters, 0.9, now, new_questions=25, runs=2,
                          tz=timezone.utc)
    assert f.per_day[:2] == [20, 20] and f.per_day[2] >= 10  # + day 0's, due again


def test_a_leech_shows_what_it_keeps_missing_and_where_to_see_it(cli, quiz_home):
    from quizcli.bank.loader import load_bank

    q = load_bank([]).get("relu-vs-sigmoid")
    kps = [kp.id for kp in q.key_points]
    with open_store(quiz_home, enable_fuzzing=False) as s:
        when = T0
        s.record_review(q.id, 4, when=when, missed=[kps[0]])
        for i in range(4):
            when += timedelta(days=30)
            s.record_review(q.id, 1, when=when, missed=[kps[0], kps[1]] if i % 2 else [kps[0]])
            when += timedelta(minutes=15)
            s.record_review(q.id, 4, when=when)
    data = json.loads(cli("stats", "--json").stdout)
    leech = data["leeches"][0]
    assert leech["question_id"] == q.id and leech["lapses"] == 4
    assert [(p["key_point_id"], p["missed"]) for p in leech["missed_points"]] == [
        (kps[0], 5), (kps[1], 2)]
    assert leech["missed_points"][0]["text"]["en"] == q.key_points[0].text["en"]
    assert leech["see_also"] == q.see_commands() and leech["see_also"]
    text = cli("stats", "--width", "200").stdout
    assert "keeps missing: " + kps[0] in text and q.see_commands()[0] in text


def _make_leech(store, qid, start=T0):
    when = start
    store.record_review(qid, 4, when=when)
    for _ in range(4):
        when += timedelta(days=30)
        store.record_review(qid, 1, when=when)
        when += timedelta(minutes=15)
        store.record_review(qid, 4, when=when)
    return when


def test_suspended_questions_leave_the_schedule_and_come_back(cli, quiz_home, monkeypatch):
    from quizcli.bank.loader import load_bank

    bank = load_bank([])
    ids = [q.id for q in bank.questions]
    leech, other = ids[0], ids[1]
    with open_store(quiz_home, enable_fuzzing=False) as s:
        end = _make_leech(s, leech)
        s.record_review(other, 3, when=end)
    monkeypatch.setenv("QUIZ_NOW", (end + timedelta(days=400)).isoformat())  # both due
    with open_store(quiz_home) as s:
        assert sorted(s.order_questions(ids, {}, new_limit=0)) == sorted([leech, other])
    due_before = json.loads(cli("stats", "--json").stdout)["due"]["now"]
    r = cli("progress", "suspend", "--leeches")
    assert r.exit_code == 0 and f"Suspended 1 question: {leech}" in r.stdout
    with open_store(quiz_home) as s:
        assert s.order_questions(ids, {}, new_limit=0) == [other]
        assert leech not in s.order_questions(ids, {}, new_limit=100)
    data = json.loads(cli("stats", "--json").stdout)
    assert data["due"]["now"] == due_before - 1 and data["suspended"] == [leech]
    assert data["leeches"][0]["suspended"] is True
    assert "quiz progress unsuspend " + leech in cli("stats", "--width", "200").stdout
    # an explicit --id still asks it, and the review is recorded
    r = cli("ask", "--id", leech, "--answer", "sigmoid saturates", "--rate", "good", "--json")
    assert r.exit_code == 0, r
    with open_store(quiz_home) as s:
        assert s.card(leech).reps == 10
    assert cli("progress", "unsuspend", leech).exit_code == 0
    with open_store(quiz_home) as s:
        assert s.suspended() == {}
        assert leech in s.order_questions(ids, {}, now=end + timedelta(days=4000), new_limit=0)


def test_suspend_needs_ids_or_leeches_and_known_ids(cli):
    for args in (("progress", "suspend"), ("progress", "suspend", "relu-vs-sigmod"),
                 ("progress", "unsuspend")):
        r = cli(*args)
        assert r.exit_code == 2 and r.stdout == "" and len(r.stderr.strip().splitlines()) == 1
    assert "Did you mean: relu-vs-sigmoid" in cli("progress", "suspend", "relu-vs-sigmod").stderr


def test_every_message_has_both_languages_with_the_same_placeholders():
    import string

    from quizcli.render.schedule import S

    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, texts in S.strings.items():
        assert set(texts) == {"ko", "en"}, key
        assert all(texts.values()), key
        assert fields(texts["ko"]) == fields(texts["en"]), key
