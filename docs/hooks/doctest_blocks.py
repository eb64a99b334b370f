"""MkDocs hook: show doctest examples in docstrings (``>>>`` lines) as Python console code blocks.

Docstrings in qtext carry runnable ``>>>`` examples in plain text (not in an "Examples:" section).
Markdown would read them as nested block quotes; this hook adds a Python-Markdown preprocessor
that fences each run of ``>>>``/``...`` lines and their output, outside existing fences.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_PROMPT = re.compile(r"^(\s*)>>>( |$)")
_FENCE = re.compile(r"^\s*(```|~~~)")


class _Doctests(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fenced = False
        i = 0
        while i < len(lines):
            line = lines[i]
            if _FENCE.match(line):
                fenced = not fenced
            m = None if fenced else _PROMPT.match(line)
            if m is None:
                out.append(line)
                i += 1
                continue
            indent = m.group(1)
            block: list[str] = []
            while i < len(lines) and lines[i].strip() and lines[i].startswith(indent):
                block.append(lines[i][len(indent):])
                i += 1
            if out and out[-1].strip():
                out.append("")
            out.extend([indent + "```pycon", *(indent + b for b in block), indent + "```", ""])
        return out


class DoctestExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's method name
        md.preprocessors.register(_Doctests(md), "qtext_doctests", 35)


def on_config(config: Any, **kwargs: Any) -> Any:
    config["markdown_extensions"].append(DoctestExtension())
    return config
