"""Every helpline the integration tests start writes its process logs into one folder, scanned at the end."""

import os
import tempfile
from pathlib import Path

LOG_DIR = Path(tempfile.mkdtemp(prefix="helpline-integration-logs-"))
os.environ["LOG_DIR"] = str(LOG_DIR)
