"""`quiz export csv FILE`: the questions as a CSV table for other tools or paper.

One row per question and language: id, lang, question, summary (30-second answer), key_points
(one per line), answer (Markdown, as written), see_also, tags. Plain text, UTF-8 with a BOM so
that spreadsheet programs read Korean correctly; '-' writes to stdout (no BOM)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import InvalidValue

COLUMNS = ("id", "lang", "question", "summary", "key_points", "answer", "see_also", "tags")


def rows(questions, lang: str = "both") -> list[dict]:
    langs = ("ko", "en") if lang == "both" else (lang,)
    out = []
    for q in questions:
        for lg in langs:
            if not q.title.get(lg):
                continue
            out.append({
                "id": q.id, "lang": lg, "question": q.title[lg].strip(),
                "summary": q.summary.get(lg, "").strip(),
                "key_points": "\n".join(kp.text[lg].strip() for kp in q.key_points
                                        if kp.text.get(lg)),
                "answer": q.answer.get(lg, "").strip(),
                "see_also": "\n".join(q.see_commands()),
                "tags": " ".join(q.tags),
            })
    return out


def write_csv(data: list[dict], target: str, force: bool = False, out=None) -> Path | None:
    """Write the CSV to FILE, or to the stream `out` when FILE is '-' (the command passes
    stdout: this module does not print)."""
    if not data:
        raise InvalidValue("No questions to export (check --tag).")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(data)
    if target == "-":
        if out is None:
            raise ValueError("write_csv('-') needs the stream to write to (out=)")
        out.write(buffer.getvalue())
        return None
    path = Path(target).expanduser()
    from ..store.progress import _atomic_write, check_target

    check_target(path, force, "quizcli.csv")  # a new path or a regular file, never a device

    _atomic_write(path, "\ufeff" + buffer.getvalue())
    return path
