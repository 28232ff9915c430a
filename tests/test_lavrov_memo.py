"""Content acceptance on the development topic: the memo an analyst would sign.

These check properties (each fact once, conflicts stated, no dangling starts),
not wording: the product must earn them with general rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from memogen.pipeline import BuildOptions, run_build

ROOT = Path(__file__).resolve().parents[1]
DANGLING = re.compile(
    r"^(he|she|it|they|this|these|those|that|his|her|its|their|moreover|however|further|furthermore|"
    r"also|besides|conversely|thus|hence|therefore|additionally|meanwhile|but|and|so)\b[ ,]",
    re.I,
)


@pytest.fixture(scope="module")
def memo(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    return run_build(
        BuildOptions(
            topic="lavrov-2021", inputs_dir=ROOT / "inputs", out_dir=out, formats=["json"], quiet=True
        )
    ).memo


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def test_nine_years_fact_once_citing_every_source_that_states_it(memo):
    pattern = re.compile(r"\b(nine|9) years\b", re.I)
    stating = {s.id for s in memo.sources if pattern.search(s.text)}
    assert len(stating) >= 3
    hits = [p for p in memo.points if pattern.search(p.text)]
    assert len(hits) == 1, [p.text for p in hits]
    assert set(hits[0].source_ids) == stating


def test_trade_and_arrival_conflicts_are_stated(memo):
    statements = [c.statement for p in memo.points for c in p.conflicts]
    assert any("350" in s and "790" in s for s in statements), statements
    assert any(re.search(r"\b6\b", s) and re.search(r"\b7\b", s) and "April" in s for s in statements), (
        statements
    )
    for p in memo.points:
        for c in p.conflicts:
            assert len({v.source_id for v in c.values}) >= 2
            assert set(v.source_id for v in c.values) <= set(p.source_ids)


def test_no_point_starts_with_a_dangling_pronoun_or_connective(memo):
    bad = [p.text for p in memo.points if DANGLING.match(p.text)]
    assert not bad


def test_no_two_memo_sentences_state_the_same_fact(memo):
    points = memo.points
    for i, a in enumerate(points):
        for b in points[i + 1 :]:
            wa, wb = _words(a.text), _words(b.text)
            overlap = len(wa & wb) / max(1, min(len(wa), len(wb)))
            assert overlap < 0.75, (a.text, b.text)


def test_pre_event_source_never_reports_what_happened(memo):
    early = {s.id for s in memo.sources if s.metadata.date and s.metadata.date.year < 2021}
    assert early, "the 2019 Daily Times piece should be dated 2019"
    for p in memo.section("what_happened").points:
        assert not set(p.source_ids) <= early, p.text


def test_memo_fits_the_word_budget(memo):
    words = sum(len(" ".join(r.text for r in p.body_inlines()).split()) for p in memo.points)
    assert 300 <= words <= 900
