"""Editors and readers see the same format the validator applies."""

from __future__ import annotations

import json

import pytest

from generator.cli import SCHEMAS, schema_documents
from generator.items import BLOCK_PREFIXES, ITEM_LABELS
from generator.schema import AttendeeIn, FrontMatter, NextMeetingIn, SignatureIn

from .conftest import ROOT

FORMAT_DOC = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SCHEMAS)
def test_committed_json_schema_is_up_to_date(name: str) -> None:
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == schema_documents()[name], "run `protokollarkivet schema` and commit schema/"
    assert json.loads(committed)["$schema"].startswith("https://json-schema.org/")


def test_the_protocol_schema_rejects_unknown_keys() -> None:
    schema = json.loads(schema_documents()["protocol.schema.json"])
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"body", "kind", "date", "status"}


@pytest.mark.parametrize("model", [FrontMatter, AttendeeIn, SignatureIn, NextMeetingIn])
def test_every_front_matter_key_is_documented(model: type) -> None:
    missing = [key for key in model.model_fields if f"`{key}`" not in FORMAT_DOC]
    assert missing == []


def test_every_item_label_and_block_kind_is_documented() -> None:
    labels = [label for label in ITEM_LABELS if label != "ämne"]
    missing = [label for label in labels if f"`{label[:1].upper() + label[1:]}:`" not in FORMAT_DOC]
    missing += [kind for kind in BLOCK_PREFIXES if f"`::: {kind}`" not in FORMAT_DOC]
    assert missing == []
