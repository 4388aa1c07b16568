"""``make run``'s processes: the web server and the Celery worker (with beat), stopped together.

    python -m ep_tracker.run [PORT]

Ctrl-C stops web, worker and beat once, quietly, and exits 0. A shell's ``trap 'kill 0'`` did not:
it signalled its own shell too, which ran the trap again, sending the worker thousands of
signals (thousands of "Warm shutdown" lines) until the shell crashed. Here the runner alone
receives Ctrl-C: it takes the terminal's foreground for its own process group (so ``make``, its
parent, is not interrupted either and exits 0), starts each server in a process group of its
own, and on Ctrl-C or SIGTERM sends each group one SIGTERM and waits for it.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

STOP_TIMEOUT = 10  # seconds a server has to stop before it is killed


def _commands(port: str) -> dict[str, tuple[list[str], dict]]:
    python = sys.executable
    celery = str(Path(python).with_name("celery"))
    var_dir = Path(os.environ.get("EP_VAR_DIR") or Path(__file__).resolve().parent.parent / "var")
    var_dir.mkdir(mode=0o700, parents=True, exist_ok=True)  # as settings makes it
    return {
        "worker": (
            [
                *([celery] if Path(celery).exists() else [python, "-m", "celery"]),
                "-A",
                "ep_tracker",
                "worker",
                "--beat",
                "--loglevel=WARNING",
                "--concurrency=1",
                "--schedule",
                str(var_dir / "celerybeat-schedule"),
            ],
            {},
        ),
        "web": (
            [python, "manage.py", "runserver", f"127.0.0.1:{port}"],
            {"DJANGO_DEBUG": "1"},
        ),
    }


def _take_terminal() -> int | None:
    """Make this process group the terminal's foreground; return the one to give it back to."""
    if not os.isatty(sys.stdin.fileno()):
        return None
    try:
        previous = os.tcgetpgrp(sys.stdin.fileno())
        os.setpgid(0, 0)
        signal.signal(signal.SIGTTOU, signal.SIG_IGN)  # a background group may take it back
        os.tcsetpgrp(sys.stdin.fileno(), os.getpgrp())
    except OSError:
        return None
    return previous


def _give_back_terminal(previous: int | None) -> None:
    if previous is None:
        return
    try:
        os.tcsetpgrp(sys.stdin.fileno(), previous)
    except OSError:
        pass  # the parent has gone: nothing to give back to


def _stop(processes: dict[str, subprocess.Popen]) -> None:
    """One SIGTERM to each server, then wait (kill after STOP_TIMEOUT).

    The web server's whole group (the autoreloader and the server it runs); the worker's main
    process only, which stops its pool and beat itself (a SIGTERM to its pool logs errors).
    """
    for name, process in processes.items():
        if process.poll() is None:
            try:
                if name == "web":
                    os.killpg(process.pid, signal.SIGTERM)
                else:
                    process.send_signal(signal.SIGTERM)
            except ProcessLookupError:
                pass
    deadline = time.monotonic() + STOP_TIMEOUT
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    # the servers' own children (runserver's autoreloaded process, the worker's pool and beat)
    for process in processes.values():
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def main(argv: list[str]) -> int:
    port = argv[0] if argv else os.environ.get("PORT", "8000")
    stopping = []
    previous = _take_terminal()
    signal.signal(signal.SIGINT, lambda *_: stopping.append(True))
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    processes: dict[str, subprocess.Popen] = {}
    status = 0
    try:
        for name, (command, env) in _commands(port).items():
            # each server in a process group of its own: Ctrl-C reaches the runner alone
            processes[name] = subprocess.Popen(command, env={**os.environ, **env}, process_group=0)
        while not stopping:
            ended = [name for name, process in processes.items() if process.poll() is not None]
            if ended:
                print(f"The {ended[0]} server stopped: stopping the others", file=sys.stderr)
                status = 1
                break
            time.sleep(0.2)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        _stop(processes)
        _give_back_terminal(previous)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
