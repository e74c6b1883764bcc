"""Human-facing output: the end-of-run summary table and example queries."""

from __future__ import annotations

import json
import shlex
import sys
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.run import RunSummary

EXAMPLE_QUERIES = (
    ("Events per province and month",
     "SELECT substr(e.region_code, 1, 2) AS province, strftime(e.date, '%Y-%m') AS month, e.type, count(*) AS n\n"
     "FROM events e GROUP BY ALL ORDER BY province, month;"),
    ("Officials and their roles",
     "SELECT name, role_kind, any_value(role) AS role, count(*) AS articles\n"
     "FROM officials GROUP BY name, role_kind ORDER BY articles DESC LIMIT 20;"),
    ("Organisations and people counted, with the sentence they come from",
     "SELECT a.title, c.value, c.unit, p.text AS evidence\n"
     "FROM counts c JOIN articles a USING (article_id)\n"
     "JOIN paragraphs p ON p.article_id = c.article_id AND p.idx = c.paragraph\n"
     "WHERE c.unit ILIKE ANY (['%LKS%', '%orang%', '%peserta%', '%organisasi%']) LIMIT 20;"),
)


class ConsoleProgress:
    """A progress bar per source on a terminal; plain status lines in logs and pipes."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.bars = Progress(TextColumn("[bold]{task.description:<16}"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), console=console, disable=not console.is_terminal)
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> ConsoleProgress:
        self.bars.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.bars.stop()

    def status(self, source: str, message: str) -> None:
        """Print a milestone line above the bars."""
        self.console.print(f"[bold]{source}[/bold]: {message}", highlight=False)

    def total(self, source: str, pages: int) -> None:
        """Start the source's bar."""
        self.tasks[source] = self.bars.add_task(source, total=pages)

    def advance(self, source: str) -> None:
        """One more article request done."""
        if source in self.tasks:
            self.bars.advance(self.tasks[source])


def print_summary(summary: RunSummary, console: Console) -> None:
    """A per-source table, the totals and the drop reasons of one run."""
    if summary.sources:
        table = Table(title=f"Run {summary.run_id}: {summary.status}")
        for column in ("source", "status", "listed", "new URLs", "fetched", "not modified", "failed", "skipped"):
            table.add_column(column, justify="left" if column in ("source", "status") else "right")
        for r in summary.sources:
            status = f"[red]{r.error}[/red]" if r.error else "[green]ok[/green]"
            skipped = ", ".join(f"{k} {v}" for k, v in sorted(r.skipped.items())) or "0"
            table.add_row(r.name, status, str(r.candidates), str(r.new_urls), str(r.fetched),
                          str(r.not_modified), str(r.failed), skipped)
        console.print(table)
    t = summary.totals
    console.print(
        f"sources ok {t.get('sources_ok', 0)}, failed {t.get('sources_failed', 0)} · pages fetched "
        f"{t.get('pages_fetched', 0)}, not modified {t.get('pages_not_modified', 0)}, failed "
        f"{t.get('pages_failed', 0)} · articles new {t.get('articles_new', 0)}, updated "
        f"{t.get('articles_updated', 0)} · events {t.get('events', 0)} (distinct real-world events "
        f"{summary.stats.get('event_groups', 0)}, duplicate articles {summary.stats.get('duplicate_articles', 0)})",
        highlight=False)
    drops = {k: v for k, v in summary.stats.items() if k.startswith(("dropped", "skipped"))}
    if drops:
        console.print("dropped/skipped: " + ", ".join(f"{k}={v}" for k, v in sorted(drops.items())),
                      highlight=False)


def print_queries(db_path: str, console: Console) -> None:
    """Example SQL an analyst can paste into `duckdb`."""
    # Plain writes: rich would wrap long SQL lines and break copy-paste.
    # The duckdb CLI is not part of the install; the Python package that wrote the file is.
    python = shlex.quote(sys.executable)
    one_liner = f'import duckdb; duckdb.connect({json.dumps(db_path)}, read_only=True).sql("FROM v_events").show()'
    console.file.write(f"\nOpen the warehouse with:  {python} -c {shlex.quote(one_liner)}\n"
                       f"  (or, with the duckdb CLI installed:  duckdb -readonly {shlex.quote(db_path)})\n"
                       "Example queries:\n")
    for title, sql in EXAMPLE_QUERIES:
        console.file.write(f"\n-- {title}\n{sql}\n")
    console.file.flush()
