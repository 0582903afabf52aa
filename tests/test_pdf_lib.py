"""recruitment/lib/pdf.py: a template to PDF bytes, loading only the project's static files.

Whatever a document's text contains, rendering it never opens a network connection: a local
server counts the connections a render makes (none), and files outside the static directories
are refused.
"""

import io
import socket
import threading
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from recruitment.lib.pdf import (
    RefusedURL,
    StaticOnlyFetcher,
    html_to_pdf,
    pdf_response,
    render_pdf,
    static_base_url,
)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


class ConnectionCounter:
    """A TCP server on 127.0.0.1 that counts the connections made to it (and answers none)."""

    def __init__(self):
        self.connections = 0
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.1)
        self.port = self._socket.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                connection, _address = self._socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        self._stop.set()
        self._thread.join()
        self._socket.close()


@pytest.fixture
def server():
    counter = ConnectionCounter()
    yield counter
    counter.close()


def test_a_document_fetches_nothing_from_the_network_or_outside_static(server):
    base = f"127.0.0.1:{server.port}"
    html = f"""<!doctype html>
    <html><head>
      <base href="http://{base}/base/">
      <link rel="stylesheet" href="https://{base}/remote.css">
      <link rel="stylesheet" href="http://{base}/remote.css">
      <link rel="attachment" href="http://{base}/attachment.txt">
      <style>
        @import url(http://{base}/import.css);
        @import "ftp://{base}/import.css";
        @font-face {{ font-family: Remote; src: url(http://{base}/font.woff2); }}
        body {{ font-family: Remote, sans-serif; background: url(file:///etc/passwd); }}
        h1 {{ background-image: url(http://{base}/background.png); }}
      </style>
    </head><body>
      <h1>Functieprofiel</h1>
      <img src="http://{base}/x.png" alt="remote">
      <img src="relative-to-the-base.png" alt="relative">
      <img src="file:///etc/passwd" alt="passwd">
      <object data="http://{base}/object.svg"></object>
      <embed src="http://{base}/embed.svg">
      <svg width="10" height="10"><image href="http://{base}/svg.png" width="10" height="10"/></svg>
      <p>Nog steeds een document.</p>
    </body></html>"""

    pdf = html_to_pdf(html)

    assert server.connections == 0
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Functieprofiel" in text
    assert "Nog steeds een document." in text
    assert "root:" not in text


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.css",
        "ftp://example.org/x",
        "file:///etc/passwd",
        "file://example.org/etc/passwd",
        # Out of the static directory by a relative path, or one written with %2e.
        static_base_url() + "../pyproject.toml",
        static_base_url() + "%2e%2e/pyproject.toml",
        static_base_url() + "css/../../manage.py",
        static_base_url() + "no/such/file.css",
    ],
)
def test_the_fetcher_refuses_the_network_and_files_outside_static(url):
    with pytest.raises(RefusedURL):
        StaticOnlyFetcher().fetch(url)


def test_the_fetcher_reads_static_files_and_data_urls():
    fetcher = StaticOnlyFetcher()
    logo = fetcher.fetch(static_base_url() + settings.FIRM_LOGO)
    assert logo.content_type == "image/svg+xml"
    assert b"<svg" in logo.read()

    css = fetcher.fetch(static_base_url() + "css/print/profile.css")
    assert css.content_type == "text/css"

    data = fetcher.fetch("data:text/plain;base64,aGFsbG8=")
    assert data.read() == b"hallo"


def test_a_symlink_out_of_static_is_refused(tmp_path):
    root = tmp_path / "static"
    root.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("geheim")
    (root / "link.txt").symlink_to(secret)
    (root / "ok.txt").write_text("open")
    fetcher = StaticOnlyFetcher(roots=[root.resolve()])

    assert fetcher.fetch(Path(root, "ok.txt").resolve().as_uri()).read() == b"open"
    with pytest.raises(RefusedURL):
        fetcher.fetch(Path(root, "link.txt").as_uri())


def test_html_and_css_in_the_context_are_printed_as_text(settings, server):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {"test.html": "<html><body><h1>Tekst</h1><p>{{ text }}</p></body></html>"},
                    )
                ]
            },
        }
    ]
    typed = (
        f'<img src="http://127.0.0.1:{server.port}/x.png"><b>vet</b>'
        f"<style>@import url(http://127.0.0.1:{server.port}/x.css);</style>"
    )

    pdf = render_pdf(template="test.html", context={"text": typed})

    # Lines may wrap anywhere: compare without whitespace.
    text = "".join(pdf_text(pdf).split())
    assert "<b>vet</b>" in text
    assert "<style>@importurl(http://127.0.0.1" in text
    assert server.connections == 0


def test_pdf_response_is_a_private_download():
    response = pdf_response(b"%PDF-1.7", "functieprofiel-ipo.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="functieprofiel-ipo.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    inline = pdf_response(b"%PDF-1.7", "x.pdf", inline=True)
    assert inline["Content-Disposition"].startswith("inline")
