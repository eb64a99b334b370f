"""The ``qtext`` command: analyse, repair, segment or summarise pages from files, folders or stdin.

Invariants:
- results go to stdout (or ``-o FILE``), in input order; everything else (progress, failures)
  goes to stderr;
- a failed input is reported on stderr with its name, the batch goes on, and the exit status is 1;
  usage errors exit with 2 (argparse);
- the progress bar is drawn only when stderr is a terminal and there is more than one input.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO

__all__ = ["main"]

PAGE_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
COMMANDS = {
    "analyze": "repair, read, segment and extract: the full Document",
    "repair": "print the repaired (clean simplified) text",
    "segment": "print the words of the repaired text",
    "summarize": "print the structured summary record",
}

EPILOG = """\
examples:
  qtext analyze page.txt --format text          a readable report of one page
  qtext analyze pages/ --format jsonl -o out.jsonl --workers 2
                                                every *.txt/*.html/*.htm in pages/, one JSON per line
  qtext analyze page.html --format html -o view.html
                                                a self-contained HTML view with highlighted entities
  qtext repair damaged.txt                      the clean text
  cat page.txt | qtext segment -                words separated by spaces
  qtext segment page.txt --user-dict words.txt  with your own words and names kept whole
  qtext summarize articles.jsonl --field body --id-field id --format jsonl
                                                JSON Lines input: one article per line

exit status: 0 when every input succeeded, 1 when any input failed (each failure is reported on
stderr and the batch goes on), 2 for usage errors (and a malformed --user-dict file).
"""


# --- inputs --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Source:
    """One input item: its id (file name, or JSONL id), and the raw page or what went wrong."""

    id: str
    raw: str | bytes | None
    error: str | None = None


def _page_files(folder: Path, recursive: bool) -> list[Path]:
    """The page files of a folder (``*.txt``, ``*.html``, ``*.htm``), sorted by path."""
    found = folder.glob("**/*" if recursive else "*")
    return sorted((f for f in found if f.suffix.lower() in PAGE_SUFFIXES and f.is_file()), key=Path.as_posix)


class _Inputs:
    """Expands FILES/DIRS/- into items, lazily; counts them up front when that is cheap."""

    def __init__(self, args: argparse.Namespace, stdin: IO[bytes] | None) -> None:
        self.args = args
        self.stdin = stdin
        self.paths: list[str] = []
        for name in args.inputs or ["-"]:
            p = Path(name)
            if name != "-" and p.is_dir():
                found = _page_files(p, args.recursive)
                if not found:
                    print(f"qtext: {name}: no *.txt, *.html or *.htm files in this folder", file=sys.stderr)
                self.paths.extend(str(f) for f in found)
            else:
                self.paths.append(name)

    def _is_jsonl(self, name: str) -> bool:
        return bool(self.args.jsonl) or Path(name).suffix.lower() in JSONL_SUFFIXES

    @property
    def single(self) -> bool:
        """One plain page in, so JSON output is one object rather than a list."""
        return len(self.paths) == 1 and not self._is_jsonl(self.paths[0])

    def total(self) -> int | None:
        n = 0
        for name in self.paths:
            if name == "-" and self._is_jsonl(name):
                return None
            if self._is_jsonl(name):
                try:
                    with open(name, "rb") as fh:
                        n += sum(1 for line in fh if line.strip())
                except OSError:
                    n += 1
            else:
                n += 1
        return n

    def __iter__(self) -> Iterator[_Source]:
        for name in self.paths:
            if self._is_jsonl(name):
                yield from self._jsonl(name)
                continue
            try:
                if name == "-":
                    data = self.stdin.read() if self.stdin is not None else b""
                    yield _Source("<stdin>", data)
                else:
                    yield _Source(name, Path(name).read_bytes())
            except OSError as exc:
                yield _Source(name, None, f"{type(exc).__name__}: {exc.strerror or exc}")

    def _jsonl(self, name: str) -> Iterator[_Source]:
        field, id_field = self.args.field, self.args.id_field
        label = "<stdin>" if name == "-" else name
        try:
            fh: IO[bytes] = self.stdin if name == "-" and self.stdin is not None else open(name, "rb")  # noqa: SIM115
        except OSError as exc:
            yield _Source(name, None, f"{type(exc).__name__}: {exc.strerror or exc}")
            return
        try:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{label}:{lineno}"
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    yield _Source(where, None, f"JSONDecodeError: {exc}")
                    continue
                if not isinstance(record, dict):
                    yield _Source(where, None, "InputError: a JSONL line must be an object")
                    continue
                ident = record.get(id_field)
                ident = where if ident is None else str(ident)
                value = record.get(field)
                if not isinstance(value, str):
                    keys = ", ".join(sorted(map(str, record))) or "none"
                    problem = "has no" if value is None else "has a non-text"
                    yield _Source(ident, None, f"InputError: record {problem} field {field!r} "
                                               f"(fields: {keys}); choose one with --field")
                    continue
                yield _Source(ident, value)
        finally:
            if fh is not self.stdin:
                fh.close()


