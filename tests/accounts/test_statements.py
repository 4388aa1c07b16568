"""The accessibility statement and the privacy notice: real pages, readable signed in or out,
linked from the footer of every page (the sign-in page included)."""

from html import unescape

import pytest
from django.urls import reverse

ACCESSIBILITY_HEADINGS = [
    "Accessibility statement for Early Permanence Tracker",
    "How accessible this service is",
    "Feedback and contact information",
    "Reporting accessibility problems with this service",
    "Enforcement procedure",
    "Technical information about this service's accessibility",
    "Compliance status",
    "Non-accessible content",
    "Disproportionate burden",
    "What we're doing to improve accessibility",
    "Preparation of this accessibility statement",
]
PRIVACY_HEADINGS = [
    "Privacy notice for Early Permanence Tracker",
    "Who is responsible for your data",
    "Children, their families and carers",
    "Our lawful basis",
    "How long we keep it",
    "Staff who use the service",
    "Cookies",
    "Your rights",
    "How to complain",
]


@pytest.mark.parametrize(
    ("url_name", "headings"),
    [("accounts:accessibility", ACCESSIBILITY_HEADINGS), ("accounts:privacy", PRIVACY_HEADINGS)],
)
def test_statement_is_readable_without_signing_in(client, db, url_name, headings):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    page = unescape(response.content.decode())
    for heading in headings:
        assert f">{heading}</h" in page, heading


def test_accessibility_statement_states_compliance_and_enforcement(client, db):
    page = unescape(client.get(reverse("accounts:accessibility")).content.decode())
    assert "partially compliant with the" in page
    assert "Web Content Accessibility Guidelines version 2.2" in page
    assert "Equality and Human Rights Commission (EHRC)" in page
    assert "Equality Advisory and Support Service (EASS)" in page
    assert "This statement was prepared on 24 November 2026." in page
    # no address configured: the reader is sent to their own organisation
    assert "contact your organisation's EP Tracker administrator" in page
    assert "mailto:" not in page


def test_privacy_notice_gives_the_lawful_basis_retention_and_the_ico(client, db):
    page = unescape(client.get(reverse("accounts:privacy")).content.decode())
    assert "UK GDPR Article 6(1)(e)" in page
    assert "Article 9(2)(g)" in page
    assert "Schedule 1 Part 2 paragraph 6" in page
    assert "paragraph 18 (safeguarding of children and of individuals at risk)" in page
    assert "until the child's 75th birthday" in page
    assert "at least 100 years from the adoption order" in page
    assert "https://ico.org.uk/make-a-complaint/" in page


@pytest.mark.parametrize(
    ("url_name", "setting"),
    [
        ("accounts:accessibility", "EP_ACCESSIBILITY_CONTACT"),
        ("accounts:privacy", "EP_DATA_PROTECTION_CONTACT"),
    ],
)
def test_a_configured_contact_address_is_shown(client, db, settings, url_name, setting):
    setattr(settings, setting, "help@example.invalid")
    page = client.get(reverse(url_name)).content.decode()
    assert 'href="mailto:help@example.invalid"' in page


def _footer(page: str) -> str:
    return page[page.index('<footer class="govuk-footer">') :]


def test_sign_in_page_footer_links_to_both(client, db):
    footer = _footer(client.get(reverse("accounts:login")).content.decode())
    assert f'href="{reverse("accounts:accessibility")}">Accessibility statement</a>' in footer
    assert f'href="{reverse("accounts:privacy")}">Privacy notice</a>' in footer


def test_signed_in_page_footer_links_to_both(client, social_worker):
    client.force_login(social_worker)
    for url in [reverse("accounts:home"), reverse("accounts:accessibility")]:
        response = client.get(url)
        assert response.status_code == 200
        footer = _footer(response.content.decode())
        assert f'href="{reverse("accounts:accessibility")}">Accessibility statement</a>' in footer
        assert f'href="{reverse("accounts:privacy")}">Privacy notice</a>' in footer


def test_statement_signed_in_shows_the_menu(client, social_worker):
    client.force_login(social_worker)
    page = client.get(reverse("accounts:accessibility")).content.decode()
    assert "govuk-service-navigation" in page
