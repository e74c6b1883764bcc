"""Score extractor output against annotated gold articles (`lkks eval GOLD_DIR`).

A gold article is `NAME.txt` (or `.html`/`.htm`) with `NAME.json` beside it holding the
contract keys that are scored: `relevant`, `events` (`type`, `date`, optional `date_alt`,
`tense`), `officials` (`name`, `role_kind`, optional `acting`, `aliases`), `regions`
(`code`) and `counts` (`value`, `unit`, optional `unit_alt`). Any gold event, official,
region or count may carry `"optional": true`: predicting it is neither rewarded nor
punished, missing it is not a miss. Use it only for readings a careful annotator finds
genuinely debatable.

Fields (the keys of `EvalReport.fields`):

- `relevance` (accuracy): predicted `relevant` equals the gold flag, over all articles.
- `event_type` (P/R/F1): over (article, event type) pairs, each article's types taken as a
  set. On a gold-negative article every predicted type is a false positive.
- `event_main_type` (accuracy): relevant articles whose first gold event type is among the
  predicted types.
- `event_date` (accuracy): per gold event that has a `date` key, correct when a predicted
  event of the same type, not used for another gold event, has that date or one of
  `date_alt` (multi-day events list their other days there); a gold `null` date needs a
  predicted `null`.
- `event_tense` (accuracy): per gold event with a `tense`, correct when a predicted event of
  the same type has that tense.
- `officials` (P/R/F1): gold and predicted people matched one to one by name, see
  `name_match`.
- `official_role_kind` (accuracy): over matched pairs, the predicted `role_kind` is the gold one.
- `official_acting` (accuracy): over matched pairs whose gold has `acting`.
- `regions` (P/R/F1): sets of province (`NN`) and regency/city (`NN.NN`) codes. Predicted
  districts and villages are ignored, and so is a predicted province that is the parent of
  a gold regency/city (inferring the province of a named regency is not an error).
- `counts` (P/R/F1): sets of (value, head word of unit) pairs, the head word being the
  unit's first word lower-cased, so "organisasi sosial" matches "organisasi".

Negatives (gold `relevant: false`) are scored on `relevance` and add predicted events as
`event_type` false positives; their officials, regions and counts are not scored, since
nothing of a non-LKKS article is loaded as a fact.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
FIELD_ORDER = (
    "relevance",
    "event_type",
    "event_main_type",
    "event_date",
    "event_tense",
    "officials",
    "official_role_kind",
    "official_acting",
    "regions",
    "counts",
)

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_EDGE_PUNCTUATION = " ,.;:"
# Extra tokens forgiven in a partial name match must be plain name words: a token with a dot
# or a comma ("H.", "S.Sos", "M.Si,") is a title or degree the contract says to drop.
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


@dataclass
class FieldScore:
    """True/false positives and false negatives of a set-valued field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are right; 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found; 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def support(self) -> int:
        """Number of gold items."""
        return self.tp + self.fn

    def as_dict(self) -> dict[str, Any]:
        """Counts and rates, rounded for display."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4), "support": self.support}


@dataclass
class Accuracy:
    """Correct decisions out of a total."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """Share correct; 1.0 when there was nothing to decide."""
        return self.correct / self.total if self.total else 1.0

    @property
    def support(self) -> int:
        """Number of decisions scored."""
        return self.total

    def add(self, ok: bool) -> None:
        """Record one decision."""
        self.total += 1
        self.correct += int(ok)

    def as_dict(self) -> dict[str, Any]:
        """Counts and rate, rounded for display."""
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4),
                "support": self.support}


@dataclass
class EvalReport:
    """Scores of one evaluation run, overall and per article."""

    articles: int
    fields: dict[str, FieldScore | Accuracy]
    per_article: list[dict[str, Any]] = field(default_factory=list)

    def render(self, *, details: bool = False) -> str:
        """A plain-text table of every field; with `details`, each article's errors below it."""
        lines = [f"Evaluated {self.articles} article(s)", "",
                 f"{'field':<20} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'support':>8}"]
        lines.append("-" * len(lines[-1]))
        for name, score in self.fields.items():
            if isinstance(score, FieldScore):
                lines.append(f"{name:<20} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f} "
                             f"{'':>6} {score.support:>8}")
            else:
                lines.append(f"{name:<20} {'':>6} {'':>6} {'':>6} {score.value:>6.3f} {score.support:>8}")
        if details:
            for article in self.per_article:
                problems = _describe_problems(article)
                if problems:
                    lines.extend(["", article["article"], *(f"  {p}" for p in problems)])
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form: article count, per-field scores, per-article errors."""
        return {"articles": self.articles,
                "fields": {name: score.as_dict() for name, score in self.fields.items()},
                "per_article": self.per_article}


def _describe_problems(article: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if article.get("error"):
        problems.append(f"error: {article['error']}")
    relevance = article["relevant"]
    if relevance["gold"] != relevance["predicted"]:
        problems.append(f"relevant: gold {relevance['gold']}, predicted {relevance['predicted']}")
    for section in ("event_type", "officials", "regions", "counts"):
        for kind in ("missed", "false_positive"):
            items = article.get(section, {}).get(kind, [])
            if items:
                problems.append(f"{section} {kind.replace('_', ' ')}: {', '.join(map(str, items))}")
    for wrong in article.get("event_date", {}).get("wrong", []):
        problems.append(f"event_date {wrong['type']}: gold {wrong['gold']}, predicted {wrong['predicted']}")
    for wrong in article.get("officials", {}).get("role_kind_wrong", []):
        problems.append(f"role_kind {wrong['name']}: gold {wrong['gold']}, predicted {wrong['predicted']}")
    return problems


def normalise_name(name: str) -> str:
    """Case-, diacritic- and whitespace-insensitive form of a person's name."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.translate(_QUOTES).casefold().split()).strip(_EDGE_PUNCTUATION)


