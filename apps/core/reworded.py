"""Django's own messages that Mishov translates again, where Django's catalogs write them in a
way readers should not see: Hebrew דוא"ל with an ASCII quote instead of the gershayim (״).

Naming them here keeps them in locale/*/django.po (which Django reads before its own
catalogs), so `make messages` does not drop them as obsolete.
"""

from django.utils.translation import gettext_noop

REWORDED = (gettext_noop("Enter a valid email address."),)
