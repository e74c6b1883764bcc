"""The article text components share: offsets back to paragraphs, and the quick case-insensitive cue check."""

from __future__ import annotations

import re
import sys

from pipeline.analyse.context import FOLDED_LETTERS, ArticleText, may_contain
from pipeline.models import Document, Paragraph


def test_evidence_maps_back_to_the_kept_paragraph() -> None:
    document = Document(paragraphs=[Paragraph(index=0, text="Menu", status="boilerplate"),
                                    Paragraph(index=1, text="Satu dua."), Paragraph(index=2, text="Tiga empat.")])
    article = ArticleText.from_document(document)
    assert article.text == "Satu dua.\n\nTiga empat."
    start = article.text.index("empat")
    evidence = article.evidence(start, start + 5)
    assert (evidence.paragraph, evidence.start, evidence.end) == (2, 5, 10)


def test_only_the_folded_letters_read_as_ascii_letters() -> None:
    """The premise of `may_contain`: other characters neither match an ASCII letter nor lower-case to one."""
    others = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if chr(c) not in FOLDED_LETTERS)
    assert re.search(r"(?i)[a-z]", others) is None
    assert re.search(r"[a-z]", others.lower()) is None
    assert len(others.lower()) == len(others)
    assert all(re.fullmatch(r"(?i)[a-z]", letter) for letter in FOLDED_LETTERS)


def test_may_contain_is_never_a_false_no() -> None:
    assert may_contain("Pengurus TERDIRI dari", "terdiri")
    assert not may_contain("Pengurus hadir", "terdiri", "jabatan")
    assert may_contain("DİNAS", "din")  # a dotted capital I: the cheap check cannot rule it out
    assert re.search("din", "DİNAS", re.IGNORECASE)


def test_the_pipeline_carries_the_article_on_an_untokenised_doc() -> None:
    from pipeline.analyse import _make_doc, analyse, build_nlp

    document = Document(paragraphs=[Paragraph(index=0, text="Gubernur Kalsel H. Muhidin menyerahkan bantuan.")])
    doc = _make_doc(build_nlp(), document)
    assert len(doc) == 0  # no component reads tokens, so none are made
    assert doc.user_data["lkks"].article.text == document.paragraphs[0].text
    assert [o.name for o in analyse(document).officials] == ["Muhidin"]
