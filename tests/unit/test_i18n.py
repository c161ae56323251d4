from __future__ import annotations

import ast
import copy
import re
import string
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import dxkit
from dxkit.i18n import (
    LANGS,
    MESSAGES_DIR,
    load_namespace_file,
    messages,
    namespaces,
    resolve_lang,
    translate,
)
from dxkit.labels import all_labels, label, labels
from dxkit.model.codegen import NAMES
from dxkit.model.records import ENUMS
from dxkit.rules import iter_rules
from dxkit.schemas import KINDS, load_schema

MESSAGES = messages()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("msg_id", sorted(MESSAGES))
def test_catalog_message_has_both_languages_with_same_placeholders(msg_id):
    entry = MESSAGES[msg_id]
    assert set(entry) == set(LANGS)
    assert all(entry[lang].strip() for lang in LANGS)
    assert _fields(entry["ja"]) == _fields(entry["en"])


def test_catalog_japanese_texts_are_japanese():
    def has_kana_or_kanji(text: str) -> bool:
        return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)

    def words(text: str) -> str:
        return "".join(
            ch for literal, _, _, _ in string.Formatter().parse(text) for ch in (literal or "") if ch.isalpha()
        )

    for msg_id, entry in MESSAGES.items():
        # Shared technical terms (LPWA, AI) and pure punctuation are the same in both languages.
        letters = words(entry["ja"])
        if entry["ja"] == entry["en"] or (letters.isascii() and len(letters) <= 6):
            continue
        assert has_kana_or_kanji(entry["ja"]), msg_id
        assert not has_kana_or_kanji(entry["en"]), msg_id


@pytest.mark.parametrize("rule", list(iter_rules()), ids=lambda r: r.code)
def test_rule_texts_exist_in_both_languages(rule):
    for lang in LANGS:
        assert rule.title[lang].strip()
        assert rule.message[lang].strip()
        assert set(rule.docs[lang]) == {"what", "why", "fix"}
        assert all(rule.docs[lang].values())
    assert _fields(rule.message["ja"]) == _fields(rule.message["en"])


def test_resolve_lang_prefers_explicit_then_environment(monkeypatch):
    monkeypatch.setenv("DXKIT_LANG", "en")
    assert resolve_lang(None) == "en"
    assert resolve_lang("ja") == "ja"
    monkeypatch.setenv("DXKIT_LANG", "fr")
    assert resolve_lang(None) == "ja"
    monkeypatch.delenv("DXKIT_LANG")
    assert resolve_lang(None) == "ja"


def test_translate_unknown_id_is_a_bug():
    with pytest.raises(KeyError):
        translate("no.such.message", "ja")


@pytest.mark.parametrize("name", namespaces())
def test_data_file_holds_only_its_own_namespace(name):
    ids = load_namespace_file(MESSAGES_DIR / f"{name}.toml")
    assert ids
    assert [i for i in ids if i.split(".")[0] != name] == []


def test_translate_fills_placeholders_in_each_language():
    assert translate("load.too_deep", "ja", limit=64) == "入れ子が深すぎます（64 段まで）。構造を浅くしてください。"
    assert (
        translate("load.too_deep", "en", limit=64)
        == "Nesting is too deep (the limit is 64 levels); flatten the structure."
    )
    # A language dxkit does not speak gets Japanese, never an id or an empty text.
    assert translate("load.too_deep", "fr", limit=64) == translate("load.too_deep", "ja", limit=64)


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_data_file_with_a_repeated_id_is_refused(tmp_path):
    import tomllib

    path = _write(tmp_path / "x.toml", '[x.a]\nja = "一"\nen = "one"\n\n[x.a]\nja = "二"\nen = "two"\n')
    with pytest.raises(tomllib.TOMLDecodeError):
        load_namespace_file(path)


def test_data_file_with_a_value_outside_a_table_is_refused(tmp_path):
    path = _write(tmp_path / "x.toml", 'x = "stray"\n')
    with pytest.raises(ValueError, match=r"x\.toml"):
        load_namespace_file(path)


