"""Settings, read from the environment with safe defaults for local use.

No DATABASE_URL means SQLite in ./data; no CELERY_BROKER_URL means tasks run in-process.
With DEBUG off, a missing SECRET_KEY stops start-up.
"""

import re
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
DATA_DIR = Path(env.str("DATA_DIR", default=str(BASE_DIR / "data")))

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY: it is required when DEBUG is off.")
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"  # noqa: S105  DEBUG only

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "template_partials",
    "django_include_bootstrap",
    "django_celery_beat",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "mail",
    "accounts",
    "vacancies",
    "candidates",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "recruitment.middleware.RequestSizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "recruitment.middleware.SecondFactorMiddleware",
    "recruitment.middleware.SessionIdleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "recruitment.middleware.SecurityHeadersMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "recruitment.urls"
WSGI_APPLICATION = "recruitment.wsgi.application"
ASGI_APPLICATION = "recruitment.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["TEST"] = {"NAME": ""}  # in memory

# Cache: per process locally; shared (Redis) in production, so the rate limit holds across workers.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "candidates:dashboard"
LOGOUT_REDIRECT_URL = "login"

# Logins --------------------------------------------------------------------------------------
# django-axes first: it counts failed logins and refuses a locked-out account or address.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Locked after LOGIN_FAILURE_LIMIT failures, per account and (separately) per client address,
# for LOGIN_LOCKOUT_MINUTES after the last failure; a successful login resets the count.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
AXES_CLIENT_IP_CALLABLE = "recruitment.lib.client_ip.axes_client_ip"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Two-factor login (authenticator app, TOTP) for recruiters and staff: required unless DEBUG, so
# that the demo of `make run` logs in with the printed password alone. Anyone may enrol.
OTP_REQUIRED_FOR_RECRUITERS = env.bool("OTP_REQUIRED_FOR_RECRUITERS", default=not DEBUG)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Chasse Executive Search")
# Sessions end after this many seconds without a request (8 hours). A request extends the session
# when its last extension is SESSION_REFRESH_SECONDS old (recruitment/middleware.py): the same as
# SESSION_SAVE_EVERY_REQUEST within those seconds, without a database write on every request.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=8 * 60 * 60)
SESSION_REFRESH_SECONDS = 5 * 60
SESSION_SAVE_EVERY_REQUEST = False
PASSWORD_RESET_TIMEOUT = 60 * 60  # a reset link works for an hour

# Internationalisation: Dutch first, English available.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(DATA_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(DATA_DIR / "media")))
# Candidate documents never get a public URL: MEDIA_URL is not routed anywhere.
MEDIA_URL = "/private-media-not-served/"

# Files: local disk by default; S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT)},
    }
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Email: printed to the console locally; SMTP when EMAIL_URL is set.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
if env.str("EMAIL_FILE_PATH", default=""):  # with EMAIL_URL=filemail://
    EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH")
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Chasse Executive Search <info@chassesearch.nl>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Per email template, a function that adds to the stored context when the email is rendered
# (mail/services/outbox.py): the candidate's private link is made then, never stored.
MAIL_CONTEXT_BUILDERS = {
    "application_received_candidate": "candidates.services.notifications.candidate_link_context",
    "candidate_message": "candidates.services.notifications.candidate_message_context",
    "reference_consent_candidate": "candidates.services.notifications.candidate_link_context",
    "interview_candidate": "candidates.services.interviews.interview_link_context",
    "committee_invitation": "vacancies.services.invitations.invitation_link_context",
    "reminder_interview_candidate": "candidates.services.interviews.interview_link_context",
}

# Per email template, a function that makes the files to attach when the email is sent, from the
# stored context (mail/services/outbox.py): the outbox stores ids, never a file.
MAIL_ATTACHMENT_BUILDERS = {
    "interview_candidate": "candidates.services.calendar.interview_attachments",
    "interview_member": "candidates.services.calendar.interview_attachments",
    "reminder_interview_candidate": "candidates.services.calendar.interview_attachments",
    "reminder_interview_member": "candidates.services.calendar.interview_attachments",
    "reminder_digest": "candidates.services.reminders.digest_attachments",
}

