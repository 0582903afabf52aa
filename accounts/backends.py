"""django-axes' backend, also for callers without a request.

Every login over HTTP passes the request (Django's AuthenticationForm does), so axes counts and
refuses it. A call without one (the test client's `login`, a shell) has no client address to
count: it is left to the next backend instead of failing.
"""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
