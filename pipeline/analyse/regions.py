"""Regions an article names: provinces, regencies/cities (and districts named as such), one entry per code."""

from __future__ import annotations

from collections import Counter

from pipeline.analyse import gazetteer
from pipeline.analyse.context import ArticleText
from pipeline.models import RegionMention


def _title_weights(title: str | None) -> Counter[str]:
    """Provinces the headline points into: they settle bare names in the body but are not mentions."""
    weights: Counter[str] = Counter()
    if title:
        for _, region in gazetteer.resolve_hits(gazetteer.scan(title)):
            weights[region.province_code] += 1
    return weights


def find_regions(article: ArticleText, *, districts: bool = True) -> list[RegionMention]:
    """One RegionMention per region named in the kept text, in order of first mention, with its count."""
    text = article.text
    if not text:
        return []
    resolved = gazetteer.resolve_hits(gazetteer.scan(text), extra_weights=_title_weights(article.title),
                                       text=text)
    spans = [(hit.start, hit.end, region) for hit, region in resolved]
    if districts and ("ecamatan" in text or "Kec." in text or "istrik" in text):
        spans.extend(gazetteer.find_districts(text, {region.code for _, _, region in spans}))
        spans.sort(key=lambda span: span[0])
    found: dict[str, RegionMention] = {}
    for start, end, region in spans:
        mention = found.get(region.code)
        if mention is None:
            found[region.code] = RegionMention(name=region.name, level=region.level, code=region.code,
                                               mentions=1, evidence=article.evidence(start, end))
        else:
            mention.mentions += 1
    return list(found.values())
