"""Relevance and events: is the article about an LKKS/LKS-type body, and which activities does it report."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from pipeline.analyse.context import ArticleText
from pipeline.analyse.organizations import OrgMention, dominant_region, find_org_mentions, organization_kinds
from pipeline.analyse.titles import looks_like_headline, phrase_key, word_regex, words_of
from pipeline.models import Analysis, DateMention, Event, EventType, Organization, Tense

# Strong cues name the activity itself; weak ones are words that also occur as background talk.
_CUES: dict[EventType, tuple[str, str]] = {
    "inauguration": (
        """pelantikan dilantik dilantiknya melantik lantik pengukuhan dikukuhkan dikukuhkannya mengukuhkan kukuhkan
        pengambilan_sumpah mengambil_sumpah diambil_sumpah diambil_sumpahnya serah_terima_jabatan sertijab""",
        "sumpah_jabatan",
    ),
    "coordination_meeting": (
        """rapat_koordinasi rakor rakorda rakornis rakorwil rakornas rapat_kerja raker rakerda rakernas rakerwil
        rakercab audiensi beraudiensi audensi beraudensi forum_koordinasi temu_koordinasi pertemuan_koordinasi rapat_pleno
        rapat_pengurus rapat_anggota rapat_evaluasi""",
        "rapat pertemuan silaturahmi silaturahim",
    ),
    "deliberation": (
        """musyawarah_daerah musyawarah_wilayah musyawarah_kerja musyawarah_luar_biasa musyawarah_daerah_luar_biasa
        musyawarah_nasional musyawarah_cabang musyawarah_besar musyawarah_anggota musda musdalub muswil musywil
        muker munas muscab pemilihan_ketua secara_aklamasi terpilih_sebagai_ketua terpilih_menjadi_ketua""",
        "musyawarah",
    ),
    "training": (
        """bimbingan_teknis bimtek pelatihan diklat workshop lokakarya peningkatan_kapasitas capacity_building
        seminar training""",
        """pembinaan membina dibina sosialisasi menyosialisasikan mensosialisasikan sosialisasikan disosialisasikan
        penyuluhan orientasi edukasi melatih dilatih digembleng""",
    ),
    "accreditation": (
        """akreditasi reakreditasi diakreditasi visitasi sertifikasi izin_operasional tanda_daftar pendaftaran_lks
        pendaftaran_lksa pendaftaran_lembaga registrasi_lks registrasi_lksa registrasi_lembaga""",
        "perizinan legalitas",
    ),
    "aid_distribution": (
        """penyaluran menyalurkan disalurkan salurkan penyerahan_bantuan menyerahkan_bantuan serahkan_bantuan santunan
        menyantuni santuni disantuni membagikan dibagikan bagikan pemberian_bantuan memberikan_bantuan
        berikan_bantuan bansos paket_sembako""",
        "bantuan berbagi donasi hibah",
    ),
    "visit": (
        """kunjungan kunjungan_kerja kunker berkunjung mengunjungi kunjungi dikunjungi meninjau tinjau peninjauan
        supervisi studi_banding menyambangi disambangi sambangi bertandang""",
        "monitoring monev pemantauan memantau",
    ),
}
_STRONG, _WEAK = 2.0, 1.0
# Each cue phrase ("rapat_koordinasi" stands for "rapat koordinasi") with its event kind and base weight.
_CUE_WEIGHT: dict[str, tuple[EventType, float]] = {
    word.replace("_", " "): (kind, weight)
    for kind, (strong, weak) in _CUES.items()
    for words, weight in ((strong, _STRONG), (weak, _WEAK))
    for word in words.split()
}
_CUE_RE = word_regex(_CUE_WEIGHT)
_STRONG_CUES = frozenset(word for word, (_, weight) in _CUE_WEIGHT.items() if weight == _STRONG)

# Words that frame a cue as something that took place ("menggelar pembinaan", "acara pelantikan", "rakor
# yang digelar"); they must stand in the same sentence.
_FRAME_BEFORE = word_regex(words_of("""
menggelar gelar mengadakan adakan melaksanakan melakukan menyelenggarakan membuka buka menghadiri hadiri mengikuti
ikuti memimpin pimpin acara kegiatan agenda saat usai seusai resmi kesempatan kunjungan rangkaian sela
dirangkaikan dirangkai juga turut""")
    | {"dalam rangka", "secara resmi"})
_FRAME_AFTER = word_regex(words_of(
    "digelar berlangsung dilaksanakan diadakan diselenggarakan diikuti dibuka dihadiri dilakukan"))
_FUTURE = word_regex(words_of("akan bakal rencananya berencana direncanakan dijadwalkan segera mendatang rencana"))
_PAST = word_regex(words_of("""
telah sudah resmi kemarin tadi menggelar mengadakan melaksanakan digelar diadakan dilaksanakan diselenggarakan
berlangsung dilantik dikukuhkan melantik mengukuhkan membuka menghadiri diikuti dihadiri menyerahkan menyalurkan
mengunjungi dilakukan""") | {"baru saja", "mengambil sumpah"})
_WISH = word_regex(words_of("""berharap harap diharapkan harapkan semoga mudah-mudahan ingin meminta minta mendorong dorong
mengajak ajak mengimbau imbau menargetkan targetkan agar supaya"""))
_QUOTES = re.compile("[\"“”]")
_SENTENCE_END = re.compile(r"[.!?\n]")

# An LKS-type body must be central; these neighbouring topics alone do not make an article relevant.
_OFF_TOPIC = word_regex(words_of("pkk posyandu bpjs pilkada pemilu stunting banjir kebakaran narkoba sepakbola") | {
    "karang taruna", "rt/rw", "lembaga adat", "majelis adat", "dewan adat", "sepak bola"})
_LKS_KINDS = frozenset({"LKKS", "LKS", "LKSA", "FORUM_LKS"})
_EVENT_ORG_KINDS = frozenset({"LKKS", "LKS", "LKSA", "FORUM_LKS", "DINSOS", "KEMENSOS"})
_RELATIVE_PERIOD = re.compile(
    r"\b(?:periode|masa\s+(?:bakti|bhakti|jabatan|khidmat|kepengurusan))\s+(?P<years>satu|dua|tiga|empat|lima|enam"
    r"|tujuh|delapan|sembilan|sepuluh|\d{1,2})\s+tahun\s+(?:ke\s+depan|mendatang)", re.IGNORECASE)
_NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
                 "sembilan": 9, "sepuluh": 10}
_TENURE_TYPES = frozenset({"inauguration", "deliberation"})
_TITLE_FACTOR, _LEAD_FACTOR, _FRAME_FACTOR, _QUOTE_FACTOR = 3.0, 2.0, 1.5, 0.5
_MAIN_THRESHOLD, _SECOND_THRESHOLD = 2.0, 4.0
_FRAME_REACH = 60


@dataclass(slots=True)
class _Hit:
    kind: EventType
    start: int
    end: int
    weight: float
    future: bool = False


@dataclass(slots=True)
class _Layout:
    """Where an article's lead and headline-like paragraphs are, computed once per article."""

    article: ArticleText
    lead: list[int]
    headlines: set[int]

    @classmethod
    def of(cls, article: ArticleText) -> _Layout:
        """The first two real paragraphs (past datelines and repeated headlines) and the headline-like ones."""
        headlines = {i for i, p in enumerate(article.paragraphs) if looks_like_headline(p.text)}
        lead = [i for i, p in enumerate(article.paragraphs) if i not in headlines and len(p.text.split()) >= 8][:2]
        return cls(article, lead, headlines)

    def slot(self, position: int) -> int:
        """Position in `article.paragraphs` of the paragraph holding a text offset."""
        return bisect.bisect_right(self.article.starts, position) - 1


