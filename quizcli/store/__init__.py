"""The progress store: review logs, FSRS cards and sessions in SQLite under the quiz home.

    from quizcli.store import open_store
    with open_store() as store:                 # --home, QUIZ_HOME, platformdirs
        store.record_review("relu-vs-sigmoid", 3, score=0.8, covered=[...], missed=[...],
                            lang="ko", duration_s=42.0, tags=["activation"])
        todo = store.order_questions(curriculum_ids, parents, new_limit=10)

Importing this package is cheap: sqlite3 and fsrs are imported only when a store is opened,
so `quiz --help` never pays for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .clock import now_utc  # noqa: F401  (re-exported: the clock every command shares)

if TYPE_CHECKING:  # pragma: no cover
    from .db import Store

DB_NAME = "progress.sqlite3"


def open_store(home: str | Path | None = None, **options) -> "Store":
    """Open (creating and migrating if needed) the progress database of a quiz home.

    `home`: --home DIR, else QUIZ_HOME, else the platform data dir. Options: `clock` (a
    callable returning an aware datetime; default QUIZ_NOW or the system clock),
    `enable_fuzzing` (default: on, off when QUIZ_FSRS_FUZZ=0), `scheduler` (an fsrs.Scheduler).
    Raises StoreError with one clear line for a corrupt or unreadable database, a database from
    a newer quizcli, or a home that cannot be written."""
    from ..paths import home_dir
    from .db import Store

    return Store.open(home_dir(home), **options)


def database_path(home: str | Path | None = None) -> Path:
    from ..paths import home_dir

    return home_dir(home) / DB_NAME


def __getattr__(name: str):
    if name == "Store":
        from .db import Store

        return Store
    raise AttributeError(name)
