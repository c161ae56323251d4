"""Check a loaded document against the schema of its kind, in words a person would use.

jsonschema's own messages (``'x' is not of type 'string'``) are never shown. Each error is
rewritten from its keyword, with the field's title from the schema, the value, and what to do.
Positions are looked up only for documents that have errors.

The work is bounded for any file: at most :data:`MAX_SCHEMA_ERRORS` errors are examined, and
only as many as a report shows (:data:`dxkit.findings.MAX_FINDINGS_PER_FILE`, the first ones by
position) are put into words; the rest are counted.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from yaml.nodes import MappingNode, SequenceNode

if TYPE_CHECKING:
    from jsonschema import ValidationError

from dxkit.dates import parse_date
from dxkit.findings import MAX_FINDINGS_PER_FILE, Finding, Severity
from dxkit.fullwidth import describe as describe_char
from dxkit.fullwidth import marks_in, suspects_in, to_ascii
from dxkit.i18n import translate
from dxkit.i18n.terms import JSON_TYPE
from dxkit.loading import Document, Position
from dxkit.schemas import (
    KINDS,
    SCHEMA_VERSION,
    fast_entry_validator_for,
    fast_validator_for,
    field_title,
    load_schema,
    validator_for,
)

CODE = "DX010"
NAME = "schema-violation"
#: The schema check examines at most this many errors of one file. No file a person writes
#: comes near it; a generated one can hold hundreds of thousands (45,000 copies of one invalid
#: task give 315,007), and jsonschema builds an object for each, about 15 µs apiece. Beyond it
#: the count of a file's errors is a lower bound, and the report says so.
MAX_SCHEMA_ERRORS = 10_000

_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MONTH_PATTERN = "^[0-9]{4}-[0-9]{2}$"
_MEMBER_ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"
_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]*$"
_HTTPS_PATTERN = "^https://[^\\s\\u0000-\\u001f\\u007f/?#@]+(/[^\\s\\u0000-\\u001f\\u007f]*)?$"
_FILE_KIND = {f"{kind}.yaml": kind for kind in KINDS} | {f"{kind}.yml": kind for kind in KINDS}
_FILE_KIND.update({"consortium.yaml": "consortium", "charter.yaml": "consortium"})
#: The keywords that set a limit (a length, a count, a value), each with its message.
_LIMIT = {
    "minLength": "schema.minLength",
    "maxLength": "schema.maxLength",
    "minItems": "schema.minItems",
    "maxItems": "schema.maxItems",
    "minimum": "schema.minimum",
    "maximum": "schema.maximum",
}


def format_path(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def place_label(kind: str, data: Any, path: Sequence[str | int], lang: str) -> str:
    """Where ``path`` is in a document of ``kind``, as a person names it (``T-002 の期限（due）``)."""
    return _Messages(kind, lang, data).label(path)


def _format_named(path: Sequence[str | int]) -> str:
    """Like :func:`format_path`, with entries already named by their id (``"[D1]"``) kept as they are."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith("["):
            out += part
        else:
            out += f".{part}" if out else part
    return out


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    text = ("{…}" if isinstance(value, dict) else "[…]") if isinstance(value, (dict, list)) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _type_name(name: str, lang: str) -> str:
    return translate(JSON_TYPE[name], lang)


def _value_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


class _Messages:
    def __init__(self, kind: str, lang: str, data: Any) -> None:
        self.kind = kind
        self.lang = lang
        self.data = data

    def _entry_id(self, path: Sequence[str | int]) -> str | None:
        node = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        entry_id = node.get("id") if isinstance(node, dict) else None
        return entry_id if isinstance(entry_id, str) and entry_id else None

    def label(self, path: Sequence[str | int]) -> str:
        """Where an error is, as a person names it: an entry by its id (``T-002``), not ``tasks[1]``.

        The outermost entry with an id names the place; inside it, entries with an id are named
        by it too (``criteria.desirability[D1].text``), and the field keeps its title.
        """
        if not path:
            return translate("schema.top_level", self.lang)
        title = field_title(self.kind, path, self.lang)
        owner: str | None = None
        rest: list[str | int] = []
        for cut, part in enumerate(path, start=1):
            entry_id = self._entry_id(path[:cut]) if isinstance(part, int) else None
            if entry_id is not None and owner is None:
                owner, rest = entry_id, []
            elif entry_id is not None:
                rest.append(f"[{entry_id}]")
            else:
                rest.append(part)
        if owner is None:
            dotted = format_path(path)
            return translate("schema.label", self.lang, path=dotted, title=title) if title else dotted
        inner = _format_named(rest)
        if not inner:
            return owner
        if title:
            return translate("where.entry_field", self.lang, id=owner, path=inner, title=title)
        return translate("where.entry_path", self.lang, id=owner, path=inner)

    def t(self, msg_id: str, **params: Any) -> str:
        return translate(msg_id, self.lang, **params)

    def _choice(self, code: str, texts: dict[str, str]) -> str:
        label = texts.get(self.lang)
        return code if not label or label == code else self.t("typed.choice", code=code, label=label)

    def describe(self, error: Any) -> tuple[str, tuple[str | int, ...], bool, str | None]:
        """The message for one error, the path to point at, whether to point at the key, and the
        character of the value to point at (a full-width one), if any."""
        path = tuple(error.absolute_path)
        keyword = error.validator
        value = error.instance
        schema = error.schema if isinstance(error.schema, dict) else {}
        where = self.label(path)
        if keyword in ("anyOf", "oneOf") and error.context:
            from jsonschema.exceptions import best_match

            # Prefer the branch whose type fits the value: its complaint is the useful one.
            fitting = [e for e in error.context if e.validator != "type"]
            return self.describe(best_match(fitting or error.context))
        if isinstance(value, str) and keyword in ("pattern", "format", "enum", "type", "const"):
            # An id or a date holds no full-width character at all; a choice may hold Japanese
            # text, so there only full-width forms of ASCII characters count, and in text where a
            # mapping, list or number belongs only the marks that would have made one.
            if keyword == "type":
                suspects = marks_in(value)
            else:
                suspects = suspects_in(value, strict=keyword in ("pattern", "format"))
            if suspects:
                fixed = to_ascii(value, suspects)
                if error.validator_value == _DATE_PATTERN and (date := parse_date(value)) is not None:
                    fixed = date.isoformat()
                params = describe_char(suspects[0], self.lang)
                msg = self.t("fullwidth.value", where=where, value=_show(value), fixed=_show(fixed), **params)
                return msg, path, False, suspects[0].char
        if keyword == "additionalProperties" and isinstance(value, dict):
            # A key typed in full width (ｔｉｔｌｅ, or title followed by a full-width space).
            allowed = schema.get("properties", {})
            for extra in (k for k in value if k not in allowed):
                marks = suspects_in(str(extra))
                fixed = to_ascii(str(extra), marks).strip()
                if marks and fixed in allowed:
                    params = describe_char(marks[0], self.lang)
                    msg = self.t("fullwidth.value", where=where, value=_show(extra), fixed=fixed, **params)
                    return msg, (*path, extra), True, marks[0].char
        text, at, key = self._describe(error, path, keyword, value, schema, where)
        return text, at, key, None

    def _describe(
        self, error: Any, path: tuple[str | int, ...], keyword: str, value: Any, schema: dict[str, Any], where: str
    ) -> tuple[str, tuple[str | int, ...], bool]:
        if keyword == "required":
            missing = next((m for m in error.validator_value if m not in value), "")
            title = field_title(self.kind, (*path, missing), self.lang) or missing
            return self.t("schema.required", where=where, field=missing, title=title), path, False
        if keyword == "additionalProperties":
            allowed = list(schema.get("properties", {}))
            extras = [k for k in value if k not in allowed]
            extra = extras[0] if extras else ""
            close = difflib.get_close_matches(str(extra), allowed, n=1)
            msg = self.t("schema.additional", field=extra, where=where)
            if close:
                msg += self.t("schema.did_you_mean", suggestion=close[0])
            return msg, (*path, extra), True
        if keyword == "type":
            expected = error.validator_value
            names = expected if isinstance(expected, list) else [expected]
            shown = self.t("schema.or").join(_type_name(n, self.lang) for n in names)
            msg = self.t(
                "schema.type",
                where=where,
                expected=shown,
                actual=_type_name(_value_type(value), self.lang),
                value=_show(value),
            )
            if "boolean" in names and isinstance(value, str):
                msg += self.t("schema.hint.boolean")
            elif "string" in names and isinstance(value, (int, float, bool)):
                msg += self.t("schema.hint.quote")
            return msg, path, False
        if keyword == "enum":
            # A labelled enum also allows its labels: name the codes, each with its label.
            labels = schema.get("x-labels")
            if isinstance(labels, dict):
                choices = self.t("typed.separator").join(self._choice(code, texts) for code, texts in labels.items())
            else:
                choices = ", ".join(str(c) for c in error.validator_value)
            return self.t("schema.enum", where=where, value=_show(value), choices=choices), path, False
        if keyword == "const":
            if path == ("kind",):
                return self.t("schema.const.kind", value=_show(value), expected=error.validator_value), path, False
            if path == ("version",):
                msg = self.t("schema.const.version", value=_show(value), expected=SCHEMA_VERSION)
                return msg, path, False
            return self.t("schema.const", where=where, expected=_show(error.validator_value)), path, False
        if keyword == "pattern":
            pattern = error.validator_value
            msg_id = {
                _DATE_PATTERN: "schema.pattern.date",
                _MONTH_PATTERN: "schema.pattern.month",
                _MEMBER_ID_PATTERN: "schema.pattern.member_id",
                _ID_PATTERN: "schema.pattern.id",
                _HTTPS_PATTERN: "fixups.https_url",
            }.get(pattern, "schema.pattern")
            if pattern.startswith("^DX"):
                msg_id = "schema.pattern.rule_code"
            if pattern == _DATE_PATTERN and isinstance(value, str) and (date := parse_date(value)) is not None:
                return self.t("typed.date", where=where, value=_show(value), iso=date.isoformat()), path, False
            return self.t(msg_id, where=where, value=_show(value), pattern=pattern), path, False
        if keyword == "format":
            return self.t("schema.format.date", where=where, value=_show(value)), path, False
        if keyword in _LIMIT:
            if keyword == "minLength" and error.validator_value == 1:
                return self.t("schema.empty", where=where), path, False
            msg = self.t(_LIMIT[keyword], where=where, limit=error.validator_value, value=_show(value))
            return msg, path, False
        if keyword == "uniqueItems":
            return self.t("schema.uniqueItems", where=where), path, False
        return self.t("schema.other", where=where, keyword=keyword), path, False


def _position_of(doc: Document, start: Position, char: str) -> Position:
    """Where ``char`` stands in the value that starts at ``start`` (on that line), else ``start``."""
    lines = doc.text.split("\n")
    if start.line > len(lines):
        return start
    found = lines[start.line - 1].find(char, start.column - 1)
    return Position(start.line, found + 1) if found >= 0 else start


def _kind_finding(doc: Document, msg_id: str, lang: str, **params: Any) -> Finding:
    pos = doc.locate(("kind",), key=False)
    return Finding(
        doc.path, pos.line, pos.column, Severity.ERROR, "DX006", translate(msg_id, lang, **params), "unknown-kind"
    )


def guess_kind(path: str) -> str | None:
    """The kind a file's name or folder suggests (``roles.yaml`` → ``roles``)."""
    pure = PurePath(path)
    if pure.name in _FILE_KIND:
        return _FILE_KIND[pure.name]
    parent = pure.parent.name
    if parent == "workshops":
        return "workshop"
    if parent == "retrospectives":
        return "retrospective"
    return None


@dataclass(frozen=True)
class SchemaCheck:
    """The outcome of checking one document: the findings to show, and how many more there are."""

    findings: list[Finding]
    #: Errors found beyond ``findings`` (all at error severity), counted but not put into words.
    more: int = 0
    #: The check stopped at :data:`MAX_SCHEMA_ERRORS`: the file may hold more errors still.
    stopped: bool = False
    #: When every error lies inside entries of the file's list (``tasks``, ``members`` …), the
    #: positions of those entries: the rest of the file is valid without them. ``None`` otherwise.
    bad_entries: frozenset[int] | None = None


#: The list of entries of each kind that holds them; an entry with an error can be left out.
ENTRY_LISTS = {"members": "members", "roles": "tasks", "gates": "gates", "issues": "issues", "facilities": "facilities"}


def _explained_errors(kind: str, data: dict[str, Any], fast: Any | None) -> Iterator[ValidationError]:
    """The Python validator's errors for ``data``, which ``fast`` has rejected.

    Python's validator takes about 1 ms per entry (24 ms for a 30-task role matrix), and a
    file is rejected for one entry far more often than for all of them. So jsonschema-rs checks
    each entry of the file's list on its own (its "valid or not" is cheap; its list of errors is
    built whole, 750 MB for 45,000 bad entries, so it is not asked for), and when the file without
    the rejected entries is valid, only those entries are explained, each error's path put back to
    the entry's place in the whole list: the same errors, in the same order, as from the whole
    document, and read lazily as before. Otherwise the whole document is explained.
    """
    validator = validator_for(kind)
    key = ENTRY_LISTS.get(kind)
    entries = data.get(key) if key is not None else None
    one = fast_entry_validator_for(kind, key) if fast is not None and key is not None else None
    if fast is None or one is None or key is None or not isinstance(entries, list):
        yield from validator.iter_errors(data)
        return
    bad = [index for index, entry in enumerate(entries) if not one.is_valid(entry)]
    left_out = set(bad)
    rest = {**data, key: [entry for index, entry in enumerate(entries) if index not in left_out]}
    if not bad or not fast.is_valid(rest):
        # An error outside the entries (or about the list itself): the whole document.
        yield from validator.iter_errors(data)
        return
    # Only errors inside the rejected entries count: the rest of the document was found valid, and
    # a keyword about the list (minItems, say) may fail for the shorter list alone.
    for error in validator.iter_errors({**data, key: [entries[i] for i in bad]}):
        where = error.path
        if len(where) >= 2 and where[0] == key and isinstance(where[1], int):
            where[1] = bad[where[1]]
            yield error


def _bad_entries(kind: str, paths: list[tuple[str | int, ...]]) -> frozenset[int] | None:
    key = ENTRY_LISTS.get(kind)
    if key is None:
        return None
    indexes: set[int] = set()
    for path in paths:
        if len(path) < 2 or path[0] != key or not isinstance(path[1], int):
            return None
        indexes.add(path[1])
    return frozenset(indexes)


def check_schema(doc: Document, lang: str) -> list[Finding]:
    """Findings for ``doc`` against the schema of its kind (empty when it is valid).

    At most :data:`~dxkit.findings.MAX_FINDINGS_PER_FILE` of them, the first by position.
    """
    return check_schema_counted(doc, lang).findings


def check_schema_counted(doc: Document, lang: str, *, limit: int = MAX_FINDINGS_PER_FILE) -> SchemaCheck:
    """Up to ``limit`` findings for ``doc``, the first by position, and the count of the rest."""
    data = doc.data
    if not isinstance(data, dict):
        return SchemaCheck([_kind_finding(doc, "kind.not_mapping", lang)])
    kind = data.get("kind")
    if kind is None:
        guess = guess_kind(doc.path)
        if guess:
            return SchemaCheck([_kind_finding(doc, "kind.missing_guess", lang, guess=guess)])
        return SchemaCheck([_kind_finding(doc, "kind.missing", lang, kinds=", ".join(KINDS))])
    if kind not in KINDS:
        close = difflib.get_close_matches(str(kind), KINDS, n=1)
        msg = translate("kind.unknown", lang, kind=_show(kind), kinds=", ".join(KINDS))
        if close:
            msg += translate("schema.did_you_mean", lang, suggestion=close[0])
        return SchemaCheck([_kind_finding(doc, "kind.raw", lang, message=msg)])
    fast = fast_validator_for(kind)
    if fast is not None and fast.is_valid(data):
        return SchemaCheck([])
    found = list(islice(_explained_errors(kind, data, fast), MAX_SCHEMA_ERRORS + 1))
    stopped = len(found) > MAX_SCHEMA_ERRORS
    del found[MAX_SCHEMA_ERRORS:]
    # A malformed date fails both its pattern and its format; one message is enough.
    patterned = {tuple(e.absolute_path) for e in found if e.validator == "pattern"}
    errors = [e for e in found if not (e.validator == "format" and tuple(e.absolute_path) in patterned)]
    if len(errors) > limit:
        # Only the first ones by position are put into words; the sort is stable, so errors at
        # one place keep the schema's order.
        errors.sort(key=lambda e: doc.locate(tuple(e.absolute_path)))
    messages = _Messages(kind, lang, data)
    findings = []
    for error in errors[:limit]:
        text, path, key, char = messages.describe(error)
        pos = doc.locate(path, key=key)
        if char is not None:
            pos = _position_of(doc, pos, char)
        schema_path = "/".join(str(p) for p in error.absolute_schema_path)
        findings.append(Finding(doc.path, pos.line, pos.column, Severity.ERROR, CODE, text, NAME, schema_path))
    findings.sort(key=lambda f: f.sort_key)
    bad = None if stopped else _bad_entries(kind, [tuple(e.absolute_path) for e in errors])
    return SchemaCheck(findings, max(0, len(errors) - limit), stopped, bad)


def without_entries(doc: Document, bad: frozenset[int]) -> Document | None:
    """``doc`` without the entries at ``bad`` of its list, if what is left matches the schema.

    The node tree is cut the same way as the data, so every value left keeps its own line and
    column. ``None`` when the rest is not valid on its own (a list that must not be empty).
    """
    kind = doc.kind
    key = ENTRY_LISTS.get(kind or "")
    if kind is None or key is None or not isinstance(doc.data, dict) or not isinstance(doc.root, MappingNode):
        return None
    entries = doc.data.get(key)
    if not isinstance(entries, list):
        return None
    data = {**doc.data, key: [e for i, e in enumerate(entries) if i not in bad]}
    pairs = []
    for key_node, value_node in doc.root.value:
        if getattr(key_node, "value", None) == key and isinstance(value_node, SequenceNode):
            kept = [n for i, n in enumerate(value_node.value) if i not in bad]
            value_node = SequenceNode(value_node.tag, kept, value_node.start_mark, value_node.end_mark)
        pairs.append((key_node, value_node))
    root = MappingNode(doc.root.tag, pairs, doc.root.start_mark, doc.root.end_mark)
    fast = fast_validator_for(kind)
    if not (fast.is_valid(data) if fast is not None else validator_for(kind).is_valid(data)):
        return None
    return dataclasses.replace(doc, data=data, root=root)


def schema_title(kind: str, lang: str) -> str:
    schema = load_schema(kind)
    return str(schema["x-en"]["title"] if lang == "en" else schema["title"])


def require_valid(text: str, path: str, lang: str) -> None:
    """Refuse an edited file that would not load or not match its schema (nothing is written)."""
    from dxkit.errors import UsageError
    from dxkit.loading import LoadError, load_text

    try:
        doc = load_text(text, path)
    except LoadError as exc:
        raise UsageError("edit.broken", file=path, detail=exc.message(lang)) from None
    problems = check_schema(doc, lang)
    if problems:
        raise UsageError("edit.broken", file=path, detail=problems[0].message)
