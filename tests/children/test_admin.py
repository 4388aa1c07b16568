from django.apps import apps
from django.contrib import admin


def test_every_model_of_the_childs_record_is_in_the_admin_with_filters_or_search():
    for model in apps.get_app_config("children").get_models():
        if model.__name__.startswith("Historical"):
            continue  # simple-history's tables, shown through each record's history
        assert model in admin.site._registry, f"{model.__name__} is not in the admin"
        model_admin = admin.site._registry[model]
        assert model_admin.list_filter or model_admin.search_fields, model.__name__
