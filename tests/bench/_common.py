"""What the benchmarks share: a throw-away database (SQLite file, or PostgreSQL with --postgres),
Django set up as in production (DEBUG off), and a timer that counts queries."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432"


def add_database_arguments(parser):
    parser.add_argument(
        "--postgres",
        nargs="?",
        const=os.environ.get("BENCH_POSTGRES", DEFAULT_POSTGRES),
        default=None,
        help="run on PostgreSQL (server URL without a database name)",
    )


def setup_django(args, *, name: str):
    """Point Django at a new, empty database called `name` (dropped first) and migrate it."""
    if args.postgres:
        import psycopg2
        from psycopg2 import sql

        base = args.postgres.rstrip("/")
        conn = psycopg2.connect(f"{base}/postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            ident = sql.Identifier(name)
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident))
            cur.execute(sql.SQL("CREATE DATABASE {}").format(ident))
        conn.close()
        os.environ["DATABASE_URL"] = f"{base}/{name}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/{name}.sqlite3"
    os.environ.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": "bench-" + "x" * 50,
            "LOG_LEVEL": "WARNING",
            # The benchmark's client logs in with force_login: no second factor to give.
            "OTP_REQUIRED_FOR_RECRUITERS": "0",
        }
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "recruitment.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def analyze():
    """What autovacuum does in production after a bulk load: fresh planner statistics and the
    visibility map (so index-only scans read no table pages)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")


def measure(client, url, repeat: int, *, warmup: int = 2):
    """(median seconds, queries of the last request, bytes) of `repeat` GETs of `url`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        client.get(url)
    times = []
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)
    return statistics.median(times), queries, len(response.content)


def add_size_arguments(parser, *, repeat: int):
    """The sizes the page benchmarks share: candidates in the database, applications on the big
    and the small vacancy, requests per page; and the database to run on."""
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=5000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=repeat)
    add_database_arguments(parser)


def measure_pages(client, pages: dict[str, str], repeat: int) -> dict[str, tuple]:
    """Measure each page ({label: url}) and print a table; returns {label: measure(...)}."""
    rows = {label: measure(client, url, repeat) for label, url in pages.items()}
    print(f"{'page':<32} {'median ms':>10} {'queries':>8} {'KB':>8}")
    for label, (seconds, queries, size) in rows.items():
        print(f"{label:<32} {seconds * 1000:>10.1f} {queries:>8} {size / 1024:>8.0f}")
    return rows


def spread(count: int, shares: dict[str, float], rng, *, rest: str = "applied") -> list[str]:
    """`count` keys of `shares`, each about its share of the count (what is left over: `rest`),
    in a random order."""
    keys = []
    for key, share in shares.items():
        keys += [key] * round(count * share)
    keys = (keys + [rest] * count)[:count]
    rng.shuffle(keys)
    return keys
