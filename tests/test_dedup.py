"""Dedup: syndicated copies cluster, distinct events stay apart, results ignore load order and reruns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pytest

from pipeline.dedup import DEDUP_SCHEMA, DedupStats, deduplicate, minhash
from pipeline.dedup import events as events_module
from pipeline.dedup.events import regions_compatible
from pipeline.dedup.minhash import (
    MinHashParams,
    candidate_pairs,
    connected_components,
    estimated_similarity,
    jaccard,
    near_duplicates,
    shingle_set,
    signatures,
)
from pipeline.models import (
    Analysis,
    Document,
    Event,
    EventType,
    Evidence,
    Official,
    Organization,
    Paragraph,
    RegionMention,
)
from pipeline.warehouse import Warehouse

BANJAR = [
    "Bupati Banjar H. Saidi Mansyur melantik 45 pengurus Lembaga Koordinasi Kesejahteraan Sosial (LKKS) "
    "Kabupaten Banjar masa bakti 2025-2030 di Aula Barakat Martapura, Rabu (8/10/2025).",
    "Pelantikan tersebut turut dihadiri Ketua LKKS Provinsi Kalimantan Selatan Hj. Fathul Jannah Muhidin "
    "beserta jajaran pengurus provinsi dan para kepala perangkat daerah.",
    "Dalam sambutannya, Saidi Mansyur meminta pengurus yang baru dilantik segera menyusun program kerja yang "
    "menyentuh langsung masyarakat kurang mampu, lansia terlantar dan anak yatim di 20 kecamatan.",
    "“LKKS adalah mitra strategis pemerintah daerah. Kami berharap koordinasi dengan lembaga kesejahteraan "
    "sosial di desa-desa semakin kuat sehingga bantuan tepat sasaran,” ujarnya.",
    "Ketua LKKS Kabupaten Banjar yang baru, Hj. Rahmah Saidi, menyatakan siap bersinergi dengan Dinas Sosial "
    "dan 86 lembaga kesejahteraan sosial yang terdaftar di Kabupaten Banjar.",
    "Ia menambahkan, dalam waktu dekat LKKS akan menggelar rapat kerja untuk memetakan permasalahan sosial, "
    "mulai dari kemiskinan ekstrem hingga penanganan orang dengan gangguan jiwa.",
    "Kepala Dinas Sosial Kabupaten Banjar menyebutkan pemerintah daerah telah menyiapkan dukungan anggaran "
    "hibah agar program LKKS dapat berjalan sepanjang tahun 2026.",
]
TAPIN = [
    "Bupati Tapin H. Arifin Arpan melantik pengurus Lembaga Koordinasi Kesejahteraan Sosial (LKKS) Kabupaten "
    "Tapin periode 2025-2030 di ruang rapat Bupati, Rantau, Kamis (9/10/2025).",
    "Pelantikan tersebut turut dihadiri Ketua LKKS Provinsi Kalimantan Selatan Hj. Fathul Jannah Muhidin.",
    "Arifin berpesan agar LKKS Tapin aktif mendata warga miskin dan penyandang disabilitas serta mendorong "
    "dunia usaha menyalurkan tanggung jawab sosialnya.",
    "“Masalah sosial tidak bisa ditangani pemerintah sendiri, perlu gotong royong seluruh elemen "
    "masyarakat,” katanya.",
    "Ketua LKKS Kabupaten Tapin, Hj. Nurul Hidayah, mengatakan pengurus akan segera menyusun program kerja "
    "bersama Dinas Sosial Tapin.",
]
BANJAR_REWRITE = [  # the same inauguration, reported independently by another outlet
    "Sebanyak 45 pengurus LKKS Kabupaten Banjar resmi dikukuhkan untuk masa bakti lima tahun ke depan.",
    "Prosesi pengukuhan dipimpin langsung oleh Bupati Saidi Mansyur di Martapura pada Rabu siang dan "
    "disaksikan para camat serta tokoh masyarakat.",
    "Bupati menilai keberadaan LKKS penting untuk menjembatani program pemerintah dengan lembaga sosial di "
    "tingkat desa.",
    "Rahmah Saidi selaku ketua terpilih berjanji memperbanyak kegiatan santunan dan pendampingan bagi "
    "keluarga rentan.",
]

SAIDI = Official("Saidi Mansyur", "H. Saidi Mansyur", "Bupati Banjar", "regent", region_code="63.03")
FATHUL = Official("Fathul Jannah Muhidin", "Hj. Fathul Jannah Muhidin", "Ketua LKKS Provinsi Kalimantan Selatan",
                  "org_chair", region_code="63")
RAHMAH = Official("Rahmah Saidi", "Hj. Rahmah Saidi", "Ketua LKKS Kabupaten Banjar", "org_chair",
                  region_code="63.03")
ARIFIN = Official("Arifin Arpan", "H. Arifin Arpan", "Bupati Tapin", "regent", region_code="63.05")


@dataclass
class Spec:
    """One article to load: body, metadata and the single event the analyser found in it."""

    article_id: str
    source: str
    title: str
    published: dt.date
    paragraphs: list[str]
    event_type: EventType = "inauguration"
    event_date: dt.date | None = None
    region: str | None = None
    organization: str | None = None
    event_paragraph: int = 0
    officials: list[Official] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)


def _banjar(article_id: str, source: str, paragraphs: list[str], *, title: str = "Bupati Banjar lantik LKKS",
            published: dt.date = dt.date(2025, 10, 8), event_date: dt.date | None = dt.date(2025, 10, 8),
            event_paragraph: int = 0, boilerplate: Sequence[str] = ()) -> Spec:
    return Spec(article_id, source, title, published, paragraphs, event_date=event_date, region="63.03",
                organization="LKKS Kabupaten Banjar", event_paragraph=event_paragraph,
                officials=[SAIDI, FATHUL, RAHMAH], boilerplate=list(boilerplate))


def corpus() -> list[Spec]:
    """An original press release, three syndicated variants, an independent report and another inauguration."""
    reordered = [BANJAR[0], BANJAR[2], BANJAR[1], BANJAR[4], BANJAR[3], BANJAR[5]]  # last paragraph dropped
    edited = list(BANJAR)
    edited[3] = edited[3].replace("Kami berharap", "Saya berharap")
    return [
        _banjar("zz-antara-1", "antara-kalsel", BANJAR),
        # dateline added, headline changed, one word edited, the date left unresolved by the analyser
        _banjar("aa-kalselpos-7", "kalselpos", ["Martapura (Kalselpos) -", *edited],
                title="45 pengurus LKKS Banjar resmi dilantik", published=dt.date(2025, 10, 9), event_date=None,
                event_paragraph=1, boilerplate=["Baca juga: Harga cabai di Martapura naik"]),
        # reordered paragraphs, one dropped, republished by the same wire on another URL
        _banjar("mm-antara-2", "antara-kalsel", reordered, title="LKKS Banjar dilantik, bupati minta kerja nyata",
                published=dt.date(2025, 10, 10)),
        Spec("rr-radar-3", "radar-banjarmasin", "Pengurus LKKS Banjar dikukuhkan", dt.date(2025, 10, 8),
             BANJAR_REWRITE, event_date=dt.date(2025, 10, 8), region="63.03", organization="LKKS Kabupaten Banjar",
             officials=[SAIDI, RAHMAH]),
        Spec("tt-tapin-4", "tapinkab", "Bupati Tapin lantik pengurus LKKS", dt.date(2025, 10, 9), TAPIN,
             event_date=dt.date(2025, 10, 9), region="63.05", organization="LKKS Kabupaten Tapin",
             officials=[ARIFIN, FATHUL]),
    ]


def load(wh: Warehouse, spec: Spec, run_id: str = "r1") -> None:
    """Load one article the way the process stage does."""
    paragraphs = [Paragraph(i, text) for i, text in enumerate(spec.paragraphs)]
    paragraphs += [Paragraph(len(paragraphs) + i, text, "boilerplate", "read_also")
                   for i, text in enumerate(spec.boilerplate)]
    document = Document(paragraphs=paragraphs, url=f"https://{spec.source}.example.id/{spec.article_id}",
                        title=spec.title, published=spec.published, source=spec.source)
    organizations = [Organization("LKKS", spec.organization, spec.region)] if spec.organization else []
    event = Event(spec.event_type, spec.event_date, None, 2025, 2030, "past", organizations, spec.region,
                  Evidence(spec.event_paragraph, 0, 30))
    regions = [RegionMention("x", "kabupaten", spec.region)] if spec.region else []
    analysis = Analysis(relevant=True, events=[event], officials=list(spec.officials), regions=regions)
    wh.load_article(spec.article_id, document, analysis, run_id=run_id)


def build(path: Path, specs: Sequence[Spec]) -> Warehouse:
    wh = Warehouse(path)
    for spec in specs:
        load(wh, spec)
    return wh


def as_list(value: object) -> list[str]:
    """A list column as stored by the analyst layer, or the '; '-joined text of DEDUP_SCHEMA."""
    if isinstance(value, str):
        return value.split("; ") if value else []
    assert isinstance(value, list)
    return value


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    return {table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            for table in ("article_clusters", "event_groups", "event_mentions")}


# warehouse stage ------------------------------------------------------------------------------------------

def test_syndicated_variants_cluster_and_the_earliest_is_canonical(tmp_path: Path) -> None:
    with build(tmp_path / "w.duckdb", corpus()) as wh:
        stats = deduplicate(wh.con)
        rows = {r[0]: r[1:] for r in wh.con.execute(
            "SELECT article_id, cluster_id, canonical_article_id, similarity FROM article_clusters").fetchall()}
    assert stats == DedupStats(articles=5, clusters=3, duplicates=2, event_groups=2, events=5,
                               signatures_computed=5)
    # zz-antara-1 sorts last by id but was published first: the rule is age, not id
    for copy in ("aa-kalselpos-7", "mm-antara-2"):
        cluster_id, canonical, similarity = rows[copy]
        assert (cluster_id, canonical) == ("zz-antara-1", "zz-antara-1")
        assert 0.5 <= similarity < 1.0
    assert rows["zz-antara-1"] == ("zz-antara-1", "zz-antara-1", 1.0)
    # an independent rewrite of the same event is not a copy, and neither is another regency's inauguration
    assert rows["rr-radar-3"] == ("rr-radar-3", "rr-radar-3", 1.0)
    assert rows["tt-tapin-4"] == ("tt-tapin-4", "tt-tapin-4", 1.0)


def test_inaugurations_in_two_regencies_the_same_week_stay_apart(tmp_path: Path) -> None:
    with build(tmp_path / "w.duckdb", corpus()) as wh:
        deduplicate(wh.con)
        groups = wh.con.execute(
            """SELECT region_code, type, date_start, date_end, n_articles, n_sources FROM event_groups
               ORDER BY region_code""").fetchall()
        tapin_text_cluster = wh.con.execute(
            "SELECT count(*) FROM article_clusters WHERE cluster_id = 'tt-tapin-4'").fetchone()
    # same type, one day apart, a shared official (the provincial LKKS chair), but 63.03 vs 63.05
    assert groups == [
        ("63.03", "inauguration", dt.date(2025, 10, 8), dt.date(2025, 10, 8), 4, 3),
        ("63.05", "inauguration", dt.date(2025, 10, 9), dt.date(2025, 10, 9), 1, 1),
    ]
    assert tapin_text_cluster == (1,)


def test_event_mentions_count_outlets_not_copies(tmp_path: Path) -> None:
    with build(tmp_path / "w.duckdb", corpus()) as wh:
        deduplicate(wh.con)
        group = wh.con.execute(
            """SELECT group_id, canonical_event_id, n_articles, n_sources, organizations, key_officials
               FROM event_groups WHERE region_code = '63.03'""").fetchone()
        mentions = wh.con.execute(
            "SELECT event_id, article_id, source, paragraph FROM event_mentions WHERE group_id = ? ORDER BY ALL",
            [group[0] if group else None]).fetchall()
    assert group is not None
    # the earliest report: published 8 Oct like zz-antara-1, and first by id among equals
    assert group[:4] == ("rr-radar-3:0", "rr-radar-3:0", 4, 3)
    assert as_list(group[4]) == ["LKKS Kabupaten Banjar"]
    # named in all four reports first; the provincial chair is in three of them
    assert as_list(group[5]) == ["Rahmah Saidi (Ketua LKKS Kabupaten Banjar)", "Saidi Mansyur (Bupati Banjar)",
                                 "Fathul Jannah Muhidin (Ketua LKKS Provinsi Kalimantan Selatan)"]
    assert mentions == [
        ("aa-kalselpos-7:0", "aa-kalselpos-7", "kalselpos", 1),
        ("mm-antara-2:0", "mm-antara-2", "antara-kalsel", 0),
        ("rr-radar-3:0", "rr-radar-3", "radar-banjarmasin", 0),
        ("zz-antara-1:0", "zz-antara-1", "antara-kalsel", 0),
    ]


def test_three_outlets_reporting_one_event_make_one_group_with_three_sources(tmp_path: Path) -> None:
    specs = [s for s in corpus() if s.article_id in {"zz-antara-1", "aa-kalselpos-7", "rr-radar-3"}]
    with build(tmp_path / "w.duckdb", specs) as wh:
        stats = deduplicate(wh.con)
        groups = wh.con.execute("SELECT n_articles, n_sources FROM event_groups").fetchall()
    assert (stats.events, stats.event_groups) == (3, 1)
    assert groups == [(3, 3)]


def test_load_order_does_not_change_the_result(tmp_path: Path) -> None:
    specs = corpus()
    with build(tmp_path / "forward.duckdb", specs) as wh:
        deduplicate(wh.con)
        forward = snapshot(wh.con)
    with build(tmp_path / "backward.duckdb", [specs[i] for i in (3, 4, 1, 0, 2)]) as wh:
        deduplicate(wh.con)
        backward = snapshot(wh.con)
    assert forward == backward
    assert len(forward["article_clusters"]) == 5 and len(forward["event_mentions"]) == 5


def test_rerunning_is_idempotent_and_reuses_signatures(tmp_path: Path) -> None:
    specs = corpus()
    with build(tmp_path / "w.duckdb", specs) as wh:
        first_stats = deduplicate(wh.con)
        first = snapshot(wh.con)
        stored = wh.con.execute("SELECT * FROM article_signatures ORDER BY article_id").fetchall()
        second_stats = deduplicate(wh.con)
        assert snapshot(wh.con) == first
        assert wh.con.execute("SELECT * FROM article_signatures ORDER BY article_id").fetchall() == stored
        assert first_stats.signatures_computed == 5 and second_stats.signatures_computed == 0
        # a reload with the same body costs nothing; a changed body is hashed again and re-clustered
        load(wh, specs[2], run_id="r2")
        assert deduplicate(wh.con).signatures_computed == 0
        tapin_rewrite = Spec(**{**specs[2].__dict__, "paragraphs": TAPIN})
        load(wh, tapin_rewrite, run_id="r3")
        stats = deduplicate(wh.con)
        assert stats.signatures_computed == 1
        cluster = wh.con.execute(
            "SELECT cluster_id FROM article_clusters WHERE article_id = 'mm-antara-2'").fetchone()
        assert cluster == ("tt-tapin-4",)  # now a copy of the Tapin release, which is older


def test_deleted_articles_lose_their_signature_and_cluster(tmp_path: Path) -> None:
    with build(tmp_path / "w.duckdb", corpus()) as wh:
        deduplicate(wh.con)
        wh.con.execute("DELETE FROM articles WHERE article_id = 'zz-antara-1'")
        stats = deduplicate(wh.con)
        ids = [r[0] for r in wh.con.execute("SELECT article_id FROM article_signatures ORDER BY 1").fetchall()]
        canonical = wh.con.execute(
            "SELECT DISTINCT canonical_article_id FROM article_clusters WHERE article_id LIKE '%antara%' "
            "OR article_id LIKE '%kalselpos%'").fetchall()
    assert "zz-antara-1" not in ids and stats.articles == 4
    assert canonical == [("aa-kalselpos-7",)]  # the next oldest copy takes over


def test_a_failure_rolls_back_to_the_previous_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with build(tmp_path / "w.duckdb", corpus()) as wh:
        deduplicate(wh.con)
        before = snapshot(wh.con)
        load(wh, Spec("new-5", "x", "Baru", dt.date(2025, 10, 11), TAPIN[:3]))

        def broken(*_args: object, **_kwargs: object) -> list[object]:
            raise RuntimeError("boom")

        monkeypatch.setattr("pipeline.dedup.group_events", broken)
        with pytest.raises(RuntimeError):
            deduplicate(wh.con)
        assert snapshot(wh.con) == before
        assert wh.con.execute("SELECT count(*) FROM article_signatures WHERE article_id = 'new-5'").fetchone() == (0,)


def test_schema_is_idempotent_and_an_empty_warehouse_is_fine(tmp_path: Path) -> None:
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.con.execute(DEDUP_SCHEMA)
        wh.con.execute(DEDUP_SCHEMA)
        assert deduplicate(wh.con) == DedupStats(0, 0, 0, 0, 0)


def test_list_columns_are_filled_whichever_schema_created_event_groups(tmp_path: Path) -> None:
    specs = [s for s in corpus() if s.article_id in {"zz-antara-1", "rr-radar-3"}]
    with build(tmp_path / "w.duckdb", specs) as wh:
        wh.con.execute("DROP TABLE IF EXISTS event_groups")
        wh.con.execute(DEDUP_SCHEMA)  # the text-column variant
        deduplicate(wh.con)
        as_text = wh.con.execute("SELECT organizations, key_officials FROM event_groups").fetchall()
        wh.con.execute("DROP TABLE event_groups")
        wh.con.execute(DEDUP_SCHEMA.replace("organizations VARCHAR", "organizations VARCHAR[]")
                       .replace("key_officials VARCHAR", "key_officials VARCHAR[]"))
        deduplicate(wh.con)
        as_lists = wh.con.execute("SELECT organizations, key_officials FROM event_groups").fetchall()
    officials = ["Rahmah Saidi (Ketua LKKS Kabupaten Banjar)", "Saidi Mansyur (Bupati Banjar)",
                 "Fathul Jannah Muhidin (Ketua LKKS Provinsi Kalimantan Selatan)"]
    assert as_text == [("LKKS Kabupaten Banjar", "; ".join(officials))]
    assert as_lists == [(["LKKS Kabupaten Banjar"], officials)]


# event grouping rules -------------------------------------------------------------------------------------

def test_events_without_dates_group_only_inside_an_article_cluster(tmp_path: Path) -> None:
    specs = [
        _banjar("a1", "one", BANJAR, event_date=None),
        _banjar("a2", "two", [BANJAR[1], *BANJAR[:1], *BANJAR[2:]], event_date=None),
        _banjar("b1", "three", BANJAR_REWRITE, event_date=None),
    ]
    with build(tmp_path / "w.duckdb", specs) as wh:
        deduplicate(wh.con)
        groups = wh.con.execute("SELECT n_articles, n_sources FROM event_groups ORDER BY 1").fetchall()
    assert groups == [(1, 1), (2, 2)]


def test_a_province_level_report_joins_the_regency_event_but_two_regencies_never_merge(tmp_path: Path) -> None:
    province = Spec("p1", "kalselprov", "Ketua LKKS Kalsel hadiri pelantikan", dt.date(2025, 10, 8),
                    ["Ketua LKKS Kalsel menghadiri pelantikan pengurus di Martapura dan Rantau pekan ini."],
                    event_date=dt.date(2025, 10, 9), region="63", organization="LKKS Provinsi Kalimantan Selatan",
                    officials=[FATHUL])
    specs = [*corpus(), province]
    with build(tmp_path / "w.duckdb", specs) as wh:
        deduplicate(wh.con)
        groups = wh.con.execute("SELECT region_code, n_articles FROM event_groups ORDER BY 1").fetchall()
    # the province-level report may join one of the two regency events, never bridge them
    assert [g[0] for g in groups] == ["63.03", "63.05"]
    assert sorted(g[1] for g in groups) == [2, 4]


def test_region_compatibility() -> None:
    assert regions_compatible("63", "63.03") and regions_compatible("63.03", "63")
    assert regions_compatible("63.03", "63.03.01")
    assert not regions_compatible("63.03", "63.05")
    assert not regions_compatible("63", "36.03")
    assert not regions_compatible("6", "63.03")


def test_dates_outside_the_window_do_not_link() -> None:
    def info(event_id: str, date: dt.date) -> events_module.EventInfo:
        article = events_module.ArticleInfo(event_id, event_id, date, "r1")
        return events_module.EventInfo(event_id, article, 0, "inauguration", date, "63.03", 0, event_id,
                                       {"lkks kabupaten banjar": "LKKS Kabupaten Banjar"})

    near = events_module.group_events([info("a", dt.date(2025, 10, 1)), info("b", dt.date(2025, 10, 4))])
    far = events_module.group_events([info("a", dt.date(2025, 10, 1)), info("b", dt.date(2025, 10, 5))])
    assert [g.n_articles for g in near] == [2]
    assert [g.n_articles for g in far] == [1, 1]


# the MinHash engine ---------------------------------------------------------------------------------------

def test_shingles_ignore_paragraph_order_case_and_punctuation() -> None:
    params = MinHashParams()
    original = shingle_set(BANJAR, params)
    assert jaccard(original, shingle_set(list(reversed(BANJAR)), params)) == 1.0
    shouted = [p.upper().replace(",", " ").replace("“", '"') for p in BANJAR]
    assert jaccard(original, shingle_set(shouted, params)) == 1.0
    assert jaccard(original, shingle_set(TAPIN, params)) < 0.1
    assert len(shingle_set(["LKKS"], params)) == 1 and len(shingle_set(["", "  ,. "], params)) == 0


def test_signatures_do_not_depend_on_batching(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*BANJAR, *TAPIN, *BANJAR_REWRITE, ""]
    owners = [0] * len(BANJAR) + [1] * len(TAPIN) + [2] * len(BANJAR_REWRITE) + [3]
    whole, counts = signatures(texts, owners)
    monkeypatch.setattr(minhash, "_CHUNK_BYTES", 50)
    batched, batched_counts = signatures(texts, owners)
    assert np.array_equal(whole, batched) and np.array_equal(counts, batched_counts)
    assert counts[3] == 0 and (whole[3] == 0xFFFFFFFF).all()
    assert counts[0] == len(shingle_set(BANJAR, MinHashParams()))
    with pytest.raises(ValueError, match="non-decreasing"):
        signatures(texts, list(reversed(owners)))


def test_estimates_track_exact_jaccard_and_lsh_finds_the_pair() -> None:
    params = MinHashParams()
    variant = [*BANJAR[:5], BANJAR[5].replace("rapat kerja", "musyawarah kerja")]
    signature, _ = signatures([*BANJAR, *variant, *TAPIN],
                              [0] * len(BANJAR) + [1] * len(variant) + [2] * len(TAPIN), params=params)
    exact = jaccard(shingle_set(BANJAR, params), shingle_set(variant, params))
    estimate = estimated_similarity(signature, np.array([[0, 1]]))[0]
    assert abs(estimate - exact) < 0.1
    assert candidate_pairs(signature, params).tolist() == [[0, 1]]
    assert params.candidate_probability(0.5) > 0.98 and params.candidate_probability(0.1) < 0.01


def test_near_duplicates_on_paragraphs_and_components() -> None:
    texts = [*BANJAR, BANJAR[2].replace("20 kecamatan", "dua puluh kecamatan"), BANJAR[4].upper(), TAPIN[0]]
    pairs, similarity, labels = near_duplicates(texts, threshold=0.5)
    assert pairs.tolist() == [[2, 7], [4, 8]]
    assert (similarity >= 0.5).all()
    assert labels[7] == 2 and labels[8] == 4 and labels[9] == 9
    chain = connected_components(6, np.array([[4, 5], [1, 5], [0, 2], [2, 3]]))
    assert chain.tolist() == [0, 1, 0, 0, 1, 1]


def test_params_are_validated_and_named() -> None:
    with pytest.raises(ValueError):
        MinHashParams(num_perm=100)
    assert MinHashParams().method != MinHashParams(seed=1).method
