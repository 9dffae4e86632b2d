"""{% fragment %}: a part of a page rendered once and kept under the content version."""

from django import template

from apps.caching import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        vary = [value.resolve(context) for value in self.vary]
        if any(value in (None, "") for value in vary):
            # Nothing to tell one rendering from another (no page): render it every time.
            return self.nodelist.render(context)
        # The page's template is part of the key: a page may also be shown through another
        # one (its 404 in a missing language, a comment that could not be posted).
        origin = getattr(context.template, "origin", None)
        return fragments.cached(
            context.get("request"), self.name.resolve(context),
            [*vary, getattr(origin, "template_name", "")],
            lambda: self.nodelist.render(context),
        )


@register.tag
def fragment(parser, token):
    """{% fragment "name" vary1 vary2 … %}…{% endfragment %}: the enclosed part rendered once
    per name, values, language and host until the content changes (apps/caching/fragments.py).
    An empty value (no page) turns the cache off for that rendering."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            "{% fragment %} takes a name and at least one value to vary on"
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