def test_data_file_is_read_back_from_bytecode_until_it_changes(tmp_path, monkeypatch):
    import dxkit.i18n as i18n

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    path = _write(tmp_path / "x.toml", '[x.a]\nja = "一"\nen = "one"\n')
    assert load_namespace_file(path) == {"x.a": {"ja": "一", "en": "one"}}
    assert list((tmp_path / "__pycache__").glob("x.*.pyc"))

    def no_parsing(data, name):
        raise AssertionError("parsed although the bytecode is fresh")

    monkeypatch.setattr(i18n, "parse_namespace_file", no_parsing)
    assert load_namespace_file(path) == {"x.a": {"ja": "一", "en": "one"}}
    monkeypatch.undo()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(sys, "pycache_prefix", None)
    _write(path, '[x.a]\nja = "一つ目"\nen = "the first"\n')
    assert load_namespace_file(path) == {"x.a": {"ja": "一つ目", "en": "the first"}}


# -- enum labels: once, in the schemas ---------------------------------------------------------


def _enum_nodes(node, where=""):
    """Every schema node that lists allowed values, with where it is."""
    if isinstance(node, dict):
        if "enum" in node:
            yield where, node
        for key, value in node.items():
            yield from _enum_nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _enum_nodes(value, f"{where}/{index}")


@pytest.mark.parametrize("kind", KINDS)
def test_every_enum_value_of_the_schema_has_both_labels(kind):
    nodes = list(_enum_nodes(load_schema(kind)))
    assert nodes
    for where, node in nodes:
        given = node.get("x-labels")
        assert isinstance(given, dict), f"{kind}{where}: no x-labels"
        assert list(given) == list(node["enum"]), f"{kind}{where}: x-labels must follow the enum, value by value"
        for value, texts in given.items():
            assert set(texts) == set(LANGS), (kind, where, value)
            assert all(isinstance(texts[lang], str) and texts[lang].strip() for lang in LANGS), (kind, where, value)
            # A label is shown as it is: no placeholder, no markup.
            assert not any(ch in texts[lang] for lang in LANGS for ch in "{}<>"), (kind, where, value)


@pytest.mark.parametrize("kind", KINDS)
def test_enum_descriptions_name_values_with_their_labels(kind):
    # An editor shows the description, the site shows the label: they must say the same word.
    # "go（進む）" in a description goes with the label "進む".
    for where, node in _enum_nodes(load_schema(kind)):
        for value, texts in node["x-labels"].items():
            word = re.sub(r"（[^（）]*）$", "", texts["ja"])
            assert f"{value}（{word}" in node["description"], (kind, where, value)


def test_labels_are_found_for_every_enum_of_the_model():
    found = all_labels()
    assert set(found) == set(ENUMS)
    for name, values in ENUMS.items():
        assert tuple(found[name]) == values, name


def test_label_reads_the_schema_wording():
    assert label("Task.status", "done") == "完了"
    assert label("Task.status", "done", "en") == "done"
    assert label("memberType", "financial-institution", "ja") == "地域金融機関"
    assert label("Cause.category", "roles", "en") == "Roles"
    assert labels("stage", "ja") == {
        "planning": "計画策定",
        "demonstration": "社会実証",
        "implementation": "実装・展開",
    }
    assert list(labels("Issue.priority", "en").values()) == ["high", "medium", "low"]
    # Not a language dxkit speaks: Japanese, as translate() does.
    assert label("stage", "planning", "fr") == "計画策定"


def test_label_of_an_unknown_enum_or_value_is_a_bug():
    with pytest.raises(KeyError):
        label("Task.status", "finished")
    with pytest.raises(KeyError):
        label("Task.colour", "done")


def test_schema_labels_differing_between_two_places_are_refused():
    import dxkit.labels as labels_module

    schema = copy.deepcopy(load_schema("roles"))
    schema["$defs"]["stage"]["x-labels"]["planning"]["ja"] = "計画"
    found: dict = {}
    labels_module._walk("consortium", "", load_schema("consortium"), load_schema("consortium"), NAMES, found)
    with pytest.raises(ValueError, match="stage"):
        labels_module._walk("roles", "", schema, schema, NAMES, found)


#: The ids enum labels had in the catalogue, by the enum that labels them now.
OLD_LABEL_IDS = {
    "stage": "stage",
    "member_type": "memberType",
    "field": "field",
    "site.status": "Task.status",
    "site.priority": "Issue.priority",
    "outcome": "Decision.outcome",
    "cause": "Cause.category",
}


