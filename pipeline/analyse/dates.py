"""Dates in Indonesian news text: explicit dates in the usual forms, weekdays and "kemarin" resolved against the
publication date, and periods of office ("periode 2024-2029").

Day before month always (8/10/2025 is 8 October). One compiled regex finds every form in one pass; a date
without a year takes the year that puts it nearest the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pipeline.analyse.context import FOLDED_LETTERS, ArticleText, matches_at_openings
from pipeline.models import DateMention

MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
RELATIVE_DAYS: dict[str, int] = {"kemarin": -1, "hari ini": 0, "besok": 1, "lusa": 2}


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MON = r"(?:" + _alternation(list(MONTHS)) + r")(?![A-Za-z])\.?"
_WD = r"(?:senin|selasa|rabu|kamis|jum['’`]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday" \
      r"|saturday|sunday)(?![A-Za-z])"
_WD_CAPITAL = r"(?:Senin|Selasa|Rabu|Kamis|Jum['’`]?at|Sabtu|Minggu|Ahad|SENIN|SELASA|RABU|KAMIS|JUM['’`]?AT" \
              r"|SABTU|MINGGU|AHAD)(?![A-Za-z])"
_RANGE = r"(?:-|–|—|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga|dan|&)"
_SEP = r"[ \t\u00a0]"
# "Selasa siang (15/10)", "Kamis malam, 12 Maret 2025": the part of the day between weekday and date.
_DAYTIME = r"(?:" + _SEP + r"+(?:pagi|siang|sore|malam|petang|dini" + _SEP + r"+hari)(?![A-Za-z]))?"

_DATE = re.compile(
    # Every form starts a word: trying only word starts halves the scan.
    r"(?<![A-Za-z0-9])(?=[A-Za-z0-9])(?:"
    # Weekday with a numeric date: "Selasa (25/11/2025)", "Rabu, 8/10/2025", "Jum'at (21/6)".
    # A span of days in it takes its first day: "Senin-Rabu (12-14/8/2024)".
    r"(?<![A-Za-z])(?P<a_wd>" + _WD + r")(?:" + _SEP + r"*(?:-|–|s\.?\s?d\.?|sampai|hingga)" + _SEP + r"*" + _WD
    + r")?" + _DAYTIME + _SEP + r"*,?" + _SEP + r"*\(?" + _SEP + r"*"
    r"(?P<a_d>\d{1,2})(?:" + _SEP + r"*[-–]" + _SEP + r"*\d{1,2}(?=/))?(?P<a_sep>[/\-.])(?P<a_m>\d{1,2})(?:[/\-.](?:" + _SEP + r"*(?=(?:19|20)\d{2}))?(?P<a_y>\d{4}|\d{2})"
    # "Selasa (24/62025)": a slash dropped before the year.
    r"|(?P<a_glued>(?:19|20)\d{2}))?(?![\d/])"
    # "(19-20) Juli 2018" is a span of days before a month name, read below.
    r"(?!" + _SEP + r"*\)?" + _SEP + r"*" + _MON + r")" + _SEP + r"*\)?"
    # Day and month name: "Rabu, 8 Oktober 2025", "19-21 Maret 2018", "30 September - 2 Oktober 2025",
    # "Kamis-Jumat (19-20) Juli 2018".
    r"|(?<![\w.,/])(?:(?P<d_wd>" + _WD + r")(?:" + _SEP + r"*(?:-|–)" + _SEP + r"*" + _WD + r")?" + _DAYTIME + _SEP
    + r"*,?" + _SEP + r"*)?(?:(?:tanggal|tgl\.?)" + _SEP + r"+)?(?P<d_open>\()?"
    r"(?P<d_d>\d{1,2})(?:" + _SEP + r"*" + _RANGE + _SEP + r"*\d{1,2})?(?(d_open)\))" + _SEP + r"+(?P<d_m>" + _MON + r")"
    r"(?:" + _SEP + r"*,?" + _SEP + r"*(?P<d_y>(?:19|20)\d{2})(?!\d))?"
    r"(?:" + _SEP + r"*" + _RANGE + _SEP + r"*(?P<d_d2>\d{1,2})" + _SEP + r"+(?P<d_m2>" + _MON + r")" + _SEP
    + r"+(?P<d_y2>(?:19|20)\d{2})"
    r"(?!\d))?"
    # ISO: "2025-11-25".
    r"|(?<![\d/.\-])(?P<c_y>(?:19|20)\d{2})-(?P<c_m>\d{1,2})-(?P<c_d>\d{1,2})(?![\d/\-])"
    # Numeric day/month/year: "25/11/2025", "25-11-25", "25.11.2025".
    r"|(?<![\d/.,\-])(?P<b_d>\d{1,2})(?P<b_sep>[/\-.])(?P<b_m>\d{1,2})(?P=b_sep)(?P<b_y>\d{4}|\d{2})"
    r"(?![\d/]|[.,\-]\d)"
    # Antara's dateline without a year: "Kendal, 12/3 (ANTARA) -".
    r"|(?<![\d/.,\-])(?P<h_d>\d{1,2})/(?P<h_m>\d{1,2})(?=" + _SEP + r"*\((?:ANTARA|Antara)[A-Za-z ]{0,24}\))"
    # English order: "October 8, 2025".
    r"|(?<![A-Za-z])(?P<e_m>" + _MON + r")" + _SEP + r"+(?P<e_d>\d{1,2}),?" + _SEP + r"+(?P<e_y>(?:19|20)\d{2})"
    r"(?!\d)"
    # A weekday alone: "Rabu", "pada Senin", "Kamis lalu".
    r"|(?<![A-Za-z'’\-])(?P<f_wd>" + _WD_CAPITAL + r")(?:" + _SEP + r"+(?P<f_ago>kemarin|lalu))?"
    # Relative days.
    r"|(?<![A-Za-z])(?P<g_rel>[Kk]emarin|[Hh]ari" + _SEP + r"+ini|[Bb]esok|[Ll]usa)(?![A-Za-z])"
    r")",
    re.IGNORECASE,
)


def _opening(words: list[str]) -> re.Pattern[str]:
    """Word starts that can open a `_DATE` match: a digit or the first three letters of `words`, in any case."""
    rests: dict[str, set[str]] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(word[1:3])

    def letters(part: str) -> str:
        return "".join(f"[{c.upper()}{c}]" for c in part)

    branches = (letters(first) + "(?:" + "|".join(letters(rest) for rest in sorted(rests[first])) + ")"
                for first in sorted(rests))
    return re.compile(r"(?<![A-Za-z0-9])(?:[0-9]|" + "|".join(branches) + ")")


# Every `_DATE` form opens with a digit, a weekday, a month, "tanggal"/"tgl" or a relative day. Trying `_DATE`
# only where one starts finds the same matches as scanning every position, several times faster.
_DATE_OPENING = _opening([*MONTHS, *WEEKDAYS, *RELATIVE_DAYS, "tanggal", "tgl"])
_WD_CASE_CHECK = re.compile(_WD_CAPITAL)
# "setiap Rabu" repeats; "Senin-Jumat" is a span of working days; "Minggu depan" is a week.
_REPEATING_BEFORE = re.compile(r"(?<![A-Za-z])(?:setiap|tiap|per|saban|hari-hari)\s+$", re.IGNORECASE)
_WEEKDAY_SPAN_AFTER = re.compile(r"\s*" + _RANGE + r"\s*" + _WD, re.IGNORECASE)
_WEEKDAY_SPAN_BEFORE = re.compile(_WD + r"\s*(?:-|–|—|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*$", re.IGNORECASE)
_WEEK_AFTER = re.compile(
    r"\s+(?:ini|depan|lalu|kemarin|ke-?\d|pertama|kedua|ketiga|keempat|kelima|terakhir|sebelumnya"
    r"|berikutnya|mendatang|awal|akhir)\b",
    re.IGNORECASE,
)
_PROGRAM_AFTER = re.compile(r"\s+(?:Berkah|Bersih|Curhat|Sehat|Barokah|Ceria|Keliling|Kliwon|Legi|Pahing|Pon|Wage)\b")
_RELATIVE_EXCLUDED_BEFORE = re.compile(r"(?<![A-Za-z])(?:tahun|bulan|minggu|pekan|masa|era|hari)\s+$",
                                       re.IGNORECASE)
_CONTEXT_WINDOW = 20
_FUTURE_HORIZON_DAYS = 90


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 70 else 1900 + value
    return value


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """A date given without a year: the latest one no more than ~3 months after publication.

    News reports what happened or what comes soon: "5 Januari" in a late-December article is next January,
    "19 Maret" in an October article is the March just gone.
    """
    if published is None:
        return None
    horizon = published + dt.timedelta(days=_FUTURE_HORIZON_DAYS)
    options = [d for d in (_make(published.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    before = [d for d in options if d <= horizon]
    return max(before) if before else None


def last_weekday(weekday: int, published: dt.date) -> dt.date:
    """The latest date with this weekday (Monday = 0) on or before `published`."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _weekday_index(name: str) -> int:
    return WEEKDAYS[re.sub(r"['’`]", "", name.lower())]


