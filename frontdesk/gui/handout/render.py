"""Laying a hand-out out on one page of a printer or a PDF file.

The document is laid out for the device it is painted on (its resolution and page), so
what the print dialog's printer and `Save as PDF` produce is the same page. A hand-out
that would run onto a second page (a long note's list of things to bring, in large print
on A5) is set a little smaller until it fits: a hand-out is one sheet.
"""

from __future__ import annotations

import io
from pathlib import Path

import segno

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from frontdesk.gui.handout.content import QR_URL, Handout, handout_html
from frontdesk.gui.handout.words import Words

MARGIN_MM = 15.0
QR_MM = 32.0
# Never set smaller than this, in points: a long hand-out runs onto a second page rather
# than become hard to read (16 pt is the least that still counts as large print).
SMALLEST_PT, SMALLEST_LARGE_PT = 10.0, 16.0
PDF_DPI = 300
CSS_DPI = 96


def page_layout(*, a5: bool) -> QPageLayout:
    size = QPageSize(QPageSize.PageSizeId.A5 if a5 else QPageSize.PageSizeId.A4)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def lay_out(handout: Handout, device: QPaintDevice, rect: QRect) -> QTextDocument:
    """The hand-out laid out for `device`, on a page whose printable area is `rect` (in
    the device's pixels), fitted to one page where it can be."""
    words = Words(handout.language)
    qr = _qr_image(handout.service.url) if handout.service.url else None
    scale = 1.0
    while True:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        font = QFont("Sans Serif")
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(handout.point_size * scale)
        doc.setDefaultFont(font)
        doc.setPageSize(QSizeF(rect.width(), rect.height()))
        # HTML image sizes are CSS pixels (1/96 inch), which Qt scales to the device.
        qr_width = round(QR_MM / 25.4 * CSS_DPI * scale) if qr is not None else 0
        if qr is not None:
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(QR_URL), qr)
        doc.setHtml(handout_html(handout, words, qr_width))
        smallest = SMALLEST_LARGE_PT if handout.large else SMALLEST_PT
        if doc.pageCount() <= 1 or handout.point_size * (scale - 0.05) < smallest:
            return doc
        scale -= 0.05


def paint(handout: Handout, device: QPagedPaintDevice) -> int:
    """Paint the hand-out on `device` (a printer or a PDF writer whose page layout the
    caller has set); returns the pages painted."""
    doc = lay_out(handout, device, device.pageLayout().paintRectPixels(device.logicalDpiX()))
    painter = QPainter(device)
    if not painter.isActive():
        raise OSError("the printer or file could not be opened for printing")
    try:
        size = doc.pageSize()
        for page in range(doc.pageCount()):
            if page:
                device.newPage()
            painter.save()
            top = page * size.height()
            painter.translate(0, -top)
            doc.drawContents(painter, QRectF(0, top, size.width(), size.height()))
            painter.restore()
    finally:
        painter.end()
    return doc.pageCount()


def page_image(handout: Handout, dpi: int = 150) -> QImage:
    """The hand-out's first page as a picture (a preview, or the README's illustration)."""
    layout = page_layout(a5=handout.a5)
    full, rect = layout.fullRectPixels(dpi), layout.paintRectPixels(dpi)
    image = QImage(full.size(), QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(Qt.GlobalColor.white)
    doc = lay_out(handout, image, rect)
    painter = QPainter(image)
    try:
        painter.translate(rect.topLeft())
        doc.drawContents(painter, QRectF(0, 0, rect.width(), rect.height()))
    finally:
        painter.end()
    return image


def ensure_application() -> object:
    """The application object Qt's text layout and PDF writer need, for a command-line
    caller that has none: a QApplication (not a QGuiApplication), since the same process
    may go on to make widgets, which need one."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def write_pdf(handout: Handout, path: Path) -> int:
    """Save the hand-out as a PDF file; returns its pages. OSError if it cannot be written."""
    with path.open("wb"):
        pass  # refused here with the system's reason, before Qt's silent failure to paint
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(a5=handout.a5))
    writer.setTitle(handout.service.name)
    writer.setCreator("frontdesk")
    pages = paint(handout, writer)
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"cannot write {path}")
    return pages


def _qr_image(url: str) -> QImage:
    buffer = io.BytesIO()
    # Error correction M survives a smudge; the quiet zone is part of the code.
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=10, border=4)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image
