"""Query-time help for Finnish: words typed without ä/ö, and compounds by their parts."""

import pytest

from apps.analysis import compound_parts, spelling_variants
from apps.analysis.finnish import engine_name

pytestmark = pytest.mark.skipif(engine_name() == "snowball", reason="needs Voikko's morphology")


def test_words_typed_without_a_and_o_umlauts_find_their_spelling():
    assert spelling_variants("vaarassa", "fi") == ["väärässä"]
    assert spelling_variants("kayttaja", "fi") == ["käyttäjä"]
    # Typed with its marks, a word means only itself; other languages are left alone.
    assert spelling_variants("väärässä", "fi") == []
    assert spelling_variants("asiakas", "fi") == []
    assert spelling_variants("vaarassa", "he") == []


def test_a_compound_gives_its_parts_in_base_form():
    assert compound_parts("asiakaspalvelu", "fi") == ["asiakas", "palvelu"]
    assert compound_parts("asiakaspalvelussa", "fi") == ["asiakas", "palvelu"]
    assert compound_parts("kielenopettaja", "fi") == ["kieli", "opettaja"]
    assert compound_parts("palvelu", "fi") == []
    assert compound_parts("asiakas palvelu", "fi") == []
