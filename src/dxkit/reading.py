"""How a person reads what a consortium's files hold: labels, member names and dates.

The files hold codes (``in-progress``), member ids (``city``) and ISO dates (``2026-12-13``);
every surface a person reads (the site, a handout, the terminal) shows instead the schema's
label (進行中), the member's name (サンプル市, or 名前（id） where two members share a name)
and the date as people write it (``2026年12月13日（日）``, or ``令和8年12月13日（日）`` when the
charter chooses the Japanese era with ``calendar: japanese-era``; ``Sun 13 Dec 2026`` in
English). A :class:`Reading` holds what one consortium decides about this, so a renderer or
a reporter that has only an analysis result, not the consortium, still shows the same text.
Machine-readable outputs (JSON, the files themselves) keep the codes, ids and ISO dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dxkit.dates import format_date, format_month
from dxkit.i18n import LANGS
from dxkit.labels import label
from dxkit.model import Consortium
from dxkit.sheet import MEMBER_SEPARATORS

#: The charter's ``calendar`` value that asks for Japanese era dates.
JAPANESE_ERA = "japanese-era"


def japanese_era_near(path: Path) -> bool:
    """Whether the charter of the consortium that holds the file ``path`` asks for Japanese era dates.

    A handout is made from one file; its consortium is found as every command finds it
    (:func:`dxkit.discovery.locate_consortium`). A file outside any consortium, or a charter that
    cannot be read, means the Gregorian calendar: the handout is still made.
    """
    from dxkit.discovery import CHARTER_NAMES, locate_consortium
    from dxkit.errors import DxkitError
    from dxkit.loading import LoadError, load_file

    try:
        root = Path(locate_consortium(str(path)))
    except DxkitError:
        return False
    for name in sorted(CHARTER_NAMES):
        charter = root / name
        if not charter.is_file():
            continue
        try:
            data = load_file(charter).data
        except LoadError:
            return False
        return isinstance(data, dict) and data.get("calendar") == JAPANESE_ERA
    return False


def uses_japanese_era(c: Consortium) -> bool:
    """Whether the charter of ``c`` asks for dates by the Japanese era."""
    charter = c.charter
    return charter is not None and charter.calendar == JAPANESE_ERA


@dataclass(frozen=True)
class Reading:
    """The labels, names and date form in which one consortium's values are shown."""

    japanese_era: bool = False
    #: Language -> member id -> the member as a person reads it.
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def of(cls, c: Consortium) -> Reading:
        """How the values of ``c`` are read, in every language dxkit speaks."""
        return cls(uses_japanese_era(c), {lang: c.member_display_names(lang) for lang in LANGS})

    def date(self, value: dt.date | str | None, lang: str) -> str:
        """A date (or an ISO date's text) as people read it; ``""`` for none.

        A text that is not an ISO date is returned as it is (it was never a date).
        """
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                return value
        else:
            day = value
        return format_date(day, lang, japanese_era=self.japanese_era)

    def month(self, value: str, lang: str) -> str:
        """A month written ``2027-12`` as people read it (``2027年12月``, ``Dec 2027``)."""
        try:
            year, month = (int(part) for part in value.split("-"))
            return format_month(year, month, lang, japanese_era=self.japanese_era)
        except ValueError:
            return value

    def member(self, member_id: str, lang: str) -> str:
        """A member reference as people read it: the name (名前（id） when two share it)."""
        return self.names.get(lang, {}).get(member_id, member_id)

    def members(self, member_ids: Iterable[str], lang: str) -> str:
        """Several member references, joined as the language joins a list."""
        return list_separator(lang).join(self.member(mid, lang) for mid in member_ids)

    @staticmethod
    def label(enum_name: str, value: str, lang: str) -> str:
        """The schema's label of an enum value (:func:`dxkit.labels.label`)."""
        return label(enum_name, value, lang)


def list_separator(lang: str) -> str:
    """What separates the items of a list written in one line: 、 in Japanese, a comma in English.

    The same as in a spreadsheet cell (:data:`dxkit.sheet.MEMBER_SEPARATORS`), so a list reads
    alike wherever dxkit shows it, and an import splits what an export wrote.
    """
    return MEMBER_SEPARATORS.get(lang, MEMBER_SEPARATORS["en"])
