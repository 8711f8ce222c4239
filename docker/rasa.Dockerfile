# Rasa 3.6.21 on Python 3.10, REST channel only; the model is trained at build time.
FROM python:3.10-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 RASA_TELEMETRY_ENABLED=false PYTHONPATH=/app
WORKDIR /app
COPY requirements ./requirements
RUN pip install --no-cache-dir -r requirements/rasa.txt -c requirements/rasa-constraints.txt \
    && useradd --system --uid 1001 --create-home rasa
COPY config.yml domain.yml ./
COPY bot ./bot
COPY data/nlu ./data/nlu
COPY data/rules ./data/rules
COPY data/stories ./data/stories
COPY docker/rasa-endpoints.yml ./docker/rasa-endpoints.yml
RUN rasa train --config config.yml --domain domain.yml --data data/nlu data/rules data/stories \
        --out models --fixed-model-name helpline && chown -R rasa /app
USER rasa
EXPOSE 5005
HEALTHCHECK --interval=15s --timeout=3s --retries=10 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5005/', timeout=2)" || exit 1
CMD ["sh", "-c", "exec rasa run --model models/helpline.tar.gz --enable-api --auth-token \"$RASA_TOKEN\" --interface 0.0.0.0 --port 5005 --credentials bot/credentials.yml --endpoints docker/rasa-endpoints.yml"]
