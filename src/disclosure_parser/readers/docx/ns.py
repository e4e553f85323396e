"""Qualified tag and attribute names of WordprocessingML and friends, precomputed once."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"


def w(name: str) -> str:
    """``w:name`` in Clark notation."""
    return f"{{{W_NS}}}{name}"


VAL = w("val")

BODY = w("body")
P = w("p")
R = w("r")
T = w("t")
TAB = w("tab")
PTAB = w("ptab")
BR = w("br")
CR = w("cr")
SYM = w("sym")
NO_BREAK_HYPHEN = w("noBreakHyphen")
TBL = w("tbl")
TR = w("tr")
TC = w("tc")
TBL_GRID = w("tblGrid")
GRID_COL = w("gridCol")
TR_PR = w("trPr")
TC_PR = w("tcPr")
GRID_SPAN = w("gridSpan")
GRID_BEFORE = w("gridBefore")
GRID_AFTER = w("gridAfter")
V_MERGE = w("vMerge")
H_MERGE = w("hMerge")
CELL_DEL = w("cellDel")
SDT = w("sdt")
SDT_PR = w("sdtPr")
SDT_CONTENT = w("sdtContent")
SHOWING_PLACEHOLDER = w("showingPlcHdr")
CUSTOM_XML = w("customXml")
INS = w("ins")
DEL = w("del")
MOVE_TO = w("moveTo")
MOVE_FROM = w("moveFrom")
P_PR = w("pPr")
R_PR = w("rPr")
P_STYLE = w("pStyle")
NUM_PR = w("numPr")
NUM_ID = w("numId")
ILVL = w("ilvl")
OUTLINE_LVL = w("outlineLvl")
VANISH = w("vanish")
RT = w("rt")
TXBX_CONTENT = w("txbxContent")
DRAWING = w("drawing")
PICT = w("pict")
OBJECT = w("object")
ALT_CHUNK = w("altChunk")

ALTERNATE_CONTENT = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"

WP_DOC_PR = f"{{{WP_NS}}}docPr"
A_BLIP = f"{{{A_NS}}}blip"
V_IMAGEDATA = f"{{{V_NS}}}imagedata"
R_EMBED = f"{{{R_NS}}}embed"
R_ID = f"{{{R_NS}}}id"
O_TITLE = f"{{{O_NS}}}title"


def on(el: etree._Element | None) -> bool:
    """Whether a toggle property (``<w:vanish/>``, ``<w:vanish w:val="0"/>``) is on."""
    if el is None:
        return False
    val = el.get(VAL)
    return val is None or val.lower() not in ("0", "false", "off")


def children(el: etree._Element | None) -> dict[str, etree._Element]:
    """``el``'s children by tag, the first of each tag (what ``el.find(tag)`` returns): one pass,
    cheaper than two or more ``find`` calls, which each go through ElementPath."""
    found: dict[str, etree._Element] = {}
    if el is not None:
        for child in el:
            found.setdefault(child.tag, child)
    return found


def num_pr(el: etree._Element) -> tuple[int | None, int | None]:
    """``(numId, ilvl)`` of a ``w:numPr``."""
    found = children(el)
    return int_attr(found.get(NUM_ID)), int_attr(found.get(ILVL))


def int_attr(el: etree._Element | None, default: int | None = None) -> int | None:
    """The integer ``w:val`` of ``el``, or ``default`` when absent or not an integer."""
    if el is None:
        return default
    try:
        return int(el.get(VAL))
    except (TypeError, ValueError):
        return default
