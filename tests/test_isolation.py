"""Isolation: what qtext touches outside itself, watched with an audit hook in a fresh interpreter.

While ``import qtext`` and repair/segment/analyze/analyze_many(workers=1) run on a few pages (str
and bytes, HTML and text), a ``sys.addaudithook`` hook records every socket, file, process,
pickle and marshal event. The checks:
- no network (no ``socket.*`` event) and no new process;
- no file opened for writing, no folder made, nothing renamed or removed, with the default
  config; with ``Config(cache_dir=d)`` all of that only under ``d``;
- every file opened for reading is qtext's (package, dictionaries), jieba's package data, the
  standard library or site-packages (imports), or a path the user gave (cache folder, user
  dictionary);
- no ``pickle.find_class`` and no ``marshal.loads`` outside the import system (which loads
  bytecode): the model cache is data, not code.
Controls after qtext's work (a socket, a file written, read back and removed outside the allowed
places) must be seen, so the checks cannot pass because the hook sees nothing.
The interpreter runs with ``-B`` so that Python's own bytecode cache writes (``__pycache__``, the
import system's, not qtext's) do not depend on whether the checkout was compiled before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qtext
from qtext import _segment

SCRIPT = textwrap.dedent(
    r'''
    import json, os, sys

    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
    PATH_EVENTS = {
        "os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.chmod", "os.chown", "os.truncate",
        "os.link", "os.symlink", "os.utime", "shutil.copyfile", "shutil.rmtree", "shutil.move",
    }
    SPAWN = ("subprocess.", "os.system", "os.exec", "os.posix_spawn", "os.fork", "os.spawn")
    log = {"reads": [], "writes": [], "network": [], "spawn": [], "pickle": [], "marshal": []}

    def from_import_system():
        f = sys._getframe(2)
        while f is not None:
            if f.f_code.co_filename.startswith("<frozen importlib"):
                return True
            f = f.f_back
        return False

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            if isinstance(path, int):
                return
            path = os.fsdecode(path)
            writing = bool((flags or 0) & WRITE_FLAGS) or any(c in (mode or "") for c in "wax+")
            if writing:
                log["writes"].append(f"open {path}")
            else:
                log["reads"].append(path)
        elif event in PATH_EVENTS:
            targets = args[:2] if event in ("os.rename", "os.link", "os.symlink") else args[:1]
            log["writes"].extend(f"{event} {os.fsdecode(t)}" for t in targets)
        elif event.startswith("socket.") or event.startswith(("http.", "urllib.", "ftplib.", "smtplib.")):
            log["network"].append(event)
        elif event.startswith(SPAWN):
            log["spawn"].append(event)
        elif event.startswith("pickle."):
            log["pickle"].append(f"{event} {args!r}"[:200])
        elif event.startswith("marshal.") and not from_import_system():
            log["marshal"].append(event)

    sys.addaudithook(hook)

    import qtext

    cache_dir, light = sys.argv[1] or None, sys.argv[2] == "light"
    user_dicts = tuple(sys.argv[3:])
    cfg = qtext.Config(cache_dir=cache_dir, user_dictionaries=user_dicts)
    text = "新華社上海9月15日電 國務(wù)委員王勇出席第十届质量大会。他说：“质量是生命。”"
    html = (
        "<html><head><meta charset='gbk'><title>质量大会开幕</title></head><body>"
        "<h1>质量大会开幕</h1><p>本报北京5月6日电 国务委员王勇出席大会并讲话。</p>"
        "<p>王勇指出，要推动质量强国建设。</p></body></html>"
    )
    pages = [text, text.encode("big5", "replace"), html, html.encode("gbk"), b"\xff\xfe\x00garbage"]
    if light:  # one page of each kind is enough to watch the model cache
        pages = [text, html.encode("gbk")]
    seen = []
    for page in pages:
        seen.append(qtext.repair(page, cfg.repair).text)
        seen.append(len(qtext.segment(page, cfg)))
        seen.append(qtext.analyze(page, cfg).to_dict())
    docs = list(qtext.analyze_many(pages, workers=1, config=cfg))
    assert [d.to_dict() for d in docs] == [s for s in seen if isinstance(s, dict)]
    for page in pages if not light else ():  # and with no config at all
        qtext.repair(page), qtext.segment(page), qtext.analyze(page)
    list(qtext.analyze_many(pages if not light else ()))
    log["roots"] = {
        "qtext": os.path.dirname(os.path.realpath(qtext.__file__)),
        "dictionaries": str(qtext._resources.dictionary_dir()),
        "jieba": os.path.dirname(os.path.realpath(sys.modules["jieba"].__file__)),
    }
    log["words"] = [t.text for t in qtext.segment("建设质量强国", cfg)]
    result = json.dumps(log)  # what qtext did; next, controls: the hook does see these
    sizes = {k: len(v) for k, v in log.items() if isinstance(v, list)}
    import socket
    socket.socket().close()
    control = os.path.join(os.getcwd(), "control.txt")
    with open(control, "w") as fh:
        fh.write("x")
    with open(control) as fh:
        fh.read()
    os.remove(control)
    controls = {k: log[k][n:] for k, n in sizes.items()}
    print(result)
    print(json.dumps(controls))
    '''
)


def run_isolated(
    tmp_path: Path, cache_dir: Path | None = None, *user_dicts: Path, light: bool = False
) -> dict:
    script = tmp_path / "watch.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    proc = subprocess.run(
        [sys.executable, "-B", str(script), str(cache_dir or ""), "light" if light else "full",
         *map(str, user_dicts)],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    *_, line, control_line = proc.stdout.splitlines()
    log: dict = json.loads(line)
    # the hook is live: a socket, a write, a stray read and a removal after qtext's work are seen
    control = tmp_path / "control.txt"
    controls = json.loads(control_line)
    assert controls["network"] and controls["reads"] == [str(control)]
    assert controls["writes"] == [f"open {control}", f"os.remove {control}"]
    with pytest.raises(AssertionError):
        assert_reads_allowed({**log, "reads": controls["reads"]})
    return log


def inside(path: str, *roots: str | Path) -> bool:
    real = os.path.realpath(path)
    return any(real == str(r) or real.startswith(str(r).rstrip(os.sep) + os.sep) for r in roots)


def python_roots() -> list[str]:
    """The standard library and site-packages: where imports come from."""
    import sysconfig

    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    roots |= {sysconfig.get_path(p) for p in ("stdlib", "platstdlib", "purelib", "platlib")}
    return sorted(os.path.realpath(r) for r in roots if r)


def assert_reads_allowed(log: dict, *given: Path) -> None:
    roots = [*log["roots"].values(), *python_roots(), *(os.path.realpath(g) for g in given)]
    stray = sorted({p for p in log["reads"] if not inside(p, *roots)})
    assert stray == []


def test_no_network_no_writes_reads_only_own_data_and_given_files(tmp_path: Path) -> None:
    # default config and a config with a user dictionary (the one extra file read), one process
    words = tmp_path / "words.txt"
    words.write_text("质量强国 nz\n", encoding="utf-8")
    log = run_isolated(tmp_path, None, words)
    assert log["network"] == []
    assert log["spawn"] == []
    assert log["writes"] == []
    assert log["pickle"] == [] and log["marshal"] == []
    assert_reads_allowed(log, words)
    assert any(inside(p, log["roots"]["dictionaries"]) for p in log["reads"])  # the hook does see reads
    assert os.path.realpath(words) in {os.path.realpath(p) for p in log["reads"]}
    assert log["words"] == ["建设", "质量强国"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["watch.py", "words.txt"]


def test_cache_dir_writes_only_there_and_is_read_back_as_data(tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "qtext"  # not there yet: qtext makes it
    first = run_isolated(tmp_path, cache, light=True)
    made = [w for w in first["writes"] if w.startswith("os.mkdir ")]
    assert set(made) == {f"os.mkdir {cache.parent}", f"os.mkdir {cache}"}  # the folder asked for (mkdir -p)
    rest = [w for w in first["writes"] if w not in made]
    assert rest and all(inside(w.split(" ", 1)[1], cache) for w in rest)
    assert {w.split(" ", 1)[0] for w in rest} == {"open", "os.rename"}
    assert first["network"] == [] and first["pickle"] == [] and first["marshal"] == []
    assert_reads_allowed(first, cache)
    files = sorted(p.name for p in cache.iterdir())
    assert len(files) == 1 and files[0].startswith(f"qtext-segment-v{_segment._CACHE_VERSION}-")
    assert files[0].endswith(".bin")
    # a second process loads the cache: it reads it, writes nothing, unpickles and unmarshals nothing
    second = run_isolated(tmp_path, cache, light=True)
    assert second["writes"] == []
    assert second["pickle"] == [] and second["marshal"] == []
    assert any(inside(p, cache) for p in second["reads"])
    assert second["words"] == first["words"]


# --- the cache file: a format that cannot run code, checked when read -------------------------


@pytest.fixture(scope="module")
def cached(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    path = tmp_path_factory.mktemp("cache") / _segment._cache_name()
    m = _segment._get_model(None)
    _segment._save_cache(path, m.total, m.pf, m.tags)
    return path, path.read_bytes()


@pytest.fixture
def quick_prepare(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_build`` without a cache takes the shared model's table instead of reading jieba's
    dictionary again (what these tests check is the cache around it)."""
    m = _segment._get_model(None)
    monkeypatch.setattr(_segment, "_prepare", lambda: (m.total, m.pf, m.tags))


