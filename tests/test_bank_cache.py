"""The parsed-content cache is never stale, survives corruption, and the lazy bank answers
by id without parsing the rest."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizcli.bank import cache as bank_cache
from quizcli.paths import builtin_content_dir

CORE = builtin_content_dir() / "questions" / "activations" / "leaky-relu.md"


def _copy(tmp_path: Path, name: str = "leaky-relu") -> Path:
    d = tmp_path / "mine"
    d.mkdir(exist_ok=True)
    text = CORE.read_text(encoding="utf-8").replace("id: leaky-relu", f"id: {name}")
    (d / f"{name}.md").write_text(text, encoding="utf-8")
    return d


def _load(d: Path):
    c = bank_cache.ParseCache()
    from quizcli.bank import loader

    bank = loader.load_bank([d], include_builtin=False, parse=c)
    c.save()
    return bank, c


def test_second_load_comes_from_the_cache(tmp_path):
    d = _copy(tmp_path, "my-question")
    bank, c = _load(d)
    assert (c.hits, c.misses) == (0, 1)
    bank2, c2 = _load(d)
    assert (c2.hits, c2.misses) == (1, 0)
    assert bank2.get("my-question") == bank.get("my-question")


def test_an_edit_is_picked_up_on_the_next_run(tmp_path):
    d = _copy(tmp_path, "my-question")
    _load(d)
    f = d / "my-question.md"
    f.write_text(f.read_text(encoding="utf-8").replace("Leaky ReLU", "Leaky-ReLU (edited)", 1),
                 encoding="utf-8")
    st = f.stat()
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # even within one mtime tick
    bank, c = _load(d)
    assert c.misses == 1
    assert "(edited)" in (bank.get("my-question").title["en"] + bank.get("my-question").title["ko"]
                          + bank.get("my-question").answer["en"])


def test_a_deleted_file_disappears_and_a_new_one_appears(tmp_path):
    d = _copy(tmp_path, "first-question")
    _copy(tmp_path, "second-question")
    bank, _ = _load(d)
    assert set(bank.ids()) == {"first-question", "second-question"}
    (d / "first-question.md").unlink()
    _copy(tmp_path, "third-question")
    bank, c = _load(d)
    assert set(bank.ids()) == {"second-question", "third-question"}
    assert (c.hits, c.misses) == (1, 1)


@pytest.mark.parametrize("garbage", [b"", b"not json", b"{\"key\": [", b"[[[[[[" * 20000, b"\x80\x05\x95garbage", os.urandom(512)])
def test_a_corrupt_cache_file_is_ignored_and_rebuilt(tmp_path, garbage):
    d = _copy(tmp_path, "my-question")
    _, c = _load(d)
    files = list(c.root.glob("dir-*.json"))
    assert len(files) == 1
    files[0].write_bytes(garbage)
    bank, c2 = _load(d)
    assert c2.misses == 1 and bank.get("my-question").id == "my-question"
    _, c3 = _load(d)
    assert c3.hits == 1  # rebuilt and usable again


def test_cache_lives_in_the_cache_dir_not_the_data_dir(tmp_path, quiz_home, cli):
    r = cli("list", "--json")
    assert r.exit_code == 0
    assert list(Path(os.environ["QUIZ_CACHE_DIR"]).glob("dir-*.json"))
    assert not (quiz_home / "cache").exists()


def test_lazy_ask_ignores_an_unrelated_broken_file(tmp_path, cli):
    d = _copy(tmp_path, "my-question")
    (d / "broken.md").write_text("---\nid: broken\ntitle: [unclosed\n---\n", encoding="utf-8")
    r = cli("ask", "--id", "my-question", "--answer", "small slope for negative inputs",
            "--json", "--content-dir", str(d))
    assert r.exit_code == 0, r
    assert json.loads(r.stdout)["id"] == "my-question"


def test_lazy_ask_on_a_broken_file_says_why(tmp_path, cli):
    d = tmp_path / "mine"
    d.mkdir()
    (d / "broken.md").write_text("---\nid: broken\ntitle: [unclosed\n---\n", encoding="utf-8")
    r = cli("ask", "--id", "broken", "--answer", "x", "--json", "--content-dir", str(d))
    assert r.exit_code == 2
    assert "cannot be loaded" in r.stderr and "broken.md" in r.stderr
    assert r.stderr.count("\n") == 1


def test_lazy_bank_parses_only_what_is_asked(tmp_path):
    d = tmp_path / "many"
    d.mkdir()
    for i in range(30):
        shutil.copy(_copy(tmp_path, f"q-{i:02d}") / f"q-{i:02d}.md", d / f"q-{i:02d}.md")
    bank = bank_cache.LazyBank([d])
    builtin = len(list((Path(__file__).resolve().parent.parent / "content" / "questions")
                       .rglob("*.md")))
    assert "q-07" in bank and len(bank) == 30 + builtin
    q = bank.get("q-07")
    assert q.id == "q-07"
    assert bank._cache.misses == 1  # one file parsed, not 72
    with pytest.raises(Exception, match=r"Did you mean: .*q-07"):
        bank.get("q-7")


def test_a_skipped_file_is_named_instead_of_unknown_id(tmp_path, cli):
    d = tmp_path / "mine"
    d.mkdir()
    (d / "tab-indent.md").write_text("---\nid: tab-indent\ntitle:\n\tko: x\n---\n", encoding="utf-8")
    r = cli("show", "tab-indent", "--content-dir", str(d))
    assert r.exit_code == 2
    last = r.stderr.strip().splitlines()[-1]
    assert "was skipped because" in last and "QZ005" in last and "Unknown question id" not in last


# -- a hostile cache (issue 17, item 1): data only, shape-checked, ours only

def _cache_file(c) -> Path:
    files = list(c.root.glob("dir-*.json"))
    assert len(files) == 1
    return files[0]


class _Marker:
    """Unpickling this creates a marker file (what a planted pickle could do)."""

    def __init__(self, path: Path):
        self.path = path

    def __reduce__(self):
        return (Path.write_text, (self.path, "pwned"))


def test_a_planted_pickle_executes_nothing(tmp_path):
    import pickle

    d = _copy(tmp_path, "my-question")
    _, c = _load(d)
    target = _cache_file(c)
    marker = tmp_path / "marker"
    hostile = pickle.dumps(_Marker(marker))
    target.write_bytes(hostile)  # where the cache is read now
    target.with_suffix(".pickle").write_bytes(hostile)  # where the pickle cache was read
    bank, c2 = _load(d)
    assert not marker.exists()
    assert c2.misses == 1 and bank.get("my-question").id == "my-question"
    assert not target.with_suffix(".pickle").exists()  # the old format is cleaned away


def _right_keyed(c, entries: dict) -> dict:
    store = next(iter(c.dirs.values()))
    return {"key": c.key, "directory": store.directory, "entries": entries}


@pytest.mark.parametrize("shape", ["entry not a list", "stamp wrong", "title a number",
                                   "key point a string", "problem unknown code", "deep nesting"])
def test_a_right_keyed_wrong_shaped_file_is_ignored(tmp_path, shape):
    d = _copy(tmp_path, "my-question")
    _, c = _load(d)
    target = _cache_file(c)
    stored = json.loads(target.read_text(encoding="utf-8"))
    [(name, entry)] = stored["entries"].items()
    stamp, question, problems = entry
    if shape == "entry not a list":
        entry = {"a": 1}
    elif shape == "stamp wrong":
        entry = [[str(stamp[0]), stamp[1], stamp[2]], question, problems]
    elif shape == "title a number":
        entry = [stamp, {**question, "title": 5}, problems]
    elif shape == "key point a string":
        entry = [stamp, {**question, "key_points": ["x"]}, problems]
    elif shape == "problem unknown code":
        entry = [stamp, question, [{"path": name, "line": 1, "code": "QZ999", "message": "m"}]]
    else:
        entry = [stamp, {**question, "title": {"en": "[" * 0}}, problems]
        deep = "[" * 100_000 + "]" * 100_000
    text = json.dumps(_right_keyed(c, {name: entry}))
    if shape == "deep nesting":
        text = text.replace('"en": ""', f'"en": {deep}')
    target.write_text(text, encoding="utf-8")
    bank, c2 = _load(d)
    assert c2.misses == 1  # parsed again, not taken from the file
    assert bank.get("my-question").title["en"] == _load(d)[0].get("my-question").title["en"]
    assert isinstance(bank.get("my-question").title["en"], str)


def test_a_right_shaped_entry_is_used(tmp_path):
    """The counterpart of the above: the checks do not refuse a well-formed file."""
    d = _copy(tmp_path, "my-question")
    _, c = _load(d)
    target = _cache_file(c)
    stored = json.loads(target.read_text(encoding="utf-8"))
    [(name, (stamp, question, problems))] = stored["entries"].items()
    question["title"] = {"ko": "심은 제목", "en": "planted title"}
    target.write_text(json.dumps(_right_keyed(c, {name: [stamp, question, problems]})),
                      encoding="utf-8")
    bank, c2 = _load(d)
    assert c2.hits == 1 and bank.get("my-question").title["en"] == "planted title"


def test_a_cache_file_others_can_write_is_not_read(tmp_path):
    d = _copy(tmp_path, "my-question")
    _, c = _load(d)
    target = _cache_file(c)
    target.chmod(0o666)
    _, c2 = _load(d)
    assert (c2.hits, c2.misses) == (0, 1)
    assert not target.stat().st_mode & 0o022  # rewritten by us, private again


def test_a_cache_file_owned_by_someone_else_is_not_read(tmp_path, monkeypatch):
    d = _copy(tmp_path, "my-question")
    _load(d)
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)  # every file now belongs to another
    _, c = _load(d)
    assert (c.hits, c.misses) == (0, 1)
    assert not c.trusted  # the directory is not ours either: no cache at all this run


def test_a_group_writable_cache_dir_means_no_cache(tmp_path):
    d = _copy(tmp_path, "my-question")
    _, c = _load(d)
    _cache_file(c).unlink()
    c.root.chmod(0o777)
    bank, c2 = _load(d)
    assert not c2.trusted and c2.misses == 1 and bank.get("my-question")
    assert not list(c.root.glob("dir-*.json"))  # nothing written there either
    _, c3 = _load(d)
    assert c3.misses == 1


def test_a_symlinked_cache_file_is_not_followed(tmp_path):
    d = _copy(tmp_path, "my-question")
    _, c = _load(d)
    target = _cache_file(c)
    real = tmp_path / "elsewhere.json"
    real.write_bytes(target.read_bytes())
    target.unlink()
    target.symlink_to(real)
    _, c2 = _load(d)
    assert c2.misses == 1


def test_stale_temp_files_are_cleaned_and_fresh_ones_kept(tmp_path):
    d = _copy(tmp_path, "my-question")
    _, c = _load(d)
    stale, fresh = c.root / ".parsed-stale", c.root / ".parsed-fresh"
    stale.write_bytes(b"x" * 1000)
    fresh.write_bytes(b"x")
    old = stale.stat().st_mtime - bank_cache.STALE_TEMP_S - 60
    os.utime(stale, (old, old))
    _load(d)
    assert not stale.exists() and fresh.exists()


def test_every_builtin_question_round_trips_through_json():
    from quizcli.bank import loader

    bank = loader.load_bank()
    assert len(bank) > 10
    for q in bank:
        data = json.loads(json.dumps(bank_cache.to_json(q)))
        back = bank_cache.from_json(type(q), data)
        assert back == q
        assert (back.path, back.builtin, dict(back.source_lines)) == \
            (q.path, q.builtin, dict(q.source_lines))


@dataclass(frozen=True)
class Claim:
    id: str
    text: dict[str, str]
    weight: float = 1.0


@dataclass(frozen=True)
class Point:
    id: str
    claims: tuple[Claim, ...] = ()
    note: dict[str, str] | None = None
    kind: str = "open"


def test_the_codec_follows_new_optional_fields():
    """A model that gains fields (a kind, claims under a key point) needs no codec change,
    and an entry written before the field existed still decodes."""
    p = Point("a", (Claim("c1", {"en": "x"}, 0.5),), {"ko": "메모"}, "numeric")
    assert bank_cache.from_json(Point, json.loads(json.dumps(bank_cache.to_json(p)))) == p
    assert bank_cache.from_json(Point, {"id": "b", "later_field": [1]}) == Point("b")
    with pytest.raises(bank_cache.ShapeError):
        bank_cache.from_json(Point, {"id": "b", "claims": [{"id": "c", "text": {"en": 1}}]})
    with pytest.raises(bank_cache.ShapeError):
        bank_cache.from_json(Point, {"claims": []})  # id is required
