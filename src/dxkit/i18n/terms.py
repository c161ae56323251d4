"""Catalogue ids of dxkit's own fixed words that several modules show.

An enum value of a schema (a stage, a task status) is labelled in the schema and shown with
:func:`dxkit.labels.label`. The words here are no schema's values: dxkit itself says them (the
state it finds a gate criterion in, a finding's severity) or they are JSON Schema's own (the
types of a value). Each table maps a word to its id, spelled out, so a test can prove that every
id exists; a word a table does not have is a bug in the caller (:class:`KeyError`).

A table that only one module needs stays in that module.
"""

from __future__ import annotations

#: The lenses of a gate review (:data:`dxkit.model.vocabulary.LENSES`).
LENS: dict[str, str] = {
    "desirability": "lens.desirability",
    "feasibility": "lens.feasibility",
    "viability": "lens.viability",
}

#: The state a gate criterion is in (:class:`dxkit.analyses.gates.CriterionView`).
CRITERION_STATE: dict[str, str] = {
    "met": "state.met",
    "unmet": "state.unmet",
    "unknown": "state.unknown",
}

#: The severity of a finding, by :class:`dxkit.findings.Severity` value.
SEVERITY: dict[str, str] = {
    "error": "severity.error",
    "warning": "severity.warning",
}

#: The JSON Schema types of a value, as a person reads them.
JSON_TYPE: dict[str, str] = {
    "string": "type.string",
    "integer": "type.integer",
    "number": "type.number",
    "boolean": "type.boolean",
    "array": "type.array",
    "object": "type.object",
    "null": "type.null",
}
