"""The importer: a body's PDF, Word and text minutes -> draft protocols of the content format.

    protokollarkivet import FILE... [--body KEY] [--out DIR] [--dry-run] [--force]

Data flows one way, one module a step (docs/import.md has the rules each step applies):

| module | step |
|---|---|
| `extract` | a file -> lines with what the source says about them (heading, bold, list, table row, page) |
| `clean` | page headers and footers, page numbers, signature boxes out |
| `recognise` | lines -> meetings; the order in which the rules below run |
| `agenda` | where items start: numbered headings, titles of unnumbered items |
| `header` | the head: title, facts, attendance lists, officials |
| `people` | names and attendance entries |
| `itembody`, `units`, `sentences` | an item's type, fields, sub-headings, decisions, presenters, proposals, votes |
| `signatures` | signatures, the e-signature certificate, an appendix |
| `registry` | the body and topics from bodies.yml and topics.yml; proposed entries |
| `dates` | Swedish dates and times |
| `write` | the draft protocol, its check with the archive's own loader, the report |
| `pipeline`, `cli` | one file end to end; the command with progress and the summary table |
"""

import importlib

# Imported on first use: `protokollarkivet check` (a pre-commit hook) must not pay for the
# importer's regular expressions and PDF libraries on every start.
_EXPORTS = {"FileResult": "pipeline", "MeetingResult": "pipeline", "import_file": "pipeline",
            "Registries": "registry", "load_registries": "registry"}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(name)


__all__ = ["FileResult", "MeetingResult", "Registries", "import_file", "load_registries"]