def name_match(gold: str, predicted: str) -> int:
    """2 for the same normalised name, 1 for a fair partial match, 0 for none.

    A partial match: the shorter name has at least two tokens and is the leading or trailing
    run of the longer one, whose extra tokens are plain name words (no dots, commas or digits),
    e.g. "Dewi Damayanti Said" ~ "Damayanti Said", but not "Dewi" nor "Devi Riansyah, A.KS".
    """
    gold_norm, predicted_norm = normalise_name(gold), normalise_name(predicted)
    if not gold_norm or not predicted_norm:
        return 0
    if gold_norm == predicted_norm:
        return 2
    short, long = sorted((gold_norm.split(), predicted_norm.split()), key=len)
    size = len(short)
    if size < 2 or size == len(long):
        return 0
    for run, extra in ((long[:size], long[size:]), (long[-size:], long[:-size])):
        if run == short and all(_NAME_WORD.fullmatch(token) for token in extra):
            return 1
    return 0


def unit_head(unit: str | None) -> str:
    """First word of a count's unit, lower-cased: what count matching compares."""
    words = (unit or "").split()
    return words[0].casefold() if words else ""


def _count_key(value: Any, unit: str | None) -> tuple[float, str] | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number):
        return None
    return round(number, 6), unit_head(unit)


def find_gold(gold_dir: Path) -> list[tuple[Path, Path]]:
    """(annotation, article) pairs under `gold_dir`: every `*.json` with a sibling article file."""
    pairs: list[tuple[Path, Path]] = []
    for annotation in sorted(gold_dir.rglob("*.json")):
        for suffix in ARTICLE_SUFFIXES:
            article = annotation.with_suffix(suffix)
            if article.is_file():
                pairs.append((annotation, article))
                break
    return pairs


