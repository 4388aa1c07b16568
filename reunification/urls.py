from django.urls import path

from . import views

app_name = "reunification"

_BASE = "children/<int:pk>/reunification/<int:decision_pk>/"

urlpatterns = [
    path(_BASE + "plan/", views.PlanView.as_view(), name="plan"),
    path(_BASE + "steps/new/", views.StepView.as_view(), name="step_add"),
    path(_BASE + "steps/<int:step_pk>/edit/", views.StepView.as_view(), name="step_edit"),
    path(_BASE + "support/new/", views.SupportView.as_view(), name="support_add"),
    path(
        _BASE + "support/<int:support_pk>/edit/", views.SupportView.as_view(), name="support_edit"
    ),
    path(_BASE + "life-story/new/", views.LifeStoryView.as_view(), name="life_story_add"),
    path(
        _BASE + "life-story/<int:contribution_pk>/edit/",
        views.LifeStoryView.as_view(),
        name="life_story_edit",
    ),
    path(_BASE + "after-return/new/", views.AfterReturnView.as_view(), name="after_return_add"),
    path(
        _BASE + "after-return/<int:record_pk>/edit/",
        views.AfterReturnView.as_view(),
        name="after_return_edit",
    ),
]
