import json

import pytest
from django.urls import reverse


def test_healthz_reports_database_and_broker_without_login(client, db):
    response = client.get(reverse("dashboards:healthz"))
    report = json.loads(response.content)
    assert response.status_code == 200, report
    assert report["database"] == "ok"
    assert report["broker"] == "ok"
    assert (
        response["Cache-Control"].startswith("no-store") or "no-cache" in response["Cache-Control"]
    )


def test_healthz_fails_when_the_broker_does_not_answer(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    response = client.get(reverse("dashboards:healthz"))
    assert response.status_code == 503
    assert json.loads(response.content)["broker"] == "error"


def test_healthz_shows_the_workers_last_heartbeat(client, db):
    from deadlines.services import heartbeat_record

    heartbeat_record(name="worker")
    report = json.loads(client.get(reverse("dashboards:healthz")).content)
    assert report["worker"]["status"] == "ok"
    assert report["worker"]["last_heartbeat"]


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_healthz_only_answers_get(client, db, method):
    assert getattr(client, method)(reverse("dashboards:healthz")).status_code == 405
