"""Time the PDF record for a short walk and a 40-question walk (medians of 7 runs), by hand:

    .venv/bin/python bench/pdf_render.py

Measured on the shared 2-core build machine, Qt 6.12 offscreen: short walk 11-16 ms, 40 questions
(7 pages) 32-50 ms, keep-sections-together passes included.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.export.pdftools import long_transcript, write_long_tree  # noqa: E402
from wizard.core.replay import replay  # noqa: E402
from wizard.export.pdf import ensure_gui_application, render_reasoning_pdf  # noqa: E402
from wizard.library.folder import load_folder  # noqa: E402

RUNS = 7


def median_ms(transcript) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        size = len(render_reasoning_pdf(transcript))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, size


def main() -> None:
    ensure_gui_application()
    fixtures = ROOT / "tests" / "fixtures" / "trees"
    short = replay(load_folder(fixtures), "photos", {"candidate_present": "yes", "staged": "yes"})
    with tempfile.TemporaryDirectory() as tmp:
        long = long_transcript(write_long_tree(Path(tmp), fixtures))
    for name, transcript in (("short walk", short.walk.transcript()), ("40 questions", long)):
        ms, size = median_ms(transcript)
        print(f"{name:<14} median {ms:6.1f} ms  {size:>7} bytes")


if __name__ == "__main__":
    main()
