#!/usr/bin/env python3
"""Redraws as plain outlines every composite glyph that is built from other composite glyphs.

PDFsharp 6.2.4's subsetter adds the components of a composite glyph but not the components of those
components: DejaVu's ї (idieresis -> dotlessi), Ё (uni0415 -> E) or the initial beh ﺑ come out without
their base letter. With no composite nested in another, its one-level closure is complete and the PDFs
can embed a subset of the font instead of the whole file.

Usage (fontTools, Debian package python3-fonttools): python3 flatten-nested-composites.py FONT.ttf...
The outlines are unchanged; only hinting of the redrawn glyphs is dropped (irrelevant to print).
"""
import sys

from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont


def flatten(path):
    font = TTFont(path)
    glyf = font["glyf"]
    glyphs = font.getGlyphSet()
    nested = [name for name in glyf.keys()
              if glyf[name].isComposite() and any(glyf[c.glyphName].isComposite() for c in glyf[name].components)]
    for name in nested:
        recording = DecomposingRecordingPen(glyphs)
        glyphs[name].draw(recording)
        pen = TTGlyphPen(None)
        recording.replay(pen)
        glyf[name] = pen.glyph()
    font.save(path)
    print(f"{path}: {len(nested)} nested composite glyphs redrawn")


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        flatten(argument)
