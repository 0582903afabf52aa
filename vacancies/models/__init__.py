from .client import Client, ClientContact, ClientLocation, ClientUnit
from .committee import CommitteeMember
from .planning import PlanningPhase
from .vacancy import (
    ContactPerson,
    Requirement,
    Responsibility,
    Vacancy,
    WntCeiling,
)

__all__ = [
    "Client",
    "ClientContact",
    "ClientLocation",
    "ClientUnit",
    "CommitteeMember",
    "ContactPerson",
    "PlanningPhase",
    "Requirement",
    "Responsibility",
    "Vacancy",
    "WntCeiling",
]
