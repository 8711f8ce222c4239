"""SMS rules: GSM-7 or UCS-2 segments, sensible splitting, numbered options, STOP and START."""

import re

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = set("^{}\\[~]|€\f")
MAX_TWILIO_BODY = 1600
# Not CANCEL, END or QUIT: children say those to the bot ("cancel" is one of its intents).
STOP_WORDS = frozenset({"stop", "stopall", "unsubscribe", "arret", "arrêt"})
START_WORDS = frozenset({"start", "unstop"})


def is_gsm7(text: str) -> bool:
    """True when every character fits the GSM-7 alphabet (one Arabic letter or emoji makes it UCS-2)."""
    return all(char in GSM7_BASIC or char in GSM7_EXTENDED for char in text)


def _units(text: str) -> int:
    if is_gsm7(text):
        return sum(2 if char in GSM7_EXTENDED else 1 for char in text)
    return len(text.encode("utf-16-le")) // 2


def segments(text: str) -> int:
    """How many SMS segments the text costs: 160/153 GSM-7 or 70/67 UCS-2 units."""
    single, multi = (160, 153) if is_gsm7(text) else (70, 67)
    units = _units(text)
    if units <= single:
        return 1
    return -(-units // multi)


def split(text: str, limit: int = MAX_TWILIO_BODY) -> list[str]:
    """Splits a long reply into bodies of at most `limit` characters, at paragraph, line or word ends."""
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "), window.rfind(" "))
        cut = cut if cut > limit // 2 else limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def numbered(text: str, titles: list[str]) -> str:
    """The text followed by the options as "1. title" lines (SMS and WhatsApp have no buttons)."""
    if not titles:
        return text
    options = "\n".join(f"{number}. {title}" for number, title in enumerate(titles, start=1))
    return f"{text}\n{options}" if text else options


_CHOICE = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")


def choice(text: str) -> int | None:
    """The option number the user typed ("2", "2.", " 2 "), if the message is only that."""
    match = _CHOICE.match(text)
    return int(match.group(1)) if match else None


def _keyword(text: str) -> str:
    return text.strip().strip(".!").lower()


def is_stop(text: str) -> bool:
    """True for an opt-out keyword alone (STOP, UNSUBSCRIBE, ARRET…)."""
    return _keyword(text) in STOP_WORDS


def is_start(text: str) -> bool:
    """True for an opt-in keyword alone (START, UNSTOP)."""
    return _keyword(text) in START_WORDS
