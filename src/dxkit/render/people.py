"""What a consortium's site says about people: names only where the charter publishes them.

A site is public. The people written into a consortium's files (the charter's key persons
and their deputies, the members' contacts, a workshop's facilitator, recorder and
timekeeper) have not agreed to be named on the internet by being put into a governance file
(個人情報保護法, 情報公開). The charter decides for each kind of person under ``site.people``;
a kind it leaves out is not published, and the site shows the organisation, the role or a
count instead. Internal outputs (exports, ``status``, ``keyperson``, a printed agenda) are
not the site and keep every name.

Two mechanisms keep an unpublished name off the site, whatever page or file it might reach:

* :func:`public_view` is the consortium the site is built from: a copy of the model in which
  every text (titles, notes, KPT items, organisation names, roles) has each unpublished name
  replaced by a neutral label. Pages, diagrams, page titles and the search index are made
  from it, so they never see the name at all.
* :func:`find_unpublished` reads every file of the built site that is made from the
  consortium's files (pages, search index, sitemap); the build stops, writing nothing, if a
  name is still there.

A name is recognised as it is written in its field, with any white space or none between
its parts (``山田 花子``, ``山田花子``, ``山田　花子``), and so is each of its parts of two or
more characters (``山田``, ``Yamada``), which is how free text usually names a person. An
organisation in brackets (``田中 愛子（Code for Shiomi）``) is not part of the name. Latin
names match whole words only, and case matters. A word that happens to be a part of a name
is hidden too: the site errs on the side of the person. A name written another way (a
nickname, a name written without spaces and then cited by one part) cannot be recognised,
so the guidebook asks people to keep names out of free text.
"""

from __future__ import annotations

import dataclasses
import gzip
import html
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from dxkit.i18n import translate
from dxkit.model import Consortium
from dxkit.model.loc import Loc
from dxkit.model.record import Record

T = TypeVar("T")

#: The kinds of person the charter can publish (``site.people``), in the order of the schema.
KINDS: tuple[str, ...] = ("key_persons", "member_contacts", "workshop_facilitation")

#: An identifier (a member id, a task id's lowercase cousin): never prose, never redacted,
#: so references between records keep working in the public view.
_IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9-]*")
#: What separates several people written in one field, and what opens an organisation after
#: a name (``田中 愛子（Code for Shiomi）``).
_SEPARATORS = re.compile(r"[、,，;；/／]")
_BRACKETED = re.compile(r"[（(［\[][^）)］\]]*(?:[）)］\]]|$)")
_OPENING, _CLOSING = "（(", "）)"
#: The folders of a built site that hold dxkit's own files (theme, vendored scripts, the
#: published JSON Schemas): nothing in them comes from a consortium's files.
OWN_FOLDERS = frozenset({"assets", "schemas"})
#: JSON writes a character as ``\\uXXXX`` when it escapes non-ASCII text.
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def written_names(value: str) -> set[str]:
    """The names of the people a field names, without the organisations written in brackets."""
    return {name for part in _SEPARATORS.split(_BRACKETED.sub(" ", value)) if (name := " ".join(part.split()))}


def name_forms(name: str) -> set[str]:
    """A name and each of its parts of two or more characters (``浜野 恵子`` → ``浜野``, ``恵子``).

    Free text often names a person by one part (``事務局長（浜野）``, ``Hamano``); a part of
    one character is left alone, as it would hide that character everywhere.
    """
    parts = name.split()
    return {name} | ({p for p in parts if len(p) >= 2} if len(parts) > 1 else set())


def names_by_kind(c: Consortium) -> dict[str, set[str]]:
    """Every natural person's name in the consortium's files, by the kind of field that names them."""
    found: dict[str, set[str]] = {kind: set() for kind in KINDS}
    charter = c.charter
    for person in charter.key_persons if charter is not None else ():
        found["key_persons"] |= written_names(person.name)
        if person.deputy is not None:
            found["key_persons"] |= written_names(person.deputy.name)
    for member in c.members:
        for contact in member.people:
            found["member_contacts"] |= written_names(contact.name)
    for workshop in c.workshops:
        roles = workshop.facilitation
        if roles is None:
            continue
        for value in (roles.facilitator, roles.recorder, roles.timekeeper):
            if value:
                found["workshop_facilitation"] |= written_names(value)
    return found


