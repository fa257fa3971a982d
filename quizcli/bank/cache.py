"""A parsed-content cache, so a bank of thousands of questions loads without YAML.

One JSON file per directory, in the user cache dir, holds per question file (size, mtime_ns, builtin)
and what `parse_file` returned for it. A file is re-parsed whenever its size or mtime
changes, a new file is parsed, an entry for a deleted file is dropped: the cache is never
stale. The key also covers the code that produced the entries (the quizcli version and the
loader/model sources), so an upgrade starts afresh. A cache file that cannot be read for
any reason is ignored and rebuilt: it only ever costs a re-parse.

The cache is data only (JSON, each entry's shape checked against the model before use) and
is read only from a directory and files owned by the user and writable by nobody else: a
planted file can neither run code nor feed the loader a malformed question.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import enum
import hashlib
import json
import os
import stat
import tempfile
import time
import types
import typing
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Iterable

from .. import __version__
from ..errors import ContentError, UnknownQuestion, closest
from ..paths import cache_dir
from . import loader
from .codes import CODES, Problem
from .model import Question

FORMAT = 4  # 4: JSON (3 and before: pickle, never read again)
STALE_TEMP_S = 600  # a `.parsed-*` temp file this old is a killed run's leftover


def _code_key() -> list:
    """Format, version, and size/mtime of every module of the bank package (the parser and
    the model): any change there starts the cache afresh. JSON-shaped, to compare as read."""
    here = Path(__file__).resolve().parent
    stats = []
    try:
        names = sorted(p.name for p in here.iterdir() if p.suffix == ".py")
    except OSError:
        names = []
    for name in names + ["../kinds/__init__.py", "../kinds/number.py"]:
        try:
            st = (here / name).stat()
            stats.append([name, st.st_size, st.st_mtime_ns])
        except OSError:
            stats.append([name, None, None])
    return [FORMAT, __version__, stats]


def _private_dir(root: Path) -> bool:
    """Whether `root` is a directory we may trust: ours and writable by nobody else.

    Creates it (mode 700) when missing. A cache dir that someone else owns or can write
    could hold files planted to be read as ours; then the run goes without a cache."""
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.stat(root)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _ours(st)


def _ours(st: os.stat_result) -> bool:
    if not hasattr(os, "getuid"):  # Windows: no owner/mode bits to check
        return True
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_private(path: Path) -> bytes | None:
    """The bytes of `path` if it is a regular file of ours that nobody else can write
    (checked on the open descriptor, so a swap after the check changes nothing); else None.
    Never follows a symlink, never blocks on a FIFO."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _ours(st) or st.st_size > MAX_CACHE_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(MAX_CACHE_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


MAX_CACHE_BYTES = 1 << 30  # far above 10,000 questions (~35 MB); a bigger file is not ours


def _clean_stale(root: Path) -> None:
    """Remove what killed runs and older versions left: `.parsed-*` temp files older than
    STALE_TEMP_S (a younger one may be a concurrent run's) and pickle caches (format < 4)."""
    now = time.time()
    try:
        names = os.listdir(root)
    except OSError:
        return
    for name in names:
        if not (name.startswith(".parsed-") or (name.startswith("dir-") and name.endswith(".pickle"))):
            continue
        path = root / name
        try:
            st = os.lstat(path)
            if name.endswith(".pickle") or now - st.st_mtime > STALE_TEMP_S:
                if stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode):
                    os.unlink(path)
        except OSError:
            pass


class _DirCache:
    """The entries of the question files of one directory, in one JSON file:
    {"key": …, "directory": …, "entries": {path: [[size, mtime_ns, builtin], question, problems]}}.

    Entries are decoded (and their shape checked) on first use, so a run that needs a few
    questions does not build all of them."""

    def __init__(self, directory: str, root: Path | None, key: list):
        digest = hashlib.sha1(directory.encode("utf-8", "surrogatepass")).hexdigest()[:20]
        self.enabled = root is not None
        self.path = (root or Path(".")) / f"dir-{digest}.json"
        self.directory = directory
        self.key = key
        self.raw: dict = {}  # path -> the stored JSON entry, not yet decoded
        self.entries: dict[str, tuple] = {}  # path -> (stamp, (question, problems))
        self.used: set[str] = set()
        self.dirty = False
        data = _read_private(self.path) if self.enabled else None
        if data is None:
            return
        try:
            stored = json.loads(data)
        except (ValueError, RecursionError):  # truncated, corrupt, not ours: rebuild
            return
        if (type(stored) is dict and stored.get("key") == key
                and stored.get("directory") == directory and type(stored.get("entries")) is dict):
            self.raw = stored["entries"]

    def get(self, name: str, stamp: tuple):
        """The cached (question, problems) for this file at this stamp, or None."""
        entry = self.entries.get(name)
        if entry is None and name in self.raw:
            entry = _decode_entry(self.raw.pop(name))
            if entry is not None:
                self.entries[name] = entry
        if entry is not None and entry[0] == stamp:
            return entry[1]
        return None

    def put(self, name: str, stamp: tuple, result) -> None:
        self.raw.pop(name, None)
        self.entries[name] = (stamp, result)
        self.dirty = True

    def save(self) -> None:
        if not self.enabled:
            return
        gone = [n for n in [*self.entries, *self.raw]
                if n not in self.used and not os.path.exists(n)]
        for name in gone:  # deleted question files
            self.entries.pop(name, None)
            self.raw.pop(name, None)
        if not (self.dirty or gone):
            return
        entries = dict(self.raw)  # never decoded: written back as read
        for name, (stamp, (question, problems)) in self.entries.items():
            try:
                entries[name] = [list(stamp), to_json(question), to_json(problems)]
            except TypeError:  # a value with no JSON form: just not cached
                pass
        write_json(self.path, {"key": self.key, "directory": self.directory, "entries": entries})


