"""A meeting's front matter out: one writer for `protokollarkivet new` and `import`.

The data goes through the schema's own model (`schema.FrontMatter`): keys in the model's order,
values as the model reads them, nothing that is a default. Data the model rejects (an import that
found no date) is written as it is, and `check` says what is missing.
"""

from __future__ import annotations

from pydantic import ValidationError

from .schema import FrontMatter
from .source import dump_yaml


def front_matter_yaml(data: dict) -> str:
    """The YAML between the `---` lines."""
    try:
        model = FrontMatter.model_validate(data)
    except ValidationError:
        shown = data
    else:
        shown = model.model_dump(mode="python", exclude_defaults=True, by_alias=True)
        shown = {key: shown[key] for key in _order(data, shown)}
    return dump_yaml(shown, width=10_000, default_flow_style=False)


def _order(data: dict, shown: dict) -> list[str]:
    """The model's field order; keys the caller gave that the model drops as defaults stay out."""
    return [key for key in FrontMatter.model_fields if key in shown]
