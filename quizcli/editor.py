"""An answer written in the user's editor, the way `git commit` does it: $VISUAL, else $EDITOR
(split like a shell would, so `EDITOR="code --wait"` works), a temporary file holding the draft
and the question as comment lines ('#' at the start of a line), comments stripped on return.

The editor owns the terminal while it runs; nothing is printed here. Failures raise
`EditorError` with a reason the caller words ('unset', 'missing', 'status')."""

from __future__ import annotations

import os

COMMENT = "#"


class EditorError(Exception):
    def __init__(self, reason: str, command: str = "", status: int | None = None):
        super().__init__(reason)
        self.reason, self.command, self.status = reason, command, status


def editor_command(env=None) -> list[str] | None:
    """The editor to run as an argument list, or None when neither VISUAL nor EDITOR is set."""
    import shlex

    env = os.environ if env is None else env
    for var in ("VISUAL", "EDITOR"):
        value = (env.get(var) or "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:  # an unbalanced quote: run it as one word, the error says why
                return [value]
    return None


def file_text(draft: str, comments: list[str]) -> str:
    """The file the editor opens: the draft, a blank line, then the comment lines."""
    head = draft.rstrip("\n") + "\n" if draft.strip() else ""
    return head + "\n" + "".join(f"{COMMENT} {c}".rstrip() + "\n" for c in comments)


def strip_comments(text: str) -> str:
    """The answer in an edited file: lines starting with '#' dropped, blank edges trimmed."""
    text = text.replace("\r\n", "\n")
    kept = [line for line in text.split("\n") if not line.startswith(COMMENT)]
    return "\n".join(kept).strip("\n").rstrip()


def edit(draft: str, comments: list[str]) -> str:
    """Open the editor on the draft; -> the answer written (may be empty)."""
    import subprocess
    import tempfile

    command = editor_command()
    if not command:
        raise EditorError("unset")
    fd, path = tempfile.mkstemp(prefix="quiz-answer-", suffix=".md")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(file_text(draft, comments))
        try:
            done = subprocess.run([*command, path])
        except FileNotFoundError:
            raise EditorError("missing", command[0]) from None
        except OSError:
            raise EditorError("missing", command[0]) from None
        if done.returncode != 0:
            raise EditorError("status", command[0], done.returncode)
        with open(path, encoding="utf-8", errors="replace") as f:
            return strip_comments(f.read())
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
