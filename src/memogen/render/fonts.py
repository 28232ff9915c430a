"""Embedded Unicode fonts for the PDF writer: static Noto instances made from the fontpkg-noto-* packages.

The fontpkg-noto-* wheels ship *variable* fonts (``NotoSerif[wdth,wght].ttf``).  reportlab reads only
the default instance of a variable font, so "bold" would look exactly like "regular".  We therefore
cut static Regular/Bold/Italic/BoldItalic instances with ``fontTools.varLib.instancer`` once, cache them
in the user cache directory keyed by the variable font's hash (a package upgrade makes new files), and
register those with reportlab.  reportlab embeds TTF fonts as subsets, which keeps the PDF small.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

# fontTools reports on its logger while cutting instances (also in worker processes, which do not
# inherit the CLI's logging set-up): to the log, never to the terminal unless --debug.
logging.getLogger("fontTools").addHandler(logging.NullHandler())

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
    fallbacks: tuple[str, ...] = ()  # script families loaded for this memo's text (CJK, ...)

    def covers(self, family: str, char: str) -> bool:
        return ord(char) in self.coverage.get(family, frozenset())


def _faces(with_arabic: bool = True) -> list[Face]:
    """Faces memogen uses; Arabic has no italic, so its italic slots reuse the upright faces."""
    serif, sans, arabic = "fontpkg_noto_serif", "fontpkg_noto_sans", "fontpkg_noto_sans_arabic"
    faces = [
        Face(BODY, serif, "NotoSerif[wdth,wght].ttf", 400),
        Face(BODY + "-Bold", serif, "NotoSerif[wdth,wght].ttf", 700),
        Face(BODY + "-Italic", serif, "NotoSerif-Italic[wdth,wght].ttf", 400),
        Face(BODY + "-BoldItalic", serif, "NotoSerif-Italic[wdth,wght].ttf", 700),
        Face(SANS, sans, "NotoSans[wdth,wght].ttf", 400),
        Face(SANS + "-Bold", sans, "NotoSans[wdth,wght].ttf", 700),
        Face(ARABIC, arabic, "NotoSansArabic[wdth,wght].ttf", 400),
        Face(ARABIC + "-Bold", arabic, "NotoSansArabic[wdth,wght].ttf", 700),
    ]
    return faces if with_arabic else [f for f in faces if not f.name.startswith(ARABIC)]


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
    """Content hash of an installed font file, computed once per process per file version."""
    st = path.stat()
    return _content_hash(str(path), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _content_hash(path: str, size: int, mtime_ns: int) -> str:  # size and mtime key the cache
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


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
    write_cache_file(target, static.save)
    return target


def write_cache_file(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """`write(handle)` to a temporary file beside `target`, readable by all, then renamed into place:
    a crash or a parallel build never leaves half a file under the cache's name."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a shared cache should stay readable
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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


def face_paths(cache_dir: Path, arabic: bool = True) -> dict[str, Path]:
    """{face name: static TTF} for every face memogen uses (MemoSerif-Bold, ...), cut when missing."""
    faces = _faces(arabic)
    wanted = [(variable_font_path(f.package, f.filename), f.weight) for f in faces]
    try:
        paths = static_instances(wanted, cache_dir)
    except OSError as exc:  # a read-only or misplaced cache must not stop a build
        fallback = fallback_cache_dir()
        logging.getLogger(__name__).warning("font cache %s unusable (%s); using %s", cache_dir, exc, fallback)
        paths = static_instances(wanted, fallback)
    return {face.name: path for face, path in zip(faces, paths, strict=True)}


def register_fonts(cache_dir: Path | None = None, arabic: bool = True) -> FontSet:
    """Register memogen's font families with reportlab (idempotent) and return their names and coverage.

    `arabic=False` leaves out the Arabic faces (~10 ms to load), for text that cannot use them.
    """
    return _register(cache_dir or default_cache_dir(), arabic)


@lru_cache(maxsize=4)
def _register(cache_dir: Path, arabic: bool = True) -> FontSet:
    # reportlab's font registry is process-global; registering the same names again is harmless,
    # and the lru_cache keeps us from re-reading ~2 MB of fonts for every memo in one process.
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from .font_faces import load_ttfont

    faces = _faces(arabic)
    paths = face_paths(cache_dir, arabic)
    coverage: dict[str, set[int]] = {}
    for face in faces:
        font = load_ttfont(face.name, paths[face.name])
        pdfmetrics.registerFont(font)
        family = face.name.split("-")[0]
        coverage.setdefault(family, set()).update(font.face.charToGlyph)
    for family in (BODY, SANS, ARABIC) if arabic else (BODY, SANS):
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


# --------------------------------------------------------------------------- other scripts, on demand

CJK = "MemoCJK"


