"""`quiz export anki`: the package is read back as Anki's collection format (zip + sqlite3),
and, when Anki's own `anki` library is importable, imported into a real collection."""

from __future__ import annotations

import html
import json
import sqlite3
import zipfile

import pytest

from quizcli.bank.loader import load_bank
from quizcli.bank.model import KeyPoint, Question
from quizcli.export.anki import DECK_ID, FIELDS, MODEL_ID, build_notes, note_guid, write_apkg


def read_package(path, tmp_path):
    """{guid: {field name: value}}, tags by guid, and the col row's models and decks."""
    with zipfile.ZipFile(path) as z:
        assert "collection.anki2" in z.namelist()
        db = tmp_path / f"{path.stem}.anki2"
        db.write_bytes(z.read("collection.anki2"))
    con = sqlite3.connect(db)
    try:
        models, decks = con.execute("SELECT models, decks FROM col").fetchone()
        notes, tags = {}, {}
        for guid, mid, flds, tag in con.execute("SELECT guid, mid, flds, tags FROM notes"):
            assert mid == MODEL_ID
            values = flds.split("\x1f")
            assert len(values) == len(FIELDS)
            notes[guid] = dict(zip(FIELDS, values))
            tags[guid] = tag.split()
        cards = con.execute("SELECT COUNT(*), COUNT(DISTINCT did) FROM cards").fetchone()
        card_decks = {r[0] for r in con.execute("SELECT did FROM cards")}
    finally:
        con.close()
    return notes, tags, json.loads(models), json.loads(decks), cards, card_decks


def test_one_note_per_question_with_every_field(cli, tmp_path):
    bank = load_bank([])
    out = tmp_path / "quiz.apkg"
    r = cli("export", "anki", str(out))
    assert r.exit_code == 0, r
    assert "does not carry over" in r.stdout
    notes, tags, models, decks, (n_cards, n_decks), card_decks = read_package(out, tmp_path)
    assert len(notes) == len(bank.questions) == n_cards and n_decks == 1
    assert str(MODEL_ID) in models and str(DECK_ID) in decks and card_decks == {DECK_ID}
    q = bank.get("relu-vs-sigmoid")
    note = notes[note_guid(q.id)]
    assert note["Id"] == q.id
    assert q.title["ko"] in note["Question"] and q.title["en"] in note["Question"]
    for kp in q.key_points:  # key points in both languages, as list items
        for lang in ("ko", "en"):
            assert f"<li>{html.escape(kp.text[lang].strip(), quote=False)}</li>" in note["KeyPoints"]
    for command in q.see_commands():
        assert command in note["SeeAlso"]
    for x in bank.questions:  # the 30-second answer exactly when the question has one
        assert bool(notes[note_guid(x.id)]["Summary"]) == bool(x.summary)
    assert "quizcli" in tags[note_guid(q.id)]
    assert set(q.tags) <= set(tags[note_guid(q.id)])


def test_guids_are_stable_across_exports_and_languages(cli, tmp_path):
    a, b = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert cli("export", "anki", str(a)).exit_code == 0
    assert cli("export", "anki", str(b), "--lang", "ko").exit_code == 0
    notes_a = read_package(a, tmp_path)[0]
    notes_b = read_package(b, tmp_path)[0]
    assert set(notes_a) == set(notes_b)
    ids = {guid: n["Id"] for guid, n in notes_a.items()}
    assert all(note_guid(qid) == guid for guid, qid in ids.items())
    assert len(set(ids.values())) == len(ids)
    # --lang ko: Korean only
    q = load_bank([]).get("relu-vs-sigmoid")
    assert q.title["en"] not in notes_b[note_guid(q.id)]["Question"]


def _question(**over):
    fields = dict(
        id="x-escape", title={"ko": "왜 x < 0 에서 <b>기울기</b>가 0인가요?",
                              "en": "Why is the gradient 0 for x < 0 & <script>?"},
        answer={"ko": "ReLU'(x) = 0 (x < 0).\n두 번째 줄", "en": "Because max(0, x) is flat: a<b>c"},
        tags=("relu", "two words"), difficulty=1,
        key_points=(KeyPoint("k", {"ko": "0 < x 일 때 1", "en": "1 when 0 < x"}, {}),),
        see_explain=("relu",), see_demo=("kink",),
        summary={"ko": "요약 <요점>", "en": "summary <point>"})
    fields.update(over)
    return Question(**fields)


