"""Front matter that every generator reads as meant: YAML, TOML and Pelican's ``Key: value`` header.

Quirks handled (OUTPUTS.md):
- YAML: every string value is double-quoted (an unquoted ``: `` breaks the file; ``yes``, ``y``,
  ``null``, ``1e3``, leading ``# & * ! | > % @ [ { -`` are misread); dates are RFC 3339 with the
  post's offset (``2010-06-10T14:35:00+03:00``), never PyYAML's default space-separated form;
  booleans are real booleans; nothing is folded over lines.
- TOML (tomli-w): dates as native TOML datetimes with ``+03:00`` offsets (Zola rejects ``+0300``);
  nested tables (Zola's ``[taxonomies]``) come last, as TOML requires.
- Pelican: one line per key, only the first ``:`` splits so colons in values are safe; lists are
  joined with ``, `` unless an item contains a comma, then with ``; `` (Pelican's own rule);
  newlines in values are flattened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import tomli_w
import yaml

FrontMatter = Mapping[str, Any]


#: libyaml's emitter when PyYAML was built with it (5x faster on big archives), else PyYAML's own;
#: both give the same bytes for the plain mappings, lists and scalars written here.
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _QuotingDumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """A safe dumper that double-quotes every string value and writes dates in RFC 3339."""


class _Key(str):
    """A mapping key: written plain (keys are ours and always simple ASCII words)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')


def _represent_key(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="")


def _represent_datetime(dumper: yaml.SafeDumper, value: datetime) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_QuotingDumper.add_representer(str, _represent_str)
_QuotingDumper.add_representer(_Key, _represent_key)
_QuotingDumper.add_representer(datetime, _represent_datetime)


def _keyed(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {_Key(k): _keyed(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_keyed(v) for v in value]
    return value


def _check_aware(values: FrontMatter) -> None:
    for key, value in values.items():
        if isinstance(value, datetime) and value.utcoffset() is None:
            raise ValueError(f"front matter date {key!r} has no offset")
        if isinstance(value, Mapping):
            _check_aware(value)


def yaml_front_matter(values: FrontMatter) -> str:
    """``---`` YAML block (with the closing ``---`` and a newline) for ``values``."""
    _check_aware(values)
    body = yaml.dump(_keyed(dict(values)), Dumper=_QuotingDumper, allow_unicode=True,
                     sort_keys=False, default_flow_style=False, width=10**9)
    return f"---\n{body}---\n"


def toml_front_matter(values: FrontMatter) -> str:
    """``+++`` TOML block for ``values``; mappings are moved after the plain keys."""
    _check_aware(values)
    plain = {k: v for k, v in values.items() if not isinstance(v, Mapping)}
    tables = {k: v for k, v in values.items() if isinstance(v, Mapping)}
    return f"+++\n{tomli_w.dumps({**plain, **tables})}+++\n"


def _pelican_value(value: Any) -> str:
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise ValueError("Pelican date has no offset")
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Sequence) and not isinstance(value, str):
        items = [" ".join(str(v).split()) for v in value]
        separator = "; " if any("," in item for item in items) else ", "
        return separator.join(item.replace(";", ",") if separator == "; " else item for item in items)
    return " ".join(str(value).split())


def pelican_header(values: FrontMatter) -> str:
    """Pelican's ``Key: value`` metadata lines followed by the blank line that ends them."""
    lines = [f"{key}: {_pelican_value(value)}" for key, value in values.items()
             if value not in (None, "", [], ())]
    return "\n".join(lines) + "\n\n"
