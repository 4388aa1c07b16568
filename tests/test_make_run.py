"""`make run`'s servers (ep_tracker/run.py, started by `make serve`) stop once on Ctrl-C.

The test drives `make serve` in a pseudo-terminal and types Ctrl-C, as a person would: the
terminal sends SIGINT to its foreground process group. Embedded mode (SQLite and the filesystem
broker in a temporary EP_VAR_DIR), on a free port.
"""

import os
import pty
import select
import shutil
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/no-such-page", timeout=1)
    except urllib.error.HTTPError:
        return True  # any answer from the server will do
    except OSError:
        return False
    return True


def _read(fd: int, wait: float) -> bytes:
    if not select.select([fd], [], [], wait)[0]:
        return b""
    try:
        return os.read(fd, 65536)
    except OSError:  # the terminal closed: every process on it has gone
        return b""


def _processes_mentioning(text: str) -> dict[int, str]:
    """{pid: command line} of the running processes whose command line holds ``text``."""
    found = {}
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            command = cmdline.read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in command and not command.startswith("make "):
            found[int(cmdline.parent.name)] = command
    return found


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_ctrl_c_stops_web_worker_and_beat_once_quietly_and_make_exits_0(tmp_path):
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CELERY_BROKER_URL", "DJANGO_DEBUG"}
    }
    env.update(EP_VAR_DIR=str(tmp_path), DJANGO_ENV="embedded")
    pid, terminal = pty.fork()
    if pid == 0:  # the child: make on its own terminal, as a person's shell would start it
        os.chdir(ROOT)
        os.execvpe("make", ["make", "-s", "serve", f"PORT={port}"], env)
    try:
        deadline = time.monotonic() + 60
        while not _answers(port):
            assert time.monotonic() < deadline, "the web server did not start"
            _read(terminal, 0.3)
        # the worker is up too before it is stopped
        while not _processes_mentioning(str(tmp_path / "celerybeat-schedule")):
            assert time.monotonic() < deadline, "the worker did not start"
            _read(terminal, 0.3)
        while _read(terminal, 1.0):
            pass  # what the servers printed while starting
        os.write(terminal, b"\x03")  # Ctrl-C
        output = b""
        deadline = time.monotonic() + 30
        status = None
        while status is None:
            assert time.monotonic() < deadline, "the servers did not stop"
            output += _read(terminal, 0.2)
            ended, raw = os.waitpid(pid, os.WNOHANG)
            if ended:
                status = os.waitstatus_to_exitcode(raw)
                output += _read(terminal, 0.2)
    except BaseException:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise
    finally:
        leftovers = {
            **_processes_mentioning(str(tmp_path / "celerybeat-schedule")),
            **_processes_mentioning(f"runserver 127.0.0.1:{port}"),
            **_processes_mentioning(f"ep_tracker.run {port}"),
        }
        for leftover in leftovers:  # never leave this test's servers running after a failure
            try:
                os.kill(leftover, 9)
            except ProcessLookupError:
                pass
    text = output.decode(errors="replace")
    assert status == 0, text
    assert "Segmentation fault" not in text
    assert text.count("Warm shutdown") <= 1, text
    assert len([line for line in text.splitlines() if line.strip()]) <= 5, text
    assert not leftovers, leftovers