def test_html_is_escaped_and_korean_survives(tmp_path):
    notes = build_notes([_question()], "both")
    path = write_apkg(notes, str(tmp_path / "esc.apkg"))
    note = read_package(path, tmp_path)[0][note_guid("x-escape")]
    assert "x &lt; 0" in note["Question"] and "&lt;b&gt;기울기&lt;/b&gt;" in note["Question"]
    assert "&amp; &lt;script&gt;" in note["Question"] and "<script>" not in note["Question"]
    assert "a&lt;b&gt;c" in note["Answer"] and "두 번째 줄" in note["Answer"]
    assert "<li>0 &lt; x 일 때 1</li>" in note["KeyPoints"]
    assert "요약 &lt;요점&gt;" in note["Summary"]
    assert note["SeeAlso"] == "quiz explain relu · quiz demo kink"
    tags = read_package(path, tmp_path)[1][note_guid("x-escape")]
    assert "two_words" in tags  # Anki tags cannot hold spaces


def test_tag_filter_overwrite_and_bad_names_are_one_line(cli, tmp_path):
    out = tmp_path / "relu.apkg"
    r = cli("export", "anki", str(out), "--tag", "relu", "--lang", "en")
    assert r.exit_code == 0, r
    expected = {q.id for q in load_bank([]).select(["relu"])}
    assert {n["Id"] for n in read_package(out, tmp_path)[0].values()} == expected
    for args in (("export", "anki", str(out)),  # exists, no --force
                 ("export", "anki", str(tmp_path / "deck.txt")),
                 ("export", "anki", str(tmp_path / "y.apkg"), "--lang", "fr"),
                 ("export", "anki", str(tmp_path / "z.apkg"), "--tag", "no-such-tag")):
        r = cli(*args)
        assert r.exit_code == 2 and r.stdout == "", (args, r)
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert cli("export", "anki", str(out), "--force").exit_code == 0
    assert len(read_package(out, tmp_path)[0]) == len(load_bank([]).questions)


def test_anki_itself_imports_the_package_and_a_second_export_updates_it(cli, tmp_path,
                                                                         monkeypatch):
    pytest.importorskip("anki", reason="Anki's own library is not installed (optional check)")
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    monkeypatch.setenv("QUIZ_NOW", "2025-03-01T09:00:00Z")
    assert cli("export", "anki", str(first)).exit_code == 0
    monkeypatch.setenv("QUIZ_NOW", "2025-04-01T09:00:00Z")  # Anki updates only newer notes
    assert cli("export", "anki", str(second), "--lang", "en").exit_code == 0
    n = len(load_bank([]).questions)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        def load(path):
            return col.import_anki_package(ImportAnkiPackageRequest(
                package_path=str(path), options=ImportAnkiPackageOptions()))

        log = load(first).log
        assert len(log.new) == n and col.note_count() == n == col.card_count()
        note = col.get_note(col.find_notes("Id:relu-vs-sigmoid")[0])
        assert note.guid == note_guid("relu-vs-sigmoid")
        assert "sigmoid 대신 ReLU" in note["Question"]
        log = load(second).log  # same GUIDs: updated in place, nothing duplicated
        assert len(log.new) == 0 and len(log.updated) == n and col.note_count() == n
        note = col.get_note(col.find_notes("Id:relu-vs-sigmoid")[0])
        assert note["Question"].startswith("Why use ReLU")
    finally:
        col.close()


def test_csv_export_reads_back_one_row_per_question_and_language(cli, tmp_path):
    import csv

    bank = load_bank([])
    out = tmp_path / "q.csv"
    r = cli("export", "csv", str(out))
    assert r.exit_code == 0, r
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))  # spreadsheets then read UTF-8
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2 * len(bank.questions)
    q = bank.get("relu-vs-sigmoid")
    ko = next(r for r in rows if r["id"] == q.id and r["lang"] == "ko")
    assert ko["question"] == q.title["ko"].strip() and ko["answer"] == q.answer["ko"].strip()
    assert ko["key_points"].split("\n") == [kp.text["ko"].strip() for kp in q.key_points]
    assert ko["see_also"].split("\n") == q.see_commands()
    r = cli("export", "csv", "-", "--lang", "en", "--tag", "relu")
    rows = list(csv.DictReader(r.stdout.splitlines()))
    assert {row["lang"] for row in rows} == {"en"}
    assert {row["id"] for row in rows} == {x.id for x in bank.select(["relu"])}
    assert cli("export", "csv", str(out)).exit_code == 2  # exists, no --force


def test_csv_to_a_terminal_shows_control_characters_escaped(tmp_path, monkeypatch):
    """Issue 17 item 2, found by the hostile rerun: `quiz export csv -` on a terminal wrote a
    question's ESC bytes raw; a pipe still gets the exact CSV."""
    import io

    from quizcli.commands.export import _LiteralWriter

    class Tty(io.StringIO):
        def isatty(self):
            return True

    shown = Tty()
    _LiteralWriter(shown).write('id,title\r\n"q","\x1b]0;owned\x07 \u202e"\r\n')
    assert "\x1b" not in shown.getvalue() and "\u202e" not in shown.getvalue()
    assert "\\x1b]0;owned\\x07" in shown.getvalue() and "\r" not in shown.getvalue()
