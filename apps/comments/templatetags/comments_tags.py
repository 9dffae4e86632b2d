import copy

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Site

from apps.caching import fragments
from apps.caching import threads as thread_cache
from apps.core.translation import current_language

from .. import cookies, pages, tokens
from ..forms import CommentForm
from ..models import CommentSettings
from ..rendering import masked_text, render_body
from ..threads import on_page, page_address, page_numbers, thread, visible_comments

register = template.Library()


def detached(instance):
    """A copy of a model instance without the related objects it holds (the settings' site and
    its pages), for the cache."""
    instance = copy.copy(instance)
    instance._state.fields_cache = {}
    return instance


def _reply_target(nodes, wanted):
    for node in nodes:
        if node.comment.pk == wanted:
            return node.comment
        found = _reply_target(node.replies, wanted)
        if found:
            return found
    return None


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _nodes(page, lang, pending_ids, number):
    return thread(on_page(visible_comments(page, lang, pending_ids), number))


def _site_rules(request):
    """The site's comment rules, kept under the content version (saving them makes a new one)."""
    site = Site.find_for_request(request)
    return fragments.cached(
        request, "comment-settings", [site.pk if site else ""],
        lambda: detached(CommentSettings.for_request(request)),
    )


def _blank_form(request, page):
    """The form as a reader first sees it: their remembered name and e-mail, the reply asked."""
    remembered = cookies.remembered(request)
    initial = {"remember": bool(remembered), "parent": _int(request.GET.get("replyto"))}
    return CommentForm(page=page, initial={**remembered, **initial})


def _rendered_thread(page, lang, shared, pending_ids, parent_id):
    """(the rendering of the thread's page, the comment replied to): shared by every reader
    when they have nothing pending and reply to nothing, else rendered for this one."""
    number = shared["page_number"]
    if thread_cache.enabled() and not pending_ids and not parent_id:
        shared_thread = thread_cache.cached_thread(
            page.pk, lang, shared, lambda: _nodes(page, lang, (), number)
        )
        return shared_thread, None
    nodes = _nodes(page, lang, pending_ids, number)
    rendered = {"html": thread_cache.render(nodes, shared), "has_nodes": bool(nodes)}
    return rendered, _reply_target(nodes, parent_id) if parent_id else None


def _page_links(path, comment_page):
    """The thread's navigation: {'links': [{'number', 'url'}], 'previous', 'next'} (None for a
    gap in the numbers); None when the thread has one page."""
    if not comment_page.has_other_pages():
        return None
    number, last = comment_page.number, comment_page.paginator.num_pages

    def url(n):
        return f"{page_address(path, n)}#comments"

    links = [{"number": n, "url": n and url(n)} for n in page_numbers(number, last)]
    return {"links": links, "previous": url(number - 1), "next": url(number + 1)}


def _is_pristine(form, parent_id):
    """The empty form (no cookie's name and e-mail, not a reply, not sent back with errors) is
    the same for every reader of the page: its rendering is a cached fragment."""
    remembered = any(form.initial.get(field) for field in ("name", "email"))
    return not form.is_bound and not parent_id and not remembered


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context):
    """The thread's page and the form at the end of a page. Three queries, however long the
    thread (its counts, read by the page's get_context, and the page's comments); none for the
    thread when its shared rendering is cached (apps/caching/threads.py)."""
    request, page = context["request"], context["page"]
    if page.pk is None:
        # Wagtail's preview of a page never saved: there is no thread and nothing to post to.
        return {"unsaved": True}
    comment_page, counts = context.get("listing_page"), context.get("comment_counts")
    if counts is None:
        comment_page, counts = pages.comment_page(request, page)
    rules = _site_rules(request)
    form = context.get("comment_form")
    if form is None:
        form = _blank_form(request, page)
    parent_id = _int(form["parent"].value())
    shared = {
        "is_open": page.comments_open(rules),
        "max_depth": rules.max_depth,
        "page_number": comment_page.number,
    }
    rendered, reply_to = _rendered_thread(
        page, current_language(), shared, cookies.pending_ids(request), parent_id
    )
    return {
        "request": request,
        "page": page,
        "pristine_form": page.pk if _is_pristine(form, parent_id) else "",
        "thread_html": rendered["html"],
        "has_nodes": rendered["has_nodes"],
        "count": counts["approved"],
        "comment_page": comment_page,
        "comment_pages": _page_links(request.path, comment_page),
        "form": form,
        "token": tokens.issue(page.pk),
        "reply_to": reply_to,
        **shared,
    }


@register.simple_tag
def comment_body(comment):
    return render_body(comment.body, comment.show_personal_data, comment.language)


@register.simple_tag
def comment_name(comment):
    """The commenter's name as shown publicly: personal data in it masked like the body's."""
    name = comment.name if comment.show_personal_data else masked_text(comment.name)
    return name or _("Anonymous reader")
