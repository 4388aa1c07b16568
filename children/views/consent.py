"""The court tab's pages about who may consent, and when: consent to placement for adoption, a
written agreement (baby under six weeks), a father without parental responsibility, parental
responsibility, Part 19 applications, section 20 accommodation and pre-proceedings.

Each follows ChildRecordFormView; a record named in the URL is looked up within this child's own
records (another child's answers 404).
"""

from django.shortcuts import get_object_or_404

from .. import services
from ..forms import (
    ConsentForm,
    FatherWithoutPRForm,
    ParentalResponsibilityForm,
    Part19Form,
    PreProceedingsForm,
    PreProceedingsReviewForm,
    Section20Form,
    WrittenAgreementForm,
)
from ..models import (
    ConsentToPlacement,
    FamilyMember,
    FatherWithoutPR,
    Part19Application,
    PreProceedings,
    Section20Accommodation,
    WrittenAgreement,
)
from .court import CourtView


class OwnRecordView(CourtView):
    """Adds a record of ``model`` to the child, or (``record_kwarg`` in the URL) changes one of
    this child's; the form takes the child; ``service`` is called with the form's answers."""

    model = None
    record_kwarg = "record_pk"
    noun = ""

    def get_instance(self):
        if self.record_kwarg not in self.kwargs:
            return None
        return get_object_or_404(self.model, pk=self.kwargs[self.record_kwarg], child=self.child)

    def get_title(self) -> str:
        return f"{'Change' if self.instance else 'Record'} {self.noun}"

    def get_form_kwargs(self):
        return {"child": self.child}

    @property
    def submit_label(self):
        return "Save changes" if self.instance else "Save"

    @property
    def success_message(self):
        return f"The {self.noun} has been {'updated' if self.instance else 'recorded'}"

    def answers(self, form) -> dict:
        return dict(form.cleaned_data)


class ConsentView(OwnRecordView):
    model = ConsentToPlacement
    form_class = ConsentForm
    noun = "consent to placement for adoption"

    def save(self, form):
        if self.instance:
            return services.consent_update(
                consent=self.instance, by=self.request.user, **self.answers(form)
            )
        return services.consent_record(
            child=self.child, by=self.request.user, **self.answers(form)
        )


class WrittenAgreementView(OwnRecordView):
    model = WrittenAgreement
    form_class = WrittenAgreementForm
    noun = "written agreement to placement (baby under six weeks)"

    def save(self, form):
        return services.written_agreement_record(
            child=self.child, by=self.request.user, **self.answers(form)
        )


class FatherWithoutPRView(OwnRecordView):
    model = FatherWithoutPR
    form_class = FatherWithoutPRForm
    noun = "father without parental responsibility"

    def save(self, form):
        return services.father_without_pr_record(
            child=self.child, by=self.request.user, record=self.instance, **self.answers(form)
        )


class Part19View(OwnRecordView):
    model = Part19Application
    form_class = Part19Form
    noun = "Part 19 application"

    def get_intro(self):
        return [
            "An application to the court for guidance under Part 19 of the Family Procedure "
            "Rules (Standard 2.9), typically whether a relinquished baby's father or family must "
            "be told. It is not consent to adoption."
        ]

    def save(self, form):
        return services.part19_record(
            child=self.child, by=self.request.user, record=self.instance, **self.answers(form)
        )


class Section20View(OwnRecordView):
    model = Section20Accommodation
    form_class = Section20Form
    noun = "accommodation under section 20"

    def save(self, form):
        return services.section20_record(
            child=self.child, by=self.request.user, record=self.instance, **self.answers(form)
        )


class PreProceedingsView(OwnRecordView):
    model = PreProceedings
    form_class = PreProceedingsForm
    noun = "pre-proceedings"

    def get_form_kwargs(self):
        return {}

    @property
    def success_message(self):
        return f"The pre-proceedings have been {'updated' if self.instance else 'recorded'}"

    def save(self, form):
        return services.pre_proceedings_record(
            child=self.child, by=self.request.user, record=self.instance, **self.answers(form)
        )


class ParentalResponsibilityView(CourtView):
    form_class = ParentalResponsibilityForm
    submit_label = "Save"
    success_message = "Parental responsibility has been recorded"

    def get_instance(self):
        return get_object_or_404(
            FamilyMember, pk=self.kwargs["member_pk"], child=self.child, archived_at__isnull=True
        )

    def get_title(self) -> str:
        return f"Parental responsibility of {self.instance.name}"

    def get_form_kwargs(self):
        return {"member": self.instance}

    def get_initial(self):
        return {"basis": self.instance.pr_basis, "acquired_on": self.instance.pr_acquired_on}

    def save(self, form):
        return services.parental_responsibility_record(
            member=self.instance,
            by=self.request.user,
            basis=form.cleaned_data["basis"],
            acquired_on=form.cleaned_data["acquired_on"],
        )


class PreProceedingsReviewView(CourtView):
    form_class = PreProceedingsReviewForm
    title = "Add a pre-proceedings review meeting"
    submit_label = "Add review meeting"
    success_message = "The review meeting has been recorded"

    def get_instance(self):
        self.pre_proceedings = get_object_or_404(
            PreProceedings, pk=self.kwargs["record_pk"], child=self.child
        )
        return None

    def get_form_kwargs(self):
        return {"pre_proceedings": self.pre_proceedings}

    def save(self, form):
        return services.pre_proceedings_review_add(
            pre_proceedings=self.pre_proceedings,
            by=self.request.user,
            held_on=form.cleaned_data["held_on"],
            agreed=form.cleaned_data["agreed"],
        )
