"""Hostile and broken inputs, generated on demand (nothing large is committed).

Each case writes its input under a folder and returns the path to parse and, optionally,
parse options. ``python -m tests.hostile_cases NAME DIR`` runs one case in a fresh
process and prints a JSON line: the outcome (error class or report status), the seconds
the parse took, and the process's peak RSS — the test suite runs every case that way so
the memory of one case is measured alone.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXTENSIONS = (".txt", ".md", ".html", ".docx", ".pdf")
Case = Callable[[Path], tuple[Path, dict[str, Any]]]
CASES: dict[str, Case] = {}


def case(name: str) -> Callable[[Case], Case]:
    def register(fn: Case) -> Case:
        CASES[name] = fn
        return fn

    return register


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


for _ext in EXTENSIONS:
    CASES[f"zero-bytes{_ext}"] = lambda d, e=_ext: (_write(d, f"empty{e}", b""), {})
    CASES[f"random-bytes{_ext}"] = lambda d, e=_ext: (
        _write(d, f"random{e}", random.Random(e).randbytes(64 * 1024)),
        {},
    )


@case("huge.txt")
def _huge_txt(folder: Path) -> tuple[Path, dict[str, Any]]:
    path = folder / "huge.txt"
    line = ("一、总体情况 本机关全年主动公开政府信息。" * 20 + "\n").encode("utf-8")
    with path.open("wb") as fh:
        for _ in range(200 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    return path, {}


@case("txt-lines-of-tabs.txt")
def _tab_lines(folder: Path) -> tuple[Path, dict[str, Any]]:
    # Lines of nothing but tabs before text, as a page's text_content() keeps its indentation:
    # a TSV table once opened here and took no line, and the reader never moved on.
    body = ("\t\t\n\t\t\t\n一、总体情况\n" * 200).encode("utf-8")
    return _write(folder, "tabs.txt", body), {}


@case("extension-lies.docx")
def _lying_extension(folder: Path) -> tuple[Path, dict[str, Any]]:
    return _write(folder, "really_markdown.docx", (SAMPLES / "lanshan_jiedao_2020.md").read_bytes()), {}


@case("legacy-ole.doc")
def _ole(folder: Path) -> tuple[Path, dict[str, Any]]:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    return _write(folder, "old.doc", header + b"\x00" * 4096), {}


@case("legacy-ole-named.xls")
def _ole_xls(folder: Path) -> tuple[Path, dict[str, Any]]:
    return _write(folder, "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096), {}


@case("directory")
def _directory(folder: Path) -> tuple[Path, dict[str, Any]]:
    d = folder / "a_directory.docx"
    d.mkdir()
    return d, {}


@case("broken-symlink")
def _symlink(folder: Path) -> tuple[Path, dict[str, Any]]:
    link = folder / "dangling.pdf"
    link.symlink_to(folder / "does_not_exist.pdf")
    return link, {}


@case("docx-zip-bomb")
def _zip_bomb(folder: Path) -> tuple[Path, dict[str, Any]]:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        # ~1 GB of zeros inside <w:t>: a few MB compressed.
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(
                b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
            )
            block = b"0" * (1 << 20)
            for _ in range(1024):
                fh.write(block)
            fh.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return _write(folder, "bomb.docx", buf.getvalue()), {}


_CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)
SECRET = "TOP-SECRET-LOCAL-FILE-CONTENT"


def _docx_with(doctype: str, body_text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?>{doctype}<w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
    return buf.getvalue()


@case("docx-billion-laughs")
def _docx_laughs(folder: Path) -> tuple[Path, dict[str, Any]]:
    return _write(folder, "laughs.docx", _docx_with(_LAUGHS, "&lol9;")), {}


@case("docx-external-entity")
def _docx_xxe(folder: Path) -> tuple[Path, dict[str, Any]]:
    secret = _write(folder, "secret.txt", SECRET.encode())
    doctype = f'<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    return _write(folder, "xxe.docx", _docx_with(doctype, "一、总体情况 &xxe;")), {}


@case("html-billion-laughs")
def _html_laughs(folder: Path) -> tuple[Path, dict[str, Any]]:
    page = f'<?xml version="1.0"?>{_LAUGHS}<html><body><p>一、总体情况 &lol9;</p></body></html>'
    return _write(folder, "laughs.html", page.encode()), {}


@case("html-external-entity")
def _html_xxe(folder: Path) -> tuple[Path, dict[str, Any]]:
    secret = _write(folder, "secret.txt", SECRET.encode())
    page = f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]><html><body><p>&xxe;</p></body></html>'
    return _write(folder, "xxe.html", page.encode()), {}


@case("html-deep-nesting")
def _html_deep(folder: Path) -> tuple[Path, dict[str, Any]]:
    page = "<html><body>" + "<div>" * 100_000 + "一、总体情况" + "</div>" * 100_000 + "</body></html>"
    return _write(folder, "deep.html", page.encode()), {}


def _bomb_stream(chunk: bytes, repeat: int) -> bytes:
    """``chunk * repeat`` Flate-compressed without ever holding it whole."""
    z = zlib.compressobj(9)
    return b"".join(z.compress(chunk) for _ in range(repeat)) + z.flush()


def _pdf_bytes(pages: int, content: bytes = b"BT ET", *, stream: bytes | None = None) -> bytes:
    """A minimal PDF written by hand: ``pages`` pages sharing one content stream."""
    stream = stream if stream is not None else zlib.compress(content)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{4 + i} 0 R".encode() for i in range(pages))
        + b"] /Count "
        + str(pages).encode()
        + b" >>",
        b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
    ]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


@case("pdf-thousands-of-pages")
def _pdf_pages(folder: Path) -> tuple[Path, dict[str, Any]]:
    return _write(folder, "pages.pdf", _pdf_bytes(5000)), {}


@case("pdf-content-bomb")
def _pdf_bomb(folder: Path) -> tuple[Path, dict[str, Any]]:
    # A content stream inflating to ~300 MB of no-op operators.
    return _write(folder, "bomb.pdf", _pdf_bytes(1, stream=_bomb_stream(b"q Q " * 262_144, 300))), {}


@case("pdf-encrypted-with-password")
def _pdf_encrypted(folder: Path) -> tuple[Path, dict[str, Any]]:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = folder / "locked.pdf"
    enc = pdfencrypt.StandardEncryption("secret-user", ownerPassword="owner", strength=128)
    c = canvas.Canvas(str(path), encrypt=enc)
    c.drawString(72, 720, "2024 annual report")
    c.save()
    return path, {}


FRACTIONS = (0.05, 0.25, 0.5, 0.75, 0.95, 0.999)


def _generated_samples() -> dict[str, Callable[[], bytes]]:
    """A real-shaped report in each binary format, made by the reader tests' generators."""

    def pdf() -> bytes:
        from tests.readers.pdf_report import report_pdf

        return report_pdf()

    def html() -> bytes:
        import random as _random

        from tests.readers.html_pages import page
        from tests.synth import consistent

        return page(consistent("2021", _random.Random(4))).encode("utf-8")

    def docx() -> bytes:
        import random as _random

        from tests.readers.docx_fixtures import template_report
        from tests.synth import consistent

        return template_report(consistent("2021", _random.Random(5)).cells)

    return {".pdf": pdf, ".html": html, ".docx": docx}


