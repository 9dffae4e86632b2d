from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    """Text analysis shared by comment moderation and site search; no models."""

    name = "apps.analysis"
    label = "analysis"
    verbose_name = "Text analysis"
