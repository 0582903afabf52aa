"""Scorecards submitted at the same moment (PostgreSQL: real concurrent transactions).

Two members submitting at once both count; one member submitting twice at once (two tabs, a
double click) submits once; a submission and a conflict declaration of the same member at once
end in one of the two consistent states, never both half-way."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from candidates.models import Application, ConflictOfInterest, Scorecard, ScorecardScore
from candidates.selectors.scores import score_matrix
from candidates.services.release import application_release
from candidates.services.scorecards import conflict_declare, scorecard_save
from tests.candidates.factories import ApplicationFactory
from tests.vacancies.factories import CommitteeMemberFactory, RequirementFactory, VacancyFactory
from vacancies.models import Vacancy

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def procedure(requires_postgres):
    vacancy = VacancyFactory(status=Vacancy.Status.CLOSED)
    requirements = [RequirementFactory(vacancy=vacancy, order=n) for n in range(3)]
    application = ApplicationFactory(vacancy=vacancy, stage=Application.Stage.SHORTLIST)
    application_release(application=application, by=None)
    return vacancy, requirements, application


def at_once(*calls):
    """Run the calls in threads released together; their outcomes ("ok" or the error code)."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            call()
            outcomes[index] = "ok"
        except ValidationError as error:
            outcomes[index] = error.code
        except Exception as error:  # reported below, not swallowed
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def submit(member, application, requirements, value, recommendation="invite"):
    return lambda: scorecard_save(
        member=member,
        application=application,
        scores={r.pk: value for r in requirements},
        recommendation=recommendation,
        comments=f"score {value}",
        submit=True,
    )


def test_two_members_submitting_at_the_same_moment_both_count(procedure):
    vacancy, requirements, application = procedure
    anna, bert = CommitteeMemberFactory.create_batch(2, vacancy=vacancy)

    outcomes = at_once(
        submit(anna, application, requirements, 4),
        submit(bert, application, requirements, 2, "doubt"),
    )

    assert outcomes == ["ok", "ok"]
    assert Scorecard.objects.filter(submitted_at__isnull=False).count() == 2
    assert ScorecardScore.objects.count() == 6
    matrix = score_matrix(vacancy=vacancy, visible=Application.objects.all())
    summary = matrix.candidates[0].summary
    assert (summary.counted, summary.average) == (2, 3.0)
    assert summary.requirement_averages == [3.0, 3.0, 3.0]


def test_one_member_submitting_twice_at_the_same_moment_submits_once(procedure):
    vacancy, requirements, application = procedure
    anna = CommitteeMemberFactory(vacancy=vacancy)

    outcomes = at_once(
        submit(anna, application, requirements, 5),
        submit(anna, application, requirements, 1, "not_invite"),
    )

    assert sorted(outcomes) == ["ok", "submitted"]
    card = Scorecard.objects.get()
    winner = 5 if outcomes[0] == "ok" else 1
    assert card.comments == f"score {winner}"
    assert set(card.scores.values_list("score", flat=True)) == {winner}


def test_submitting_and_declaring_a_conflict_at_once_end_consistently(procedure):
    vacancy, requirements, application = procedure
    anna = CommitteeMemberFactory(vacancy=vacancy)

    outcomes = at_once(
        submit(anna, application, requirements, 3),
        lambda: conflict_declare(member=anna, application=application, explanation="Buurman"),
    )

    assert ConflictOfInterest.objects.count() == 1
    if outcomes == ["ok", "ok"]:
        # The submission came first: kept on record, not counted.
        assert Scorecard.objects.get().is_submitted
        matrix = score_matrix(vacancy=vacancy, visible=Application.objects.all())
        assert matrix.candidates[0].summary.counted == 0
    else:
        # The declaration came first: the submission is refused, nothing is left.
        assert outcomes == ["conflict", "ok"]
        assert not Scorecard.objects.exists()
