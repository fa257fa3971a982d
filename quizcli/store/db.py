"""The progress database: one SQLite file (WAL) per quiz home.

- `reviews`: one row per rated answer, written in its own short transaction (BEGIN IMMEDIATE)
  the moment it is rated. Never dropped: every schedule can be rebuilt from them.
- `cards`: the FSRS card of each question id (a cache of the replayed reviews, plus reps and
  lapses, which fsrs.Card does not count).
- `sessions`: when a `quiz ask` run started and ended.

sqlite3 and fsrs are imported inside functions (this module is itself only imported lazily),
so nothing here slows down `quiz --help`.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..errors import StoreError
from ..ratings import rating_value
from . import DB_NAME  # noqa: F401  (one definition, in store/__init__.py)
from .clock import from_iso, iso, now_utc, to_utc
from .migrations import MIGRATIONS

APPLICATION_ID = 0x51554931  # "QUI1": marks the file as a quizcli progress database
BUSY_TIMEOUT_S = 30.0
SQLITE_MAGIC = b"SQLite format 3\x00"
STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}
LEECH_LAPSES = 4


def card_id_for(question_id: str) -> int:
    """A stable fsrs card id for a question id: the first 63 bits of its SHA-256."""
    digest = hashlib.sha256(question_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


IMPORT_BATCH = 5000  # reviews inserted per executemany during an import


@dataclass(frozen=True)
class CardRow:
    question_id: str
    card_id: int
    state: str  # learning | review | relearning
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int
    lapses: int


@dataclass(frozen=True)
class ReviewRow:
    uid: str
    question_id: str
    reviewed_at: datetime
    rating: int
    score: float | None
    covered: tuple[str, ...]
    missed: tuple[str, ...]
    tags: tuple[str, ...]
    lang: str | None
    duration_s: float | None
    session_id: int | None
    state_before: str | None  # None: the question was new
    grader: str = "rubric"  # which grader decided covered/missed/score: 'rubric' or 'llm'


@dataclass(frozen=True)
class ReviewResult:
    """What `record_review` stored: the review's identity and the card's new schedule."""

    uid: str
    question_id: str
    rating: int
    reviewed_at: datetime
    due: datetime
    state: str
    stability: float | None
    difficulty: float | None
    reps: int
    lapses: int


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int
    sessions_added: int
    questions: tuple[str, ...]  # whose schedules were rebuilt


@dataclass(frozen=True)
class RebuildResult:
    cards: int
    reviews: int
    changed: int  # cards whose due date or state differs after the replay


# --- errors, one line each -------------------------------------------------------------------

def _unwritable(home: Path, reason: str) -> StoreError:
    return StoreError(
        f"Cannot save progress in {home}: {reason}. Choose a writable directory with --home DIR "
        "or QUIZ_HOME=DIR (quiz explain and quiz demo work without one).")


def _corrupt(path: Path, reason: str) -> StoreError:
    return StoreError(
        f"Cannot read the progress database {path}: {reason}. The file was left untouched: use "
        "--home DIR to work in another directory, or move the file aside and restore a "
        "`quiz progress export` file with `quiz progress import FILE`.")


def _newer(path: Path, found: int, known: int) -> StoreError:
    return StoreError(
        f"The progress database {path} was written by a newer quizcli (schema {found}; this "
        f"version knows {known}). It was left untouched: upgrade quizcli, or use --home DIR "
        "(the newer quizcli can `quiz progress export FILE` for this one to import).")


def _locked(path: Path) -> StoreError:
    return StoreError(
        f"The progress database {path} stayed locked by another quiz process for "
        f"{BUSY_TIMEOUT_S:g} s. Try again when it has finished.")


def _is_write_failure(message: str) -> bool:
    m = message.lower()
    return any(s in m for s in ("readonly", "read-only", "unable to open", "disk i/o error",
                                "database or disk is full", "permission"))


def _check_file(home: Path, path: Path) -> None:
    """Refuse anything that is not (yet) an SQLite file before SQLite touches it."""
    try:
        home.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise _unwritable(home, "it exists and is not a directory") from None
    except OSError as exc:
        raise _unwritable(home, exc.strerror or str(exc)) from None
    if not home.is_dir():
        raise _unwritable(home, "it is not a directory")
    if not os.access(home, os.W_OK | os.X_OK):
        raise _unwritable(home, "the directory is read-only")
    if not path.exists():
        return
    if not path.is_file():
        raise _corrupt(path, "it is not a regular file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise _corrupt(path, exc.strerror or str(exc)) from None
    if head and (len(head) < 100 or not head.startswith(SQLITE_MAGIC)):
        raise _corrupt(path, "it is not an SQLite database")


def connect(path: Path):
    """The raw connection (a seam for tests that simulate read-only media)."""
    import sqlite3

    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)


def _json_list(values: Iterable[str] | None, what: str) -> str:
    items = list(values or ())
    if not all(isinstance(v, str) for v in items):
        raise ValueError(f"{what} must be a list of strings")
    return json.dumps(items, ensure_ascii=False)


class Store:
    """One open progress database. Use `open_store()`; close it (or use `with`)."""

    def __init__(self, conn, path: Path, *, clock: Callable[[], datetime] | None = None,
                 enable_fuzzing: bool | None = None, scheduler=None):
        self.db = conn
        self.path = path
        self.home = path.parent
        self._clock = clock or now_utc
        self._fuzz = enable_fuzzing
        self._scheduler = scheduler
        self._scheduler_given = scheduler is not None

    # --- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, home: Path, **options) -> "Store":
        import sqlite3

        path = Path(home) / DB_NAME
        _check_file(Path(home), path)
        try:
            conn = connect(path)
        except sqlite3.Error as exc:
            raise cls._classify(path, exc) from None
        store = cls(conn, path, **options)
        try:
            store._setup()
        except BaseException:
            conn.close()
            raise
        return store

    @staticmethod
    def _classify(path: Path, exc: Exception) -> StoreError:
        message = str(exc)
        low = message.lower()
        if "locked" in low or "busy" in low:
            return _locked(path)
        if _is_write_failure(message):
            return _unwritable(path.parent, message)
        return _corrupt(path, message)

    def _setup(self) -> None:
        import sqlite3

        db = self.db
        try:
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            check = [row[0] for row in db.execute("PRAGMA quick_check")]
            if check != ["ok"]:
                raise _corrupt(self.path, f"integrity check failed ({check[0]})")
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and "_migrations" not in tables):
                raise _corrupt(self.path, "it is not a quizcli progress database")
            known = [fn.__name__ for fn in MIGRATIONS]
            applied = self._applied() if "_migrations" in tables else []
            if version > len(known) or set(applied) - set(known):
                raise _newer(self.path, max(version, len(applied)), len(known))
            self._use_wal()
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            if applied != known:
                self._migrate()
        except sqlite3.Error as exc:
            raise self._classify(self.path, exc) from None

    def _use_wal(self) -> None:
        """Switch a new database to WAL. The switch needs an exclusive lock and SQLite answers
        SQLITE_BUSY at once, without its busy handler, when another process opens the same
        new file at that moment: retry until the busy timeout."""
        import random
        import sqlite3
        import time

        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                low = str(exc).lower()
                if ("locked" not in low and "busy" not in low) or time.monotonic() > deadline:
                    raise
                time.sleep(random.uniform(0.002, 0.02))

    def _applied(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM _migrations ORDER BY rowid")]

    def _migrate(self) -> None:
        with self._write() as db:
            db.execute("CREATE TABLE IF NOT EXISTS _migrations "
                       "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            applied = set(self._applied())
            known = {fn.__name__ for fn in MIGRATIONS}
            if applied - known:  # a newer quizcli migrated it while we waited for the lock
                raise _newer(self.path, len(applied), len(known))
            for fn in MIGRATIONS:
                if fn.__name__ not in applied:
                    fn(db)
                    db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                               (fn.__name__, iso(self.now())))
            db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- plumbing -----------------------------------------------------------------------------
    def now(self) -> datetime:
        return to_utc(self._clock())

    @property
    def scheduler(self):
        if self._scheduler is None:
            from fsrs import Scheduler

            fuzz = self._fuzz
            if fuzz is None:
                from ..settings import fsrs_fuzz

                fuzz = fsrs_fuzz()
            # the user's desired retention and fitted parameters (quiz config, quiz progress
            # optimize); fsrs's defaults until they set them
            from .settings import current_parameters, get_setting

            fitted = current_parameters(self)
            options = {"desired_retention": float(get_setting(self, "retention"))}
            if fitted is not None:
                options["parameters"] = fitted.parameters
            self._scheduler = Scheduler(enable_fuzzing=fuzz, **options)
        return self._scheduler

    def reset_scheduler(self) -> None:
        """Forget the cached scheduler, so the next review reads the settings again (a
        scheduler passed to open_store is kept)."""
        if not self._scheduler_given:
            self._scheduler = None

    @contextmanager
    def _write(self):
        """One short write transaction: BEGIN IMMEDIATE takes the write lock up front (waiting
        up to the busy timeout), so two processes never interleave a read-modify-write."""
        import sqlite3

        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._classify(self.path, exc) from None
        try:
            yield self.db
        except BaseException as exc:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
                # read-only media, disk full, a page found corrupt while writing
                raise self._classify(self.path, exc) from None
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise self._classify(self.path, exc) from None

    # --- rows ---------------------------------------------------------------------------------
    _CARD_COLS = ("question_id, card_id, state, step, stability, difficulty, due, last_review, "
                  "reps, lapses")
    _REVIEW_COLS = ("uid, question_id, reviewed_at, rating, score, covered, missed, tags, lang, "
                    "duration_s, session_id, state_before, grader")

    @staticmethod
    def _card_row(r) -> CardRow:
        return CardRow(r[0], r[1], STATE_NAMES[r[2]], r[3], r[4], r[5], from_iso(r[6]),
                       from_iso(r[7]) if r[7] else None, r[8], r[9])

    @staticmethod
    def _review_row(r) -> ReviewRow:
        return ReviewRow(r[0], r[1], from_iso(r[2]), r[3], r[4], tuple(json.loads(r[5])),
                         tuple(json.loads(r[6])), tuple(json.loads(r[7])), r[8], r[9], r[10],
                         STATE_NAMES.get(r[11]) if r[11] is not None else None, r[12])

    def cards(self) -> list[CardRow]:
        rows = self.db.execute(f"SELECT {self._CARD_COLS} FROM cards ORDER BY due, question_id")
        return [self._card_row(r) for r in rows]

    def card(self, question_id: str) -> CardRow | None:
        r = self.db.execute(f"SELECT {self._CARD_COLS} FROM cards WHERE question_id = ?",
                            (question_id,)).fetchone()
        return self._card_row(r) if r else None

    def reviews(self, question_id: str | None = None) -> list[ReviewRow]:
        sql = f"SELECT {self._REVIEW_COLS} FROM reviews"
        args: tuple = ()
        if question_id is not None:
            sql += " WHERE question_id = ?"
            args = (question_id,)
        rows = self.db.execute(sql + " ORDER BY reviewed_at, id", args)
        return [self._review_row(r) for r in rows]

    def review_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]

    @staticmethod
    def _fsrs_card(row: CardRow):
        from fsrs import Card, State

        state = {v: k for k, v in STATE_NAMES.items()}[row.state]
        return Card(card_id=row.card_id, state=State(state), step=row.step,
                    stability=row.stability, difficulty=row.difficulty, due=row.due,
                    last_review=row.last_review)

    def fsrs_card(self, question_id: str):
        """The question's fsrs.Card, or None for a question never answered."""
        row = self.card(question_id)
        return self._fsrs_card(row) if row else None

    def _save_card(self, db, question_id: str, card, reps: int, lapses: int) -> None:
        db.execute(
            "INSERT INTO cards (question_id, card_id, state, step, stability, difficulty, due, "
            "last_review, reps, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (question_id) DO UPDATE SET card_id = excluded.card_id, "
            "state = excluded.state, step = excluded.step, stability = excluded.stability, "
            "difficulty = excluded.difficulty, due = excluded.due, "
            "last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses",
            (question_id, card.card_id, int(card.state), card.step, card.stability,
             card.difficulty, iso(card.due), iso(card.last_review) if card.last_review else None,
             reps, lapses))

    # --- writing reviews ----------------------------------------------------------------------
    def record_review(self, question_id: str, rating, score: float | None = None,
                      covered: Sequence[str] = (), missed: Sequence[str] = (),
                      lang: str | None = None, duration_s: float | None = None,
                      when: datetime | None = None, session_id: int | None = None, *,
                      tags: Sequence[str] = (), grader: str = "rubric") -> ReviewResult:
        """Store one rated answer and reschedule its question, in one transaction.

        rating: 1..4 (Again, Hard, Good, Easy) or their names; score: the rubric score,
        0..1 (share of key points covered); covered/missed: key-point ids; tags: the
        question's tags (kept with the review so stats survive a deleted question); grader:
        which grader decided covered/missed/score, 'rubric' or 'llm'."""
        from fsrs import Card, Rating, State

        if not isinstance(question_id, str) or not question_id.strip():
            raise ValueError("question_id must be a non-empty string")
        rate = rating_value(rating)
        if score is not None:
            score = float(score)
            if not 0.0 <= score <= 1.0:
                raise ValueError(f"score must be between 0 and 1, not {score}")
        if duration_s is not None:
            duration_s = max(0.0, float(duration_s))
        if grader not in ("rubric", "llm"):
            raise ValueError(f"grader must be 'rubric' or 'llm', not {grader!r}")
        moment = to_utc(when) if when is not None else self.now()
        uid = uuid.uuid4().hex
        values = (_json_list(covered, "covered"), _json_list(missed, "missed"),
                  _json_list(tags, "tags"))
        with self._write() as db:
            if session_id is not None and not db.execute(
                    "SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone():
                raise ValueError(f"no session {session_id}")
            row = self.card(question_id)
            before = self._fsrs_card(row) if row else None
            insert = ("INSERT INTO reviews (uid, question_id, reviewed_at, rating, score, covered, "
                      "missed, tags, lang, duration_s, session_id, state_before, grader) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            if before is not None and before.last_review and moment < before.last_review:
                # an answer dated before the last one (clock change, merge): replay them all
                db.execute(insert, (uid, question_id, iso(moment), rate, score, *values, lang,
                                    duration_s, session_id, None, grader))
                card, reps, lapses = self._replay(db, question_id)
            else:
                start = before or Card(card_id=card_id_for(question_id), due=moment)
                card = self._review(start, rate, moment)
                reps = (row.reps if row else 0) + 1
                lapse = before is not None and before.state == State.Review and rate == 1
                lapses = (row.lapses if row else 0) + int(lapse)
                db.execute(insert, (uid, question_id, iso(moment), rate, score, *values, lang,
                                    duration_s, session_id,
                                    int(before.state) if before is not None else None, grader))
                self._save_card(db, question_id, card, reps, lapses)
        return ReviewResult(uid, question_id, rate, moment, card.due, STATE_NAMES[int(card.state)],
                            card.stability, card.difficulty, reps, lapses)

    def _review(self, card, rate: int, moment: datetime):
        """scheduler.review_card with its interval fuzz drawn from a generator seeded by
        (card, review time): fuzz stays random across cards and days, yet replaying the log
        (rebuild, import) gives the same due dates as the live review did. fsrs draws the fuzz
        with `random()` imported into fsrs.scheduler, which is swapped for the call only."""
        import random

        import fsrs.scheduler as fsrs_scheduler
        from fsrs import Rating

        seeded = random.Random(f"{card.card_id}:{iso(moment)}").random
        saved = fsrs_scheduler.random
        fsrs_scheduler.random = seeded
        try:
            card, _ = self.scheduler.review_card(card, Rating(rate), review_datetime=moment)
        finally:
            fsrs_scheduler.random = saved
        return card

    def _replay(self, db, question_id: str):
        """Rebuild one card from its review logs (fsrs `reschedule_card`'s walk, with seeded
        fuzz), and refresh each log's state_before (lapses = Again on a card in Review)."""
        from fsrs import Card, State

        rows = db.execute("SELECT id, reviewed_at, rating FROM reviews WHERE question_id = ? "
                          "ORDER BY reviewed_at, id", (question_id,)).fetchall()
        cid = card_id_for(question_id)
        count, lapses, card = 0, 0, None
        updates: list[tuple] = []
        for rid, at, rate in rows:
            moment = from_iso(at)
            count += 1
            before = card.state if card is not None else None
            lapses += int(before == State.Review and rate == 1)
            updates.append((int(before) if before is not None else None, rid))
            # the same walk as fsrs reschedule_card, but each step's fuzz is seeded by the
            # review it replays, so a rebuild reproduces the live schedule exactly
            card = self._review(card or Card(card_id=cid, due=moment), rate, moment)
        db.executemany("UPDATE reviews SET state_before = ? WHERE id = ?", updates)
        if not count:
            db.execute("DELETE FROM cards WHERE question_id = ?", (question_id,))
            return None, 0, 0
        self._save_card(db, question_id, card, count, lapses)
        return card, count, lapses

    def rebuild(self) -> RebuildResult:
        """Replay every question's review logs (after an fsrs upgrade or a parameter change)."""
        with self._write() as db:
            old = {c.question_id: (c.due, c.state) for c in self.cards()}
            ids = [r[0] for r in db.execute("SELECT DISTINCT question_id FROM reviews")]
            for qid in set(old) - set(ids):  # a card without logs cannot be justified
                db.execute("DELETE FROM cards WHERE question_id = ?", (qid,))
            for qid in ids:
                self._replay(db, qid)
            new = {c.question_id: (c.due, c.state) for c in self.cards()}
            total = db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        changed = sum(1 for q in set(old) | set(new) if old.get(q) != new.get(q))
        return RebuildResult(cards=len(new), reviews=total, changed=changed)

    # --- sessions -----------------------------------------------------------------------------
    def start_session(self, when: datetime | None = None) -> int:
        moment = to_utc(when) if when is not None else self.now()
        with self._write() as db:
            cur = db.execute("INSERT INTO sessions (uid, started_at) VALUES (?, ?)",
                             (uuid.uuid4().hex, iso(moment)))
            return cur.lastrowid

    def end_session(self, session_id: int, when: datetime | None = None) -> None:
        moment = to_utc(when) if when is not None else self.now()
        with self._write() as db:
            db.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (iso(moment), session_id))

    # --- suspending -----------------------------------------------------------------------------
    def suspended(self) -> dict[str, str | None]:
        """{question id: reason} of the suspended questions."""
        return dict(self.db.execute("SELECT question_id, reason FROM suspended"))

    def suspend(self, question_ids: Iterable[str], reason: str = "manual") -> list[str]:
        """Leave questions out of the scheduled order; returns the ones newly suspended.
        Their reviews and schedules are kept: unsuspending resumes them."""
        added = []
        with self._write() as db:
            for qid in dict.fromkeys(question_ids):
                cur = db.execute("INSERT OR IGNORE INTO suspended (question_id, suspended_at, "
                                 "reason) VALUES (?, ?, ?)", (qid, iso(self.now()), reason))
                if cur.rowcount:
                    added.append(qid)
        return added

    def unsuspend(self, question_ids: Iterable[str] | None = None) -> list[str]:
        """Put questions (None: all) back in the schedule; returns the ones unsuspended."""
        with self._write() as db:
            current = [r[0] for r in db.execute("SELECT question_id FROM suspended ORDER BY 1")]
            chosen = current if question_ids is None else [q for q in dict.fromkeys(question_ids)
                                                          if q in current]
            for qid in chosen:
                db.execute("DELETE FROM suspended WHERE question_id = ?", (qid,))
        return chosen

    # --- what to ask --------------------------------------------------------------------------
    def new_introduced_on_day(self, now: datetime | None = None, tz=None) -> int:
        """How many questions were answered for the first time on `now`'s local day."""
        start, end = day_bounds(now or self.now(), tz)
        return self.db.execute(
            "SELECT COUNT(*) FROM (SELECT MIN(reviewed_at) AS first FROM reviews "
            "GROUP BY question_id) WHERE first >= ? AND first < ?",
            (iso(start), iso(end))).fetchone()[0]

    def order_questions(self, ids_in_curriculum_order: Sequence[str],
                        parents: dict[str, str] | None = None, now: datetime | None = None,
                        new_limit: int = 10, tz=None) -> list[str]:
        """The questions to ask now, in order.

        1. Due questions (due <= now), most overdue first.
        2. New questions (never answered) in curriculum order, at most `new_limit` per local
           day (questions first answered earlier today count against it).
        A new follow-up (`parents[child] = parent`) comes right after its parent the first
        time, whether the parent is due or new (one level: the follow-up's own follow-ups keep
        their curriculum place, so a curated curriculum is not pulled out of shape); a new
        follow-up whose parent was never asked waits for its parent. Ids unknown to the
        curriculum (deleted questions) and suspended questions are never returned. Pass
        parents={} to get the plain order and walk follow-up chains yourself."""
        moment = to_utc(now) if now is not None else self.now()
        # suspended questions (quiz progress suspend) are left out of the scheduled order
        suspended = self.suspended()
        ids = [q for q in dict.fromkeys(ids_in_curriculum_order) if q not in suspended]
        position = {qid: i for i, qid in enumerate(ids)}
        parents = {c: p for c, p in (parents or {}).items() if c in position and p in position}
        seen = {c.question_id: c for c in self.cards() if c.question_id in position}
        budget = max(0, int(new_limit) - self.new_introduced_on_day(moment, tz))
        children: dict[str, list[str]] = {}
        for qid in ids:
            if qid in parents:
                children.setdefault(parents[qid], []).append(qid)
        order: list[str] = []
        placed: set[str] = set()

        def follow(parent: str) -> None:
            nonlocal budget
            for child in children.get(parent, ()):
                if child in seen or child in placed:
                    continue
                if budget <= 0:
                    return
                order.append(child)
                placed.add(child)
                budget -= 1

        due = sorted((q for q in seen if seen[q].due <= moment),
                     key=lambda q: (seen[q].due, position[q]))
        for qid in due:
            order.append(qid)
            placed.add(qid)
            follow(qid)
        progress = True
        while progress and budget > 0:  # a second pass only for a curriculum that lists a
            progress = False             # follow-up before its parent's parent
            for qid in ids:
                if qid in seen or qid in placed:
                    continue
                parent = parents.get(qid)
                if parent is not None and parent not in seen and parent not in placed:
                    continue  # asked right after its parent, when the parent comes up
                if budget <= 0:
                    break
                order.append(qid)
                placed.add(qid)
                budget -= 1
                progress = True
                follow(qid)
        for qid in ids:  # follow-ups caught in a cycle of parents: never let them vanish
            if budget <= 0:
                break
            if qid not in seen and qid not in placed:
                order.append(qid)
                placed.add(qid)
                budget -= 1
        return order

    # --- export, import, reset ----------------------------------------------------------------
    def export_data(self) -> dict:
        from .. import __version__

        sessions = self.db.execute("SELECT id, uid, started_at, ended_at FROM sessions ORDER BY id")
        session_uid = {}
        out_sessions = []
        for sid, uid, started, ended in sessions:
            session_uid[sid] = uid
            out_sessions.append({"uid": uid, "started_at": started, "ended_at": ended})
        reviews = []
        for r in self.reviews():
            reviews.append({
                "uid": r.uid, "question_id": r.question_id, "reviewed_at": iso(r.reviewed_at),
                "rating": r.rating, "score": r.score, "covered": list(r.covered),
                "missed": list(r.missed), "tags": list(r.tags), "lang": r.lang,
                "duration_s": r.duration_s, "session": session_uid.get(r.session_id),
            })
        cards = [{"question_id": c.question_id, "state": c.state, "due": iso(c.due),
                  "stability": c.stability, "difficulty": c.difficulty, "reps": c.reps,
                  "lapses": c.lapses} for c in self.cards()]
        from .progress import EXPORT_FORMAT, EXPORT_VERSION
        from .settings import export_settings

        return {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "quizcli": __version__,
                "schema": self.schema_version, "exported_at": iso(self.now()),
                "sessions": out_sessions, "reviews": reviews,
                "cards": cards,  # informative: import rebuilds cards from the reviews
                **export_settings(self)}

    def import_data(self, data: dict) -> ImportResult:
        """Merge an export (already validated by progress.validate_export) by review identity
        (uid): reviews already present are skipped, so importing twice changes nothing. The
        schedules of the questions that got new reviews are rebuilt from all their logs."""
        added = skipped = sessions_added = 0
        touched: set[str] = set()
        with self._write() as db:
            local_session = {}
            for s in data.get("sessions", []):
                cur = db.execute("INSERT OR IGNORE INTO sessions (uid, started_at, ended_at) "
                                 "VALUES (?, ?, ?)", (s["uid"], s["started_at"], s.get("ended_at")))
                sessions_added += cur.rowcount
                local_session[s["uid"]] = db.execute(
                    "SELECT id FROM sessions WHERE uid = ?", (s["uid"],)).fetchone()[0]
            insert = ("INSERT OR IGNORE INTO reviews (uid, question_id, reviewed_at, rating, "
                      "score, covered, missed, tags, lang, duration_s, session_id) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            batch: list[tuple] = []

            def flush():
                nonlocal added, skipped
                before = db.total_changes
                db.executemany(insert, batch)
                n = db.total_changes - before
                if n:  # replaying a question that got nothing new changes nothing, so the
                    # batch's questions are a safe superset of those that got a new review
                    touched.update(row[1] for row in batch)
                added += n
                skipped += len(batch) - n
                batch.clear()

            # reviews may be a stream (progress.read_export): batches keep memory flat
            for r in data.get("reviews", []):
                batch.append(
                    (r["uid"], r["question_id"], r["reviewed_at"], r["rating"], r.get("score"),
                     json.dumps(r.get("covered") or [], ensure_ascii=False),
                     json.dumps(r.get("missed") or [], ensure_ascii=False),
                     json.dumps(r.get("tags") or [], ensure_ascii=False), r.get("lang"),
                     r.get("duration_s"), local_session.get(r.get("session"))))
                if len(batch) >= IMPORT_BATCH:
                    flush()
            if batch:
                flush()
            from .settings import import_settings

            changed = import_settings(self, db, data)
            if changed:  # a new retention or newer adopted parameters: every schedule moves
                self.reset_scheduler()
                touched.update(r[0] for r in db.execute("SELECT DISTINCT question_id FROM reviews"))
            for qid in sorted(touched):
                self._replay(db, qid)
        return ImportResult(added, skipped, sessions_added, tuple(sorted(touched)))

    def reset(self, write_backup: Callable[[dict], Path]) -> tuple[Path, int]:
        """Delete all progress, after `write_backup(export)` has saved it (same transaction:
        no review can slip in between the backup and the delete)."""
        with self._write() as db:
            backup = write_backup(self.export_data())
            count = db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
            for table in ("reviews", "cards", "sessions"):
                db.execute(f"DELETE FROM {table}")
        return backup, count


def day_bounds(moment: datetime, tz=None) -> tuple[datetime, datetime]:
    """Start and end (UTC) of `moment`'s calendar day in `tz` (default: the system's zone)."""
    local = moment.astimezone(tz) if tz is not None else moment.astimezone()
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    end = (start + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    if tz is None:  # re-resolve the offset, in case a DST change falls inside the day
        start, end = start.replace(tzinfo=None).astimezone(), end.replace(tzinfo=None).astimezone()
    return to_utc(start), to_utc(end)