def _framed(text: str, paragraph_start: int, start: int, end: int) -> bool:
    """True when a framing verb or noun stands near the cue in the same sentence."""
    window_start = max(paragraph_start, start - _FRAME_REACH)
    before = [m for m in _FRAME_BEFORE.finditer(text, window_start, start)
              if not _SENTENCE_END.search(text, m.end(), start)]
    if before:
        return True
    after = _FRAME_AFTER.search(text, end, min(len(text), end + _FRAME_REACH))
    return after is not None and not _SENTENCE_END.search(text, end, after.start())


def _cue_hits(layout: _Layout) -> list[_Hit]:
    """Weighted cue words of the kept text: the lead and framed mentions count more, quotes less."""
    article = layout.article
    text = article.text
    hits: list[_Hit] = []
    for match in _CUE_RE.finditer(text):
        kind, weight = _CUE_WEIGHT[phrase_key(match.group())]
        slot = layout.slot(match.start())
        paragraph_start = article.starts[slot]
        if slot in layout.lead or slot in layout.headlines:
            weight *= _LEAD_FACTOR
        if _framed(text, paragraph_start, match.start(), match.end()):
            weight *= _FRAME_FACTOR
        if len(_QUOTES.findall(text, paragraph_start, match.start())) % 2 == 1:
            weight *= _QUOTE_FACTOR
        # "akan dilantik", "dijadwalkan dikukuhkan": an announced activity, in the same sentence.
        sentence_start = max(text.rfind(".", paragraph_start, match.start()) + 1, paragraph_start,
                             match.start() - _FRAME_REACH)
        # A hope ("berharap pengurus segera dilantik") announces nothing.
        future = (_FUTURE.search(text, sentence_start, match.start()) is not None
                  and _WISH.search(text, sentence_start, match.start()) is None)
        hits.append(_Hit(kind, match.start(), match.end(), weight, future))
    return hits


