import pytest

from tests.accounts.factories import RecruiterFactory, UserFactory


@pytest.fixture
def recruiter(db):
    return RecruiterFactory(username="consultant")


@pytest.fixture
def committee_user(db):
    return UserFactory(username="commissielid")


@pytest.fixture
def recruiter_client(client, recruiter):
    client.force_login(recruiter)
    return client
