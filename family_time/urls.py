from django.urls import path

from . import views

app_name = "family_time"

CHILD = "children/<int:pk>/family-time/"

urlpatterns = [
    path("family-time/", views.schedule, name="schedule"),
    path(f"{CHILD}attendance/", views.attendance, name="attendance"),
    path(f"{CHILD}plans/new/", views.PlanView.as_view(), name="plan_add"),
    path(f"{CHILD}plans/<int:plan_pk>/edit/", views.PlanView.as_view(), name="plan_edit"),
    path(f"{CHILD}plans/<int:plan_pk>/generate/", views.GenerateView.as_view(), name="generate"),
    path(
        f"{CHILD}plans/<int:plan_pk>/sessions/new/",
        views.SessionAddView.as_view(),
        name="session_add",
    ),
    path(
        f"{CHILD}sessions/<int:session_pk>/move/",
        views.SessionMoveView.as_view(),
        name="session_move",
    ),
    path(
        f"{CHILD}sessions/<int:session_pk>/record/",
        views.SessionRecordView.as_view(),
        name="session_record",
    ),
    path(
        f"{CHILD}sessions/<int:session_pk>/cancel/",
        views.SessionCancelView.as_view(),
        name="session_cancel",
    ),
    path(f"{CHILD}later/new/", views.LaterFamilyTimeView.as_view(), name="later_add"),
    path(
        f"{CHILD}later/<int:later_pk>/edit/",
        views.LaterFamilyTimeView.as_view(),
        name="later_edit",
    ),
]
