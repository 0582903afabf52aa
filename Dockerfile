# One image for web (gunicorn), worker and beat (docker-compose.yml).

# The browser libraries the app serves itself (board drag and drop, charts), from the npm
# registry at the versions the Makefile pins (NPM_PACKAGES; tests/test_setup.py keeps them equal).
FROM node:20-slim AS assets
WORKDIR /assets
RUN npm install --no-save --no-audit --no-fund --loglevel=error sortablejs@1.15.7 chart.js@4.6.1

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    PATH=/opt/venv/bin:$PATH \
    DATA_DIR=/data \
    MEDIA_ROOT=/data/media \
    STATIC_ROOT=/app/staticfiles

# WeasyPrint needs Pango (with HarfBuzz) and fonts; nothing else needs system libraries.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN pip install --no-cache-dir uv==0.13.9

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --python /usr/local/bin/python3.11 \
    && rm -rf /root/.cache

COPY . .
COPY --from=assets /assets/node_modules/sortablejs/Sortable.min.js static/vendor/sortablejs/
COPY --from=assets /assets/node_modules/chart.js/dist/chart.umd.min.js \
     /assets/node_modules/chart.js/dist/chart.umd.min.js.map static/vendor/chartjs/
RUN DEBUG=0 SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input \
    && useradd --system --uid 1000 --home-dir /app app \
    && mkdir -p /data/media \
    && chown -R app:app /data

USER app
VOLUME ["/data"]
EXPOSE 8000
# Settings in gunicorn.conf.py: forwarded headers only from FORWARDED_ALLOW_IPS (the TLS proxy),
# capped request line and headers, an access log without the keys in private links.
ENV FORWARDED_ALLOW_IPS=127.0.0.1
CMD ["gunicorn", "recruitment.wsgi", "--config", "gunicorn.conf.py"]
