"""Keys that travel in URLs stay out of the logs.

The candidate's private link (/mijn-sollicitatie/<signed token>/...) and a password reset link
(/wachtwoord-herstellen/<uid>/<token>/) open an account or a candidate's page to whoever holds
them. Access logs (runserver's `django.server`, gunicorn's access log: recruitment/gunicorn.py),
"Not Found" warnings and referrers would otherwise keep them. The token segment becomes
"[redacted]"; the rest of the line stays, so the log still says what happened.
"""

import logging
import re

SECRET_SEGMENTS = re.compile(
    r"(/mijn-sollicitatie/|/wachtwoord-herstellen/[^/\s?\"']+/)([^/\s?\"'#]+)"
)
REDACTED = "[redacted]"


def redact(text: str) -> str:
    """`text` with the token segment of every private link replaced."""
    return SECRET_SEGMENTS.sub(rf"\g<1>{REDACTED}", text)


class RedactSecretsFilter(logging.Filter):
    """A logging filter (on a handler or a logger) that redacts the finished message."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is the formatter's problem, not ours
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
