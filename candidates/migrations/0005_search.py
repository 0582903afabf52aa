from django.db import migrations

# The indexes of the candidate search (candidates.selectors.search), on PostgreSQL only: SQLite
# searches search_text with LIKE.
#
# Full text: `search_vector`, a stored generated column holding to_tsvector('dutch', search_text)
# (PostgreSQL keeps it up to date on every write of search_text; Django does not know the column),
# with a GIN index. An index on the expression to_tsvector('dutch', search_text) alone is not
# enough: PostgreSQL then often checks rows by computing to_tsvector again (about 0.3 ms for a CV
# and a letter), and with 100,000 candidates a common word took 0.6 to 1.8 s instead of a few ms.
#
# Names: a trigram index on the lower-cased full name, for similar names ("Jansen" finds
# "Janssen"). Its expression must stay exactly the one the selector compiles to.
CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE candidates_candidate ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, search_text)) STORED",
    # Keep the vector in the row (the long search text goes to TOAST instead): reading a vector
    # from TOAST costs ten times more than checking it.
    "ALTER TABLE candidates_candidate ALTER COLUMN search_vector SET STORAGE MAIN",
    "CREATE INDEX IF NOT EXISTS candidates_candidate_search_fts ON candidates_candidate "
    "USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS candidates_candidate_name_trgm ON candidates_candidate "
    "USING gin (lower((first_name || ' ' || last_name)) gin_trgm_ops)",
]
# The extension stays: other code (the duplicate check) may use it.
DROP = [
    "DROP INDEX IF EXISTS candidates_candidate_name_trgm",
    "DROP INDEX IF EXISTS candidates_candidate_search_fts",
    "ALTER TABLE candidates_candidate DROP COLUMN IF EXISTS search_vector",
]
# Without the indexes (to load many rows fast, then CREATE_INDEXES): tests/bench/search.py.
DROP_INDEXES = DROP[:2]
CREATE_INDEXES = CREATE[3:]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    """Search: a Dutch full-text vector of the search text and trigrams of the full name."""

    dependencies = [("candidates", "0004_pipeline_constraints")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
