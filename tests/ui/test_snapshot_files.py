"""Every saved screen (__snapshots__/MODULE/TEST.svg) belongs to a snapshot test that exists.

syrupy fails a run that leaves a snapshot file unused, but only in a run of one process: the
suite runs on every core (pytest-xdist), where that check is skipped, so it is made here.
"""

from __future__ import annotations

import importlib
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "__snapshots__"


def orphans(folder: Path) -> list[str]:
    """Snapshot files in ``folder`` with no test function, or no parameter id, of that name."""
    found = []
    for module_folder in sorted(p for p in folder.iterdir() if p.is_dir()):
        module = importlib.import_module(module_folder.name)
        for svg in sorted(module_folder.glob("*.svg")):
            name, _, param = svg.stem.partition("[")
            test = getattr(module, name, None)
            if test is None or "snap_compare" not in test.__code__.co_varnames:
                found.append(f"{module_folder.name}/{svg.name}")
                continue
            ids = [
                i
                for mark in getattr(test, "pytestmark", [])
                if mark.name == "parametrize"
                for i in mark.kwargs.get("ids", [])
            ]
            if param and ids and param.removesuffix("]") not in ids:
                found.append(f"{module_folder.name}/{svg.name}")
    return found


def test_every_snapshot_file_has_its_test() -> None:
    assert sorted(p.name for p in SNAPSHOTS.iterdir()) == ["test_hostile_ui", "test_ui_snapshots"]
    assert orphans(SNAPSHOTS) == []


def test_a_snapshot_file_left_behind_is_found(tmp_path: Path) -> None:
    for name in (
        "test_ui_snapshots/test_main_screen_wide.svg",  # its test: not an orphan
        "test_ui_snapshots/test_main_screen_gone.svg",  # no such test
        "test_ui_snapshots/_keys.svg",  # a function, but no snapshot test
        "test_hostile_ui/test_hostile_text_at_40x12[list].svg",
        "test_hostile_ui/test_hostile_text_at_40x12[gone].svg",  # no such parameter
    ):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("<svg/>")
    assert orphans(tmp_path) == [
        "test_hostile_ui/test_hostile_text_at_40x12[gone].svg",
        "test_ui_snapshots/_keys.svg",
        "test_ui_snapshots/test_main_screen_gone.svg",
    ]
