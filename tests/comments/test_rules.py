"""The moderation rules as pure functions: what is held, what is refused, and why."""

import pytest

from apps.comments.models import Comment, CommentSettings, HeldReason
from apps.comments.rendering import render_body
from apps.comments.rules import verdict
from apps.comments.segments import has_personal_data, link_count


def rules(**values):
    return CommentSettings(**{"hold_link_count": 2, **values})


def test_everything_waits_for_approval_by_default():
    result = verdict("Dana", "Hyvä artikkeli, kiitos.", rules())
    assert (result.status, result.reasons) == (Comment.Status.PENDING, [HeldReason.APPROVAL])


def test_known_commenter_is_approved_only_when_the_setting_is_on():
    assert verdict("Dana", "Kiitos", rules(), known_commenter=True).status == "pending"
    on = rules(approve_known_commenters=True)
    assert verdict("Dana", "Kiitos", on, known_commenter=True).status == "approved"
    assert verdict("Dana", "Kiitos", on, known_commenter=False).status == "pending"


def test_links_at_the_threshold_hold_the_comment():
    one = "See https://example.com/a"
    two = "See https://example.com/a and www.example.org"
    assert HeldReason.LINKS not in verdict("D", one, rules()).reasons
    assert HeldReason.LINKS in verdict("D", two, rules()).reasons
    assert HeldReason.LINKS in verdict("D", one, rules(hold_link_count=1)).reasons


@pytest.mark.parametrize(
    ("listed", "written"),
    [
        ("שלום", "שָׁלוֹם לכולם"),  # niqqud
        ("מלך", "המלך הגיע"),  # final letter in the list, prefix in the text
        ("كتاب", "این کتاب خوب است"),  # Arabic kaf and yeh in the list, Persian in the text
        ("میروم", "من می‌روم"),  # zero-width non-joiner
        ("میروم", "من می روم"),  # a space instead
        ("۱۲۳", "code 123"),  # Persian digits in the list
        ("huijaus", "Tämä on HUIJAUS!"),  # case
    ],
)
def test_word_lists_match_through_spelling_variants(listed, written):
    held = verdict("D", written, rules(hold_words=listed))
    assert held.status == "pending" and HeldReason.HOLD_WORDS in held.reasons
    rejected = verdict("D", written, rules(reject_words=f"other\n{listed}"))
    assert rejected.status == Comment.Status.SPAM
    assert rejected.reasons == [HeldReason.REJECT_WORDS]


def test_word_lists_do_not_match_inside_other_words():
    assert (
        HeldReason.HOLD_WORDS
        not in verdict("D", "a classic class", rules(hold_words="ass")).reasons
    )


@pytest.mark.parametrize(
    "text",
    [
        "התקשרו אלי 054-9003900",
        "call +358 40 123 4567",
        "شماره من ۰۹۱۲۳۴۵۶۷۸۹ است",
        "write to ptashnik@netvision.net.il please",
    ],
)
def test_phone_numbers_and_emails_are_personal_data(text):
    assert has_personal_data(text)
    result = verdict("D", text, rules())
    assert result.personal_data and HeldReason.PERSONAL_DATA in result.reasons


@pytest.mark.parametrize("text", ["בשנת 1967", "price 1 200 euros", "2024-05-31", "20% / 80%"])
def test_dates_years_and_prices_are_not_personal_data(text):
    assert not has_personal_data(text)


def test_a_link_is_not_a_phone_number():
    text = "https://www.linkedin.com/in/someone-123456789"
    assert not has_personal_data(text)
    assert link_count(text) == 1


def test_masking_replaces_personal_data_unless_shown():
    text = "טל' 054-9003900, ptashnik@netvision.net.il"
    masked = render_body(text)
    assert "9003900" not in masked and "ptashnik" not in masked
    assert masked.count("comment__masked") == 2
    shown = render_body(text, show_personal_data=True)
    assert "054-9003900" in shown and "ptashnik@netvision.net.il" in shown
