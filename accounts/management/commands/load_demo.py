"""Load every app's demo data, ground floor first. Safe to run again: adds what is missing."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load fictional demo data (organisations, people for every role, cases) for a first run."
    )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            # the demo users share one published password; they must never exist in production
            raise CommandError("Demo data is for the embedded mode only, never production")
        context: dict = {}
        with transaction.atomic():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if config.name.startswith("django") or find_spec(module_name) is None:
                    continue
                import_module(module_name).load(context)
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Sign in with any of:"))
        width = max(len(u) for u, *_ in context.get("logins", [("",)]))
        for username, role, organisation in context.get("logins", []):
            self.stdout.write(f"  {username:<{width}}  {role}, {organisation}")
        self.stdout.write(f"Password for every demo user: {context.get('password')}")
