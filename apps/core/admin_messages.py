"""Wagtail's own messages whose he/fa/fi translations Mishov corrects.

The catalogs in locale/ take precedence over Wagtail's; listing the message ids here keeps them
in those catalogs when `make messages` extracts the project's strings.
"""

from django.utils.translation import gettext_noop

CORRECTED = [
    # Shown to an editor who is in the admin but lacks one permission; Wagtail's Hebrew said
    # "you have no access to the admin".
    gettext_noop("Sorry, you do not have permission to access this area."),
]
