"""Encoding detection: right for UTF-8 (±BOM), GB18030/GBK and UTF-16, and refuses byte soup."""

from __future__ import annotations

import os
import random

import pytest

import disclosure_parser as dp
from disclosure_parser.readers.encoding import decode_text, detect_encoding

TEXT = "一、总体情况\n2024年，本机关主动公开政府信息1280条，收到政府信息公开申请31件，均按期答复。\n"


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb2312"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16-le"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (b"plain ascii report 2024\n", "utf-8"),
    ],
)
def test_detects_encoding(encoded: bytes, expected: str) -> None:
    assert detect_encoding(encoded) == expected
    text, _ = decode_text(encoded)
    assert text.strip() == (TEXT.strip() if b"ascii" not in encoded else "plain ascii report 2024")


def test_gbk_only_characters_decode() -> None:
    # 镕 and 堃 are outside GB2312 but in GBK; real pages declaring gb2312 contain them.
    text = TEXT + "朱镕基 王堃\n"
    decoded, enc = decode_text(text.encode("gbk"))
    assert enc == "gb18030" and decoded == text


@pytest.mark.parametrize("seed", range(20))
def test_random_bytes_are_refused_not_misread(seed: int) -> None:
    rnd = random.Random(seed)
    data = bytes(rnd.randrange(0x80, 0x100) for _ in range(4000))
    with pytest.raises(dp.ReadError):
        decode_text(data)


def test_binary_with_nul_bytes_is_refused() -> None:
    with pytest.raises(dp.ReadError):
        dp.read(os.urandom(64) + b"\x00\x01\x02" * 100, format="txt")


def test_parse_reads_gb18030_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    report = dp.parse(path)
    assert report.meta.source is not None and report.meta.source.encoding == "gb18030"
    assert report.sections[0].heading == "一、总体情况"
