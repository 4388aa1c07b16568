"""EP Tracker settings: configuration comes from environment variables only.

Two shapes, chosen by ``DJANGO_ENV``:

* ``embedded`` (the default): a SQLite file and a filesystem Celery broker under ``var/``, a dev
  secret generated into ``var/`` on first use. Nothing to install by hand.
* ``production``: every secret and host must be given; HTTPS-only cookies, HSTS, CSP.

See ``.env.example`` for every variable.
"""

import secrets
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A .env file is optional: real deployments set variables in the environment.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env.str("DJANGO_ENV", default="embedded")
if DJANGO_ENV not in {"embedded", "production"}:
    raise ImproperlyConfigured("DJANGO_ENV must be 'embedded' or 'production'")
PRODUCTION = DJANGO_ENV == "production"

VAR_DIR = Path(env.str("EP_VAR_DIR", default=str(BASE_DIR / "var")))


def _private_dir(path: Path) -> None:
    """var/ holds the embedded database, the broker's queued tasks and the dev secret: only the
    account that runs the service may open it (0700), whatever the umask."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not PRODUCTION:
        path.chmod(0o700)


def _embedded_secret_key() -> str:
    """A per-checkout development secret kept in var/ (git-ignored), never in the repository."""
    _private_dir(VAR_DIR)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


if PRODUCTION:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY")
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="") or _embedded_secret_key()

# DEBUG is off unless asked for: only the run command turns it on.
DEBUG = env.bool("DJANGO_DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off in production")

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=[] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]"]
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "accounts.admin_site.EPAdminConfig",  # django.contrib.admin, asking for the second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # third party
    "crispy_forms",
    "crispy_forms_gds",
    "django_fsm",
    "django_fsm_log",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # the floors of the house, ground first (DESIGN.md "Layout")
    "accounts",
    "children",
    "carers",
    "matching",
    "family_time",
    "reunification",
    "journey",
    "deadlines",
    "dashboards",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # outside WhiteNoise, so that static files carry the headers too
    "accounts.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.AbsoluteSessionLifetimeMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # a 403 or 404 on a record's URL is written down (accounts.audit)
    "accounts.audit.RefusedAccessMiddleware",
    "accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "accounts.middleware.NoStoreMiddleware",
    # last, so that a lockout response is produced before the view runs
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ep_tracker.urls"
WSGI_APPLICATION = "ep_tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigation",
            ],
        },
    },
]

# --- database ---
_private_dir(VAR_DIR)
# Production must name its PostgreSQL; only the embedded mode falls back to a SQLite file.
DATABASES = {
    "default": env.db_url("DATABASE_URL")
    if PRODUCTION
    else env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'ep_tracker.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat share one file in the embedded mode: WAL lets readers run beside the
    # writer, the busy timeout waits for a lock rather than failing, and IMMEDIATE transactions
    # take the write lock up front so that two writers never deadlock on lock upgrade.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
    if Path(DATABASES["default"]["NAME"]).parent.is_dir():
        # the file holds special category data: created 0600 before SQLite first opens it (its
        # WAL and shared-memory files take the database file's permissions)
        _sqlite_file = Path(DATABASES["default"]["NAME"])
        _sqlite_file.touch(mode=0o600, exist_ok=True)
        _sqlite_file.chmod(0o600)
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- accounts, login and sessions ---
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Idle timeout: 30 minutes, renewed on every request.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_TIMEOUT_SECONDS", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Absolute lifetime (Django has none): accounts.middleware ends the session after this.
SESSION_ABSOLUTE_LIFETIME_SECONDS = env.int("SESSION_ABSOLUTE_LIFETIME_SECONDS", default=12 * 3600)
SESSION_COOKIE_HTTPONLY = True
# Flash messages name children and people ("… has been added"): kept server-side in the session,
# never in the signed but readable cookie Django's default storage would use (issue 15 item 7).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_SAMESITE = "Lax"

# django-axes: lock a username from an address after repeated failures (the pair together:
# locking one address never locks the user out from another, and no one locks a user everywhere).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# the page says how long the lock lasts, from AXES_COOLOFF_TIME
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# a failure during a lockout does not restart the cool-off (else it never ends while probed)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False
# Behind the proxy in production the client's address is the one the trusted proxy appended to
# X-Forwarded-For, never what the client wrote before it (accounts.client_ip explains why axes
# does not call django-ipware's own reader). Embedded: no proxy, the peer's address.
AXES_CLIENT_IP_CALLABLE = "accounts.client_ip.client_ip_address"
AXES_IPWARE_PROXY_COUNT = env.int("EP_TRUSTED_PROXY_COUNT", default=1 if PRODUCTION else 0)
# optional: the proxies' own addresses (REMOTE_ADDR must be one of them for the header to count)
AXES_IPWARE_PROXY_TRUSTED_IPS = env.list("EP_TRUSTED_PROXY_IPS", default=[])
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# --- second factor and single sign-on (docs/sign-in.md) ---
# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = env.str("EP_OTP_ISSUER", default="EP Tracker")
# Organisations that sign in through their own identity provider (OpenID Connect), by
# organisation code: {"901": {"issuer": "https://…", "client_id": "…", "client_secret": "…",
# "label": "Northmoor Council account"}}. A secret is configuration, never a database row.
EP_OIDC_PROVIDERS = env.json("EP_OIDC_PROVIDERS", default={})

# --- security headers ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# accounts.middleware.SecurityHeadersMiddleware: no powerful browser feature is used; no other
# origin may embed our responses (a chronology CSV, a child's page) as a resource
EP_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
EP_CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content Security Policy: only our own origin; GOV.UK Frontend's one inline script (which adds
# the js-enabled class to <body>) carries a per-request nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- language, time, dates ---
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"  # 12 March 2026
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
FORMAT_MODULE_PATH = ["ep_tracker.formats"]

# --- static files ---
STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
# static/build holds the compiled GOV.UK Frontend (npm run build); it is not committed.
STATICFILES_DIRS = [
    ("build", BASE_DIR / "static" / "build"),
    ("js", BASE_DIR / "static" / "js"),
    ("images", BASE_DIR / "static" / "images"),
]
if not PRODUCTION:
    # Serve straight from the source folders (no collectstatic) in the embedded mode and tests.
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = DEBUG
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- forms ---
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
CRISPY_GDS_FRONTEND_VERSION = "5.14.0"

# --- email ---
EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND",
    default=(
        "django.core.mail.backends.smtp.EmailBackend"
        if PRODUCTION
        else "django.core.mail.backends.console.EmailBackend"
    ),
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ep-tracker@localhost")

# --- Celery ---
# Embedded default: kombu's filesystem transport under var/, so the worker and beat need no Redis.
CELERY_BROKER_URL = (
    env.str("CELERY_BROKER_URL")
    if PRODUCTION
    else env.str("CELERY_BROKER_URL", default="filesystem://")
)
CELERY_BROKER_DIR = VAR_DIR / "celery-broker"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_DIR.mkdir(parents=True, exist_ok=True)
    (CELERY_BROKER_DIR / "processed").mkdir(exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR),
        "data_folder_out": str(CELERY_BROKER_DIR),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        "store_processed": False,
    }
else:
    # Deadlines live in the database, never as far-future ETAs in the broker; this timeout only
    # bounds how long an unacknowledged task waits before redelivery.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# One static beat schedule; the rules themselves are data in the database.
CELERY_BEAT_SCHEDULE = {
    "heartbeat": {
        "task": "deadlines.tasks.heartbeat",
        "schedule": env.float("CELERY_HEARTBEAT_SECONDS", default=60.0),
    },
}

# --- logging ---
# Special category data: log events and ids, never names or case details.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes logs usernames and addresses of failed sign-ins at WARNING; its database tables
    # keep the audit trail, so its log carries errors only.
    "loggers": {"axes": {"level": "ERROR"}},
}

# --- the accessibility statement and privacy notice ---
# Where users report an accessibility problem and ask about their data. Empty: the pages tell them
# to contact their own organisation's EP Tracker administrator or data protection officer (each
# organisation using the service is the controller of the records it keeps in it).
EP_ACCESSIBILITY_CONTACT = env.str("EP_ACCESSIBILITY_CONTACT", default="")
EP_DATA_PROTECTION_CONTACT = env.str("EP_DATA_PROTECTION_CONTACT", default="")

# --- demo data ---
DEMO_PASSWORD = env.str("EP_DEMO_PASSWORD", default="early-permanence-demo")
