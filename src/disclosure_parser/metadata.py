"""Report metadata from the text itself: agency and year from the title, date from the signature.

* The title is found among the first lines, possibly split over two or three lines
  (``繁峙县乡村振兴局`` / ``2023年度政府信息公开工作年度报告``, or a PDF→text dump's
  ``2024 年上海市科委政府信息公开工作`` / ``年度报告``); a crawler's ``标题:`` line counts, and
  when the text has no title, the container's (an HTML page's ``ArticleTitle`` or ``<title>``,
  a DOCX's core-properties title).
* The agency is the title minus year and report words, wherever the year stands.
* The year comes from the title, else from the statistics-period sentence.
* The published date is the 落款 at the end (``2024年1月9日``, ``二〇二四年一月九日``), taken
  only from short lines after the last part's prose, so a date in the text is never mistaken
  for it; ``None`` when the report has no signature date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .document import Paragraph
from .textnorm import nfkc, squash

__all__ = ["TextMeta", "find_date", "read_meta"]

_YEAR = r"(?P<year>(?:19|20)\d\d)\s*年度?"
_REPORT = r"(?:政府)?(?:信息公开|政务公开)(?:工作)?的?(?:年度)?(?:报告|年报)"
_TITLE_AGENCY_FIRST = regex.compile(rf"^(?P<agency>.*?){_YEAR}(?P<mid>.*?){_REPORT}")
# "某局政府信息公开工作2023年度报告": the year between the report words.
_TITLE_YEAR_INSIDE = regex.compile(
    r"^(?P<agency>.*?)(?:政府)?(?:信息公开|政务公开)(?:工作)?(?P<year>(?:19|20)\d\d)\s*年度?(?:工作)?(?:报告|年报)"
)
_PERIOD = regex.compile(r"统计(?:期限|时限|周期|区间|时间)[^。]{0,12}?(?P<year>(?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日")
_CN_DIGIT = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_DATE_NUM = regex.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_DATE_CN = regex.compile(
    r"(?P<y>[〇零○O一二三四五六七八九]{4})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月"
    r"\s*(?P<d>三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
)
_AGENCY_JUNK = regex.compile(r"^[#\s:：标题]+|[\s(（]+$")
# Container titles tried one by one when the text has none: a portal's <meta name="ArticleTitle">,
# its metadata block's 名称, the page <title> ("…年度报告_栏目_站点"), a DOCX's core-properties title
# (docx:title: LibreOffice keeps a saved page's <title> there, pingtan_zonghe_2020_derived.docx).
_PAGE_TITLES = ("ArticleTitle", "名称", "title", "docx:title")


@dataclass(slots=True)
class TextMeta:
    agency: str | None = None
    year: int | None = None
    published: dt.date | None = None
    title: str | None = None


def _cn_number(s: str) -> int:
    if s.startswith("三十"):
        return 30 + (1 if s.endswith("一") and len(s) == 3 else 0)
    if s.startswith("二十"):
        return 20 + (_CN_DIGIT[s[2]] if len(s) == 3 else 0)
    if s.startswith("十"):
        return 10 + (_CN_DIGIT[s[1]] if len(s) == 2 else 0)
    return _CN_DIGIT[s]


def find_date(text: str) -> dt.date | None:
    """The last calendar date written in ``text`` (Arabic or Chinese numerals), if valid."""
    flat = nfkc(text)
    found: list[tuple[int, dt.date]] = []
    for m in _DATE_NUM.finditer(flat):
        try:
            found.append((m.start(), dt.date(int(m["y"]), int(m["m"]), int(m["d"]))))
        except ValueError:
            continue
    for m in _DATE_CN.finditer(text):
        try:
            year = int("".join(str(_CN_DIGIT[c]) for c in m["y"]))
            found.append((m.start(), dt.date(year, _cn_number(m["m"]), _cn_number(m["d"]))))
        except (ValueError, KeyError):
            continue
    return max(found)[1] if found else None


def _clean_agency(raw: str) -> str | None:
    agency = _AGENCY_JUNK.sub("", squash(raw))
    agency = agency.removesuffix("关于").removeprefix("关于").strip("-—_·")
    return agency if 2 <= len(agency) <= 40 else None


# A portal's or converter's field name before the title (html2text: ``**标题：** 沭阳县…``).
_KEY = regex.compile(r"^(?:标题|题目|名称|文章标题|信息名称)[:：]")


def _title_from(lines: Sequence[str], widths: Sequence[int] = (1, 2, 3)) -> tuple[str, str | None, int] | None:
    """Try the first lines joined in windows of 1–3; returns (title, agency, year)."""
    for i in range(len(lines)):
        for width in widths:
            window = _KEY.sub("", "".join(squash(x) for x in lines[i : i + width]))
            m = _TITLE_AGENCY_FIRST.search(window) or _TITLE_YEAR_INSIDE.search(window)
            if not m or len(window) > 80:
                continue
            # "2024年上海市科委政府信息公开…": the agency follows the year; otherwise it precedes it.
            mid = m.groupdict().get("mid") or ""
            agency = _clean_agency(mid) or _clean_agency(m["agency"])
            if agency is None and i > 0:
                agency = _clean_agency(lines[i - 1])
            return window[: m.end()], agency, int(m["year"])
    return None


def read_meta(
    preamble: Sequence[Paragraph],
    tail: Sequence[Paragraph],
    full_text: str,
    properties: dict[str, str],
) -> TextMeta:
    """Metadata from the lines before part 一 (``preamble``) and the last lines (``tail``)."""
    meta = TextMeta()
    lines = [properties["标题"]] if properties.get("标题") else []
    lines += [p.text for p in preamble[:12] if len(p.text) <= 80]
    found = _title_from(lines)
    if found is None:
        # A page saved with its portal chrome (a PDF printed from the browser) puts the title
        # after a screenful of menu lines; there, only a title on one line is trusted, as
        # windows would glue a menu line to it (平潭 2023 printed to PDF: 24 lines of menus).
        found = _title_from([p.text for p in preamble[12:] if len(p.text) <= 80], widths=(1,))
    for key in _PAGE_TITLES:
        if found is None and properties.get(key):
            # Only when the document prints no title: a CMS may show it outside the saved body.
            found = _title_from([properties[key]])
    if found:
        meta.title, meta.agency, meta.year = found
    if meta.year is None:
        m = _PERIOD.search(squash(full_text[:20000]))
        if m:
            meta.year = int(m["year"])
    meta.published = _signature_date(tail)
    return meta


def _signature_date(tail: Sequence[Paragraph]) -> dt.date | None:
    """The 落款 date: a short line at the very end (after the last prose paragraph)."""
    for p in reversed(tail[-4:]):
        text = p.text.strip()
        if len(squash(text)) > 40:
            break  # reached prose: no signature after it
        d = find_date(text)
        if d is not None:
            return d
    return None
