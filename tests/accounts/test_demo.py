import io

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role, User
from children.models import Child


def test_demo_data_gives_every_role_a_user_and_loads_twice_without_change(db, capsys):
    call_command("load_demo")
    output = capsys.readouterr().out
    assert "Password for every demo user" in output
    roles = set(User.objects.values_list("memberships__role", flat=True))
    assert roles == set(Role.values)
    children = Child.objects.count()
    assert children >= 5
    call_command("load_demo")
    assert Child.objects.count() == children
    # two local authorities, each with its own children
    assert Child.objects.values("responsible_authority").distinct().count() == 2


def test_demo_home_page_shows_a_social_workers_caseload(db, client):
    call_command("load_demo")
    client.force_login(User.objects.get(username="sw.northmoor"))
    page = client.get("/").content.decode()
    assert "on your caseload" in page
    assert "Social worker" in page


def test_demo_data_is_refused_in_production(settings, db):
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())
    assert not Child.objects.exists()
