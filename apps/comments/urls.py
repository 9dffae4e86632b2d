from django.urls import path

from . import data_views, mail_views, permalinks, report_views, views

app_name = "comments"
urlpatterns = [
    path("comments/<int:comment_id>/", permalinks.permalink, name="permalink"),
    path("comments/post/<int:page_id>/", views.post_comment, name="post"),
    path("comments/token/<int:page_id>/", views.form_token, name="token"),
    path("comments/report/<int:comment_id>/", report_views.report_comment, name="report"),
    path("comments/mail/<slug:action>/<str:token>/", mail_views.mail_link, name="mail"),
    path("comments/my-data/", data_views.ask, name="my_data_ask"),
    path("comments/my-data/<str:token>/", data_views.mine, name="my_data"),
]
