"""parse_number: Indonesian digit notation, number words, scale words and rough plurals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lokal.terbilang import terbilang

from pipeline.analyse.numbers import parse_digits, parse_number, parse_words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("8.717", 8717),
        ("76,35", 76.35),
        ("1.250.000", 1_250_000),
        ("1.250.000,50", 1_250_000.5),
        ("199", 199),
        ("2,5 juta", 2_500_000),
        ("2.5 juta", 2_500_000),
        ("4 ribu", 4000),
        ("4 rb", 4000),
        ("1,7 miliar", 1_700_000_000),
        ("3 milyar", 3_000_000_000),
        ("2 triliun", 2e12),
        ("Rp15.000", 15_000),
        ("Rp. 15.000,-", 15_000),
        ("Rp 1,7 miliar", 1_700_000_000),
        ("Rp 1,7 M", 1_700_000_000),
        ("Rp1,5 juta", 1_500_000),
        ("IDR 2.000.000,00", 2_000_000),
        ("50%", 50),
        ("tiga puluh", 30),
        ("seratus lima puluh", 150),
        ("sebelas", 11),
        ("sepuluh", 10),
        ("dua belas", 12),
        ("tujuh belas", 17),
        ("dua ratus dua puluh dua", 222),
        ("seribu lima ratus", 1500),
        ("seribu", 1000),
        ("empat ribu", 4000),
        ("dua juta lima ratus ribu", 2_500_000),
        ("sejuta", 1_000_000),
        ("Tiga", 3),
        ("nol", 0),
        ("ratusan", 100),
        ("puluhan", 10),
        ("ribuan", 1000),
        ("belasan", 10),
        ("puluhan ribu", 10_000),
        ("ratusan juta", 100_000_000),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["", "abc", "2.5", "1.25.000", "dua tiga", "puluh", "belas", "lima ribu juta", "ribu", "09.00", "8/10",
     "3 orang", "seratus sepuluh ratus", "puluhan ratusan"],
)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_parse_digits_dot_decimal_only_before_a_scale() -> None:
    assert parse_digits("2.5") is None
    assert parse_digits("2.5", scaled=True) == 2.5
    assert parse_digits("1,250,000") == 1_250_000


def test_parse_words_rejects_unknown_words() -> None:
    assert parse_words(["dua", "orang"]) is None
    assert parse_words([]) is None


@given(st.integers(min_value=0, max_value=999_999))
def test_dotted_thousands_round_trip(value: int) -> None:
    assert parse_number(f"{value:,}".replace(",", ".")) == value


@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_number_words_round_trip(value: int) -> None:
    # lokal-id spells numbers out ("seratus dua puluh tiga ribu ..."): reading them back gives the number.
    assert parse_number(terbilang(value)) == value
