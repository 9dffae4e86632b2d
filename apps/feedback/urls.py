from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [path("feedback/<int:page_id>/", views.vote, name="vote")]
