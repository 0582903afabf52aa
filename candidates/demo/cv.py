"""A short CV as a real PDF for the demo's candidates, so that a committee member of the demo can
open one. Written with pypdf (one page, Helvetica, a line each): loading the demo stays fast."""

import io

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject


def _pdf_text(text: str) -> str:
    # Helvetica's standard encoding holds Dutch letters (ë, é); dashes and quotes are simplified.
    text = text.translate({0x2013: "-", 0x2018: "'", 0x2019: "'"})
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def cv_pdf(*, name: str, position: str, lines: list[str]) -> bytes:
    """A one-page A4 CV: the name, the current position, then the career, a line each."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    fonts = DictionaryObject()
    for key, base in (("/F1", "/Helvetica"), ("/F2", "/Helvetica-Bold")):
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject(base),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
        fonts[NameObject(key)] = writer._add_object(font)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    commands = [
        "BT /F2 20 Tf 72 760 Td",
        f"({_pdf_text('Curriculum vitae')}) Tj",
        "/F2 14 Tf 0 -36 Td",
        f"({_pdf_text(name)}) Tj",
        "/F1 11 Tf 0 -18 Td",
        f"({_pdf_text(position)}) Tj",
        "/F2 12 Tf 0 -36 Td",
        f"({_pdf_text('Loopbaan')}) Tj",
        "/F1 11 Tf",
    ]
    for line in lines:
        commands += ["0 -18 Td", f"({_pdf_text(line)}) Tj"]
    commands.append("ET")
    stream = DecodedStreamObject()
    stream.set_data("\n".join(commands).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
