"""One vote per reader, per page, per day, as honestly as a site without accounts can tell.

A reader is their client address (apps/security/clients.py: the address nginx saw). The key
is a keyed hash of address, page and day, kept only in the shared cache until the day is over:
nothing that names a reader is stored with the vote, and nothing is written to the database for
a vote that is refused. Its limits, said plainly: readers behind one address (an office, a
mobile carrier's NAT) share one vote a page a day; a reader who changes address (another
network, a VPN) can vote again; when the cache is unreachable, votes are taken uncounted. Apart
from that, a client may vote on at most FEEDBACK_RATE_LIMIT pages per FEEDBACK_RATE_WINDOW.
"""

from django.conf import settings
from django.utils import timezone

from apps.security import limits
from apps.security.clients import client_address, client_hash, keyed_hash

DAY = 24 * 3600


def first_vote_today(request, page_id):
    """False when this reader has already voted on this page today; True or None (unknown)
    otherwise. Counting it spends the day's vote."""
    day = timezone.now().date().isoformat()
    key = keyed_hash(f"{client_address(request)}|{page_id}|{day}")
    return limits.first_time("helpful-vote", key, DAY)


def over_rate(request):
    """Whether this client has voted on too many pages lately; the seconds left in the window."""
    count, retry_after = limits.hit(
        "helpful", client_hash(request), settings.FEEDBACK_RATE_WINDOW
    )
    return limits.over(count, settings.FEEDBACK_RATE_LIMIT), retry_after