def _title_kinds(title: str | None) -> set[EventType]:
    """Event kinds the headline names."""
    return {_CUE_WEIGHT[phrase_key(match.group())][0] for match in _CUE_RE.finditer(title or "")}


def _scores(hits: list[_Hit], title_kinds: set[EventType]) -> dict[EventType, float]:
    """Total weight per event kind; a headline cue counts as several body mentions."""
    scores: dict[EventType, float] = {}
    for hit in hits:
        scores[hit.kind] = scores.get(hit.kind, 0.0) + hit.weight
    for kind in title_kinds:
        scores[kind] = scores.get(kind, 0.0) + _STRONG * _TITLE_FACTOR
    return scores


def is_relevant(article: ArticleText, mentions: list[OrgMention]) -> bool:
    """Whether an LKKS/LKS-type body is central to the article, not a passing or neighbouring mention."""
    return _relevant(_Layout.of(article), mentions)


def _relevant(layout: _Layout, mentions: list[OrgMention]) -> bool:
    lks = [m for m in mentions if m.organization.kind in _LKS_KINDS]
    if not lks:
        return False
    article = layout.article
    title = article.title or ""
    if any(kind in _LKS_KINDS for kind in organization_kinds(title)):
        return True
    lead = set(layout.lead) | {i for i in layout.headlines if i < 2}
    lead_hits = sum(1 for m in lks if layout.slot(m.start) in lead)
    off_topic = len(_OFF_TOPIC.findall(article.text)) + 3 * len(_OFF_TOPIC.findall(title))
    if off_topic > len(lks):
        return len(lks) >= 4 and lead_hits >= 1
    return (lead_hits >= 1 and len(lks) >= 2) or len(lks) >= 3


def _absolute(article: ArticleText, mention: DateMention) -> int | None:
    """Where a date mention starts in the joined text."""
    if mention.evidence is None:
        return None
    for slot, paragraph in enumerate(article.paragraphs):
        if paragraph.index == mention.evidence.paragraph:
            return article.starts[slot] + mention.evidence.start
    return None


