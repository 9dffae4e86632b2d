from django.urls import path

from . import feeds, views

# Under the language prefix: /he/feed/rss/, /he/feed/atom/ (config/urls.py).
language_urlpatterns = [
    path("feed/rss/", feeds.LatestRssFeed(), name="feed-rss"),
    path("feed/atom/", feeds.LatestAtomFeed(), name="feed-atom"),
]

# Outside the language prefix.
urlpatterns = [
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap, name="sitemap-file"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
]
