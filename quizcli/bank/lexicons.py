"""The lexicons of the content roots: every `lexicon/*.yaml` as one `grading.lexicon.Lexicon`.

    lexicon_dir(root) -> Path                 where a root keeps its lexicon files
    load_lexicons(dirs) -> LexiconLoad        the merged lexicon, its problems, where concepts are

The built-in bank's questions are `content/questions/`, its lexicon `content/lexicon/`; a user's
content directory DIR (--content-dir, QUIZ_CONTENT_PATH) keeps its own in `DIR/lexicon/`. Files
are read with yamlines (line numbers) and checked here, each problem with its line:
- QZ090: the file's structure (a mapping of concept slug -> {en: [forms], ko: [forms]}) and
  each form (`grading.lexicon.check_form`); a concept with a problem is left out;
- QZ091: a concept id given twice in one file (YAML would keep only the last); across files
  and content roots a concept gathers the forms of each definition (a user's directory may
  add forms to a built-in concept);
- QZ092 (warning, lint only, `unused_concepts`): a concept no claim of the bank names;
- QZ093: a `contrast:` entry (the concepts that compete with this one as a subject, claims.py)
  that names no concept of the merged lexicon, or the concept itself.
`Bank.lexicon` and `LazyBank.lexicon` load this on first use (grading asks for it only when a
key point has claims), so `quiz ask --id X --answer … --json` pays nothing for rubrics of
patterns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .codes import Problem, problem
from .model import LANGS, Question

LEXICON_DIR = "lexicon"
MAX_LEXICON_BYTES = 1_048_576


def lexicon_dir(root_path: Path, builtin: bool) -> Path:
    """The lexicon directory of a content root (the built-in one sits next to questions/)."""
    return root_path.parent / LEXICON_DIR if builtin else root_path / LEXICON_DIR


@dataclass
class LexiconLoad:
    lexicon: object  # grading.lexicon.Lexicon
    problems: list[Problem] = field(default_factory=list)
    where: dict[str, tuple[Path, int]] = field(default_factory=dict)  # concept -> (file, line)
    # (concept, rival, file, line) of each `contrast:` entry, checked once all files are read
    contrast_refs: list[tuple[str, str, Path, int]] = field(default_factory=list)


def _lexicon_files(dirs: Iterable[Path]) -> list[Path]:
    """Every `*.yaml` of each directory (sorted; a directory once), in merge order."""
    files: list[Path] = []
    seen: set[Path] = set()
    for d in dirs:
        d = Path(d)
        try:
            key = d.resolve()
        except OSError:
            key = d.absolute()
        if key in seen or not d.is_dir():
            continue
        seen.add(key)
        files.extend(sorted(d.glob("*.yaml")))
    return files


def load_lexicons(dirs: Iterable[Path], cache_root: Path | None = None) -> LexiconLoad:
    """Every `*.yaml` of each directory (sorted; a directory once), merged in order.

    With `cache_root` (grading, not lint), the merged concepts are kept in one JSON file
    there, keyed by each file's size and mtime and by the code: parsing ~100 KB of YAML cost
    more than the rest of `quiz ask --answer` together. Problems are not cached: a run that
    reports them (lint) reads the files."""
    from ..grading.lexicon import Lexicon

    files = _lexicon_files(dirs)
    cached = _cached_concepts(files, cache_root) if cache_root is not None else None
    if cached is not None:
        return LexiconLoad(Lexicon.from_mapping(cached))
    concepts: dict[str, dict[str, tuple[str, ...]]] = {}
    out = LexiconLoad(None)
    for path in files:
        _read_file(path, concepts, out)
    for cid, ref, path, line in out.contrast_refs:
        if ref not in concepts or ref == cid:
            out.problems.append(problem("QZ093", path, line, id=cid, ref=ref))
    out.lexicon = Lexicon.from_mapping(concepts)
    if cache_root is not None:
        _store_concepts(files, cache_root, concepts)
    return out


def _stamps(files: list[Path]) -> list | None:
    from .cache import _code_key

    stamps: list = [_code_key()]
    for f in files:
        try:
            st = f.stat()
        except OSError:
            return None
        stamps.append([str(f), st.st_size, st.st_mtime_ns])
    return stamps


def _cache_file(root: Path) -> Path:
    return root / "lexicon.json"


def _cached_concepts(files: list[Path], root: Path) -> dict | None:
    import json

    from .cache import _private_dir, _read_private

    key = _stamps(files)
    if key is None or not _private_dir(root):
        return None
    data = _read_private(_cache_file(root))
    if data is None:
        return None
    try:
        stored = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if type(stored) is not dict or stored.get("key") != key:
        return None
    concepts = stored.get("concepts")
    if type(concepts) is not dict or not all(
            type(c) is str and type(langs) is dict and all(
                type(lang) is str and type(forms) is list and all(type(f) is str for f in forms)
                for lang, forms in langs.items())
            for c, langs in concepts.items()):
        return None  # not the shape we write: read the files
    return concepts  # lists: Lexicon() makes the tuples, one pass instead of two


def _store_concepts(files: list[Path], root: Path, concepts: dict) -> None:
    from .cache import _private_dir, write_json

    key = _stamps(files)
    if key is None or not _private_dir(root):
        return
    write_json(_cache_file(root), {"key": key, "concepts": {
        c: {lang: list(forms) for lang, forms in langs.items()} for c, langs in concepts.items()}})


def _read_file(path: Path, concepts: dict, out: LexiconLoad) -> None:
    import yaml

    from ..grading.lexicon import CONTRAST, check_form
    from .fields import describe_value, is_slug
    from .yamlines import LineMap, LineSeq, line_loader

    def add(code: str, line: int | None, **fields) -> None:
        out.problems.append(problem(code, path, line, **fields))

    try:
        data = path.read_bytes()
        if len(data) > MAX_LEXICON_BYTES:
            add("QZ090", None, detail=f"the file is larger than {MAX_LEXICON_BYTES} bytes")
            return
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        add("QZ090", None, detail=f"cannot read it ({exc})")
        return
    loader = line_loader()(text)
    try:
        doc = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        add("QZ090", mark.line + 1 if mark else None,
            detail="YAML syntax error: " + " ".join(str(exc.problem or exc).split()))
        return
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        add("QZ090", None, detail="YAML error: " + " ".join(str(exc).split())[:200])
        return
    finally:
        loader.dispose()
    for key, line, first in loader.duplicates:
        add("QZ091", line + 1, id=key, first=f"line {first + 1} of the same file")
    if doc is None:
        return
    if not isinstance(doc, LineMap):
        add("QZ090", 1, detail=f"a lexicon file is a mapping of concept ids to {{en: [forms], "
                               f"ko: [forms]}}, not {describe_value(doc)}")
        return
    for cid, by_lang in doc.items():
        line = doc.key_lines.get(cid, doc.line) + 1
        if not is_slug(cid):
            add("QZ090", line, detail=f"concept id {cid!r} is not a slug (lower-case words "
                                      "joined by '-')")
            continue
        if (not isinstance(by_lang, LineMap) or not set(by_lang) & set(LANGS)
                or set(by_lang) - set(LANGS) - {CONTRAST}):
            add("QZ090", line, detail=f"concept '{cid}' must be a mapping with en and/or ko "
                                      f"lists of forms (and an optional contrast list), not "
                                      f"{describe_value(by_lang)}")
            continue
        forms: dict[str, tuple[str, ...]] = {}
        ok = True
        rivals = by_lang.get(CONTRAST)
        if rivals is not None:
            cline = by_lang.key_lines.get(CONTRAST, by_lang.line) + 1
            if (not isinstance(rivals, LineSeq) or not rivals
                    or not all(isinstance(r, str) and is_slug(r) for r in rivals)):
                add("QZ090", cline, detail=f"concept '{cid}'.contrast must be a non-empty list of "
                                           f"concept ids, not {describe_value(rivals)}")
                ok = False
            else:
                for r in rivals:
                    out.contrast_refs.append((cid, r, path, cline))
        for lang, items in by_lang.items():
            if lang == CONTRAST:
                continue
            lline = by_lang.key_lines.get(lang, by_lang.line) + 1
            if not isinstance(items, LineSeq) or not items:
                add("QZ090", lline, detail=f"concept '{cid}'.{lang} must be a non-empty list "
                                           f"of forms, not {describe_value(items)}")
                ok = False
                continue
            for i, form in enumerate(items):
                why = check_form(form)
                if why:
                    add("QZ090", items.item_lines[i] + 1,
                        detail=f"concept '{cid}'.{lang} form {form!r}: {why}")
                    ok = False
            forms[lang] = tuple(f for f in items if isinstance(f, str))
        if not ok:
            continue
        if rivals:
            forms[CONTRAST] = tuple(rivals)
        if cid in concepts:  # a concept may gather forms from several files and roots
            mine = concepts[cid]
            for lang in (*LANGS, CONTRAST):
                extra = tuple(f for f in forms.get(lang, ()) if f not in mine.get(lang, ()))
                if extra or lang in mine:
                    mine[lang] = tuple(mine.get(lang, ())) + extra
            continue
        concepts[cid] = dict(forms)
        out.where[cid] = (path, line)


def claim_concepts(questions: Iterable[Question]) -> set[str]:
    """Every concept a claim or contradiction of these questions names."""
    from ..grading.claims import ClaimSyntaxError, parse_claim

    used: set[str] = set()
    for q in questions:
        for kp in q.key_points:
            for c in (*kp.claims, *(c for con in kp.contradicts for c in con.claims)):
                try:
                    used |= parse_claim(c).concepts
                except ClaimSyntaxError:
                    continue
    return used


def unused_concepts(load: LexiconLoad, questions: list[Question],
                    files: Iterable[Path] | None = None) -> list[Problem]:
    """QZ092 for concepts (of `files`, default all) no claim names; nothing when no question
    has claims yet (a lexicon may be written ahead of the rubrics that use it)."""
    if not any(kp.claims for q in questions for kp in q.key_points):
        return []
    used = claim_concepts(questions)
    wanted = None if files is None else {Path(f).resolve() for f in files}
    out = []
    for cid, (path, line) in load.where.items():
        if cid in used or (wanted is not None and path.resolve() not in wanted):
            continue
        out.append(problem("QZ092", path, line, id=cid))
    return out