def _truncated(make_bytes: Callable[[], bytes], suffix: str, fraction: float) -> Case:
    def make(folder: Path) -> tuple[Path, dict[str, Any]]:
        data = make_bytes()
        return _write(folder, f"cut_{int(fraction * 1000)}{suffix}", data[: max(1, int(len(data) * fraction))]), {}

    return make


for _sample in sorted(SAMPLES.glob("*.*")):
    if _sample.suffix in EXTENSIONS:
        for _f in FRACTIONS:
            CASES[f"truncated-{_sample.name}-{_f}"] = _truncated(_sample.read_bytes, _sample.suffix, _f)
for _suffix, _maker in _generated_samples().items():
    for _f in FRACTIONS:
        CASES[f"truncated-generated{_suffix}-{_f}"] = _truncated(_maker, _suffix, _f)


def _peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: Linux carries ru_maxrss over ``exec``
    from the forked parent, so a child of a big pytest process would inherit its peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(name: str, folder: Path) -> dict[str, Any]:
    """Make the case's input, parse it, and say what happened, how long it took, and peak RSS."""
    import disclosure_parser as dp

    make = CASES[name]
    path, opts = make(folder)
    started = time.perf_counter()
    try:
        report = dp.parse(path, options=dp.ParseOptions(**opts)) if opts else dp.parse(path)
        outcome = f"report:{report.status}:{report.template}"
        leaked = SECRET in report.model_dump_json()
    except dp.DisclosureParserError as exc:
        outcome, leaked = type(exc).__name__, SECRET in str(exc)
    seconds = time.perf_counter() - started
    rss = _peak_rss_mb()
    return {"case": name, "outcome": outcome, "seconds": round(seconds, 3), "rss_mb": round(rss, 1), "leaked": leaked}


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    folder = Path(sys.argv[2])
    os.makedirs(folder, exist_ok=True)
    print(json.dumps(run(sys.argv[1], folder), ensure_ascii=False))