@pytest.mark.parametrize("prefix", sorted(OLD_LABEL_IDS))
def test_old_label_ids_are_gone_from_the_catalogue(prefix: str) -> None:
    # One source per label: the catalogue must not say a schema label a second time.
    for value in ENUMS[OLD_LABEL_IDS[prefix]]:
        assert f"{prefix}.{value}" not in MESSAGES
        with pytest.raises(KeyError):
            translate(f"{prefix}.{value}", "ja")


def test_tables_of_dxkit_words_cover_their_vocabularies() -> None:
    from dxkit.analyses import keyperson
    from dxkit.findings import Severity
    from dxkit.i18n import terms
    from dxkit.model.vocabulary import LENSES
    from dxkit.reporters.analyses import _RISK_KIND

    assert tuple(terms.LENS) == LENSES
    assert set(terms.CRITERION_STATE) == {"met", "unmet", "unknown"}
    assert set(terms.SEVERITY) == {s.value for s in Severity}
    assert set(terms.JSON_TYPE) == {"string", "integer", "number", "boolean", "array", "object", "null"}
    # Every kind of risk the key-person analysis reports has its label.
    tree = ast.parse(Path(keyperson.__file__).read_text(encoding="utf-8"))
    kinds = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Risk"
        if isinstance(node.args[0], ast.Constant)
    }
    assert kinds == set(_RISK_KIND)
    tables = (terms.LENS, terms.CRITERION_STATE, terms.SEVERITY, terms.JSON_TYPE, _RISK_KIND)
    assert [i for table in tables for i in table.values() if i not in MESSAGES] == []


def test_every_field_of_the_case_library_has_a_label() -> None:
    from dxkit.render.cases import CASE_FIELDS, field_label

    for name in CASE_FIELDS:
        for lang in LANGS:
            assert field_label(name, lang).strip(), (name, lang)
    # A field consortium files have is labelled by the schemas; one of the case library only, by the catalogue.
    assert field_label("mobility", "en") == label("field", "mobility", "en")
    assert field_label("talent", "ja") == "人材"


def test_labels_keep_the_wording_the_catalogue_had() -> None:
    assert label("stage", "planning", "ja") == "計画策定"
    assert label("Task.status", "not-started", "en") == "not started"
    assert label("Issue.priority", "high", "ja") == "高"
    assert label("Decision.outcome", "recycle", "ja") == "やり直し"
    assert label("memberType", "telecom-bureau", "en") == "Regional telecommunications bureau"
    # A case-library field the schemas do not have still comes from the catalogue.
    assert translate("field.talent", "ja") == "人材"


# -- every message id the code names exists ----------------------------------------------------

SRC = Path(dxkit.__file__).resolve().parent
#: The functions that show a message, by the names the code calls them (any module), and the
#: position of the id among their arguments.
SHOW = {"translate": 0, "t": 0, "say": 0, "L": 0}
#: ``L.only(id)``: the site's labels in one language only.
SHOW_METHODS = {("L", "only"): 0}


@dataclass(frozen=True)
class Sink:
    """A callable that takes a message id: where the id is, and what the callee puts around it."""

    index: int
    keyword: str = "msg_id"
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Use:
    path: str
    line: int
    ids: tuple[str, ...] = ()  # the ids a literal (or a table of literals) names
    pattern: str | None = None  # the shape of an id put together at run time
    head: str = ""  # the part of that id the code spells out before the first variable part


