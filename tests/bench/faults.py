"""Faults during the closing-hour rush: Redis stopped for 30 s, the Celery worker killed while it
sends, PostgreSQL restarted. Afterwards every application that got the "received" page must be
stored once with both files intact, and every email must go out once the service is back.

    .venv/bin/python -m tests.bench.faults [--rate 4] [--outage 30] [--size-kb 256]

Runs its own PostgreSQL cluster and Redis server on free ports (the machine's own services, which
other tests use, are left alone), gunicorn with the image's configuration (gunicorn.conf.py) and
a Celery worker. Candidates apply at a steady rate through the real form (GET for the CSRF token,
then the multipart POST); a request that fails is sent again, as a person would, until it gets the
"received" page. Each answer other than "received" is recorded with whether it was our error page.
Bounded: requests go to 127.0.0.1 only, with a timeout each and at most ATTEMPTS per application.
"""

import argparse
import email
import hashlib
import os
import re
import shutil
import signal
import socket
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ATTEMPTS = 10
RETRY_AFTER = 1.5  # seconds a person waits before sending the form again
ERROR_PAGE = "Er ging bij ons iets mis"  # templates/500.html, in Dutch
QUEUE = "faults"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# The services, private to this run -------------------------------------------------------------


@contextmanager
def private_postgres(work: Path):
    """A throw-away PostgreSQL cluster on a free port; yields (url, restart)."""
    data = work / "pg"
    data.mkdir()
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        os.chmod(work, 0o755)
        shutil.chown(data, "postgres", "postgres")
    data.chmod(0o700)
    subprocess.run(
        [*as_postgres, "initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
        check=True,
        capture_output=True,
    )
    port = free_port()
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=200"
    ctl = [*as_postgres, "pg_ctl", "-D", str(data), "-l", str(data / "server.log"), "-o", options]
    subprocess.run([*ctl, "-w", "start"], check=True, capture_output=True)

    def restart():
        subprocess.run([*ctl, "-w", "-m", "fast", "restart"], check=True, capture_output=True)

    try:
        subprocess.run(
            [*as_postgres, "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
             "recruitment"],
            check=True,
            capture_output=True,
        )  # fmt: skip
        yield f"postgres://postgres@127.0.0.1:{port}/recruitment", restart
    finally:
        subprocess.run([*ctl, "-m", "immediate", "stop"], check=False, capture_output=True)


class PrivateRedis:
    def __init__(self, work: Path):
        self.port = free_port()
        self.work = work
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.work)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


class Worker:
    """A Celery worker (prefork, 2 processes) on the run's own queue; killed with its children."""

    def __init__(self, env, work: Path):
        self.env, self.work, self.process, self.starts = env, work, None, 0

    def start(self):
        self.starts += 1
        output = (self.work / f"worker-{self.starts}.log").open("wb")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "celery", "-A", "recruitment", "worker", "--concurrency", "2",
             "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-Q", QUEUE, "-n", f"{QUEUE}{self.starts}@%h"],
            cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


# The applicants --------------------------------------------------------------------------------


