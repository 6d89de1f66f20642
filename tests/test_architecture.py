"""The parts keep their shape: the core never imports the UI, no module imports another that
imports it back, ruff and mypy --strict are clean, and CI runs the README's test command."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def core_modules() -> list[str]:
    """Every module of the package outside newsterm.ui, found by walking it."""
    import newsterm

    names = [
        info.name
        for info in pkgutil.walk_packages(newsterm.__path__, "newsterm.")
        if not info.name.startswith("newsterm.ui") and info.name != "newsterm.__main__"
    ]
    assert "newsterm.store.cache" in names and "newsterm.text.strip" in names
    return names


def test_core_does_not_import_textual_or_rich() -> None:
    # A fresh interpreter: this test process may already have textual loaded. httpx loads its
    # command-line tool, and with it rich, whenever click is installed (the test extra's
    # coldsweat brings it; newsterm does not): that module is kept out, as without click.
    code = (
        "import importlib, sys\n"
        "sys.modules['httpx._main'] = None\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
        "leaks = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(leaks))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:  # the test extra installs it: missing, the check would go unseen
        pytest.fail("ruff is not installed in this environment (pip install -e '.[test]')")
    result = subprocess.run(
        [ruff, "check", "--quiet", "tui", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def import_graph() -> dict[str, set[str]]:
    """Every newsterm module and the newsterm modules it imports: at the top, inside
    functions and under TYPE_CHECKING alike (a deferred import still ties two modules). A
    package's own import by its submodules (Python's doing, not theirs) is left out."""
    import ast

    package = ROOT / "tui" / "newsterm"
    modules = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # "from pkg import sub" ties to the submodule; "from pkg import name" to pkg
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.append(sub if sub in modules else node.module)
            found.update(t for t in targets if t in modules and t != name)
        graph[name] = found
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        group.append(top)
                        if top == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def test_no_module_imports_another_that_imports_it_back() -> None:
    found = cycles(import_graph())
    assert found == [], f"import cycles: {found}"


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]


def test_core_modules_never_import_the_ui() -> None:
    graph = import_graph()
    leaks = sorted(
        f"{name} -> {target}"
        for name, targets in graph.items()
        if not name.startswith("newsterm.ui") and name not in ("newsterm.cli", "newsterm.__main__")
        for target in targets
        if target.startswith("newsterm.ui")
    )
    assert leaks == []


def test_mypy_strict_is_clean() -> None:
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent))
    if mypy is None:
        pytest.fail("mypy is not installed in this environment (pip install -e '.[test]')")
    result = subprocess.run([mypy], cwd=ROOT, capture_output=True, text=True)  # pyproject: strict
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert command.startswith("python3 -m venv .venv-test") and f"\n{command}\n" in readme
