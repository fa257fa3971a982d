"""The parsed-content cache is never stale, survives corruption, and the lazy bank answers
by id without parsing the rest."""

from __future__ import annotations

import json
import os
import shutil
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


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95garbage", os.urandom(512)])
def test_a_corrupt_cache_file_is_ignored_and_rebuilt(tmp_path, garbage):
    d = _copy(tmp_path, "my-question")
    _, c = _load(d)
    files = list(c.root.glob("dir-*.pickle"))
    assert len(files) == 1
    files[0].write_bytes(garbage)
    bank, c2 = _load(d)
    assert c2.misses == 1 and bank.get("my-question").id == "my-question"
    _, c3 = _load(d)
    assert c3.hits == 1  # rebuilt and usable again


def test_cache_lives_in_the_cache_dir_not_the_data_dir(tmp_path, quiz_home, cli):
    r = cli("list", "--json")
    assert r.exit_code == 0
    assert list(Path(os.environ["QUIZ_CACHE_DIR"]).glob("dir-*.pickle"))
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
