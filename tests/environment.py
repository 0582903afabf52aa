"""What a test needs from the machine, and what happens when it is missing.

A test that needs PostgreSQL, Redis, Chromium or npm skips on a developer's machine without
them. With the environment variable CI set (``.ci/run`` runs with CI=true), every skip fails the
run instead: CI must prove the whole suite, so "nothing skipped" is checked, not hoped for.

This module holds no Django imports so that it also works as a plain pytest plugin
(``-p tests.environment``); tests/conftest.py imports its hooks.
"""

import os

import pytest

CI_SKIP_MESSAGE = "skipped while CI is set; CI must run every test: "


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(condition, reason):
    """Skip the calling test when `condition` is false (fail it in CI)."""
    if condition:
        return
    if in_ci():
        pytest.fail(CI_SKIP_MESSAGE + reason, pytrace=False)
    pytest.skip(reason)


def _skip_reason(report):
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else longrepr
    return str(reason).removeprefix("Skipped: ")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and in_ci() and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = CI_SKIP_MESSAGE + _skip_reason(report)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and in_ci():
        report.outcome = "failed"
        report.longrepr = CI_SKIP_MESSAGE + _skip_reason(report)