def _choose_date(layout: _Layout, dates: list[DateMention], cues: list[_Hit], *, main: bool,
                 ) -> tuple[DateMention | None, _Hit | None]:
    """The event's date and the cue it goes with.

    A date in a cue's own paragraph comes first (heaviest cue first). Failing that, an event reported as
    done takes the dateline's or lead's date (the day of the report), then any date near publication; an
    announced one ("akan dilantik") keeps no date rather than borrow the report's.
    """
    article = layout.article
    placed = [(position, d) for d in dates if (position := _absolute(article, d)) is not None]
    explicit = [(p, d) for p, d in placed if d.value is not None and any(c.isdigit() for c in d.text)]
    weekdays = [(p, d) for p, d in placed if not any(c.isdigit() for c in d.text)]
    for cue in cues:
        slot = layout.slot(cue.start)
        same = [(p, d) for p, d in explicit if layout.slot(p) == slot]
        after = [(p, d) for p, d in same if p >= cue.start]
        if after or same:
            return min(after or same, key=lambda item: abs(item[0] - cue.start))[1], cue
        if main:
            # The main event is the report's own: look no further than its heaviest cue's paragraph.
            break
    best = cues[0] if cues else None
    if best is not None and best.future:
        return None, best
    lead = set(layout.lead) | {0}
    for pool in (explicit, weekdays):
        in_lead = [d for p, d in pool if layout.slot(p) in lead]
        if in_lead:
            return in_lead[0], best
    published = article.published
    near = [d for _, d in explicit
            if published is None or (d.value is not None and abs((d.value - published).days) <= 90)]
    if near:
        return near[0], best
    return (weekdays[0][1] if weekdays else None), best


@dataclass(slots=True)
class _Periods:
    """Tenure periods of an article: absolute ("periode 2024-2029") and relative ("lima tahun ke depan")."""

    fixed: list[tuple[int, int, int, int]]
    relative: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str) -> _Periods:
        """All periods a text states."""
        from pipeline.analyse import dates

        relative = []
        for match in _RELATIVE_PERIOD.finditer(text):
            word = match.group("years").lower()
            relative.append((match.start(), int(word) if word.isdigit() else _NUMBER_WORDS[word]))
        return cls(list(dates.find_periods(text)), relative)

    def near(self, position: int, year: int | None, within: tuple[int, int] | None) -> tuple[int, int] | None:
        """(start, end) years of the period closest to `position`; relative ones count from `year`."""
        candidates = [(start, first, last) for start, _, first, last in self.fixed]
        if year is not None:
            candidates.extend((start, year, year + length) for start, length in self.relative)
        if within is not None:
            candidates = [c for c in candidates if within[0] <= c[0] < within[1]]
        if not candidates:
            return None
        _, first, last = min(candidates, key=lambda c: abs(c[0] - position))
        return first, last


def _tense(layout: _Layout, cue: _Hit | None, date: dt.date | None) -> Tense:
    """Future when the cue is announced ("akan dilantik") or dated after publication; past when reported as done."""
    article = layout.article
    text = article.text
    sentence = ""
    if cue is not None:
        start = max(text.rfind(".", 0, cue.start), text.rfind("\n", 0, cue.start)) + 1
        if _FUTURE.search(text, max(start, cue.start - 80), cue.start):
            return "future"
        end_match = _SENTENCE_END.search(text, cue.end)
        sentence = text[start:end_match.start() if end_match else len(text)]
    if date is not None and article.published is not None:
        return "future" if date > article.published else "past"
    lead_text = " ".join(article.paragraphs[i].text for i in layout.lead)
    if _PAST.search(sentence) or _PAST.search(lead_text):
        return "past"
    return "unknown"


def _event_organizations(layout: _Layout, mentions: list[OrgMention], cue: _Hit | None) -> list[Organization]:
    """Organisations named in the first paragraph or the cue's; the main LKS-type body at least."""
    places = set(layout.lead[:1])
    if cue is not None:
        places.add(layout.slot(cue.start))
    chosen: dict[tuple[str, str], Organization] = {}
    for mention in mentions:
        org = mention.organization
        if org.kind in _EVENT_ORG_KINDS and layout.slot(mention.start) in places:
            chosen.setdefault((org.kind, org.name), org)
    if not any(o.kind in _LKS_KINDS for o in chosen.values()):
        tally: dict[tuple[str, str], int] = {}
        first: dict[tuple[str, str], Organization] = {}
        for mention in mentions:
            if mention.organization.kind in _LKS_KINDS:
                key = (mention.organization.kind, mention.organization.name)
                tally[key] = tally.get(key, 0) + 1
                first.setdefault(key, mention.organization)
        if tally:
            best = max(tally, key=lambda k: tally[k])
            chosen = {best: first[best], **chosen}
    ordered = sorted(chosen.values(), key=lambda o: o.kind not in _LKS_KINDS)
    return [Organization(kind=o.kind, name=o.name, region_code=o.region_code) for o in ordered]


