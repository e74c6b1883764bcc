"""The `lkks` command: the nightly run, the demo, single stages, extraction and evaluation."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb
from rich.console import Console
from rich.markup import escape

from pipeline import __version__
from pipeline.errors import ConfigError, LockedError, PipelineError

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_LOCKED, EXIT_STORAGE = 0, 1, 2, 3, 4
DEFAULT_DB = "warehouse/lkks.duckdb"
DEFAULT_DEMO_DB = "warehouse/demo.duckdb"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _setup_logging(verbosity: int, log_file: str | None) -> None:
    level = logging.WARNING - 10 * verbosity
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file:
        Path(log_file).parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.handlers.RotatingFileHandler(log_file, maxBytes=5_000_000, backupCount=5))
        level = min(level, logging.INFO)
    logging.basicConfig(level=max(level, logging.DEBUG), handlers=handlers, force=True,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _crawl_args(parser: argparse.ArgumentParser, *, with_sources: bool = True) -> None:
    if with_sources:
        parser.add_argument("--sources", default="sources.yaml", help="sources file (default: %(default)s)")
        parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these sources")
    parser.add_argument("--db", default=DEFAULT_DB, help="DuckDB warehouse file (default: %(default)s)")
    parser.add_argument("--archive", help="WARC archive folder (default: warehouse/archive/<db name>)")
    parser.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                        help="processes for extraction and analysis (default: the number of cores, %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per job or stage."""
    parser = argparse.ArgumentParser(
        prog="lkks", description="LKKS/LKS news monitor: regional news about social-welfare bodies into DuckDB.")
    parser.add_argument("--version", action="version", version=f"lkks {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    parser.add_argument("--log-file", help="also log to this file (rotated at 5 MB, 5 kept)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("run", help="discover, fetch, extract, clean, analyse and load every source",
                       description="The nightly job. Exit 0: all sources ran; 1: some failed; 2: usage or "
                                   "configuration error; 3: another run holds the lock; 4: storage error "
                                   "(disk full): nothing published was damaged, re-run to resume.")
    _crawl_args(p)
    p = sub.add_parser("demo", help="the same run over the bundled offline corpus served on 127.0.0.x",
                       description="Serves the bundled demo web locally and runs the real pipeline on it.")
    p.add_argument("--db", default=DEFAULT_DEMO_DB, help="DuckDB warehouse file (default: %(default)s)")
    p.add_argument("--archive", help="WARC archive folder (default: warehouse/archive/demo)")
    p.add_argument("--port", type=int, default=18765, help="port the demo sites listen on (default: %(default)s)")
    for name, text in (("discover", "discovery only: feeds, sitemaps and listings into the frontier"),
                       ("fetch", "fetch only: request pending article URLs and archive them")):
        _crawl_args(sub.add_parser(name, help=text, description=text.capitalize() + "."))
    p = sub.add_parser("process", help="extract, clean, analyse and load archived pages not yet processed",
                       description="Offline: processes archived pages that this extractor version has not seen.")
    _crawl_args(p)
    p = sub.add_parser("reprocess", help="re-extract every archived page without network",
                       description="Offline: rebuilds all article facts from the WARC archive.")
    _crawl_args(p)
    p = sub.add_parser("extract", help="analyse article files and print the contract JSON",
                       description="PATH: .html/.htm page or .txt text (one paragraph per line; optional "
                                   "URL:/TITLE:/PUBLISHED: header closed by ---); '-' reads standard input.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--url", help="the article's URL")
    p.add_argument("--published", type=_date, help="publication date YYYY-MM-DD")
    p = sub.add_parser("check", help="validate a sources file without fetching anything",
                       description="Parses and validates sources.yaml; exit 2 on the first error.")
    p.add_argument("--sources", default="sources.yaml", help="sources file (default: %(default)s)")
    p = sub.add_parser("export", help="write the analyst tables and views as Parquet files",
                       description="Reads the published warehouse read-only; one Parquet file per table or view.")
    p.add_argument("--db", default=DEFAULT_DB, help="DuckDB warehouse file (default: %(default)s)")
    p.add_argument("--parquet", required=True, metavar="DIR", help="output folder")
    p = sub.add_parser("eval", help="score extraction against an annotated gold folder",
                       description="Precision/recall/F1 per field against GOLD_DIR (*.json beside *.txt/*.html).")
    p.add_argument("gold_dir", metavar="GOLD_DIR")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def _cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.process import process_file

    failed = False
    for path in args.paths:
        try:
            obj = process_file(path, url=args.url, published=args.published)
        except PipelineError as exc:
            obj, failed = {"path": path, "error": str(exc)}, True
        except Exception as exc:  # one broken file must not stop the others
            obj, failed = {"path": path, "error": f"{type(exc).__name__}: {exc}"}, True
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=None if len(args.paths) > 1 else 2) + "\n")
    return EXIT_FAILURES if failed else EXIT_OK


