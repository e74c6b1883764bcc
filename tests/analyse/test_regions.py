"""find_regions: one entry per region code, counted, with evidence in the kept paragraphs only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.analyse import gazetteer
from pipeline.analyse.context import ArticleText
from pipeline.analyse.regions import find_regions
from pipeline.models import Document, Paragraph, ParagraphStatus

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def make_article(paragraphs: list[str | tuple[str, ParagraphStatus]], *, published: dt.date | None = None,
                 title: str | None = None) -> ArticleText:
    """An ArticleText from paragraph strings; a (text, status) pair marks a paragraph that is not kept."""
    items = []
    for index, item in enumerate(paragraphs):
        text, status = (item, "kept") if isinstance(item, str) else item
        items.append(Paragraph(index=index, text=text, status=status))
    return ArticleText.from_document(Document(paragraphs=items, published=published, title=title))


def seed_article(prefix: str) -> ArticleText:
    """A seed (one paragraph per non-empty line) with 'Baca juga' lines and repeats marked as not kept."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available here")
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not found")
    seen: set[str] = set()
    paragraphs: list[str | tuple[str, ParagraphStatus]] = []
    for line in paths[0].read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if not text:
            continue
        if text.lower().startswith("baca juga"):
            paragraphs.append((text, "boilerplate"))
        elif text in seen:
            paragraphs.append((text, "duplicate"))
        else:
            seen.add(text)
            paragraphs.append(text)
    return make_article(paragraphs)


def code_of(name: str) -> str:
    found = [r for r in gazetteer.regions() if r.name == name and r.level != "kecamatan"]
    assert len(found) == 1, name
    return found[0].code


def codes(article: ArticleText) -> dict[str, int]:
    return {r.code: r.mentions for r in find_regions(article) if r.level != "kecamatan"}


def test_seed_001_kalsel() -> None:
    found = codes(seed_article("001"))
    assert found.keys() == {code_of("Kalimantan Selatan"), code_of("Kabupaten Tanah Bumbu"),
                            code_of("Kabupaten Kotabaru"), code_of("Kota Banjarmasin")}
    assert found[code_of("Kalimantan Selatan")] >= 5
    assert found["63.10"] == 1 and found["63.02"] == 1


def test_seed_000_dateline_city_and_province() -> None:
    assert codes(seed_article("000")).keys() == {code_of("Banten"), code_of("Kota Serang")}


def test_seed_002_pekalongan_city_only() -> None:
    assert codes(seed_article("002")) == {code_of("Kota Pekalongan"): 6}


def test_seed_003_duplicates_do_not_count() -> None:
    found = codes(seed_article("003"))
    assert found.keys() == {code_of("Banten"), code_of("Kota Serang")}
    assert found[code_of("Kota Serang")] == 1


def test_seed_004_aceh() -> None:
    assert codes(seed_article("004")).keys() == {code_of("Aceh"), code_of("Kota Banda Aceh"),
                                                 code_of("Kabupaten Bireuen")}


def test_entries_carry_official_name_level_and_evidence() -> None:
    article = make_article([
        ("Baca juga: Banjir di Kabupaten Pandeglang", "boilerplate"),
        "Gubernur Kalsel melantik pengurus LKKS Kabupaten Tanah Bumbu.",
        "Pengurus LKKS Tanah Bumbu berjumlah 30 orang, kata Gubernur Kalimantan Selatan.",
    ])
    found = find_regions(article)
    assert [(r.name, r.level, r.mentions) for r in found] == [
        ("Kalimantan Selatan", "provinsi", 2), ("Kabupaten Tanah Bumbu", "kabupaten", 2)]
    evidence = found[1].evidence
    assert evidence is not None
    assert evidence.paragraph == 1
    assert article.paragraphs[0].text[evidence.start:evidence.end] == "Kabupaten Tanah Bumbu"


def test_not_kept_paragraphs_give_no_regions() -> None:
    article = make_article(["LKKS menggelar rapat.", ("Baca juga: 805 balita di Kabupaten Tangerang", "boilerplate")])
    assert find_regions(article) == []
    assert find_regions(make_article([])) == []


def test_title_settles_a_name_found_in_two_provinces() -> None:
    # Kabupaten Banjar (Kalsel) or Kota Banjar (Jawa Barat): the headline's province decides.
    body = ["Pengurus LKKS di Banjar dikukuhkan hari ini."]
    in_kalsel = find_regions(make_article(body, title="LKKS Kalsel kukuhkan pengurus"))
    in_jabar = find_regions(make_article(body, title="Jabar: LKKS kukuhkan pengurus"))
    assert [r.name for r in in_kalsel] == ["Kabupaten Banjar"]
    assert [r.name for r in in_jabar] == ["Kota Banjar"]


def test_body_province_settles_a_shared_name() -> None:
    article = make_article(["Wali Kota Banjar meresmikan panti di Jawa Barat.", "Di Banjar, 20 LKS aktif."])
    assert [r.name for r in find_regions(article)] == ["Kota Banjar", "Jawa Barat"]


def test_varied_outlets_and_provinces() -> None:
    article = make_article([
        "MAKASSAR, FAJAR - Dinas Sosial Sulsel menggelar bimtek bagi LKS dari Kabupaten Gowa, Maros, "
        "Pangkep dan Kota Parepare.",
        "Kegiatan dibuka Sekda Provinsi Sulawesi Selatan di Hotel Claro.",
    ])
    names = [r.name for r in find_regions(article)]
    assert names == ["Kota Makassar", "Sulawesi Selatan", "Kabupaten Gowa", "Kabupaten Maros",
                     "Kabupaten Pangkajene dan Kepulauan", "Kota Parepare"]


def test_districts_are_listed_with_their_level() -> None:
    article = make_article(["Bantuan disalurkan di Kecamatan Cikarang Pusat, Kabupaten Bekasi."])
    found = find_regions(article)
    assert [(r.level, r.name) for r in found] == [("kecamatan", "Cikarang Pusat"), ("kabupaten", "Kabupaten Bekasi")]
    assert [r.level for r in find_regions(article, districts=False)] == ["kabupaten"]
