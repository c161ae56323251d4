"""Check consortium folders: read each file, check its schema, then run the rules.

Files are handled one consortium folder at a time, so memory stays flat however many
folders a prefecture checks in one run. Every schema-valid file goes into the typed model
(:class:`dxkit.model.Consortium`), which the rules read. Nothing here prints or exits; the
CLI decides.

Consortium folders do not depend on one another, so many of them are checked by several
processes at once (:func:`worker_count`); each folder is still read whole by one process, and
the report is put together in folder order, so it is the same whatever the number of processes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from dxkit.discovery import Target, consortium_targets, group_by_root, iter_targets, locate_consortium, reading_order
from dxkit.errors import UsageError
from dxkit.findings import Finding, Omitted, Severity, cap_per_file
from dxkit.i18n import translate
from dxkit.loading import Document, LoadError, load_file, read_regular
from dxkit.model import Consortium
from dxkit.rules import Hit, Rule, Selection, get_rule, run_rules
from dxkit.schema_check import CODE as SCHEMA_CODE
from dxkit.schema_check import ENTRY_LISTS, check_schema_counted, guess_kind, without_entries
from dxkit.schemas import KINDS

#: Told, after each file is checked, how many files are done and how many there are in all.
Progress = Callable[[int, int], None]

#: Every rule, as the command line selects by default.
ALL_RULES = Selection()

#: Below this many files, one process checks them all: starting another (it imports dxkit and
#: compiles the schemas, about 0.2 s) would cost more than it saves.
PARALLEL_FROM_FILES = 1000

#: At most this many processes, however many cores there are.
MAX_WORKERS = 8

#: About how many files one worker checks in a run (see :func:`_check_in_processes`).
BATCH_FILES = 250

#: How often, in seconds, the command looks for a Ctrl+C while workers check (see :class:`_CtrlC`).
_CTRL_C_LOOK = 0.1

#: How worker processes start (see :func:`_check_in_processes`).
START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"


@dataclass(frozen=True)
class Skipped:
    """A file whose schema errors kept the rules from checking all of it.

    ``partly`` is true when only the entries with errors were left out (the rules checked the
    rest of the file), false when the rules did not check the file at all.
    """

    file: str
    partly: bool
    #: The entries left out, by id (by position where an entry has none), when ``partly``.
    entries: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "partly": self.partly, "entries": list(self.entries)}


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
    #: Files with schema errors whose rules were not checked at all (see :class:`Skipped`).
    skipped: list[Skipped] = field(default_factory=list)

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


def _entry_names(doc: Document, indexes: frozenset[int]) -> tuple[str, ...]:
    """The entries at ``indexes`` of a document's list, each by its id or else by its position."""
    key = ENTRY_LISTS[doc.kind or ""]
    entries = doc.data[key]
    names = []
    for index in sorted(indexes):
        entry = entries[index]
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        names.append(entry_id if isinstance(entry_id, str) and entry_id else f"{key}[{index}]")
    return tuple(names)


def _load(
    root: str,
    targets: list[Target],
    lang: str,
    today: dt.date,
    *,
    partial: bool = False,
    read: Callable[[], None] | None = None,
    whole: Consortium | None = None,
) -> tuple[Consortium, list[Finding], Unlisted, list[Skipped]]:
    """Read the files of one consortium; with ``partial``, keep the valid entries of a file with errors.

    ``whole``, when given, also receives every file that is valid as a whole, as
    :func:`load_consortium` would read it: one reading serves both the rules and an analysis.
    """
    consortium = Consortium(root=root, today=today)
    models = (consortium,) if whole is None else (consortium, whole)
    findings: list[Finding] = []
    unlisted: Unlisted = {}
    skipped: list[Skipped] = []
    for target in reading_order(targets):
        if read is not None:
            read()
        try:
            doc = load_file(target.path, target.display)
        except LoadError as error:
            findings.append(load_error_finding(error, lang))
            for model in models:
                model.refused.setdefault(refused_kind(target), []).append(target.display)
            continue
        if doc.bom:
            bom = get_rule("DX007")
            findings.append(Finding(doc.path, 1, 1, bom.severity, bom.code, translate("load.bom", lang), bom.name))
        checked = check_schema_counted(doc, lang)
        findings.extend(checked.findings)
        if checked.more or checked.stopped:
            unlisted[doc.path] = (checked.more, checked.stopped)
        if not checked.findings:
            for model in models:
                model.add(doc)
            continue
        if doc.kind is None or doc.kind not in KINDS:
            continue  # not a consortium file at all: DX006 says so
        for model in models:
            model.incomplete.add(doc.kind)
        rest = without_entries(doc, checked.bad_entries) if partial and checked.bad_entries is not None else None
        if rest is not None:
            consortium.add(rest)
        left_out = _entry_names(doc, checked.bad_entries) if rest is not None and checked.bad_entries else ()
        skipped.append(Skipped(doc.path, partly=rest is not None, entries=left_out))
    return consortium, findings, unlisted, skipped