def _cmd_run(args: argparse.Namespace, console: Console) -> int:
    from pipeline.config import load_config
    from pipeline.report import ConsoleProgress, print_summary
    from pipeline.run import RunOptions, reprocess, run

    config = load_config(args.sources)
    options = RunOptions(db_path=Path(args.db), archive_dir=Path(args.archive) if args.archive else None,
                         only=getattr(args, "only", None), workers=args.workers)
    if args.command == "reprocess":
        summary = reprocess(config, options.db_path, workers=args.workers)
    else:
        stages = {"run": ("discover", "fetch", "process"), "discover": ("discover",), "fetch": ("fetch",),
                  "process": ("process",)}[args.command]
        with ConsoleProgress(console) as progress:
            options.progress = progress
            summary = run(config, options, command=args.command, stages=stages)
    print_summary(summary, console)
    return summary.exit_code


def _cmd_demo(args: argparse.Namespace, console: Console) -> int:
    from pipeline.demo import run_demo

    return run_demo(Path(args.db), archive_dir=Path(args.archive) if args.archive else None, port=args.port,
                    console=console)


def _cmd_eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import evaluate

    report = evaluate(Path(args.gold_dir))
    sys.stdout.write((json.dumps(report.as_dict(), indent=2) if args.json else report.render()) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `lkks` and `python -m pipeline`."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose, args.log_file)
    # Logs and pipes are read by people too: don't squeeze the summary table into 80 columns there.
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    try:
        if args.command == "extract":
            return _cmd_extract(args)
        if args.command == "check":
            from pipeline.config import load_config

            config = load_config(args.sources)
            console.print(f"{args.sources}: {len(config.sources)} sources OK")
            return EXIT_OK
        if args.command == "demo":
            return _cmd_demo(args, console)
        if args.command == "eval":
            return _cmd_eval(args)
        if args.command == "export":
            from pipeline.export import export_parquet

            if not Path(args.db).exists():
                raise ConfigError("no such warehouse file", file=args.db, key="--db")
            for written in export_parquet(Path(args.db), Path(args.parquet)):
                console.print(str(written))
            return EXIT_OK
        return _cmd_run(args, console)
    except ConfigError as exc:
        console.print(f"[red]configuration error[/red]: {escape(str(exc))}")
        return EXIT_USAGE
    except LockedError as exc:
        console.print(f"[yellow]locked[/yellow]: {escape(str(exc))}")
        return EXIT_LOCKED
    except (OSError, duckdb.Error) as exc:
        # Typically a full or read-only disk under the warehouse or the archive: nothing published is damaged.
        console.print(f"[red]storage error[/red]: {escape(str(exc))}; the published warehouse is unchanged. "
                      "Free space (or fix permissions) and run again: the next run resumes.")
        return EXIT_STORAGE
    except KeyboardInterrupt:
        console.print("interrupted; the next run resumes where this one stopped")
        return 130
