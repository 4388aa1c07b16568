from django.urls import path

from . import views

app_name = "dashboards"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
