"""`quiz progress optimize`: personal FSRS parameters fitted with fsrs-rs-python (the
optimizer extra, part of the test extra) from logs written through the store's own clock."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone

import pytest

from fsrs_sim import TRUE_PARAMETERS, simulate
from quizcli.errors import StoreError
from quizcli.store import open_store
from quizcli.store import optimize as opt
from quizcli.store.settings import current_parameters, fit_history

T0 = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)
SYNTHETIC_IDS = [f"syn-{i:03d}" for i in range(300)]


@pytest.fixture(scope="module")
def synthetic_home(tmp_path_factory):
    """300 questions, 120 days, two sessions a day: ≈2,500 reviews by a learner whose memory
    follows TRUE_PARAMETERS, scheduled by the store with fsrs's defaults."""
    home = tmp_path_factory.mktemp("synthetic")
    count = simulate(home, SYNTHETIC_IDS, days=120, seed=7)
    assert count > 2000
    return home


def _copy_home(src, dst):

    import sqlite3

    dst.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(src / "progress.sqlite3")
    out = sqlite3.connect(dst / "progress.sqlite3")
    con.backup(out)
    out.close()
    con.close()
    return dst


def test_items_skip_histories_without_a_later_day_and_count_local_days(quiz_home):
    # the Rust engine panics on a history with no review on a later day: none reaches it
    with open_store(quiz_home, enable_fuzzing=False) as s:
        s.record_review("one-day", 3, when=T0)
        s.record_review("one-day", 3, when=T0 + timedelta(minutes=10))
        s.record_review("two-days", 1, when=T0)
        s.record_review("two-days", 3, when=T0 + timedelta(minutes=10))
        s.record_review("two-days", 3, when=T0 + timedelta(days=1, hours=2))
        s.record_review("two-days", 2, when=T0 + timedelta(days=4))
        items, skipped = opt.build_items(s.reviews(), tz=timezone.utc)
    assert skipped == 1
    assert [it.question_id for it in items] == ["two-days", "two-days"]
    assert items[0].reviews == ((1, 0), (3, 0), (3, 1))
    assert items[1].reviews == ((1, 0), (3, 0), (3, 1), (2, 3))
    assert all(it.reviews[-1][1] > 0 for it in items)


def test_the_engine_really_panics_on_a_same_day_history_and_the_guard_makes_it_one_line():
    engine = opt.load_engine()
    bad = [opt.Item("q", T0, ((3, 0), (3, 0)))] * 3
    with pytest.raises(StoreError, match="optimizer failed"):
        opt.fit(engine, bad)


def test_fit_recovers_the_known_parameters_better_than_the_defaults(synthetic_home):
    """The fitted parameters predict the true recall probability of the held-out reviews
    (what the learner's real memory gave) far more closely than fsrs's defaults do."""
    engine = opt.load_engine()
    with open_store(synthetic_home) as s:
        items, _ = opt.build_items(s.reviews())
    train, test = opt.split(items)
    assert len(train) > 1000 and len(test) > 250
    fitted = opt.fit(engine, train)
    truth = opt.predicted_recall(engine, TRUE_PARAMETERS, test)

    def mae(parameters):
        pred = opt.predicted_recall(engine, parameters, test)
        return sum(abs(a - b) for a, b in zip(pred, truth)) / len(truth)

    default_mae, fitted_mae = mae(engine.DEFAULT_PARAMETERS), mae(fitted)
    assert fitted_mae < 0.6 * default_mae, (fitted_mae, default_mae)
    # and on the held-out answers themselves (the benchmark's metrics)
    d = opt.evaluate(engine, engine.DEFAULT_PARAMETERS, test)
    f = opt.evaluate(engine, fitted, test)
    t = opt.evaluate(engine, TRUE_PARAMETERS, test)
    assert f.log_loss < d.log_loss and f.rmse_bins < d.rmse_bins
    assert abs(f.log_loss - t.log_loss) < abs(d.log_loss - t.log_loss)


def test_optimize_adopts_stores_and_rebuilds(cli, synthetic_home, tmp_path, monkeypatch):
    home = _copy_home(synthetic_home, tmp_path / "h")
    monkeypatch.setenv("QUIZ_NOW", "2025-06-01T12:00:00Z")
    with open_store(home) as s:
        before = {c.question_id: c.due for c in s.cards()}
    r = cli("progress", "optimize", "--json", "--home", str(home))
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert data["adopted"] is True and data["default_parameters"] is True
    assert data["new"]["log_loss"] < data["old"]["log_loss"]
    assert data["new"]["rmse_bins"] < data["old"]["rmse_bins"]
    assert data["train_items"] + data["test_items"] == data["items"]
    with open_store(home) as s:
        fitted = current_parameters(s)
        assert fitted is not None and fitted.review_count == data["reviews"] == s.review_count()
        assert fitted.fitted_at == datetime(2025, 6, 1, 12, tzinfo=timezone.utc)
        assert [round(p, 4) for p in fitted.parameters] == data["parameters"]
        assert list(s.scheduler.parameters) == list(fitted.parameters)
        after = {c.question_id: c.due for c in s.cards()}
        assert sum(after[q] != before[q] for q in before) > len(before) // 2  # rescheduled
        assert s.rebuild().changed == 0  # the log reproduces the new schedule
    # a second run compares against the adopted parameters, not the defaults
    r = cli("progress", "optimize", "--json", "--home", str(home))
    assert json.loads(r.stdout)["default_parameters"] is False
    with open_store(home) as s:
        assert len(fit_history(s)) == 2