# Celery: without a broker, tasks run in-process.
CELERY_TASK_ALWAYS_EAGER = not env.str("CELERY_BROKER_URL", default="")
# In-process mode still names a transport, so that nothing looks for a broker on localhost.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
# A broker that is down costs a request 0.1 s per task, not 0.6 s (the default retries 3 times,
# 0.2 s apart): at the closing hour, with Redis stopped, every application queues three tasks.
# What was not queued goes out with flush_outbox (tests/bench/faults.py measures this).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.1,
    "interval_max": 0.1,
}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# The database scheduler copies these entries into django_celery_beat on start.
CELERY_BEAT_SCHEDULE = {
    # Emails that never reached a worker (broker down) go out within a minute of its return.
    "flush-outbox": {"task": "mail.tasks.flush_outbox", "schedule": 60.0},
    # Retention: erase the personal data whose time is up, daily at 03:00 Europe/Amsterdam.
    "erase-expired": {
        "task": "candidates.tasks.erase_expired",
        "schedule": crontab(hour=3, minute=0),
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Uploads (candidate documents).
MAX_UPLOAD_SIZE = env.int("MAX_UPLOAD_SIZE", default=10 * 1024 * 1024)
# Application attempts per client address per window (0: no limit), counted in the default cache
# by django-ratelimit. A submission refused for a mistake in the form and then corrected is one
# attempt (up to APPLY_RATE_CORRECTIONS corrections).
APPLY_RATE_LIMIT = env.int("APPLY_RATE_LIMIT", default=10)
APPLY_RATE_WINDOW_MINUTES = env.int("APPLY_RATE_WINDOW_MINUTES", default=60)
APPLY_RATE_CORRECTIONS = env.int("APPLY_RATE_CORRECTIONS", default=3)
# The cache down (Redis stopped): applications go on without a limit rather than all refused.
RATELIMIT_FAIL_OPEN = True
# The largest request body (two documents and the form's text); refused with 413 before Django
# reads it (recruitment/middleware.py); gunicorn caps the request line and headers (Dockerfile).
MAX_REQUEST_SIZE = env.int("MAX_REQUEST_SIZE", default=2 * MAX_UPLOAD_SIZE + 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o600

# The search firm on its documents (the profile PDF's cover, header and footer). FIRM_LOGO is a
# path under the static directories; FIRM_COLOURS are CSS hex colours.
FIRM_NAME = env.str("FIRM_NAME", default="Chasse Executive Search")
FIRM_LOGO = env.str("FIRM_LOGO", default="img/firm-logo.svg")
FIRM_COLOURS = {
    "primary": env.str("FIRM_COLOUR_PRIMARY", default="#1f3a5f"),
    "accent": env.str("FIRM_COLOUR_ACCENT", default="#b5651d"),
}
for _name, _colour in FIRM_COLOURS.items():
    if not re.fullmatch(r"#(?:[0-9a-fA-F]{3}){1,2}", _colour):
        raise ImproperlyConfigured(f"FIRM_COLOUR_{_name.upper()} must be a hex colour: #1f3a5f.")
if FIRM_LOGO.startswith("/") or ".." in FIRM_LOGO.split("/"):
    raise ImproperlyConfigured("FIRM_LOGO is a path under the static directories: img/logo.svg.")

# Security, strict unless DEBUG.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The real client address (recruitment/lib/client_ip.py): X-Forwarded-For counts only when the
# connection comes from one of TRUSTED_PROXIES (addresses or networks, e.g. the TLS proxy), and
# then TRUSTED_PROXY_COUNT proxies in a row are taken off its right end. Empty: never trusted.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

# Content-Security-Policy (django-csp 4): no inline script and no inline style; htmx's own
# indicator style is switched off in base.html (meta htmx-config) and lives in app.css.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Browser features the site never uses, switched off (recruitment/middleware.py).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "xr-spatial-tracking=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # The token in a candidate's private link or a password reset link never reaches a log.
    "filters": {"redact_secrets": {"()": "recruitment.log_filters.RedactSecretsFilter"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_secrets"],
        },
    },
    "loggers": {
        # Django's own handlers (console when DEBUG, mail_admins) would print unfiltered: its
        # records go to the root handler instead.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        # WeasyPrint announces every step of every PDF at INFO (recruitment/lib/pdf.py).
        "weasyprint.progress": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# WNT: ceiling for public-sector top incomes; the amounts per year live in the database
# (vacancies.WntCeiling), seeded by a migration.
