"""The real client address, also behind the TLS proxy.

`REMOTE_ADDR` is the address that opened the connection. Only when that address is one of the
trusted proxies (setting `TRUSTED_PROXIES`: addresses or networks) does `X-Forwarded-For` count,
and then only the part the proxies added: with `TRUSTED_PROXY_COUNT` proxies in a row, the client
is the entry that many places from the right of `X-Forwarded-For` + `REMOTE_ADDR` (django-ipware
reads the header). Whatever a client writes into the header itself stays to the left of that entry
and is ignored; a request that does not come through a trusted proxy keeps its `REMOTE_ADDR`.

Used by the application rate limit, the document access log and the login lockout (axes).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from ipware import get_client_ip


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies)


def _is_trusted_proxy(address: str) -> bool:
    proxies = tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ())
    if not proxies or not address:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip.version == net.version and ip in net for net in _networks(proxies))


def client_ip(request) -> str | None:
    """The client's IP address; None when the server saw none."""
    remote = (request.META.get("REMOTE_ADDR") or "").strip()
    if not _is_trusted_proxy(remote):
        return remote or None
    count = max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 1) or 1), 1)
    # REMOTE_ADDR is the last proxy; ipware counts only the proxies inside the header.
    ip, _routable = get_client_ip(
        request,
        proxy_count=count - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    # No usable header (or fewer entries than proxies): the proxy's own address, rather than
    # anything a client could have chosen.
    return ip or remote


def axes_client_ip(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: axes sees the same address as everything else."""
    return client_ip(request)


def ratelimit_key(group, request) -> str:
    """django-ratelimit's key: the real client address."""
    return client_ip(request) or "unknown"