def write_json(path: Path, data) -> None:
    """Write a cache file atomically (a concurrent reader sees the old one or the new, whole),
    through a `.parsed-*` temp file that `_clean_stale` removes if a run is killed. Failing
    only costs speed: a read-only cache dir is not an error."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".parsed-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
        tmp = None
    except (OSError, ValueError, UnicodeError):
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _decode_entry(raw):
    """[stamp, question, problems] as stored -> (stamp, (Question | None, [Problem])), or None
    when it does not have that shape (the file is then parsed again)."""
    try:
        if type(raw) is not list or len(raw) != 3:
            return None
        stamp, question, problems = raw
        if (type(stamp) is not list or len(stamp) != 3 or type(stamp[0]) is not int
                or type(stamp[1]) is not int or type(stamp[2]) is not bool):
            return None
        q = None if question is None else from_json(Question, question)
        found = from_json(list[Problem], problems)
        if any(p.code not in CODES for p in found):
            return None
        return tuple(stamp), (q, found)
    except (ShapeError, RecursionError, TypeError):
        return None


class ParseCache:
    """A drop-in for loader.parse_file that remembers results across runs, one cache file
    per directory of question files (so a run that reads only the built-in bank does not
    pay for reading a large user bank)."""

    def __init__(self, root: Path | None = None):
        self.root = root or cache_dir()
        self.trusted = _private_dir(self.root)  # else: no cache this run, quietly
        if self.trusted:
            _clean_stale(self.root)
        self.key = _code_key()
        self.dirs: dict[str, _DirCache] = {}
        self.hits = 0
        self.misses = 0

    def __call__(self, path: Path | str, *, builtin: bool = True):
        name = os.path.abspath(os.fspath(path))
        directory = os.path.dirname(name)
        store = self.dirs.get(directory)
        if store is None:
            store = self.dirs[directory] = _DirCache(
                directory, self.root if self.trusted else None, self.key)
        try:
            st = os.stat(name)
            stamp = (st.st_size, st.st_mtime_ns, builtin)
        except OSError:
            stamp = None
        store.used.add(name)
        cached = store.get(name, stamp) if stamp is not None else None
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        result = loader.parse_file(path, builtin=builtin)
        if stamp is not None:
            store.put(name, stamp, result)
        return result

    def save(self) -> None:
        for store in self.dirs.values():
            store.save()


def load_bank(extra_dirs: Iterable[Path | str] = (), **kwargs) -> "loader.Bank":
    """loader.load_bank through the cache (set QUIZ_NO_CACHE=1 to bypass it)."""
    from ..settings import no_cache

    if no_cache():
        return loader.load_bank(extra_dirs, **kwargs)
    cache = ParseCache()
    bank = loader.load_bank(extra_dirs, parse=cache, **kwargs)
    cache.save()
    return bank


_UNSET = object()


class LazyBank:
    """The bank for commands that need a few questions by id (`quiz ask --id X --answer …`).

    A question's id equals its file name (QZ015 is an error), so ids, duplicates and
    "Did you mean" come from a directory walk alone; only the questions asked for are parsed
    (through the cache, stat-checked, so never stale). Anything that needs every question
    (`questions`, `select`, `tags`, `problems`) falls back to the full load."""

    def __init__(self, extra_dirs: Iterable[Path | str] = ()):
        self._extra = list(extra_dirs)
        self._cache = ParseCache()
        self.roots = tuple(loader.content_roots(self._extra))
        self._paths: dict[str, list[tuple[str, bool]]] = {}
        for root in self.roots:
            for path in _scan(root.path):
                stem = os.path.basename(path)[:-3]
                self._paths.setdefault(stem, []).append((path, root.builtin))
        self._parsed: dict[str, object] = {}
        self._full: loader.Bank | None = None
        self._lexicon = _UNSET
        self.load_problems: list = []

    # -- by id, without loading everything
    def __contains__(self, qid: object) -> bool:
        return qid in self._paths

    def ids(self) -> list[str]:
        """In curriculum order, as the full load gives it: each root's listed ids first, then
        by path (only needed for suggestions, so sorted on demand)."""
        ordered: list[str] = []
        for root in self.roots:
            rank = {qid: i for i, (qid, _) in reversed(list(enumerate(
                loader.read_curriculum(root.path) or [])))}
            prefix = os.path.join(os.fspath(root.path), "")
            here = [stem for stem, paths in self._paths.items() if paths[0][0].startswith(prefix)]
            here.sort(key=lambda stem: (rank.get(stem, len(rank)), self._paths[stem][0][0]))
            ordered += here
        return ordered

    def find(self, qid: str):
        if self._full is not None:
            return self._full.find(qid)
        if qid not in self._paths:
            return None
        if qid not in self._parsed:
            self._parsed[qid] = self._parse(qid)
        return self._parsed[qid]

    def get(self, qid: str):
        q = self.find(qid)
        if q is not None:
            return q
        if qid in self._paths:  # the file exists but is broken: say why
            bad = next((p for p in self.load_problems if p.is_error), None)
            raise ContentError(f"Question '{qid}' cannot be loaded: {bad.format()}" if bad else
                            f"Question '{qid}' cannot be loaded (run quiz lint).")
        near = closest(qid, self._paths, limit=3)
        hint = f" Did you mean: {', '.join(near)}?" if near else ""
        raise UnknownQuestion(qid, message=f"Unknown question id '{qid}'.{hint} (quiz list shows all "
                        f"{len(self._paths)})")

    def _parse(self, qid: str):
        path, builtin = self._paths[qid][0]  # the first root wins, as in the full load
        q, problems = self._cache(path, builtin=builtin)
        self._cache.save()
        self.load_problems.extend(problems)
        if q is None:
            return None
        missing = [r for r in (*q.follow_ups, *q.related) if r not in self._paths]
        if missing:
            q = replace(q, follow_ups=tuple(r for r in q.follow_ups if r in self._paths),
                        related=tuple(r for r in q.related if r in self._paths))
        return q

    # -- everything else needs the whole bank
    def _bank(self) -> "loader.Bank":
        if self._full is None:
            self._full = loader.load_bank(self._extra, parse=self._cache)
            self._cache.save()
        return self._full

    @property
    def questions(self):
        return self._bank().questions

    @property
    def problems(self):
        return self._bank().problems

    @property
    def errors(self):
        return [p for p in self.load_problems if p.is_error] if self._full is None \
            else self._full.errors

    def __len__(self) -> int:
        return len(self._paths) if self._full is None else len(self._full)

    def __iter__(self):
        return iter(self.questions)

    def tags(self):
        return self._bank().tags()

    def select(self, tags: Iterable[str] = (), difficulty=None):
        return self._bank().select(tags, difficulty)

    @property
    def lexicon(self):
        """The roots' lexicon (loader.roots_lexicon), loaded on first use, without the full
        load."""
        if self._lexicon is _UNSET:
            self._lexicon = loader.roots_lexicon(self.roots)
        return self._lexicon


def _scan(root: Path) -> list[str]:
    """Question file paths under root, by the rules of loader.discover (hidden paths and
    README.md skipped), as strings: no Path objects for 10,000 files."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and not d.endswith(".md")]
        for name in filenames:
            if name.endswith(".md") and not name.startswith(".") and name.lower() != "readme.md":
                found.append(os.path.join(dirpath, name))
    return found


