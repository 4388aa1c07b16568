"""The retention review of a child's record, once its retention period has ended."""

from accounts.dates import format_date

from .. import services
from ..forms import RetentionReviewForm
from ..selectors.retention import retention_for
from .base import ChildRecordFormView


class RetentionReviewView(ChildRecordFormView):
    form_class = RetentionReviewForm
    perm = "children.review_retention"
    section = "details"
    title = "Record a retention review"
    submit_label = "Save the review"
    success_message = "The retention review has been recorded"
    child_related = ()

    def get_form_kwargs(self):
        return {"child": self.child}

    def get_intro(self) -> list[str]:
        retention = retention_for(self.child)
        if retention.until is None:
            return [retention.basis]
        return [f"The record is kept until {format_date(retention.until)}: {retention.basis}."]

    def save(self, form):
        data = form.cleaned_data
        return services.retention_review_record(
            child=self.child,
            by=self.request.user,
            reviewed_on=data["reviewed_on"],
            decision=data["decision"],
            keep_until=data["keep_until"],
            reason=data["reason"],
        )
