"""PDF writer figures: file size and render time of ~1000-word and ~5500-word sample memos.

Run from the repo root: .venv/bin/python benchmarks/bench_pdf.py [--png docs/page1.png] [--pdf out.pdf]
(--png renders page 1 of the large sample with pdftoppm; memo PDFs use memogen.render.pdf.pdf_page_to_png).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from memo_factory import sample_memo  # noqa: E402
from memogen.model import Inline, Memo, Note  # noqa: E402

URL = "https://example.org/alpha?id=1&lang=en"


def with_notes(memo: Memo) -> Memo:
    """Notes as citations.attach_notes would set them (a typical Chicago-style note with a URL)."""
    for number, point in enumerate(memo.points, start=1):
        point.note = Note(
            number,
            [
                Inline("Jane Doe, “Minister visits Ruritania,” "),
                Inline("Alpha News", italic=True),
                Inline(", April 7, 2021, "),
                Inline(URL, url=URL),
                Inline("."),
            ],
        )
    memo.bibliography = [
        [Inline("Doe, Jane. “Minister visits Ruritania.” Alpha News, April 7, 2021. "), Inline(URL, url=URL)]
    ]
    return memo


def words(memo: Memo) -> int:
    return sum(len("".join(i.text for i in p.body_inlines()).split()) for p in memo.points)


def measure(label: str, memo: Memo, runs: int = 5) -> bytes:
    from memogen.render.pdf import render_pdf

    times = []
    data = b""
    for _ in range(runs):
        start = time.perf_counter()
        data = render_pdf(memo)
        times.append(time.perf_counter() - start)
    print(
        f"{label}: {words(memo)} words, {len(memo.points)} notes, {len(data) / 1024:.1f} KiB, "
        f"first {times[0] * 1000:.0f} ms, best {min(times) * 1000:.0f} ms"
    )
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--png", type=Path, help="write page 1 of the large sample as PNG")
    parser.add_argument("--pdf", type=Path, help="write the large sample PDF here")
    args = parser.parse_args()

    start = time.perf_counter()
    from memogen.render.fonts import register_fonts

    register_fonts()
    print(f"font registration (cached static instances): {(time.perf_counter() - start) * 1000:.0f} ms")
    measure("small memo", with_notes(sample_memo(points_per_section=3, long_text=True)))
    large = measure("large memo", with_notes(sample_memo(points_per_section=15, long_text=True)))
    if args.pdf or args.png:
        from memogen.render.pdf import pdf_page_to_png

        pdf = args.pdf or args.png.with_suffix(".pdf")
        pdf.write_bytes(large)
        if args.png:
            pdf_page_to_png(pdf, args.png, page=1)
            print(f"wrote {args.png}")


if __name__ == "__main__":
    main()
