from .client import Client, ClientContact, ClientLocation, ClientUnit
from .committee import CommitteeInvitation, CommitteeMember, WorksCouncilAdvice
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
    "CommitteeInvitation",
    "CommitteeMember",
    "ContactPerson",
    "PlanningPhase",
    "Requirement",
    "Responsibility",
    "Vacancy",
    "WntCeiling",
    "WorksCouncilAdvice",
]
