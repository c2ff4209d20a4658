"""Models taken back from the last run that load their nested parts only when something reads them.

A warm ``probis validate`` after an edit needs, of most unchanged documents, only a few plain
fields (codes, names, the codes they name): the index and the rules over several documents read
``kode``, ``proses``, ``induk``, ``sop``, ``pemilik``... Unpickling every document's nested
models (a city's SOP steps: 65,000 pydantic models) costs more than the rest of the run.

:func:`partial` makes an instance of a subclass of the model's class holding only the plain
fields (text, numbers, dates, lists of them); the first read of any other attribute loads the
whole model (through its :class:`Loader`), after which the object is the complete model.
``isinstance`` holds; what serialises, compares, copies or pickles it works on the complete
model, as its own class.

Nothing here reads files: the loader given does.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from probis_cli.model.build import Document

_set = object.__setattr__
_get = object.__getattribute__
LOADER = "\x00probis-loader"  # the key of the loader in a partial model's __dict__ (no field has it)
_PLAIN = frozenset({str, int, float, bool, type(None), datetime.date, datetime.datetime, datetime.time})


def plain(value: Any) -> bool:
    """Whether ``value`` holds no model (text, numbers, dates, and lists/dicts of them)."""
    kind = type(value)
    if kind in _PLAIN:
        return True
    if kind is list or kind is tuple:
        return all(plain(v) for v in value)
    if kind is dict:
        return all(type(k) is str and plain(v) for k, v in value.items())
    return False


class Loader:
    """Loads the complete models of one file's documents (all of them, on the first need)."""

    def __init__(self, load: Callable[[], list[BaseModel]]) -> None:
        self.load_models = load
        self.waiting: list[BaseModel] = []

    def load(self) -> None:
        """Make every waiting partial model complete; raises what ``load`` raises."""
        waiting, self.waiting = self.waiting, []
        if not waiting:
            return
        models = self.load_models()
        if len(models) != len(waiting):
            raise ValueError("stored models do not match their documents")
        for part, whole in zip(waiting, models):
            if _BASES.get(type(part)) is not type(whole):
                raise ValueError("stored model of another kind")
            _fill(part, whole)


def _fill(part: BaseModel, whole: BaseModel) -> None:
    _set(part, "__dict__", _get(whole, "__dict__"))
    _set(part, "__pydantic_fields_set__", _get(whole, "__pydantic_fields_set__"))
    _set(part, "__pydantic_extra__", _get(whole, "__pydantic_extra__"))
    _set(part, "__pydantic_private__", _get(whole, "__pydantic_private__"))


def _complete(model: BaseModel) -> None:
    loader = _get(model, "__dict__").get(LOADER)
    if loader is not None:
        loader.load()


def whole(model: BaseModel) -> BaseModel:
    """``model`` complete, as an instance of its own class (a partial one: loaded first)."""
    cls = type(model)
    base = _BASES.get(cls)
    if base is None:
        return model
    _complete(model)
    twin = base.__new__(base)
    _fill(twin, model)
    return twin


def _getattr(self: BaseModel, name: str) -> Any:
    if LOADER in _get(self, "__dict__"):
        _complete(self)
        return getattr(self, name)
    fallback = _BASES[type(self)].__getattr__  # type: ignore[attr-defined]
    return fallback(self, name)


def _eq(self: BaseModel, other: object) -> bool:
    return whole(self) == (whole(other) if isinstance(other, BaseModel) else other)


def _same(model: BaseModel) -> BaseModel:
    """What a pickled partial model unpickles to: the complete one it was pickled as."""
    return model


def _reduce_ex(self: BaseModel, protocol: Any) -> Any:
    return _same, (whole(self),)


def _delegate(name: str) -> Callable[..., Any]:
    def method(self: BaseModel, *args: Any, **kwargs: Any) -> Any:
        return getattr(whole(self), name)(*args, **kwargs)

    method.__name__ = name
    return method


_DELEGATED = ("model_dump", "model_dump_json", "model_copy", "__copy__", "__deepcopy__", "__iter__", "__repr__",
              "__str__", "__getstate__", "__repr_args__", "__rich_repr__", "__pretty__")  # fmt: skip
_CLASSES: dict[type[BaseModel], type[BaseModel]] = {}  # model class -> its partial subclass
_BASES: dict[type[BaseModel], type[BaseModel]] = {}  # partial subclass -> model class


def partial_class(cls: type[BaseModel]) -> type[BaseModel]:
    """The partial subclass of ``cls`` (made once). Made with ``type.__new__`` of pydantic's
    metaclass, not the metaclass itself: it is no new model (no schema is built), it reuses
    ``cls``'s validator, serialiser and fields as they are."""
    found = _CLASSES.get(cls)
    if found is None:
        namespace: dict[str, Any] = {name: _delegate(name) for name in _DELEGATED if hasattr(cls, name)}
        namespace.update(__getattr__=_getattr, __eq__=_eq, __reduce_ex__=_reduce_ex, __slots__=(),
                         __module__=cls.__module__, __qualname__=cls.__qualname__, __hash__=cls.__hash__)  # fmt: skip
        found = type.__new__(type(cls), cls.__name__, (cls,), namespace)
        _CLASSES[cls] = found
        _BASES[found] = cls
    return found


def partial(cls: type[BaseModel], fields: dict[str, Any], fields_set: set[str], loader: Loader | None) -> BaseModel:
    """A model of ``cls`` holding ``fields`` (its plain fields); ``loader`` loads the rest when
    something reads it (None: ``fields`` are all its fields, a complete ``cls`` instance)."""
    if loader is None:
        model = cls.__new__(cls)
        _set(model, "__dict__", fields)
    else:
        kind = _CLASSES.get(cls) or partial_class(cls)
        model = kind.__new__(kind)
        _set(model, "__dict__", {**fields, LOADER: loader})
        loader.waiting.append(model)
    _set(model, "__pydantic_fields_set__", fields_set)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


class StoredDocument(Document):  # type: ignore[type-arg]
    """A :class:`~probis_cli.model.build.Document` whose position tree is read when first
    needed (by :meth:`tree`, ``loc``: the documents that get a finding), through a
    :class:`TreeLoader` shared by the documents of its file."""

    __slots__ = ("trees",)

    def __init__(self, path: str, model: Any, pos: Any = None, line: int = 1, column: int = 1) -> None:
        super().__init__(path, model, pos, line, column)
        self.trees: TreeLoader | None = None

    @property
    def pos(self) -> Any:
        """The position tree (marshalled until decoded), read on first use."""
        value = _POS.__get__(self)
        if value is None and self.trees is not None:
            self.trees.load()
            value = _POS.__get__(self)
        return value

    @pos.setter
    def pos(self, value: Any) -> None:
        _POS.__set__(self, value)

    def __reduce__(self) -> Any:
        return Document, (self.path, self.model, self.pos, self.line, self.column)


_POS = Document.__dict__["pos"]  # the slot of the dataclass


class TreeLoader:
    """Reads the position trees of one file's documents (all of them, on the first need)."""

    def __init__(self, load: Callable[[], list[bytes]], documents: list[StoredDocument]) -> None:
        self.load_trees = load
        self.documents = documents
        for d in documents:
            d.trees = self

    def load(self) -> None:
        """Give every document of the file its position tree; raises what ``load`` raises."""
        documents, self.documents = self.documents, []
        if not documents:
            return
        trees = self.load_trees()
        for d, tree in zip(documents, trees, strict=True):
            d.trees = None
            _POS.__set__(d, tree)