_KIND_LINE = re.compile(rb"^kind:[ \t]*[\"']?([a-z]+)", re.MULTILINE)


def refused_kind(target: Target) -> str | None:
    """The kind of a file that could not be loaded: by its name, else by a ``kind:`` in its first 4 KiB.

    Only a regular file's first bytes are looked at (:func:`dxkit.loading.read_regular`): a
    named pipe or a device says nothing, and is of no known kind.
    """
    named = guess_kind(target.display)
    if named is not None:
        return named
    try:
        head = read_regular(target.path, target.display, limit=4096, head=True)
    except LoadError:
        return None
    found = _KIND_LINE.search(head)
    kind = found.group(1).decode("ascii") if found else None
    return kind if kind in KINDS else None


def load_consortium(root: str, targets: list[Target], *, lang: str, today: dt.date) -> tuple[Consortium, list[Finding]]:
    """The model of one consortium folder (its schema-valid files), and the findings of reading them.

    A file's schema findings are the first :data:`~dxkit.findings.MAX_FINDINGS_PER_FILE`.
    """
    consortium, findings, _, _ = _load(root, targets, lang, today)
    return consortium, findings


def check_consortium(
    root: str,
    targets: list[Target],
    *,
    lang: str,
    today: dt.date,
    selection: Selection,
    read: Callable[[], None] | None = None,
    whole: Consortium | None = None,
) -> tuple[list[Finding], list[Omitted], list[Skipped]]:
    """Findings for the files of one consortium folder (the first of each file), the rest counted,
    and the files whose schema errors kept the rules from checking them (wholly or in part).

    The rules check every valid file, and the valid entries of a file whose errors all lie in
    some of its entries, in the same run as the schema errors. ``read`` is called as each file
    is read. ``whole`` receives the files valid as a whole (see :func:`_load`).
    """
    consortium, findings, unlisted, skipped = _load(root, targets, lang, today, partial=True, read=read, whole=whole)
    if consortium.charter is not None:
        selection = selection.merged_with_config(consortium.charter.config)
    for rule, hit in run_rules(consortium, selection):
        findings.append(rule_finding(rule, hit, lang))
    kept = [f for f in findings if selection.allows(f.code)]
    shown, omitted = cap_per_file(kept, unlisted if selection.allows(SCHEMA_CODE) else None)
    return shown, omitted, skipped


def open_consortium(
    folder: str, *, lang: str, today: dt.date, leave_out: os.PathLike[str] | str | None = None
) -> tuple[Consortium, list[Finding]]:
    """Load the consortium ``folder`` is in, for an analysis (status, gate, key person, lessons …).

    The consortium is found as :func:`dxkit.discovery.locate_consortium` says: the nearest one at
    or above ``folder``, never a guess among several. Files with problems are left out of the
    analysis and returned as findings, so a command can say that its picture is incomplete.

    ``leave_out`` names a file of the consortium not to read: the one a command edits, which it
    reads itself under the file's lock (``dxkit import`` and ``roles.yaml``), so it is read once.
    """
    root = locate_consortium(folder)
    targets = consortium_targets(root)
    if not targets:
        raise UsageError("analysis.no_files", folder=root)
    if leave_out is not None:
        skipped = os.path.realpath(leave_out)
        targets = [target for target in targets if os.path.realpath(target.path) != skipped]
    return load_consortium(root, targets, lang=lang, today=today)


def check_paths(
    paths: Iterable[str],
    *,
    lang: str,
    today: dt.date,
    selection: Selection = ALL_RULES,
    progress: Progress | None = None,
    jobs: int = 0,
) -> Report:
    """Check every consortium file under ``paths``; ``progress`` hears of each file as it is read.

    ``jobs`` is the number of processes (0: as :func:`worker_count` decides).
    """
    report = Report()
    targets: list[Target] = []
    for item in iter_targets(paths):
        if isinstance(item, LoadError):
            report.unusable_paths += 1
            report.findings.append(load_error_finding(item, lang))
        else:
            targets.append(item)
    total = len(targets)
    done = 0

    def read() -> None:
        nonlocal done
        if progress is not None:
            progress(done, total)
        done += 1

    groups = list(group_by_root(targets).items())
    workers = worker_count(jobs, files=total, folders=len(groups))
    if workers > 1:
        results = _check_in_processes(groups, workers, lang=lang, today=today, selection=selection, progress=progress)
    else:
        results = [
            check_consortium(root, group, lang=lang, today=today, selection=selection, read=read)
            for root, group in groups
        ]
    for (_, group), (shown, omitted, skipped) in zip(groups, results, strict=True):
        report.files += len(group)
        report.checked.extend(target.display for target in group)
        report.findings.extend(shown)
        report.omitted.extend(omitted)
        report.skipped.extend(skipped)
    if progress is not None and total:
        progress(total, total)
    report.findings.sort(key=lambda f: f.sort_key)
    report.omitted.sort(key=lambda o: o.file)
    report.skipped.sort(key=lambda s: s.file)
    return report


# -- several processes -----------------------------------------------------------------------

