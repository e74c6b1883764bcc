"""Helpers the analyst notebooks share: short-lived read-only queries, figures saved beside the display."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb


def find_warehouse(path: str) -> Path | None:
    """The warehouse file, looked up from the working folder and from the repository root."""
    given = Path(path)
    candidates = [given] if given.is_absolute() else [given, Path("..") / given]
    return next((c for c in candidates if c.is_file()), None)


def _markdown(text: str) -> None:
    from IPython.display import Markdown, display

    display(Markdown(text))


@dataclass(frozen=True)
class NotebookWarehouse:
    """The published warehouse as a notebook reads it: one fresh read-only connection per query.

    Holding a connection for the life of a kernel would keep the file open; each query opens and closes its
    own, so the notebook always sees the latest published snapshot.
    """

    path: Path | None
    has_views: bool

    @classmethod
    def open(cls, path: str, required_view: str) -> NotebookWarehouse:
        """Find the file and check it has the analyst views, saying plainly what is missing."""
        found = find_warehouse(path)
        has_views = found is not None and not _read(
            found, "SELECT 1 FROM duckdb_views() WHERE view_name = ?", [required_view]).empty
        if found is None:
            _markdown(f"**No warehouse at `{path}`.** Set `LKKS_DB` to a warehouse file "
                      "(`lkks demo` builds `warehouse/demo.duckdb`). The sections below show no data.")
        elif not has_views:
            _markdown(f"**`{found}` has no analyst views** (`{required_view}`, ...). Open it once with the current "
                      "pipeline (any `lkks run`/`lkks process`) to create them.")
        return cls(found, has_views)

    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        """A pandas DataFrame of a read query; empty when there is no usable warehouse."""
        import pandas as pd

        if self.path is None or not self.has_views:
            return pd.DataFrame()
        return _read(self.path, sql, list(params))

    def scalar(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> object:
        """The first value of a read query, or None."""
        import pandas as pd

        frame = self.query(sql, params)
        return None if frame.empty or pd.isna(frame.iat[0, 0]) else frame.iat[0, 0]


def _read(path: Path, sql: str, params: list[Any]) -> Any:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, params).fetchdf()


@dataclass(frozen=True)
class Figures:
    """Shows figures and, when a folder is given, saves each as NAME.png there."""

    folder: Path | None

    @classmethod
    def to(cls, folder: str) -> Figures:
        """Figures saved into `folder` (created), or only shown when it is empty."""
        path = Path(folder) if folder else None
        if path is not None:
            path.mkdir(parents=True, exist_ok=True)
        return cls(path)

    def show(self, fig: Any, name: str) -> None:
        """Lay out, save when asked, display and release one figure."""
        import matplotlib.pyplot as plt

        fig.tight_layout()
        if self.folder is not None:
            fig.savefig(self.folder / f"{name}.png", dpi=110)
        plt.show()
        plt.close(fig)


def no_data(what: str) -> None:
    """Say plainly that a section has nothing to show."""
    _markdown(f"_No data: {what}._")
