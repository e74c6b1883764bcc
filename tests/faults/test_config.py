"""Malformed sources.yaml of every kind → exit 2 naming file, source and key; a source broken at run time fails alone.

tests/test_config.py covers unknown keys, missing url, bad scheme/name/province, no endpoint, invalid CSS,
negative delay, unknown top-level key, duplicates, bad defaults key, unreadable and invalid YAML;
tests/test_cli.py covers exit 2 from `lkks run` before any request. This file adds the remaining kinds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import Config, Defaults, Source
from pipeline.demo.server import FakeWeb, Response
from pipeline.run import RunOptions, run
from tests.conftest import Faults
from tests.faults import rows

SourceFactory = Callable[..., Source]
GOOD = "sources:\n  - name: kalsel-mc\n    url: https://mc.example.go.id/\n    feeds: [https://mc.example.go.id/feed/]\n"


def _alias_bomb() -> str:
    """Nine levels of nine aliases: 9**9 strings if anything expanded the references into copies."""
    levels = ['&a0 ["LKKS", "LKKS", "LKKS", "LKKS", "LKKS", "LKKS", "LKKS", "LKKS", "LKKS"]']
    levels += [f"&a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return ("sources:\n  - name: bom\n    url: https://a.id/\n    feeds: [https://a.id/f]\n"
            f"    keywords: [{', '.join(levels)}]\n")


# (file content, source label expected in the message or None, key expected or None, words expected)
CASES: dict[str, tuple[str | bytes, str | None, str | None, str]] = {
    "empty file": ("", None, None, "must be a mapping"),
    "top level is a list": ("- name: a\n", None, None, "must be a mapping"),
    "sources is a mapping": ("sources:\n  name: a\n", None, "sources", "at least one source"),
    "sources is empty": ("sources: []\n", None, "sources", "at least one source"),
    "a source is a string": ("sources:\n  - kalsel-mc\n", "#1", None, "must be a mapping"),
    "second source broken": (GOOD + "  - name: dua\n    url: https://b.id/\n    feeds: https://b.id/f\n",
                             "dua", "feeds", "valid list"),
    "listing without selector": (GOOD + "    listings:\n      - url: https://mc.example.go.id/?s=LKKS\n",
                                 "kalsel-mc", "listings.0.link_selector", "missing"),
    "listing is a string": (GOOD + "    listings: ['https://mc.example.go.id/?s=LKKS']\n", "kalsel-mc", "listings.0",
                            "valid dictionary"),
    "feed is not http": (GOOD.replace("[https://mc.example.go.id/feed/]", "[mc.example.go.id/feed]"),
                         "kalsel-mc", "feeds", "http"),
    "timeout is a word": (GOOD + "    timeout_seconds: fast\n", "kalsel-mc", "timeout_seconds", "valid number"),
    "infinite delay": (GOOD + "    delay_seconds: .inf\n", "kalsel-mc", "delay_seconds", "finite"),
    "NaN timeout": (GOOD + "    timeout_seconds: .nan\n", "kalsel-mc", "timeout_seconds", "finite"),
    "age beyond a century": (GOOD + "    max_age_days: 100000000\n", "kalsel-mc", "max_age_days", "less than"),
    "no keyword": (GOOD + "    keywords: []\n", "kalsel-mc", "keywords", "at least one non-blank keyword"),
    "blank keywords": (GOOD + "    keywords: ['', '  ']\n", "kalsel-mc", "keywords", "non-blank"),
    "keywords is a string": (GOOD + "    keywords: LKKS\n", "kalsel-mc", "keywords", "valid list"),
    "too many retries": (GOOD + "    max_retries: 11\n", "kalsel-mc", "max_retries", "less than or equal"),
    "no concurrency": (GOOD + "    concurrency_per_host: 0\n", "kalsel-mc", "concurrency_per_host", "greater"),
    "enabled is not a boolean": (GOOD + "    enabled: perhaps\n", "kalsel-mc", "enabled", "valid boolean"),
    "article hints is a list": (GOOD + "    article: []\n", "kalsel-mc", "article", "valid dictionary"),
    "unknown article hint": (GOOD + "    article: {body: div}\n", "kalsel-mc", "article.body", "unknown key"),
    "name is a number": ("sources:\n  - name: 123\n    url: https://a.id/\n    feeds: [https://a.id/f]\n",
                         "123", "name", "valid string"),
    "SQL in a name": ("sources:\n  - name: \"x'; DROP TABLE sources; --\"\n    url: https://a.id/\n"
                      "    feeds: [https://a.id/f]\n", "x'; DROP TABLE sources; --", "name", "must match"),
    "defaults is a list": ("defaults: [1, 2]\n" + GOOD, None, "defaults", "valid dictionary"),
    "bad default value": ("defaults:\n  delay_seconds: -1\n" + GOOD, None, "defaults.delay_seconds",
                          "greater than or equal"),
    "tab indentation": ("sources:\n\t- name: a\n", None, None, "not valid YAML at line 2"),
    "not UTF-8": ("sources:\n  - name: caf\xe9\n".encode("latin-1"), None, None, "not UTF-8"),
    "nested too deeply": ("sources: " + "[" * 5000 + "]" * 5000 + "\n", None, None, "nested too deeply"),
    "alias bomb": (_alias_bomb(), "bom", "keywords.0", "valid string"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_sources_file_exits_2_naming_file_source_and_key(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, source, key, words = CASES[case]
    path = tmp_path / "sources.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    started = time.monotonic()
    assert main(["check", "--sources", str(path)]) == 2
    assert time.monotonic() - started < 5  # the alias bomb must not expand
    out = " ".join(capsys.readouterr().out.split())  # undo the console's line wrapping
    assert "configuration error" in out and str(path) in out
    if source is not None:
        assert f"source {source!r}" in out
    if key is not None:
        assert f"key '{key}" in out
    assert words in out


def test_a_source_whose_listing_breaks_fails_alone(fakeweb: FakeWeb, faults: Faults, make_source: SourceFactory,
                                                  tmp_path: Path) -> None:
    base = fakeweb.base_url("news")
    faults.always("news", "/rusak", Response(500, {"Content-Type": "text/html"}, b"<h1>error</h1>"))
    broken = make_source(name="rusak", feeds=[], sitemaps=[], max_retries=0,
                         listings=[{"url": base + "/rusak", "link_selector": "h2 a"}])
    # Valid CSS that matches nothing: the site changed its markup. Reported, not silently empty.
    redesigned = make_source(name="berubah", feeds=[], sitemaps=[], listings=[
        {"url": base + "/?s=LKKS", "link_selector": "div.judul-lama a", "next_selector": "a.next"}])
    healthy = make_source(max_age_days=None)
    db = tmp_path / "w.duckdb"
    config = Config(path="sources.yaml", defaults=Defaults.model_validate({}), sources=[broken, redesigned, healthy])
    summary = run(config, RunOptions(db_path=db, allow_private=True, workers=1))
    assert summary.exit_code == 1 and summary.totals["sources_failed"] == 1
    report = {r.name: r for r in summary.sources}
    assert report["rusak"].error and "unreachable" in report["rusak"].error and "HTTP 500" in report["rusak"].error
    assert report["berubah"].error is None and report["berubah"].candidates == 0
    assert any("berubah" in e and "matched nothing on the first page" in e for e in summary.errors)
    assert report["news"].error is None and summary.totals["articles_new"] >= 4
    health = dict((name, (healthy_flag, error)) for name, healthy_flag, error in rows(
        db, "SELECT name, healthy, last_error FROM sources"))
    assert health["news"] == (True, None) and health["berubah"] == (True, None)
    assert health["rusak"][1] and "HTTP 500" in health["rusak"][1]
