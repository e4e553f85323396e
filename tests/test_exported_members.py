"""The public API is exactly ``__all__``, sorted; every name in it exists."""

from __future__ import annotations

import disclosure_parser as dp


def test_all_is_sorted_and_complete() -> None:
    assert dp.__all__ == sorted(dp.__all__)
    for name in dp.__all__:
        assert hasattr(dp, name), name
    public = {n for n in dir(dp) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(dp, n)).__name__ == "module"}
    assert public - modules - set(dp.__all__) == set()


def test_one_exception_base() -> None:
    for name in dp.__all__:
        obj = getattr(dp, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, dp.DisclosureParserError), name
