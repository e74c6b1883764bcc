"""`lkks demo`: serve the bundled offline corpus on 127.0.0.x and run the real pipeline against it."""

from __future__ import annotations

from pathlib import Path

import yaml
from rich.console import Console

from pipeline.config import Config, parse_config
from pipeline.demo.server import FakeWeb

CORPUS = Path(__file__).resolve().parent / "corpus"
SOURCES_TEMPLATE = CORPUS / "sources.demo.yaml"


def corpus_sites(corpus: Path = CORPUS) -> dict[str, Path]:
    """Site name -> folder of every demo site."""
    return {d.name: d for d in sorted(corpus.iterdir()) if d.is_dir()}


def demo_config(web: FakeWeb) -> Config:
    """The demo sources.yaml with the running sites' addresses filled in."""
    text = web.render(SOURCES_TEMPLATE.read_text(encoding="utf-8"))
    return parse_config(yaml.safe_load(text), str(SOURCES_TEMPLATE))


def run_demo(db_path: Path, *, archive_dir: Path | None = None, port: int = 18765,
             console: Console | None = None) -> int:
    """Serve the corpus, run the pipeline into `db_path`, print the summary and example queries."""
    from pipeline.report import ConsoleProgress, print_queries, print_summary
    from pipeline.run import RunOptions, run
    from pipeline.warehouse import Warehouse

    console = console or Console(highlight=False)
    with FakeWeb(corpus_sites(), port=port) as web, ConsoleProgress(console) as progress:
        config = demo_config(web)
        console.print(f"Serving {len(config.sources)} demo sites on 127.0.0.x:{port}; warehouse {db_path}")
        options = RunOptions(db_path=db_path, archive_dir=archive_dir, allow_private=True, progress=progress)
        summary = run(config, options, command="demo")
    print_summary(summary, console)
    with Warehouse(db_path, read_only=True) as wh:
        counts = wh.table_counts()
    console.print("rows: " + ", ".join(f"{table} {n}" for table, n in counts.items()), highlight=False)
    print_queries(str(db_path), console)
    return summary.exit_code
