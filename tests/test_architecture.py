"""The arrows point one way: accounts <- vacancies <- candidates.

vacancies never imports candidates, never reaches it through `related_model`, and never touches
the reverse accessor `applications` that candidates.Application puts on Vacancy (not as an
attribute, not as an ORM lookup such as `Count("applications")` or `applications__stage=...`).
A page that shows a vacancy together with its applications belongs to candidates.

The check reads the source with `ast`, so comments and translated text that merely mention
applications or candidates do not count; migrations are left out (Django writes them).
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOWER_APP = ROOT / "vacancies"
LOWER_TEMPLATES = ROOT / "templates" / "vacancies"
HIGHER_APP = "candidates"
REVERSE_ACCESSOR = "applications"

# An ORM lookup path that walks the reverse relation: "applications", "-applications__stage",
# "vacancies__applications__candidate"...
LOOKUP = re.compile(rf"^-?(?:\w+__)*{REVERSE_ACCESSOR}(?:__\w+)*$")
# A dotted module or model path of the higher app: "candidates", "candidates.models",
# "candidates.Application".
MODULE = re.compile(rf"^{HIGHER_APP}(?:\.\w+)*$")
# In a template: the reverse accessor, counts built on it, the old per-stage panel, or a URL of
# the higher app. Project partials (templates/_partials/) may link both apps; these may not.
TEMPLATE_REACH = re.compile(
    rf"\.{REVERSE_ACCESSOR}\b|\bapplication_count\b|\bstage_groups\b|['\"]{HIGHER_APP}:"
)


def violations(source: str, filename: str = "<source>") -> list[str]:
    """What in `source` reaches from vacancies into candidates, one line per finding."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        line = getattr(node, "lineno", "?")
        if isinstance(node, ast.Import):
            found += [
                f"{filename}:{line}: imports {alias.name}"
                for alias in node.names
                if MODULE.match(alias.name)
            ]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and MODULE.match(node.module):
                found.append(f"{filename}:{line}: imports from {node.module}")
        elif isinstance(node, ast.Name) and node.id == "related_model":
            found.append(f"{filename}:{line}: uses related_model")
        elif isinstance(node, ast.Attribute):
            if node.attr == "related_model":
                found.append(f"{filename}:{line}: uses related_model")
            elif node.attr == REVERSE_ACCESSOR:
                found.append(f"{filename}:{line}: reaches .{REVERSE_ACCESSOR}")
        elif isinstance(node, ast.keyword) and node.arg and LOOKUP.match(node.arg):
            found.append(f"{filename}:{line}: looks up {node.arg}=")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value
            if LOOKUP.match(value):
                found.append(f"{filename}:{line}: looks up {value!r}")
            elif MODULE.match(value):
                found.append(f"{filename}:{line}: names {value!r}")
            elif value == "related_model":
                found.append(f"{filename}:{line}: uses related_model")
    return found


def lower_modules() -> list[Path]:
    return sorted(
        path for path in LOWER_APP.rglob("*.py") if "migrations" not in path.relative_to(ROOT).parts
    )


def test_vacancies_does_not_reach_into_candidates():
    found = []
    for path in lower_modules():
        found += violations(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, "vacancies reaches into candidates:\n" + "\n".join(found)


def test_vacancies_templates_do_not_show_applications():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(LOWER_TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TEMPLATE_REACH.search(line)
    ]
    assert not found, "templates/vacancies reach into candidates:\n" + "\n".join(found)


def test_the_check_sees_every_module():
    names = {path.relative_to(LOWER_APP).as_posix() for path in lower_modules()}
    assert {"selectors.py", "models/vacancy.py", "views/vacancies.py"} <= names
    assert not any(name.startswith("migrations/") for name in names)


@pytest.mark.parametrize(
    "source",
    [
        "import candidates",
        "import candidates.models as m",
        "from candidates.models import Application",
        "from candidates import selectors",
        "Application = Vacancy.applications.rel.related_model",
        "model = field.related_model",
        "model = getattr(field, 'related_model')",
        "Vacancy.objects.annotate(application_count=Count('applications'))",
        "Vacancy.objects.filter(applications__stage='applied')",
        "Client.objects.annotate(n=Count('vacancies__applications'))",
        "Vacancy.objects.prefetch_related('applications__candidate')",
        "Vacancy.objects.order_by('-applications__created_at')",
        "vacancy.applications.count()",
        "apps.get_model('candidates', 'Application')",
        "apps.get_model('candidates.Application')",
        "importlib.import_module('candidates.selectors')",
    ],
)
def test_the_check_catches_a_reach_into_candidates(source):
    assert violations(source)


@pytest.mark.parametrize(
    "source",
    [
        "from . import selectors",
        "from ..models import Vacancy",
        "from accounts.models import User",
        "label = _('Vacancy open for applications')",
        "'''candidates depends on vacancies, never the reverse'''",
        "# vacancy.applications in a comment",
        "vacancy.accepts_applications()",
        "email = vacancy.application_email",
    ],
)
def test_the_check_lets_vacancies_own_code_pass(source):
    assert violations(source) == []