def _head(expr: ast.expr) -> str:
    """The literal start of a text put together from ``expr``."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value
    if isinstance(expr, ast.JoinedStr):
        head = ""
        for part in expr.values:
            if not isinstance(part, ast.Constant):
                break
            head += part.value
        return head
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        left = _head(expr.left)
        return left + _head(expr.right) if isinstance(expr.left, ast.Constant) else left
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        return _head(expr.func.value).split("{", 1)[0]
    return ""


def _params(fn: ast.FunctionDef | ast.Lambda) -> list[str]:
    names = [a.arg for a in (*fn.args.posonlyargs, *fn.args.args)]
    return names[1:] if names and names[0] in ("self", "cls") else names


def _template(expr: ast.expr, param: str) -> tuple[str, str] | None:
    """``(prefix, suffix)`` when ``expr`` is ``param`` or an f-string around ``param`` alone."""
    if isinstance(expr, ast.Name) and expr.id == param:
        return "", ""
    if isinstance(expr, ast.JoinedStr):
        holes = [v for v in expr.values if isinstance(v, ast.FormattedValue)]
        if len(holes) == 1 and isinstance(holes[0].value, ast.Name) and holes[0].value.id == param:
            at = expr.values.index(holes[0])
            text = [v.value if isinstance(v, ast.Constant) else "" for v in expr.values]
            return "".join(text[:at]), "".join(text[at + 1 :])
    return None


def _shape(arg: ast.expr, sink: Sink) -> str:
    """The id a call builds, its variable parts in braces: ``stage.{report.stage}``."""

    def text(expr: ast.expr) -> str:
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return expr.value
        if isinstance(expr, ast.JoinedStr):
            return "".join(text(p.value) if isinstance(p, ast.FormattedValue) else text(p) for p in expr.values)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            return text(expr.left) + text(expr.right)
        return "{" + ast.unparse(expr) + "}"

    return sink.prefix + text(arg) + sink.suffix


def _assigned(node: ast.AST) -> list[tuple[str, ast.expr]]:
    """``(name, value)`` of an assignment to plain names, annotated or not."""
    if isinstance(node, ast.Assign):
        return [(t.id, node.value) for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
        return [(node.target.id, node.value)]
    return []


def _module_name(path: str) -> str:
    """``i18n/terms.py`` -> ``dxkit.i18n.terms``; ``i18n/__init__.py`` -> ``dxkit.i18n``."""
    parts = path.removesuffix(".py").split("/")
    return ".".join(["dxkit", *(parts[:-1] if parts[-1] == "__init__" else parts)])


class _Module:
    """One module's message calls, with the helpers it defines around them."""

    def __init__(
        self, path: str, tree: ast.Module, classes: dict[str, Sink], modules: dict[str, _Module] | None = None
    ) -> None:
        self.path, self.tree, self.classes = path, tree, classes
        self.modules = modules if modules is not None else {}  # every module of the package, by name
        self.functions: dict[str, Sink] = {}  # module-level functions
        self.methods: dict[str, Sink] = {}  # called as ``obj.name(...)``
        self.inner: set[int] = set()  # the show calls inside a helper, about its own parameter
        self.constants = {name: value for node in tree.body for name, value in _assigned(node)}
        #: Names imported from another module of the package: local name -> (module, its name there).
        self.imports = {
            alias.asname or alias.name: (node.module or "", alias.name)
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("dxkit")
            for alias in node.names
        }
        self.uses: list[Use] = []

    # -- helpers: functions that pass a parameter on as a message id --

    def helper(self, fn: ast.FunctionDef | ast.Lambda, scopes: list[dict[str, Sink]], private: bool) -> Sink | None:
        """The sink ``fn`` is when it passes its first parameter on as a message id.

        A helper that puts text around the id hides where the id comes from, so it is followed
        only where all its callers are in this module (a lambda, a nested or a ``_private``
        function); the show call inside any other helper counts as a call site of its own.
        """
        params = _params(fn)
        if "msg_id" in params:
            return Sink(params.index("msg_id"))
        body = fn.body if isinstance(fn.body, list) else [fn.body]
        for node in (n for stmt in body for n in ast.walk(stmt)):
            if not isinstance(node, ast.Call) or (sink := self.sink(node.func, scopes)) is None:
                continue
            arg = self.argument(node, sink)
            shape = _template(arg, params[0]) if arg is not None and params else None
            if shape is None or (any(shape) and not private):
                continue
            self.inner.add(id(node))
            return Sink(0, params[0], sink.prefix + shape[0], shape[1] + sink.suffix)
        return None

    def sink(self, func: ast.expr, scopes: list[dict[str, Sink]]) -> Sink | None:
        if isinstance(func, ast.Name):
            for scope in reversed(scopes):
                if func.id in scope:
                    return scope[func.id]
            if func.id in self.functions:
                return self.functions[func.id]
            if func.id in self.classes:
                return self.classes[func.id]
            return Sink(SHOW[func.id]) if func.id in SHOW else None
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name) and (func.value.id, func.attr) in SHOW_METHODS:
                return Sink(SHOW_METHODS[func.value.id, func.attr])
            if func.attr in self.methods:
                return self.methods[func.attr]
            if func.attr in self.classes:
                return self.classes[func.attr]
        return None

    @staticmethod
    def argument(call: ast.Call, sink: Sink) -> ast.expr | None:
        if any(isinstance(a, ast.Starred) for a in call.args[: sink.index + 1]):
            return None
        if len(call.args) > sink.index:
            return call.args[sink.index]
        return next((k.value for k in call.keywords if k.arg == sink.keyword), None)

    # -- what an id expression can be --

    def literals(self, expr: ast.expr, stack: list[ast.AST], depth: int = 0) -> set[str] | None:
        """Every text ``expr`` can be, when the code spells them all out; else ``None``."""
        if depth > 8:
            return None
        if isinstance(expr, ast.Constant):
            return {expr.value} if isinstance(expr.value, str) else set() if expr.value is None else None
        if isinstance(expr, ast.IfExp):
            a, b = self.literals(expr.body, stack, depth + 1), self.literals(expr.orelse, stack, depth + 1)
            return a | b if a is not None and b is not None else None
        if isinstance(expr, ast.Dict) and all(v is not None for v in expr.values):
            return self._union([v for v in expr.values if v is not None], stack, depth)
        if isinstance(expr, ast.Subscript):  # _TABLE[key]: any value of a table of literal ids
            return self.literals(expr.value, stack, depth + 1)
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get":
            table = self.literals(expr.func.value, stack, depth + 1)
            default = self._union(expr.args[1:], stack, depth)
            return table | default if table is not None and default is not None else None
        if isinstance(expr, ast.Name):
            return self._name(expr.id, stack, depth)
        if isinstance(expr, ast.JoinedStr):  # f"{key}.none" for each key of a literal tuple
            texts = {""}
            for part in expr.values:
                if isinstance(part, ast.Constant):
                    texts = {text + part.value for text in texts}
                    continue
                if not isinstance(part, ast.FormattedValue) or part.format_spec or part.conversion != -1:
                    return None
                found = self.literals(part.value, stack, depth + 1)
                if found is None:
                    return None
                texts = {text + value for text in texts for value in found}
            return texts
        return None

    def _union(self, exprs: list[ast.expr], stack: list[ast.AST], depth: int) -> set[str] | None:
        out: set[str] = set()
        for e in exprs:
            found = self.literals(e, stack, depth + 1)
            if found is None:
                return None
            out |= found
        return out

    def _items(self, iterable: ast.expr) -> list[ast.expr] | None:
        if isinstance(iterable, ast.Name) and iterable.id in self.constants:
            iterable = self.constants[iterable.id]
        return list(iterable.elts) if isinstance(iterable, (ast.Tuple, ast.List)) else None

    def _from_loop(self, name: str, target: ast.expr, iterable: ast.expr, stack, depth) -> set[str] | None:
        items = self._items(iterable)
        if items is None:
            return None
        if isinstance(target, ast.Name):
            return self._union(items, stack, depth)
        if isinstance(target, ast.Tuple):
            at = next((i for i, t in enumerate(target.elts) if isinstance(t, ast.Name) and t.id == name), None)
            if at is not None and all(isinstance(i, ast.Tuple) and len(i.elts) == len(target.elts) for i in items):
                return self._union([i.elts[at] for i in items], stack, depth)
        return None

    def _name(self, name: str, stack: list[ast.AST], depth: int) -> set[str] | None:
        def binds(target: ast.expr) -> bool:
            return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target))

        for node in reversed(stack):
            if isinstance(node, (ast.For, ast.AsyncFor)) and binds(node.target):
                return self._from_loop(name, node.target, node.iter, stack, depth)
            if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                for gen in node.generators:
                    if binds(gen.target):
                        return self._from_loop(name, gen.target, gen.iter, stack, depth)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                if name in _params(node) or name in ("self", "cls"):
                    return None
                body = node.body if isinstance(node.body, list) else [node.body]
                values = [
                    value for stmt in body for n in ast.walk(stmt) for bound, value in _assigned(n) if bound == name
                ]
                if values:
                    return self._union(values, stack, depth)
        if name in self.constants:
            return self.literals(self.constants[name], [], depth + 1)
        if name in self.imports:  # a table of ids defined in another module
            module, original = self.imports[name]
            other = self.modules.get(module)
            if other is not None and original in other.constants:
                return other.literals(other.constants[original], [], depth + 1)
        return None

    # -- the walk --

    def scan(self) -> None:
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef) and (sink := self.helper(node, [], node.name.startswith("_"))):
                self.functions[node.name] = sink
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if not isinstance(item, ast.FunctionDef) or item.name == "__init__":
                        continue
                    if sink := self.helper(item, [], item.name.startswith("_")):
                        self.methods[item.name] = sink
        self.visit(self.tree, [self.tree], [{}])

    def visit(self, node: ast.AST, stack: list[ast.AST], scopes: list[dict[str, Sink]]) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            local: dict[str, Sink] = {}
            body = node.body if isinstance(node.body, list) else [node.body]
            for stmt in body:
                for n in ast.walk(stmt):
                    if isinstance(n, ast.Assign) and isinstance(n.value, ast.Lambda) and len(n.targets) == 1:
                        target = n.targets[0]
                        if isinstance(target, ast.Name) and (sink := self.helper(n.value, [*scopes, local], True)):
                            local[target.id] = sink
                    elif (
                        isinstance(n, ast.FunctionDef)
                        and n is not node
                        and (sink := self.helper(n, [*scopes, local], True))
                    ):
                        local[n.name] = sink
            scopes = [*scopes, local]
        if isinstance(node, ast.Call) and id(node) not in self.inner:
            sink = self.sink(node.func, scopes)
            arg = self.argument(node, sink) if sink else None
            if sink is not None and arg is not None:
                self.record(node, arg, sink, stack)
        for child in ast.iter_child_nodes(node):
            self.visit(child, [*stack, child], scopes)

    def record(self, call: ast.Call, arg: ast.expr, sink: Sink, stack: list[ast.AST]) -> None:
        found = self.literals(arg, stack)
        if found is not None:
            self.uses.append(Use(self.path, call.lineno, tuple(sorted(sink.prefix + i + sink.suffix for i in found))))
        elif isinstance(arg, (ast.JoinedStr, ast.BinOp)) or (
            isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "format"
        ):
            self.uses.append(Use(self.path, call.lineno, pattern=_shape(arg, sink), head=sink.prefix + _head(arg)))
        elif sink.prefix or sink.suffix:
            self.uses.append(Use(self.path, call.lineno, pattern=_shape(arg, sink), head=sink.prefix))


