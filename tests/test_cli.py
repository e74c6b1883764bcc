"""The `lkks` command as a user runs it: help everywhere, extract on the seeds, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.cli import build_parser, main
from tests.paths import REPO, seed_path

COMMANDS = ["run", "demo", "discover", "fetch", "process", "reprocess", "extract", "check", "eval", "export"]


def lkks(*args: str, cwd: Path = REPO, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """Run `python -m pipeline ARGS` in a subprocess, as a user would."""
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_every_command_has_help() -> None:
    parser = build_parser()
    assert set(COMMANDS) <= set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    for command in COMMANDS:
        with pytest.raises(SystemExit) as caught:
            main([command, "--help"])
        assert caught.value.code == 0


def test_extract_seed_prints_contract_json() -> None:
    result = lkks("extract", str(seed_path("001")))
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    for key in ("path", "url", "title", "published", "relevant", "paragraphs", "events", "officials", "regions",
                "dates", "counts"):
        assert key in obj
    assert obj["relevant"] is True
    assert {e["type"] for e in obj["events"]} >= {"inauguration"}
    assert "63" in {r["code"] for r in obj["regions"]}
    assert {"Muhidin", "Dewi Damayanti Said"} <= {o["name"] for o in obj["officials"]}
    assert {(c["value"], c["unit"]) for c in obj["counts"]} >= {(199, "LKS")}


def test_extract_seed_000_read_also_numbers_are_no_facts() -> None:
    obj = json.loads(lkks("extract", str(seed_path("000"))).stdout)
    read_also = [p for p in obj["paragraphs"] if p["text"].startswith("Baca juga:")]
    assert len(read_also) == 3 and {p["status"] for p in read_also} == {"boilerplate"}
    facts = json.dumps({k: obj[k] for k in ("events", "officials", "regions", "dates", "counts")})
    for number in ("8717", "8.717", "805", "76.35", "76,35"):
        assert number not in facts
    assert "36" in {r["code"] for r in obj["regions"]}


def test_extract_seed_003_marks_repeated_paragraphs_duplicate() -> None:
    obj = json.loads(lkks("extract", str(seed_path("003"))).stdout)
    duplicates = [p for p in obj["paragraphs"] if p["status"] == "duplicate"]
    assert len(duplicates) == 7
    assert all(obj["paragraphs"][p["duplicate_of"]]["text"] == p["text"] for p in duplicates)
    assert all(c["paragraph"] not in {p["index"] for p in duplicates} for c in obj["counts"])


def test_extract_several_paths_gives_json_lines_and_errors_in_place(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("PUBLISHED: 2025-02-03\n---\nKetua LKKS Kabupaten Kendal melantik 20 pengurus LKS.\n",
                    encoding="utf-8")
    result = lkks("extract", str(good), str(tmp_path / "missing.txt"), str(good))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [("error" in line) for line in lines] == [False, True, False]
    assert lines[1]["path"].endswith("missing.txt")
    assert result.returncode != 0


def test_extract_reads_standard_input() -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", "-", "--published", "2025-10-08"],
                            input="Rabu, pengurus LKKS Provinsi Banten dilantik.\n", capture_output=True,
                            text=True, cwd=REPO, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["published"] == "2025-10-08"


@pytest.mark.parametrize(("mutation", "expected"), [
    ('    province: "63"\n', '    province: "63"\n    colour: red\n'),
    ("    url: https://diskominfomc.kalselprov.go.id/\n", ""),
    ('        link_selector: "h2.entry-title a"\n', '        link_selector: "h2[[ a"\n'),
])
def test_malformed_sources_exit_2_before_any_request(tmp_path: Path, mutation: str, expected: str) -> None:
    text = (REPO / "sources.yaml").read_text(encoding="utf-8")
    assert mutation in text
    bad = tmp_path / "sources.yaml"
    bad.write_text(text.replace(mutation, expected, 1), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    result = lkks("run", "--sources", str(bad), "--db", str(db))
    assert result.returncode == 2
    assert str(bad) in result.stdout and "kalsel-mc" in result.stdout
    assert not db.exists()


def test_run_with_real_sources_offline_exits_1_with_a_line_per_source(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    result = lkks("run", "--db", str(db), "--only", "kalsel-mc", "antara-banten", "orinews-aceh")
    assert result.returncode == 1, result.stdout + result.stderr
    for name in ("kalsel-mc", "antara-banten", "orinews-aceh"):
        assert any(name in line and "unreachable" in line for line in result.stdout.splitlines()), result.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        status, failed, errors = con.execute("SELECT status, sources_failed, errors FROM runs").fetchone()
    assert (status, failed) == ("completed_with_failures", 3)
    assert "unreachable" in errors
