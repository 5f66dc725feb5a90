"""Helpers for tests that read a PDF back: its text, fonts and pages; and a long example tree."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from wizard.core.replay import replay
from wizard.core.transcript import Transcript
from wizard.library.folder import load_folder

LONG_QUESTIONS = 40
LONG_HELP = (
    "This help text is deliberately long, so that the record of a long walk has to "
    "wrap it over several lines and flow onto more pages: a supervisor reading it "
    "later must see every word of it, nothing clipped at the edge of the paper, and "
    "nothing lost between one page and the next. "
)


def page_lines(path: Path) -> list[list[str]]:
    """Each page's lines of text, white space within a line made single spaces."""
    return [
        [" ".join(line.split()) for line in page.extract_text().splitlines() if line.strip()]
        for page in PdfReader(path).pages
    ]


def page_texts(path: Path) -> list[str]:
    """Each page's text as one line (lines wrap anywhere), white space made single spaces."""
    return [" ".join(lines) for lines in page_lines(path)]


def all_text(path: Path) -> str:
    return " ".join(page_texts(path))


def word_boxes(path: Path) -> list[tuple[int, str, float, float, float]]:
    """(page number, word, xMin, xMax, page width) for every word, from poppler's pdftotext."""
    if not shutil.which("pdftotext"):
        pytest.skip("needs pdftotext (poppler-utils) to measure where words are drawn")
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    boxes = []
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", xml, re.S), start=1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        for x_min, x_max, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', page
        ):
            boxes.append((number, html.unescape(word), float(x_min), float(x_max), width))
    return boxes


def font_names(path: Path) -> set[str]:
    """The BaseFont of every font any page uses, and whether each is embedded."""
    names = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            names.add((str(font["/BaseFont"]), embedded))
    return names


def write_long_tree(folder: Path, example_trees: Path) -> Path:
    """A tree of LONG_QUESTIONS questions answered 'yes' in turn, each with long help text."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(example_trees / "sources", folder / "sources", dirs_exist_ok=True)
    lines = [
        "id: long",
        "title: A very long walk",
        "summary: Many questions.",
        'version: "2.3"',
        "effective: 2026-03-01",
        "source: example-guidance",
        "questions:",
    ]
    for i in range(1, LONG_QUESTIONS + 1):
        nxt = f"q{i + 1}" if i < LONG_QUESTIONS else "done"
        lines += [
            f"  - id: q{i}",
            f'    text: "Question number {i}, asked so the walk is long: is it still true?"',
            f"    help: {json.dumps(LONG_HELP * 2 + f'Marker for question {i}.')}",
            "    answers:",
            '      - id: "yes"',
            f"        label: Yes, it is still true at step {i}",
            f"        next: {nxt}",
            '      - id: "no"',
            '        label: "No"',
            "        next: stop",
        ]
    lines += [
        "outcomes:",
        "  - id: done",
        "    verdict: do_not",
        "    title: Do not pose for the photo",
        "    advice: Politely decline to pose. You cannot stop general filming.",
        "    cite: [staged, photos-general, doubt]",
        "  - id: stop",
        "    verdict: acceptable",
        "    title: Carry on",
        "    advice: Fine.",
        "    cite: [photos-general]",
    ]
    (folder / "long.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def long_transcript(folder: Path) -> Transcript:
    cat = load_folder(folder)
    assert not cat.problems, cat.problems
    answers = {f"q{i}": "yes" for i in range(1, LONG_QUESTIONS + 1)}
    result = replay(cat, "long", answers)
    assert result.pending is None
    return result.walk.transcript()
