# The Rasa SDK action server (actions/), Python 3.10, same pins as the Rasa image.
FROM python:3.10-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHONPATH=/app SANIC_HOST=0.0.0.0
WORKDIR /app
COPY requirements ./requirements
RUN pip install --no-cache-dir rasa-sdk==3.6.2 cryptography pyyaml -c requirements/rasa-constraints.txt \
    && useradd --system --uid 1001 actions \
    && mkdir -p /app/var && chown actions /app/var && chmod 700 /app/var
COPY actions ./actions
# The pure-Python parts of bot/ the actions import (no Rasa in this image): text rules and the key ring.
COPY bot/__init__.py bot/text.py bot/keyring.py ./bot/
COPY data/reference ./data/reference
USER actions
EXPOSE 5055
HEALTHCHECK --interval=15s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5055/health', timeout=2)" || exit 1
CMD ["python", "-m", "rasa_sdk", "--actions", "actions", "--port", "5055"]
