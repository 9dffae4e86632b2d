"""Friendly error pages in the reader's language, with the right direction."""

import pytest
from django.test import Client, override_settings
from django.utils.translation import gettext, override

DIRECTION = {"he": "rtl", "fa": "rtl", "fi": "ltr"}


def translated(msgid, lang):
    with override(lang):
        text = gettext(msgid)
    assert text != msgid, f"{msgid!r} has no {lang} translation"
    return text


@pytest.mark.django_db
@pytest.mark.parametrize("lang", DIRECTION)
def test_not_found_page_is_in_the_reader_language(client, lang):
    direction, not_found = DIRECTION[lang], translated("Page not found", lang)
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in text
    assert not_found in text
    assert f'href="/{lang}/"' in text  # a way back home


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.core.error_urls", DEBUG=False)
@pytest.mark.parametrize("lang", DIRECTION)
def test_server_error_page_is_in_the_reader_language(lang):
    direction, error = DIRECTION[lang], translated("Something went wrong", lang)
    response = Client(raise_request_exception=False).get(f"/{lang}/broken/")
    assert response.status_code == 500
    text = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in text
    assert error in text
    assert "RuntimeError" not in text and "Traceback" not in text
