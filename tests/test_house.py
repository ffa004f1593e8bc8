"""The shape of the house (STYLE.md) as checks that fail: no import circle, the project's own
imports at the top of their modules, no collector switched off, the layers as a contract."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

SRC = Path(__file__).resolve().parent.parent / "src" / "bilancli"


def _circles(graph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_module_of_the_project_takes_part_in_an_import_circle():
    graph = grimp.build_graph("bilancli")
    assert _circles(graph) == []


def test_the_circle_finder_sees_a_circle():
    graph = grimp.ImportGraph()
    for name in ("a", "b", "c"):
        graph.add_module(name)
    graph.add_import(importer="a", imported="b")
    graph.add_import(importer="b", imported="c")
    assert _circles(graph) == []
    graph.add_import(importer="c", imported="a")
    assert _circles(graph) == [["a", "b", "c"]]


def _deferred_project_imports(tree: ast.Module) -> list[int]:
    lines = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bilancli"):
                lines.append(node.lineno)
            elif isinstance(node, ast.Import) and any(a.name.startswith("bilancli") for a in node.names):
                lines.append(node.lineno)
    return lines


def test_the_projects_own_imports_stand_at_the_top_of_their_modules():
    deferred = {str(path.relative_to(SRC)): lines for path in sorted(SRC.rglob("*.py"))
                if (lines := _deferred_project_imports(ast.parse(path.read_text())))}
    assert deferred == {}


def test_a_deferred_import_is_seen():
    tree = ast.parse("import os\ndef f():\n    from bilancli.core import dates\n    return dates\n")
    assert _deferred_project_imports(tree) == [3]


def test_the_garbage_collector_is_never_switched_off():
    assert [str(p) for p in SRC.rglob("*.py") if "gc.disable" in p.read_text()] == []


def test_the_layers_hold_as_import_linter_checks_them():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test extra"
    done = subprocess.run([lint, "--config", str(SRC.parent.parent / ".importlinter")],
                          capture_output=True, text=True, cwd=SRC.parent.parent)
    assert done.returncode == 0, done.stdout + done.stderr


def _sql_in(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()
            if any(word in line for word in (".execute(", "sqlite3.connect(", "SELECT ", "INSERT ",
                                             "UPDATE ", "DELETE FROM"))]


def test_the_use_cases_hold_no_sql():
    """services/ plans, confirms, executes and reports; the store alone speaks SQL."""
    found = {str(path.relative_to(SRC)): lines for path in sorted((SRC / "services").rglob("*.py"))
             if (lines := _sql_in(path.read_text()))}
    assert found == {}


def test_sql_in_a_use_case_is_seen():
    assert _sql_in('rows = conn.execute("SELECT id FROM bilans")') != []
