"""Reading files a user points at (question files, curriculum.txt, --answer-file, imports)
without hanging or exhausting memory: only regular files are read, and at most `limit + 1`
bytes (the caller compares with its limit). A FIFO would block `open` forever, /dev/zero
would be read until memory runs out: both are refused with an OSError whose strerror says
why, so every caller's existing `except OSError` reports it in one line.
"""

from __future__ import annotations

import errno
import os
import stat


class NotRegularFile(OSError):
    """A FIFO, socket or device where a file is expected."""


def open_regular(path: str | os.PathLike) -> int:
    """A read-only descriptor of a regular file (the caller closes it); OSError otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO does not wait for a writer
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "it is a directory", os.fspath(path))
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file (a FIFO, socket or device)",
                                 os.fspath(path))
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    fd = open_regular(path)
    try:
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_stream(stream, limit: int) -> bytes:
    """At most limit + 1 bytes of a binary stream (stdin): `yes | quiz …` stops there."""
    return stream.read(limit + 1)
