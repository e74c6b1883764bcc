"""sources.yaml validation: every mistake names file, source and key."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.config import load_config, parse_config
from pipeline.errors import ConfigError
from tests.paths import REPO

GOOD = {"name": "kalsel-mc", "url": "https://mc.example.go.id/", "feeds": ["https://mc.example.go.id/feed/"]}


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_repository_sources_yaml_is_valid_and_covers_several_provinces() -> None:
    config = load_config(REPO / "sources.yaml")
    assert len(config.sources) >= 5
    assert len({s.province for s in config.sources if s.province}) >= 4
    assert all(s.feeds or s.sitemaps or s.listings for s in config.sources)


def test_defaults_are_merged_and_overridable() -> None:
    config = parse_config({"defaults": {"delay_seconds": 3}, "sources": [GOOD, {**GOOD, "name": "b",
                                                                               "delay_seconds": 0.5}]})
    assert config.sources[0].delay_seconds == 3
    assert config.sources[1].delay_seconds == 0.5
    assert config.sources[0].allowed_domains == ["mc.example.go.id"]
    assert config.sources[0].max_page_bytes == 5_000_000


@pytest.mark.parametrize(("source", "key", "words"), [
    ({**GOOD, "colour": "red"}, "colour", "unknown key"),
    ({"name": "x", "feeds": ["https://a.id/feed"]}, "url", "missing"),
    ({**GOOD, "url": "ftp://a.id/"}, "url", "http"),
    ({**GOOD, "name": "Bad Name"}, "name", "[a-z0-9-]+"),
    ({**GOOD, "province": "Kalsel"}, "province", "two-digit"),
    ({"name": "x", "url": "https://a.id/"}, None, "at least one of feeds"),
    ({**GOOD, "listings": [{"url": "https://a.id/?s=x", "link_selector": "a[["}]}, "link_selector", "selector"),
    ({**GOOD, "article": {"body_selector": "div >> p"}}, "body_selector", "selector"),
    ({**GOOD, "delay_seconds": -1}, "delay_seconds", "greater than or equal"),
])
def test_bad_source_is_reported_with_file_source_and_key(tmp_path: Path, source: dict[str, object],
                                                         key: str | None, words: str) -> None:
    path = _write(tmp_path, {"sources": [source]})
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"source '{source['name']}'" in message
    if key:
        assert key in message
    assert words in message


def test_unknown_top_level_key_and_duplicates(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown top-level key"):
        load_config(_write(tmp_path, {"sources": [GOOD], "extra": 1}))
    with pytest.raises(ConfigError, match="duplicate source name"):
        load_config(_write(tmp_path, {"sources": [GOOD, GOOD]}))
    with pytest.raises(ConfigError, match="defaults"):
        load_config(_write(tmp_path, {"defaults": {"timeout_secs": 3}, "sources": [GOOD]}))


def test_unreadable_and_invalid_yaml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("sources:\n  - name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML at line"):
        load_config(broken)


def test_select_only_unknown_name_is_a_config_error() -> None:
    config = parse_config({"sources": [GOOD]})
    assert [s.name for s in config.select(["kalsel-mc"])] == ["kalsel-mc"]
    with pytest.raises(ConfigError, match="no source named nope"):
        config.select(["nope"])
