"""The governance rule registry.

A rule is a function over one consortium (:class:`dxkit.model.Consortium`: every schema-valid
file of every kind, as typed records) that yields :class:`Hit` objects. The registry gives each
rule a code (``DX`` + three digits, grouped by hundreds per artifact), a kebab-case name for
the problem it finds, a severity and the guidebook page that explains the practice; its
Japanese and English title, message and documentation are data, in ``texts/<group>.toml``.
The CLI's choices, the generated rule pages and the validator all read this one registry.

A consortium may hold several files of one kind (``roles.yaml`` and ``roles-2027.yaml``):
every rule checks every one of them, and ids must be unique across the files of a kind.

Most ``DX0xx`` codes are the core checks (reading and schema); they have documentation here
but no rule function, since the loader and the schema validator produce them.
"""

from dxkit.rules import (
    assessments,
    consortium,
    core,
    data,
    facilities,
    funding,
    gates,
    issues,
    member_talent,
    members,
    plan,
    retrospectives,
    roles,
    talent,
    workshops,
)
from dxkit.rules.registry import (
    CORE_UNIGNORABLE,
    RULES,
    Hit,
    Rule,
    Selection,
    get_rule,
    iter_duplicate_ids,
    iter_rules,
    known_prefix,
    matches,
    place,
    register,
    rule,
    run_rules,
)

#: The modules whose import registers their rules.
RULE_MODULES = (
    core,
    consortium,
    funding,
    talent,
    members,
    member_talent,
    roles,
    gates,
    issues,
    data,
    plan,
    retrospectives,
    workshops,
    facilities,
    assessments,
)

__all__ = [
    "CORE_UNIGNORABLE",
    "RULES",
    "RULE_MODULES",
    "Hit",
    "Rule",
    "Selection",
    "get_rule",
    "iter_duplicate_ids",
    "iter_rules",
    "known_prefix",
    "matches",
    "place",
    "register",
    "rule",
    "run_rules",
]
