"""The Django admin for case records follows the same access rules as the pages.

Every app whose records are about a child or a household (children, carers, …) registers them
with :class:`CaseRecordAdminMixin`: read-only, narrowed to what the user may see through the
pages (the app's own visibility selector), and every look at one record written to the app's
access log, as a page view would be. A system superuser with no organisation therefore sees no
case record here, just as the pages show them none.
"""

from django.contrib.admin.utils import unquote
from django.db.models import QuerySet
from django.http import Http404


class ReadOnlyAdminMixin:
    """No add, change or delete in the admin: the apps' services are the only writers."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CaseRecordAdminMixin(ReadOnlyAdminMixin):
    """Read-only, scoped by the pages' visibility, and logged when one record is opened.

    A subclass says which records the user may see (``scope_queryset``) and how a view of one
    record is logged (``log_view``). A record outside the scope does not exist for the user: the
    change view answers with the admin's "doesn't exist" and its history with 404.
    """

    def scope_queryset(self, request, queryset: QuerySet) -> QuerySet:
        """The part of ``queryset`` the user may see through the pages."""
        raise NotImplementedError(f"{type(self).__name__} must say which records a user sees")

    def log_view(self, request, obj) -> None:
        """Write that ``request.user`` looked at ``obj`` (e.g. the child's access log)."""
        raise NotImplementedError(f"{type(self).__name__} must log who viewed a record")

    def get_queryset(self, request):
        return self.scope_queryset(request, super().get_queryset(request))

    def _visible_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("No record found")
        return obj

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.has_view_or_change_permission(request, obj):
                self.log_view(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)

    # django-simple-history's views look records up past the queryset (in the history table),
    # so they are checked against the scope here, and logged like the change view.
    def history_view(self, request, object_id, extra_context=None):
        obj = self._visible_or_404(request, object_id)
        if request.method == "GET" and self.has_view_or_change_permission(request, obj):
            self.log_view(request, obj)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj = self._visible_or_404(request, object_id)
        if request.method == "GET" and self.has_view_or_change_permission(request, obj):
            self.log_view(request, obj)
        return super().history_form_view(request, object_id, version_id, extra_context)
