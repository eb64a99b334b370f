"""qtext on a Dask cluster: analyse a ``dask.bag.Bag`` of pages, partition by partition.

Needs the optional extra: ``pip install "qtext[dask]"``. Each worker process loads qtext's
dictionaries once (on its first page) and keeps them for every later partition.

>>> import dask.bag as db
>>> import qtext.dask
>>> bag = db.from_sequence([("a", "国务委员王勇出席大会。")], npartitions=1)
>>> [d["id"] for d in qtext.dask.analyze_bag(bag).compute(scheduler="sync")]
['a']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._config import Config

if TYPE_CHECKING:
    import dask.bag

__all__ = ["analyze_bag", "analyze_partition"]


def analyze_partition(items: Iterable[Any], config: Config | None = None, *, tokens: bool = True,
                      field: str = "body", id_field: str = "id") -> list[dict[str, Any]]:
    """Analyse one partition: a list with one ``to_dict()`` (or failure dict) per item, in order.

    Items are page text or bytes, ``(id, raw)`` pairs, or dicts with the page under ``field``
    and the id under ``id_field`` (as ``bag.map(json.loads)`` gives for JSON Lines).
    """
    from ._analyze import analyze
    from ._batch import Failure

    out: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        ident: str | None = None
        raw: Any = item
        if isinstance(item, tuple) and len(item) == 2:
            ident, raw = (None if item[0] is None else str(item[0])), item[1]
        elif isinstance(item, Mapping):
            ident = None if item.get(id_field) is None else str(item.get(id_field))
            raw = item.get(field)
        try:
            out.append(analyze(raw, config, id=ident).to_dict(tokens=tokens))
        except Exception as exc:  # one bad page must not fail the partition
            failure = Failure(index=index, id=ident, error=type(exc).__name__, message=str(exc) or repr(exc))
            out.append(failure.to_dict())
    return out


def analyze_bag(bag: dask.bag.Bag, config: Config | None = None, *, tokens: bool = True,
                field: str = "body", id_field: str = "id") -> dask.bag.Bag:
    """A bag of ``Document.to_dict()`` dicts, one per item of ``bag``, in the same order.

    A page that fails becomes a ``{"schema": "qtext.failure/1", "id", "index", "error",
    "message"}`` dict (``index`` counts within its partition), so no input is lost. ``tokens=False``
    leaves the tokens out of every dict (much smaller results).
    """
    try:
        import dask.bag  # noqa: F401 - fail early with a hint when dask is missing
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from ._errors import MissingExtraError

        raise MissingExtraError('qtext.dask needs dask: pip install "qtext[dask]"') from exc
    return bag.map_partitions(analyze_partition, config, tokens=tokens, field=field, id_field=id_field)
