"""Kept deflate streams give the very zip zipfile writes; the style index finds what a walk finds."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from memogen.render.deflate_cache import cached_deflate, deflate, write_deflated


def _data(seed: int = 1, size: int = 150_000) -> bytes:
    rng = random.Random(seed)
    words = [bytes(rng.choice(b"abcdefghij") for _ in range(rng.randint(2, 9))) for _ in range(400)]
    return b" ".join(rng.choice(words) for _ in range(size // 5))[:size]


def _zip(write) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for n, data in enumerate((_data(1), b"<small/>", _data(2))):
            info = zipfile.ZipInfo(f"part{n}.xml", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            write(zf, info, data)
    return out.getvalue()


def test_kept_streams_write_the_zip_zipfile_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMOGEN_DEFLATE_CACHE", str(tmp_path))
    expected = _zip(lambda zf, info, data: zf.writestr(info, data, compresslevel=1))
    cold = _zip(lambda zf, info, data: write_deflated(zf, info, data, level=1))
    assert len(list(tmp_path.glob("*.deflate"))) == 3  # made and kept
    warm = _zip(lambda zf, info, data: write_deflated(zf, info, data, level=1))
    assert cold == expected and warm == expected
    with zipfile.ZipFile(io.BytesIO(warm)) as zf:
        assert zf.testzip() is None and zf.read("part2.xml") == _data(2)


def test_a_damaged_stream_is_made_again(tmp_path: Path) -> None:
    data = _data(3)
    cached_deflate(data, 1, tmp_path)
    (kept,) = tmp_path.glob("*.deflate")
    kept.write_bytes(deflate(_data(4), 1))  # a stream of other bytes under this name
    assert cached_deflate(data, 1, tmp_path) == deflate(data, 1)
    kept.write_bytes(b"\x00garbage")
    assert cached_deflate(data, 1, tmp_path) == deflate(data, 1)


def test_an_unwritable_cache_still_gives_the_stream(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert cached_deflate(b"abc" * 1000, 1, blocker / "cache") == deflate(b"abc" * 1000, 1)


def test_style_index_finds_by_id_then_first_name() -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    from memogen.render.docx_footnotes import StyleIndex

    document = docx.Document()
    styles = document.styles
    index = StyleIndex.of(styles)
    assert index.find("Heading1", "heading 1") == "Heading1"
    assert index.find("NoSuchId", "heading 1") == "Heading1"  # by the case-insensitive name
    assert index.find("NoSuchId", "no such name") is None
    added = styles.add_style("Memo Label", WD_STYLE_TYPE.CHARACTER)
    assert index.find(added.style_id, "memo label") is None
    grown = index.adding(added)
    assert grown.find(added.style_id, "x") == added.style_id
    assert grown.find("NoSuchId", "memo label") == added.style_id
    assert grown == StyleIndex.of(styles)
