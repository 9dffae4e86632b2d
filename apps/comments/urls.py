from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("comments/post/<int:page_id>/", views.post_comment, name="post"),
    path("comments/token/<int:page_id>/", views.form_token, name="token"),
]
