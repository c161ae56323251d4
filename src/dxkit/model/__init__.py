"""The typed consortium model: what every rule, analysis and renderer reads.

``records`` is generated from the schemas (one class per object in a governance file);
``consortium`` gathers every file of a folder; ``vocabulary`` names the fixed words
(stages, lenses, open statuses) once; ``plan`` sums a cost plan year by year; ``loc`` says
where a value came from.
"""

from dxkit.model.consortium import Consortium, FileRecord, TryItem, read_record
from dxkit.model.loc import Loc

__all__ = ["Consortium", "FileRecord", "Loc", "TryItem", "read_record"]
