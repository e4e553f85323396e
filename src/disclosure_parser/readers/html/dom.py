"""Parsing a page into a tree safely, and telling the portal's furniture from content.

The parser is lxml's libxml2 HTML parser, hardened: no network, no external entities,
comments and processing instructions dropped, ``huge_tree`` off (so nesting is capped
at libxml2's 256 levels and text nodes at its size limit), id hashing off. Scripts,
styles, embedded frames and form controls are removed before anything reads the tree.

Furniture is what a portal prints around a report: link lists (navigation, related
links, footers of links), the portal's title and metadata block, breadcrumbs,
copyright/ICP footers, search and accessibility widgets (:func:`is_furniture`);
:mod:`.article` steps over it to the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex
from lxml import etree

from ...document import Block, Paragraph
from ...errors import ReadError

__all__ = [
    "PORTAL_LABELS",
    "TABLE_PARTS",
    "Parsed",
    "drop_non_content",
    "is_furniture",
    "is_title",
    "parse_tree",
    "trim_furniture",
]

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "audio",
    "video",
    "button",
    "input",
    "select",
    "textarea",
    "link",
)
_STRING = etree.XPath("string(.)", smart_strings=False)
_LINK_TEXT = etree.XPath(".//a//text()", smart_strings=False)
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "header"})
# Words that only portal furniture prints. Footer words are specific enough for a long block;
# toolbar and widget words only mark short ones, and 相关信息-style phrases that reports also
# write in prose are not furniture words at all.
# Unicode White_Space, the \\s of the regex module (str.isspace also has \\x1c-\\x1f): the stdlib's re,
# faster on these literal alternations, is given it explicitly so both agree.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
)
_SPACE = f"[{WHITE_SPACE}]"
_FOOTER_WORDS = re.compile(
    rf"版权所有|ICP{_SPACE}*备|网站标识码|公网安备|主办单位|承办单位|技术支持|网站地图|浏览器|分辨率|索引号"
)
_WIDGET_WORDS = regex.compile(
    r"当前位置|您的位置|所在位置|相关链接|相关文章|相关阅读|相关新闻|打印本页|关闭窗口|【\s*打印\s*】|分享到|扫一扫"
    r"|字体\s*[:：]|字号\s*[:：]|[【\[]\s*大\s*中\s*小\s*[】\]]|搜索|无障碍|长者模式|适老化|登录|注册|上一篇|下一篇"
)
_CN_DATE = regex.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○一二三四五六七八九]{4}年")
_SENTENCE = regex.compile(r"[，。；]")
# Labels of a portal's metadata block (索引号, 发布机构 …) or a crawler's header.
PORTAL_LABELS = (
    "索引号",
    "主题分类",
    "体裁分类",
    "组配分类",
    "服务对象",
    "分类",
    "发布机构",
    "发文机关",
    "发文单位",
    "公开主体",
    "信息来源",
    "来源",
    "发文字号",
    "文号",
    "成文日期",
    "发文日期",
    "发布日期",
    "发布时间",
    "公开日期",
    "生成日期",
    "印发日期",
    "时间",
    "日期",
    "公开方式",
    "公开范围",
    "公开时限",
    "有效性",
    "时效",
    "主题词",
    "关键词",
    "名称",
    "标题",
    "单位",
    "作者",
    "采集时间",
    "浏览次数",
    "点击数",
)
_LABEL_ALT = "|".join(sorted(PORTAL_LABELS, key=len, reverse=True))
_PORTAL_TEXT = re.compile(rf"(?:{_LABEL_ALT}){_SPACE}*[:：]")
_TITLE_HINT = regex.compile(r"title|tit\b|tit_|bt\b|biaoti", regex.IGNORECASE)
_HEADINGS = frozenset({"h1", "h2", "h3"})
TABLE_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th"})


# libxml2 2.14's HTML tokenizer checks every byte it reads as UTF-8 (htmlValidateUtf8), reporting
# the first bad one, except the rest of a <!DOCTYPE> (see decode.doctypes_are_utf8). Other
# versions are not relied on: their pages are checked in Python.
_CHECKS_UTF8 = (2, 14) <= etree.LIBXML_VERSION < (2, 15)


@dataclass(slots=True)
class Parsed:
    """A parsed page and what the parser reported about it."""

    root: etree._Element
    truncated: bool  # content nested deeper than libxml2's limit was dropped
    utf8_error: bool  # bytes that are not UTF-8
    utf8_checked: bool  # every byte but the DOCTYPEs' was checked as UTF-8, and none failed


def parse_tree(data: bytes) -> Parsed:
    """Parse UTF-8 ``data`` into a tree.

    Raises:
        ReadError: nothing parseable (no element at all).
    """
    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
        recover=True,
        collect_ids=False,
        default_doctype=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.ParserError as exc:
        raise ReadError(f"cannot parse the HTML: {exc}", format="html") from exc
    if root is None:
        raise ReadError("the HTML page has no content", format="html")
    truncated = utf8_error = halted = False
    for entry in parser.error_log:  # empty for most pages
        truncated = truncated or entry.type_name == "ERR_RESOURCE_LIMIT"
        utf8_error = utf8_error or entry.type_name == "ERR_INVALID_ENCODING"
        halted = halted or entry.level == etree.ErrorLevels.FATAL  # parsing stopped there
    return Parsed(root, truncated, utf8_error, _CHECKS_UTF8 and not utf8_error and not halted)


def drop_non_content(root: etree._Element) -> None:
    """Remove what is never shown as text: scripts, styles, frames, form controls."""
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)


def squeeze_space(text: str) -> str:
    """Whitespace runs collapsed to one space, for patterns that match whitespace only as ``\\s*``
    or as "not a word character" (every match is kept). Left alone when it holds \\x1c-\\x1f,
    which str.isspace counts and \\s does not."""
    if "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text:
        return " ".join(text.split())
    return text


def _has_label(text: str) -> bool:
    """A portal label and its colon (cheap tests first: most text has no colon)."""
    return ("：" in text or ":" in text) and _PORTAL_TEXT.search(text) is not None


def _link_len(el: etree._Element) -> int:
    return sum(len(t.strip()) for t in _LINK_TEXT(el))


def is_title(el: etree._Element, length: int) -> bool:
    """A heading or a CMS title block (``class="article_title"``, ``<header><h1>``), short enough to be one."""
    if length > 150:
        return False
    if el.tag in _HEADINGS or next(el.iter(*_HEADINGS), None) is not None:
        return True
    return bool(_TITLE_HINT.search(f"{el.get('class', '')} {el.get('id', '')}"))


def is_furniture(el: etree._Element, length: int) -> bool:
    """Portal furniture: link lists, metadata blocks, footers, breadcrumbs, widgets, banners.

    Text that reads as prose (several sentences) is never furniture by its words: dropping a
    part of the report is worse than keeping a footer.
    """
    if el.tag in _FURNITURE_TAGS:
        return True
    # The words first: they settle most furniture without collecting its link text.
    return _furniture_by_words(el, length) or _link_len(el) * 2 >= length


def _furniture_by_words(el: etree._Element, length: int) -> bool:
    if length > 1000:
        return False
    text = _STRING(el)
    text = squeeze_space(text)  # spares the word patterns the indentation of the page's source
    if text.count("。") > 2 or ("年" in text and _CN_DATE.search(text)):
        return False  # prose, or a 落款 date: part of the report
    if _FOOTER_WORDS.search(text) or (length <= 600 and _has_label(text)):
        return True
    if length <= 200 and _WIDGET_WORDS.search(text) and not _SENTENCE.search(text):
        return True  # toolbars and breadcrumbs are fragments; a sentence mentioning 搜索 is not one
    if length <= 100 and next(el.iter("a", "li"), None) is not None:
        return True  # a widget whose lists a script fills (相关解读 headings over empty <a>s)
    # A short banner (政府信息公开, 文字解读); a 落款 next to the body has its date, so is kept.
    return length <= 20 and not any(map(str.isdigit, text))


def trim_furniture(blocks: list[Block]) -> list[Block]:
    """Drop furniture lines left at the very start or end of the article (a breadcrumb inside the
    content box, 【打印本页】【关闭窗口】, 上一篇/下一篇): short paragraphs made of furniture words."""

    def furniture(block: Block) -> bool:
        if not isinstance(block, Paragraph) or len(block.text) > 60:
            return False
        return bool(_WIDGET_WORDS.search(block.text) or _FOOTER_WORDS.search(block.text))

    start, end = 0, len(blocks)
    while start < end and furniture(blocks[start]):
        start += 1
    while end > start and furniture(blocks[end - 1]):
        end -= 1
    return blocks[start:end]
