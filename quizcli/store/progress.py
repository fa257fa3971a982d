"""Progress files: the versioned JSON export, its validation, and reset backups.

Format (version 1):
    {"format": "quizcli-progress", "version": 1, "quizcli": "0.1.0", "schema": 1,
     "exported_at": "2025-03-01T09:00:00.000000+00:00",
     "sessions": [{"uid", "started_at", "ended_at"}],
     "reviews":  [{"uid", "question_id", "reviewed_at", "rating" (1..4), "score" (0..1 or null),
                   "covered": [ids], "missed": [ids], "tags": [..], "lang", "duration_s",
                   "session": session uid or null}],
     "cards": [...],   # informative only: import rebuilds schedules from the reviews
     # optional (older files lack them; older readers ignore them):
     "settings": {"retention": 0.9},
     "fsrs_parameters": [{"fitted_at", "review_count", "parameters": [21 numbers],
                          "adopted": bool, "evaluation": {...}}],
     "suspended": [{"question_id", "suspended_at", "reason"}]}
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path

from ..errors import InvalidValue, StoreError
from .clock import iso

EXPORT_FORMAT = "quizcli-progress"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 200 * 1024 * 1024


def write_export(data: dict, target: str, force: bool = False, out=None) -> Path | None:
    """Write an export to FILE, or to the stream `out` when FILE is '-' (the command passes
    stdout: this module does not print). Never overwrites a file unless `force`."""
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if target == "-":
        if out is None:
            raise ValueError("write_export('-') needs the stream to write to (out=)")
        out.write(text)
        return None
    path = Path(target).expanduser()
    if path.is_dir():
        raise StoreError(f"{path} is a directory. Give a file name, e.g. {path / 'progress.json'}.")
    if path.exists() and not force:
        raise StoreError(f"{path} already exists and was left untouched. Choose another name, "
                         "or pass --force to overwrite it.")
    _atomic_write(path, text)
    return path


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise StoreError(f"Cannot write {path}: {exc.strerror or exc}. "
                         "Choose a writable location.") from None


def backup_writer(home: Path, now: datetime):
    """For Store.reset: saves the export under HOME/backups/ and returns its path."""

    def write(data: dict) -> Path:
        folder = home / "backups"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the backup folder {folder}: {exc.strerror or exc}. "
                             "Nothing was reset.") from None
        stamp = now.strftime("%Y%m%dT%H%M%S")
        path = folder / f"progress-{stamp}.json"
        n = 1
        while path.exists():
            n += 1
            path = folder / f"progress-{stamp}-{n}.json"
        _atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return path

    return write


def read_export(source: str) -> dict:
    """Read and validate an export file ('-' = stdin); every problem is one StoreError line."""
    name = "stdin" if source == "-" else str(Path(source).expanduser())
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1) if hasattr(sys.stdin, "buffer") \
                else sys.stdin.read().encode("utf-8")
        else:
            path = Path(source).expanduser()
            if path.is_dir():
                raise StoreError(f"{path} is a directory, not a progress file. "
                                 "Give a file written by `quiz progress export`.")
            with open(path, "rb") as fh:
                raw = fh.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise StoreError(f"{name} does not exist. Give a file written by `quiz progress export`.") from None
    except OSError as exc:
        raise StoreError(f"Cannot read {name}: {exc.strerror or exc}.") from None
    if len(raw) > MAX_IMPORT_BYTES:
        raise StoreError(f"{name} is larger than {MAX_IMPORT_BYTES // 2**20} MB; "
                         "that is not a progress export.")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise StoreError(f"{name} is not UTF-8 text. Give a file written by `quiz progress export`.") from None
    except json.JSONDecodeError as exc:
        raise StoreError(f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                         f"{exc.msg}). Give a file written by `quiz progress export`.") from None
    validate_export(data, name)
    return data


def _bad(name: str, where: str, what: str) -> StoreError:
    return StoreError(f"{name}: {where}: {what}. Nothing was imported.")


def _time(value, name: str, where: str) -> str:
    from .clock import parse_time

    if not isinstance(value, str):
        raise _bad(name, where, "expected an ISO 8601 time")
    try:
        return iso(parse_time(value))
    except InvalidValue:
        raise _bad(name, where, f"'{value}' is not an ISO 8601 time") from None


def _str_list(value, name: str, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(name, where, "expected a list of strings")
    return value


def validate_export(data, name: str) -> None:
    """Checks shape and types, and normalises times to fixed-width UTC in place."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise StoreError(f"{name} is not a quizcli progress export (no \"format\": "
                         f"\"{EXPORT_FORMAT}\"). Give a file written by `quiz progress export`.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _bad(name, "version", "expected an integer")
    if version > EXPORT_VERSION:
        raise StoreError(f"{name} was exported by a newer quizcli (format version {version}; "
                         f"this one reads up to {EXPORT_VERSION}). Upgrade quizcli to import it.")
    sessions = data.get("sessions", [])
    reviews = data.get("reviews", [])
    if not isinstance(sessions, list):
        raise _bad(name, "sessions", "expected a list")
    if not isinstance(reviews, list):
        raise _bad(name, "reviews", "expected a list")
    session_uids = set()
    for i, s in enumerate(sessions):
        where = f"sessions[{i}]"
        if not isinstance(s, dict) or not isinstance(s.get("uid"), str) or not s["uid"]:
            raise _bad(name, where, "expected an object with a \"uid\"")
        s["started_at"] = _time(s.get("started_at"), name, f"{where}.started_at")
        if s.get("ended_at") is not None:
            s["ended_at"] = _time(s["ended_at"], name, f"{where}.ended_at")
        session_uids.add(s["uid"])
    for i, r in enumerate(reviews):
        where = f"reviews[{i}]"
        if not isinstance(r, dict):
            raise _bad(name, where, "expected an object")
        for key in ("uid", "question_id"):
            if not isinstance(r.get(key), str) or not r[key].strip():
                raise _bad(name, f"{where}.{key}", "expected a non-empty string")
        r["reviewed_at"] = _time(r.get("reviewed_at"), name, f"{where}.reviewed_at")
        rating = r.get("rating")
        if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 4:
            raise _bad(name, f"{where}.rating", "expected 1, 2, 3 or 4 (Again, Hard, Good, Easy)")
        score = r.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))
                                  or not 0 <= score <= 1):
            raise _bad(name, f"{where}.score", "expected a number from 0 to 1, or null")
        for key in ("covered", "missed", "tags"):
            r[key] = _str_list(r.get(key), name, f"{where}.{key}")
        if r.get("lang") is not None and not isinstance(r["lang"], str):
            raise _bad(name, f"{where}.lang", "expected a string or null")
        d = r.get("duration_s")
        if d is not None and (isinstance(d, bool) or not isinstance(d, (int, float)) or d < 0):
            raise _bad(name, f"{where}.duration_s", "expected a number of seconds ≥ 0, or null")
        s = r.get("session")
        if s is not None and s not in session_uids:
            raise _bad(name, f"{where}.session", f"no session with uid '{s}' in the file")
    _validate_settings(data, name)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def _validate_settings(data: dict, name: str) -> None:
    """The optional settings, fits and suspensions (normalised in place)."""
    from .settings import SETTINGS

    settings = data.get("settings")
    if settings is not None:
        if not isinstance(settings, dict):
            raise _bad(name, "settings", "expected an object")
        for key in list(settings):
            if key not in SETTINGS:
                raise _bad(name, f"settings.{key}", f"unknown setting (known: {', '.join(SETTINGS)})")
            try:
                settings[key] = SETTINGS[key].parse(settings[key])
            except InvalidValue as exc:
                raise _bad(name, f"settings.{key}", str(exc).rstrip(".")) from None
    fits = data.get("fsrs_parameters")
    if fits is not None:
        if not isinstance(fits, list):
            raise _bad(name, "fsrs_parameters", "expected a list")
        for i, f in enumerate(fits):
            where = f"fsrs_parameters[{i}]"
            if not isinstance(f, dict):
                raise _bad(name, where, "expected an object")
            f["fitted_at"] = _time(f.get("fitted_at"), name, f"{where}.fitted_at")
            p = f.get("parameters")
            if not isinstance(p, list) or len(p) != 21 or not all(_number(x) for x in p):
                raise _bad(name, f"{where}.parameters", "expected a list of 21 numbers (FSRS-6)")
            n = f.get("review_count")
            if not isinstance(n, int) or isinstance(n, bool) or n < 0:
                raise _bad(name, f"{where}.review_count", "expected a whole number ≥ 0")
            if not isinstance(f.get("adopted"), bool):
                raise _bad(name, f"{where}.adopted", "expected true or false")
            if not isinstance(f.get("evaluation", {}), dict):
                raise _bad(name, f"{where}.evaluation", "expected an object")
    suspended = data.get("suspended")
    if suspended is not None:
        if not isinstance(suspended, list):
            raise _bad(name, "suspended", "expected a list")
        for i, row in enumerate(suspended):
            where = f"suspended[{i}]"
            if not isinstance(row, dict) or not isinstance(row.get("question_id"), str) \
                    or not row["question_id"].strip():
                raise _bad(name, where, "expected an object with a \"question_id\"")
            row["suspended_at"] = _time(row.get("suspended_at"), name, f"{where}.suspended_at")
            if row.get("reason") is not None and not isinstance(row["reason"], str):
                raise _bad(name, f"{where}.reason", "expected a string or null")
