"""Check consortium folders: read each file, check its schema, then run the rules.

Files are handled one consortium folder at a time, so memory stays flat however many
folders a prefecture checks in one run. Every schema-valid file goes into the typed model
(:class:`dxkit.model.Consortium`), which the rules read. Nothing here prints or exits; the
CLI decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from dxkit.discovery import Target, consortium_targets, group_by_root, iter_targets, locate_consortium, reading_order
from dxkit.errors import UsageError
from dxkit.findings import Finding, Omitted, Severity, cap_per_file
from dxkit.i18n import translate
from dxkit.loading import LoadError, load_file
from dxkit.model import Consortium
from dxkit.rules import Hit, Rule, Selection, get_rule, run_rules
from dxkit.schema_check import CODE as SCHEMA_CODE
from dxkit.schema_check import check_schema_counted

#: Every rule, as the command line selects by default.
ALL_RULES = Selection()


@dataclass
class Report:
    """The outcome of one run."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    #: The files that were checked, in order (reporters list clean files too).
    checked: list[str] = field(default_factory=list)
    #: Paths that could not be used at all (missing, broken link): the run is incomplete.
    unusable_paths: int = 0
    #: Per file, the findings left out after the first :data:`~dxkit.findings.MAX_FINDINGS_PER_FILE`.
    omitted: list[Omitted] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """Errors found, shown or not: an error left out of the report still fails the run."""
        shown = sum(1 for f in self.findings if f.severity is Severity.ERROR)
        return shown + sum(o.errors for o in self.omitted)

    @property
    def warnings(self) -> int:
        shown = sum(1 for f in self.findings if f.severity is Severity.WARNING)
        return shown + sum(o.warnings for o in self.omitted)

    @property
    def at_least(self) -> bool:
        """Whether some file's count stopped at a limit, so the totals are lower bounds."""
        return any(o.at_least for o in self.omitted)


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


def rule_finding(rule: Rule, hit: Hit, lang: str) -> Finding:
    """The finding of one hit, in the reader's language, at the value (or key) it points at."""
    pos = hit.at.position(key=hit.key)
    return Finding(
        hit.at.file, pos.line, pos.column, rule.severity, rule.code, rule.render_message(lang, hit.params), rule.name
    )


#: Per file, errors the schema check counted without putting them into words, and whether
#: counting stopped at its limit.
Unlisted = dict[str, tuple[int, bool]]


def _load(root: str, targets: list[Target], lang: str, today: dt.date) -> tuple[Consortium, list[Finding], Unlisted]:
    consortium = Consortium(root=root, today=today)
    findings: list[Finding] = []
    unlisted: Unlisted = {}
    for target in reading_order(targets):
        try:
            doc = load_file(target.path, target.display)
        except LoadError as error:
            findings.append(load_error_finding(error, lang))
            continue
        if doc.bom:
            bom = get_rule("DX007")
            findings.append(Finding(doc.path, 1, 1, bom.severity, bom.code, translate("load.bom", lang), bom.name))
        checked = check_schema_counted(doc, lang)
        findings.extend(checked.findings)
        if checked.more or checked.stopped:
            unlisted[doc.path] = (checked.more, checked.stopped)
        if not checked.findings:
            consortium.add(doc)
    return consortium, findings, unlisted


def load_consortium(root: str, targets: list[Target], *, lang: str, today: dt.date) -> tuple[Consortium, list[Finding]]:
    """The model of one consortium folder (its schema-valid files), and the findings of reading them.

    A file's schema findings are the first :data:`~dxkit.findings.MAX_FINDINGS_PER_FILE`.
    """
    consortium, findings, _ = _load(root, targets, lang, today)
    return consortium, findings


def check_consortium(
    root: str, targets: list[Target], *, lang: str, today: dt.date, selection: Selection
) -> tuple[list[Finding], list[Omitted]]:
    """Findings for the files of one consortium folder (the first of each file), and the rest counted."""
    consortium, findings, unlisted = _load(root, targets, lang, today)
    if consortium.charter is not None:
        selection = selection.merged_with_config(consortium.charter.config)
    for rule, hit in run_rules(consortium, selection):
        findings.append(rule_finding(rule, hit, lang))
    kept = [f for f in findings if selection.allows(f.code)]
    return cap_per_file(kept, unlisted if selection.allows(SCHEMA_CODE) else None)


def open_consortium(folder: str, *, lang: str, today: dt.date) -> tuple[Consortium, list[Finding]]:
    """Load the consortium ``folder`` is in, for an analysis (status, gate, key person, lessons …).

    The consortium is found as :func:`dxkit.discovery.locate_consortium` says: the nearest one at
    or above ``folder``, never a guess among several. Files with problems are left out of the
    analysis and returned as findings, so a command can say that its picture is incomplete.
    """
    root = locate_consortium(folder)
    targets = consortium_targets(root)
    if not targets:
        raise UsageError("analysis.no_files", folder=root)
    return load_consortium(root, targets, lang=lang, today=today)


def check_paths(
    paths: Iterable[str],
    *,
    lang: str,
    today: dt.date,
    selection: Selection = ALL_RULES,
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
        shown, omitted = check_consortium(root, group, lang=lang, today=today, selection=selection)
        report.findings.extend(shown)
        report.omitted.extend(omitted)
    report.findings.sort(key=lambda f: f.sort_key)
    report.omitted.sort(key=lambda o: o.file)
    return report


# -- until analyses and renderers read the model -------------------------------------------