# --------------------------------------------------------------------------- JSON codec

_NoneType = type(None)


class ShapeError(ValueError):
    """A cached value does not have the shape of the model: the entry is ignored."""


def _decoder(tp):
    """A function JSON value -> Python value of type `tp` that checks the shape on the way
    (ShapeError otherwise). Built from the model's annotations, so a new field of a known
    kind (str, int, float, bool, dict[str, …], tuple[…, ...], a nested dataclass, X | None)
    needs no change here."""
    if tp in _DECODERS:
        return _DECODERS[tp]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if dataclasses.is_dataclass(tp):
        _DECODERS[tp] = lambda v: _decode_dataclass(tp, v)  # recursive types: fill in below
        try:
            fn = _dataclass_decoder(tp)
        except Exception as exc:  # an annotation that does not resolve
            del _DECODERS[tp]
            raise TypeError(f"no JSON form for {tp!r}: {exc}") from None
    elif origin in (typing.Union, types.UnionType):
        options = [_decoder(a) for a in args]
        nullable = _NoneType in args

        def fn(v, options=options, nullable=nullable):
            if v is None:
                if nullable:
                    return None
                raise ShapeError("null")
            for option in options:
                try:
                    return option(v)
                except ShapeError:
                    pass
            raise ShapeError(f"no option of {tp} fits")
    elif origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis and args[0] is str:
            def fn(v):
                if type(v) is not list or not all([type(x) is str for x in v]):
                    raise ShapeError("list of strings expected")
                return tuple(v)
        elif len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])

            def fn(v, item=item):
                if type(v) is not list:
                    raise ShapeError("list expected")
                return tuple([item(x) for x in v])
        else:
            items = [_decoder(a) for a in args]

            def fn(v, items=items):
                if type(v) is not list or len(v) != len(items):
                    raise ShapeError("fixed list expected")
                return tuple(d(x) for d, x in zip(items, v))
    elif origin in (dict, collections.abc.Mapping):
        key, value = (_decoder(args[0]), _decoder(args[1])) if args else (_any, _any)
        if key is _str and value in (_str, _DECODERS[int]):
            kind = str if value is _str else int

            def fn(v, kind=kind):
                if type(v) is not dict or not all([type(x) is kind for x in v.values()]):
                    raise ShapeError(f"object of {kind.__name__} expected")
                return v  # json keys are always str
        else:
            def fn(v, key=key, value=value):
                if type(v) is not dict:
                    raise ShapeError("object expected")
                return {key(k): value(x) for k, x in v.items()}
    elif origin is list:
        item = _decoder(args[0]) if args else _any

        def fn(v, item=item):
            if type(v) is not list:
                raise ShapeError("list expected")
            return [item(x) for x in v]
    elif origin is typing.Literal:
        def fn(v, allowed=args):
            if v not in allowed or type(v) not in {type(a) for a in allowed}:
                raise ShapeError("literal expected")
            return v
    elif tp is typing.Any:
        fn = _any
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        def fn(v):
            try:
                return tp(v)
            except ValueError:
                raise ShapeError("enum value expected") from None
    else:
        raise TypeError(f"no JSON form for {tp!r}")
    _DECODERS[tp] = fn
    return fn


