"""Regression gate: extraction scores on the gold sets may not fall below the pinned floors.

Raise a floor when the extractor improves; never lower one to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import Accuracy, EvalReport, FieldScore, evaluate

GOLD = Path(__file__).resolve().parent / "gold"

# field -> floor of F1 (P/R/F1 fields) or accuracy, per gold folder.
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"relevance": 1.0, "event_type": 0.99, "event_date": 0.99, "event_tense": 0.99, "officials": 0.99,
            "official_role_kind": 0.99, "regions": 0.99, "counts": 0.99},
    "heldout": {"relevance": 1.0, "event_type": 0.99, "event_date": 0.99, "event_tense": 0.99, "officials": 0.99,
                "official_role_kind": 0.99, "regions": 0.99, "counts": 0.99},
    "dev2": {"relevance": 1.0, "event_type": 0.99, "event_date": 0.99, "event_tense": 0.99, "officials": 0.99,
             "official_role_kind": 0.99, "regions": 0.99, "counts": 0.99},
}


def _score(report: EvalReport, field: str) -> float:
    value = report.fields[field]
    if isinstance(value, FieldScore):
        return value.f1
    assert isinstance(value, Accuracy)
    return value.value


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_scores_do_not_fall_below_the_floors(folder: str) -> None:
    report = evaluate(GOLD / folder)
    assert report.articles >= 10
    below = {field: round(_score(report, field), 3) for field, floor in FLOORS[folder].items()
             if _score(report, field) < floor}
    assert below == {}, report.render(details=True)
