"""Problem cases as text files (tests/fixtures/problems/*.txt), as markdown-it-py keeps its rule
cases: a change to the valid fixture archive in, the exact problems `check` reports out.

    case: misspelt-chair
    edit lsg/2021-02-19.md          (replace the '-' lines with the '+' lines; '-' or '+' alone is an empty line)
    -   chair: Pernilla Henriksson
    +   chair: Pernila Henriksson
    write index.md                  (the '|' lines are the file; '|' alone is an empty line)
    | # Välkommen
    copy lsg/2021-02-19.md lsg/protokoll-feb.md
    move lsg/2021-02-19.md lgs/2021-02-19.md
    expect
    content/lsg/2021-02-19.md:24: officials.chair: ... [officials]

Adding a case is editing a text file; a rule's cases read as its specification.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

CASES_DIR = Path(__file__).resolve().parent / "fixtures" / "problems"


@dataclass
class Step:
    action: str
    """edit, write, copy or move."""
    path: str
    target: str = ""
    old: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)


@dataclass
class ProblemCase:
    id: str
    source: str
    """The fixture file and line the case starts at, for a failing test's message."""
    steps: list[Step] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)

    def apply(self, content: Path) -> None:
        for step in self.steps:
            path = content / step.path
            if step.action == "edit":
                text, old, new = path.read_text(encoding="utf-8"), "\n".join(step.old), "\n".join(step.new)
                assert old in text, f"{self.source}: the text to replace is not in {step.path}"
                path.write_text(text.replace(old, new), encoding="utf-8")
            elif step.action == "write":
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("".join(f"{line}\n" for line in step.new), encoding="utf-8")
            elif step.action in ("copy", "move"):
                target = content / step.target
                target.parent.mkdir(parents=True, exist_ok=True)
                (shutil.copyfile if step.action == "copy" else shutil.move)(path, target)


def read_cases(folder: Path = CASES_DIR) -> list[ProblemCase]:
    cases: list[ProblemCase] = []
    for file in sorted(folder.glob("*.txt")):
        case: ProblemCase | None = None
        expecting = False
        for number, line in enumerate(file.read_text(encoding="utf-8").split("\n"), 1):
            if line.startswith("#") or (not line and not expecting):
                continue
            if line.startswith("case: "):
                case, expecting = ProblemCase(line[6:].strip(), f"{file.name}:{number}"), False
                cases.append(case)
            elif case is None:
                raise ValueError(f"{file.name}:{number}: a line before the first 'case:'")
            elif expecting:
                if line:
                    case.expected.append(line)
                else:
                    expecting = False
            elif line == "expect":
                expecting = True
            elif line.startswith(("edit ", "write ", "copy ", "move ")):
                action, *paths = line.split()
                case.steps.append(Step(action, paths[0], paths[1] if len(paths) > 1 else ""))
            elif line[:1] in ("-", "+", "|"):
                lines = {"-": case.steps[-1].old, "+": case.steps[-1].new, "|": case.steps[-1].new}[line[0]]
                lines.append(line[2:])
            else:
                raise ValueError(f"{file.name}:{number}: not a directive: {line!r}")
    return cases
