"""Analyses: pure functions from the consortium model to plain data (no printing, no language).

Each result is a dataclass tree that the CLI renders as a table and ``dataclasses.asdict``
turns into JSON (dates as ISO strings). Where a result carries a reason, it is a message id
plus parameters, so the reader's language is chosen only when it is shown. Analyses read
:class:`dxkit.model.Consortium` and its typed records, nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from dxkit.loading import Document
from dxkit.model import Consortium


@dataclass(frozen=True)
class Reason:
    """A message id from the catalogue and its parameters."""

    msg_id: str
    params: dict[str, Any] = field(default_factory=dict)


class DocumentSource(Protocol):
    """Anything that hands over a consortium's loaded documents (the loader's older result)."""

    root: str
    today: dt.date

    def documents(self) -> Iterator[Document]: ...


def model_of(source: Consortium | DocumentSource) -> Consortium:
    """The model of a consortium, built from its documents when it is not one already.

    ``dxkit.validate.open_consortium`` hands over the model once it builds one; until then
    this builds it here, once per call, from the same schema-valid documents.
    """
    if isinstance(source, Consortium):
        return source
    model = Consortium(root=source.root, today=source.today)
    for doc in source.documents():
        model.add(doc)
    return model
