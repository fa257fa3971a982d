"""Issue 17, item 10: a progress import is read a member at a time (store/jsonstream.py), so a
large export imports in flat memory, and a bad entry anywhere still leaves nothing imported."""

from __future__ import annotations

import io
import json
import tracemalloc

import pytest

from quizcli.store import jsonstream
from quizcli.store.jsonstream import JSONStreamError, members


def _read_all(text: str, chunk: int):
    jsonstream_chunk = jsonstream.CHUNK
    jsonstream.CHUNK = chunk
    try:
        out = {}
        for key, value in members(io.BytesIO(text.encode()).read, 10**9, json.JSONDecoder(),
                                  frozenset({"reviews"})):
            out[key] = list(value) if hasattr(value, "__next__") else value
        return out
    finally:
        jsonstream.CHUNK = jsonstream_chunk


@pytest.mark.parametrize("chunk", [1, 2, 7, 64, 1 << 20])
def test_members_read_the_same_object_whatever_the_chunk_size(chunk):
    doc = {"format": "x", "version": 1, "sessions": [{"uid": "s"}],
           "reviews": [{"u": i, "t": "가" * i, "n": 1.5e3, "b": [True, None]} for i in range(40)],
           "settings": {"retention": 0.9}, "big": 12345678901234}
    assert _read_all(json.dumps(doc, indent=1, ensure_ascii=False), chunk) == doc


@pytest.mark.parametrize("text", ['{not json', '{"a":1,}', '{"a":1} x', '{"reviews":[1,2',
                                  '{"a"\n:\n[1,\n2,,3]}', '{"reviews":[1,\n 2 3]}', '{"a": tru'])
@pytest.mark.parametrize("chunk", [1, 5, 1 << 20])
def test_errors_point_where_the_standard_decoder_does(text, chunk):
    with pytest.raises(json.JSONDecodeError) as ref:
        json.loads(text)
    with pytest.raises(JSONStreamError) as got:
        _read_all(text, chunk)
    assert (got.value.msg, got.value.lineno, got.value.colno) == (
        ref.value.msg, ref.value.lineno, ref.value.colno)


def _export(n: int, bad_at: int | None = None) -> str:
    reviews = []
    for i in range(n):
        r = {"uid": f"r{i}", "question_id": f"q{i % 7}", "reviewed_at": f"2025-03-01T09:{i // 60 % 60:02d}:{i % 60:02d}Z",
             "rating": 3 if i != bad_at else 9, "score": 0.5, "covered": ["a"], "missed": [],
             "tags": ["t"], "lang": "en", "duration_s": 3.0, "session": "s1"}
        reviews.append(json.dumps(r))
    return ('{"format": "quizcli-progress", "version": 1, "sessions": [{"uid": "s1", '
            '"started_at": "2025-03-01T09:00:00Z", "ended_at": null}], "reviews": ['
            + ",\n".join(reviews) + '], "settings": {"retention": 0.85}}')


def test_a_large_import_reads_in_flat_memory(tmp_path, monkeypatch):
    from quizcli.store import open_store
    from quizcli.store.progress import read_export

    small, large = tmp_path / "small.json", tmp_path / "large.json"
    small.write_text(_export(2_000))
    large.write_text(_export(20_000))
    peaks = []
    for path in (small, large):
        monkeypatch.setenv("QUIZ_HOME", str(tmp_path / path.stem))
        tracemalloc.start()
        data = read_export(str(path))
        with open_store(None) as store:
            result = store.import_data(data)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert result.added == (2_000 if path is small else 20_000)
    # ten times the reviews, nowhere near ten times the memory (reading whole: ~9x)
    assert peaks[1] < 3 * peaks[0], peaks


def test_settings_after_the_streamed_reviews_are_imported(tmp_path, cli):
    f = tmp_path / "e.json"
    f.write_text(_export(50))
    r = cli("progress", "import", str(f))
    assert r.exit_code == 0, r
    assert cli("config", "get", "retention").stdout.split() == ["retention", "=", "0.85"]


def test_a_bad_review_late_in_the_stream_leaves_nothing_imported(tmp_path, cli):
    f = tmp_path / "e.json"
    f.write_text(_export(12_000, bad_at=11_000))
    r = cli("progress", "import", str(f))
    assert r.exit_code == 2 and "reviews[11000].rating" in r.stderr, r
    assert len(r.stderr.strip().splitlines()) == 1
    assert json.loads(cli("progress", "export", "-").stdout)["reviews"] == []


def test_reviews_before_sessions_are_still_read(tmp_path, cli):
    f = tmp_path / "e.json"
    f.write_text('{"reviews": [{"uid": "r1", "question_id": "relu-vs-sigmoid", '
                 '"reviewed_at": "2025-03-01T09:01:00Z", "rating": 3, "session": "s1"}], '
                 '"format": "quizcli-progress", "version": 1, "sessions": [{"uid": "s1", '
                 '"started_at": "2025-03-01T09:00:00Z", "ended_at": null}]}')
    r = cli("progress", "import", str(f))
    assert r.exit_code == 0, r


def test_a_second_reviews_member_after_the_stream_is_refused(tmp_path, cli):
    f = tmp_path / "e.json"
    f.write_text(_export(3)[:-1] + ', "reviews": []}')
    r = cli("progress", "import", str(f))
    assert r.exit_code == 2 and "reviews" in r.stderr, r
