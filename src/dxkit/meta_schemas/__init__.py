"""JSON Schemas for dxkit's own data (toolkit metadata, the case library).

The consortium's file kinds have their schemas in ``schemas/`` (published for editors);
these describe what ships inside dxkit, so a broken toolkit or case entry is caught by the
same kind of check as a person's file, not by hand-written code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema


@cache
def load_meta_schema(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    import jsonschema  # only when dxkit's own data is checked: a second's tenth of every start otherwise

    return jsonschema.Draft202012Validator(load_meta_schema(name))


@cache
def _fast_validator(name: str) -> Any | None:
    """jsonschema-rs's answer to "valid or not", where it is installed (as for a person's files)."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.validator_for(load_meta_schema(name))


def meta_errors(name: str, data: Any) -> Iterator[jsonschema.ValidationError]:
    """The schema errors of ``data``, in document order.

    Data that jsonschema-rs accepts has none; only rejected data goes through the Python
    validator, whose errors carry the paths the messages name.
    """
    fast = _fast_validator(name)
    if fast is not None and fast.is_valid(data):
        return
    yield from sorted(_validator(name).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
