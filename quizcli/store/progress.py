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
import math
import os
import stat
import sys
from datetime import datetime
from pathlib import Path

from ..errors import InvalidValue, StoreError
from .clock import iso

EXPORT_FORMAT = "quizcli-progress"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 2 * 1024 ** 3  # read a member at a time: memory stays flat
MAX_DURATION_S = 1e9  # finite, and far below SQLite's integer range


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
    check_target(path, force)
    _atomic_write(path, text)
    return path


def check_target(path: Path, force: bool, example: str = "progress.json") -> None:
    """A file an export may write: a new path, or with `force` an existing regular file;
    never a directory, a symlink, a FIFO or a device (as root, --force /dev/null)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise StoreError(f"Cannot write {path}: {exc.strerror or exc}. "
                        "Choose a writable location.") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise StoreError(f"{path} is a directory. Give a file name, e.g. {path / example}.")
    if st is not None and not stat.S_ISREG(st.st_mode):
        # --force replaces a file, never a symlink, FIFO or device (as root, /dev/null)
        kind = "a symbolic link" if stat.S_ISLNK(st.st_mode) else "not a regular file"
        raise StoreError(f"{path} is {kind} and was left untouched. Give the name of a new "
                        "or regular file.")
    if st is not None and not force:
        raise StoreError(f"{path} already exists and was left untouched. Choose another name, "
                        "or pass --force to overwrite it.")


TEMP_SUFFIX = ".tmp"
STALE_TEMP_S = 600  # an export temp file this old is a killed run's leftover


def _atomic_write(path: Path, text: str) -> None:
    """Write a new temp file next to `path` (created exclusively: no planted file or link is
    followed), fsync it, rename it over `path`: readers see the old file or the new, whole."""
    import tempfile

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX,
                                   dir=path.parent if str(path.parent) else ".")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except (OSError, UnicodeError) as exc:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise StoreError(f"Cannot write {path}: {reason}. Choose a writable location.") from None


def clean_stale_temps(folder: Path, prefix: str) -> None:
    """Remove `prefix*.tmp` files older than STALE_TEMP_S (left by killed runs; a younger
    one may belong to a run in progress)."""
    import time

    try:
        names = os.listdir(folder)
    except OSError:
        return
    now = time.time()
    for name in names:
        if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
            try:
                st = os.lstat(folder / name)
                if stat.S_ISREG(st.st_mode) and now - st.st_mtime > STALE_TEMP_S:
                    os.unlink(folder / name)
            except OSError:
                pass


def backup_writer(home: Path, now: datetime):
    """For Store.reset: saves the export under HOME/backups/ and returns its path."""

    def write(data: dict) -> Path:
        folder = home / "backups"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the backup folder {folder}: {exc.strerror or exc}. "
                            "Nothing was reset.") from None
        clean_stale_temps(folder, ".progress-")
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
    """Open and validate an export file ('-' = stdin); every problem is one StoreError line.

    The file is read a member at a time (jsonstream.py): when its sessions come before its
    reviews, as every export writes them, "reviews" is an iterator that validates each review
    as it is read, and the members after it (cards, settings, …) are added to the dict, and
    validated, once it is exhausted. Memory then stays flat whatever the number of reviews.
    Other files are read whole and validated at once."""
    name = "stdin" if source == "-" else str(Path(source).expanduser())
    fd = None
    try:
        if source == "-":
            if hasattr(sys.stdin, "buffer"):
                read = sys.stdin.buffer.read
            else:  # a text-only stream (tests): read it whole, hand it out once
                whole = [sys.stdin.read().encode("utf-8")]
                read = lambda n: whole.pop() if whole else b""  # noqa: E731
        else:
            path = Path(source).expanduser()
            if path.is_dir():
                raise StoreError(f"{path} is a directory, not a progress file. "
                                "Give a file written by `quiz progress export`.")
            from ..safe_io import open_regular

            fd = open_regular(path)  # never a FIFO or /dev/zero
            read = lambda n: os.read(fd, n)  # noqa: E731
    except FileNotFoundError:
        raise StoreError(f"{name} does not exist. Give a file written by `quiz progress export`.") from None
    except OSError as exc:
        raise StoreError(f"Cannot read {name}: {exc.strerror or exc}.") from None
    from .jsonstream import members

    decoder = json.JSONDecoder(parse_int=_int, parse_float=_float, parse_constant=_Refused)
    items = _guarded(members(read, MAX_IMPORT_BYTES, decoder, frozenset({"reviews"})), name, fd)
    data: dict = {}
    for key, value in items:
        if key == "reviews" and _is_iterator(value):
            if "format" in data and isinstance(data.get("sessions", []), list) \
                    and "sessions" in data:
                _validate_header(data, name)
                data["reviews"] = _streamed_reviews(value, items, data, name)
                return data
            value = list(value)  # reviews before the sessions they name: read it all
        data[key] = value
    validate_export(data, name)
    return data


def _is_iterator(value) -> bool:
    return hasattr(value, "__next__")


def _guarded(items, name: str, fd):
    """The jsonstream members, with every read or parse failure turned into one StoreError
    line, and the file closed when they end (or are abandoned)."""
    from .jsonstream import JSONStreamError, TooLarge

    def wrap(inner):
        try:
            yield from inner
        except JSONStreamError as exc:
            raise StoreError(f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                             f"{exc.msg}). Give a file written by `quiz progress export`.") from None
        except UnicodeDecodeError:
            raise StoreError(f"{name} is not UTF-8 text. Give a file written by "
                             "`quiz progress export`.") from None
        except RecursionError:
            raise StoreError(f"{name} is nested too deeply to be a progress export. "
                             "Nothing was imported.") from None
        except TooLarge:
            raise StoreError(f"{name} is larger than {MAX_IMPORT_BYTES // 2**30} GiB; "
                             "that is not a progress export.") from None
        except OSError as exc:
            raise StoreError(f"Cannot read {name}: {exc.strerror or exc}.") from None

    def outer():
        try:
            for key, value in wrap(items):
                yield key, (wrap(value) if _is_iterator(value) else value)
        finally:
            if fd is not None:
                os.close(fd)

    return outer()


def _streamed_reviews(reviews, items, data: dict, name: str):
    """Each review validated as it is read; then the rest of the file into `data`."""
    session_uids = {s["uid"] for s in data.get("sessions", [])}
    for i, r in enumerate(reviews):
        _validate_review(r, i, session_uids, name)
        yield r
    for key, value in items:
        if key in ("format", "version", "sessions", "reviews"):
            raise _bad(name, key, "given twice, or after the reviews")
        data[key] = value
    _validate_settings(data, name)


class _Refused(str):
    """A JSON number no field accepts (NaN, Infinity, 1e400, a 30-digit integer): kept as
    text, so the field's type check names the entry instead of a crash or a stored NaN."""