def test_dry_run_saves_nothing(cli, synthetic_home, tmp_path):
    home = _copy_home(synthetic_home, tmp_path / "h")
    r = cli("progress", "optimize", "--dry-run", "--home", str(home))
    assert r.exit_code == 0, r
    assert "would adopt" in r.stdout and "log loss" in r.stdout
    with open_store(home) as s:
        assert fit_history(s) == [] and current_parameters(s) is None


def test_a_real_like_log_of_the_bank_questions(cli, quiz_home, monkeypatch):
    """The built-in questions answered twice a day for 360 days as quiz ask schedules them
    (10 new a day): at least 500 reviews. Whatever the verdict, it must follow the numbers."""
    from quizcli.bank.loader import load_bank

    ids = [q.id for q in load_bank([]).questions]
    count = simulate(quiz_home, ids, days=360, seed=11)
    assert count >= 500
    with open_store(quiz_home) as s:
        before = [(c.question_id, c.due) for c in s.cards()]
    r = cli("progress", "optimize", "--json")
    assert r.exit_code == 0, r
    data = json.loads(r.stdout)
    assert data["reviews"] == count and data["test_items"] >= opt.MIN_TEST_ITEMS
    better = (data["new"]["log_loss"] < data["old"]["log_loss"]
              and data["new"]["rmse_bins"] < data["old"]["rmse_bins"])
    assert data["adopted"] is better
    with open_store(quiz_home) as s:
        assert (current_parameters(s) is not None) is better
        if not better:
            assert [(c.question_id, c.due) for c in s.cards()] == before


def test_too_little_history_is_one_line(cli, quiz_home):
    with open_store(quiz_home) as s:
        for day in range(3):
            s.record_review("q", 3, when=T0 + timedelta(days=day))
    r = cli("progress", "optimize")
    assert r.exit_code == 2 and r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "Not enough history" in r.stderr


def test_missing_extra_is_one_line_and_exit_2(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "fsrs_rs_python", None)  # import now fails
    r = cli("progress", "optimize")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.strip().count("\n") == 0
    assert "pip install 'quizcli[optimizer]'" in r.stderr


def test_export_import_carries_retention_parameters_and_suspensions(cli, synthetic_home,
                                                                     tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZ_FSRS_FUZZ", "0")
    a = _copy_home(synthetic_home, tmp_path / "a")
    b = tmp_path / "b"
    assert cli("progress", "optimize", "--home", str(a)).exit_code == 0
    assert cli("config", "set", "retention", "0.85", "--home", str(a)).exit_code == 0
    with open_store(a) as s:
        s.suspend(["syn-001"])
    dump = tmp_path / "a.json"
    assert cli("progress", "export", str(dump), "--home", str(a)).exit_code == 0
    data = json.loads(dump.read_text())
    assert data["settings"] == {"retention": 0.85} and data["fsrs_parameters"][0]["adopted"]
    assert [row["question_id"] for row in data["suspended"]] == ["syn-001"]
    for _ in range(2):  # importing twice changes nothing
        assert cli("progress", "import", str(dump), "--home", str(b)).exit_code == 0
    with open_store(a) as sa, open_store(b) as sb:
        assert current_parameters(sb).parameters == current_parameters(sa).parameters
        assert sb.scheduler.desired_retention == 0.85 and sb.suspended() == {"syn-001": "manual"}
        assert [(c.question_id, c.due) for c in sb.cards()] == [
            (c.question_id, c.due) for c in sa.cards()]  # the same schedule on the new machine
        assert len(fit_history(sb)) == 1


def test_an_export_with_a_bad_setting_imports_nothing(cli, tmp_path, quiz_home):
    dump = tmp_path / "bad.json"
    dump.write_text(json.dumps({"format": "quizcli-progress", "version": 1, "sessions": [],
                                "reviews": [{"uid": "u1", "question_id": "q", "rating": 3,
                                             "reviewed_at": "2025-03-01T09:00:00Z"}],
                                "settings": {"retention": 0.99}}))
    r = cli("progress", "import", str(dump))
    assert r.exit_code == 2 and "settings.retention" in r.stderr and "Nothing was imported" in r.stderr
    with open_store(quiz_home) as s:
        assert s.review_count() == 0
