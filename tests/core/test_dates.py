"""Dates in each language's own calendar and digits, through the one helper."""

import datetime
import zoneinfo

import pytest

from apps.core.dates import format_date, gregorian_to_jalali, iso_datetime, native_digits

# 1 Farvardin (Nowruz) as Iran's calendar fixed it, from published calendars. The equinox
# falls before or after noon in Tehran, so the Gregorian day moves between 20 and 21 March.
NOWRUZ = {
    1357: datetime.date(1978, 3, 21),
    1375: datetime.date(1996, 3, 20),
    1398: datetime.date(2019, 3, 21),
    1399: datetime.date(2020, 3, 20),
    1400: datetime.date(2021, 3, 21),
    1403: datetime.date(2024, 3, 20),
    1404: datetime.date(2025, 3, 21),
    1405: datetime.date(2026, 3, 21),
}


@pytest.mark.parametrize(("year", "day"), NOWRUZ.items())
def test_nowruz_is_the_first_of_farvardin(year, day):
    assert gregorian_to_jalali(day) == (year, 1, 1)
    assert gregorian_to_jalali(day - datetime.timedelta(days=1))[:2] == (year - 1, 12)


def test_the_calendar_advances_one_day_at_a_time_with_persian_month_lengths():
    day = datetime.date(2019, 3, 21)
    previous = gregorian_to_jalali(day)
    month_lengths = {}
    while day < datetime.date(2031, 3, 21):
        day += datetime.timedelta(days=1)
        current = gregorian_to_jalali(day)
        if current[2] == 1:
            year, month, last_day = previous
            month_lengths.setdefault(month, set()).add(last_day)
            assert current[:2] == ((year, month + 1) if month < 12 else (year + 1, 1))
        else:
            assert current == (previous[0], previous[1], previous[2] + 1)
        previous = current
    assert all(month_lengths[m] == {31} for m in range(1, 7))
    assert all(month_lengths[m] == {30} for m in range(7, 12))
    assert month_lengths[12] == {29, 30}  # Esfand has 30 days in leap years only


def test_persian_dates_use_jalali_month_names_and_persian_digits():
    day = datetime.date(1979, 2, 11)  # 22 Bahman 1357
    assert format_date(day, "fa") == "۲۲ بهمن ۱۳۵۷"


def test_hebrew_and_finnish_use_their_month_names():
    day = datetime.date(2026, 11, 23)
    assert format_date(day, "he") == "23 בנובמבר 2026"
    assert format_date(day, "fi") == "23. marraskuuta 2026"


def test_datetimes_are_shown_in_the_readers_time_zone_with_the_time():
    moment = datetime.datetime(2026, 3, 20, 22, 30, tzinfo=datetime.UTC)
    # 02:00 on 21 March in Tehran: already the new Persian year.
    assert format_date(moment, "fa", with_time=True) == "۱ فروردین ۱۴۰۵، ۰۲:۰۰"
    assert format_date(moment, "he", with_time=True) == "21 במרץ 2026, 00:30"
    assert format_date(moment, "fi", with_time=True) == "21. maaliskuuta 2026, 0.30"
    local = moment.astimezone(zoneinfo.ZoneInfo("Asia/Jerusalem"))
    assert format_date(local, "fi") == format_date(moment, "fi")


def test_missing_dates_are_empty_and_digits_follow_the_language():
    assert format_date(None, "fa") == ""
    assert native_digits(1405, "fa") == "۱۴۰۵"
    assert native_digits(1405, "fi") == "1405"
    assert native_digits(1405, "he") == "1405"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "expected_digit"), [("fa", "۰۱۲۳۴۵۶۷۸۹"), ("he", "0123456789"), ("fi", "0123456789")]
)
def test_pages_show_dates_and_reading_time_in_the_language(client, lang, expected_digit):
    html = client.get(f"/{lang}/").content.decode()
    dates = [part.split(">", 1)[1] for part in html.split("<time ")[1:]]
    assert dates, "the home page lists dated pages"
    for shown in dates:
        digits = [c for c in shown.split("</time>")[0] if c.isdigit()]
        assert digits and all(c in expected_digit for c in digits)


# Friday 27 March 2026, 21:30 UTC: Israel has just moved to summer time (+03:00), Finland has
# not yet (+02:00), Iran keeps +03:30 all year. Three zones, three different clocks.
ZONE_CASES = {
    "he": ("28 במרץ 2026, 00:30", "2026-03-28T00:30:00+03:00"),
    "fa": ("۸ فروردین ۱۴۰۵، ۰۱:۰۰", "2026-03-28T01:00:00+03:30"),
    "fi": ("27. maaliskuuta 2026, 23.30", "2026-03-27T23:30:00+02:00"),
}


@pytest.mark.parametrize("lang", ZONE_CASES)
def test_times_are_in_the_readers_zone_of_each_language(lang):
    moment = datetime.datetime(2026, 3, 27, 21, 30, tzinfo=datetime.UTC)
    shown, machine = ZONE_CASES[lang]
    assert format_date(moment, lang, with_time=True) == shown
    assert iso_datetime(moment, lang) == machine
