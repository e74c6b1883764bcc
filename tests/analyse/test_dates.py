"""Dates: explicit forms, ranges, weekdays and relative days against publication, periods, URL dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.analyse.context import ArticleText
from pipeline.analyse.dates import (
    dates_in,
    day_and_month,
    find_dates,
    find_periods,
    last_weekday,
    parse_date,
    publication_date_from,
)
from pipeline.models import Document, Paragraph, ParagraphStatus

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
D = dt.date


def make_article(paragraphs: list[str | tuple[str, ParagraphStatus]], *, published: dt.date | None = None) -> ArticleText:
    """An ArticleText from paragraph strings; a (text, status) pair marks a paragraph that is not kept."""
    items = []
    for index, item in enumerate(paragraphs):
        text, status = (item, "kept") if isinstance(item, str) else item
        items.append(Paragraph(index=index, text=text, status=status))
    return ArticleText.from_document(Document(paragraphs=items, published=published))


def seed_article(prefix: str) -> ArticleText:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available here")
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not found")
    lines = [line.strip() for line in paths[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    return make_article([(t, "boilerplate") if t.lower().startswith("baca juga") else t for t in lines])


def values(text: str, published: dt.date | None = None) -> list[tuple[str, dt.date | None]]:
    return [(f.text, f.value) for f in dates_in(text, published)]


@pytest.mark.parametrize(
    ("text", "found", "value"),
    [
        ("Selasa (25/11/2025)", "Selasa (25/11/2025)", D(2025, 11, 25)),
        ("di kantor itu Kamis siang (21/11/2024) lalu", "Kamis siang (21/11/2024)", D(2024, 11, 21)),
        ("Jumat malam, 22 November 2024", "Jumat malam, 22 November 2024", D(2024, 11, 22)),
        ("Jum'at (21/6/2019)", "Jum'at (21/6/2019)", D(2019, 6, 21)),
        ("Kamis-Jumat (19-20) Juli 2018, bertempat", "Kamis-Jumat (19-20) Juli 2018", D(2018, 7, 19)),
        ("di Mataram, Rabu, (18/12- 2019).", "Rabu, (18/12- 2019)", D(2019, 12, 18)),
        ("Jum’at (21/6/2019)", "Jum’at (21/6/2019)", D(2019, 6, 21)),
        ("kata Muslim, Banjarmasin, Rabu (8/10/2025).", "Rabu (8/10/2025)", D(2025, 10, 8)),
        ("Rabu, 8 Oktober 2025", "Rabu, 8 Oktober 2025", D(2025, 10, 8)),
        ("pada 25 November 2025 lalu", "25 November 2025", D(2025, 11, 25)),
        ("25 Nov 2025", "25 Nov 2025", D(2025, 11, 25)),
        ("25 Nov. 2025", "25 Nov. 2025", D(2025, 11, 25)),
        ("17 Agt 2024", "17 Agt 2024", D(2024, 8, 17)),
        ("1 Sept 2024", "1 Sept 2024", D(2024, 9, 1)),
        ("5 Pebruari 2020", "5 Pebruari 2020", D(2020, 2, 5)),
        ("25/11/25", "25/11/25", D(2025, 11, 25)),
        ("8/10/2025", "8/10/2025", D(2025, 10, 8)),
        ("08-10-2025", "08-10-2025", D(2025, 10, 8)),
        ("08.10.2025", "08.10.2025", D(2025, 10, 8)),
        ("2025-11-25", "2025-11-25", D(2025, 11, 25)),
        ("19-21 Maret 2018", "19-21 Maret 2018", D(2018, 3, 19)),
        ("19 – 21 Maret 2018", "19 – 21 Maret 2018", D(2018, 3, 19)),
        ("18 dan 19 September 2023", "18 dan 19 September 2023", D(2023, 9, 18)),
        ("30 September - 2 Oktober 2025", "30 September - 2 Oktober 2025", D(2025, 9, 30)),
        ("30 Desember 2024 - 2 Januari 2025", "30 Desember 2024 - 2 Januari 2025", D(2024, 12, 30)),
        ("October 8, 2025", "October 8, 2025", D(2025, 10, 8)),
        ("8 October 2025", "8 October 2025", D(2025, 10, 8)),
        ("tanggal 17 Agustus 1945", "tanggal 17 Agustus 1945", D(1945, 8, 17)),
        ("SENIN (20/5/2024)", "SENIN (20/5/2024)", D(2024, 5, 20)),
        ("di Ruang Asisten II, Selasa (24/62025).", "Selasa (24/62025)", D(2025, 6, 24)),
        ("Kamis (4/122014)", "Kamis (4/122014)", D(2014, 12, 4)),
    ],
)
def test_explicit_dates(text: str, found: str, value: dt.date) -> None:
    assert values(text) == [(found, value)]


def test_a_year_glued_to_a_dotted_month_is_no_date_only_its_weekday() -> None:
    assert values("Selasa (24.62025)", D(2025, 10, 9)) == [("Selasa", D(2025, 10, 7))]


def test_two_days_give_two_mentions() -> None:
    assert values("Senin (18/9/2023) dan Selasa (19/9/2023)") == [
        ("Senin (18/9/2023)", D(2023, 9, 18)), ("Selasa (19/9/2023)", D(2023, 9, 19))]


@pytest.mark.parametrize(
    "text",
    ["Oktober 2025", "pada tahun 2019", "pukul 09.00 WIB", "Rp 1.250.000", "periode 2024-2029", "31/2/2025",
     "8/13/2025", "30 Februari 2024", "24/62025", "UU Nomor 11 Tahun 2009", "Covid-19", "setiap Rabu", "Senin-Jumat",
     "Senin hingga Jumat", "Minggu depan", "minggu lalu", "Minggu lalu", "Jumat Berkah", "tahun kemarin",
     "versi 1.2.3", "buku 17 Juli 1967-17 Juli 2025", "berlaku 1 Januari 2020 sampai dengan 31 Desember 2024"],
)
def test_not_dates(text: str) -> None:
    assert values(text, D(2025, 10, 9)) == []


def test_missing_year_from_publication() -> None:
    published = D(2025, 11, 26)
    assert values("Selasa (25/11)", published) == [("Selasa (25/11)", D(2025, 11, 25))]
    assert values("Selasa (25/11)") == [("Selasa (25/11)", None)]
    # Soon after publication is the future; long after is last year's date.
    assert values("pada 5 Januari", D(2025, 12, 28)) == [("5 Januari", D(2026, 1, 5))]
    assert values("19 s.d. 21 Maret", D(2025, 10, 9)) == [("19 s.d. 21 Maret", D(2025, 3, 19))]
    assert values("Kendal, 12/3 (ANTARA) -", D(2025, 3, 13)) == [("12/3", D(2025, 3, 12))]
    assert values("Ambon, 2/8 (Antaranews Maluku) -", D(2018, 8, 3)) == [("2/8", D(2018, 8, 2))]


def test_undated_page_takes_the_year_beside_the_date_in_which_the_weekday_fits() -> None:
    text = "pada acara Bimbingan Sosial bagi Anak Panti Tahun 2024 di Denpasar pada Senin (8/7) pagi."
    assert values(text) == [("Senin (8/7)", D(2024, 7, 8))]
    # 8 July 2024 is no Tuesday: the stated year does not fit, so the year stays unknown.
    assert values(text.replace("Senin", "Selasa")) == [("Selasa (8/7)", None)]
    # A year far off in another sentence ("sejak tahun 2013") is not the date's.
    far = "Forum ini sudah ada sejak tahun 2013. " + "Kegiatan lain dibahas panjang. " * 8 + "Kamis (28/2)."
    assert values(far)[-1] == ("Kamis (28/2)", None)
    # A year stated anywhere else is the date's when it is the only one whose day fits the weekday; a founding
    # year, a law's year or one before web news never is.
    elsewhere = "Bimbingan LKSA dibuka Rabu (13/2). " + "Kegiatan lain dibahas panjang. " * 8 + "Melalui APBD 2013."
    assert values(elsewhere)[0] == ("Rabu (13/2)", D(2013, 2, 13))
    for background in ("sejak tahun 2013", "UU Nomor 11 Tahun 2013", "berdiri pada 2013", "UUD 1945"):
        text = "Bimbingan LKSA dibuka Rabu (13/2). " + "Kegiatan lain dibahas panjang. " * 8 + f"Sesuai {background}."
        assert values(text)[0][1] is None, background
    # Failing the stated years, the one year next to them in which the weekday fits: a report looks back to the
    # year before ("akhir tahun 2023") or ahead to the next ("dianggarkan di 2018").
    looking_back = "Bantuan diserahkan Selasa (9/1). " + "Kegiatan lain dibahas panjang. " * 8 + "Usulan akhir tahun 2023."
    assert values(looking_back)[0] == ("Selasa (9/1)", D(2024, 1, 9))
    ahead = "Anjangsana ke panti, Kamis (24/8). " + "Kegiatan lain dibahas panjang. " * 8 + "Dianggarkan di 2018."
    assert values(ahead)[0] == ("Kamis (24/8)", D(2017, 8, 24))
    # 13 February is a Saturday in no year from 2012 to 2014: still unknown.
    assert values(elsewhere.replace("Rabu", "Sabtu"))[0] == ("Sabtu (13/2)", None)
    # The page address's year counts: /2015/06/ and Friday 29 May.
    assert [(f.text, f.value) for f in dates_in("Jumat (29/5)", None, [2015])] == [("Jumat (29/5)", D(2015, 5, 29))]
    # A weekday typed in lower case is one when a day and month follow it.
    assert [(f.text, f.value) for f in dates_in("sekepri, jumat(22/7) pukul 15.00", None, [2016])] == [
        ("jumat(22/7)", D(2016, 7, 22))]


def test_weekday_alone_resolves_to_latest_on_or_before_publication() -> None:
    friday = D(2025, 7, 18)
    assert values("kunjungan ke panti, Rabu, disambut", friday) == [("Rabu", D(2025, 7, 16))]
    assert values("pada Jumat", friday) == [("Jumat", friday)]
    assert values("Kamis lalu", friday) == [("Kamis lalu", D(2025, 7, 17))]
    assert values("Jumat lalu", friday) == [("Jumat lalu", D(2025, 7, 11))]
    assert values("Minggu (13/7)", friday) == [("Minggu (13/7)", D(2025, 7, 13))]
    assert values("Minggu pagi", friday) == [("Minggu", D(2025, 7, 13))]
    assert values("di Serang, Rabu, mengatakan") == [("Rabu", None)]


def test_weekday_with_a_time_is_a_weekday() -> None:
    assert values("Rabu, 10.00 WIB", D(2025, 10, 9)) == [("Rabu", D(2025, 10, 8))]


def test_relative_days() -> None:
    published = D(2025, 10, 9)
    assert values("rapat digelar kemarin", published) == [("kemarin", D(2025, 10, 8))]
    assert values("Hari ini pengurus dilantik", published) == [("Hari ini", published)]
    assert values("akan dilantik besok", published) == [("besok", D(2025, 10, 10))]
    assert values("rapat digelar kemarin") == []


def test_last_weekday() -> None:
    wednesday = D(2025, 10, 8)
    assert last_weekday(2, wednesday) == wednesday
    assert last_weekday(3, wednesday) == D(2025, 10, 2)


def test_find_dates_evidence_and_kept_only() -> None:
    article = make_article([
        ("Baca juga: Banjir 2 Januari 2024", "boilerplate"),
        "Pelantikan digelar di Pekalongan, Senin (20/5/2024).",
    ], published=D(2024, 5, 20))
    found = find_dates(article)
    assert [(d.text, d.value) for d in found] == [("Senin (20/5/2024)", D(2024, 5, 20))]
    evidence = found[0].evidence
    assert evidence is not None and evidence.paragraph == 1
    assert article.paragraphs[0].text[evidence.start:evidence.end] == "Senin (20/5/2024)"


def test_seed_dates() -> None:
    assert [d.value for d in find_dates(seed_article("001"))] == [D(2025, 10, 8)]
    assert [d.value for d in find_dates(seed_article("002"))] == [D(2024, 5, 20)]
    assert next(d.value for d in find_dates(seed_article("003"))) == D(2019, 6, 21)
    assert [d.value for d in find_dates(seed_article("004"))] == [D(2023, 9, 19), D(2023, 9, 18), D(2023, 9, 19)]
    assert [(d.text, d.value) for d in find_dates(seed_article("000"))] == [("Rabu", None)]


def test_parse_date() -> None:
    assert parse_date("Rabu (8/10/2025)") == D(2025, 10, 8)
    assert parse_date("Rabu", D(2025, 10, 9)) == D(2025, 10, 8)
    assert parse_date("Rabu") is None
    assert parse_date("tidak ada tanggal") is None


def test_publication_date_from() -> None:
    assert publication_date_from("https://kalselprov.go.id/2025/10/08/pengukuhan-lkks/") == D(2025, 10, 8)
    assert publication_date_from("https://www.kompas.com/read/2025/9/24/lkksa") == D(2025, 9, 24)
    assert publication_date_from("https://news.detik.com/berita/d-123/20251008-lkks") == D(2025, 10, 8)
    assert publication_date_from("https://www.antaranews.com/berita/4300001/lkks-banten") is None
    assert publication_date_from("written by Maulya | 19/09/2023") == D(2023, 9, 19)
    assert publication_date_from("Banjarmasin, Rabu (8/10/2025) - LKKS") == D(2025, 10, 8)
    assert publication_date_from("Serang, Rabu - LKKS") is None
    # The day of an activity the lead names is not the dateline's.
    assert publication_date_from("JAKARTA - Terkait pelaksanaan Munas I pada 24 sampai 27 Juli 2018 di") is None


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("pengurus LKKS periode 2024-2029", (2024, 2029)),
        ("LKKS masa bhakti 2024-2028", (2024, 2028)),
        ("masa bakti 2025 – 2030", (2025, 2030)),
        ("Masa Khidmat 2023—2028", (2023, 2028)),
        ("masa jabatan 2021 s.d. 2026", (2021, 2026)),
        ("tahun 2025–2030", (2025, 2030)),
        ("kepengurusan 2022 sampai 2027", (2022, 2027)),
        ("periode 2024-29", (2024, 2029)),
        ("pengurus LKKS (2024-2029)", (2024, 2029)),
    ],
)
def test_periods(text: str, years: tuple[int, int]) -> None:
    found = find_periods(text)
    assert [(y1, y2) for _, _, y1, y2 in found] == [years]
    start, end, _, _ = found[0]
    assert str(years[0]) in text[start:end] and str(years[1])[-2:] in text[start:end]


@pytest.mark.parametrize(
    "text", ["periode lima tahun ke depan", "tahun 2019", "periode 2029-2024", "tahun 2000-2050", "8/10/2025"])
def test_not_periods(text: str) -> None:
    assert find_periods(text) == []


def test_weekday_span_with_day_range_takes_the_first_day() -> None:
    found = dates_in("Pelatihan digelar Senin-Rabu (12-14/8/2024) di aula dinas.", dt.date(2024, 8, 20))
    assert [(f.text, f.value) for f in found] == [("Senin-Rabu (12-14/8/2024)", dt.date(2024, 8, 12))]
    found = dates_in("Musda berlangsung Kamis s.d. Jumat (3-4/7/2025).", None)
    assert [f.value for f in found] == [dt.date(2025, 7, 3)]


def _mixed_texts(pieces: list[str], count: int = 400) -> list[str]:
    """Seeded random strings of date-like pieces glued with the separators that decide where a date may open."""
    import random

    rng = random.Random(7)
    glue = [" ", "", ", ", "(", ")", "/", "-", ".", "\n", "a", "7", "\u00a0", "\u0130", "\u017f", "\u212a"]
    return ["".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 25))) for _ in range(count)]


def test_date_matches_are_those_of_a_full_scan() -> None:
    from pipeline.analyse.dates import _DATE, _date_matches

    pieces = ["Selasa", "SENIN", "jum'at", "Minggu", "sabtu", "Rabu siang", "8", "12", "25/11/2025", "19-21",
              "Maret", "okt.", "Agustus", "2025", "2025-11-25", "tanggal", "tgl.", "kemarin", "hari ini", "Besok",
              "lusa", "(ANTARA)", "lalu", "s.d", "hingga", "October 8, 2025", "x8", "Des", "pukul 10.00",
              "Kamis-Jumat", "ſenin", "\u212aamis", "FEBRUARİ"]
    for text in _mixed_texts(pieces):
        assert [m.span() for m in _date_matches(text)] == [m.span() for m in _DATE.finditer(text)], text


def test_every_date_opening_word_starts_a_candidate() -> None:
    from pipeline.analyse.dates import _DATE_OPENING, MONTHS, RELATIVE_DAYS, WEEKDAYS

    for word in [*MONTHS, *WEEKDAYS, *RELATIVE_DAYS, "tanggal", "tgl"]:
        for form in (word, word.upper(), word.capitalize()):
            assert _DATE_OPENING.match(form), form
    assert _DATE_OPENING.match("9")
    assert not _DATE_OPENING.search("xsenin") and not _DATE_OPENING.search("dengan")


def test_periods_need_a_year_range() -> None:
    assert find_periods("Ketua periode 2024 - 2029 dan masa bakti 2020 s.d. 2024") == [
        (6, 25, 2024, 2029), (30, 55, 2020, 2024)]
    assert find_periods("pada tahun 2024 ada 20 LKS") == []


def test_day_and_month_are_read_without_a_year() -> None:
    assert day_and_month("Sabtu (25/6)") == (25, 6)
    assert day_and_month("hari ini, 30 April genap berusia") == (30, 4)
    assert day_and_month("29 Februari") == (29, 2)
    assert day_and_month("Sabtu pagi") is None