def published_kinds(c: Consortium) -> frozenset[str]:
    """The kinds of person whose names the charter publishes on the site (none by default)."""
    charter = c.charter
    chosen = charter.site.people if charter is not None and charter.site is not None else None
    if chosen is None:
        return frozenset()
    return frozenset(kind for kind in KINDS if getattr(chosen, kind))


def _key(name: str) -> str:
    return "".join(name.split())


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


_BEFORE, _AFTER = r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])"


def _name_pattern(name: str) -> tuple[str, bool, bool] | None:
    """The pattern of one name, and whether it must start and end at a Latin word's edge."""
    parts = name.split()
    if len("".join(parts)) < 2:
        return None  # one character would hide that character everywhere
    return r"\s*".join(re.escape(part) for part in parts), _is_word_char(parts[0][0]), _is_word_char(parts[-1][-1])


def _names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every name, longest first within each group.

    Names that are Latin words at both ends share one pair of word-edge assertions around
    their alternation: an assertion at the head of every alternative would stop the regular
    expression engine from skipping ahead by first character, which makes a page's scan about
    fifty times slower.
    """
    words, plain, mixed = set(), set(), set()
    for name in names:
        found = _name_pattern(name)
        if found is None:
            continue
        body, start, end = found
        if start and end:
            words.add(body)
        elif not start and not end:
            plain.add(body)
        else:
            mixed.add((_BEFORE if start else "") + body + (_AFTER if end else ""))

    def longest_first(bodies: set[str]) -> str:
        return "|".join(sorted(bodies, key=lambda b: (-len(b), b)))

    groups = [longest_first(mixed)] if mixed else []
    if words:
        groups.append(f"{_BEFORE}(?:{longest_first(words)}){_AFTER}")
    if plain:
        groups.append(longest_first(plain))
    return re.compile("|".join(groups)) if groups else None


@dataclass(frozen=True)
class NamePolicy:
    """The names the site may show, and how it writes a name it may not."""

    published: frozenset[str]
    #: The keys (name without white space) of every name that must not appear.
    hidden: frozenset[str]
    placeholder: str
    #: Every known name, longest first, so a shown name is never cut by a shorter hidden one
    #: (:func:`_names_pattern`).
    pattern: re.Pattern[str] | None
    #: The characters a name can start with: a text holding none of them is left as it is
    #: without running :attr:`pattern` (most texts of a large role matrix).
    starts: re.Pattern[str] | None = None

    def shows(self, kind: str) -> bool:
        """Whether the charter publishes the names of this kind of person."""
        return kind in self.published

    @property
    def hides_any(self) -> bool:
        return bool(self.hidden) and self.pattern is not None

    def hide(self, text: str) -> str:
        """``text`` with each unpublished name replaced by the neutral label."""
        if not self.hides_any or (self.starts is not None and not self.starts.search(text)):
            return text
        if _IDENTIFIER.fullmatch(text):
            return text
        assert self.pattern is not None

        bare = self.placeholder.strip("（）() ")

        def replace(match: re.Match[str]) -> str:
            if _key(match.group(0)) not in self.hidden:
                return match.group(0)
            before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
            return bare if before in _OPENING and after in _CLOSING and before and after else self.placeholder

        return self.pattern.sub(replace, text)

    def reveals(self, text: str) -> bool:
        """Whether ``text`` holds an unpublished name."""
        if not self.hides_any:
            return False
        assert self.pattern is not None
        return any(_key(m.group(0)) in self.hidden for m in self.pattern.finditer(text))


def name_policy(c: Consortium, lang: str, *, kinds: frozenset[str] | None = None) -> NamePolicy:
    """The policy of the charter of ``c``: the names it publishes and those it does not.

    ``kinds`` narrows the kinds of person published to those of them the charter publishes too
    (the lessons feed passes none when it names nobody).
    """
    published = published_kinds(c) if kinds is None else published_kinds(c) & kinds
    names = {kind: {form for n in found for form in name_forms(n)} for kind, found in names_by_kind(c).items()}
    shown = {_key(n) for kind in published for n in names[kind]}
    every = {n for kind in KINDS for n in names[kind]}
    hidden = frozenset(_key(n) for n in every if _key(n) not in shown)
    pattern = _names_pattern(every)
    firsts = {n.split()[0][0] for n in every if _name_pattern(n) is not None}
    starts = re.compile("[" + "".join(re.escape(ch) for ch in sorted(firsts)) + "]") if firsts else None
    return NamePolicy(published, hidden, translate("site.not_published", lang), pattern, starts)


#: How :func:`_hidden_copy` goes through a value of each class: a text, a tuple, a mapping, a
#: record (the names of the fields that hold its content, not ``at``), or nothing to go through.
_TEXT, _TUPLE, _MAPPING, _LEAF = "text", "tuple", "mapping", "leaf"
_HOW: dict[type, str | tuple[str, ...]] = {}


def _how(cls: type) -> str | tuple[str, ...]:
    """How :func:`_hidden_copy` goes through a value of class ``cls``, decided once for each class."""
    how = _HOW.get(cls)
    if how is None:
        if issubclass(cls, str):
            how = _TEXT
        elif issubclass(cls, tuple):
            how = _TUPLE
        elif issubclass(cls, Record):
            how = cls.FIELDS
        elif cls is not Loc and dataclasses.is_dataclass(cls):
            how = tuple(f.name for f in dataclasses.fields(cls) if f.init and f.name != "at")
        elif issubclass(cls, Mapping):
            how = _MAPPING
        else:
            how = _LEAF
        _HOW[cls] = how
    return how


def _hidden_copy(value: T, hide: Callable[[str], str]) -> T:
    """``value`` with every text in it passed through ``hide``; positions (``at``) kept.

    A part in which nothing changes is the same object, so a record without a name is shared
    with the model rather than copied.
    """
    how = _HOW.get(type(value)) or _how(type(value))
    result: Any = value
    if how is _TEXT:
        result = hide(value)  # type: ignore[arg-type]
    elif how is _LEAF:
        pass
    elif how is _TUPLE:
        items = tuple(_hidden_copy(v, hide) for v in value)  # type: ignore[attr-defined]
        if any(new is not old for new, old in zip(items, value, strict=True)):  # type: ignore[call-overload]
            result = items
    elif how is _MAPPING:
        result = {k: _hidden_copy(v, hide) for k, v in value.items()}  # type: ignore[attr-defined]
    else:
        changes = {}
        for name in how:
            old = getattr(value, name)
            new = _hidden_copy(old, hide)
            if new is not old:
                changes[name] = new
        if changes and isinstance(value, Record):
            result = value.replace(**changes)
        elif changes:
            result = dataclasses.replace(value, **changes)  # type: ignore[type-var]
    return result  # type: ignore[no-any-return]


def public_view(c: Consortium, policy: NamePolicy, *, only: Collection[str] | None = None) -> Consortium:
    """The consortium as its site may show it: every unpublished name replaced by the neutral label.

    ``only`` names the lists of records (fields of :class:`~dxkit.model.Consortium`, such as
    ``retrospectives``) a caller reads; the others are left empty in the view rather than copied.
    """
    if not policy.hides_any:
        return c
    starts = policy.starts

    def hide(text: str) -> str:
        # Most texts hold no character a name starts with: they are left as they are at once.
        return text if starts is not None and starts.search(text) is None else policy.hide(text)

    view = Consortium(root=c.root, today=c.today)
    for f in dataclasses.fields(c):
        records = getattr(c, f.name)
        if isinstance(records, list) and (only is None or f.name in only):
            setattr(view, f.name, [_hidden_copy(r, hide) for r in records])
    return view


def _readable(data: bytes, suffix: str) -> Iterable[str]:
    """The text of a built file as a reader or a script would see it."""
    if suffix == ".gz":
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="replace")
    yield text
    # Each other reading only when it differs: a page of megabytes is searched once less.
    unescaped = html.unescape(text)
    if unescaped != text:
        yield unescaped
    if "\\u" in text:
        yield _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def find_unpublished(site: Path, policy: NamePolicy) -> str | None:
    """The first file of a built site (relative, ``/``-separated) that shows an unpublished name."""
    if not policy.hides_any:
        return None
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site)
        if not path.is_file() or rel.parts[0] in OWN_FOLDERS:
            continue
        if any(policy.reveals(text) for text in _readable(path.read_bytes(), path.suffix)):
            return rel.as_posix()
    return None
