"""Rate limits per real client address (django-ratelimit, counted in the default cache).

When the cache cannot be reached (Redis stopped), requests go through and a warning is logged:
refusing every applicant during an outage would be worse than no limit for a while.
"""

import logging

from django_ratelimit.core import is_ratelimited

from recruitment.lib.client_ip import ratelimit_key

logger = logging.getLogger(__name__)


def rate_limited(request, *, group: str, rate: str, increment: bool = True) -> bool:
    """Count this request in `group` (when `increment`); whether its address is over `rate`."""
    try:
        return is_ratelimited(
            request, group=group, key=ratelimit_key, rate=rate, method="POST", increment=increment
        )
    except Exception:  # redis.ConnectionError, OSError, ...
        logger.warning("Rate limit %s not checked: the cache is unavailable.", group, exc_info=True)
        return False
