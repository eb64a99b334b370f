"""qtext: turn scraped Chinese news pages into clean, structured data.

>>> import qtext
>>> qtext.repair("質(zhì)量").text
'质量'

The public API is this module's ``__all__``; everything else lives in private modules.
``import qtext`` loads no data: dictionaries and the tokenizer load on first use.
"""

from __future__ import annotations

import logging

from ._analyze import analyze
from ._batch import Failure, analyze_many
from ._config import Config, ExtractConfig, ReadConfig, RepairConfig, SummaryConfig
from ._document import (
    Dateline,
    DateMention,
    Document,
    Entity,
    Event,
    Extraction,
    Official,
    OfficialTitle,
    Organisation,
    Page,
    Place,
    Quote,
    Span,
    Summary,
    Token,
)
from ._errors import DictionaryError, InputError, QtextError
from ._frame import to_frame
from ._render import render_html
from ._repair import Edit, Repair, repair
from ._segment import segment
from ._version import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Config",
    "DateMention",
    "Dateline",
    "DictionaryError",
    "Document",
    "Edit",
    "Entity",
    "Event",
    "ExtractConfig",
    "Extraction",
    "Failure",
    "InputError",
    "Official",
    "OfficialTitle",
    "Organisation",
    "Page",
    "Place",
    "QtextError",
    "Quote",
    "ReadConfig",
    "Repair",
    "RepairConfig",
    "Span",
    "Summary",
    "SummaryConfig",
    "Token",
    "__version__",
    "analyze",
    "analyze_many",
    "render_html",
    "repair",
    "segment",
    "to_frame",
]