@dataclass(frozen=True)
class ScriptFont:
    """A font for a script the Noto Serif/Sans faces lack, loaded only when a memo uses that script.

    Registry packages ship CJK fonts with PostScript (CFF) outlines, which reportlab cannot embed;
    the characters a memo uses are cut out and converted to TrueType outlines, then cached.
    """

    family: str
    package: str
    filename: str
    ranges: tuple[tuple[int, int], ...]

    def wants(self, char: str) -> bool:
        code = ord(char)
        return any(lo <= code <= hi for lo, hi in self.ranges)


SCRIPT_FONTS = (
    ScriptFont(
        CJK,
        "pylopdf_fonts_zh_cn",
        "NotoSerifSC-Regular.otf",
        (
            (0x2E80, 0x2FDF),  # radicals
            (0x3000, 0x30FF),  # CJK punctuation, hiragana, katakana
            (0x3100, 0x31FF),  # bopomofo, kanbun, strokes, katakana extensions
            (0x3200, 0x9FFF),  # enclosed, compatibility, Extension A, unified ideographs
            (0xF900, 0xFAFF),  # compatibility ideographs
            (0xFE30, 0xFE4F),  # compatibility forms
            (0xFF00, 0xFFEF),  # full-width forms
            (0x20000, 0x2FA1F),  # supplementary ideographs
        ),
    ),
)


def with_scripts(fonts: FontSet, text: str, cache_dir: Path | None = None) -> FontSet:
    """`fonts` plus a registered script font for every script in `text` the base faces lack.

    Nothing is loaded for a memo in Latin, Greek, Cyrillic or Arabic script: the check is
    one pass over the text.
    """
    missing = {
        ch for ch in set(text) if not any(fonts.covers(f, ch) for f in (fonts.body, fonts.sans, fonts.arabic))
    }
    extra: dict[str, frozenset[int]] = {}
    for script in SCRIPT_FONTS:
        chars = sorted(ch for ch in missing if script.wants(ch))
        if chars:
            path = script_subset(script, "".join(chars), cache_dir or default_cache_dir())
            if path is not None:
                extra[script.family] = _register_single(script.family, path)
    if not extra:
        return fonts
    return FontSet(
        body=fonts.body,
        sans=fonts.sans,
        arabic=fonts.arabic,
        coverage={**fonts.coverage, **extra},
        fallbacks=(*fonts.fallbacks, *extra),
    )


def _register_single(family: str, path: Path) -> frozenset[int]:
    """Register one face under `family` for every style (the script fonts have no bold or italic)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(family, str(path))
    pdfmetrics.registerFont(font)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(family, bold, italic, family)
    return frozenset(font.face.charToGlyph)


def script_subset(script: ScriptFont, chars: str, cache_dir: Path) -> Path | None:
    """A TrueType font holding just `chars` from the script font, cut once per set of characters."""
    try:
        source = variable_font_path_of(script)
    except (ImportError, AttributeError, OSError):
        logging.getLogger(__name__).warning(
            "%s is not installed: %s text is left out", script.package, script.family
        )
        return None
    key = hashlib.sha256(chars.encode("utf-8") + source.name.encode()).hexdigest()[:16]
    target = cache_dir / f"{source.stem}-{key}.ttf"
    if target.is_file():
        return target
    data = _cff_subset_to_truetype(source, chars)
    for folder in (cache_dir, fallback_cache_dir()):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, folder / target.name)
            return folder / target.name
        except OSError:
            continue
    return None


def variable_font_path_of(script: ScriptFont) -> Path:
    import importlib

    module = importlib.import_module(script.package)
    path = Path(module.__file__).parent / script.filename
    if not path.is_file():
        raise OSError(f"{path}: missing")
    return path


def _cff_subset_to_truetype(source: Path, chars: str) -> bytes:
    """Subset an OpenType/CFF font to `chars` and redraw the outlines as TrueType quadratics."""
    import io

    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = True
    options.hinting = False
    font = TTFont(str(source))
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    if "CFF " in font:
        order = font.getGlyphOrder()
        glyphs = font.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder, glyf.glyphs = order, {}
        for name in order:
            pen = TTGlyphPen(glyphs)
            glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyf.glyphs[name] = pen.glyph()
        font["glyf"], font["loca"] = glyf, newTable("loca")
        for tag in ("CFF ", "VORG"):
            if tag in font:
                del font[tag]
        maxp = font["maxp"]
        maxp.tableVersion = 0x00010000
        for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                     "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints",
                     "maxContours", "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):  # fmt: skip
            setattr(maxp, attr, 0)
        maxp.maxZones = 1
        font["head"].indexToLocFormat = 0
        font["head"].glyphDataFormat = 0
        post = font["post"]
        post.formatType, post.extraNames, post.mapping = 2.0, [], {}
        font.sfntVersion = "\x00\x01\x00\x00"
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()
