"""The shipped section model is what `benchmarks/fit_sections.py` fits from today's code: anyone can refit it.

The model file records the options it was fitted with; refitting the chosen settings on the same labelled
data must give the shipped weights, bias and transitions to the stored decimal.  (The whole command,
grid search included, is checked byte for byte by `benchmarks/fit_sections.py --check`, exit code 1 on
a difference.)  Skips where ../shared/corpus is absent (the labelled pages live there).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from memogen.sections.learned import load_model

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "src" / "memogen" / "sections" / "section_model.json"
CORPUS = ROOT.parent / "shared" / "corpus" / "sectioned"


def test_the_model_file_records_the_command_that_fits_it() -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    options = data["fit_options"]
    assert data["fit_command"] == "benchmarks/fit_sections.py " + " ".join(options) + " --write"
    assert "--train" in options and options[options.index("--train") + 1] == "tune"  # held half never fitted
    assert data["long_paragraph"] == load_model().long_paragraph


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_refitting_the_recorded_choice_gives_the_shipped_weights() -> None:
    pytest.importorskip("scipy")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import fit_sections

    shipped = json.loads(MODEL.read_text(encoding="utf-8"))
    args = fit_sections._parser().parse_args(shipped["fit_options"])
    costs = shipped["change_costs"]
    chosen = fit_sections.Settings(
        c=shipped["C"],
        balance=shipped["balance"],
        paragraph=tuple(costs["paragraph"]),
        long=tuple(costs["long"]),
        short=tuple(costs["short"]),
        long_paragraph=shipped["long_paragraph"],
        theme=tuple(costs["theme"]),
    )
    assert chosen in fit_sections.settings_grid(args)  # the recorded choice is one its options tried
    docs = fit_sections.load_docs(args.train) + (fit_sections.fixture_docs("tune") if args.fixtures else [])
    refit = json.loads(fit_sections.fit(docs, chosen).to_json())
    for key in ("classes", "bias", "weights", "transitions", "long_paragraph"):
        assert refit[key] == shipped[key], key