class Rush:
    """Applications at a steady rate; each one sent again until it gets the "received" page."""

    def __init__(self, url, size_kb, prefix):
        self.url, self.size, self.prefix = url, size_kb * 1024, prefix
        self.sent = {}  # email -> {"motivation": sha256, "cv": sha256}
        self.outcomes = []  # (email, attempt, result)
        self.received = set()
        self.latencies = []
        self.lock = threading.Lock()

    def payload(self, i):
        from tests.candidates.pdfs import make_pdf

        motivation = make_pdf(f"Motivatie {self.prefix} {i}", padding=self.size)
        cv = make_pdf(f"Curriculum vitae {self.prefix} {i}", padding=self.size)
        address = f"{self.prefix}{i}@faults.example.org"
        self.sent[address] = {
            "motivation": hashlib.sha256(motivation).hexdigest(),
            "cv": hashlib.sha256(cv).hexdigest(),
        }
        return i, address, motivation, cv

    def attempt(self, i, address, motivation, cv) -> str:
        started = time.perf_counter()
        try:
            return self._attempt(i, address, motivation, cv)
        finally:
            with self.lock:
                self.latencies.append(time.perf_counter() - started)

    def _attempt(self, i, address, motivation, cv) -> str:
        try:
            session = requests.Session()
            page = session.get(self.url, timeout=30)
            if page.status_code != 200:
                return f"form {page.status_code}" + (" page" if ERROR_PAGE in page.text else "")
            token = CSRF_RE.search(page.text).group(1)
            response = session.post(
                self.url,
                data={
                    "csrfmiddlewaretoken": token,
                    "first_name": "Kandidaat",
                    "last_name": f"{self.prefix} {i}",
                    "email": address,
                    "phone": "06 1234 5678",
                    "current_position": "Directeur",
                    "current_organisation": "Provincie Utrecht",
                    "privacy_accepted": "on",
                },
                files={
                    "motivation": (f"motivatie-{i}.pdf", motivation, "application/pdf"),
                    "cv": (f"cv-{i}.pdf", cv, "application/pdf"),
                },
                headers={"Referer": self.url},
                timeout=60,
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            return f"connection {type(exc).__name__}"
        if response.status_code == 302 and "/ontvangen/" in response.headers.get("Location", ""):
            return "received"
        return f"post {response.status_code}" + (" page" if ERROR_PAGE in response.text else "")

    def apply(self, job):
        start_at, (i, address, motivation, cv) = job
        time.sleep(max(0.0, start_at - time.monotonic()))
        for number in range(1, ATTEMPTS + 1):
            result = self.attempt(i, address, motivation, cv)
            with self.lock:
                self.outcomes.append((address, number, result))
                if result == "received":
                    self.received.add(address)
            if result == "received":
                return
            time.sleep(RETRY_AFTER)

    def run(self, *, count, rate, concurrency, faults):
        payloads = [self.payload(i) for i in range(count)]
        begin = time.monotonic() + 0.5
        jobs = [(begin + i / rate, payload) for i, payload in enumerate(payloads)]
        timers = [threading.Timer(max(0.0, begin + at - time.monotonic()), fault)
                  for at, fault in faults]  # fmt: skip
        for timer in timers:
            timer.start()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            list(pool.map(self.apply, jobs))
        for timer in timers:
            timer.join()

    def summary(self) -> dict:
        first = Counter(result for _, number, result in self.outcomes if number == 1)
        failed = [result for _, _, result in self.outcomes if result != "received"]
        kinds = Counter(failed)
        retried = {address for address, number, _ in self.outcomes if number > 1}
        return {
            "sent": len(self.sent),
            "received": len(self.received),
            "received at once": first.get("received", 0),
            "failed attempts": len(failed),
            "failed attempts with our error page": sum(n for k, n in kinds.items() if "page" in k),
            "failure kinds": dict(kinds),
            "received after sending again": len(retried & self.received),
            "latency p50 / p95 / max (s)": " / ".join(
                f"{value:.2f}"
                for value in (
                    statistics.median(self.latencies),
                    sorted(self.latencies)[int(len(self.latencies) * 0.95) - 1],
                    max(self.latencies),
                )
            ),
        }


# Checks ------------------------------------------------------------------------------------------


def check_storage(rushes, media: Path) -> dict:
    from django.core.files.storage import default_storage

    from candidates.models import Application, Candidate, Document

    sent = {address: sums for rush in rushes for address, sums in rush.sent.items()}
    received = set().union(*(rush.received for rush in rushes))
    per_address = Counter(
        Application.objects.filter(candidate__email__in=sent).values_list(
            "candidate__email", flat=True
        )
    )
    intact = broken = 0
    for document in Document.objects.filter(application__candidate__email__in=sent).select_related(
        "application__candidate"
    ):
        expected = sent[document.application.candidate.email][document.kind]
        with default_storage.open(document.file.name, "rb") as handle:
            stored = hashlib.sha256(handle.read()).hexdigest()
        if document.sha256 == expected == stored:
            intact += 1
        else:
            broken += 1
    known = set(Document.objects.values_list("file", flat=True))
    on_disk = {str(p.relative_to(media)) for p in (media / "documents").rglob("*") if p.is_file()}
    return {
        "received pages": len(received),
        "applications stored": sum(per_address.values()),
        "received but not stored": len(received - set(per_address)),
        "stored twice": sum(1 for n in per_address.values() if n > 1),
        "candidates": Candidate.objects.filter(email__in=sent).count(),
        "files intact": f"{intact} / {2 * len(received)}",
        "files broken": broken,
        "orphan files in storage": len(on_disk - known),
    }


class SmtpSink(socketserver.ThreadingTCPServer):
    """An SMTP server that takes `delay` seconds to accept each message (so that a worker can be
    killed while it sends) and keeps what it received."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, delay: float):
        self.delay, self.messages, self.lock = delay, [], threading.Lock()
        super().__init__(("127.0.0.1", 0), _SmtpHandler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def counts(self) -> Counter:
        """How often each (recipient, subject) arrived."""
        with self.lock:
            parsed = [email.message_from_bytes(raw) for raw in self.messages]
        return Counter((m["To"], str(m["Subject"])) for m in parsed)


class _SmtpHandler(socketserver.StreamRequestHandler):
    def handle(self):
        write = self.wfile.write
        write(b"220 faults ESMTP\r\n")
        lines, data = [], False
        while line := self.rfile.readline():
            if data:
                if line.rstrip(b"\r\n") == b".":
                    time.sleep(self.server.delay)
                    with self.server.lock:
                        self.server.messages.append(b"".join(lines))
                    lines, data = [], False
                    write(b"250 OK\r\n")
                else:
                    lines.append(line[1:] if line.startswith(b"..") else line)
                continue
            command = line[:4].upper()
            if command == b"EHLO":
                write(b"250-faults\r\n250 OK\r\n")
            elif command == b"DATA":
                data = True
                write(b"354 End with .\r\n")
            elif command == b"QUIT":
                write(b"221 Bye\r\n")
                return
            else:  # HELO, MAIL, RCPT, RSET, NOOP
                write(b"250 OK\r\n")


def wait_until(condition, timeout) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(0.5)
    return None


# The run ---------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=4.0, help="applications per second")
    parser.add_argument("--outage", type=int, default=30, help="seconds Redis is down")
    parser.add_argument("--size-kb", type=int, default=256)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--smtp-delay", type=float, default=0.3, help="seconds per email")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="faults-"))
    media = work / "media"
    smtp = SmtpSink(delay=args.smtp_delay)
    redis = PrivateRedis(work)
    redis.start()
    with private_postgres(work) as (database_url, pg_restart):
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "faults-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": database_url,
            "CONN_MAX_AGE": "0",
            "MEDIA_ROOT": str(media),
            "STATIC_ROOT": str(work / "static"),
            "CELERY_BROKER_URL": f"redis://127.0.0.1:{redis.port}/0",
            "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
            "CACHE_URL": f"redis://127.0.0.1:{redis.port}/1",
            # Every applicant comes from 127.0.0.1: a limit that counts but does not bite.
            "APPLY_RATE_LIMIT": "1000000",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp.server_address[1]}",
            "LOG_LEVEL": "ERROR",
        }
        manage = [PYTHON, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        collect = [*manage, "collectstatic", "--noinput", "-v0"]
        if subprocess.run(collect, env=env, cwd=ROOT, check=False).returncode:
            # The public pages need no chart; a vendored file the manifest cannot process
            # (a source map it names but does not ship) must not stop this run.
            log("collectstatic failed; again without the vendored chart library")
            subprocess.run([*collect, "-i", "chart.umd.min.js"], env=env, cwd=ROOT, check=True)

        os.environ.update(env)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "recruitment.settings")
        import django

        django.setup()
        from django.urls import reverse
        from django.utils import timezone

        from mail.models import OutgoingEmail
        from vacancies.models import Client, Vacancy

        client = Client.objects.create(name="Interprovinciaal Overleg", short_name="IPO")
        vacancy = Vacancy.objects.create(
            client=client, title="Algemeen Directeur", reference="ipo-faults",
            status=Vacancy.Status.PUBLISHED, published_on=timezone.localdate(),
            closing_date=timezone.localdate() + timedelta(days=1), hours_per_week=36,
            salary_scale="18", how_to_apply="Motivatie en cv als twee pdf-bestanden.",
        )  # fmt: skip
        port = free_port()
        gunicorn = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "recruitment.wsgi", "--config", "gunicorn.conf.py",
             "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
             "--access-logfile", str(work / "access.log"), "--error-logfile",
             str(work / "error.log")],
            env=env, cwd=ROOT, start_new_session=True,
        )  # fmt: skip
        worker = Worker(env, work)
        worker.start()
        url = f"http://127.0.0.1:{port}{reverse('candidates:apply', args=[vacancy.reference])}"
        results = {}
        try:
            if wait_until(lambda: _up(url), 60) is None:
                raise RuntimeError("gunicorn did not start")
            from django.db import connections

            connections.close_all()  # the restart below must not wait for this process

            # 1. Redis (broker and cache) stopped for `outage` seconds.
            count = int(args.rate * (args.outage + 10))
            log(f"Redis: {count} applications; Redis stops at 5 s for {args.outage} s")
            marks = {}

            def redis_back():
                redis.start()

            rush = Rush(url, args.size_kb, "redis")
            rush.run(count=count, rate=args.rate, concurrency=args.concurrency,
                     faults=[(5, redis.stop), (5 + args.outage, redis_back)])  # fmt: skip
            results["redis"] = rush

            # 2. The worker killed (SIGKILL) while it sends, started again 5 s later.
            count = int(args.rate * 20)
            log(f"Worker: {count} applications; the worker is killed at 6 s, back at 11 s")
            rush = Rush(url, args.size_kb, "worker")
            rush.run(count=count, rate=args.rate, concurrency=args.concurrency,
                     faults=[(6, worker.kill), (11, worker.start)])  # fmt: skip
            results["worker"] = rush

            # 3. PostgreSQL restarted.
            log(f"PostgreSQL: {count} applications; PostgreSQL restarts at 8 s")
            rush = Rush(url, args.size_kb, "postgres")

            def restart():
                began = time.monotonic()
                pg_restart()
                marks["pg_restart_seconds"] = round(time.monotonic() - began, 1)

            rush.run(count=count, rate=args.rate, concurrency=args.concurrency,
                     faults=[(8, restart)])  # fmt: skip
            results["postgres"] = rush

            # The emails: the worker sends what reached it; the rest waits for flush_outbox
            # (celery beat, every minute), run here as beat would.
            log("Waiting for the worker to send what reached it ...")
            connections.close_all()
            unsent = OutgoingEmail.objects.filter(sent_at__isnull=True)
            wait_until(lambda: not unsent.exists(), 60)
            left_by_worker = unsent.count()
            claimed = unsent.filter(claimed_at__isnull=False).count()
            flushed = _flush_as_beat()
            log(f"flush_outbox sent {flushed} (of which claimed by the killed worker: {claimed})")
        finally:
            os.killpg(gunicorn.pid, signal.SIGTERM)
            gunicorn.wait(timeout=30)
            worker.stop()
            redis.stop()

        storage = check_storage(list(results.values()), media)
        mails = smtp.counts()
        emails = OutgoingEmail.objects.all()
        receipts = [key for key in mails if key[0].endswith("@faults.example.org")]
        report = {
            "storage": storage,
            "emails": {
                "queued": emails.count(),
                "sent (outbox)": emails.filter(sent_at__isnull=False).count(),
                "not sent by the worker, sent by flush_outbox": left_by_worker,
                "still unsent": emails.filter(sent_at__isnull=True).count(),
                "candidates with a receipt": len({to for to, _ in receipts}),
                "messages that went out twice": sum(1 for n in mails.values() if n > 1),
            },
        }
        for name, rush in results.items():
            report[name] = rush.summary()
        report["timings"] = marks
        for section, values in report.items():
            print(f"\n{section}")
            for key, value in values.items():
                print(f"  {key:<48} {value}")
        received = sum(len(r.received) for r in results.values())
        ok = (
            received == sum(len(r.sent) for r in results.values())
            and storage["applications stored"] == received
            and storage["stored twice"] == 0
            and storage["files broken"] == 0
            and storage["orphan files in storage"] == 0
            and report["emails"]["still unsent"] == 0
            and report["emails"]["candidates with a receipt"] == received
        )
        from django.db import connections

        connections.close_all()
    shutil.rmtree(work, ignore_errors=True)
    print("\nOK: every received application stored once, intact; every email sent." if ok
          else "\nFAILED")  # fmt: skip
    sys.exit(0 if ok else 1)


def _up(url) -> bool:
    try:
        return requests.get(url, timeout=5).status_code == 200
    except requests.RequestException:
        return False


def _flush_as_beat() -> int:
    """flush_outbox as celery beat runs it, CLAIM_TIMEOUT later: a message claimed by the killed
    worker is released then (mail/services/outbox.py)."""
    import time_machine
    from django.utils import timezone

    from mail.services.outbox import CLAIM_TIMEOUT, FLUSH_MIN_AGE, outbox_flush

    later = timezone.now() + CLAIM_TIMEOUT + FLUSH_MIN_AGE + timedelta(seconds=1)
    with time_machine.travel(later, tick=True):
        return outbox_flush()


if __name__ == "__main__":
    main()
