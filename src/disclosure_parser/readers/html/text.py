"""Whitespace as a browser renders it, for text gathered from many inline elements.

Inline elements are joined with nothing between them: Word-pasted pages split one
label or one number over many ``<span>``s (``2`` ``0`` → ``20``). Source whitespace
collapses to one space, except that a line break between two East Asian wide
characters vanishes (CSS Text 3 segment-break rule), so a page wrapped in the middle
of a Chinese word does not grow a space there. ``&nbsp;`` counts as a space here: it
pads cells and labels (``&nbsp;0&nbsp;``, ``公益&nbsp;&nbsp;组织``) and means nothing.

:func:`collapse_space` applies these rules to a whole string at once, with three
regular-expression passes and no Python per run, so that the article's text can be
rendered in one go and cut into lines afterwards (:mod:`.blocks`).
"""

from __future__ import annotations

import re

__all__ = ["collapse_space", "normalise_space"]

_RUN_CHARS = " \t\n\r\f\v\u00a0\u200b\ufeff"
_RUN = re.compile(f"[{_RUN_CHARS}]+")
# A run that is one zero-width character only (U+200B, U+FEFF) renders as nothing.
_LONE_ZERO_WIDTH = re.compile(f"(?<![{_RUN_CHARS}])[\u200b\ufeff](?![{_RUN_CHARS}])")
# East Asian wide: from U+2E80 up, except Hangul (which keeps its spaces); U+FEFF is a run character.
_WIDE = "\u2e80-\uabff\ud7b0-\ufefe\uff00-\U0010ffff"
# A run holding a line break and no &nbsp; between two wide characters renders as nothing. The
# lookarounds only accept non-run characters, so a match is always a whole run. Slow (no literal
# to search for): only for text holding the marker character below.
_WIDE_BREAK = re.compile(f"(?<=[{_WIDE}])[ \t\n\r\f\v\u200b\ufeff]*[\n\r][ \t\n\r\f\v\u200b\ufeff]*(?=[{_WIDE}])")
# The same in steps that each start from a literal line break, which the regex engine finds fast.
_BREAK_TAIL = re.compile("\n[ \t\n\f\v\u200b\ufeff]+")
_BREAK_BEFORE_WIDE = re.compile(f"\n(?=[{_WIDE}])")
_MARK = "\ufdef"  # a noncharacter: a line break that follows a wide character
_MARK_BEFORE_WIDE = re.compile(f"{_MARK}(?=[{_WIDE}])")


def _drop_wide_breaks(text: str) -> str:
    """Remove the runs holding a line break and no ``&nbsp;`` between two wide characters.

    Removing the other run characters (not ``&nbsp;``) next to a line break changes neither
    what the run renders to nor which runs do, so first every such run is cut down to one
    ``\\n`` with at most ``&nbsp;`` around it; then it is a wide break exactly when it is a bare
    ``\\n`` between two wide characters. The string is reversed to look behind a break.
    """
    if "\r" in text:
        text = text.replace("\r", "\n")
    if _MARK in text:
        return _WIDE_BREAK.sub("", text)
    backwards = _BREAK_TAIL.sub("\n", _BREAK_TAIL.sub("\n", text)[::-1])
    text = _BREAK_BEFORE_WIDE.sub(_MARK, backwards)[::-1]
    return _MARK_BEFORE_WIDE.sub("", text).replace(_MARK, "\n")


def collapse_space(text: str) -> str:
    """Render every whitespace run of ``text`` (to one space or nothing); the ends are not stripped.

    Characters from U+2E80 up count as wide, so marker characters such as the noncharacters
    :mod:`.blocks` uses do too: a run next to one is at the end of its piece, which the caller
    strips, so rendering it to nothing or to one space comes to the same.
    """
    zero_width = "\u200b" in text or "\ufeff" in text
    if zero_width:
        text = _LONE_ZERO_WIDTH.sub("", text)
    breaks = "\n" in text or "\r" in text
    if breaks:
        text = _drop_wide_breaks(text)
    if zero_width or breaks or "\xa0" in text or "\t" in text or "\f" in text or "\v" in text or "  " in text:
        return _RUN.sub(" ", text)
    return text  # every run is one space already (searching for a character is a fast scan; a regex is not)


def normalise_space(text: str) -> str:
    """Collapse whitespace the way it renders; strip the ends."""
    if not text or text.isspace():
        return ""
    if text.isalnum():
        return text  # the common cell: a number or a label without spaces or punctuation
    return collapse_space(text).strip()
