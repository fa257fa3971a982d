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


class TermAsInterrupt:
    """`with TermAsInterrupt() as sig:` SIGTERM and SIGHUP raise KeyboardInterrupt, as Ctrl-C
    does, so an interactive session saves the answer being rated and closes its session row
    (a closed terminal sends SIGHUP; `kill` sends SIGTERM). After SIGHUP the terminal is gone:
    stdout and stderr are pointed at /dev/null so the closing summary cannot fail. The
    signal's number is in `sig.received` (for exit code 128 + N)."""

    def __init__(self):
        self.received: int | None = None
        self._saved: dict = {}

    def _handle(self, signum, frame):
        self.received = signum
        if signum == getattr(__import__("signal"), "SIGHUP", None):
            try:
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, 1)
                os.dup2(null, 2)
                os.close(null)
            except OSError:
                pass
        raise KeyboardInterrupt

    def __enter__(self) -> "TermAsInterrupt":
        import signal

        for name in ("SIGTERM", "SIGHUP"):
            signum = getattr(signal, name, None)
            if signum is not None:
                try:
                    self._saved[signum] = signal.signal(signum, self._handle)
                except (ValueError, OSError):  # not the main thread
                    pass
        return self

    def __exit__(self, *exc) -> None:
        import signal

        for signum, handler in self._saved.items():
            signal.signal(signum, handler)

    def exit_code(self, default: int = 130) -> int:
        return 128 + self.received if self.received else default


def flush_typeahead(stream) -> None:
    """Drop what was typed or pasted ahead on a terminal (termios TCIFLUSH), so a prompt gets
    only what is typed after it. Nothing happens on a pipe or a file (scripted input is
    exactly what the script meant to send)."""
    try:
        if stream is None or not stream.isatty():
            return
        import termios

        termios.tcflush(stream.fileno(), termios.TCIFLUSH)
    except (ImportError, OSError, ValueError, AttributeError):
        pass
    except Exception:  # noqa: BLE001 — termios.error on an odd terminal: nothing to flush
        pass
