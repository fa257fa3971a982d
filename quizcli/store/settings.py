"""The user's settings and fitted FSRS parameters, kept in the progress database.

    quiz config set retention 0.9      # desired retention: the recall probability FSRS
                                       # schedules each review at
    quiz progress optimize             # fits and stores personal FSRS parameters

Settings live next to the review log (table `settings`), so `--home DIR` and QUIZ_HOME keep
them together with the progress they shape. Every change that alters the schedule is followed
by a rebuild from the log, so a rebuild always reproduces the schedule the user sees.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from ..errors import InvalidValue
from .clock import from_iso, iso

DEFAULT_RETENTION = 0.9
RETENTION_MIN, RETENTION_MAX = 0.7, 0.97


def _parse_retention(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidValue(f"retention must be a number from {RETENTION_MIN} to {RETENTION_MAX} "
                           f"(e.g. 0.9), not '{value}'.") from None
    if number != number or not RETENTION_MIN <= number <= RETENTION_MAX:
        raise InvalidValue(f"retention must be from {RETENTION_MIN} to {RETENTION_MAX} "
                           f"(the share of reviews you expect to recall), not {value}. "
                           "Anki's default is 0.9.")
    return round(number, 4)


@dataclass(frozen=True)
class Setting:
    key: str
    help: str
    default: object
    parse: object  # callable(str) -> value, raising InvalidValue with one line


SETTINGS = {
    "retention": Setting(
        "retention",
        f"Desired retention: the chance of recalling a question when it comes due "
        f"({RETENTION_MIN}–{RETENTION_MAX}; higher means more reviews).",
        DEFAULT_RETENTION, _parse_retention),
}


def _check_key(key: str) -> Setting:
    setting = SETTINGS.get(key.strip().lower())
    if setting is None:
        raise InvalidValue(f"Unknown setting '{key}'. Known: {', '.join(SETTINGS)}.")
    return setting


def get_setting(store, key: str):
    setting = _check_key(key)
    row = store.db.execute("SELECT value FROM settings WHERE key = ?", (setting.key,)).fetchone()
    return json.loads(row[0]) if row else setting.default


def all_settings(store) -> dict:
    return {key: get_setting(store, key) for key in SETTINGS}


def is_default(store, key: str) -> bool:
    setting = _check_key(key)
    return store.db.execute("SELECT 1 FROM settings WHERE key = ?",
                            (setting.key,)).fetchone() is None


def set_setting(store, key: str, raw) -> object:
    """Validate and store a setting, then rebuild the schedules from the log (a new desired
    retention changes every interval). Returns the stored value."""
    setting = _check_key(key)
    value = setting.parse(raw)
    with store._write() as db:
        db.execute("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                   "updated_at = excluded.updated_at",
                   (setting.key, json.dumps(value), iso(store.now())))
    store.reset_scheduler()
    store.rebuild()
    return value


@dataclass(frozen=True)
class FittedParameters:
    parameters: tuple[float, ...]
    fitted_at: datetime
    review_count: int
    adopted: bool
    evaluation: dict


def _fit_row(r) -> FittedParameters:
    return FittedParameters(tuple(json.loads(r[0])), from_iso(r[1]), r[2], bool(r[3]),
                            json.loads(r[4]))


def current_parameters(store) -> FittedParameters | None:
    """The latest adopted fit by date (wherever it was made: imports merge fits), or None
    (the scheduler then uses fsrs's defaults)."""
    r = store.db.execute("SELECT parameters, fitted_at, review_count, adopted, evaluation "
                         "FROM fsrs_parameters WHERE adopted = 1 ORDER BY fitted_at DESC, id DESC "
                         "LIMIT 1").fetchone()
    return _fit_row(r) if r else None


def fit_history(store) -> list[FittedParameters]:
    rows = store.db.execute("SELECT parameters, fitted_at, review_count, adopted, evaluation "
                            "FROM fsrs_parameters ORDER BY fitted_at, id")
    return [_fit_row(r) for r in rows]


def save_fit(store, parameters, review_count: int, adopted: bool, evaluation: dict) -> None:
    """Record a fit; an adopted one becomes the scheduler's parameters and every schedule is
    rebuilt from the log with them."""
    with store._write() as db:
        db.execute("INSERT INTO fsrs_parameters (fitted_at, review_count, parameters, adopted, "
                   "evaluation) VALUES (?, ?, ?, ?, ?)",
                   (iso(store.now()), int(review_count), json.dumps([float(p) for p in parameters]),
                    int(bool(adopted)), json.dumps(evaluation)))
    if adopted:
        store.reset_scheduler()
        store.rebuild()


# --- carried by `quiz progress export` / `import` ------------------------------------------------

def export_settings(store) -> dict:
    """The export's "settings", "fsrs_parameters" and "suspended" entries (optional keys of
    format version 1: older quizcli versions ignore them)."""
    settings = {k: json.loads(v) for k, v in store.db.execute("SELECT key, value FROM settings")}
    fits = [{"fitted_at": iso(f.fitted_at), "review_count": f.review_count,
             "parameters": list(f.parameters), "adopted": f.adopted, "evaluation": f.evaluation}
            for f in fit_history(store)]
    suspended = [{"question_id": q, "suspended_at": at, "reason": reason} for q, at, reason in
                 store.db.execute("SELECT question_id, suspended_at, reason FROM suspended "
                                  "ORDER BY question_id")]
    return {"settings": settings, "fsrs_parameters": fits, "suspended": suspended}


def import_settings(store, db, data: dict) -> bool:
    """Merge an export's settings (validated by progress.validate_export) inside the import's
    transaction: a setting this home has not set, fits not already here (by time and values),
    suspensions not already here. Importing twice changes nothing. Returns True when the
    schedule's inputs changed (retention, or the adopted parameters)."""
    before = (get_setting(store, "retention"), current_parameters(store))
    for key, value in (data.get("settings") or {}).items():
        db.execute("INSERT OR IGNORE INTO settings (key, value, updated_at) VALUES (?, ?, ?)",
                   (key, json.dumps(value), iso(store.now())))
    present = {(r[0], r[1]) for r in db.execute("SELECT fitted_at, parameters FROM fsrs_parameters")}
    for fit in sorted(data.get("fsrs_parameters") or [], key=lambda f: f["fitted_at"]):
        params = json.dumps([float(p) for p in fit["parameters"]])
        if (fit["fitted_at"], params) in present:
            continue
        db.execute("INSERT INTO fsrs_parameters (fitted_at, review_count, parameters, adopted, "
                   "evaluation) VALUES (?, ?, ?, ?, ?)",
                   (fit["fitted_at"], fit["review_count"], params, int(fit["adopted"]),
                    json.dumps(fit.get("evaluation") or {})))
    for row in data.get("suspended") or []:
        db.execute("INSERT OR IGNORE INTO suspended (question_id, suspended_at, reason) "
                   "VALUES (?, ?, ?)", (row["question_id"], row["suspended_at"], row.get("reason")))
    return (get_setting(store, "retention"), current_parameters(store)) != before
