"""Front matter and registries against their pydantic schema, as Problems with lines."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .messages import _, one_of
from .problems import Problem, did_you_mean, mismatch
from .schema import DATE_ERRORS
from .source import Loc, YamlDoc

M = TypeVar("M", bound=BaseModel)


def validate_model(model: type[M], doc: YamlDoc, path: str, loc_prefix: Loc = ()) -> tuple[M | None, list[Problem]]:
    data = doc.data
    for part in loc_prefix:
        data = data[part]
    if not isinstance(data, dict):
        where = _field_name(loc_prefix) or "front matter"
        return None, [mismatch(path, doc.line_of(loc_prefix), where, data, _("a mapping of keys to values"), code="shape")]
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, [_problem(model, err, doc, path, loc_prefix) for err in error.errors()]


def validate_list(model: type[M], doc: YamlDoc, path: str) -> tuple[list[M], list[Problem]]:
    """A registry: a YAML list of `model` entries."""
    if not isinstance(doc.data, list):
        return [], [mismatch(path, doc.first_line, "registry", doc.data, _("a list of entries ('- key: ...')"), code="shape")]
    entries, problems = [], []
    for index in range(len(doc.data)):
        entry, found = validate_model(model, doc, path, (index,))
        problems.extend(found)
        if entry is not None:
            entries.append(entry)
    return entries, problems


def _problem(model: type[BaseModel], err: Any, doc: YamlDoc, path: str, prefix: Loc) -> Problem:
    loc = tuple(err["loc"])
    full = (*prefix, *loc)
    line = doc.line_of(full)
    name = _field_name(full)
    kind = err["type"]
    found = err.get("input")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), allowed) or _("known keys here: {keys}").format(keys=", ".join(allowed))
        return Problem(path, line, name, _("unknown key"), hint, code="unknown-key")
    if kind == "missing":
        return Problem(path, line, name, _("missing, expected a value"), _("add '{key}:'").format(key=loc[-1]), code="missing-key")
    if kind == "literal_error":
        options = [option.strip(" '") for option in err["ctx"]["expected"].replace(" or ", ",").split(",")]
        return mismatch(path, line, name, found, _("one of {options}").format(options=one_of(options)),
                        did_you_mean(str(found), options))
    if kind in ("string_type",) and isinstance(found, (int, float, bool)):
        return mismatch(path, line, name, found, _("text"), _("put the value in quotes: YAML read it as a number or yes/no"))
    if kind in DATE_ERRORS:
        return mismatch(path, line, name, found, _(DATE_ERRORS[kind]), code="date")
    if kind.startswith("date") or kind.startswith("datetime"):
        return mismatch(path, line, name, found, _(DATE_ERRORS["day_format"] if kind.startswith("date_") else
                        DATE_ERRORS["moment_format"]), code="date")
    if kind == "string_pattern_mismatch":
        return mismatch(path, line, name, found, _("lower-case ASCII letters and digits joined by '-'"),
                        _("e.g. 'lsg' or 'chefsgrupp-svo'"))
    if kind == "list_type":
        return mismatch(path, line, name, found, _("a list ('- ...' lines or [a, b])"))
    if kind == "model_type" or kind == "dict_type":
        return mismatch(path, line, name, found, _("a mapping of keys to values"))
    return mismatch(path, line, name, found, err["msg"].lower().removeprefix("input should be "))


def _field_name(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys allowed at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return []
        current = _model_in(current.model_fields[part].annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    """The BaseModel inside `X | None`, `list[X]` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def json_schema(model: type[BaseModel] | Any) -> dict[str, Any]:
    if isinstance(model, type) and issubclass(model, BaseModel):
        return model.model_json_schema()
    return TypeAdapter(model).json_schema()
