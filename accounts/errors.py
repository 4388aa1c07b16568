"""The one way to gather the problems of a submission and refuse it: field → first message."""

from django.core.exceptions import ValidationError


class Errors:
    """Problems found, by field (``None`` for the submission as a whole).

    The first message for a field is kept: rules are checked in order of importance, so a later
    check does not hide an earlier one ("Enter the date" before "must be after …").
    """

    def __init__(self, errors: "dict[str | None, str] | None" = None) -> None:
        self._errors: dict[str | None, str] = {}
        if errors:
            self.update(errors)

    def add(self, field: str | None, message: str) -> None:
        self._errors.setdefault(field, message)

    def update(self, errors: "Errors | dict[str | None, str]") -> None:
        """Add every problem of another collection (each field's first message still wins)."""
        items = errors.as_dict() if isinstance(errors, Errors) else errors
        for field, message in items.items():
            self.add(field, message)

    def __contains__(self, field: str | None) -> bool:
        return field in self._errors

    def __bool__(self) -> bool:
        return bool(self._errors)

    def __repr__(self) -> str:
        return f"Errors({self._errors!r})"

    def as_dict(self) -> dict[str | None, str]:
        """Field → message; the whole submission's problem, if any, under ``None``."""
        return dict(self._errors)

    def raise_any(self) -> None:
        """Refuse with every problem found, each keyed by its field, if there is any."""
        if self._errors:
            raise ValidationError(
                {
                    (field if field is not None else "__all__"): message
                    for field, message in self._errors.items()
                }
            )
