"""accounts.errors.Errors: the one way to gather a submission's problems and refuse it."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from accounts.errors import Errors


def test_the_first_message_for_a_field_is_kept():
    errors = Errors()
    errors.add("held_on", "Enter the date held")
    errors.add("held_on", "Date held must be today or in the past")
    assert errors.as_dict() == {"held_on": "Enter the date held"}


def test_nothing_found_refuses_nothing():
    errors = Errors()
    assert not errors
    errors.raise_any()


def test_every_problem_is_raised_by_field_and_the_whole_form_under_none():
    errors = Errors({"reason": "Enter the reason"})
    errors.add(None, "This case changed, reload")
    assert errors
    with pytest.raises(ValidationError) as error:
        errors.raise_any()
    assert error.value.message_dict == {
        "reason": ["Enter the reason"],
        NON_FIELD_ERRORS: ["This case changed, reload"],
    }