@dataclass(frozen=True, slots=True)
class FoundDate:
    """One date expression in a string."""

    start: int
    end: int
    text: str
    value: dt.date | None
    explicit: bool  # a day and month were written; False for weekdays and relative words


# Longer than this, a span of dates is a period (a term, a programme year, a history), not an activity's days.
_LONGEST_ACTIVITY_DAYS = 62
_STATED_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR_REACH = 200
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})/")


def _year_by_weekday(month: int, day: int, weekday: str | None, years: Sequence[int]) -> dt.date | None:
    """"Senin (8/7)" in an undated page that speaks of 2024: the one stated year whose 8 July is a Monday."""
    if weekday is None:
        return None
    index = _weekday_index(weekday)  # a day and month follow, so "jumat(22/7)" in lower case is a weekday too
    fitting = {d for d in (_make(year, month, day) for year in years) if d is not None and d.weekday() == index}
    return fitting.pop() if len(fitting) == 1 else None


def _full_date(match: re.Match[str], published: dt.date | None,
               years: Sequence[int] = ()) -> tuple[bool, dt.date | None]:
    """(is a day date, value) of an explicit date match; `years` are those the text states, for undated pages."""
    group = match.group
    if group("a_d"):
        day, month = int(group("a_d")), int(group("a_m"))
        year = group("a_y") or group("a_glued")
        if group("a_glued") and group("a_sep") != "/":
            return False, None
    elif group("d_d"):
        day, month = int(group("d_d")), MONTHS[group("d_m").rstrip(".").lower()]
        year = group("d_y") or group("d_y2")
    elif group("c_d"):
        day, month, year = int(group("c_d")), int(group("c_m")), group("c_y")
    elif group("b_d"):
        day, month, year = int(group("b_d")), int(group("b_m")), group("b_y")
    elif group("h_d"):
        day, month, year = int(group("h_d")), int(group("h_m")), None
    else:
        day, month, year = int(group("e_d")), MONTHS[group("e_m").rstrip(".").lower()], group("e_y")
    if not (1 <= month <= 12 and 1 <= day <= 31) or _make(2000, month, day) is None:
        return False, None  # 31/2, 8/13: not a date
    if group("d_d") and group("d_y") and group("d_y2"):
        first = _make(_year(group("d_y")), month, day)
        last = _make(_year(group("d_y2")), MONTHS[group("d_m2").rstrip(".").lower()], int(group("d_d2")))
        if first is None or last is None or (last - first).days > _LONGEST_ACTIVITY_DAYS:
            return False, None  # "17 Juli 1967-17 Juli 2025": a history or a term, no activity's days
    if year:
        value = _make(_year(year), month, day)
        return value is not None, value
    if published is None:
        return True, _year_by_weekday(month, day, group("a_wd") or group("d_wd"), years)
    return True, _nearest_year(month, day, published)