def _scalar(kind):
    def fn(v):
        if type(v) is not kind:
            raise ShapeError(f"{kind.__name__} expected")
        return v
    return fn


def _float(v):
    if type(v) is float:
        return v
    if type(v) is int:  # json writes 1.0 as 1.0, but accept 1
        return float(v)
    raise ShapeError("number expected")


def _path(v):
    if type(v) is not str:
        raise ShapeError("path string expected")
    return Path(v)


def _none(v):
    if v is not None:
        raise ShapeError("null expected")
    return None


def _any(v):
    return v


_str = _scalar(str)
_DECODERS: dict = {str: _str, int: _scalar(int), bool: _scalar(bool), float: _float,
                   _NoneType: _none, Path: _path, typing.Any: _any}


def _dataclass_decoder(cls):
    hints = typing.get_type_hints(cls)
    plan = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        plan.append((f.name, _decoder(hints[f.name]), required))

    decoders = {name: decode for name, decode, _ in plan}
    required = {name for name, _, needed in plan if needed}

    def fn(v):
        if type(v) is not dict:
            raise ShapeError(f"{cls.__name__}: object expected")
        # keys the model does not know (an entry from a newer model) are ignored
        kwargs = {k: decoders[k](x) for k, x in v.items() if k in decoders}
        if not required <= kwargs.keys():
            raise ShapeError(f"{cls.__name__}: {sorted(required - kwargs.keys())} missing")
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as exc:  # a __post_init__ check
            raise ShapeError(str(exc)) from None
    return fn


def _decode_dataclass(cls, v):
    return _DECODERS[cls](v)


def to_json(obj):
    """A model value (Question, KeyPoint, Fact, Problem, …) as plain JSON data: dataclasses
    as objects of their fields, tuples as lists, Paths as strings."""
    kind = type(obj)
    if kind is str or kind is int or kind is float or kind is bool or obj is None:
        return obj
    if kind is tuple or kind is list:
        return [to_json(x) for x in obj]
    if isinstance(obj, collections.abc.Mapping):
        return {_key(k): to_json(v) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_json(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.init}
    if isinstance(obj, PurePath):
        return os.fspath(obj)
    if isinstance(obj, enum.Enum):
        return to_json(obj.value)
    raise TypeError(f"no JSON form for {kind.__name__}")


def _key(k):
    if type(k) is not str:
        raise TypeError("mapping keys must be strings")
    return k


def from_json(cls, data):
    """The inverse of to_json for a dataclass `cls`; ShapeError when data does not fit."""
    return _decoder(cls)(data)
