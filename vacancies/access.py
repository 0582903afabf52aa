"""Who may enter the recruiter back office."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404


def recruiter_required(view):
    """Anonymous users go to the login page; logged-in users who are not recruiters get a 404."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.is_recruiter:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped
