"""gunicorn settings for the production shape (``gunicorn -c python:ep_tracker.gunicorn``).

The access log carries the path only: no query string (a search for a child's name would put the
name in the log) and no referrer (which repeats the previous page's query string).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(B)s %(L)s'
