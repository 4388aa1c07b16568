from django.urls import path

from .views import pages, records

app_name = "carers"

urlpatterns = [
    path("carers/", pages.household_list, name="list"),
    path("carers/new/", pages.household_create, name="create"),
    path("carers/profiles/", pages.profile_list, name="profiles"),
    path("carers/profiles/<int:pk>/", pages.profile_detail, name="profile"),
    path("carers/sufficiency/", pages.sufficiency, name="sufficiency"),
    path("carers/<int:pk>/", pages.household_record, name="record"),
    path("carers/<int:pk>/edit/", records.HouseholdEditView.as_view(), name="edit"),
    path("carers/<int:pk>/applicants/new/", records.ApplicantView.as_view(), name="applicant_add"),
    path(
        "carers/<int:pk>/applicants/<int:applicant_pk>/edit/",
        records.ApplicantView.as_view(),
        name="applicant_edit",
    ),
    path("carers/<int:pk>/members/new/", records.MemberView.as_view(), name="member_add"),
    path(
        "carers/<int:pk>/members/<int:member_pk>/edit/",
        records.MemberView.as_view(),
        name="member_edit",
    ),
    path(
        "carers/<int:pk>/approvals/<str:kind>/new/",
        records.ApprovalView.as_view(),
        name="approval_add",
    ),
    path(
        "carers/<int:pk>/approvals/<str:kind>/<int:approval_pk>/edit/",
        records.ApprovalView.as_view(),
        name="approval_edit",
    ),
    path(
        "carers/<int:pk>/approvals/<str:kind>/<int:approval_pk>/status/",
        records.ApprovalStatusView.as_view(),
        name="approval_status",
    ),
    path(
        "carers/<int:pk>/approvals/<str:kind>/<int:approval_pk>/review/",
        records.ApprovalReviewView.as_view(),
        name="approval_review",
    ),
    path("carers/<int:pk>/training/new/", records.TrainingView.as_view(), name="training_add"),
    path(
        "carers/<int:pk>/training/<int:training_pk>/edit/",
        records.TrainingView.as_view(),
        name="training_edit",
    ),
    path("carers/<int:pk>/support/new/", records.SupportView.as_view(), name="support_add"),
    path(
        "carers/<int:pk>/support/<int:support_pk>/edit/",
        records.SupportView.as_view(),
        name="support_edit",
    ),
    path("carers/<int:pk>/offer/", records.OfferView.as_view(), name="offer"),
    path("carers/<int:pk>/opt-out/", records.OptOutView.as_view(), name="opt_out"),
]
