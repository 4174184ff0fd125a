"""Building settings dataclasses from TOML tables, naming the key and the file in every error."""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from pathlib import Path

from pipeline.errors import ConfigError


class Reader:
    """Builds dataclasses from TOML tables, naming the key and the file in every error."""

    def __init__(self, path: Path):
        self.path = path

    def error(self, message: str, key: str) -> ConfigError:
        return ConfigError(f"{message} (in {self.path})", path=str(self.path), key=key)

    def reject_unknown(self, data: dict, known: list[str], prefix: str) -> None:
        for key in data:
            if key not in known:
                hint = difflib.get_close_matches(key, known, n=1)
                suggestion = f"; did you mean '{prefix}{hint[0]}'?" if hint else f"; known keys: {', '.join(known)}"
                raise self.error(f"unknown key '{prefix}{key}'{suggestion}", f"{prefix}{key}")

    def expect(self, value, kind: type, key: str) -> None:
        if not isinstance(value, kind) or (kind in (int, float) and isinstance(value, bool)):
            raise self.error(f"key '{key}' must be {_describe(kind)}, got {_describe(type(value))}", key)

    def build(self, cls: type, data, where: str):
        self.expect(data, dict, where)
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        self.reject_unknown(data, list(fields), prefix=f"{where}.")
        values = {}
        for name, spec in fields.items():
            key = f"{where}.{name}"
            if name not in data:
                if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
                    raise self.error(f"key '{key}' is required", key)
                continue
            values[name] = self.convert(hints[name], data[name], key)
        return cls(**values)

    def convert(self, hint, value, key: str):
        origin = typing.get_origin(hint)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self.build(hint, value, key)
        if origin is list:
            self.expect(value, list, key)
            (item,) = typing.get_args(hint)
            return [self.convert(item, element, f"{key}[{i}]") for i, element in enumerate(value)]
        if origin is dict:
            self.expect(value, dict, key)
            _, item = typing.get_args(hint)
            return {k: self.convert(item, v, f"{key}.{k}") for k, v in value.items()}
        if origin in (typing.Union, types.UnionType):
            raise TypeError(f"unsupported config type {hint}")  # keep the schema simple
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        self.expect(value, hint, key)
        return value


def _describe(kind: type) -> str:
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
    }.get(kind, kind.__name__)
