from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.contrib.auth.forms import AuthenticationForm

from . import sso


class SignInForm(AuthenticationForm):
    """Django's authentication form, in GOV.UK Frontend with GOV.UK wording."""

    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been deactivated. Contact your service administrator.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "spellcheck": "false"}
        )
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )
        self.helper = FormHelper()
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.text("username", field_width=20),
            Field.text("password", field_width=20),
            Button("submit", "Sign in"),
        )

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        provider = sso.organisation_uses_sso(user.organisation_id)
        if provider is not None:
            # the organisation's own sign-in (and its multi-factor authentication) is the only
            # way in for its people: a leaver disabled there cannot use an old password here
            raise forms.ValidationError(
                f"Your organisation signs in with {provider.label}. Use the link below",
                code="use_sso",
            )


class SecondFactorCodeForm(forms.Form):
    """A code from the authenticator app (or, when signing in, a recovery code)."""

    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=40,
        error_messages={"required": "Enter the code from your authenticator app"},
    )

    def __init__(self, *args, recovery: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.widget.attrs.update(
            {"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "none"}
        )
        if recovery:
            field.help_text = "The 6-digit code your app shows now, or one of your recovery codes"
            field.error_messages["required"] = (
                "Enter the code from your authenticator app, or a recovery code"
            )
        else:
            field.help_text = "The 6-digit code your app shows now"
            field.widget.attrs["inputmode"] = "numeric"
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(Field.text("code", field_width=10))


class SecondFactorResetForm(forms.Form):
    """Why another person's second factor is being reset (kept with the reset)."""

    reason = forms.CharField(
        label="Why are you resetting it?",
        help_text="For example, a lost or replaced phone. Check who is asking before you reset.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        error_messages={"required": "Enter why the second factor is being reset"},
    )

    def __init__(self, *args, target, by, **kwargs):
        super().__init__(*args, **kwargs)
        self.target, self.by = target, by
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.label_size = Size.SMALL

    def clean(self):
        from .govuk import add_errors
        from .second_factor import second_factor_reset_errors

        cleaned = super().clean()
        add_errors(self, second_factor_reset_errors(user=self.target, by=self.by).as_dict())
        return cleaned
