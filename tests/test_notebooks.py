"""The analyst notebooks: committed without outputs, in step with their jupytext sources, and they run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import jupytext
import nbclient
import nbformat
import pytest

from pipeline import views
from pipeline.warehouse import Warehouse
from tests.paths import REPO
from tests.test_views import build_warehouse

NOTEBOOKS = REPO / "notebooks"
NAMES = ("provincial_review", "national_overview")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _execute(name: str, workdir: Path, while_alive: Callable[[], None] | None = None) -> nbformat.NotebookNode:
    """Run the committed .ipynb in a fresh python3 kernel; any cell error fails the test.

    `while_alive` runs after the last cell, before the kernel shuts down.
    """
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    client = nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120, startup_timeout=60,
                                     resources={"metadata": {"path": str(workdir)}})
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        if while_alive is not None:
            while_alive()
    return notebook


def _markdown_outputs(notebook: nbformat.NotebookNode) -> str:
    return "\n".join(str(output.get("data", {}).get("text/markdown", ""))
                     for cell in notebook.cells for output in cell.get("outputs", []))


def _env(monkeypatch: pytest.MonkeyPatch, db: Path, figures: Path) -> None:
    monkeypatch.setenv("LKKS_DB", str(db))
    monkeypatch.setenv("LKKS_FIGURES", str(figures))
    monkeypatch.setenv("LKKS_PROVINCE", "63")
    monkeypatch.delenv("LKKS_PERIOD_START", raising=False)
    monkeypatch.delenv("LKKS_PERIOD_END", raising=False)


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_has_no_outputs_and_matches_its_py_source(name: str) -> None:
    committed = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    source = jupytext.read(NOTEBOOKS / f"{name}.py")
    assert all(not cell.get("outputs") and cell.get("execution_count") is None
               for cell in committed.cells if cell.cell_type == "code")
    assert [(c.cell_type, c.source) for c in committed.cells] == [(c.cell_type, c.source) for c in source.cells]
    assert committed.metadata["kernelspec"]["name"] == "python3"
    parameters = [c for c in committed.cells if "parameters" in c.metadata.get("tags", [])]
    # Queries go through pipeline.notebook.NotebookWarehouse: one short read-only connection each.
    assert len(parameters) == 1 and "LKKS_DB" in parameters[0].source and "NotebookWarehouse.open(" in "".join(
        c.source for c in committed.cells)


def test_notebooks_run_on_a_small_warehouse_and_save_their_figures(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = build_warehouse(tmp_path / "w.duckdb")
    figures = tmp_path / "figures"
    _env(monkeypatch, db, figures)

    def nightly_run_can_open_the_warehouse() -> None:
        # DuckDB refuses a read-write open while any other process holds the file, even read-only.
        duckdb.connect(str(db)).close()

    provincial = _markdown_outputs(_execute("provincial_review", tmp_path, nightly_run_can_open_the_warehouse))
    national = _markdown_outputs(_execute("national_overview", tmp_path, nightly_run_can_open_the_warehouse))
    expected = {"63_timeline", "63_regencies", "63_officials", "63_counts", "national_heatmap",
                "national_event_types", "source_health"}
    assert {p.stem for p in figures.glob("*.png")} == expected
    for png in figures.glob("*.png"):
        data = png.read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 5_000, png.name
    assert "**Kalimantan Selatan** (code 63, time zone WITA)" in provincial
    assert "**2** deduplicated events" in provincial
    assert "(https://antara-kalsel.example.id/a2)" in provincial  # the syndicated report is linked too
    assert "12 of 13" in provincial  # Kota Banjarmasin is the only active regency
    assert "No data" not in provincial
    assert "**4** deduplicated events in **3** of 38 provinces" in national


def test_notebooks_say_no_data_on_an_empty_warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "empty.duckdb"
    with Warehouse(db) as wh:
        views.apply(wh.con)
    _env(monkeypatch, db, tmp_path / "figures")
    provincial = _markdown_outputs(_execute("provincial_review", tmp_path))
    national = _markdown_outputs(_execute("national_overview", tmp_path))
    assert "_No data: no event in Kalimantan Selatan" in provincial
    assert "13 of 13" in provincial
    assert national.count("_No data:") == 4
    assert not list((tmp_path / "figures").glob("national_*.png"))
