"""Core checks: reading a file and checking it against its schema.

These have no rule function; the loader and the schema validator report them. They are
registered so that every code a user can see has a documentation page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dxkit.findings import Severity
from dxkit.i18n import LANGS, translate
from dxkit.rules import Consortium, Hit, Rule, docs, register, rule


def _core(
    code: str,
    name: str,
    severity: Severity,
    title: dict[str, str],
    what: dict[str, str],
    why: dict[str, str],
    fix_text: dict[str, str],
    example: str = "",
    fix: str = "",
) -> None:
    register(
        Rule(
            code,
            name,
            severity,
            title,
            message={"ja": "{message}", "en": "{message}"},
            docs=docs((what["ja"], what["en"]), (why["ja"], why["en"]), (fix_text["ja"], fix_text["en"])),
            guide="start/quickstart.md",
            example=example,
            fix=fix,
        )
    )


_core(
    "DX001",
    "invalid-yaml",
    Severity.ERROR,
    {"ja": "YAML として読めない", "en": "Not readable as YAML"},
    {
        "ja": "構文の誤り、タブによる字下げ、閉じていない引用符、複数の文書、空のファイルなど、"
        "YAML として読めないファイルを報告します。",
        "en": "Reports files that cannot be read as YAML: syntax errors, tab indentation, "
        "unclosed quotes, several documents in one file, empty files.",
    },
    {
        "ja": "読めないファイルは中身を確認できず、誰の作業も進みません。",
        "en": "A file that cannot be read cannot be checked, and nobody can rely on it.",
    },
    {
        "ja": "示された行と列を直してください。字下げには半角スペースを使います。",
        "en": "Fix the line and column shown. Indent with spaces, never tabs.",
    },
    example="tasks:\n\t- id: T-001\n",
    fix="tasks:\n  - id: T-001\n",
)
_core(
    "DX002",
    "unreadable-encoding",
    Severity.ERROR,
    {"ja": "UTF-8 ではない", "en": "Not UTF-8"},
    {
        "ja": "Shift_JIS、UTF-16、バイナリなど、UTF-8 以外で保存されたファイルを報告します。",
        "en": "Reports files saved in Shift_JIS, UTF-16, as binary, or otherwise not as UTF-8.",
    },
    {
        "ja": "文字コードが混ざると、他のメンバーの環境で文字化けし、内容が失われます。",
        "en": "Mixed encodings garble text on other members' machines and lose content.",
    },
    {
        "ja": "エディタで「UTF-8」を選んで保存し直してください。",
        "en": "Save the file again with the encoding set to UTF-8.",
    },
)
_core(
    "DX003",
    "duplicate-key",
    Severity.ERROR,
    {"ja": "同じ項目が二度ある", "en": "Duplicate key"},
    {
        "ja": "一つの項目の集まりの中で、同じ名前の項目が二度書かれていることを報告します。",
        "en": "Reports a key written twice in the same mapping.",
    },
    {
        "ja": "多くのツールは後の値だけを黙って使うため、先に書いた内容が失われます。",
        "en": "Most tools silently keep only the last value, so the first one is lost.",
    },
    {
        "ja": "どちらか一方を消すか、二つをまとめてください。",
        "en": "Remove one of them or merge the two.",
    },
    example="due: 2026-05-31\ndue: 2026-06-30\n",
    fix="due: 2026-06-30\n",
)
_core(
    "DX004",
    "unsafe-tag",
    Severity.ERROR,
    {"ja": "使えないタグ", "en": "Unsupported tag"},
    {
        "ja": "`!!python/object` など、標準以外の YAML タグを報告します。",
        "en": "Reports YAML tags other than the standard ones, such as `!!python/object`.",
    },
    {
        "ja": "タグはファイルを読むだけでプログラムを動かす入口になり得ます。dxkit は読みません。",
        "en": "Tags can make merely reading a file run code; dxkit never follows them.",
    },
    {
        "ja": "タグを消し、値をそのまま書いてください。",
        "en": "Remove the tag and write the plain value.",
    },
)
_core(
    "DX005",
    "input-too-large",
    Severity.ERROR,
    {"ja": "大きすぎる・深すぎる", "en": "Too large or too deep"},
    {
        "ja": "5 MiB を超えるファイル、64 段を超える入れ子、展開すると巨大になる別名（エイリアス）を報告します。",
        "en": "Reports files over 5 MiB, nesting deeper than 64 levels, and aliases that expand to a huge document.",
    },
    {
        "ja": "統治文書はこれより十分小さく、大きすぎる入力は検査や CI を止めてしまいます。",
        "en": "Governance files are far smaller; oversized input would stall checks and CI.",
    },
    {
        "ja": "ファイルを分けるか、別名を使わずに書いてください。",
        "en": "Split the file, or write it without aliases.",
    },
)
_core(
    "DX006",
    "unknown-kind",
    Severity.ERROR,
    {"ja": "種類が分からない", "en": "Unknown kind"},
    {
        "ja": "`kind` がない、または dxkit が知らない種類のファイルを報告します。",
        "en": "Reports files whose `kind` is missing or not one dxkit knows.",
    },
    {
        "ja": "種類が分からないと、どのスキーマで確かめればよいか決められません。",
        "en": "Without a kind there is no schema to check the file against.",
    },
    {
        "ja": "ファイルの先頭に `kind:` と `version: 1` を書いてください。",
        "en": "Start the file with `kind:` and `version: 1`.",
    },
    example="tasks: []\n",
    fix="kind: roles\nversion: 1\ntasks: []\n",
)
_core(
    "DX007",
    "byte-order-mark",
    Severity.WARNING,
    {"ja": "BOM つき UTF-8", "en": "UTF-8 with a byte-order mark"},
    {
        "ja": "先頭に BOM（バイト順マーク）がある UTF-8 ファイルを報告します。読み込みはできます。",
        "en": "Reports UTF-8 files that start with a byte-order mark. They are still read.",
    },
    {
        "ja": "BOM を誤って扱うツールがあり、差分にも見えない変更が混ざります。",
        "en": "Some tools mishandle the mark, and it adds invisible changes to diffs.",
    },
    {
        "ja": "「UTF-8（BOM なし）」で保存し直してください。",
        "en": "Save the file as UTF-8 without a BOM.",
    },
)
_core(
    "DX010",
    "schema-violation",
    Severity.ERROR,
    {"ja": "スキーマに合わない", "en": "Does not match the schema"},
    {
        "ja": "必須の項目がない、型が違う、使えない値、日付の形式違い、知らない項目など、"
        "ファイルの種類ごとのスキーマに合わない箇所を報告します。",
        "en": "Reports what does not match the schema of the file's kind: a missing required "
        "field, a wrong type, a value not allowed, a malformed date, an unknown field.",
    },
    {
        "ja": "形の崩れたファイルは、他のメンバーやツールが正しく読めません。",
        "en": "Other members and tools cannot rely on a file whose shape is wrong.",
    },
    {
        "ja": "メッセージが示す項目を直してください。項目の説明はスキーマの参照ページにあります。",
        "en": "Fix the field the message names; the schema reference describes every field.",
    },
    example="due: 2026/06/30\n",
    fix="due: 2026-06-30\n",
)


def _iter_strings(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _iter_strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _iter_strings(value, (*path, index))


@rule(
    "DX008",
    "unfilled-placeholder",
    Severity.WARNING,
    title={"ja": "記入されていない箇所", "en": "Placeholder not filled in"},
    message={
        "ja": "「{marker}」のままの箇所があります。内容を書いてください。",
        "en": "This still says '{marker}'; fill it in.",
    },
    docs=docs(
        what=(
            "`dxkit new` などが書いた記入欄の目印（〔記入〕または [to fill in]）が残っている値を報告します。",
            "Reports values that still hold the placeholder `dxkit new` writes (〔記入〕 or [to fill in]).",
        ),
        why=(
            "目印のままの記録は、他のメンバーや他の地域には意味を持ちません。",
            "A record that still says 'fill in' tells other members and other regions nothing.",
        ),
        fix=("目印を実際の内容に置き換えてください。", "Replace the placeholder with the real content."),
    ),
    guide="start/quickstart.md",
    example="  summary: 〔記入〕\n",
    fix="  summary: 3 つの基準のうち 2 つを満たし、条件付きで進むと決めた\n",
)
def check_unfilled_placeholder(c: Consortium) -> Iterator[Hit]:
    markers = [translate("placeholder", lang) for lang in LANGS]
    for doc in c.documents():
        if doc.text and not any(marker in doc.text for marker in markers):
            continue  # the marker is not in the file at all: no need to walk its values
        for path, text in _iter_strings(doc.data):
            for marker in markers:
                if marker in text:
                    yield Hit(doc, path, {"marker": marker})
                    break
