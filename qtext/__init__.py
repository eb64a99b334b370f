"""qtext: turn scraped Chinese news pages into clean, structured data.

>>> import qtext
>>> qtext.repair("質(zhì)量").text
'质量'

The public API is this module's ``__all__``; everything else lives in private modules.
``import qtext`` is cheap and loads no data: the pipeline's modules are imported when one of
their names is first used (PEP 562), and dictionaries and the tokenizer load on first use.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from ._config import Config, ExtractConfig, ReadConfig, RepairConfig, SummaryConfig
from ._errors import DictionaryError, InputError, MissingExtraError, OptionError, QtextError
from ._version import __version__

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from ._analyze import analyze
    from ._batch import Failure, analyze_many
    from ._document import (
        Dateline,
        DateMention,
        Document,
        Dropped,
        Entity,
        Event,
        Extraction,
        Official,
        OfficialTitle,
        Organisation,
        Page,
        Place,
        Quote,
        Removed,
        Span,
        Summary,
        Token,
    )
    from ._frame import to_frame
    from ._render import render_html
    from ._repair import Edit, Repair, repair
    from ._segment import segment

logging.getLogger(__name__).addHandler(logging.NullHandler())

#: public name → private module that defines it (imported on first use)
_LAZY = {
    "analyze": "._analyze",
    "Failure": "._batch",
    "analyze_many": "._batch",
    "to_frame": "._frame",
    "render_html": "._render",
    "Edit": "._repair",
    "Repair": "._repair",
    "repair": "._repair",
    "segment": "._segment",
    **{
        name: "._document"
        for name in (
            "Dateline", "DateMention", "Document", "Dropped", "Entity", "Event", "Extraction",
            "Official", "OfficialTitle", "Organisation", "Page", "Place", "Quote", "Removed", "Span",
            "Summary", "Token",
        )
    },
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'qtext' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Config",
    "DateMention",
    "Dateline",
    "DictionaryError",
    "Document",
    "Dropped",
    "Edit",
    "Entity",
    "Event",
    "ExtractConfig",
    "Extraction",
    "Failure",
    "InputError",
    "MissingExtraError",
    "Official",
    "OfficialTitle",
    "OptionError",
    "Organisation",
    "Page",
    "Place",
    "QtextError",
    "Quote",
    "ReadConfig",
    "Removed",
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
