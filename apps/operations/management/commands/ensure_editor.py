import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a local editor account (once) and print how to sign in to the admin."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--admin-url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, username, admin_url, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin: {admin_url} — user '{username}' already exists. "
                f"Forgot the password? Run: .venv/bin/python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {admin_url}\n  user:     {username}\n  password: {password}\n"
                "  (shown only this once; change it with "
                f".venv/bin/python manage.py changepassword {username})"
            )
        )
