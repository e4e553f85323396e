"""Parsing a page into a tree safely, and finding the article inside the portal's furniture.

The parser is lxml's libxml2 HTML parser, hardened: no network, no external entities,
comments and processing instructions dropped, ``huge_tree`` off (so nesting is capped
at libxml2's 256 levels and text nodes at its size limit), id hashing off. Scripts,
styles, embedded frames and form controls are removed before anything reads the tree.

The article is found by *descending*: from ``<body>``, step into the child that holds
the text as long as every other child with text is furniture — link lists (navigation,
related links, footers of links), the portal's title and metadata block, breadcrumbs,
copyright/ICP footers, search and accessibility widgets. The first element whose text
is spread over several non-furniture children (or that has loose text of its own) is
the article. Titles stepped over on the way (``<h1 class="article-title">`` beside the
content ``<div>``) are kept, so the report keeps its title when the CMS prints it
outside the body.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from lxml import etree

from ...document import Block, Paragraph
from ...errors import ReadError

__all__ = ["Article", "drop_non_content", "find_article", "parse_tree", "trim_furniture"]

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
_TEXT_LEN = etree.XPath("string-length(normalize-space(.))")
_STRING = etree.XPath("string(.)", smart_strings=False)
_LINK_TEXT = etree.XPath(".//a//text()", smart_strings=False)
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "header"})
# Words that only portal furniture prints. Footer words are specific enough for a long block;
# toolbar and widget words only mark short ones, and 相关信息-style phrases that reports also
# write in prose are not furniture words at all.
_FOOTER_WORDS = regex.compile(
    r"版权所有|ICP\s*备|网站标识码|公网安备|主办单位|承办单位|技术支持|网站地图|浏览器|分辨率|索引号"
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
_PORTAL_TEXT = regex.compile(rf"(?:{_LABEL_ALT})\s*[:：]")
_TITLE_HINT = regex.compile(r"title|tit\b|tit_|bt\b|biaoti", regex.IGNORECASE)
_HEADINGS = frozenset({"h1", "h2", "h3"})
_TABLE_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th"})
_LAYOUT_CELL_TEXT = 500
_BLOCK_TAGS = ("p", "div", "table", "tr", "td", "br", "li", "section", "article", "center", "h1", "h2", "h3", "h4")


def parse_tree(data: bytes) -> tuple[etree._Element, bool]:
    """Parse UTF-8 ``data`` into a cleaned tree; returns ``(root, truncated)``.

    ``truncated`` says libxml2 dropped content nested deeper than its limit.

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
    truncated = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, truncated


def drop_non_content(root: etree._Element) -> None:
    """Remove what is never shown as text: scripts, styles, frames, form controls."""
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)


@dataclass(slots=True)
class Article:
    """The element holding the report, and titles printed outside it."""

    root: etree._Element
    titles: list[etree._Element] = field(default_factory=list)


def _text_len(el: etree._Element) -> int:
    return int(_TEXT_LEN(el))


def _link_len(el: etree._Element) -> int:
    return sum(len(t.strip()) for t in _LINK_TEXT(el))


def _has_loose_text(el: etree._Element) -> bool:
    if el.text and el.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in el)


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
    if el.tag in _FURNITURE_TAGS or _link_len(el) * 2 >= length:
        return True
    if length > 1000:
        return False
    text = _STRING(el)
    if text.count("。") > 2 or _CN_DATE.search(text):
        return False  # prose, or a 落款 date: part of the report
    if _FOOTER_WORDS.search(text) or (length <= 600 and _PORTAL_TEXT.search(text)):
        return True
    if length <= 200 and _WIDGET_WORDS.search(text) and not _SENTENCE.search(text):
        return True  # toolbars and breadcrumbs are fragments; a sentence mentioning 搜索 is not one
    if length <= 100 and next(el.iter("a", "li"), None) is not None:
        return True  # a widget whose lists a script fills (相关解读 headings over empty <a>s)
    # A short banner (政府信息公开, 文字解读); a 落款 next to the body has its date, so is kept.
    return length <= 20 and not any(ch.isdigit() for ch in text)


def _children(el: etree._Element) -> list[tuple[etree._Element, int]]:
    out = []
    for child in el:
        if isinstance(child.tag, str):
            n = _text_len(child)
            if n:
                out.append((child, n))
    return out


def _can_enter(el: etree._Element, length: int) -> bool:
    """Whether the article may lie *inside* ``el``: it holds blocks, and if it is part of a
    table, enough text to be a layout cell rather than a data cell (the longest template label
    is under 50 characters; a report is thousands)."""
    if el.tag in _TABLE_PARTS and length < _LAYOUT_CELL_TEXT:
        return False
    found = el.iter(*_BLOCK_TAGS)  # lazy: stops at the first block below el
    first = next(found, None)
    if first is el:
        first = next(found, None)
    return first is not None


def find_article(body: etree._Element) -> Article:
    """The element that holds the report text (see the module docstring)."""
    article = Article(body)
    node = body
    while not _has_loose_text(node):
        if len(node) == 1 and isinstance(node[0].tag, str):
            only = node[0]  # a wrapper: nothing to weigh against
            if not _can_enter(only, _text_len(only) if only.tag in _TABLE_PARTS else _LAYOUT_CELL_TEXT):
                break
            article.root = node = only
            continue
        kids = _children(node)
        if not kids:
            break
        main, main_len = max(kids, key=lambda kv: kv[1])
        if not _can_enter(main, main_len):
            break
        titles = []
        before_main = True
        for child, n in kids:
            if child is main:
                before_main = False
            elif is_title(child, n):
                if before_main:
                    titles.append(child)
            elif not is_furniture(child, n):
                return article
        if titles:
            article.titles = titles  # the innermost titles are the article's; outer ones the site's
        article.root = node = main
    return article


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
