"""Getting the bytes of a source safely: a path, ``bytes``, a ``str`` of text, or a binary file."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Union

from .errors import SourceError
from .formats import format_from_name

__all__ = ["LoadedSource", "Source", "load_source"]

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]
"""What ``parse`` accepts: a path, raw bytes, a ``str`` of report text, or a binary file object."""

_TEXT_MARKERS = ("\n", "\r")


@dataclass(frozen=True, slots=True)
class LoadedSource:
    data: bytes
    name: str | None
    is_text: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _str_is_text(s: str) -> bool:
    """A ``str`` is report text, not a path, if it has line breaks, is long, or names no file."""
    if any(m in s for m in _TEXT_MARKERS) or len(s) > 1024:
        return True
    try:
        if os.path.lexists(s):
            return False
    except (OSError, ValueError):
        return True
    # A short str that ends like a file name is a path that does not exist (an error),
    # anything else is a snippet of text to parse.
    return format_from_name(s) is None and not s.lower().endswith((".doc", ".wps", ".xls", ".xlsx"))


def _read_path(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise SourceError("is a directory, not a file", source=name)
        if not path.exists():
            kind = "broken symbolic link" if path.is_symlink() else "no such file"
            raise SourceError(kind, source=name)
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(f"file is {size} bytes, over the {max_bytes}-byte limit (max_bytes)", source=name)
        with path.open("rb") as fh:
            # read(n) allocates n bytes up front: ask for the file's size, not for max_bytes.
            data = fh.read(min(size, max_bytes) + 1)
            if len(data) > size:  # the file grew since stat(): read on, still bounded
                data += fh.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}", source=name) from exc
    if len(data) > max_bytes:
        raise SourceError(f"file is over the {max_bytes}-byte limit (max_bytes)", source=name)
    return data


def load_source(source: Source, *, max_bytes: int, name: str | None = None) -> LoadedSource:
    """Read ``source`` into memory, refusing empty input and input over ``max_bytes``.

    Raises:
        SourceError: missing file, directory, unreadable, empty or too large.
        TypeError: ``source`` is none of the accepted types.
    """
    is_text = False
    if isinstance(source, str) and _str_is_text(source):
        data, is_text = source.encode("utf-8"), True
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = name or str(path)
        data = _read_path(path, max_bytes)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif hasattr(source, "read"):
        name = name or getattr(source, "name", None)
        chunk = source.read(max_bytes + 1)
        if isinstance(chunk, str):
            chunk, is_text = chunk.encode("utf-8"), True
        data = bytes(chunk)
    else:
        raise TypeError(f"source must be a path, bytes, str or binary file, not {type(source).__name__}")
    if len(data) > max_bytes:
        raise SourceError(f"input is over the {max_bytes}-byte limit (max_bytes)", source=name)
    if not data or data.isspace():
        raise SourceError("input is empty", source=name)
    return LoadedSource(data, name if isinstance(name, str) else None, is_text)
