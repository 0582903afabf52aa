from .client import Client, ClientContact, ClientLocation, ClientUnit
from .committee import CommitteeInvitation, CommitteeMember, WorksCouncilAdvice
from .planning import PlanningPhase
from .vacancy import (
    ContactPerson,
    ProfileVersion,
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
    "ProfileVersion",
    "Requirement",
    "Responsibility",
    "Vacancy",
    "WntCeiling",
    "WorksCouncilAdvice",
]
