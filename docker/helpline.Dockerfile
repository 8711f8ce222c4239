# The helpline service (gateway + triage + console), Python 3.11.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml alembic.ini ./
COPY requirements/main-constraints.txt ./requirements/
COPY helpline ./helpline
COPY channels ./channels
COPY triage ./triage
COPY data ./data
RUN pip install --no-cache-dir . -c requirements/main-constraints.txt && useradd --system --uid 1001 helpline
USER helpline
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)" || exit 1
CMD ["sh", "-c", "helpline migrate && exec uvicorn helpline.app:create_app --factory --host 0.0.0.0 --port 8000 --proxy-headers --no-access-log --workers \"${HELPLINE_WORKERS:-1}\" --timeout-keep-alive 75"]
