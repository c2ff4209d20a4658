"""Models share their set of given fields (memory), copy-on-write."""

from __future__ import annotations

from probis_cli.model.sop import MutuBaku


def test_equal_field_sets_are_one_object() -> None:
    a = MutuBaku.model_validate({"waktu": "1 jam", "output": "x"})
    b = MutuBaku.model_validate({"output": "y", "waktu": "2 jam"})
    assert a.model_fields_set == {"waktu", "output"}
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__


def test_assigning_gives_a_model_its_own_set() -> None:
    a = MutuBaku.model_validate({"waktu": "1 jam"})
    b = MutuBaku.model_validate({"waktu": "2 jam"})
    a.output = "laporan"
    assert a.model_fields_set == {"waktu", "output"}
    assert b.model_fields_set == {"waktu"}
    assert b.model_dump(exclude_unset=True) == {"waktu": "2 jam"}


def test_copies_with_updates_keep_the_original_set() -> None:
    a = MutuBaku.model_validate({"waktu": "1 jam"})
    c = a.model_copy(update={"output": "x"})
    d = a.model_copy(deep=True)
    assert c.model_fields_set == {"waktu", "output"}
    assert a.model_fields_set == d.model_fields_set == {"waktu"}