def _same_sentence_kind(text: str, cue: _Hit, hits: list[_Hit], kind: EventType) -> bool:
    """True when a cue of `kind` stands in the same sentence as `cue`."""
    start = max(text.rfind(".", 0, cue.start), text.rfind("\n", 0, cue.start)) + 1
    end_match = _SENTENCE_END.search(text, cue.end)
    end = end_match.start() if end_match else len(text)
    return any(h.kind == kind and start <= h.start < end for h in hits)


def _ranked_hits(hits: list[_Hit], kind: EventType) -> list[_Hit]:
    """The cues of a kind, heaviest first, the earliest on ties."""
    return sorted((h for h in hits if h.kind == kind), key=lambda h: (-h.weight, h.start))


def _kinds(hits: list[_Hit], title: str | None, article_text: str) -> list[EventType]:
    """Event kinds to report, main first: the best-scored one, then others with lead, frame or headline support."""
    title_kinds = _title_kinds(title)
    scores = _scores(hits, title_kinds)
    ranked = sorted(scores, key=lambda k: (-scores[k], min((h.start for h in hits if h.kind == k), default=-1)))
    kinds: list[EventType] = []
    if ranked and scores[ranked[0]] >= _MAIN_THRESHOLD:
        kinds.append(ranked[0])
        for kind in ranked[1:]:
            # A second activity needs support in the body (a strong cue in the lead or framed as taking place)
            # on top of its score, or an announcement ("akan dilantik", "berencana menyalurkan bantuan"): a
            # headline alone often names a background fact.
            body = [h for h in hits if h.kind == kind]
            supported = any(h.weight > _STRONG for h in body)
            announced = any(h.future and phrase_key(article_text[h.start:h.end]) in _STRONG_CUES for h in body)
            if (scores[kind] >= _SECOND_THRESHOLD and supported) or announced:
                kinds.append(kind)
    return kinds or ["other"]


def find_events(article: ArticleText, analysis: Analysis) -> tuple[bool, list[Event]]:
    """Whether the article is relevant, and the LKKS/LKS activities it reports (main one first)."""
    if not article.text:
        return False, []
    layout = _Layout.of(article)
    mentions = find_org_mentions(article, analysis.regions)
    if not _relevant(layout, mentions):
        return False, []
    hits = _cue_hits(layout)
    periods = _Periods.of(article.text)
    fallback = dominant_region(analysis.regions)
    events: list[Event] = []
    for number, kind in enumerate(_kinds(hits, article.title, article.text)):
        chosen, cue = _choose_date(layout, analysis.dates, _ranked_hits(hits, kind), main=number == 0)
        if (chosen is None and events and events[0].tense == "future" and cue is not None and cue.future
                and _same_sentence_kind(article.text, cue, hits, events[0].type)):
            # Announced as part of the announced main event ("pelantikan akan dirangkaikan dengan ..."): its day.
            chosen = next((d for d in analysis.dates if d.value == events[0].date and d.text == events[0].date_text),
                          None)
        date = chosen.value if chosen is not None else None
        year = date.year if date is not None else article.published.year if article.published else None
        organizations = _event_organizations(layout, mentions, cue)
        region = next((o.region_code for o in organizations if o.kind in _LKS_KINDS and o.region_code), None)
        region = region or next((o.region_code for o in organizations if o.region_code), None)
        if region is None and fallback is not None:
            region = fallback.code
        event = Event(type=kind, date=date, date_text=chosen.text if chosen is not None else None,
                      tense=_tense(layout, cue, date), organizations=organizations, region_code=region,
                      evidence=article.evidence(cue.start, cue.end) if cue is not None else None)
        anchor = cue.start if cue is not None else 0
        within: tuple[int, int] | None = None
        if kind not in _TENURE_TYPES:
            # A board's term belongs to an installation or election; elsewhere only when stated beside the cue.
            slot = layout.slot(anchor)
            within = (article.starts[slot], article.starts[slot] + len(article.paragraphs[slot].text))
        period = periods.near(anchor, year, within)
        if period is not None:
            event.period_start, event.period_end = period
        events.append(event)
    return True, events
