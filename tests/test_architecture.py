"""The core never imports the UI toolkit, and the code stays lint-clean."""

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
    # A fresh interpreter: this test process may already have textual loaded.
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
        "leaks = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(leaks))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.skip("ruff is not installed in this environment")
    result = subprocess.run(
        [ruff, "check", "--quiet", "tui", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
