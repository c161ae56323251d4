"""Analyses: pure functions from the consortium model to plain data (no printing, no language).

Each result is a dataclass tree that the CLI renders as a table and ``dataclasses.asdict``
turns into JSON (dates as ISO strings). Where a result carries a reason, it is a message id
plus parameters, so the reader's language is chosen only when it is shown. Analyses read
:class:`dxkit.model.Consortium` and its typed records, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reason:
    """A message id from the catalogue and its parameters."""

    msg_id: str
    params: dict[str, Any] = field(default_factory=dict)
