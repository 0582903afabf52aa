"""Query parameters that name a row: a bad one is ignored, never a server error.

SQLite stores integers of at most 8 bytes; a larger number in a filter raises OverflowError.
"""

MAX_ID = 2**63 - 1


def id_param(value) -> int | None:
    """A positive database id from a query parameter; None for anything else (empty, text, zero,
    negative, or too large for the database)."""
    if value is None:
        return None
    text = str(value).strip()
    if not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None
