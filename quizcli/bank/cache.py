"""A parsed-content cache, so a bank of thousands of questions loads without YAML.

One pickle file per directory, in the user cache dir, holds per question file (size, mtime_ns, builtin)
and what `parse_file` returned for it. A file is re-parsed whenever its size or mtime
changes, a new file is parsed, an entry for a deleted file is dropped: the cache is never
stale. The key also covers the code that produced the entries (the quizcli version and the
loader/model sources), so an upgrade starts afresh. A cache file that cannot be read for
any reason is ignored and rebuilt: it only ever costs a re-parse.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Iterable

from dataclasses import replace

from .. import __version__
from ..errors import QuizError, closest
from ..paths import cache_dir
from . import loader

FORMAT = 3


def _code_key() -> tuple:
    here = Path(__file__).resolve().parent
    stats = []
    for name in ("loader.py", "model.py", "codes.py", "yamlines.py", "sections.py", "fields.py",
                 "draft.py", "discovery.py", "../kinds/__init__.py", "../kinds/number.py"):
        try:
            st = (here / name).stat()
            stats.append((name, st.st_size, st.st_mtime_ns))
        except OSError:
            stats.append((name, None, None))
    return (FORMAT, __version__, tuple(stats))


class _DirCache:
    """The entries of the question files of one directory, in one pickle file."""

    def __init__(self, directory: str, root: Path, key: tuple):
        digest = hashlib.sha1(directory.encode("utf-8", "surrogatepass")).hexdigest()[:20]
        self.path = root / f"dir-{digest}.pickle"
        self.directory = directory
        self.key = key
        self.entries: dict[str, tuple] = {}
        self.used: set[str] = set()
        self.dirty = False
        try:
            with open(self.path, "rb") as fh:
                stored_key, stored_dir, entries = pickle.load(fh)
            if stored_key == key and stored_dir == directory and isinstance(entries, dict):
                self.entries = entries
        except Exception:  # missing, truncated, corrupt, from another version: rebuild
            pass

    def save(self) -> None:
        gone = [n for n in self.entries if n not in self.used and not os.path.exists(n)]
        for name in gone:  # deleted question files
            del self.entries[name]
        if not (self.dirty or gone):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".parsed-", dir=self.path.parent)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((self.key, self.directory, self.entries), fh,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)  # atomic: a concurrent reader sees old or new, whole
        except OSError:
            pass  # a read-only cache dir only costs speed


class ParseCache:
    """A drop-in for loader.parse_file that remembers results across runs, one cache file
    per directory of question files (so a run that reads only the built-in bank does not
    pay for unpickling a large user bank)."""

    def __init__(self, root: Path | None = None):
        self.root = root or cache_dir()
        self.key = _code_key()
        self.dirs: dict[str, _DirCache] = {}
        self.hits = 0
        self.misses = 0

    def __call__(self, path: Path | str, *, builtin: bool = True):
        name = os.path.abspath(os.fspath(path))
        directory = os.path.dirname(name)
        store = self.dirs.get(directory)
        if store is None:
            store = self.dirs[directory] = _DirCache(directory, self.root, self.key)
        try:
            st = os.stat(name)
            stamp = (st.st_size, st.st_mtime_ns, builtin)
        except OSError:
            stamp = None
        store.used.add(name)
        entry = store.entries.get(name)
        if stamp is not None and entry is not None and entry[0] == stamp:
            self.hits += 1
            return entry[1]
        self.misses += 1
        result = loader.parse_file(path, builtin=builtin)
        if stamp is not None:
            store.entries[name] = (stamp, result)
            store.dirty = True
        return result

    def save(self) -> None:
        for store in self.dirs.values():
            store.save()


def load_bank(extra_dirs: Iterable[Path | str] = (), **kwargs) -> "loader.Bank":
    """loader.load_bank through the cache (set QUIZ_NO_CACHE=1 to bypass it)."""
    if os.environ.get("QUIZ_NO_CACHE"):
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
            raise QuizError(f"Question '{qid}' cannot be loaded: {bad}" if bad else
                            f"Question '{qid}' cannot be loaded (run quiz lint).")
        near = closest(qid, self._paths, limit=3)
        hint = f" Did you mean: {', '.join(near)}?" if near else ""
        raise QuizError(f"Unknown question id '{qid}'.{hint} (quiz list shows all "
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
