"""The roof: every app's URLs, mounted once."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Early Permanence Tracker administration"
admin.site.site_title = "EP Tracker admin"
admin.site.index_title = "Configuration"

urlpatterns = [
    path("", include("accounts.urls")),
    path("", include("children.urls")),
    path("", include("carers.urls")),
    path("", include("matching.urls")),
    path("", include("family_time.urls")),
    path("", include("reunification.urls")),
    path("", include("journey.urls")),
    path("", include("deadlines.urls")),
    path("", include("dashboards.urls")),
    path("admin/", admin.site.urls),
]
