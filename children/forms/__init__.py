from .child import BirthForm, ChildFilterForm, ChildForm

__all__ = ["BirthForm", "ChildFilterForm", "ChildForm"]
