"""The console's live SMS counter (static/sms.js) uses the gateway's alphabet (channels/sms.py)."""

import json
import re

from channels.sms import GSM7_BASIC, GSM7_EXTENDED
from triage.console.web import HERE


def _set(name: str) -> set[str]:
    source = (HERE / "static" / "sms.js").read_text(encoding="utf-8")
    match = re.search(rf"const {name} = new Set\((\".*?\")\);", source)
    assert match, name
    return set(json.loads(match.group(1)))


def test_the_counter_and_the_gateway_share_one_alphabet() -> None:
    assert _set("GSM7_BASIC") == GSM7_BASIC
    assert _set("GSM7_EXTENDED") == GSM7_EXTENDED
