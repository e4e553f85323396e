"""disclosure_parser: China's government information-disclosure annual reports as typed, validated data.

>>> import disclosure_parser as dp
>>> report = dp.parse("某县2024年度政府信息公开工作年度报告.docx")  # doctest: +SKIP
>>> report.cells()["applications.new_received.total"]  # doctest: +SKIP
"""

from ._version import __version__
from .api import parse, read, segment
from .batch import ParseResult, parse_many
from .crossyear import compare_years
from .document import Paragraph, RawDocument, RawTable, TableCell
from .errors import (
    DisclosureParserError,
    EncryptedDocumentError,
    MissingDependencyError,
    ReadError,
    ResourceLimitError,
    SourceError,
    StrictModeError,
    UnsupportedFormatError,
)
from .formats import InputFormat
from .frames import to_frame
from .models import (
    ApplicantRow,
    ApplicationMatrix,
    Cell,
    Finding,
    Outcomes,
    Proactive2019,
    Proactive2021,
    ReportMeta,
    ReviewLitigation,
    Section,
    SourceInfo,
    SourceRef,
)
from .options import ParseOptions
from .parser import Parser
from .report import Report
from .schema import KeySpec, SectionId, keys_for

__all__ = [
    "ApplicantRow",
    "ApplicationMatrix",
    "Cell",
    "DisclosureParserError",
    "EncryptedDocumentError",
    "Finding",
    "InputFormat",
    "KeySpec",
    "MissingDependencyError",
    "Outcomes",
    "Paragraph",
    "ParseOptions",
    "ParseResult",
    "Parser",
    "Proactive2019",
    "Proactive2021",
    "RawDocument",
    "RawTable",
    "ReadError",
    "Report",
    "ReportMeta",
    "ResourceLimitError",
    "ReviewLitigation",
    "Section",
    "SectionId",
    "SourceError",
    "SourceInfo",
    "SourceRef",
    "StrictModeError",
    "TableCell",
    "UnsupportedFormatError",
    "__version__",
    "compare_years",
    "keys_for",
    "parse",
    "parse_many",
    "read",
    "segment",
    "to_frame",
]
