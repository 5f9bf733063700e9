"""Durable writes: the fsyncs that make a write-then-rename survive a crash.

Used by the store (its Parquet files, journal and manifest) and by the corrections table,
which writes its own file in the store folder the same way.
"""
from __future__ import annotations

import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    """Flush a file just written to disk (opened read-only: never reopened for writing)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries (a rename into it); a folder that cannot be opened is skipped."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