# --- progress ------------------------------------------------------------------------------
class _Progress:
    """A one-line ``\\r`` progress bar on a terminal; does nothing when not enabled."""

    def __init__(self, stream: TextIO, total: int | None, enabled: bool) -> None:
        self.stream, self.total, self.enabled = stream, total, enabled
        self.done = self.failed = 0
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def step(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if self.enabled and (now - self.last >= 0.1 or self.done == self.total):
            self.last = now
            self.draw()

    def draw(self) -> None:
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = self.done / elapsed
        fails = f" {self.failed} failed" if self.failed else ""
        width = shutil.get_terminal_size((80, 24)).columns
        if self.total:
            if rate > 0:
                eta = int((self.total - self.done) / rate)
                left = f"{eta // 60}:{eta % 60:02d}"
            else:
                left = "-:--"
            tail = f" {self.done}/{self.total} {rate:.1f}/s ETA {left}{fails}"
            bar_w = max(10, min(40, width - len(tail) - 3))
            fill = int(bar_w * self.done / self.total)
            line = "[" + "#" * fill + "." * (bar_w - fill) + "]" + tail
        else:
            line = f"{self.done} done {rate:.1f}/s{fails}"
        self.stream.write("\r" + line[: width - 1] + "\033[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.draw()
            self.stream.write("\n")
            self.stream.flush()


# --- output --------------------------------------------------------------------------------
def _report(doc: Any) -> str:
    """The readable ``--format text`` report of one Document."""
    from ._render import event_facts

    p = doc.page
    lines = [doc.title or "(no title)"]
    lines.append("=" * min(60, max(10, 2 * len(lines[0]))))
    meta = [("ID", doc.id), ("Published", p.published), ("Source", p.source), ("Author", p.author),
            ("Editor", p.editor), ("Site", p.site), ("URL", p.url)]
    if p.dateline is not None:
        dl = p.dateline
        meta.append(("Dateline", " ".join(x for x in (dl.agency, dl.place, dl.date) if x) or dl.text))
    lines += [f"{k + ':':<11}{v}" for k, v in meta if v]
    lines.append(f"{'Body:':<11}{len(p.paragraphs)} paragraphs, {len(doc.sentences)} sentences, "
                 f"{len(doc.text)} characters")
    lines += ["", "Summary", *_summary_lines(doc.summary, indent="  ")]
    ex = doc.extraction
    lines += ["", f"Officials ({len(ex.officials)})"]
    for o in ex.officials:
        titles = "；".join((t.organisation or "") + t.title for t in o.titles)
        lines.append(f"  {o.name}" + (f" — {titles}" if titles else ""))
    lines += ["", f"Organisations ({len(ex.organisations)})"]
    for org in ex.organisations:
        extra = [x for x in dict.fromkeys((org.abbreviation, *org.aliases)) if x and x != org.name]
        lines.append(f"  {org.name}" + (f" ({'、'.join(extra)})" if extra else "") + f" [{org.type}]")
    lines += ["", f"Events ({len(ex.events)})"]
    for ev in ex.events:
        attrs = event_facts(ev)
        lines.append(f"  {ev.name}" + (f" — {'; '.join(attrs)}" if attrs else ""))
    return "\n".join(lines) + "\n"


def _summary_lines(s: Any, indent: str = "") -> list[str]:
    out = []
    for label, value in (("Headline", s.headline), ("What", s.what), ("When", s.when), ("Where", s.where)):
        if value:
            out.append(f"{indent}{label + ':':<10}{value}")
    for label, values in (("Who", s.who), ("Orgs", s.organisations), ("Keywords", s.keywords)):
        if values:
            out.append(f"{indent}{label + ':':<10}{'、'.join(values)}")
    if s.key_points:
        out.append(f"{indent}Key points:")
        out += [f"{indent}  - {x}" for x in s.key_points]
    return out or [f"{indent}(none)"]


def _record(command: str, item_id: str | None, result: Any, tokens: bool) -> dict[str, Any]:
    """The JSON form of one result for ``--format json/jsonl``."""
    if command == "analyze":
        return dict(result.to_dict(tokens=tokens))
    if command == "summarize":
        return {"id": result.id, "title": result.title, "summary": result.summary.to_dict()}
    if command == "repair":
        return {"id": item_id, "text": result.text, "encoding": result.encoding, "changed": result.changed,
                "edits": [e.to_dict() for e in result.edits]}
    return {"id": item_id, "tokens": [t.to_dict() for t in result]}


def _text(command: str, result: Any) -> str:
    if command == "analyze":
        return _report(result)
    if command == "summarize":
        head = result.title or result.id or "(no title)"
        return "\n".join([head, *_summary_lines(result.summary, "  ")]) + "\n"
    if command == "repair":
        text: str = result.text
        return text if text.endswith("\n") else text + "\n"
    # segment: words separated by spaces, line breaks kept
    lines: list[str] = []
    current: list[str] = []
    for tok in result:
        word = tok.text
        if "\n" in word:
            lines.append(" ".join(current))
            current = []
            lines.extend([""] * (word.count("\n") - 1))
        elif word.strip():
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return "\n".join(lines) + "\n"


class _Writer:
    """Streams results in the chosen format."""

    def __init__(self, out: TextIO, command: str, fmt: str, single: bool, tokens: bool) -> None:
        self.out, self.command, self.fmt, self.single, self.tokens = out, command, fmt, single, tokens
        self.count = 0
        self.docs_html: list[str] = []

    def start(self) -> None:
        if self.fmt == "json" and not self.single:
            self.out.write("[")
        if self.fmt == "html":
            from ._render import render_page

            head, _, _ = render_page([], title="qtext").partition("<body>")
            self.out.write(head + "<body>")

    def write(self, item_id: str, result: Any) -> None:
        fmt = self.fmt
        if fmt == "jsonl":
            record = _record(self.command, item_id, result, self.tokens)
            self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "json":
            record = _record(self.command, item_id, result, self.tokens)
            data = json.dumps(record, ensure_ascii=False, indent=2)
            if self.single:
                self.out.write(data + "\n")
            else:
                self.out.write(("," if self.count else "") + "\n" + data)
        elif fmt == "html":
            from ._render import _fragment

            sep = '<hr style="margin:2em 0;border:0;border-top:1px solid #d1d5db">' if self.count else ""
            self.out.write(sep + _fragment(result) + "\n")
        else:
            if self.count and self.command in ("analyze", "summarize"):
                self.out.write("\n")
            self.out.write(_text(self.command, result))
        self.count += 1
        self.out.flush()

    def finish(self) -> None:
        if self.fmt == "json" and not self.single:
            self.out.write("\n]\n" if self.count else "]\n")
        if self.fmt == "html":
            self.out.write("</body></html>\n")
        self.out.flush()


# --- the command ---------------------------------------------------------------------------
def _parser() -> argparse.ArgumentParser:
    from ._version import __version__

    parser = argparse.ArgumentParser(
        prog="qtext",
        description="Turn scraped Chinese news pages (text or HTML, any common encoding, often damaged) "
                    "into clean simplified Chinese and structured data.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"qtext {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".",
                           epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("inputs", nargs="*", metavar="INPUT",
                       help="page files (.txt/.html/...), folders (their *.txt, *.html, *.htm files, "
                            "sorted), JSON Lines files (.jsonl), or - for stdin "
                            "(the default when stdin is not a terminal)")
        p.add_argument("-f", "--format", choices=("json", "jsonl", "text", "html"),
                       default="json" if name == "analyze" else "text",
                       help="output format (default: %(default)s); html is for analyze")
        p.add_argument("-o", "--output", metavar="FILE", help="write results to FILE instead of stdout")
        p.add_argument("-w", "--workers", type=int, default=1, metavar="N",
                       help="worker processes (default: 1; 0 means one per CPU)")
        p.add_argument("--jsonl", action="store_true",
                       help="read every input (stdin too) as JSON Lines; .jsonl/.ndjson files always are")
        p.add_argument("--field", default="body", metavar="NAME",
                       help="JSON Lines field holding the page (default: %(default)s)")
        p.add_argument("--id-field", default="id", metavar="NAME",
                       help="JSON Lines field holding the id (default: %(default)s)")
        p.add_argument("-r", "--recursive", action="store_true", help="look into sub-folders of folders too")
        p.add_argument("--no-tokens", dest="tokens", action="store_false",
                       help="leave tokens out of analyze's JSON (much smaller output)")
        p.add_argument("--no-progress", dest="progress", action="store_false",
                       help="never draw the progress bar")
        if name != "repair":
            p.add_argument("--user-dict", dest="user_dicts", action="append", default=[], metavar="FILE",
                           help="add your words and names to the segmenter: a UTF-8 file of lines "
                                "'word [frequency] [tag]' (jieba's format; tags nr person, ns place, "
                                "nt organisation); repeatable")
    return parser


def _open_output(path: str | None) -> tuple[TextIO, bool]:
    if path is None or path == "-":
        out = sys.stdout
        enc = (getattr(out, "encoding", None) or "").lower().replace("-", "")
        if enc and enc != "utf8" and hasattr(out, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                out.reconfigure(encoding="utf-8")
        return out, False
    return open(path, "w", encoding="utf-8", newline="\n"), True


def _items(sources: Iterable[_Source], broken: dict[int, _Source]) -> Iterator[tuple[str, Any]]:
    """Feed the batch: unreadable sources travel as None, and are reported by position."""
    for i, src in enumerate(sources):
        if src.error is not None:
            broken[i] = src
        yield src.id, (src.raw if src.error is None else "")


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # closed, replaced or missing streams
        return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``qtext`` command with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    args = _parser().parse_args(argv)
    command: str = args.command
    if args.format == "html" and command != "analyze":
        print(f"qtext {command}: --format html is for analyze; use text, json or jsonl", file=sys.stderr)
        return 2
    if args.workers < 0:
        print("qtext: --workers must be 0 (one per CPU) or more", file=sys.stderr)
        return 2
    stdin = getattr(sys.stdin, "buffer", None)
    if not args.inputs and _isatty(sys.stdin):
        print(f"qtext {command}: no input; give FILES, folders, or - to read standard input "
              f"(see qtext {command} --help)", file=sys.stderr)
        return 2
    config = None
    user_dicts = tuple(getattr(args, "user_dicts", ()))
    if user_dicts:  # read them once here: a bad file is one clear error, not a failure per page
        from ._config import Config
        from ._errors import DictionaryError
        from ._resources import check_user_dictionaries

        try:
            check_user_dictionaries(user_dicts)
        except DictionaryError as exc:
            print(f"qtext: {exc}", file=sys.stderr)
            return 2
        config = Config(user_dictionaries=user_dicts)
    inputs = _Inputs(args, stdin)
    if not inputs.paths:
        print("qtext: nothing to do", file=sys.stderr)
        return 1

    from ._batch import Failure, run_many

    err = sys.stderr
    tty = _isatty(err) and os.environ.get("TERM") != "dumb"
    total = inputs.total()
    progress = _Progress(err, total, enabled=args.progress and tty and (total is None or total > 1))
    try:
        out, close = _open_output(args.output)
    except OSError as exc:
        print(f"qtext: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    writer = _Writer(out, command, args.format, inputs.single, args.tokens)
    failed = 0
    broken: dict[int, _Source] = {}
    ids: dict[int, str] = {}

    def remember(items: Iterator[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
        for i, pair in enumerate(items):
            ids[i] = pair[0]
            yield pair

    try:
        writer.start()
        if progress.enabled:
            progress.draw()  # at once: the first results wait for the dictionaries to load
        results = run_many(command, remember(_items(inputs, broken)),  # type: ignore[arg-type]
                           workers=args.workers or None, config=config)
        for index, result in enumerate(results):
            src = broken.pop(index, None)
            item_id = ids.pop(index)
            if src is not None or isinstance(result, Failure):
                failed += 1
                progress.clear()
                reason = src.error if src is not None else f"{result.error}: {result.message}"
                print(f"qtext: {item_id}: {reason}", file=err)
                progress.step(False)
                continue
            writer.write(item_id, result)
            progress.step(True)
        writer.finish()
    except BrokenPipeError:
        # the reader went away (``qtext ... | head``): stop quietly
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 1 if failed else 0
    except KeyboardInterrupt:
        progress.clear()
        print("qtext: interrupted", file=err)
        return 130
    finally:
        progress.close()
        if close:
            out.close()
    if failed:
        print(f"qtext: {failed} of {progress.done} inputs failed", file=err)
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
