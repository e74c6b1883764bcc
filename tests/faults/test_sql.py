"""SQL injection: every statement built from code-owned names only, and hostile text loads as data end to end."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from pipeline.config import Config, Defaults, Source
from pipeline.demo.server import FakeWeb, Response
from pipeline.run import RunOptions, run
from tests.conftest import Faults
from tests.faults import integrity_problems, rows
from tests.paths import REPO

SourceFactory = Callable[..., Source]
SQL_METHODS = frozenset({"execute", "executemany", "sql", "query"})

# Every SQL text in pipeline/ that is not a plain literal, by file and the expression spliced in, with the
# reason it cannot carry outside data. A new entry needs the same argument, or a `?` parameter instead.
AUDITED = {
    ("pipeline/warehouse.py", "_SCHEMA"): "constant DDL",
    ("pipeline/warehouse.py", "_MIGRATIONS_TABLE"): "constant DDL",
    ("pipeline/warehouse.py", "columns"): "record_page: column names are the keys of run._page_row, fixed in code",
    ("pipeline/warehouse.py", "marks"): "record_page: one '?' per column",
    ("pipeline/warehouse.py", "'AND source = ?' if source else ''"): "pending_pages: constant fragment",
    ("pipeline/warehouse.py", "'' if everything else \"WHERE processed_version IS DISTINCT FROM ? OR process_error "
                              "LIKE 'crash:%'\""): "pending_pages: constant fragment",
    ("pipeline/warehouse.py", "'WHERE ' + ' AND '.join(filters) if filters else ''"):
        "pending_pages: constant filter fragments, each with ? parameters",
    ("pipeline/warehouse.py", "'LIMIT ?' if limit is not None else ''"): "pending_pages: constant fragment",
    ("pipeline/warehouse.py", "table"): "table names from FACT_TABLES / _COLUMNS constants",
    ("pipeline/warehouse.py", "sql"): "Warehouse.rows: the analyst's own query, with parameters",
    ("pipeline/dedup/__init__.py", "DEDUP_SCHEMA"): "constant DDL",
    ("pipeline/dedup/events.py", "columns"): "column names of an Arrow table built in code",
    ("pipeline/dedup/events.py", "values"): "casts generated from those column names",
    ("pipeline/views.py", "DEDUP_SCHEMA"): "constant DDL",
    ("pipeline/views.py", "sql"): "view definitions, constants",
    ("pipeline/views.py", "';\\n'.join(statements)"): "COMMENT ON statements: catalog names, docs quoted by _quote",
    ("pipeline/export.py", "name"): "EXPORT_NAMES constant",
    ("pipeline/notebook.py", "sql"): "NotebookWarehouse.query: the notebook's own query, with parameters, read-only",
    ("pipeline/export.py", "_literal(str(partial))"): "COPY TO takes no parameter: the path is quoted by _literal",
    ("pipeline/export.py", "metadata"): "catalog comments quoted by _literal",
}


def _spliced_sql(path: Path) -> set[str]:
    """Expressions spliced into the SQL argument of execute-like calls (f-string parts or a whole non-literal)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_METHODS and node.args):
            continue
        sql = node.args[0]
        if isinstance(sql, ast.JoinedStr):
            found.update(ast.unparse(part.value) for part in sql.values if isinstance(part, ast.FormattedValue))
        elif isinstance(sql, ast.BinOp | ast.Call | ast.Name | ast.Attribute | ast.Subscript):
            found.add(ast.unparse(sql))
    return found


def test_no_sql_statement_splices_in_anything_but_audited_code_owned_names() -> None:
    spliced = {(path.relative_to(REPO).as_posix(), expression)
               for path in sorted((REPO / "pipeline").rglob("*.py")) for expression in _spliced_sql(path)}
    assert spliced - set(AUDITED) == set(), "new SQL built from values: use ? parameters or audit it here"


def test_the_audit_sees_an_injection(tmp_path: Path) -> None:
    sample = REPO / "pipeline" / "warehouse.py"
    assert ("pipeline/warehouse.py", "columns") in {(sample.relative_to(REPO).as_posix(), e)
                                                   for e in _spliced_sql(sample)}
    probe = tmp_path / "injected.py"
    probe.write_text("def f(con, title):\n    con.execute(f\"SELECT * FROM articles WHERE title = '{title}'\")\n"
                     "    con.execute('SELECT 1 WHERE x = ' + title)\n", encoding="utf-8")
    assert _spliced_sql(probe) == {"title", "'SELECT 1 WHERE x = ' + title"}


HOSTILE_TITLE = "LKKS'); DROP TABLE articles; --"
HOSTILE_TEXT = ("Ketua LKKS \"Robert'); DROP TABLE paragraphs;--\" menyerahkan bantuan ke 12 LKS di Banjarmasin; "
                "DELETE FROM events WHERE 1=1; -- kata pengurus yang bernama O'Brien.")


def test_quotes_and_drop_table_in_pages_load_as_data(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory,
                                                     tmp_path: Path) -> None:
    base = fakeweb.base_url("news")
    page = (f"<html><head><title>{HOSTILE_TITLE}</title></head><body><article><h1>{HOSTILE_TITLE}</h1>"
            f"<p>{HOSTILE_TEXT}</p><p>Rapat LKKS berlangsung di aula Dinas Sosial pada Kamis (12/6/2025).</p>"
            "</article></body></html>")
    path = "/berita/lkks-o'brien;drop-table"
    faults.always("news", path, Response(200, {"Content-Type": "text/html; charset=utf-8"}, page.encode()))
    feed = (f'<rss version="2.0"><channel><title>x\'; DROP TABLE frontier; --</title><item>'
            f"<title>{HOSTILE_TITLE}</title><link>{base}{path}</link></item></channel></rss>").encode()
    feed_url = faults.always("news", "/sql-feed.xml", Response(200, {"Content-Type": "application/rss+xml"}, feed))
    source = make_source(feeds=[feed_url], sitemaps=[], listings=[], max_age_days=None,
                         article={"body_selector": "article"})
    db = tmp_path / "w.duckdb"
    summary = run(Config(path="sources.yaml", defaults=Defaults.model_validate({}), sources=[source]),
                  RunOptions(db_path=db, allow_private=True, workers=1))
    assert summary.exit_code == 0 and summary.totals["articles_new"] == 1
    [(url, title)] = rows(db, "SELECT url, title FROM articles")
    assert title == HOSTILE_TITLE and "o'brien;drop-table" in url
    texts = [text for (text,) in rows(db, "SELECT text FROM paragraphs ORDER BY idx")]
    assert HOSTILE_TEXT in texts
    assert rows(db, "SELECT title FROM frontier") == [(HOSTILE_TITLE,)]
    tables = {name for (name,) in rows(db, "SELECT table_name FROM duckdb_tables()")}
    assert {"articles", "paragraphs", "events", "frontier", "sources", "pages", "runs"} <= tables
    assert integrity_problems(db) == {}
