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
            process = subprocess.Popen([*command, path])
        except OSError:  # no such command, not executable
            raise EditorError("missing", command[0]) from None
        with _keys_for_the_editor():  # started first: the editor keeps the default handlers
            status = process.wait()
        if status != 0:
            raise EditorError("status", command[0], status)
        with open(path, encoding="utf-8", errors="replace") as f:
            return strip_comments(f.read())
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


class _keys_for_the_editor:
    """While the editor runs, Ctrl-C and Ctrl-\\ belong to it (vi leaves insert mode with
    Ctrl-C): this process ignores SIGINT and SIGQUIT, as git does around its editor."""

    def __enter__(self):
        import signal

        self._saved = {}
        for name in ("SIGINT", "SIGQUIT"):
            signum = getattr(signal, name, None)
            if signum is not None:
                try:
                    self._saved[signum] = signal.signal(signum, signal.SIG_IGN)
                except (ValueError, OSError):  # not the main thread
                    pass
        return self

    def __exit__(self, *exc):
        import signal

        for signum, handler in self._saved.items():
            signal.signal(signum, handler)
