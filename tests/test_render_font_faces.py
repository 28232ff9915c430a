"""A font loaded from its kept reading is the font reportlab reads from the file, attribute for attribute."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402

from memogen.render.font_faces import load_ttfont  # noqa: E402
from memogen.render.fonts import BODY, default_cache_dir, face_paths  # noqa: E402


@pytest.fixture(scope="module")
def serif_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faces")
    return Path(shutil.copy(face_paths(default_cache_dir(), arabic=False)[BODY], folder))


def _data(obj: object, skip: tuple[str, ...]) -> dict:
    """An object's attributes as comparable values (reportlab's helper objects compare by attributes)."""
    return {k: _value(v) for k, v in vars(obj).items() if k not in skip}


def _value(v: object) -> object:
    if type(v).__module__.startswith("reportlab"):
        return type(v), _data(v, ())
    return v


def test_kept_reading_loads_the_same_font(serif_copy):
    fresh = TTFont(BODY, str(serif_copy))
    first = load_ttfont(BODY, serif_copy)  # parses, keeps the reading beside the file
    (kept,) = serif_copy.parent.glob("*.face")
    loaded = load_ttfont(BODY, serif_copy)  # from the kept reading
    assert kept.name.startswith(serif_copy.stem + "." + BODY + ".rl")
    for font in (first, loaded):
        assert type(font) is TTFont and type(font.face) is type(fresh.face)
        assert _data(font, ("face", "state")) == _data(fresh, ("face", "state"))
        assert _data(font.face, ("_pdfScale",)) == _data(fresh.face, ("_pdfScale",))
        assert len(font.state) == 0
        for units in (0, 1, 333, 2048, -120):
            assert font.face._pdfScale(units) == fresh.face._pdfScale(units)
        assert font.stringWidth("Łódź, 7 April", 10) == fresh.stringWidth("Łódź, 7 April", 10)


def test_a_damaged_or_stale_reading_is_read_again(serif_copy, tmp_path):
    font_file = Path(shutil.copy(serif_copy, tmp_path))
    load_ttfont(BODY, font_file)
    (kept,) = tmp_path.glob("*.face")
    kept.write_bytes(b"not a pickle")
    assert load_ttfont(BODY, font_file).face.charWidths == TTFont(BODY, str(font_file)).face.charWidths
    with open(font_file, "ab") as handle:  # the font file changed: a new key, the old reading goes
        handle.write(b"\0\0\0\0")
    load_ttfont(BODY, font_file)
    (kept_now,) = tmp_path.glob("*.face")
    assert kept_now.name != kept.name


RENDER = """
import sys
sys.path.insert(0, sys.argv[2])
from memo_factory import sample_memo
from memogen.render.pdf import render_pdf
from pathlib import Path
Path(sys.argv[1]).write_bytes(render_pdf(sample_memo(points_per_section=3, long_text=True)))
"""


def test_a_pdf_made_with_kept_readings_is_byte_identical(tmp_path):
    import os
    import subprocess
    import sys

    cache = tmp_path / "fonts"  # the static instances, without any kept reading
    cache.mkdir()
    for ttf in default_cache_dir().glob("*.ttf"):
        shutil.copy(ttf, cache)
    env = {**os.environ, "MEMOGEN_FONT_CACHE": str(cache)}
    tests = str(Path(__file__).parent)
    outputs = []
    for run in ("cold", "warm"):
        out = tmp_path / f"{run}.pdf"
        subprocess.run([sys.executable, "-c", RENDER, str(out), tests], env=env, check=True)
        outputs.append(out.read_bytes())
        if run == "cold":
            assert list(cache.glob("*.face"))  # the first process kept its readings
    assert outputs[0] == outputs[1]
