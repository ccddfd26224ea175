# The app runtime (gateway, action server, Telegram adapter, console CLI).
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY actions/ actions/
COPY advice/ advice/
COPY bot/ bot/
COPY catalogue/ catalogue/
COPY core/ core/
COPY funding/ funding/
COPY scripts/ scripts/
ENV PYTHONUNBUFFERED=1
USER nobody