_Result = tuple[list[Finding], list[Omitted], list[Skipped]]
_Group = tuple[str, list[Target]]


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system says, e.g. in a container)."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return int(counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(jobs: int, *, files: int, folders: int) -> int:
    """How many processes check ``files`` in ``folders`` consortium folders.

    ``jobs`` > 0 is what a person asked for (never more than there are folders); 0 means one
    process below :data:`PARALLEL_FROM_FILES` files, else one per usable core, at most
    :data:`MAX_WORKERS`.
    """
    if jobs > 0:
        return max(1, min(jobs, folders))
    if files < PARALLEL_FROM_FILES or folders < 2:
        return 1
    return max(1, min(usable_cores(), MAX_WORKERS, folders))


def _batches(groups: Sequence[_Group], count: int) -> list[list[int]]:
    """Indexes of ``groups`` in ``count`` runs of about equal numbers of files, in order."""
    total = sum(len(group) for _, group in groups)
    batches: list[list[int]] = [[]]
    size = 0
    for index, (_, group) in enumerate(groups):
        if batches[-1] and size >= total * len(batches) / count:
            batches.append([])
        batches[-1].append(index)
        size += len(group)
    return batches


def _start_worker(thresholds: tuple[int, int, int]) -> None:
    """A worker collects garbage as the command that started it does (see ``dxkit._entry``),
    and leaves Ctrl+C to that command.

    Ctrl+C reaches every process of the terminal's group; a worker that took it would print
    Python's traceback. It ignores it instead, and the command stops the pool.
    """
    import gc
    import signal

    gc.set_threshold(*thresholds)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _CtrlC:
    """Ctrl+C noted while workers run, and turned into ``KeyboardInterrupt`` once they are stopped.

    Raised where it was pressed, ``KeyboardInterrupt`` could leave a lock of the pool's taken
    (in the middle of ``wait``) and the command would hang at its end. Noting it instead lets
    the command drop the batches not started and wait for the running ones, a few hundred
    files each, so that no worker is left waiting for work that never comes. A forked worker
    inherits the note-taking handler until :func:`_start_worker` makes it ignore Ctrl+C, so
    none prints a traceback while it starts.
    Only the main thread receives signals; elsewhere this does nothing.
    """

    def __init__(self) -> None:
        self.pressed = False
        self._previous: Any = None

    def __enter__(self) -> _CtrlC:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._note)
        return self

    def _note(self, signum: int, frame: object) -> None:
        self.pressed = True

    def __exit__(self, *exc: object) -> None:
        import signal

        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _check_batch(batch: list[_Group], lang: str, today: dt.date, selection: Selection) -> list[_Result]:
    return [check_consortium(root, group, lang=lang, today=today, selection=selection) for root, group in batch]


def _check_in_processes(
    groups: Sequence[_Group],
    workers: int,
    *,
    lang: str,
    today: dt.date,
    selection: Selection,
    progress: Progress | None,
) -> list[_Result]:
    """:func:`check_consortium` for every group, by ``workers`` processes, results in group order.

    On Linux the workers are forked: they start with dxkit imported and its schemas compiled, which
    a fresh process (``spawn``, the only way on Windows, and macOS's default) spends about 0.4 s of
    CPU on. They are forked before any thread of this process starts (the progress bar's comes
    later, and the pool's own after its workers). The report does not depend on how they start.
    Should the pool break (a worker killed, say), the folders it had not answered for are checked
    here, in this process.
    """
    import gc
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    total = sum(len(group) for _, group in groups)
    # Several runs per worker, so a worker that finishes early takes more and the bar moves, and
    # none much longer than BATCH_FILES files, so Ctrl+C does not wait long for the running ones.
    batches = _batches(groups, max(workers * 4, -(-total // BATCH_FILES)))
    results: list[_Result | None] = [None] * len(groups)
    done = 0
    context = multiprocessing.get_context(START_METHOD)
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(gc.get_threshold(),)
    )
    try:
        with _CtrlC() as ctrl_c:
            pending = {
                pool.submit(_check_batch, [groups[i] for i in batch], lang, today, selection): batch
                for batch in batches
            }
            while pending and not ctrl_c.pressed:
                finished, _ = wait(pending, timeout=_CTRL_C_LOOK, return_when=FIRST_COMPLETED)
                for future in finished:
                    batch = pending.pop(future)
                    for index, result in zip(batch, future.result(), strict=True):
                        results[index] = result
                        done += len(groups[index][1])
                    if progress is not None:
                        progress(done, total)
            if ctrl_c.pressed:
                # Batches not started are dropped; leaving the pool waits for the running ones.
                for future in pending:
                    future.cancel()
                raise KeyboardInterrupt
    except BrokenProcessPool:
        pass
    finally:
        pool.shutdown(wait=True)
    return [
        result
        if result is not None
        else check_consortium(groups[index][0], groups[index][1], lang=lang, today=today, selection=selection)
        for index, result in enumerate(results)
    ]


# -- until analyses and renderers read the model -------------------------------------------
