from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path(
        "children/<int:pk>/placements/new/",
        views.PlacementAddView.as_view(),
        name="placement_add",
    ),
    path(
        "children/<int:pk>/placements/<int:placement_pk>/end/",
        views.PlacementEndView.as_view(),
        name="placement_end",
    ),
    path(
        "children/<int:pk>/placements/<int:placement_pk>/correct/",
        views.PlacementCorrectView.as_view(),
        name="placement_correct",
    ),
    path("children/<int:pk>/candidates/", views.candidates, name="candidates"),
    path(
        "children/<int:pk>/matches/propose/<int:household_pk>/",
        views.MatchProposeView.as_view(),
        name="match_propose",
    ),
    path(
        "children/<int:pk>/matches/<int:match_pk>/withdraw/",
        views.MatchWithdrawView.as_view(),
        name="match_withdraw",
    ),
    path(
        "children/<int:pk>/matches/<int:match_pk>/authorise/",
        views.AuthoriseView.as_view(),
        name="match_authorise",
    ),
    path(
        "children/<int:pk>/matches/<int:match_pk>/reg-25a/",
        views.Reg25AView.as_view(),
        name="reg25a",
    ),
    path(
        "children/<int:pk>/agency-decisions/new/",
        views.AgencyDecisionView.as_view(),
        name="agency_decision",
    ),
    path("children/<int:pk>/formal-match/", views.FormalMatchView.as_view(), name="formal_match"),
]
