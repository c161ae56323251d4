"""Rules on the charter's funding (``consortium.yaml`` ``funding``): DX110–DX119.

The scheme ids are checked against the catalogue shipped with dxkit (:mod:`dxkit.funding`);
messages name a scheme by its catalogue name in the reader's language, and dates as people
read them (in the charter's calendar).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dxkit.dates import format_date
from dxkit.findings import Severity
from dxkit.funding import OTHER, load_schemes
from dxkit.i18n import LANGS
from dxkit.model import Consortium
from dxkit.model.records import Charter, FundingUse
from dxkit.rules.registry import Hit, known_member_ids, rule, suggest

_GUIDE = "projects/funding.md"


def _uses(c: Consortium) -> Iterator[tuple[Charter, FundingUse]]:
    for charter in c.charters:
        for use in charter.funding:
            yield charter, use


def _name(use: FundingUse) -> dict[str, str] | str:
    """How a message names the scheme: the catalogue's name, the charter's own name, or its id."""
    scheme = load_schemes().get(use.scheme)
    if scheme is not None:
        return scheme.name
    return use.name or use.scheme


def _date(day: dt.date, charter: Charter) -> dict[str, str]:
    era = charter.calendar == "japanese-era"
    return {lang: format_date(day, lang, japanese_era=era) for lang in LANGS}


@rule("DX110", "unknown-funding-scheme", Severity.ERROR, guide=_GUIDE)
def check_unknown_funding_scheme(c: Consortium) -> Iterator[Hit]:
    uses = [use for _, use in _uses(c) if use.scheme != OTHER]
    known = load_schemes() if uses else {}  # the catalogue is read only when a charter names a scheme
    for use in uses:
        if use.scheme not in known:
            yield Hit(use.at / "scheme", {"scheme": use.scheme, **suggest(use.scheme, known)})


@rule("DX111", "funding-report-overdue", Severity.ERROR, guide=_GUIDE)
def check_funding_report_overdue(c: Consortium) -> Iterator[Hit]:
    for charter, use in _uses(c):
        due = use.report_due
        if due is None or use.reported is not None or use.status == "not-granted" or due >= c.today:
            continue
        yield Hit(
            use.at / "report_due", {"scheme": _name(use), "due": _date(due, charter), "days": (c.today - due).days}
        )


@rule("DX112", "funding-application-deadline-passed", Severity.WARNING, guide=_GUIDE)
def check_funding_application_deadline_passed(c: Consortium) -> Iterator[Hit]:
    for charter, use in _uses(c):
        due = use.application_due
        if due is not None and use.status == "planned" and due < c.today:
            yield Hit(use.at / "application_due", {"scheme": _name(use), "due": _date(due, charter)})


@rule("DX113", "other-funding-without-name", Severity.ERROR, guide=_GUIDE)
def check_other_funding_without_name(c: Consortium) -> Iterator[Hit]:
    for _, use in _uses(c):
        if use.scheme == OTHER and use.name is None:
            yield Hit(use.at / "scheme")


@rule("DX114", "unknown-funding-owner", Severity.ERROR, guide=_GUIDE)
def check_unknown_funding_owner(c: Consortium) -> Iterator[Hit]:
    ids = known_member_ids(c)
    if ids is None:
        return
    for _, use in _uses(c):
        if use.owner is not None and use.owner not in ids:
            yield Hit(use.at / "owner", {"scheme": _name(use), "member": use.owner, **suggest(use.owner, ids)})
