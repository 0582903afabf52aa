# gunicorn's settings for the image (Dockerfile, docker-compose.yml); read from the working folder.
# Environment variables: WEB_CONCURRENCY (workers, default 3), FORWARDED_ALLOW_IPS (the proxy that
# may say the request came over HTTPS; default only this machine), MAX_REQUEST_SIZE (see below).
import os

bind = "0.0.0.0:8000"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
accesslog = "-"
# The access log without the keys in private links.
logger_class = "recruitment.gunicorn.RedactingLogger"
# Forwarded headers (X-Forwarded-Proto) count only from the TLS proxy, never from anyone.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Request line and headers are capped here; the body by Django before it reads it (settings:
# MAX_REQUEST_SIZE, a little above two documents) and by the TLS proxy (client_max_body_size).
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
# A slow client cannot hold a worker for long.
timeout = 60
