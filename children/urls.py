from django.urls import path

from .views import (
    birth,
    child,
    consent,
    court,
    family,
    notes,
    plan,
    retention,
    reviews,
    search,
    siblings,
    standards,
)

app_name = "children"

urlpatterns = [
    path("children/", child.child_list, name="list"),
    path("children/new/", child.child_create, name="create"),
    path("children/search/", search.children_search, name="search"),
    path("children/<int:pk>/", child.child_record, name="record"),
    path("children/<int:pk>/edit/", child.ChildEditView.as_view(), name="edit"),
    path("children/<int:pk>/birth/", child.ChildBirthView.as_view(), name="birth"),
    # the birth family network
    path(
        "children/<int:pk>/family/members/new/",
        family.FamilyMemberAddView.as_view(),
        name="family_member_add",
    ),
    path(
        "children/<int:pk>/family/members/<int:member_pk>/edit/",
        family.FamilyMemberEditView.as_view(),
        name="family_member_edit",
    ),
    path(
        "children/<int:pk>/family/members/<int:member_pk>/archive/",
        family.FamilyMemberArchiveView.as_view(),
        name="family_member_archive",
    ),
    path(
        "children/<int:pk>/family/viability/new/",
        family.ViabilityAssessmentAddView.as_view(),
        name="viability_add",
    ),
    path(
        "children/<int:pk>/family/viability/<int:assessment_pk>/edit/",
        family.ViabilityAssessmentEditView.as_view(),
        name="viability_edit",
    ),
    path(
        "children/<int:pk>/family/paternity/new/",
        family.PaternityTestAddView.as_view(),
        name="paternity_add",
    ),
    path(
        "children/<int:pk>/family/paternity/<int:test_pk>/edit/",
        family.PaternityTestEditView.as_view(),
        name="paternity_edit",
    ),
    # the court record
    path(
        "children/<int:pk>/court/proceedings/new/",
        court.ProceedingsAddView.as_view(),
        name="proceedings_add",
    ),
    path(
        "children/<int:pk>/court/proceedings/<int:proceedings_pk>/edit/",
        court.ProceedingsEditView.as_view(),
        name="proceedings_edit",
    ),
    path(
        "children/<int:pk>/court/proceedings/<int:proceedings_pk>/conclude/",
        court.ProceedingsConcludeView.as_view(),
        name="proceedings_conclude",
    ),
    path(
        "children/<int:pk>/court/proceedings/<int:proceedings_pk>/extensions/new/",
        court.ExtensionAddView.as_view(),
        name="extension_add",
    ),
    path(
        "children/<int:pk>/court/proceedings/<int:proceedings_pk>/hearings/new/",
        court.HearingAddView.as_view(),
        name="hearing_add",
    ),
    path(
        "children/<int:pk>/court/hearings/<int:hearing_pk>/edit/",
        court.HearingEditView.as_view(),
        name="hearing_edit",
    ),
    path(
        "children/<int:pk>/court/hearings/<int:hearing_pk>/directions/new/",
        court.DirectionAddView.as_view(),
        name="direction_add",
    ),
    path(
        "children/<int:pk>/court/directions/<int:direction_pk>/complied/",
        court.DirectionCompliedView.as_view(),
        name="direction_complied",
    ),
    path("children/<int:pk>/court/orders/new/", court.OrderAddView.as_view(), name="order_add"),
    # who may consent, and when: consent, written agreement, fathers without PR, parental
    # responsibility, Part 19 applications, section 20, pre-proceedings (views/consent.py)
    *[
        path(f"children/<int:pk>/court/{slug}/new/", view.as_view(), name=f"{name}_add")
        for slug, view, name in (
            ("consent", consent.ConsentView, "consent"),
            ("written-agreement", consent.WrittenAgreementView, "written_agreement"),
            ("father-without-pr", consent.FatherWithoutPRView, "father_without_pr"),
            ("part-19", consent.Part19View, "part19"),
            ("section-20", consent.Section20View, "section20"),
            ("pre-proceedings", consent.PreProceedingsView, "pre_proceedings"),
        )
    ],
    *[
        path(f"children/<int:pk>/court/{slug}/<int:record_pk>/edit/", view.as_view(), name=name)
        for slug, view, name in (
            ("consent", consent.ConsentView, "consent_edit"),
            ("father-without-pr", consent.FatherWithoutPRView, "father_without_pr_edit"),
            ("part-19", consent.Part19View, "part19_edit"),
            ("section-20", consent.Section20View, "section20_edit"),
            ("pre-proceedings", consent.PreProceedingsView, "pre_proceedings_edit"),
        )
    ],
    path(
        "children/<int:pk>/court/orders/<int:order_pk>/end/",
        court.OrderEndView.as_view(),
        name="order_end",
    ),
    path(
        "children/<int:pk>/court/legal-status/new/",
        court.LegalStatusAddView.as_view(),
        name="legal_status_add",
    ),
    path(
        "children/<int:pk>/court/periods-of-care/new/",
        court.CarePeriodStartView.as_view(),
        name="care_period_add",
    ),
    path(
        "children/<int:pk>/court/periods-of-care/<int:period_pk>/edit/",
        court.CarePeriodEditView.as_view(),
        name="care_period_edit",
    ),
    path(
        "children/<int:pk>/court/pre-proceedings/<int:record_pk>/reviews/new/",
        consent.PreProceedingsReviewView.as_view(),
        name="pre_proceedings_review_add",
    ),
    path(
        "children/<int:pk>/family/members/<int:member_pk>/parental-responsibility/",
        consent.ParentalResponsibilityView.as_view(),
        name="parental_responsibility",
    ),
    # the twin-track plan, looked-after reviews and IRO concerns, case notes, practice standards
    path("children/<int:pk>/plan/", plan.PlanSetView.as_view(), name="plan_set"),
    path(
        "children/<int:pk>/reviews/new/",
        reviews.ReviewScheduleView.as_view(),
        name="review_schedule",
    ),
    path(
        "children/<int:pk>/reviews/<int:review_pk>/outcome/",
        reviews.ReviewRecordView.as_view(),
        name="review_record",
    ),
    path(
        "children/<int:pk>/concerns/new/", reviews.ConcernRaiseView.as_view(), name="concern_raise"
    ),
    path(
        "children/<int:pk>/concerns/<int:concern_pk>/stage/",
        reviews.ConcernUpdateView.as_view(),
        name="concern_update",
    ),
    path(
        "children/<int:pk>/concerns/<int:concern_pk>/resolve/",
        reviews.ConcernResolveView.as_view(),
        name="concern_resolve",
    ),
    path("children/<int:pk>/notes/new/", notes.CaseNoteAddView.as_view(), name="note_add"),
    path(
        "children/<int:pk>/standards/<int:item_pk>/",
        standards.StandardMarkView.as_view(),
        name="standard_mark",
    ),
    path(
        "children/<int:pk>/standards/<int:item_pk>/remove/",
        standards.StandardUnmarkView.as_view(),
        name="standard_unmark",
    ),
    path("children/<int:pk>/chronology/", child.child_chronology, name="chronology"),
    path("children/<int:pk>/chronology.csv", child.child_chronology_csv, name="chronology_csv"),
    path("children/<int:pk>/history/", child.child_history, name="history"),
    path("children/<int:pk>/archive/", child.ChildArchiveView.as_view(), name="archive"),
    path("children/<int:pk>/siblings/", siblings.SiblingGroupView.as_view(), name="siblings"),
    path(
        "children/<int:pk>/siblings/add/",
        siblings.SiblingLinkView.as_view(),
        name="sibling_link",
    ),
    # IRO concerns: a team manager's response (only the IRO resolves); the retention review
    path(
        "children/<int:pk>/concerns/<int:concern_pk>/respond/",
        reviews.ConcernRespondView.as_view(),
        name="concern_respond",
    ),
    path(
        "children/<int:pk>/retention/review/",
        retention.RetentionReviewView.as_view(),
        name="retention_review",
    ),
    # issue 9: the pre-birth and discharge plan, the baby's health, assessments of the parents
    path("children/<int:pk>/birth-plan/", birth.BirthPlanView.as_view(), name="birth_plan"),
    path("children/<int:pk>/health/", birth.BabyHealthView.as_view(), name="baby_health"),
    path(
        "children/<int:pk>/family-finding/",
        birth.FamilyFindingView.as_view(),
        name="family_finding",
    ),
    path(
        "children/<int:pk>/assessments/new/",
        birth.ParentAssessmentAddView.as_view(),
        name="parent_assessment_add",
    ),
    path(
        "children/<int:pk>/assessments/<int:assessment_pk>/edit/",
        birth.ParentAssessmentEditView.as_view(),
        name="parent_assessment_edit",
    ),
    # issue 9 items 10 and 11: a Standard not applicable (with why); a manual mark verified
    path(
        "children/<int:pk>/standards/<int:item_pk>/not-applicable/",
        standards.StandardNotApplicableView.as_view(),
        name="standard_not_applicable",
    ),
    path(
        "children/<int:pk>/standards/<int:item_pk>/verify/",
        standards.StandardVerifyView.as_view(),
        name="standard_verify",
    ),
]
