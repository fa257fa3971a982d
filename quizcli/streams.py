"""Standard streams made safe before any command runs (called once from cli.main).

- A closed stdin/stdout/stderr (`quiz … <&-`, `>&-`) is reopened on /dev/null: reads see end
  of input, writes vanish. Python would leave sys.stdout None (an AttributeError after the
  review was saved), and the next file opened (the progress database) would get descriptor
  1, where a stray write would land in it.
- An encoding that cannot write every character (PYTHONIOENCODING=ascii, LANG=C on an old
  Python) writes the others as backslash escapes instead of raising UnicodeEncodeError.
"""

from __future__ import annotations

import io
import os
import sys


def _closed(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return True
    return False


def secure_std_streams() -> None:
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        if _closed(fd):
            try:
                got = os.open(os.devnull, os.O_RDWR)
            except OSError:
                continue
            if got != fd:  # a lower descriptor was free after all
                os.dup2(got, fd)
                os.close(got)
            setattr(sys, name, io.TextIOWrapper(io.FileIO(fd, mode, closefd=False),
                                                encoding="utf-8", line_buffering=True))
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
