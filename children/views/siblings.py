from .. import services
from ..forms.siblings import SiblingGroupForm, SiblingLinkForm
from .base import ChildRecordFormView


class SiblingGroupView(ChildRecordFormView):
    form_class = SiblingGroupForm
    section = "details"
    success_message = "The sibling group has been saved"
    child_related = ("sibling_group",)

    def get_title(self):
        return "Change the sibling group" if self.child.sibling_group_id else "Record siblings"

    def get_instance(self):
        return self.child.sibling_group

    def save(self, form):
        data = form.cleaned_data
        return services.sibling_group_set(
            child=self.child,
            by=self.request.user,
            name=data["name"],
            placement=data["placement"],
            reason=data["reason"],
            other_siblings=data["other_siblings"],
        )


class SiblingLinkView(ChildRecordFormView):
    form_class = SiblingLinkForm
    section = "details"
    title = "Add a brother or sister"
    submit_label = "Add to the sibling group"
    success_message = "The brother or sister has been added to the group"

    def get_form_kwargs(self):
        return {"child": self.child}

    def save(self, form):
        return services.sibling_link(
            child=self.child, sibling=form.cleaned_data["sibling"], by=self.request.user
        )
