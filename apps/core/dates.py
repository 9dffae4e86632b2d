"""Dates as each language's readers write them: the one helper every template uses.

- Persian: the Solar Hijri (Jalali) calendar, Persian month names and Persian digits
  ("۲ آذر ۱۴۰۵").
- Hebrew and Finnish: the Gregorian calendar in Django's own formats for the language
  ("23 בנובמבר 2026", "23. marraskuuta 2026").

Times are in each language's readers' zone (settings.LANGUAGE_TIME_ZONES: Israel for Hebrew,
Iran for Persian, Finland for Finnish), and `<time datetime>` carries the same zone's offset.

Machine-readable places (`<time datetime>`, feeds, JSON-LD, sitemaps) keep ISO 8601.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

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


# Where times of day are shown (comments), a line says whose clock they follow.
ZONE_NOTES = {
    "he": _("Times are Israel time."),
    "fa": _("Times are Iran time."),
    "fi": _("Times are Finnish time."),
}


def _lang(lang=None):
    return (lang or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def reader_zone(lang=None):
    """The time zone of `lang`'s readers (default: the active language's)."""
    return zoneinfo.ZoneInfo(settings.LANGUAGE_TIME_ZONES.get(_lang(lang), settings.TIME_ZONE))


def zone_note(lang=None):
    """"Times are Israel time." in the language, or "" for a language without a zone."""
    return ZONE_NOTES.get(_lang(lang), "")


def iso_datetime(value, lang=None):
    """ISO 8601 for machines (`<time datetime>`, meta tags), to the second as HTML requires,
    with the offset of the zone the page shows times in."""
    if not isinstance(value, datetime.datetime):
        return value.isoformat() if value else ""
    if timezone.is_aware(value):
        value = timezone.localtime(value, reader_zone(lang))
    return value.replace(microsecond=0).isoformat()


def native_digits(value, lang=None):
    """Digits as the language writes them: Persian digits in Persian, Western elsewhere."""
    text = str(value)
    if (lang or get_language()) == "fa":
        return text.translate(PERSIAN_DIGITS)
    return text


def _in_reader_zone(value, lang):
    """An aware datetime in the time zone of `lang`'s readers; anything else as it is."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value, reader_zone(lang))
    return value


def format_date(value, lang=None, with_time=False):
    """A date (or datetime, shown in the readers' time zone) for readers of `lang`."""
    if value is None or value == "":
        return ""
    lang = _lang(lang)
    value = _in_reader_zone(value, lang)
    show_time = with_time and isinstance(value, datetime.datetime)
    return _DATE_FORMATS.get(lang, _local_date)(value, lang, show_time)


def _local_date(value, lang, show_time):
    """The language's own date (and time) format, from Django's locale formats."""
    with override(lang):
        text = formats.date_format(value, "DATE_FORMAT")
        time = ", " + formats.time_format(value, "TIME_FORMAT") if show_time else ""
    return text + time


def _persian_date(value, lang, show_time):
    """The Solar Hijri date, in Persian digits, and the time after a Persian comma."""
    year, month, day = gregorian_to_jalali(value)
    time = f"، {value:%H:%M}" if show_time else ""
    return native_digits(f"{day} {JALALI_MONTHS[month - 1]} {year}{time}", "fa")


# Languages whose dates are not Django's Gregorian formats: Persian readers use the Solar
# Hijri calendar.
_DATE_FORMATS = {"fa": _persian_date}
