"""Embedded Unicode fonts for the PDF writer: static Noto instances made from the fontpkg-noto-* packages.

The fontpkg-noto-* wheels ship *variable* fonts (``NotoSerif[wdth,wght].ttf``).  reportlab reads only
the default instance of a variable font, so "bold" would look exactly like "regular".  We therefore
cut static Regular/Bold/Italic/BoldItalic instances with ``fontTools.varLib.instancer`` once, cache them
in the user cache directory keyed by the variable font's hash (a package upgrade makes new files), and
register those with reportlab.  reportlab embeds TTF fonts as subsets, which keeps the PDF small.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BODY = "MemoSerif"  # body text, notes, sources
SANS = "MemoSans"  # title, headings, header labels, footer; also the fallback for symbols
ARABIC = "MemoArabic"  # Arabic-script runs (Urdu, Arabic, Persian names)

_STYLES = ("", "-Bold", "-Italic", "-BoldItalic")


@dataclass(frozen=True)
class Face:
    """One static face to cut: which variable font, at which weight, registered under which name."""

    name: str
    package: str
    filename: str
    weight: int


@dataclass(frozen=True)
class FontSet:
    """The registered family names plus each family's character coverage (for per-run font switching)."""

    body: str
    sans: str
    arabic: str
    coverage: dict[str, frozenset[int]]

    def covers(self, family: str, char: str) -> bool:
        return ord(char) in self.coverage.get(family, frozenset())


def _faces() -> list[Face]:
    """Faces memogen uses; Arabic has no italic, so its italic slots reuse the upright faces."""
    serif, sans, arabic = "fontpkg_noto_serif", "fontpkg_noto_sans", "fontpkg_noto_sans_arabic"
    return [
        Face(BODY, serif, "NotoSerif[wdth,wght].ttf", 400),
        Face(BODY + "-Bold", serif, "NotoSerif[wdth,wght].ttf", 700),
        Face(BODY + "-Italic", serif, "NotoSerif-Italic[wdth,wght].ttf", 400),
        Face(BODY + "-BoldItalic", serif, "NotoSerif-Italic[wdth,wght].ttf", 700),
        Face(SANS, sans, "NotoSans[wdth,wght].ttf", 400),
        Face(SANS + "-Bold", sans, "NotoSans[wdth,wght].ttf", 700),
        Face(ARABIC, arabic, "NotoSansArabic[wdth,wght].ttf", 400),
        Face(ARABIC + "-Bold", arabic, "NotoSansArabic[wdth,wght].ttf", 700),
    ]


def default_cache_dir() -> Path:
    """Where static instances live: the user's cache dir (MEMOGEN_FONT_CACHE overrides, e.g. in CI)."""
    override = os.environ.get("MEMOGEN_FONT_CACHE")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("memogen")) / "fonts"


def fallback_cache_dir() -> Path:
    """A per-user folder in the temp dir, for when the configured cache cannot be written."""
    uid = os.getuid() if hasattr(os, "getuid") else os.getpid()
    return Path(tempfile.gettempdir()) / f"memogen-fonts-{uid}"


def variable_font_path(package: str, filename: str) -> Path:
    """The variable font file shipped inside a fontpkg-noto-* package."""
    import importlib

    module = importlib.import_module(package)
    return Path(module.ROOT) / "files" / filename


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _cached_path(variable_font: Path, weight: int, cache_dir: Path) -> Path:
    stem = variable_font.name.split("[")[0]
    return cache_dir / f"{stem}-w{weight}-{_file_hash(variable_font)}.ttf"


def static_instance(variable_font: Path, weight: int, cache_dir: Path) -> Path:
    """A static TTF of `variable_font` at `weight` (normal width), cut once and cached.

    The cache key is the source file's hash, so a changed font never reuses a stale instance;
    the file is written to a temporary name and renamed, so a crash or a parallel build never
    leaves a half-written font behind.
    """
    target = _cached_path(variable_font, weight, cache_dir)
    if target.is_file() and target.stat().st_size > 0:
        return target
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    cache_dir.mkdir(parents=True, exist_ok=True)
    font = TTFont(variable_font)
    axes = {a.axisTag: a.defaultValue for a in font["fvar"].axes}
    axes.update({"wght": weight, "wdth": 100} if "wdth" in axes else {"wght": weight})
    static = instancer.instantiateVariableFont(font, axes, updateFontNames=True)
    fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            static.save(handle)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a shared cache should stay readable
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def static_instances(wanted: list[tuple[Path, int]], cache_dir: Path) -> list[Path]:
    """`static_instance` for each (variable font, weight); a cold cache is filled on all cores.

    Cutting one instance takes ~3 s of pure-Python work (fontTools), eight take ~30 s: only the
    first build on a machine pays this, and worker processes halve it on two cores.
    """
    missing = [item for item in wanted if not _cached_path(*item, cache_dir).is_file()]
    workers = min(len(missing), os.cpu_count() or 1)
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        # spawn, not fork: the caller may hold threads (parallel source readers).  A script that
        # calls us at import time without a __main__ guard breaks spawn: then cut them here.
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                list(pool.map(static_instance, *zip(*missing, strict=True), [cache_dir] * len(missing)))
        except (BrokenProcessPool, OSError, RuntimeError):
            pass
    return [static_instance(path, weight, cache_dir) for path, weight in wanted]


def face_paths(cache_dir: Path) -> dict[str, Path]:
    """{face name: static TTF} for every face memogen uses (MemoSerif-Bold, ...), cut when missing."""
    faces = _faces()
    wanted = [(variable_font_path(f.package, f.filename), f.weight) for f in faces]
    try:
        paths = static_instances(wanted, cache_dir)
    except OSError as exc:  # a read-only or misplaced cache must not stop a build
        fallback = fallback_cache_dir()
        logging.getLogger(__name__).warning("font cache %s unusable (%s); using %s", cache_dir, exc, fallback)
        paths = static_instances(wanted, fallback)
    return {face.name: path for face, path in zip(faces, paths, strict=True)}


def register_fonts(cache_dir: Path | None = None) -> FontSet:
    """Register memogen's font families with reportlab (idempotent) and return their names and coverage."""
    return _register(cache_dir or default_cache_dir())


@lru_cache(maxsize=4)
def _register(cache_dir: Path) -> FontSet:
    # reportlab's font registry is process-global; registering the same names again is harmless,
    # and the lru_cache keeps us from re-reading ~2 MB of fonts for every memo in one process.
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    faces = _faces()
    paths = face_paths(cache_dir)
    coverage: dict[str, set[int]] = {}
    for face in faces:
        font = TTFont(face.name, str(paths[face.name]))
        pdfmetrics.registerFont(font)
        family = face.name.split("-")[0]
        coverage.setdefault(family, set()).update(font.face.charToGlyph)
    for family in (BODY, SANS, ARABIC):
        names = {suffix: family + suffix for suffix in _STYLES}
        registered = set(pdfmetrics.getRegisteredFontNames())
        italic = names["-Italic"] if names["-Italic"] in registered else family
        bold_italic = names["-BoldItalic"] if names["-BoldItalic"] in registered else names["-Bold"]
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, names["-Bold"])
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 1, bold_italic)
    return FontSet(
        body=BODY,
        sans=SANS,
        arabic=ARABIC,
        coverage={family: frozenset(chars) for family, chars in coverage.items()},
    )
