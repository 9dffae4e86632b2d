"""Mixed-direction comments as readers write them, with the direction each line must have.

Each case: (language of the page, body, directions). `directions` has one entry per line of
the body (blank lines between paragraphs excluded): the direction that line must be laid out
in. Hebrew and Persian comments carry links, e-mail addresses, numbers, English terms, emoji
and quotations at either end; Finnish ones carry Hebrew names; a few whole lines are in the
other direction on purpose (an English title in a Hebrew signature, a Hebrew greeting in a
Finnish thread). Used by tests/comments/test_direction.py and, in Chromium,
tests/browser/test_comment_direction.py.
"""

# ruff: noqa: E501, RUF001 - whole sentences, and the quotation marks are the point
CORPUS = [
    # Hebrew
    ("he", "כתבתי על זה גם כאן: https://example.org/blog/customer-is-right/ כדאי לקרוא.", ["rtl"]),
    ("he", '"The customer is always right" – את המשפט הזה אני שומע כל יום.', ["rtl"]),
    ("he", 'אני לא מסכים עם המשפט "the customer is always right"', ["rtl"]),
    ("he", "OK, אז מצאת מקרה קיצון.", ["rtl"]),
    ("he", "אנחנו עובדים עם Zendesk Guide ועם Freshdesk כבר 3 שנים (מאז 2021)?", ["rtl"]),
    ("he", "מה דעתך על CRM, CX ו-NPS?", ["rtl"]),
    ("he", "תודה רבה! 🙂👍", ["rtl"]),
    ("he", "כתבו לי ל-reader@example.com או התקשרו 054-9003900.", ["rtl"]),
    ("he", "כמו שכתוב ב-www.example.com/faq ובמדריך", ["rtl"]),
    ("he", "„הלקוח תמיד צודק” – כך אמר Harry Gordon Selfridge", ["rtl"]),
    ("he", "https://example.org/only-a-link/", ["rtl"]),
    ("he", "I really enjoyed this post, thanks from London!", ["ltr"]),
    (
        "he",
        "מצ\"ב פוסט שכתבתי לאחרונה,\nדרך case study\n\nבברכה\nישראל פטשניק\nBusiness Technology Strategy\n054-9003900\nptashnik@netvision.net.il\nhttp://www.linkedin.com/in/israelptashnik",
        ["rtl", "rtl", "rtl", "rtl", "ltr", "rtl", "rtl", "rtl"],
    ),
    # Persian
    ("fa", "این مقاله را در https://example.org/fa/article خواندم و خیلی مفید بود.", ["rtl"]),
    ("fa", "«The customer is always right» جمله‌ای است که همه شنیده‌اند.", ["rtl"]),
    ("fa", "همه می‌گویند «the customer is always right»", ["rtl"]),
    ("fa", "من از CRM و Zendesk استفاده می‌کنم.", ["rtl"]),
    ("fa", "قیمت ۲۵۰ هزار تومان بود (حدود 5 دلار)؟", ["rtl"]),
    ("fa", "customer experience (CX) خیلی مهم است", ["rtl"]),
    ("fa", "عالی بود 👏👏", ["rtl"]),
    ("fa", "ایمیل من: reader@example.ir", ["rtl"]),
    ("fa", "Thanks, great article!", ["ltr"]),
    (
        "fa",
        "با احترام\nعلی رضایی\nCustomer Success Manager\nhttps://example.ir/ali",
        ["rtl", "rtl", "ltr", "rtl"],
    ),
    # Finnish
    ("fi", "Luin tämän artikkelin: https://example.org/fi/artikkeli, hyvä!", ["ltr"]),
    ("fi", "Tapasin ישראל פטשניק eilen konferenssissa.", ["ltr"]),
    ("fi", "Kiitos, Moshe Levi ja משה לוי!", ["ltr"]),
    ("fi", "ישראל פטשניק kirjoitti tästä hyvin.", ["ltr"]),
    ("fi", "”Asiakas on aina oikeassa” on vanha sanonta.", ["ltr"]),
    ("fi", "Hinta oli 250 € (noin 2 500 kr) 😊", ["ltr"]),
    ("fi", "תודה רבה על המאמר", ["rtl"]),
    (
        "fi",
        "Terveisin\nMatti Virtanen\nשלום לכולם\nmatti@example.fi",
        ["ltr", "ltr", "rtl", "ltr"],
    ),
]


def lines(body):
    """The body's non-blank lines, in order (what the directions list refers to)."""
    return [line for line in body.split("\n") if line.strip()]
