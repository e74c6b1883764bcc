"""`lkks demo` end to end: a real local web, the real pipeline, a real DuckDB file; re-runs and kills."""

from __future__ import annotations

import os
import random
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.paths import REPO, free_port

FACT_QUERIES = {
    "articles": "SELECT url, title, published, relevant, paragraphs_total, paragraphs_kept FROM articles",
    "paragraphs": "SELECT a.url, p.idx, p.text, p.status, p.duplicate_of FROM paragraphs p JOIN articles a USING (article_id)",
    "events": "SELECT a.url, e.seq, e.type, e.date, e.tense, e.region_code FROM events e JOIN articles a USING (article_id)",
    "officials": "SELECT a.url, o.name, o.role_kind, o.acting, o.region_code FROM officials o JOIN articles a USING (article_id)",
    "regions": "SELECT a.url, r.code, r.mentions FROM regions r JOIN articles a USING (article_id)",
    "counts": "SELECT a.url, c.value, c.unit, c.paragraph FROM counts c JOIN articles a USING (article_id)",
    "dates": "SELECT a.url, d.text, d.value FROM dates d JOIN articles a USING (article_id)",
}


def demo(db: Path, port: int, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `lkks demo` into `db` as a user would."""
    return subprocess.run([sys.executable, "-m", "pipeline", "demo", "--db", str(db), "--port", str(port)],
                          cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False)


def facts(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every fact table's content, without run ids or timestamps, in a stable order."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in FACT_QUERIES.items()}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, subprocess.CompletedProcess[str]]:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    port = free_port()
    result = demo(db, port)
    return db, port, result


def test_demo_prints_summary_and_queries_and_fills_the_warehouse(
        demo_db: tuple[Path, int, subprocess.CompletedProcess[str]]) -> None:
    db, _, result = demo_db
    assert result.returncode == 0, result.stdout + result.stderr
    assert "articles new" in result.stdout
    assert "SELECT" in result.stdout and "duckdb" in result.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("articles", "events", "officials", "regions", "counts", "paragraphs", "pages", "runs"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
        assert con.execute("SELECT count(DISTINCT source) FROM articles").fetchone()[0] >= 4


def test_the_printed_command_opens_the_warehouse_with_what_is_installed(
        demo_db: tuple[Path, int, subprocess.CompletedProcess[str]]) -> None:
    _, _, result = demo_db
    line = next(line for line in result.stdout.splitlines() if line.startswith("Open the warehouse with:"))
    command = shlex.split(line.split(":", 1)[1])
    shown = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False, cwd=REPO)
    assert shown.returncode == 0, shown.stderr
    assert "rows" in shown.stdout and "columns" in shown.stdout


def _article(con: duckdb.DuckDBPyConnection, needle: str) -> str:
    rows = con.execute("SELECT article_id FROM articles a WHERE EXISTS (SELECT 1 FROM paragraphs p WHERE "
                       "p.article_id = a.article_id AND p.status = 'kept' AND p.text LIKE ?)",
                       [f"%{needle}%"]).fetchall()
    assert rows, f"no article with {needle!r}"
    return str(rows[0][0])


def test_demo_facts_of_the_seed_articles(demo_db: tuple[Path, int, subprocess.CompletedProcess[str]]) -> None:
    db, _, _ = demo_db
    with duckdb.connect(str(db), read_only=True) as con:
        kalsel = _article(con, "Dewi Damayanti Said")
        assert ("inauguration",) in con.execute("SELECT type FROM events WHERE article_id = ?", [kalsel]).fetchall()
        officials = dict(con.execute("SELECT name, role_kind FROM officials WHERE article_id = ?", [kalsel]).fetchall())
        assert officials.get("Muhidin") == "governor"
        assert officials.get("Dewi Damayanti Said") == "org_chair"
        counts = set(con.execute("SELECT value, unit FROM counts WHERE article_id = ?", [kalsel]).fetchall())
        assert (199.0, "LKS") in counts
        assert "63" in {r[0] for r in con.execute("SELECT code FROM regions WHERE article_id = ?", [kalsel]).fetchall()}

        banten = _article(con, "Usman Asshiddiqi Qohara")
        numbers = {r[0] for r in con.execute("SELECT value FROM counts WHERE article_id = ?", [banten]).fetchall()}
        assert not numbers & {8717.0, 805.0, 76.35}

        ekspose = _article(con, "Nurhana")
        statuses = [r[0] for r in con.execute("SELECT status FROM paragraphs WHERE article_id = ?", [ekspose]).fetchall()]
        assert statuses.count("duplicate") >= 7
        assert ("training",) in con.execute("SELECT type FROM events WHERE article_id = ?", [ekspose]).fetchall()

        aceh = _article(con, "Devi Riansyah")
        assert ("coordination_meeting",) in con.execute("SELECT type FROM events WHERE article_id = ?",
                                                        [aceh]).fetchall()


def test_second_demo_run_changes_no_fact(demo_db: tuple[Path, int, subprocess.CompletedProcess[str]]) -> None:
    db, port, _ = demo_db
    before = facts(db)
    again = demo(db, port)
    assert again.returncode == 0, again.stdout + again.stderr
    assert facts(db) == before
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 2


def test_killed_demo_resumes_to_the_same_warehouse(tmp_path: Path,
                                                   demo_db: tuple[Path, int, subprocess.CompletedProcess[str]]) -> None:
    reference_db, port, _ = demo_db
    reference = facts(reference_db)
    rng = random.Random(os.getpid())
    db = tmp_path / "killed.duckdb"
    for _ in range(2):
        process = subprocess.Popen([sys.executable, "-m", "pipeline", "demo", "--db", str(db), "--port", str(port)],
                                   cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(2.5, 6.0))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    final = demo(db, port)
    assert final.returncode == 0, final.stdout + final.stderr
    assert facts(db) == reference
