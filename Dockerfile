# EP Tracker, production image: gunicorn + WhiteNoise; the same image runs the Celery worker and beat.
# There is no Docker engine on the build machines: this file is kept correct by reading it against
# ep_tracker/settings.py, pyproject.toml, package.json and static/build.mjs.

# --- stage 1: compile GOV.UK Frontend from its Sass into static/build/ ---------------------------
FROM node:20-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY static/ static/
RUN npm run build

# --- stage 2: the application ---------------------------------------------------------------------
FROM python:3.11-slim

# PYTHONPATH: `pip install .` also puts the apps into site-packages; the checkout in /app must win,
# because settings find templates/, static/ and .env relative to the ep_tracker package.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_ENV=production \
    EP_VAR_DIR=/app/var \
    DJANGO_STATIC_ROOT=/app/staticfiles

WORKDIR /app

# Dependencies first, from pyproject.toml alone, so that a code change does not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
RUN pip install --no-deps . && rm -rf build *.egg-info
COPY --from=assets /src/static/build/ static/build/

# Static files are collected into the image (outside var/, so that a volume on var/ cannot hide
# them). Production settings need a secret key and a host to load; neither is kept.
RUN DJANGO_ENV=production DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

# A non-root user that owns only var/ (beat's schedule; settings create the folder on start).
RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
    && mkdir -p /app/var \
    && chown -R app:app /app/var
USER app

EXPOSE 8000

# No curl in the slim image: ask /healthz with Python. The Host header must be an allowed host, so
# use the first of DJANGO_ALLOWED_HOSTS. /healthz is exempt from the HTTPS redirect.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; h = os.environ.get('DJANGO_ALLOWED_HOSTS', '').split(',')[0].strip().lstrip('.'); h = h if h and h != '*' else 'localhost'; r.urlopen(r.Request('http://127.0.0.1:8000/healthz', headers={'Host': h}), timeout=5)"]

CMD ["gunicorn", "-c", "python:ep_tracker.gunicorn", "ep_tracker.wsgi:application"]
