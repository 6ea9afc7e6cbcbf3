"""Hypothesis profiles: ``ci`` (fast, derandomized), ``dev`` (default), ``thorough``.

Choose one with ``GOVBUDGET_HYPOTHESIS_PROFILE``; CI (``CI=true``) uses ``ci``.
"""

from __future__ import annotations

import functools
import io
import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile(
    "thorough",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_default = "ci" if os.environ.get("CI") else "dev"
settings.load_profile(os.environ.get("GOVBUDGET_HYPOTHESIS_PROFILE", _default))


@functools.cache
def _pdfium_reads_a_cjk_font_not_embedded() -> bool:
    """Whether PDFium here reads Chinese set in a CJK font the PDF does not embed.

    The test PDFs use reportlab's STSong-Light, which is never embedded: PDFium reads its
    text only with a CJK font installed to substitute (``fonts-wqy-zenhei``). Without one it
    reads no text from those strings, as on any machine reading such a real PDF.
    """
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont("STSong-Light", 12)
    # a string of one glyph, as a table cell or a page footer holds: the case PDFium misses
    page.drawString(72, 720, "页")
    page.save()
    document = pdfium.PdfDocument(out.getvalue())
    try:
        return "页" in document[0].get_textpage().get_text_range()
    finally:
        document.close()


@pytest.fixture
def cjk_font() -> None:
    """Needs PDFium to read reportlab's CJK font: fails in CI without one, else skips."""
    if _pdfium_reads_a_cjk_font_not_embedded():
        return
    reason = "PDFium reads no text of a CJK font not embedded without one installed"
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the PDF tests: {reason} (apt-get install fonts-wqy-zenhei)")
    pytest.skip(f"{reason} (apt-get install fonts-wqy-zenhei)")
