from .committee import (
    committee_member_add,
    committee_member_remove,
    committee_member_update,
)
from .planning import (
    phase_create,
    phase_delete,
    phase_move,
    phase_update,
    planning_generate,
)
from .vacancy import vacancy_set_status

__all__ = [
    "committee_member_add",
    "committee_member_remove",
    "committee_member_update",
    "phase_create",
    "phase_delete",
    "phase_move",
    "phase_update",
    "planning_generate",
    "vacancy_set_status",
]
