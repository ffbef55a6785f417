"""Reading the files a command names, with a one-line error that says which and why."""

from __future__ import annotations

from pathlib import Path

from streams.errors import UsageError


def read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory; name a file") from None
    except PermissionError:
        raise UsageError(f"{path}: permission denied") from None
