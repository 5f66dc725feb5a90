"""One verdict palette (core/verdicts.py), readable everywhere it is used: every verdict's words on
its colours meet WCAG AA (4.5:1) in both themes, and the map (SVG, DOT, Mermaid) and the PDF
paint a verdict in the same colours as the window's banner (issue 16, item 1)."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_TREES
from wizard.core.layout import layout_tree, tree_graph
from wizard.core.replay import replay
from wizard.core.verdicts import VERDICTS, Look
from wizard.export.mapsvg import map_svg
from wizard.export.maptext import map_dot, map_mermaid
from wizard.export.pdf import write_reasoning_pdf
from wizard.library.folder import load_folder

NS = {"s": "http://www.w3.org/2000/svg"}
AA = 4.5


def luminance(colour: str) -> float:
    """WCAG relative luminance of #rrggbb."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("theme", ["light", "contrast"])
@pytest.mark.parametrize("verdict_id", list(VERDICTS))
def test_every_verdicts_words_are_readable_on_its_colours(verdict_id, theme):
    look: Look = getattr(VERDICTS[verdict_id], theme)
    assert contrast(look.text, look.background) >= AA, look
    assert contrast(look.on_border, look.border) >= AA, look


def test_verdicts_of_different_severity_look_different_in_each_theme():
    for high_contrast in (False, True):
        looks: dict[int, set[Look]] = {}
        for v in VERDICTS.values():
            looks.setdefault(v.severity, set()).add(v.look(high_contrast))
        flat = [look for group in looks.values() for look in group]
        assert len(set(flat)) == len(flat), "two severities share a look"


@pytest.fixture(scope="module")
def shipped():
    return load_folder(SHIPPED_TREES)


def test_the_maps_outcome_boxes_are_the_verdicts_colours_and_readable(shipped):
    root = ET.fromstring(map_svg(layout_tree(shipped, "campaigning")))
    seen = set()
    for g in root.findall(".//s:g[@data-verdict]", NS):
        look = VERDICTS[g.get("data-verdict")].light
        body = g.find("s:rect", NS)
        band = g.find("s:path", NS)
        assert body is not None and band is not None
        assert (body.get("fill"), body.get("stroke")) == (look.background, look.border)
        assert band.get("fill") == look.border
        for text in g.findall("s:text", NS):
            under = band.get("fill") if text.get("font-weight") == "bold" else body.get("fill")
            assert contrast(text.get("fill"), under) >= AA, (g.get("data-ref"), text.text)
        seen.add(g.get("data-verdict"))
    assert "criminal_offence" in seen and len(seen) >= 3


def test_dot_and_mermaid_use_the_same_colours_with_readable_words(shipped):
    graph = tree_graph(shipped, "campaigning")
    crime = VERDICTS["criminal_offence"].light
    dot = map_dot(graph)
    assert f'fillcolor="{crime.background}", color="{crime.border}", fontcolor="{crime.text}"' in (
        dot
    )
    mermaid = map_mermaid(graph)
    for v in VERDICTS.values():
        line = f"classDef {v.id} fill:{v.light.background},stroke:{v.light.border},"
        assert f"{line}color:{v.light.text}" in mermaid


@pytest.fixture
def crime_transcript(shipped):
    walk = replay(shipped, "campaigning", {"activity": "campaign", "campaign_role": "special"}).walk
    assert walk.outcome is not None and walk.outcome.verdict == "criminal_offence"
    return walk.transcript()


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler's pdftoppm")
def test_the_pdfs_verdict_box_is_in_the_windows_colours(tmp_path: Path, qapp, crime_transcript):
    pdf = tmp_path / "record.pdf"
    write_reasoning_pdf(pdf, crime_transcript)
    subprocess.run(["pdftoppm", "-r", "40", str(pdf), str(tmp_path / "p")], check=True)
    colours = set()
    for page in sorted(tmp_path.glob("p*.ppm")):
        colours |= _ppm_colours(page.read_bytes())
    look = VERDICTS["criminal_offence"].light
    assert _rgb(look.background) in colours, "no part of the record is the banner's dark red"


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _ppm_colours(data: bytes) -> set[tuple[int, int, int]]:
    """Every pixel colour of a binary (P6) PPM."""
    m = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert m is not None
    pixels = data[m.end() :]
    return {(pixels[i], pixels[i + 1], pixels[i + 2]) for i in range(0, len(pixels) - 2, 3)}
