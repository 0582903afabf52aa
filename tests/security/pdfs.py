"""PDFs with active content, for the upload tests: JavaScript (in the open action, in the name
tree, on a link), a launch action, an embedded file, and the same hidden from a byte search
(a #xx-escaped name; a compressed object stream)."""

import io
import zlib

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from tests.candidates.pdfs import make_pdf


def _writer() -> PdfWriter:
    return PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("Motivatiebrief"))))


def _bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _action(subtype: str, **entries) -> DictionaryObject:
    action = DictionaryObject({NameObject("/S"): NameObject(subtype)})
    for key, value in entries.items():
        action[NameObject(f"/{key}")] = TextStringObject(value)
    return action


def pdf_with_open_action_javascript() -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = _action("/JavaScript", JS="app.alert(1)")
    return _bytes(writer)


def pdf_with_javascript_name_tree() -> bytes:
    writer = _writer()
    script = writer._add_object(_action("/JavaScript", JS="this.exportDataObject()"))
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {NameObject("/Names"): ArrayObject([TextStringObject("init"), script])}
            )
        }
    )
    return _bytes(writer)


def pdf_with_link_javascript() -> bytes:
    writer = _writer()
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([FloatObject(0)] * 2 + [FloatObject(100)] * 2),
            NameObject("/A"): _action("/JavaScript", JS="app.launchURL('x')"),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    return _bytes(writer)


def pdf_with_launch_action() -> bytes:
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = _action("/Launch", F="cmd.exe")
    return _bytes(writer)


def pdf_with_embedded_file() -> bytes:
    writer = _writer()
    writer.add_attachment("factuur.exe", b"MZ\x90\x00 not really a program")
    return _bytes(writer)


def pdf_with_escaped_javascript_name() -> bytes:
    """/J#61vaScript is /JavaScript to a PDF reader, but not to a search for the bytes."""
    return pdf_with_open_action_javascript().replace(b"/JavaScript", b"/J#61vaScript")


def pdf_with_javascript_in_an_object_stream() -> bytes:
    """The catalog (with a JavaScript open action) packed in a compressed object stream, found
    through a cross-reference stream: no name of it is readable in the file's bytes."""
    content = b"BT /F1 12 Tf 72 770 Td (Motivatiebrief) Tj ET"
    packed = [
        b"<< /Type /Catalog /Pages 3 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /Font << /F1 6 0 R >> >> >>",
    ]
    header, body, offset = [], b"", 0
    for number, obj in zip((2, 3, 4), packed, strict=True):
        header.append(f"{number} {offset}".encode())
        body += obj + b"\n"
        offset += len(obj) + 1
    first = b" ".join(header) + b"\n"
    stream = zlib.compress(first + body)
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}

    def obj(number, data):
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n".encode() + data + b"\nendobj\n")

    obj(1, b"<< /Type /ObjStm /N 3 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (len(first), len(stream)) + stream + b"\nendstream")  # fmt: skip
    obj(5, b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    obj(6, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    rows = [b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff"]
    for number in range(1, 8):
        if number in (2, 3, 4):
            rows.append(b"\x02" + (1).to_bytes(4, "big") + (number - 2).to_bytes(2, "big"))
        elif number == 7:
            rows.append(b"\x01" + out.tell().to_bytes(4, "big") + b"\x00\x00")
        else:
            rows.append(b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00")
    xref = b"".join(rows)
    start = out.tell()
    obj(7, b"<< /Type /XRef /Size 8 /W [1 4 2] /Root 2 0 R /Length %d >>\nstream\n" % len(xref)
        + xref + b"\nendstream")  # fmt: skip
    out.write(b"startxref\n%d\n%%%%EOF\n" % start)
    return out.getvalue()


ACTIVE_PDFS = {
    "javascript-open-action": pdf_with_open_action_javascript,
    "javascript-name-tree": pdf_with_javascript_name_tree,
    "javascript-link": pdf_with_link_javascript,
    "launch-action": pdf_with_launch_action,
    "embedded-file": pdf_with_embedded_file,
    "escaped-name": pdf_with_escaped_javascript_name,
    "object-stream": pdf_with_javascript_in_an_object_stream,
}
