from .planning import planning_generate
from .vacancy import vacancy_set_status

__all__ = ["planning_generate", "vacancy_set_status"]
