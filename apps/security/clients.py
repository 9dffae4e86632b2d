"""Who is asking: the client's address, as every limit on the site counts it.

Behind nginx every request comes from nginx's own address, so the address nginx saw is taken
from the last entry of X-Forwarded-For, which nginx appends and a client cannot replace. It
is believed only when the request really comes from a trusted proxy (SECURITY_TRUSTED_PROXIES,
loopback by default); a client talking to the app server directly, with any header it likes,
is counted by its own address. With a CDN or load balancer in front of nginx, nginx's realip
module (set_real_ip_from) makes the address it passes on the reader's (docs/security.md).
"""

import hashlib
import hmac
import ipaddress
from functools import cache

from django.conf import settings


@cache
def _trusted_networks(networks):
    return tuple(ipaddress.ip_network(network) for network in networks)


def _is_trusted_proxy(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    networks = _trusted_networks(tuple(settings.SECURITY_TRUSTED_PROXIES))
    return any(ip in network for network in networks)


def _last_forwarded(header):
    """The last address of an X-Forwarded-For header, if it is an address."""
    last = header.rsplit(",", 1)[-1].strip()
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return None


def client_address(request):
    """The address of the client this request comes from."""
    peer = request.META.get("REMOTE_ADDR", "")
    if _is_trusted_proxy(peer):
        forwarded = _last_forwarded(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        if forwarded:
            return forwarded
    return peer


def keyed_hash(value):
    """A keyed hash of `value` (an address, an e-mail address): enough to count by, useless to
    find the value again without the site's secret key."""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def client_hash(request):
    return keyed_hash(client_address(request))
