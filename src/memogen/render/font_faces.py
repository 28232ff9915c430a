"""reportlab's reading of a static font, kept beside the font file so the next process loads it back.

Why: `reportlab.pdfbase.ttfonts.TTFont` reads a whole TrueType file in pure Python (its glyph
widths, character map and metrics) every time a process registers it: ~10 ms a face, four to six
faces for each PDF, every build. What it reads is a pure function of the font file and reportlab's
version, so the font's attributes are pickled beside the file under a key of both (and the file's
size and modification time, in case it is cut again) and loaded back in about half the time.
Two attributes are not data: the face's scale function (a closure, rebuilt from ``unitsPerEm``
as reportlab builds it) and the per-document state (a fresh empty WeakKeyDictionary, as
reportlab's constructor makes it). A file that cannot be read or written costs the parse, never
the build.
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Callable
from pathlib import Path
from weakref import WeakKeyDictionary

from .fonts import write_cache_file

_NOT_DATA = ("state", "face")  # TTFont attributes rebuilt on load (the face is pickled on its own)
_SCALE = "_pdfScale"


def load_ttfont(name: str, path: Path):  # noqa: ANN201 - a reportlab TTFont (imported lazily)
    """`TTFont(name, path)`, from the kept reading of the file when there is one."""
    from reportlab import Version
    from reportlab.pdfbase.ttfonts import TTFont

    kept = kept_path(name, path, Version)
    font = _load(kept) if kept else None
    if font is None:
        font = TTFont(name, str(path))
        if kept:
            _store(kept, font)
    return font


def kept_path(name: str, path: Path, reportlab_version: str) -> Path | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return path.with_name(f"{path.stem}.{name}.rl{reportlab_version}-{st.st_size}-{st.st_mtime_ns}.face")


def pdf_scale(units_per_em: int) -> Callable[[float], float]:
    """Font units -> PDF glyph units (1/1000 em), the same arithmetic as reportlab's extractInfo."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _load(kept: Path):  # noqa: ANN202 - a TTFont or None
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

    try:
        font_attrs, face_attrs = pickle.loads(kept.read_bytes())  # noqa: S301 - our own cache file
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError, ImportError):
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_attrs)
    face.__dict__[_SCALE] = pdf_scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(font_attrs)
    font.face = face
    font.state = WeakKeyDictionary()
    return font


def _store(kept: Path, font: object) -> None:
    """Pickle the font's data attributes beside the font file (a failed write costs a parse next time)."""
    font_attrs = {k: v for k, v in vars(font).items() if k not in _NOT_DATA}
    face_attrs = {k: v for k, v in vars(font.face).items() if k != _SCALE}
    try:
        blob = pickle.dumps((font_attrs, face_attrs), protocol=pickle.HIGHEST_PROTOCOL)
        write_cache_file(kept, lambda handle: handle.write(blob))
    except (OSError, pickle.PicklingError, AttributeError, TypeError):
        return
    stem = kept.name.split(".rl", 1)[0]
    for old in kept.parent.glob(f"{stem}.rl*.face"):  # readings of an older reportlab or file
        if old != kept:
            with contextlib.suppress(OSError):
                old.unlink()
