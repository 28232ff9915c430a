"""The learned part of the section classifier: a multinomial logistic regression over the counted
features (features.py) and the odds of moving from one section to the next.

Why a small linear model: a few hundred labelled points of real text (headed briefs, event reports)
are enough to weigh some fifty general features, not to learn words; its weights are readable, and
they ship in a small JSON file (`section_model.json`) that `benchmarks/fit_sections.py` refits from
the corpus, so anyone can check or redo the fit.  Scoring is a few dozen multiplications per point in
plain Python: no numpy or scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import SECTION_KEYS, SectionKey

MODEL_FILE = "section_model.json"
GROUPS = {"t": "time", "p": "position"}  # feature-name prefix -> what the point's reason calls it


@lru_cache(maxsize=1024)
def _group_of(name: str) -> str:
    """The group a feature's name puts it in, read once per name (asked of every feature of every point)."""
    return GROUPS.get(name.split("_", 1)[0], "cue")


@dataclass(frozen=True)
class SectionModel:
    """Weights per feature and section, a bias per section, and log-odds of section transitions.

    `long_paragraph`: from this many points on, a paragraph is an analyst's and its sentences are
    linked by the "sentence" odds (shorter ones are decided point by point); chosen by the fit.
    """

    bias: dict[SectionKey, float]
    weights: dict[str, dict[SectionKey, float]]
    transitions: dict[str, dict[SectionKey, dict[SectionKey, float]]]  # "paragraph"/"sentence": prev -> next
    long_paragraph: int = 4

    def logits(self, features: dict[str, float]) -> dict[SectionKey, float]:
        out = dict(self.bias)
        for name, value in features.items():
            w = self.weights.get(name)
            if w:
                for k in SECTION_KEYS:
                    out[k] += w[k] * value
        return out

    def log_probs(self, features: dict[str, float]) -> dict[SectionKey, float]:
        z = self.logits(features)
        top = max(z.values())
        norm = top + math.log(sum(math.exp(v - top) for v in z.values()))
        return {k: v - norm for k, v in z.items()}

    def contributions(self, features: dict[str, float]) -> dict[str, dict[SectionKey, float]]:
        """Each group's (time / position / cue) share of each section's logit: why a point went where it did."""
        out: dict[str, dict[SectionKey, float]] = {
            g: dict.fromkeys(SECTION_KEYS, 0.0) for g in ("time", "position", "cue")
        }
        for name, value in features.items():
            w = self.weights.get(name)
            if w:
                group = _group_of(name)
                for k in SECTION_KEYS:
                    out[group][k] += w[k] * value
        return out

    def transition(self, kind: str, prev: SectionKey, nxt: SectionKey) -> float:
        return self.transitions[kind][prev][nxt]

    def to_json(self, extra: dict | None = None) -> str:
        data = {
            "classes": list(SECTION_KEYS),
            "bias": [round(self.bias[k], 5) for k in SECTION_KEYS],
            "weights": {n: [round(w[k], 5) for k in SECTION_KEYS] for n, w in sorted(self.weights.items())},
            "transitions": {
                kind: [[round(t[a][b], 5) for b in SECTION_KEYS] for a in SECTION_KEYS]
                for kind, t in self.transitions.items()
            },
            "long_paragraph": self.long_paragraph,
            **(extra or {}),
        }
        return json.dumps(data, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> SectionModel:
        data = json.loads(text)
        keys: list[SectionKey] = data["classes"]
        return cls(
            bias=dict(zip(keys, data["bias"], strict=True)),
            weights={n: dict(zip(keys, w, strict=True)) for n, w in data["weights"].items()},
            transitions={
                kind: {a: dict(zip(keys, row, strict=True)) for a, row in zip(keys, rows, strict=True)}
                for kind, rows in data["transitions"].items()
            },
            long_paragraph=int(data.get("long_paragraph", 4)),
        )


@lru_cache(maxsize=1)
def load_model() -> SectionModel:
    """The shipped model (section_model.json beside this module)."""
    return SectionModel.from_json(
        resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    )
