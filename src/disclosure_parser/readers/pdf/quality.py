"""Is a page's text layer worth reading? A page that is not must produce no numbers at all.

Three ways a text layer fails, each seen in published reports:

* there is none: the page is a scanned image (printed, signed, scanned back);
* glyph soup: fonts without a usable Unicode map, which extractors show as ``(cid:123)``,
  U+FFFD or private-use code points (PDFium also flags them as unmapped);
* text that is not Chinese at all: a broken ToUnicode map turns every glyph into a wrong
  code point — Latin-1 debris, or CJK characters picked at random. Real report text is
  made mostly of common characters, random ideographs are not.
"""

from __future__ import annotations

import re
import unicodedata

from .model import PageContent

__all__ = ["text_layer_problem"]

_MIN_TEXT = 10  # glyphs: below this a page is blank or an image with a page number
_SCAN_COVER = 0.3  # share of the page an image must cover to make a text-less page a scan
_SOUP_SHARE = 0.1
_MIN_LETTERS = 30
_CJK_SHARE = 0.2
_MIN_HANZI = 40
_COMMON_SHARE = 0.25
_CID = re.compile(r"\(cid:\d+\)")
# Frequent characters of modern Chinese and of these reports in particular. Real report
# text has well over half its characters here; ideographs picked at random by a broken
# map have a few percent.
_COMMON = frozenset(
    "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去"
    "行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从知使点业"
    "本把性应开它合因由些外政四社义平形相全表间样关各重新线内数正反明原利比或但质气第向命变条结解问意建月系很"
    "情最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接较组计"
    "别手期根论运农指几九区强放决西被干做必战先回则任取据处府信息申请况报告制度工务理服单部门台网站机关办依规"
    "范监督保障加推完善落实步升面持续积极时维纠审诉讼复议许可罚收费章废止现效量商企科研构益律然予掌握需另补仍确"
    "访举投类版物正当由反认具获缴纳用再转继属秘密危及安稳护方权益执案卷查询项目金额万元采购集动到存在改进市县省"
    "镇乡街道街委局厅室院会议策读解开放民众群众社会公共主动申请答复渠道平台热线媒体政务网站专栏目录指南培训考核"
    "评估检查整改问题措施加大力度深入贯彻条例要点全年累计共计其中分别包括以及通过按照根据做好做到"
)


def _scan(page: PageContent) -> str | None:
    area = page.width * page.height
    covered = sum(img.area for img in page.images)
    if area > 0 and covered / area >= _SCAN_COVER:
        return "no text layer: the page is an image (a scan); it needs OCR"
    return None


def _soup(text: str, page: PageContent) -> str | None:
    cids = len(_CID.findall(text))
    rest = _CID.sub("", text)
    junk = sum(1 for ch in rest if ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cs"))
    # Private-use code points are icon fonts on a printed web page (arrows, stars: 平潭 2023
    # has 30 on its last page); only a page made mostly of them is unreadable.
    private = sum(1 for ch in rest if unicodedata.category(ch) == "Co")
    if private > len(rest) / 2:
        junk += private
    bad = cids + max(junk, page.unmapped)
    glyphs = cids + len(rest)
    if glyphs and bad >= 3 and bad / glyphs > _SOUP_SHARE:
        return f"unreadable glyphs: {bad} of {glyphs} characters have no Unicode mapping (glyph soup); it needs OCR"
    return None


def _not_chinese(text: str) -> str | None:
    hanzi = [ch for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"]
    letters = sum(1 for ch in text if ch.isalpha())
    if letters >= _MIN_LETTERS and len(hanzi) < _CJK_SHARE * letters:
        return "the text layer is not Chinese (a broken Unicode map in the fonts); it needs OCR"
    if len(hanzi) >= _MIN_HANZI and sum(1 for ch in hanzi if ch in _COMMON) < _COMMON_SHARE * len(hanzi):
        return "the Chinese characters of the text layer are not plausible text (a broken Unicode map); it needs OCR"
    return None


def text_layer_problem(page: PageContent) -> str | None:
    """Why the page's text cannot be trusted, or ``None`` when it can (or the page is simply blank)."""
    text = "".join(c.text for c in page.chars)
    if len(text) < _MIN_TEXT:
        return _scan(page)
    return _soup(text, page) or _not_chinese(text)
