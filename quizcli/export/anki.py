"""`quiz export anki FILE.apkg`: the question bank as an Anki deck package.

One note per question, fields: Id, Question, Summary (the 30-second answer, when the question
has one), KeyPoints, Answer (the model answer), SeeAlso (the `quiz explain`/`quiz demo` lines,
as text). With --lang both, each field holds the Korean text, then the English one.

Stable across exports, so that importing a newer package updates the notes instead of adding
copies: the note GUID is derived from the question id alone (not the language), and the model
and deck ids are fixed numbers. Every field is HTML-escaped (`<` in formulas, Korean text and
Markdown survive as typed); the card's CSS keeps line breaks (white-space: pre-wrap).

Review history does not carry over: Anki schedules the notes as new cards.

Written with genanki (a dependency, imported only here): it writes Anki's collection format
that current Anki versions import, which a hand-written SQLite schema would have to track.
"""

from __future__ import annotations

import hashlib
import html
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidValue, StoreError

MODEL_ID = 1_607_392_319  # fixed: a second export must update the same note type
DECK_ID = 2_059_400_110
MODEL_NAME = "quizcli question"
DECK_NAME = "quizcli::Deep-learning interview"
FIELDS = ("Id", "Question", "Summary", "KeyPoints", "Answer", "SeeAlso")
LANG_CHOICES = ("ko", "en", "both")

CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; }
.qz { white-space: pre-wrap; }
.qz-id, .qz-see { color: #777; font-size: 14px; }
.qz-summary { font-weight: bold; }
hr.qz-lang { border: 0; border-top: 1px dashed #aaa; }
"""

FRONT = '<div class="qz">{{Question}}</div><div class="qz-id">{{Id}}</div>'
BACK = ("{{FrontSide}}<hr id=answer>"
        "{{#Summary}}<div class=\"qz qz-summary\">{{Summary}}</div><hr>{{/Summary}}"
        "<div class=\"qz\">{{KeyPoints}}</div><hr>"
        "<div class=\"qz\">{{Answer}}</div>"
        "{{#SeeAlso}}<div class=\"qz qz-see\">{{SeeAlso}}</div>{{/SeeAlso}}")


@dataclass(frozen=True)
class NoteData:
    question_id: str
    guid: str
    fields: tuple[str, ...]  # in FIELDS order, HTML
    tags: tuple[str, ...]


def note_guid(question_id: str) -> str:
    """A stable Anki GUID for a question id (10 characters of base 62 from SHA-256)."""
    digest = int.from_bytes(hashlib.sha256(f"quizcli:{question_id}".encode("utf-8")).digest()[:8],
                            "big")
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while digest:
        digest, r = divmod(digest, 62)
        out += alphabet[r]
    return "qz" + out


def _esc(text: str) -> str:
    return html.escape(text.strip(), quote=False)


def _both(values: dict, langs: tuple[str, ...], render) -> str:
    parts = [render(values[lang], lang) for lang in langs if values.get(lang)]
    return '<hr class="qz-lang">'.join(p for p in parts if p)


def _tag(tag: str) -> str:
    return "_".join(tag.split()) or "untagged"


def build_notes(questions, lang: str = "both") -> list[NoteData]:
    if lang not in LANG_CHOICES:
        raise InvalidValue(f"Unknown --lang '{lang}' for the Anki export. Allowed: ko, en, both.")
    langs = ("ko", "en") if lang == "both" else (lang,)
    notes = []
    for q in questions:
        def text(values):
            return _both(values, langs, lambda v, _lang: _esc(v))

        points = {lg: [kp.text.get(lg, "") for kp in q.key_points if kp.text.get(lg)]
                  for lg in langs}
        key_points = _both(points, langs, lambda items, _lang: "<ul>" + "".join(
            f"<li>{_esc(i)}</li>" for i in items) + "</ul>")
        see = " · ".join(_esc(c) for c in q.see_commands())
        fields = (_esc(q.id), text(q.title), text(q.summary), key_points, text(q.answer), see)
        notes.append(NoteData(q.id, note_guid(q.id), fields,
                              ("quizcli",) + tuple(_tag(t) for t in q.tags)))
    return notes


def write_apkg(notes: list[NoteData], target: str, force: bool = False,
               timestamp: float | None = None) -> Path:
    """Write the package atomically; never overwrite unless `force`. `timestamp` (default:
    the quiz clock, QUIZ_NOW or now) dates the notes: Anki updates an imported note only when
    the package's copy is newer."""
    path = Path(target).expanduser()
    if path.suffix.lower() != ".apkg":
        raise InvalidValue(f"{path} does not end in .apkg; Anki imports deck packages by that "
                           "extension. Use e.g. quizcli.apkg.")
    from ..store.progress import check_target

    check_target(path, force, "quizcli.apkg")  # a new path or a regular file, never a device
    if not notes:
        raise InvalidValue("No questions to export (check --tag).")
    import genanki

    model = genanki.Model(
        MODEL_ID, MODEL_NAME, fields=[{"name": f} for f in FIELDS],
        templates=[{"name": "Question → answer", "qfmt": FRONT, "afmt": BACK}], css=CSS)
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    for n in notes:
        deck.add_note(genanki.Note(model=model, fields=list(n.fields), guid=n.guid,
                                   tags=list(n.tags)))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        import tempfile

        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                    dir=path.parent if str(path.parent) else ".")
        os.close(fd)  # created exclusively: no planted file or link at that name is followed
        tmp = Path(name)
        if timestamp is None:
            from ..store.clock import now_utc

            timestamp = now_utc().timestamp()
        genanki.Package(deck).write_to_file(str(tmp), timestamp=timestamp)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise StoreError(f"Cannot write {path}: {exc.strerror or exc}. "
                         "Choose a writable location.") from None
    return path
