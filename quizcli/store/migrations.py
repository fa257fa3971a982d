"""Numbered schema migrations, applied in order and recorded in the database (simonw/llm style).

Rules: never edit or reorder a migration that has shipped; add a new function at the end.
Review logs are never dropped by a migration: they are the source of truth from which every
schedule can be rebuilt (`quiz progress rebuild`). `PRAGMA user_version` mirrors the number of
applied migrations, so an older quizcli can recognise a database written by a newer one.
"""

from __future__ import annotations

from typing import Callable

MIGRATIONS: list[Callable] = []


def migration(fn: Callable) -> Callable:
    MIGRATIONS.append(fn)
    return fn


def _run(db, script: str) -> None:
    # executescript() would COMMIT the surrounding transaction; run statement by statement
    import sqlite3

    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)


@migration
def m001_initial(db) -> None:
    _run(db, """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        started_at TEXT NOT NULL,
        ended_at TEXT
    );
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,              -- review identity: merges and imports key on it
        question_id TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,             -- ISO 8601 UTC, fixed width
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
        covered TEXT NOT NULL DEFAULT '[]',    -- JSON list of key-point ids
        missed TEXT NOT NULL DEFAULT '[]',
        tags TEXT NOT NULL DEFAULT '[]',       -- the question's tags when it was answered
        lang TEXT,
        duration_s REAL,
        session_id INTEGER REFERENCES sessions(id),
        state_before INTEGER                   -- FSRS state before this review (NULL: new card)
    );
    CREATE INDEX reviews_by_question ON reviews (question_id, reviewed_at);
    CREATE INDEX reviews_by_time ON reviews (reviewed_at);
    CREATE TABLE cards (
        question_id TEXT PRIMARY KEY,
        card_id INTEGER NOT NULL UNIQUE,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX cards_by_due ON cards (due)
    """)


@migration
def m002_settings_and_parameters(db) -> None:
    # settings: the user's choices (desired retention …), one JSON value per key.
    # fsrs_parameters: every fit `quiz progress optimize` made, adopted or not; the scheduler
    # uses the latest adopted row (none: fsrs's defaults). suspended: questions the scheduled
    # order skips (quiz progress suspend); `quiz ask --id` and --practice still ask them.
    _run(db, """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,                   -- JSON
        updated_at TEXT NOT NULL
    );
    CREATE TABLE fsrs_parameters (
        id INTEGER PRIMARY KEY,
        fitted_at TEXT NOT NULL,               -- ISO 8601 UTC
        review_count INTEGER NOT NULL,         -- reviews in the log when fitted
        parameters TEXT NOT NULL,              -- JSON list of 21 floats (FSRS-6)
        adopted INTEGER NOT NULL CHECK (adopted IN (0, 1)),
        evaluation TEXT NOT NULL DEFAULT '{}'  -- JSON: held-out log loss and RMSE, old and new
    );
    CREATE TABLE suspended (                   -- left out of quiz ask's schedule (leeches …)
        question_id TEXT PRIMARY KEY,
        suspended_at TEXT NOT NULL,
        reason TEXT                            -- 'leech' or 'manual'
    )
    """)


@migration
def m003_review_grader(db) -> None:
    # which grader decided a review's covered/missed/score: 'rubric' (the offline grader, and
    # every review before this migration) or 'llm' (quiz ask --grader llm|both)
    _run(db, """
    ALTER TABLE reviews ADD COLUMN grader TEXT NOT NULL DEFAULT 'rubric'
    """)
