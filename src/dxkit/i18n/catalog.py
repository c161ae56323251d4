"""Every user-facing message, in Japanese and English.

Placeholders are ``str.format`` fields; both languages of a message use the same ones
(a test checks this). Rule titles and messages live with their rules in :mod:`dxkit.rules`.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # -- reading files ---------------------------------------------------------------------
    "load.encoding.utf16": {
        "ja": "{encoding} で保存されています。UTF-8 で保存し直してください。",
        "en": "The file is saved as {encoding}; save it again as UTF-8.",
    },
    "load.encoding.binary": {
        "ja": "テキストではなくバイナリのファイルです（NUL 文字があります）。YAML ファイルを指定してください。",
        "en": "This is a binary file, not text (it contains a NUL byte); point dxkit at a YAML file.",
    },
    "load.encoding.legacy": {
        "ja": "UTF-8 ではなく {encoding} で保存されているようです。UTF-8 で保存し直してください。",
        "en": "The file looks like {encoding}, not UTF-8; save it again as UTF-8.",
    },
    "load.encoding.invalid": {
        "ja": "UTF-8 として読めないバイト {byte} があります。UTF-8 で保存し直してください。",
        "en": "Byte {byte} is not valid UTF-8; save the file again as UTF-8.",
    },
    "load.syntax.tab": {
        "ja": "字下げにタブ文字が使われています。YAML の字下げは半角スペースで書いてください。",
        "en": "A tab is used for indentation; YAML indentation must use spaces.",
    },
    "load.syntax.bad_character": {
        "ja": "ここで使えない文字があります。値を引用符（\"）で囲んでください。",
        "en": "A character here cannot start a value; put the value in quotes (\").",
    },
    "load.syntax.unclosed_quote": {
        "ja": "引用符が閉じられないままファイルが終わっています。引用符の対応を確かめてください。",
        "en": "The file ends inside a quoted value; check that every quote is closed.",
    },
    "load.syntax.mapping_value": {
        "ja": "ここに「キー: 値」は書けません。字下げか、値の中のコロン（:）を確かめてください（値は引用符で囲めます）。",
        "en": "A 'key: value' is not allowed here; check the indentation, or quote a value that contains a colon.",
    },
    "load.syntax.unclosed_bracket": {
        "ja": "括弧（[ ] または {{ }}）が閉じられていないか、区切りのカンマがありません。",
        "en": "A bracket ([ ] or {{ }}) is not closed, or a separating comma is missing.",
    },
    "load.syntax.list_indent": {
        "ja": "リストの項目（- ）と他の行の字下げがそろっていません。",
        "en": "List items (- ) and the lines around them are not indented alike.",
    },
    "load.syntax.missing_colon": {
        "ja": "「キー: 値」のコロン（:）が見つかりません。字下げと行の形を確かめてください。",
        "en": "The ':' of a 'key: value' pair is missing; check the indentation and the line's shape.",
    },
    "load.syntax.undefined_alias": {
        "ja": "定義されていない別名（*エイリアス）が使われています。",
        "en": "An alias (*name) is used that was never defined.",
    },
    "load.syntax.other": {
        "ja": "YAML の構文エラーです: {detail}",
        "en": "YAML syntax error: {detail}",
    },
    "load.multiple_documents": {
        "ja": "一つのファイルに複数の文書（--- の区切り）があります。一つのファイルには一つの文書だけを書いてください。",
        "en": "The file holds more than one document (separated by ---); keep one document per file.",
    },
    "load.empty": {
        "ja": "ファイルが空です（コメントしかありません）。kind と version から書き始めてください。",
        "en": "The file is empty (comments only); start it with kind and version.",
    },
    "load.too_deep": {
        "ja": "入れ子が深すぎます（{limit} 段まで）。構造を浅くしてください。",
        "en": "Nesting is too deep (the limit is {limit} levels); flatten the structure.",
    },
    "load.alias_bomb": {
        "ja": "別名（エイリアス）の展開が大きすぎます（{limit} 個を超えました）。別名を使わずに書いてください。",
        "en": "Aliases expand to too much data (over {limit} nodes); write the values without aliases.",
    },
    "load.tag": {
        "ja": "タグ {tag} は使えません。dxkit は標準の値（文字列・数値・true/false・null・リスト・項目の集まり）だけを読みます。",
        "en": "Tag {tag} is not allowed; dxkit reads only plain values (text, numbers, true/false, null, lists and mappings).",
    },
    "load.tag_value": {
        "ja": "タグ {tag} の値「{value}」は読めません。タグを外して書いてください。",
        "en": "Value '{value}' cannot be read as {tag}; remove the tag.",
    },
    "load.complex_key": {
        "ja": "キーには単純な文字列を書いてください（リストや項目の集まりはキーにできません）。",
        "en": "Keys must be plain text; a list or mapping cannot be a key.",
    },
    "load.duplicate_key": {
        "ja": "キー「{key}」が二度書かれています（最初は {first} 行目）。どちらかを消すか、まとめてください。",
        "en": "Key '{key}' appears twice (first on line {first}); remove or merge one of them.",
    },
    "load.too_large": {
        "ja": "ファイルが大きすぎます（{size}、上限 {limit}）。ファイルを分けてください。",
        "en": "The file is too large ({size}; the limit is {limit}); split it.",
    },
    "load.is_directory": {
        "ja": "ファイルではなくフォルダです。",
        "en": "This is a folder, not a file.",
    },
    "load.missing": {
        "ja": "ファイルまたはフォルダが見つかりません。パスを確かめてください。",
        "en": "No such file or folder; check the path.",
    },
    "load.broken_link": {
        "ja": "リンク先が存在しないシンボリックリンクです。",
        "en": "This symbolic link points to nothing.",
    },
    "load.permission": {
        "ja": "読み取る権限がありません。",
        "en": "Permission denied: the file cannot be read.",
    },
    "load.os_error": {
        "ja": "ファイルを読めません: {detail}",
        "en": "The file cannot be read: {detail}",
    },
    "load.bom": {
        "ja": "ファイルの先頭に BOM（バイト順マーク）があります。読み込みはできますが、UTF-8（BOM なし）で保存し直すことをおすすめします。",
        "en": "The file starts with a byte-order mark; it is read, but saving it as UTF-8 without a BOM is recommended.",
    },
    # -- kinds -----------------------------------------------------------------------------
    "kind.not_mapping": {
        "ja": "ファイルの最上位は「キー: 値」の集まりにしてください（kind: と version: から始めます）。",
        "en": "The top level must be a mapping of 'key: value' pairs, starting with kind: and version:.",
    },
    "kind.missing": {
        "ja": "kind（ファイルの種類）がありません。次のいずれかを書いてください: {kinds}",
        "en": "kind (what this file is) is missing; use one of: {kinds}",
    },
    "kind.missing_guess": {
        "ja": "kind（ファイルの種類）がありません。ファイル名から見て「kind: {guess}」と「version: 1」を先頭に書いてください。",
        "en": "kind (what this file is) is missing; judging by its name, start it with 'kind: {guess}' and 'version: 1'.",
    },
    "kind.unknown": {
        "ja": "kind「{kind}」は dxkit が知らない種類です。使える種類: {kinds}。",
        "en": "kind '{kind}' is not one dxkit knows; the kinds are: {kinds}.",
    },
    "kind.raw": {"ja": "{message}", "en": "{message}"},
    # -- schema ----------------------------------------------------------------------------
    "schema.top_level": {"ja": "ファイルの最上位", "en": "the top level"},
    "schema.label": {"ja": "{path}（{title}）", "en": "{path} ({title})"},
    "schema.label_id": {"ja": "{path}（id: {id}）", "en": "{path} (id: {id})"},
    "schema.or": {"ja": " または ", "en": " or "},
    "schema.required": {
        "ja": "{where}に必須の項目 {field}（{title}）がありません。追加してください。",
        "en": "{where} is missing the required field {field} ({title}); add it.",
    },
    "schema.additional": {
        "ja": "{where}に {field} という項目はありません。綴りを確かめてください。",
        "en": "{where} has no field named {field}; check the spelling.",
    },
    "schema.did_you_mean": {"ja": "もしかして {suggestion}？", "en": " Did you mean {suggestion}?"},
    "schema.type": {
        "ja": "{where}には {expected} を書いてください（いまは{actual}「{value}」）。",
        "en": "{where} must be {expected}, not {actual} '{value}'.",
    },
    "schema.hint.boolean": {
        "ja": "yes / no / on / off は文字列として読まれます。true か false を使ってください。",
        "en": " yes / no / on / off are read as text; use true or false.",
    },
    "schema.hint.quote": {
        "ja": "数字や true/false を文字列として書くときは引用符（\"）で囲んでください。",
        "en": " To write a number or true/false as text, put it in quotes (\").",
    },
    "schema.enum": {
        "ja": "{where}に「{value}」は使えません。使える値: {choices}",
        "en": "{where} cannot be '{value}'; allowed values: {choices}",
    },
    "schema.const.kind": {
        "ja": "kind は「{expected}」のはずですが「{value}」になっています。",
        "en": "kind should be '{expected}' but is '{value}'.",
    },
    "schema.const.version": {
        "ja": "スキーマのバージョン {value} には対応していません。この dxkit は version: {expected} を読みます。",
        "en": "Schema version {value} is not supported; this dxkit reads version: {expected}.",
    },
    "schema.const": {
        "ja": "{where}は {expected} にしてください。",
        "en": "{where} must be {expected}.",
    },
    "schema.pattern.date": {
        "ja": "{where}は YYYY-MM-DD 形式の日付で書いてください（例: 2026-04-01、いまは「{value}」）。",
        "en": "{where} must be a date written YYYY-MM-DD (e.g. 2026-04-01), not '{value}'.",
    },
    "schema.pattern.month": {
        "ja": "{where}は YYYY-MM 形式の年月で書いてください（例: 2027-04、いまは「{value}」）。",
        "en": "{where} must be a month written YYYY-MM (e.g. 2027-04), not '{value}'.",
    },
    "schema.pattern.member_id": {
        "ja": "{where}「{value}」はメンバー id の形ではありません。半角英小文字・数字・ハイフンで書いてください（例: city、shinkin）。",
        "en": "{where} '{value}' is not a member id; use lowercase letters, digits and hyphens (e.g. city, shinkin).",
    },
    "schema.pattern.id": {
        "ja": "{where}「{value}」は id の形ではありません。半角英数字で始め、英数字・ハイフン・ピリオド・下線で書いてください（例: T-001）。",
        "en": "{where} '{value}' is not a valid id; start with a letter or digit and use letters, digits, '-', '.' or '_' (e.g. T-001).",
    },
    "schema.pattern.rule_code": {
        "ja": "{where}「{value}」はルールのコードではありません（例: DX301、DX3）。",
        "en": "{where} '{value}' is not a rule code (e.g. DX301, DX3).",
    },
    "schema.pattern": {
        "ja": "{where}「{value}」の形が正しくありません（形式: {pattern}）。",
        "en": "{where} '{value}' does not have the expected form ({pattern}).",
    },
    "schema.format.date": {
        "ja": "{where}「{value}」は存在しない日付です。",
        "en": "{where} '{value}' is not a real date.",
    },
    "schema.empty": {"ja": "{where}が空です。内容を書いてください。", "en": "{where} is empty; fill it in."},
    "schema.minLength": {
        "ja": "{where}は {limit} 文字以上で書いてください。",
        "en": "{where} must be at least {limit} characters long.",
    },
    "schema.maxLength": {
        "ja": "{where}は {limit} 文字以内で書いてください。",
        "en": "{where} must be at most {limit} characters long.",
    },
    "schema.minItems": {
        "ja": "{where}には少なくとも {limit} 件書いてください。",
        "en": "{where} needs at least {limit} entries.",
    },
    "schema.maxItems": {
        "ja": "{where}は {limit} 件までです。",
        "en": "{where} allows at most {limit} entries.",
    },
    "schema.minimum": {
        "ja": "{where}は {limit} 以上にしてください（いまは {value}）。",
        "en": "{where} must be at least {limit}, not {value}.",
    },
    "schema.maximum": {
        "ja": "{where}は {limit} 以下にしてください（いまは {value}）。",
        "en": "{where} must be at most {limit}, not {value}.",
    },
    "schema.uniqueItems": {
        "ja": "{where}に同じ値が重複しています。",
        "en": "{where} contains the same value twice.",
    },
    "schema.other": {
        "ja": "{where}がスキーマの条件（{keyword}）に合いません。",
        "en": "{where} does not meet the schema's condition ({keyword}).",
    },
    "type.string": {"ja": "文字列", "en": "text"},
    "type.integer": {"ja": "整数", "en": "a whole number"},
    "type.number": {"ja": "数値", "en": "a number"},
    "type.boolean": {"ja": "true か false", "en": "true or false"},
    "type.array": {"ja": "リスト（「- 」で始まる行）", "en": "a list (lines starting with '- ')"},
    "type.object": {"ja": "項目の集まり（キー: 値）", "en": "a mapping (key: value)"},
    "type.null": {"ja": "空の値", "en": "an empty value"},
    # -- reports -----------------------------------------------------------------------------
    "report.clean": {
        "ja": "問題は見つかりませんでした（確認したファイル {files} 件）",
        "en": "No problems found · Files checked: {files}",
    },
    "report.summary": {
        "ja": "エラー {errors} 件・警告 {warnings} 件（確認したファイル {files} 件）",
        "en": "Errors: {errors} · Warnings: {warnings} · Files checked: {files}",
    },
    "severity.error": {"ja": "エラー", "en": "error"},
    "severity.warning": {"ja": "警告", "en": "warning"},
    # -- command line ------------------------------------------------------------------------
    "cli.error_prefix": {"ja": "エラー: ", "en": "Error: "},
    "cli.bug": {
        "ja": "dxkit {version} の内部エラーです（{error}）。お手数ですが、実行したコマンドとともに報告してください。",
        "en": "Internal error in dxkit {version} ({error}). Please report it together with the command you ran.",
    },
    "help.app": {
        "ja": "地域社会DX推進体制の統治ファイルを作成し、確かめるツールです。",
        "en": "Scaffold and check the governance files of a regional DX consortium.",
    },
    "help.version": {"ja": "バージョンを表示して終了します。", "en": "Show the version and exit."},
    "help.lang": {
        "ja": "メッセージの言語（ja または en）。既定は環境変数 DXKIT_LANG、なければ ja。",
        "en": "Language of messages (ja or en). Defaults to DXKIT_LANG, else ja.",
    },
    "help.init": {
        "ja": "推進体制のフォルダを記入例つきで作成します。既存のファイルは上書きしません。",
        "en": "Create a consortium folder with filled-in examples. Existing files are never overwritten.",
    },
    "help.init.dir": {"ja": "作成するフォルダ。", "en": "The folder to create."},
    "help.init.name": {"ja": "推進体制の名称。", "en": "The consortium's name."},
    "help.init.municipality": {"ja": "中心となる自治体の名称。", "en": "The municipality at its centre."},
    "help.init.no_input": {
        "ja": "質問せずに既定値を使います（端末以外から実行したときも同じです）。",
        "en": "Ask nothing and use defaults (also the case when not run from a terminal).",
    },
    "help.init.overwrite": {
        "ja": "内容の異なる既存ファイルを上書きします。",
        "en": "Replace existing files whose content differs.",
    },
    "help.init.dry_run": {
        "ja": "何をするかだけを表示し、何も書き込みません。",
        "en": "Show what would happen and write nothing.",
    },
    "help.validate": {
        "ja": "統治ファイルをスキーマとルールで確かめます。終了コード: 0 問題なし、1 エラーあり、2 実行できない。",
        "en": "Check governance files against schemas and rules. Exit 0 clean, 1 errors found, 2 could not run.",
    },
    "help.validate.paths": {
        "ja": "確かめるファイルまたはフォルダ（既定は現在のフォルダ）。",
        "en": "Files or folders to check (default: the current folder).",
    },
    "help.validate.format": {"ja": "出力の形式。", "en": "Output format."},
    "help.validate.select": {
        "ja": "使うルールのコードまたは接頭辞（例: DX3、DX101）。カンマ区切りや繰り返しも可。",
        "en": "Rule codes or prefixes to use (e.g. DX3, DX101); comma-separated or repeated.",
    },
    "help.validate.ignore": {
        "ja": "使わないルールのコードまたは接頭辞。",
        "en": "Rule codes or prefixes to leave out.",
    },
    "help.validate.exit_zero": {
        "ja": "エラーがあっても終了コード 0 で終わります。",
        "en": "Exit 0 even when errors are found.",
    },
    "help.validate.today": {
        "ja": "期限の判定に使う日付（YYYY-MM-DD、既定は今日）。",
        "en": "The date deadlines are judged against (YYYY-MM-DD; default today).",
    },
    "validate.no_files": {
        "ja": "確かめる統治ファイルが見つかりませんでした: {paths}",
        "en": "No governance files were found in: {paths}",
    },
    "validate.unknown_code": {
        "ja": "ルールのコード「{code}」は存在しません。dxkit のルール一覧を確かめてください。",
        "en": "There is no rule code '{code}'; check dxkit's rule list.",
    },
    "validate.bad_today": {
        "ja": "--today「{value}」は日付ではありません。YYYY-MM-DD で書いてください。",
        "en": "--today '{value}' is not a date; write it YYYY-MM-DD.",
    },
    "init.default_municipality": {"ja": "サンプル市", "en": "Sample City"},
    "init.default_name": {"ja": "{municipality}地域DX推進協議会", "en": "{municipality} Regional DX Consortium"},
    "init.prompt.municipality": {"ja": "中心となる自治体の名称", "en": "Municipality at the centre"},
    "init.prompt.name": {"ja": "推進体制の名称", "en": "Consortium name"},
    "init.summary": {
        "ja": "作成 {create} 件、同一 {identical} 件、既存を維持 {skip} 件、上書き {overwrite} 件。",
        "en": "{create} created, {identical} identical, {skip} kept as they were, {overwrite} overwritten.",
    },
    "init.skip_hint": {
        "ja": "内容の異なる既存ファイルはそのまま残しました（skip）。置き換えるには --overwrite を付けてください。",
        "en": "Existing files with other content were left as they are (skip); add --overwrite to replace them.",
    },
    "init.dry_run": {"ja": "--dry-run のため、何も書き込んでいません。", "en": "Dry run: nothing was written."},
    "init.next": {"ja": "次に: dxkit validate {dir}", "en": "Next: dxkit validate {dir}"},
    "init.conflict": {
        "ja": "ファイルを置く場所にフォルダやリンクがあるため、何も書き込みませんでした: {paths}",
        "en": "A folder or link stands where a file must go, so nothing was written: {paths}",
    },
    "init.dest_not_folder": {
        "ja": "{path} はフォルダではないため、何も書き込みませんでした。",
        "en": "{path} is not a folder, so nothing was written.",
    },
    "init.empty_value": {"ja": "{field} が空です。", "en": "{field} is empty."},
    "init.control_character": {
        "ja": "{field} に改行や制御文字は使えません。",
        "en": "{field} cannot contain line breaks or control characters.",
    },
    "init.too_long": {"ja": "{field} は {limit} 文字以内にしてください。", "en": "{field} must be at most {limit} characters."},
    "init.unknown_language": {"ja": "言語「{lang}」のひな形はありません。", "en": "There are no templates in language '{lang}'."},
    "init.template_broken": {
        "ja": "ひな形 {template} が壊れています（dxkit の不具合です）: {detail}",
        "en": "Template {template} is broken (a bug in dxkit): {detail}",
    },
    # -- generated guidebook pages ----------------------------------------------------------
    "ref.yes": {"ja": "必須", "en": "required"},
    "ref.col.field": {"ja": "項目", "en": "Field"},
    "ref.col.required": {"ja": "必須", "en": "Required"},
    "ref.col.type": {"ja": "値", "en": "Value"},
    "ref.col.title": {"ja": "名前", "en": "Name"},
    "ref.col.description": {"ja": "説明", "en": "Description"},
    "ref.col.schema": {"ja": "スキーマ", "en": "Schema"},
    "ref.col.kind": {"ja": "ファイルの種類", "en": "Kind"},
    "ref.col.code": {"ja": "コード", "en": "Code"},
    "ref.col.name": {"ja": "名称", "en": "Name"},
    "ref.col.severity": {"ja": "重大度", "en": "Severity"},
    "ref.col.file": {"ja": "作成するファイル", "en": "Files created"},
    "ref.col.option": {"ja": "引数・オプション", "en": "Argument or option"},
    "ref.col.values": {"ja": "値", "en": "Values"},
    "ref.col.default": {"ja": "既定値", "en": "Default"},
    "ref.type.array": {"ja": "リスト", "en": "list"},
    "ref.type.of": {"ja": "（{what}）", "en": "of {what}"},
    "ref.type.member_id": {"ja": "メンバー id", "en": "member id"},
    "ref.type.member_or_list": {"ja": "メンバー id（1 つ）", "en": "member id (one)"},
    "ref.schema.id": {
        "ja": "スキーマの識別子は `{id}` です。このサイトでは `schemas/v1/{file}` として公開しています（`dxkit init` で作ったフォルダでは `.dxkit/schemas/v1/{file}`）。",
        "en": "The schema's identifier is `{id}`. This site publishes it as `schemas/v1/{file}` (in a folder made by `dxkit init`: `.dxkit/schemas/v1/{file}`).",
    },
    "ref.schema.fields": {"ja": "項目", "en": "Fields"},
    "ref.schema.example": {"ja": "記入例", "en": "Example"},
    "ref.schemas.title": {"ja": "スキーマ", "en": "Schemas"},
    "ref.schemas.intro": {
        "ja": "dxkit が扱うファイルは、それぞれ先頭に `kind` と `version` を書き、種類ごとの JSON Schema（2020-12）で確かめます。",
        "en": "Every file dxkit handles states its `kind` and `version` at the top and is checked against the JSON Schema (2020-12) of its kind.",
    },
    "ref.schemas.editor": {
        "ja": "`dxkit init` はスキーマの写しを `.dxkit/schemas/v1/` に置き、各ファイルの先頭行からそれを指します。VS Code と YAML 拡張機能などのエディタは、オフラインでも入力中に項目の候補と誤りを示します。",
        "en": "`dxkit init` puts a copy of the schemas in `.dxkit/schemas/v1/` and points to it from the first line of each file, so editors such as VS Code with a YAML extension complete and check fields while you type, even offline.",
    },
    "ref.rules.title": {"ja": "ルール", "en": "Rules"},
    "ref.rules.intro": {
        "ja": "`dxkit validate` が確かめるルールの一覧です。`DX0xx` はファイルの読み込みとスキーマ、`DX1xx` 以降は運営のルールです。`--select` / `--ignore`、または規約の `config` で選べます（読み込めないファイルの DX001〜DX006 は無視できません）。",
        "en": "The rules `dxkit validate` applies. `DX0xx` are about reading files and their schema; `DX1xx` and up are governance rules. Choose them with `--select` / `--ignore` or the charter's `config` (DX001 to DX006, which stop a file from being read, cannot be ignored).",
    },
    "ref.rules.what": {"ja": "何を確かめるか", "en": "What it does"},
    "ref.rules.why": {"ja": "なぜ問題か", "en": "Why is this bad?"},
    "ref.rules.example": {"ja": "例", "en": "Example"},
    "ref.rules.fix": {"ja": "直し方", "en": "Use instead"},
    "ref.rules.guide": {"ja": "考え方はガイドブックの[このページ]({link})にあります。", "en": "The practice behind it is explained [on this page]({link})."},
    "ref.toolkits.title": {"ja": "ツールキット", "en": "Toolkits"},
    "ref.toolkits.intro": {
        "ja": "dxkit がひな形から作るファイルの一式です。日本語と英語のひな形があり、`--lang` で選びます。",
        "en": "The sets of files dxkit scaffolds from templates, in Japanese and English (choose with `--lang`).",
    },
    "ref.cli.title": {"ja": "コマンド", "en": "Commands"},
    "ref.cli.intro": {
        "ja": "ヘルプの言語は環境変数 `DXKIT_LANG`、メッセージの言語は `--lang` で決まります（既定は日本語）。",
        "en": "Help follows the `DXKIT_LANG` environment variable and messages follow `--lang` (Japanese by default).",
    },
    "ref.cli.exit_title": {"ja": "終了コード", "en": "Exit codes"},
    "ref.cli.exit": {
        "ja": "`0` 問題なし、`1` エラーの重大度の指摘あり（`--exit-zero` で 0）、`2` 使い方の誤り・設定が読めない・実行できない。",
        "en": "`0` clean, `1` findings at error severity (0 with `--exit-zero`), `2` usage error, unreadable configuration, or nothing could run.",
    },
    "field.disaster-prevention": {"ja": "防災", "en": "Disaster prevention"},
    "field.mobility": {"ja": "モビリティ", "en": "Mobility"},
    "field.local-industry": {"ja": "地場産業", "en": "Local industry"},
    "field.health-medical-care": {"ja": "健康・医療・介護", "en": "Health, medical and care"},
    "field.agriculture": {"ja": "農業", "en": "Agriculture"},
    "field.fishery": {"ja": "漁業", "en": "Fishery"},
    "field.tourism": {"ja": "観光", "en": "Tourism"},
    "field.education": {"ja": "教育", "en": "Education"},
    "field.public-services": {"ja": "行政・公共サービス", "en": "Public services"},
    "field.data-platform": {"ja": "データ連携基盤", "en": "Data platform"},
    "field.consortium-structure": {"ja": "推進体制", "en": "Consortium structure"},
    "field.talent": {"ja": "人材", "en": "Talent"},
    "tech.local-5g": {"ja": "ローカル5G", "en": "Local 5G"},
    "tech.lpwa": {"ja": "LPWA", "en": "LPWA"},
    "tech.bwa": {"ja": "地域BWA", "en": "Regional BWA"},
    "tech.satellite": {"ja": "衛星通信", "en": "Satellite"},
    "tech.haps": {"ja": "HAPS", "en": "HAPS"},
    "tech.fiber": {"ja": "光ファイバ", "en": "Optical fibre"},
    "tech.catv": {"ja": "ケーブルテレビ網", "en": "Cable TV network"},
    "tech.cloud": {"ja": "クラウド", "en": "Cloud"},
    "tech.ai": {"ja": "AI", "en": "AI"},
    "tech.app": {"ja": "アプリ", "en": "App"},
    "case.index_title": {"ja": "事例", "en": "Cases"},
    "case.index_intro": {
        "ja": "報告書（案）が取り上げる {count} の事例を、分野ごとに引けるようにまとめました。各事例の本文は報告書の記述をもとに書き下ろしたもので、出典を示しています。分野の見出しを選ぶと、その分野の事例だけを一覧できます。",
        "en": "The {count} cases the report draft describes, arranged so you can look them up by field. Each summary is written afresh from the report and names its source. Choose a field to list only its cases.",
    },
    "case.col.case": {"ja": "事例", "en": "Case"},
    "case.col.count": {"ja": "件数", "en": "Cases"},
    "case.place": {"ja": "地域", "en": "Place"},
    "case.fields": {"ja": "分野", "en": "Fields"},
    "case.technologies": {"ja": "技術", "en": "Technologies"},
    "case.by_field": {"ja": "分野別", "en": "By field"},
    "case.summary": {"ja": "概要", "en": "Summary"},
    "case.structure": {"ja": "体制", "en": "Structure"},
    "case.what_worked": {"ja": "うまくいった理由", "en": "What made it work"},
    "case.source": {"ja": "出典：{source}", "en": "Source: {source}"},
    "case.back": {"ja": "事例の一覧に戻る", "en": "Back to all cases"},
}