def header_and_payload(data: bytes) -> tuple[dict, bytes]:
    start = len(_segment._CACHE_MAGIC)
    eol = data.index(b"\n", start)
    return json.loads(data[start:eol]), data[eol + 1 :]


def rewrite(header: dict, payload: bytes) -> bytes:
    return _segment._CACHE_MAGIC + json.dumps(header).encode() + b"\n" + payload


def test_cache_file_round_trips_the_model(cached: tuple[Path, bytes]) -> None:
    loaded = _segment._parse_cache(cached[1])
    assert loaded is not None
    total, pf, tags = loaded
    model = _segment._get_model(None)
    assert (total, pf, tags) == (model.total, model.pf, model.tags)
    assert cached[1].startswith(b"qtext segment cache\n")


def test_marshal_or_pickle_bytes_in_the_cache_are_ignored(tmp_path: Path, cached: tuple[Path, bytes]) -> None:
    import marshal
    import pickle

    path = tmp_path / cached[0].name
    for payload in (marshal.dumps(({"质量": 1}, {})), pickle.dumps(({"质量": 1}, {})), b""):
        path.write_bytes(payload)
        assert _segment._load_cache(path) is None


def test_damaged_or_doctored_cache_is_rejected(cached: tuple[Path, bytes]) -> None:
    import hashlib

    header, payload = header_and_payload(cached[1])

    def signed(h: dict, p: bytes) -> bytes:
        sizes = h["sizes"]
        parts, pos = [], 0
        for n in sizes:
            parts.append(p[pos : pos + n])
            pos += n
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part)
        return rewrite({**h, "sha256": digest.hexdigest()}, p)

    assert _segment._parse_cache(signed(header, payload)) is not None
    flipped = bytearray(payload)
    flipped[10] ^= 1
    assert _segment._parse_cache(rewrite(header, bytes(flipped))) is None  # damage: hash differs
    assert _segment._parse_cache(rewrite(header, payload[:-1])) is None  # truncated
    # doctored consistently (hash recomputed): still only data, and still checked
    assert _segment._parse_cache(signed({**header, "values": [5.0, *header["values"][1:]]}, payload)) is None
    assert _segment._parse_cache(signed({**header, "values": header["values"][:3]}, payload)) is None
    assert _segment._parse_cache(signed({**header, "tags": ["os.system"] * 3}, payload)) is None
    assert _segment._parse_cache(signed({**header, "version": 5}, payload)) is None
    long_word = ("质" * 65).encode()
    n_words = header["sizes"][0]
    doctored = long_word + payload[n_words - len(long_word) : ]
    assert _segment._parse_cache(signed(header, doctored)) is None


