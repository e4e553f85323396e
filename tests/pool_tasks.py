"""Task functions for pool tests; importable by worker processes."""

from __future__ import annotations

import os
import time


def behave(arg: str) -> str:
    if arg == "hang":
        time.sleep(60)
    if arg == "crash":
        os._exit(3)
    if arg == "raise":
        raise ValueError("bad input")
    if arg == "memory":
        blob = bytearray(2 * 1024 * 1024 * 1024)  # beyond the worker's address-space limit
        return str(len(blob))
    return arg.upper()
