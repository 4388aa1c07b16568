"""The heartbeat task through real brokers and real workers."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from deadlines.models import Heartbeat

ROOT = Path(__file__).resolve().parents[2]


def test_heartbeat_is_in_the_static_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["heartbeat"]
    assert entry["task"] == "deadlines.tasks.heartbeat"


def test_heartbeat_is_safe_to_run_twice(db):
    from deadlines.tasks import heartbeat

    heartbeat.apply()
    heartbeat.apply()
    assert Heartbeat.objects.filter(name="worker").count() == 1


@pytest.mark.services
def test_a_real_worker_runs_the_heartbeat_through_redis(transactional_db):
    """A worker consumes the task from the real Redis started by the test command."""
    from celery.contrib.testing.worker import start_worker

    from deadlines.tasks import heartbeat
    from ep_tracker.celery import app

    assert app.conf.broker_url.startswith("redis://"), "run the tests with make test"
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        heartbeat.delay()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not Heartbeat.objects.exists():
            time.sleep(0.2)
    assert Heartbeat.objects.filter(name="worker").exists()


@pytest.mark.services
def test_embedded_mode_runs_beat_and_worker_with_no_redis(tmp_path):
    """The run command's shape: SQLite and the filesystem broker, beat inside the worker."""
    env = {
        **os.environ,
        "DJANGO_ENV": "embedded",
        "EP_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'embedded.sqlite3'}",
        "CELERY_BROKER_URL": "filesystem://",
        "CELERY_HEARTBEAT_SECONDS": "1",
    }
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    celery = Path(python).with_name("celery")
    worker = subprocess.Popen(
        [
            str(celery),
            "-A",
            "ep_tracker",
            "worker",
            "--beat",
            "--pool=solo",
            "--loglevel=WARNING",
            "--schedule",
            str(tmp_path / "beat-schedule"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        import sqlite3

        seen = None
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and seen is None:
            time.sleep(0.5)
            with sqlite3.connect(tmp_path / "embedded.sqlite3") as db:
                row = db.execute(
                    "SELECT last_seen FROM deadlines_heartbeat WHERE name = 'worker'"
                ).fetchone()
            seen = row[0] if row else None
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[0].decode(errors="replace")
    assert seen is not None, f"no heartbeat from the embedded worker; it said:\n{output[-2000:]}"
    assert "database is locked" not in output