@pytest.mark.usefixtures("quick_prepare")
def test_a_rejected_cache_is_rebuilt_and_replaced(tmp_path: Path, cached: tuple[Path, bytes]) -> None:
    path = tmp_path / cached[0].name
    path.write_bytes(cached[1][:1000])
    model = _segment._build(str(tmp_path))
    assert model.pf == _segment._get_model(None).pf
    assert path.read_bytes() == cached[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary file left


@pytest.mark.usefixtures("quick_prepare")
def test_unwritable_cache_dir_still_segments(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    model = _segment._build(str(blocker / "sub"))  # a folder under a file cannot be made
    assert model.pf == _segment._get_model(None).pf
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
    assert qtext.segment("质量", qtext.Config(cache_dir=str(blocker))) == qtext.segment("质量")


SMALL = (1000, {"质": 1.0, "质量": -3.0, "大": -2.5, "大会": -4.0, "a": -6.0}, {"质量": "nz", "大": "a"})


def small_cache(tmp: Path) -> bytes:
    path = tmp / "small.bin"
    _segment._save_cache(path, *SMALL)
    return path.read_bytes()


def resign(data: bytes) -> bytes:
    """``data`` with its header's hash recomputed, as a deliberate forger would (when the header
    still parses)."""
    import hashlib

    try:
        header, payload = header_and_payload(data)
        sizes = header["sizes"]
        if not isinstance(header, dict) or sum(sizes) != len(payload):
            return data
        return rewrite({**header, "sha256": hashlib.sha256(payload).hexdigest()}, payload)
    except Exception:
        return data


@settings(max_examples=60, deadline=None)
@given(
    edits=st.lists(st.tuples(st.integers(min_value=0), st.binary(max_size=4), st.integers(0, 3)), max_size=4),
    forge=st.booleans(),
)
def test_any_change_to_a_cache_file_is_rejected_or_still_a_valid_table(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, bytes, int]], forge: bool
) -> None:
    data = bytearray(small_cache(tmp_path_factory.mktemp("c")))
    for at, new, cut in edits:
        at %= len(data) + 1
        data[at : at + cut] = new
    blob = resign(bytes(data)) if forge else bytes(data)
    loaded = _segment._parse_cache(blob)
    if loaded is not None:  # whatever got through is a table the segmenter can use safely
        total, pf, tags = loaded
        assert type(total) is int and total > 0
        assert all(p == 1.0 or -1e6 < p <= 0.0 for p in pf.values())
        assert all(len(w) <= _segment._MAX_WORD for w in pf)
        assert all(w in pf and t.isascii() and t.isalpha() for w, t in tags.items())


def test_a_deeply_nested_header_is_rejected_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "deep.bin"
    path.write_bytes(_segment._CACHE_MAGIC + b"[" * 200_000 + b"\n")
    assert _segment._load_cache(path) is None
    assert _segment._parse_cache(resign(small_cache(tmp_path))) == SMALL


def test_saving_never_writes_through_a_planted_symlink(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import secrets

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    cache = tmp_path / "cache"
    cache.mkdir()
    path = cache / "small.bin"
    monkeypatch.setattr(secrets, "token_hex", lambda n: "guess")  # the attacker guessed the name
    (cache / f"small.bin.{os.getpid()}.guess.tmp").symlink_to(victim)
    _segment._save_cache(path, *SMALL)
    assert victim.read_text() == "keep me"
    assert not path.exists()  # no cache this time; the model is still built in memory


@pytest.mark.usefixtures("quick_prepare")
def test_cache_dir_may_start_with_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    _segment._build("~/cache")
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [_segment._cache_name()]
    assert not (tmp_path / "~").exists()
