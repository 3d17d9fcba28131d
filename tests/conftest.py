"""Shared fixtures: a real build of the example archive, and small projects made from fixtures."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


@dataclass
class Project:
    """A throw-away archive project: mkdocs.yml + content/, built with the real tools."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, text: str | bytes) -> Path:
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def build(self, *extra: str) -> Run:
        return _run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra], self.root)

    def check(self) -> Run:
        return _run([sys.executable, "-m", "generator.cli", "check"], self.root)


def _run(command: list[str], cwd: Path) -> Run:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=QUIET, timeout=300)
    return Run(result.returncode, result.stdout, result.stderr)


def make_project(root: Path, content: Path = FIXTURES / "content") -> Project:
    shutil.copytree(content, root / "content")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Project(root)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """The small fixture archive in tests/fixtures/content, in a fresh directory."""
    return make_project(tmp_path)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example archive of the repository, built once with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("example") / "site"
    run = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], ROOT)
    assert run.code == 0, run.stderr
    return out


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture archive (with a committee's votes and dissents), built once."""
    built = make_project(tmp_path_factory.mktemp("fixture"))
    run = built.build()
    assert run.code == 0, run.stderr
    return built.site
