"""Submit an admin form as a browser would: every field with the value the page shows."""

from html.parser import HTMLParser


class _FormFields(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.depth = form_id, False, 0
        self.data, self._textarea, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if attrs.get("id") == self.form_id or (self.form_id is None and not self.inside):
                self.inside = True
            if self.inside:
                self.depth += 1
            return
        if not self.inside or attrs.get("disabled") is not None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = [name, None, None]
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select[2] is None:
                self._select[2] = value
            if "selected" in attrs:
                self._select[1] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.depth -= 1
            self.inside = self.depth > 0
        elif tag == "textarea" and self._textarea is not None:
            self.data.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, chosen, first = self._select
            self.data.append((name, chosen if chosen is not None else first or ""))
            self._select = None


def form_data(html_text, form_id="page-edit-form"):
    """The fields of the form `form_id` in `html_text` as a dict of lists (for QueryDict-like
    posting with the test client)."""
    parser = _FormFields(form_id)
    parser.feed(html_text)
    result = {}
    for name, value in parser.data:
        result.setdefault(name, []).append(value)
    return {name: values if len(values) > 1 else values[0] for name, values in result.items()}


def edit_form(client, url, page):
    """The admin form at `url` as a browser submits it. StreamFields are drawn by Wagtail's
    JavaScript from JSON, so their fields are filled from `page`'s blocks (paragraphs)."""
    from wagtail.fields import StreamField
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    response = client.get(url)
    assert response.status_code == 200, url
    data = form_data(response.content.decode())
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            blocks = [
                (b.block_type, rich_text(b.value.source))
                for b in getattr(page, field.name) or []
                if b.block_type == "paragraph"
            ]
            data.update(nested_form_data({field.name: streamfield(blocks)}))
    return data


def submitted(response):
    """A redirect after the form was accepted; otherwise fail with the form's errors."""
    if response.status_code == 302:
        return True
    context = response.context or {}
    form = context.get("form")
    errors = form.errors if form is not None else response.content.decode()[:1000]
    raise AssertionError(f"{response.status_code}: {errors}")
