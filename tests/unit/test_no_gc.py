"""Parsing with the cyclic collector paused, and where what was parsed goes afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from dxkit.editing.tree import no_gc


def _young() -> set[int]:
    return {id(o) for generation in (0, 1) for o in gc.get_objects(generation=generation)}


@pytest.fixture
def nothing_frozen() -> Iterator[None]:
    """Nothing frozen while the test runs (an earlier test's command may have frozen its consortium)."""
    if not gc.isenabled():
        pytest.skip("needs the collector on")
    was = gc.get_freeze_count()
    gc.unfreeze()
    yield
    if was:
        gc.freeze()


def test_no_gc_leaves_what_it_built_in_the_oldest_generation_not_frozen(nothing_frozen: None) -> None:
    with no_gc():
        assert not gc.isenabled()
        built = [[index] for index in range(200)]
    assert gc.isenabled()
    young = _young()
    assert not any(id(item) in young for item in built)
    assert gc.get_freeze_count() == 0  # still collectable
    assert any(o is built[0] for o in gc.get_objects(generation=2))


def test_no_gc_in_a_command_that_froze_its_consortium_keeps_it_frozen(nothing_frozen: None) -> None:
    kept = [[index] for index in range(50)]
    gc.freeze()  # as a command does after loading its consortium
    try:
        count = gc.get_freeze_count()
        with no_gc():
            built = [[index] for index in range(200)]
        assert gc.get_freeze_count() >= count + len(built)
        older = {id(o) for o in gc.get_objects(generation=2)}
        assert not any(id(item) in older for item in kept)  # what was frozen stays frozen
    finally:
        gc.unfreeze()