def load_gold(annotation: Path) -> dict[str, Any]:
    """One annotation file, checked for the keys scoring needs."""
    try:
        gold = json.loads(annotation.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{annotation}: cannot read gold annotation: {exc}") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("relevant"), bool):
        raise ValueError(f"{annotation}: gold annotation needs a boolean 'relevant'")
    for key in ("events", "officials", "regions", "counts"):
        if not isinstance(gold.get(key, []), list):
            raise ValueError(f"{annotation}: gold '{key}' must be a list")
    return gold


def _items(obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = obj.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _split_optional(items: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    required = [item for item in items if not item.get("optional")]
    optional = [item for item in items if item.get("optional")]
    return required, optional


def _new_fields() -> dict[str, FieldScore | Accuracy]:
    return {
        "relevance": Accuracy(),
        "event_type": FieldScore(),
        "event_main_type": Accuracy(),
        "event_date": Accuracy(),
        "event_tense": Accuracy(),
        "officials": FieldScore(),
        "official_role_kind": Accuracy(),
        "official_acting": Accuracy(),
        "regions": FieldScore(),
        "counts": FieldScore(),
    }


@dataclass
class _Scorer:
    """Accumulates field scores article by article."""

    fields: dict[str, FieldScore | Accuracy] = field(default_factory=_new_fields)

    def field_score(self, name: str) -> FieldScore:
        score = self.fields[name]
        assert isinstance(score, FieldScore)
        return score

    def accuracy(self, name: str) -> Accuracy:
        score = self.fields[name]
        assert isinstance(score, Accuracy)
        return score

    def score(self, gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Any]:
        gold_relevant = bool(gold["relevant"])
        predicted_relevant = bool(predicted.get("relevant"))
        self.accuracy("relevance").add(gold_relevant == predicted_relevant)
        result: dict[str, Any] = {"relevant": {"gold": gold_relevant, "predicted": predicted_relevant}}
        result["event_type"] = self._event_types(gold, predicted)
        if gold_relevant:
            result["event_date"] = self._event_dates(gold, predicted)
            result["officials"] = self._officials(gold, predicted)
            result["regions"] = self._regions(gold, predicted)
            result["counts"] = self._counts(gold, predicted)
        return result

    def _event_types(self, gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, list[str]]:
        predicted_types = list(dict.fromkeys(str(e.get("type")) for e in _items(predicted, "events")))
        score = self.field_score("event_type")
        if not gold["relevant"]:
            score.fp += len(predicted_types)
            return {"missed": [], "false_positive": predicted_types}
        required, optional = _split_optional(_items(gold, "events"))
        gold_types = list(dict.fromkeys(str(e["type"]) for e in required))
        optional_types = {str(e["type"]) for e in optional}
        missed = [t for t in gold_types if t not in predicted_types]
        false_positive = [t for t in predicted_types if t not in gold_types and t not in optional_types]
        score.tp += len(gold_types) - len(missed)
        score.fn += len(missed)
        score.fp += len(false_positive)
        if gold_types:
            self.accuracy("event_main_type").add(gold_types[0] in predicted_types)
        return {"missed": missed, "false_positive": false_positive}

    def _event_dates(self, gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Any]:
        predicted_events = _items(predicted, "events")
        used: set[int] = set()
        wrong: list[dict[str, Any]] = []
        required, _ = _split_optional(_items(gold, "events"))
        for event in required:
            same_type = [(i, e) for i, e in enumerate(predicted_events) if e.get("type") == event["type"]]
            if "tense" in event:
                self.accuracy("event_tense").add(any(e.get("tense") == event["tense"] for _, e in same_type))
            if "date" not in event:
                continue
            accepted = {event["date"], *event.get("date_alt", [])}
            hit = next((i for i, e in same_type if i not in used and e.get("date") in accepted), None)
            if hit is not None:
                used.add(hit)
            else:
                wrong.append({"type": event["type"], "gold": event["date"],
                              "predicted": [e.get("date") for _, e in same_type]})
            self.accuracy("event_date").add(hit is not None)
        return {"wrong": wrong}

    def _officials(self, gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Any]:
        gold_people = _items(gold, "officials")
        predicted_people = [p for p in _items(predicted, "officials") if isinstance(p.get("name"), str)]
        candidates: list[tuple[int, int, int]] = []
        for gi, person in enumerate(gold_people):
            names = [person["name"], *person.get("aliases", [])]
            for pi, guess in enumerate(predicted_people):
                strength = max(name_match(name, guess["name"]) for name in names)
                if strength:
                    candidates.append((-strength, gi, pi))
        matched_gold: dict[int, int] = {}
        matched_predicted: set[int] = set()
        for _, gi, pi in sorted(candidates):
            if gi not in matched_gold and pi not in matched_predicted:
                matched_gold[gi] = pi
                matched_predicted.add(pi)
        score = self.field_score("officials")
        missed: list[str] = []
        role_kind_wrong: list[dict[str, Any]] = []
        for gi, person in enumerate(gold_people):
            if person.get("optional"):
                continue
            if gi not in matched_gold:
                score.fn += 1
                missed.append(person["name"])
                continue
            score.tp += 1
            guess = predicted_people[matched_gold[gi]]
            role_ok = guess.get("role_kind") == person["role_kind"]
            self.accuracy("official_role_kind").add(role_ok)
            if not role_ok:
                role_kind_wrong.append({"name": person["name"], "gold": person["role_kind"],
                                        "predicted": guess.get("role_kind")})
            if "acting" in person:
                self.accuracy("official_acting").add(bool(guess.get("acting")) == bool(person["acting"]))
        false_positive = [p["name"] for pi, p in enumerate(predicted_people) if pi not in matched_predicted]
        score.fp += len(false_positive)
        return {"missed": missed, "false_positive": false_positive, "role_kind_wrong": role_kind_wrong}

    def _regions(self, gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, list[str]]:
        required, optional = _split_optional(_items(gold, "regions"))
        gold_codes = {str(r["code"]).strip() for r in required}
        optional_codes = {str(r["code"]).strip() for r in optional}
        parents = {code.split(".")[0] for code in gold_codes | optional_codes if "." in code}
        predicted_codes = {str(r.get("code", "")).strip() for r in _items(predicted, "regions")}
        # Districts and villages are allowed by the contract but not required, so not scored.
        predicted_codes = {code for code in predicted_codes if code and code.count(".") <= 1}
        missed = sorted(gold_codes - predicted_codes)
        false_positive = sorted(predicted_codes - gold_codes - optional_codes - parents)
        score = self.field_score("regions")
        score.tp += len(gold_codes) - len(missed)
        score.fn += len(missed)
        score.fp += len(false_positive)
        return {"missed": missed, "false_positive": false_positive}

    def _counts(self, gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, list[str]]:
        predicted_keys: list[tuple[float, str]] = []
        for item in _items(predicted, "counts"):
            key = _count_key(item.get("value"), item.get("unit"))
            if key is not None and key not in predicted_keys:
                predicted_keys.append(key)
        required, optional = _split_optional(_items(gold, "counts"))
        unused = list(predicted_keys)
        missed: list[str] = []
        score = self.field_score("counts")
        for count in required:
            accepted = _accepted_count_keys(count)
            hit = next((key for key in unused if key in accepted), None)
            if hit is None:
                score.fn += 1
                missed.append(f"{count['value']} {count['unit']}")
            else:
                score.tp += 1
                unused.remove(hit)
        optional_keys = {key for count in optional for key in _accepted_count_keys(count)}
        false_positive = [f"{_format_number(v)} {u}" for v, u in unused if (v, u) not in optional_keys]
        score.fp += len(false_positive)
        return {"missed": missed, "false_positive": false_positive}


def _accepted_count_keys(count: dict[str, Any]) -> set[tuple[float, str]]:
    keys = {_count_key(count["value"], unit) for unit in (count["unit"], *count.get("unit_alt", []))}
    return {key for key in keys if key is not None}


def _format_number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _default_predict() -> Predict:
    # Imported here so the scorer works (and is testable) without the extraction stack.
    from pipeline.process import process_file

    return process_file


Predict = Callable[[Path], dict[str, Any]]


def iter_scored(gold_dir: Path, predict: Predict) -> Iterator[tuple[Path, dict[str, Any], dict[str, Any]]]:
    """(article, gold, prediction) for every gold article; a failing prediction becomes `{"error": ...}`."""
    for annotation, article in find_gold(gold_dir):
        gold = load_gold(annotation)
        try:
            predicted: Any = predict(article)
        except Exception as exc:  # one broken article must not stop the whole evaluation
            predicted = {"error": f"{type(exc).__name__}: {exc}"}
        if not isinstance(predicted, dict):
            predicted = {"error": "prediction is not an object"}
        yield article, gold, predicted


def evaluate(gold_dir: Path, *, predict: Predict | None = None) -> EvalReport:
    """Run `predict` (default: the real extractor) on every gold article and score it."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"gold directory not found: {gold_dir}")
    scorer = _Scorer()
    per_article: list[dict[str, Any]] = []
    for article, gold, predicted in iter_scored(gold_dir, predict or _default_predict()):
        result = {"article": article.relative_to(gold_dir).as_posix(), **scorer.score(gold, predicted)}
        if predicted.get("error"):
            result["error"] = str(predicted["error"])
        per_article.append(result)
    return EvalReport(articles=len(per_article), fields=scorer.fields, per_article=per_article)
