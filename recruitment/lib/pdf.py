"""PDF documents: a Django template and its context to PDF bytes, with WeasyPrint.

Everything a document loads (print CSS, logo, fonts) comes from the project's static directories on
disk, through `StaticOnlyFetcher`: it reads `file:` URLs inside those directories and decodes
`data:` URLs, and refuses everything else (http, https, ftp, files elsewhere on disk). Whatever a
vacancy's text contains, rendering a document never opens a network connection.

Templates reference static files relative to the static root: `<img src="img/firm-logo.svg">`,
and pass their stylesheets as `stylesheets=["css/print/profile.css"]`.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import DataHandler, Request, url2pathname

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse, path2url


class RefusedURL(ValueError):
    """A document asked for a resource it may not load; WeasyPrint leaves it out and goes on."""


def static_roots() -> list[Path]:
    """The directories a document may read from: the source static directories and, once
    collected, STATIC_ROOT."""
    roots = [Path(d).resolve() for d in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT).resolve())
    return roots


def static_base_url() -> str:
    """The file: URL relative references in a document are resolved against (ends with '/')."""
    return path2url(str(static_roots()[0]) + "/")


class StaticOnlyFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that never touches the network.

    - `file:` URLs are read only when the resolved path (symlinks followed) lies inside one of the
      static roots; a path under the first root that is missing there is looked up under the
      others (the source tree in development, STATIC_ROOT after collectstatic).
    - `data:` URLs are decoded in memory (urllib's DataHandler: no I/O).
    - every other scheme (http, https, ftp, ...) raises RefusedURL.
    """

    def __init__(self, roots: list[Path] | None = None):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.roots = roots if roots is not None else static_roots()

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            # Decoded in memory: urllib's DataHandler does no I/O.
            response = DataHandler().data_open(Request(url))  # noqa: S310
            return URLFetcherResponse(url, response.read(), dict(response.headers.items()))
        if scheme == "file":
            path = self._allowed_path(url)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                path2url(str(path)), path.read_bytes(), {"Content-Type": content_type}
            )
        raise RefusedURL(f"Refused to fetch {url[:200]!r}: documents load only static files.")

    def _allowed_path(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"Refused to fetch {url[:200]!r}: not a local file.")
        path = Path(url2pathname(unquote(parts.path))).resolve()
        for root in self.roots:
            if path.is_relative_to(root):
                relative = path.relative_to(root)
                break
        else:
            raise RefusedURL(f"Refused to fetch {url[:200]!r}: outside the static directories.")
        for root in self.roots:
            candidate = (root / relative).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate
        raise RefusedURL(f"Not found: {url[:200]!r}.")


def render_pdf(*, template: str, context: dict, stylesheets: list[str] = ()) -> bytes:
    """The PDF of `template` rendered with `context`. `stylesheets` are paths relative to the
    static root ("css/print/profile.css"); WeasyPrint applies them as user stylesheets, so a
    `<style>` in the template wins over them (it holds what varies: the firm's colours)."""
    html = render_to_string(template, context)
    return html_to_pdf(html, stylesheets=stylesheets)


def html_to_pdf(html: str, *, stylesheets: list[str] = ()) -> bytes:
    """WeasyPrint alone, with the static-only fetcher: an HTML string to PDF bytes."""
    fetcher = StaticOnlyFetcher()
    base_url = static_base_url()
    font_config = FontConfiguration()
    css = [
        CSS(url=urljoin(base_url, name), url_fetcher=fetcher, font_config=font_config)
        for name in stylesheets
    ]
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=css, font_config=font_config)


def pdf_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    """An HTTP response with the PDF, to download (or to show in the browser when `inline`).
    Never cached by a shared cache: documents may be personal."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=not inline, filename=filename
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
