from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from .sitemaps import sitemaps_for


@require_GET
def sitemap_index(request):
    """/sitemap.xml: the index of the sitemap files, each of at most SITEMAP_URLS_PER_FILE
    addresses (the protocol's limit is 50,000), as /sitemap-pages.xml?p=2 and so on."""
    return sitemap_views.index(request, sitemaps_for(request), sitemap_url_name="sitemap-file")


@require_GET
def sitemap(request, section):
    """One file of the index; 404 for a section or a part that is not there."""
    return sitemap_views.sitemap(request, sitemaps_for(request), section=section)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
