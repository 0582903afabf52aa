"""The code passes ruff (including its security rules, S: each exception is explained on its own
line) and every model change has its migration: checked in every test run, so CI checks it too."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

BASE_DIR = Path(settings.BASE_DIR)
RUFF = Path(sys.executable).with_name("ruff")


def test_ruff_finds_nothing_with_the_security_rules_on():
    config = (BASE_DIR / "pyproject.toml").read_text()
    assert '"S"]' in config or '"S",' in config, "ruff's security rules (S) are not selected"

    result = subprocess.run(
        [str(RUFF), "check", "--no-cache", "--output-format", "concise", "."],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_every_file_as_it_is():
    result = subprocess.run(
        [str(RUFF), "format", "--check", "--no-cache", "."],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_every_model_change_has_its_migration(db):
    # Exits with status 1 (SystemExit) when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