def _weekday_mention(text: str, match: re.Match[str], published: dt.date | None) -> tuple[bool, dt.date | None]:
    start, end = match.span()
    name = match.group("f_wd")
    if _WD_CASE_CHECK.fullmatch(name) is None:
        return False, None
    before = text[max(0, start - _CONTEXT_WINDOW):start]
    if _REPEATING_BEFORE.search(before) or _WEEKDAY_SPAN_BEFORE.search(before):
        return False, None
    if _WEEKDAY_SPAN_AFTER.match(text, end) or _PROGRAM_AFTER.match(text, end):
        return False, None
    index = _weekday_index(name)
    if index == 6 and not match.group("f_ago") and _WEEK_AFTER.match(text, end):
        return False, None
    if index == 6 and match.group("f_ago") == "lalu":
        return False, None  # "Minggu lalu" is last week
    if published is None:
        return True, None
    if match.group("f_ago"):
        # "Kamis lalu" in a Thursday's paper is the Thursday before.
        return True, last_weekday(index, published - dt.timedelta(days=1))
    return True, last_weekday(index, published)


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_DATE.finditer(text)`, trying `_DATE` only where a date can open."""
    if any(letter in text for letter in FOLDED_LETTERS):
        # Under IGNORECASE `_DATE` reads these as ASCII letters, which `_DATE_OPENING` does not.
        yield from _DATE.finditer(text)
        return
    yield from matches_at_openings(_DATE, _DATE_OPENING, text)


# Years that are not the report's: a founding ("sejak tahun 2013", "didirikan pada 2005"), a law's ("Nomor 11
# Tahun 2009", "UUD 1945") and any before the web news this reads.
_PAST_YEAR_BEFORE = re.compile(r"(?:\b(?:sejak|semenjak|berdiri|didirikan|dibentuk|uud)|\bno(?:mor|\.)?\s*[\w./-]+)"
                               r"\s+(?:pada\s+)?(?:tahun\s+)?$", re.IGNORECASE)
FIRST_NEWS_YEAR = 2000


def _current_years(text: str) -> list[int]:
    """The years a text states that may be the report's own."""
    return sorted({int(match.group()) for match in _STATED_YEAR.finditer(text)
                   if int(match.group()) >= FIRST_NEWS_YEAR
                   and not _PAST_YEAR_BEFORE.search(text, max(0, match.start() - 40), match.start())})


def dates_in(text: str, published: dt.date | None = None, page_years: Sequence[int] = ()) -> list[FoundDate]:
    """Every date expression in `text`, left to right, resolved against `published` where needed.

    Without a publication date, a weekday and day-month ("Senin (8/7)") take the year stated beside them or in
    `page_years` (the page address's "/2015/06/") in which that day falls on that weekday; failing that, the one
    year stated anywhere in the text in which it does.
    """
    found: list[FoundDate] = []
    page_wide_years: list[int] | None = None
    for match in _date_matches(text):
        start, end = match.span()
        if match.group("f_wd"):
            ok, value = _weekday_mention(text, match, published)
            explicit = False
        elif match.group("g_rel"):
            phrase = re.sub(r"\s+", " ", match.group("g_rel").lower())
            if published is None or _RELATIVE_EXCLUDED_BEFORE.search(text[max(0, start - _CONTEXT_WINDOW):start]):
                continue
            ok, value, explicit = True, published + dt.timedelta(days=RELATIVE_DAYS[phrase]), False
        else:
            years = list(page_years)
            if published is None:
                # Only a year stated beside the date ("... Tahun 2024 di Denpasar pada Senin (8/7)"): one further
                # off is often a founding year or a law's.
                window_start = max(text.rfind("\n", 0, start) + 1, start - _YEAR_REACH)
                line_end = text.find("\n", end)
                window_end = min(len(text) if line_end < 0 else line_end, end + _YEAR_REACH)
                years.extend(int(y) for y in _STATED_YEAR.findall(text, window_start, window_end))
            ok, value = _full_date(match, published, years)
            if ok and value is None and published is None and (match.group("a_wd") or match.group("d_wd")):
                # "Rabu (13/2)" with "Melalui APBD 2013" paragraphs away: a year stated anywhere in the page, if it
                # is the only one whose 13 February is a Wednesday.
                if page_wide_years is None:
                    page_wide_years = _current_years(text)
                value = _full_date(match, published, page_wide_years)[1]
                if value is None and not years:
                    # "Kamis (24/8)" in a page that plans "dianggarkan di 2018", "Selasa (9/1)" after "akhir tahun
                    # 2023": a report speaks of the year before or after its own, so the one neighbouring year in
                    # which the weekday fits. A year stated beside the date that does not fit stays unknown.
                    neighbours = sorted({y + step for y in page_wide_years for step in (-1, 1)} - set(page_wide_years))
                    value = _full_date(match, published, neighbours)[1]
            explicit = True
            if match.group("a_wd") and (not ok or (match.group("a_sep") != "/" and not (match.group("a_y") or match.group("a_glued")))):
                # "Rabu, 10.00 WIB": a weekday and a time, not a date.
                name = match.group("a_wd")
                if _WD_CASE_CHECK.fullmatch(name):
                    value = last_weekday(_weekday_index(name), published) if published else None
                    found.append(FoundDate(start, start + len(name), name, value, False))
                continue
        if ok:
            found.append(FoundDate(start, end, text[start:end].strip(), value, explicit))
    return found


def find_dates(article: ArticleText) -> list[DateMention]:
    """Dates in the kept paragraphs, each with its evidence; weekdays and "kemarin" resolved against publication."""
    mentions: list[DateMention] = []
    page_years = [int(y) for y in _URL_YEAR.findall(article.url or "")] if article.published is None else []
    for found in dates_in(article.text, article.published, page_years):
        mentions.append(DateMention(text=found.text, value=found.value,
                                    evidence=article.evidence(found.start, found.start + len(found.text))))
    return mentions


def day_and_month(text: str) -> tuple[int, int] | None:
    """(day, month) of the first day date in `text`, whether or not its year can be told."""
    for match in _date_matches(text):
        if match.group("f_wd") or match.group("g_rel"):
            continue
        # Any leap-year publication day resolves the year; only the day and month are read.
        _, value = _full_date(match, dt.date(2000, 7, 1))
        if value is not None:
            return value.day, value.month
    return None


def parse_date(text: str, published: dt.date | None = None) -> dt.date | None:
    """The first date in a string: "Rabu (8/10/2025)", "8 Oktober 2025", "2025-10-08", "Rabu" (with `published`)."""
    for found in dates_in(text, published):
        if found.value is not None:
            return found.value
    return None


_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/\-](\d{1,2})[/\-](\d{1,2})(?=[/\-_.]|$)|[/\-_]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/\-_.]|\d{2,}|$)"
)


def publication_date_from(text_or_url: str) -> dt.date | None:
    """Date from a URL path ("/2025/10/08/", "/read/20251008...") or the first full date of a dateline."""
    for match in _URL_DATE.finditer(text_or_url):
        parts = match.groups()
        year, month, day = (parts[0], parts[1], parts[2]) if parts[0] else (parts[3], parts[4], parts[5])
        value = _make(int(year), int(month), int(day))
        if value is not None:
            return value
    if "://" in text_or_url:
        return None
    for found in dates_in(text_or_url):
        # "Terkait pelaksanaan Munas pada 24 Juli 2018": the day of an activity the lead names, not the dateline's.
        if found.explicit and found.value is not None and not _ACTIVITY_DAY_BEFORE.search(
                text_or_url, max(0, found.start - 20), found.start):
            return found.value
    return None


_ACTIVITY_DAY_BEFORE = re.compile(r"\b(?:pada|tanggal|tgl\.?|sejak|mulai|hingga|sampai|digelar|dilaksanakan)[ \t]*$",
                                  re.IGNORECASE)


_PERIOD = re.compile(
    r"(?<![A-Za-z])(?:periode|priode|masa\s+(?:bhakti|bakti|khidmat|khidmah|jabatan|tugas|kerja|kepengurusan|bakti)"
    r"|kepengurusan|tahun|th\.?|thn\.?)"
    r"\s*:?\s*(?P<y1>(?:19|20)\d{2})\s*(?:-|–|—|/|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*"
    r"(?P<y2>(?:19|20)\d{2}|\d{2})(?!\d)"
    r"|\((?P<p1>(?:19|20)\d{2})\s*(?:-|–|—|s\.?\s?d\.?)\s*(?P<p2>(?:19|20)\d{2})\)",
    re.IGNORECASE,
)
# Every `_PERIOD` match holds a year followed by a range word; most texts have none and skip the slow scan.
_PERIOD_CUE = re.compile(r"(?:19|20)\d{2}\s*(?:-|–|—|/|s\.?\s?d|sampai|hingga)", re.IGNORECASE)
_MAX_TERM = 10


def find_periods(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, year_from, year_to) of each period of office: "periode 2024-2029", "masa bhakti 2024-2028"."""
    periods: list[tuple[int, int, int, int]] = []
    if _PERIOD_CUE.search(text) is None:
        return periods
    for match in _PERIOD.finditer(text):
        first = match.group("y1") or match.group("p1")
        last = match.group("y2") or match.group("p2")
        year_from = int(first)
        year_to = int(last) if len(last) == 4 else year_from // 100 * 100 + int(last)
        if 0 < year_to - year_from <= _MAX_TERM:
            periods.append((match.start(), match.end(), year_from, year_to))
    return periods
