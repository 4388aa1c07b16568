from django.urls import path

from . import sign_in_views, views

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
    # the second factor and single sign-on (docs/sign-in.md)
    path(
        "sign-in/second-factor/",
        sign_in_views.second_factor_verify,
        name="second_factor_verify",
    ),
    path("sign-in/sso/<str:code>/", sign_in_views.sso_start, name="sso_start"),
    path("sign-in/sso/<str:code>/callback/", sign_in_views.sso_callback, name="sso_callback"),
    path("account/second-factor/", sign_in_views.second_factor_overview, name="second_factor"),
    path(
        "account/second-factor/set-up/",
        sign_in_views.second_factor_setup,
        name="second_factor_setup",
    ),
    path(
        "account/second-factor/recovery-codes/",
        sign_in_views.recovery_codes_regenerate,
        name="recovery_codes",
    ),
    path(
        "people/<int:pk>/second-factor/reset/",
        sign_in_views.second_factor_reset,
        name="second_factor_reset",
    ),
]
