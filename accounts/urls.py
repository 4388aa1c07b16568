from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("teams/", views.team_list, name="team_list"),
    path("teams/<int:pk>/", views.team_detail, name="team_detail"),
    path("people/search/", views.people_search, name="people_search"),
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
]