def _int(text: str):
    return int(text) if len(text) <= 18 else _Refused(text)  # SQLite integers are 64-bit


def _float(text: str):
    value = float(text)
    return value if math.isfinite(value) else _Refused(text)


def _text(value) -> bool:
    """A str that SQLite can store (no lone surrogates such as "\\ud800")."""
    if type(value) is not str:  # not a _Refused number either
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _bad(name: str, where: str, what: str) -> StoreError:
    return StoreError(f"{name}: {where}: {what}. Nothing was imported.")


def _time(value, name: str, where: str) -> str:
    from .clock import parse_time

    if not _text(value):
        raise _bad(name, where, "expected an ISO 8601 time")
    try:
        return iso(parse_time(value, where))
    except InvalidValue as exc:
        raise StoreError(f"{name}: {exc} Nothing was imported.") from None


def _str_list(value, name: str, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(_text(v) for v in value):
        raise _bad(name, where, "expected a list of strings")
    return value


def validate_export(data, name: str) -> None:
    """Checks shape and types, and normalises times to fixed-width UTC in place."""
    _validate_header(data, name)
    reviews = data.get("reviews", [])
    if not isinstance(reviews, list):
        raise _bad(name, "reviews", "expected a list")
    session_uids = {s["uid"] for s in data.get("sessions", [])}
    for i, r in enumerate(reviews):
        _validate_review(r, i, session_uids, name)
    _validate_settings(data, name)


def _validate_header(data, name: str) -> None:
    """format, version and the sessions (everything a review may refer to)."""
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
    if not isinstance(sessions, list):
        raise _bad(name, "sessions", "expected a list")
    for i, s in enumerate(sessions):
        where = f"sessions[{i}]"
        if not isinstance(s, dict) or not _text(s.get("uid")) or not s["uid"]:
            raise _bad(name, where, "expected an object with a \"uid\"")
        s["started_at"] = _time(s.get("started_at"), name, f"{where}.started_at")
        if s.get("ended_at") is not None:
            s["ended_at"] = _time(s["ended_at"], name, f"{where}.ended_at")


def _validate_review(r, i: int, session_uids: set, name: str) -> None:
    where = f"reviews[{i}]"
    if not isinstance(r, dict):
        raise _bad(name, where, "expected an object")
    for key in ("uid", "question_id"):
        if not _text(r.get(key)) or not r[key].strip():
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
    if r.get("lang") is not None and not _text(r["lang"]):
        raise _bad(name, f"{where}.lang", "expected a string or null")
    d = r.get("duration_s")
    if d is not None and (isinstance(d, bool) or not isinstance(d, (int, float))
                          or not 0 <= d <= MAX_DURATION_S):
        raise _bad(name, f"{where}.duration_s",
                   "expected a number of seconds from 0 to 10^9 (not NaN or Infinity), or null")
    s = r.get("session")
    if s is not None and not _text(s):
        raise _bad(name, f"{where}.session", "expected a session uid (a string) or null")
    if s is not None and s not in session_uids:
        raise _bad(name, f"{where}.session", f"no session with uid '{s}' in the file")


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
            if not isinstance(row, dict) or not _text(row.get("question_id")) \
                    or not row["question_id"].strip():
                raise _bad(name, where, "expected an object with a \"question_id\"")
            row["suspended_at"] = _time(row.get("suspended_at"), name, f"{where}.suspended_at")
            if row.get("reason") is not None and not _text(row["reason"]):
                raise _bad(name, f"{where}.reason", "expected a string or null")