def _message_classes(trees: dict[str, ast.Module]) -> dict[str, Sink]:
    """Classes that take a message id: the errors (``DxkitError`` and below) and records of an id."""
    defs = {n.name: n for tree in trees.values() for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
    out: dict[str, Sink] = {}
    for _ in range(len(defs)):
        for name, cls in defs.items():
            if name in out:
                continue
            init = next((i for i in cls.body if isinstance(i, ast.FunctionDef) and i.name == "__init__"), None)
            fields = [i.target.id for i in cls.body if isinstance(i, ast.AnnAssign) and isinstance(i.target, ast.Name)]
            bases = [b.id for b in cls.bases if isinstance(b, ast.Name)]
            if init is not None and "msg_id" in _params(init):
                out[name] = Sink(_params(init).index("msg_id"))
            elif init is None and "msg_id" in fields:
                out[name] = Sink(fields.index("msg_id"))
            elif init is None and (base := next((b for b in bases if b in out), None)):
                out[name] = out[base]
    return out


def scan_message_ids(sources: dict[str, str]) -> list[Use]:
    """Every place the code names a message id (by module path, from its source)."""
    trees = {path: ast.parse(text, path) for path, text in sources.items()}
    classes = _message_classes(trees)
    modules: dict[str, _Module] = {}
    for path, tree in trees.items():
        modules[_module_name(path)] = _Module(path, tree, classes, modules)
    uses: list[Use] = []
    for module in modules.values():
        module.scan()
        uses += module.uses
    return uses


@cache
def _package_uses() -> tuple[Use, ...]:
    sources = {p.relative_to(SRC).as_posix(): p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py"))}
    return tuple(scan_message_ids(sources))


def _known(msg_id: str) -> bool:
    return msg_id in MESSAGES


def test_every_message_id_the_code_names_exists():
    uses = _package_uses()
    named = [(u.path, u.line, i) for u in uses for i in u.ids]
    # The scan must see the code: messages of every kind of caller.
    assert len(named) > 300
    assert {u.path for u in uses if u.ids} >= {
        "loading.py",
        "errors.py",
        "render/site_pages.py",
        "analyses/keyperson.py",
    }
    ids = {msg_id for _, _, msg_id in named}
    assert {
        "load.syntax.tab",  # LoadError(code, msg_id, ...) from a table of hints, in a loop
        "load.broken_link",  # msg_id = "load.broken_link" if ... else "load.missing"
        "write.disk_full",  # WriteError, a DxkitError subclass
        "kp.reason.degree",  # Reason(msg_id, params)
        "schema.pattern.date",  # a dict of ids looked up with .get()
        "lessons.keep",  # a lambda that puts "lessons." before its key, over a tuple of keys
        "status.blocked.none",  # f"{key}.none" over a tuple of keys
        "sheet.duplicate_id",  # SheetProblem(..., msg_id, params), a record of an id
    } <= ids
    assert [f"{path}:{line}: {msg_id}" for path, line, msg_id in named if not _known(msg_id)] == []


#: Call sites that put a message id together at run time, so no test can prove the id exists.
#: There are none, and none may come: show an enum value with dxkit.labels.label(), and name any
#: other id literally or through a table of literal ids (dxkit.i18n.terms, or one in the module).
BUILT_AT_RUN_TIME: dict[tuple[str, str], int] = {}


def _built() -> list[Use]:
    return [u for u in _package_uses() if u.pattern is not None]


def test_no_call_site_builds_a_message_id_at_run_time() -> None:
    sites = sorted(_built(), key=lambda u: (u.path, u.line))
    found = Counter((u.path, u.pattern) for u in sites)
    assert found == Counter(BUILT_AT_RUN_TIME), (
        "an id is put together at run time: use dxkit.labels.label() or a literal id: "
        + "; ".join(f"{u.path}:{u.line} {u.pattern}" for u in sites)
    )


def test_scan_follows_helpers_tables_and_loops():
    source = """
from dxkit.i18n import translate, t
from dxkit.words import LENS

class DxkitError(Exception):
    def __init__(self, msg_id, **params):
        super().__init__(msg_id)

class Oops(DxkitError):
    pass

class BadInput(Oops):
    def __init__(self, code, msg_id, path):
        super().__init__(msg_id, path=path)

HINTS = (("tab", "load.syntax.tab"), ("alias", "load.no_such_hint"))
_STATE: dict[str, str] = {"met": "state.met", "gone": "state.no_such_state"}

def render(lang, status):
    t = lambda key, **p: translate(f"lessons.{key}", lang, **p)
    t("title")
    t("no_such_lesson")
    for key in ("keep", "problem"):
        t(key)
    for needle, msg_id in HINTS:
        BadInput("DX001", msg_id, "x.yaml")
    raise Oops("schema.no_such_rule")

def show(x, lang):
    translate(f"stage.{x}", lang)
    translate("site." + x, lang)
    translate(x, lang)
    translate(_STATE[x], lang)
    translate(LENS[x], lang)
"""
    words = 'LENS = {"desirability": "lens.desirability", "typo": "lens.desirabilty"}\n'
    uses = scan_message_ids({"m.py": source, "words.py": words})
    named = sorted(i for u in uses for i in u.ids)
    assert named == sorted(
        [
            "state.met",
            "state.no_such_state",
            "lens.desirability",
            "lens.desirabilty",
            "lessons.title",
            "lessons.no_such_lesson",
            "lessons.keep",
            "lessons.problem",
            "load.no_such_hint",
            "load.syntax.tab",
            "schema.no_such_rule",
        ]
    )
    assert [i for i in named if not _known(i)] == [
        "lens.desirabilty",
        "lessons.no_such_lesson",
        "load.no_such_hint",
        "schema.no_such_rule",
        "state.no_such_state",
    ]
    assert sorted(u.pattern for u in uses if u.pattern) == ["site.{x}", "stage.{x}"]
