"""Closing-hour rush: many candidates apply at once, each with two 1 MB PDFs.

Runs gunicorn against PostgreSQL (a throw-away database), fires the applications from a pool of
client threads through the real form (GET for the CSRF token, then the multipart POST), and then
checks that every application and every file arrived intact by comparing SHA-256 checksums of what
was sent with what the database recorded and what the storage holds.

    make bench                                  # all benchmarks
    .venv/bin/python -m tests.bench.apply_rush --applications 300 --concurrency 24

Bounded: a fixed number of requests, to 127.0.0.1 only, with a timeout on each.
"""

import argparse
import hashlib
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import psycopg2
import requests
from psycopg2 import sql

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def recreate_database(admin_url: str, name: str) -> None:
    conn = psycopg2.connect(admin_url)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.close()


def make_pdf_of(size: int, label: str) -> bytes:
    from tests.candidates.pdfs import make_pdf

    return make_pdf(label, padding=size)


def run(args) -> dict:
    base = args.postgres.rstrip("/")
    db_name = "recruitment_bench"
    recreate_database(f"{base}/postgres", db_name)
    work = Path(tempfile.mkdtemp(prefix="apply-rush-"))
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": f"{base}/{db_name}",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "APPLY_RATE_LIMIT": "0",
        "EMAIL_URL": "dummymail://",
        "LOG_LEVEL": "WARNING",
    }
    if args.broker:
        env["CELERY_BROKER_URL"] = args.broker
    else:
        env.pop("CELERY_BROKER_URL", None)
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)

    # The vacancy, made in this process against the bench database.
    os.environ.update({k: env[k] for k in ("DEBUG", "SECRET_KEY", "DATABASE_URL", "MEDIA_ROOT")})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "recruitment.settings")
    import django

    django.setup()
    from django.core.files.storage import default_storage
    from django.urls import reverse
    from django.utils import timezone

    from candidates.models import Application, Document
    from vacancies.models import Client, Vacancy

    client = Client.objects.create(name="Interprovinciaal Overleg", short_name="IPO")
    vacancy = Vacancy.objects.create(
        client=client,
        title="Algemeen Directeur",
        reference="ipo-algemeen-directeur-bench",
        status=Vacancy.Status.PUBLISHED,
        published_on=timezone.localdate(),
        closing_date=timezone.localdate() + timedelta(days=1),
        hours_per_week=36,
        salary_scale="18",
        how_to_apply="Motivatie en cv als twee pdf-bestanden.",
    )
    apply_path = reverse("candidates:apply", args=[vacancy.reference])

    port = free_port()
    gunicorn = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "recruitment.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--threads",
            "1",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}{apply_path}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(url, timeout=10).status_code == 200:
                    break
            except (requests.ConnectionError, requests.Timeout):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)

        # Two distinct ~1 MB PDFs per applicant; made before the clock starts.
        size = args.size_kb * 1024
        print(f"Preparing {args.applications * 2} PDFs of {args.size_kb} KB ...", flush=True)
        sent = {}
        payloads = []
        for i in range(args.applications):
            motivation = make_pdf_of(size, f"Motivatie {i}")
            cv = make_pdf_of(size, f"Curriculum vitae {i}")
            email = f"kandidaat{i}@bench.example.org"
            sent[email] = {
                "motivation": hashlib.sha256(motivation).hexdigest(),
                "cv": hashlib.sha256(cv).hexdigest(),
            }
            payloads.append((i, email, motivation, cv))

        latencies = []
        failures = []
        lock = threading.Lock()

        def apply_once(payload):
            i, email, motivation, cv = payload
            session = requests.Session()
            started = time.perf_counter()
            page = session.get(url, timeout=30)
            token = CSRF_RE.search(page.text).group(1)
            response = session.post(
                url,
                data={
                    "csrfmiddlewaretoken": token,
                    "first_name": "Kandidaat",
                    "last_name": f"Nummer {i}",
                    "email": email,
                    "phone": "06 1234 5678",
                    "current_position": "Directeur",
                    "current_organisation": "Provincie Utrecht",
                    "privacy_accepted": "on",
                },
                files={
                    "motivation": (f"motivatie-{i}.pdf", motivation, "application/pdf"),
                    "cv": (f"cv-{i}.pdf", cv, "application/pdf"),
                },
                headers={"Referer": url},
                timeout=60,
                allow_redirects=False,
            )
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if response.status_code != 302:
                    failures.append((email, response.status_code))

        print(
            f"Firing {args.applications} applications, {args.concurrency} at a time, "
            f"at {args.workers} gunicorn workers ...",
            flush=True,
        )
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            list(pool.map(apply_once, payloads))
        wall = time.perf_counter() - started
    finally:
        os.killpg(gunicorn.pid, signal.SIGTERM)
        gunicorn.wait(timeout=30)

    # Verify: every application, every file, intact.
    applications = Application.objects.filter(vacancy=vacancy).count()
    intact = 0
    broken = []
    for document in Document.objects.filter(application__vacancy=vacancy).select_related(
        "application__candidate"
    ):
        expected = sent[document.application.candidate.email][document.kind]
        with default_storage.open(document.file.name, "rb") as fh:
            stored = hashlib.sha256(fh.read()).hexdigest()
        if document.sha256 == expected == stored:
            intact += 1
        else:
            broken.append(document.pk)

    latencies.sort()
    megabytes = sum(2 * (args.size_kb / 1024) for _ in range(args.applications))
    result = {
        "applications_sent": args.applications,
        "applications_stored": applications,
        "files_intact": intact,
        "files_expected": 2 * args.applications,
        "failed_requests": len(failures),
        "wall_seconds": round(wall, 2),
        "applications_per_second": round(args.applications / wall, 1),
        "upload_mb_per_second": round(megabytes / wall, 1),
        "latency_p50_ms": round(statistics.median(latencies) * 1000),
        "latency_p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000),
        "latency_max_ms": round(latencies[-1] * 1000),
    }
    shutil.rmtree(work, ignore_errors=True)
    from django.db import connections

    connections.close_all()
    recreate_database(f"{base}/postgres", db_name)  # leave nothing behind
    return result | {"failures": failures[:5], "broken": broken[:5]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--size-kb", type=int, default=1024)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"),
        help="PostgreSQL server URL without a database name",
    )
    parser.add_argument("--broker", default=os.environ.get("BENCH_BROKER", ""))
    args = parser.parse_args()
    result = run(args)
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    ok = (
        result["applications_stored"] == args.applications
        and result["files_intact"] == 2 * args.applications
        and not result["failed_requests"]
    )
    print("OK: every application and every file arrived intact." if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
