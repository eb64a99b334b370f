"""Word segmentation through a jieba Tokenizer that qtext owns (placeholder)."""

from __future__ import annotations

import threading

import jieba
import jieba.posseg

from ._document import Token

__all__ = ["segment"]

_lock = threading.Lock()
_tok: jieba.posseg.POSTokenizer | None = None


def _tokenizer() -> jieba.posseg.POSTokenizer:
    global _tok
    with _lock:
        if _tok is None:
            t = jieba.Tokenizer()
            t.tmp_dir = None
            _tok = jieba.posseg.POSTokenizer(t)
        return _tok


def segment(text: str) -> list[Token]:
    """Split ``text`` into words; the tokens rebuild the text exactly.

    >>> import qtext
    >>> [t.text for t in qtext.segment("国务委员王勇出席大会")][:2]
    ['国务委员', '王勇']
    """
    out: list[Token] = []
    pos = 0
    for pair in _tokenizer().cut(text, HMM=True):
        w = pair.word
        out.append(Token(w, pos, pos + len(w), pair.flag))
        pos += len(w)
    return out
