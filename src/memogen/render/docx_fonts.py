"""The draft's fonts: Noto Serif and Noto Sans, named in the styles and embedded in the DOCX.

Why embed: Word on Windows and macOS has no Noto fonts, and LibreOffice without them
falls back to DejaVu, which is wider: the draft ran a page longer than the PDF, so an
analyst editing it could not judge length.  Word and LibreOffice both use fonts
embedded in a DOCX (ECMA-376 part 1, 17.8.1: obfuscated TrueType parts in
`word/fonts/`, related from `fontTable.xml`, `w:embedTrueTypeFonts` in settings).

The embedded faces are subsets: Latin, Greek and Cyrillic letters, punctuation and
currency signs, enough for editing in the languages a memo is written in.  They are
cut once from the static instances the PDF uses and cached beside them; a character
outside them falls back to the editor's own fonts, named in each font's `altName`.
"""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

SERIF, SANS = "Noto Serif", "Noto Sans"
# What an editor uses for a character the embedded subset lacks, or if it ignores embedded fonts.
FALLBACKS = {SERIF: ("Cambria", "roman"), SANS: ("Calibri", "swiss")}
SUBSET_RANGES = (
    (0x20, 0x24F),  # Basic Latin .. Latin Extended-B
    (0x370, 0x3FF),  # Greek
    (0x400, 0x52F),  # Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese, transliterations)
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency
    (0x2100, 0x214F),  # Letterlike (No., TM)
)
FONT_CT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
RT_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
RT_FONT_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
_SLOTS = ("embedRegular", "embedBold", "embedItalic", "embedBoldItalic")
SUBSET_VERSION = "1"  # bump when SUBSET_RANGES change


@dataclass(frozen=True)
class EmbeddedFace:
    family: str  # "Noto Serif"
    slot: str  # one of _SLOTS
    data: bytes  # a TrueType subset


def memo_faces(cache_dir: Path | None = None) -> list[EmbeddedFace]:
    """The six faces the draft uses (serif regular/bold/italic/bold italic, sans regular/bold)."""
    from .fonts import BODY, default_cache_dir, face_paths
    from .fonts import SANS as SANS_NAME

    cache_dir = cache_dir or default_cache_dir()
    paths = face_paths(cache_dir, arabic=False)  # the DOCX embeds no Arabic face
    wanted = [
        (SERIF, "embedRegular", BODY),
        (SERIF, "embedBold", BODY + "-Bold"),
        (SERIF, "embedItalic", BODY + "-Italic"),
        (SERIF, "embedBoldItalic", BODY + "-BoldItalic"),
        (SANS, "embedRegular", SANS_NAME),
        (SANS, "embedBold", SANS_NAME + "-Bold"),
    ]
    return [EmbeddedFace(family, slot, subset_font(paths[name], cache_dir)) for family, slot, name in wanted]


def subset_font(path: Path, cache_dir: Path) -> bytes:
    """The editing subset of a static TTF, cut once and cached (keyed by the font's own name)."""
    from ..outputs import atomic_write

    target = cache_dir / f"{path.stem}-docx{SUBSET_VERSION}.ttf"
    try:
        return target.read_bytes()
    except OSError:
        pass
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.notdef_outline = True
    font = TTFont(str(path))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={c for lo, hi in SUBSET_RANGES for c in range(lo, hi + 1)})
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    data = buf.getvalue()
    with contextlib.suppress(Exception):  # an unwritable cache only costs time next build
        atomic_write(target, data)
    return data


def obfuscate(data: bytes, key: str) -> bytes:
    """ECMA-376 font obfuscation: XOR the first 32 bytes with the GUID key's bytes, reversed."""
    guid = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ guid[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _font_key(family: str, slot: str, data: bytes) -> str:
    """A GUID derived from the content, so equal input gives byte-identical DOCX files."""
    digest = hashlib.sha256(family.encode() + slot.encode() + data).digest()[:16]
    return "{" + str(uuid.UUID(bytes=digest)).upper() + "}"


def embed_fonts(document, faces: list[EmbeddedFace]) -> None:
    """Add the faces to the document's font table (replacing any entry of the same name)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    table_part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype == RT_FONT_TABLE), None
    )
    if table_part is None:
        return
    root = etree.fromstring(table_part.blob)
    families: dict[str, list[EmbeddedFace]] = {}
    for face in faces:
        families.setdefault(face.family, []).append(face)
    for n, (family, members) in enumerate(families.items()):
        for old in root.findall(f"{w}font[@{w}name='{family}']"):
            root.remove(old)
        font = etree.SubElement(root, f"{w}font", {f"{w}name": family})
        alt, kind = FALLBACKS.get(family, ("Times New Roman", "roman"))
        etree.SubElement(font, f"{w}altName", {f"{w}val": alt})
        etree.SubElement(font, f"{w}charset", {f"{w}val": "00"})
        etree.SubElement(font, f"{w}family", {f"{w}val": kind})
        etree.SubElement(font, f"{w}pitch", {f"{w}val": "variable"})
        for m, face in enumerate(sorted(members, key=lambda f: _SLOTS.index(f.slot))):
            key = _font_key(family, face.slot, face.data)
            part = Part(
                PackURI(f"/word/fonts/font{n * 4 + m + 1}.odttf"),
                FONT_CT,
                obfuscate(face.data, key),
                document.part.package,
            )
            r_id = table_part.relate_to(part, RT_FONT)
            etree.SubElement(font, f"{w}{face.slot}", {f"{{{r_ns}}}id": r_id, f"{w}fontKey": key})
    table_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    _settings_embed(document)


def _settings_embed(document) -> None:
    """settings.xml: use the embedded fonts (w:embedTrueTypeFonts, early in CT_Settings)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    settings = document.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is not None:
        return
    element = parse_xml(f"<w:embedTrueTypeFonts {nsdecls('w')}/>")
    before = ("view", "zoom", "removePersonalInformation", "removeDateAndTime", "doNotDisplayPageBoundaries",
              "displayBackgroundShape", "printPostScriptOverText", "printFractionalCharacterWidth",
              "printFormsData")  # fmt: skip
    last = None
    for child in settings:
        if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] in before:
            last = child
    if last is None:
        settings.insert(0, element)
    else:
        last.addnext(element)
