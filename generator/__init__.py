"""Protokollarkivet: a static site generator for the minutes of Swedish public bodies.

Data flows one way: files (source) -> validated model (load) -> views -> rendered pages.
Nothing in this package but `mkdocs_plugin` imports MkDocs.
"""
