from django.urls import path

from .views import child

app_name = "children"

urlpatterns = [
    path("children/", child.child_list, name="list"),
    path("children/new/", child.child_create, name="create"),
    path("children/<int:pk>/", child.child_record, name="record"),
    path("children/<int:pk>/edit/", child.ChildEditView.as_view(), name="edit"),
    path("children/<int:pk>/birth/", child.ChildBirthView.as_view(), name="birth"),
    path("children/<int:pk>/chronology/", child.child_chronology, name="chronology"),
    path("children/<int:pk>/chronology.csv", child.child_chronology_csv, name="chronology_csv"),
]
