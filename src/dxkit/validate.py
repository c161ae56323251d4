"""Check consortium folders: read each file, check its schema, then run the rules.

Files are handled one consortium folder at a time, so memory stays flat however many
folders a prefecture checks in one run. Nothing here prints or exits; the CLI decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from dxkit.discovery import Target, group_by_root, iter_targets
from dxkit.errors import UsageError
from dxkit.findings import Finding, Severity
from dxkit.i18n import translate
from dxkit.loading import Document, LoadError, load_file
from dxkit.rules import Consortium, Rule, Selection, get_rule, run_rules
from dxkit.schema_check import check_schema


@dataclass
class Report:
    """The outcome of one run."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    #: The files that were checked, in order (reporters list clean files too).
    checked: list[str] = field(default_factory=list)
    #: Paths that could not be used at all (missing, broken link): the run is incomplete.
    unusable_paths: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)


def load_error_finding(error: LoadError, lang: str) -> Finding:
    rule = get_rule(error.code)
    return Finding(
        error.path,
        error.position.line,
        error.position.column,
        rule.severity,
        error.code,
        error.message(lang),
        rule.name,
    )


def _rule_finding(rule: Rule, doc: Document, path: tuple, params: dict, key: bool, lang: str) -> Finding:
    pos = doc.locate(path, key=key)
    return Finding(
        doc.path, pos.line, pos.column, rule.severity, rule.code, rule.render_message(lang, params), rule.name
    )


def load_consortium(root: str, targets: list[Target], *, lang: str, today: dt.date) -> tuple[Consortium, list[Finding]]:
    """The schema-valid documents of one consortium folder, and the findings of reading them."""
    consortium = Consortium(root=root, today=today)
    findings: list[Finding] = []
    for target in targets:
        try:
            doc = load_file(target.path, target.display)
        except LoadError as error:
            findings.append(load_error_finding(error, lang))
            continue
        if doc.bom:
            bom = get_rule("DX007")
            findings.append(Finding(doc.path, 1, 1, bom.severity, bom.code, translate("load.bom", lang), bom.name))
        problems = check_schema(doc, lang)
        findings.extend(problems)
        if not problems:
            consortium.add(doc)
    return consortium, findings


def check_consortium(
    root: str, targets: list[Target], *, lang: str, today: dt.date, selection: Selection
) -> list[Finding]:
    """Findings for the files of one consortium folder."""
    consortium, findings = load_consortium(root, targets, lang=lang, today=today)
    if consortium.charter is not None:
        selection = selection.merged_with_config(consortium.charter.data.get("config"))
    for rule, hit in run_rules(consortium, selection):
        findings.append(_rule_finding(rule, hit.doc, hit.path, hit.params, hit.key, lang))
    return [f for f in findings if selection.allows(f.code)]


def open_consortium(folder: str, *, lang: str, today: dt.date) -> tuple[Consortium, list[Finding]]:
    """Load the consortium in ``folder`` for an analysis (status, gate, key person, lessons).

    Files with problems are left out of the analysis and returned as findings, so a command
    can say that its picture is incomplete.
    """
    targets: list[Target] = []
    findings: list[Finding] = []
    for item in iter_targets([folder]):
        if isinstance(item, LoadError):
            raise UsageError("analysis.no_folder", folder=folder)
        targets.append(item)
    if not targets:
        raise UsageError("analysis.no_files", folder=folder)
    consortium, problems = load_consortium(folder, targets, lang=lang, today=today)
    findings.extend(problems)
    return consortium, findings


def check_paths(
    paths: Iterable[str],
    *,
    lang: str,
    today: dt.date,
    selection: Selection = Selection(),
) -> Report:
    report = Report()
    targets: list[Target] = []
    for item in iter_targets(paths):
        if isinstance(item, LoadError):
            report.unusable_paths += 1
            report.findings.append(load_error_finding(item, lang))
        else:
            targets.append(item)
    for root, group in group_by_root(targets).items():
        report.files += len(group)
        report.checked.extend(target.display for target in group)
        report.findings.extend(check_consortium(root, group, lang=lang, today=today, selection=selection))
    report.findings.sort(key=lambda f: f.sort_key)
    return report
