"""What the votes add up to, per page and language: yes, no, the reasons, the trend.

The trend compares the share of "yes" in the last TREND_DAYS days with the TREND_DAYS before.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from .models import Reason, Vote

TREND_DAYS = 30


def _count(condition):
    return Count("pk", filter=condition)


def score_annotations(now=None):
    """Aggregates for a queryset of votes grouped by page and language."""
    now = now or timezone.now()
    recent = Q(created_at__gte=now - timedelta(days=TREND_DAYS))
    earlier = Q(created_at__lt=now - timedelta(days=TREND_DAYS)) & Q(
        created_at__gte=now - timedelta(days=2 * TREND_DAYS)
    )
    reasons = {reason.value: _count(Q(helpful=False, reason=reason.value)) for reason in Reason}
    return {
        "yes": _count(Q(helpful=True)),
        "no": _count(Q(helpful=False)),
        "texts": _count(~Q(text="")),
        "recent_yes": _count(recent & Q(helpful=True)),
        "recent_all": _count(recent),
        "earlier_yes": _count(earlier & Q(helpful=True)),
        "earlier_all": _count(earlier),
        **reasons,
    }


def share(yes, total):
    """Per cent of yes, or None without votes."""
    return round(100 * yes / total) if total else None


@dataclass
class Score:
    page_id: int
    language: str
    yes: int
    no: int
    texts: int
    reasons: dict
    recent: int | None
    earlier: int | None

    @property
    def share(self):
        return share(self.yes, self.yes + self.no)

    @property
    def trend(self):
        """Points of "yes" share gained (+) or lost (-) against the earlier period, or None."""
        if self.recent is None or self.earlier is None:
            return None
        return self.recent - self.earlier


def score_from_row(row):
    """A Score from one row of grouped_scores()."""
    return Score(
        page_id=row["page"],
        language=row["language"],
        yes=row["yes"],
        no=row["no"],
        texts=row["texts"],
        reasons={reason: row[reason.value] for reason in Reason if row[reason.value]},
        recent=share(row["recent_yes"], row["recent_all"]),
        earlier=share(row["earlier_yes"], row["earlier_all"]),
    )


def grouped_scores(votes=None):
    """One row per (page, language) with the aggregates; most "no" first."""
    votes = Vote.objects.all() if votes is None else votes
    return (
        votes.values("page", "language")
        .annotate(**score_annotations())
        .order_by("-no", "-yes", "page", "language")
    )


def page_scores(page_id):
    """{language: Score} for one page."""
    return {
        row["language"]: score_from_row(row)
        for row in grouped_scores(Vote.objects.filter(page_id=page_id))
    }
