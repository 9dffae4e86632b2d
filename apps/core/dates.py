"""Dates as each language's readers write them: the one helper every template uses.

- Persian: the Solar Hijri (Jalali) calendar, Persian month names and Persian digits
  ("۲ آذر ۱۴۰۵").
- Hebrew and Finnish: the Gregorian calendar in Django's own formats for the language
  ("23 בנובמבר 2026", "23. marraskuuta 2026").

Machine-readable places (`<time datetime>`, feeds, JSON-LD, sitemaps) keep ISO 8601.
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import get_language, override

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# The Jalali months are names, not phrases to translate: they are only shown in Persian.
JALALI_MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip

_MONTH_DAYS_BEFORE = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def gregorian_to_jalali(day):
    """(year, month, day) in the Solar Hijri calendar for a Gregorian date.

    The arithmetic 33-year cycle: it agrees with the astronomical calendar Iran uses for every
    year from 1178 to 1633 (1799–2254), which covers any date this site will show.
    """
    gy, gm, gd = day.year, day.month, day.day
    gy2 = gy + 1 if gm > 2 else gy
    days = (
        355666 + 365 * gy + (gy2 + 3) // 4 - (gy2 + 99) // 100 + (gy2 + 399) // 400
        + gd + _MONTH_DAYS_BEFORE[gm - 1]
    )  # fmt: skip
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    if days < 186:
        return jy, 1 + days // 31, 1 + days % 31
    return jy, 7 + (days - 186) // 30, 1 + (days - 186) % 30


def iso_datetime(value):
    """ISO 8601 for machines (`<time datetime>`, meta tags), to the second as HTML requires."""
    if not isinstance(value, datetime.datetime):
        return value.isoformat() if value else ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


def native_digits(value, lang=None):
    """Digits as the language writes them: Persian digits in Persian, Western elsewhere."""
    text = str(value)
    if (lang or get_language()) == "fa":
        return text.translate(PERSIAN_DIGITS)
    return text


def format_date(value, lang=None, with_time=False):
    """A date (or datetime, shown in the site's time zone) for readers of `lang`."""
    if value is None or value == "":
        return ""
    lang = lang or get_language()
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    show_time = with_time and isinstance(value, datetime.datetime)
    if lang == "fa":
        year, month, day = gregorian_to_jalali(value)
        text = f"{day} {JALALI_MONTHS[month - 1]} {year}"
        if show_time:
            text += f"، {value:%H:%M}"
        return native_digits(text, "fa")
    with override(lang):
        text = formats.date_format(value, "DATE_FORMAT")
        if show_time:
            text += ", " + formats.time_format(value, "TIME_FORMAT")
    return text
