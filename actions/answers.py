"""Parsing form answers written in any of the helpline's languages (pure functions, no I/O but regions.yml)."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.text import detect_signals, normalise

REGIONS_FILE = Path(
    os.environ.get("REGIONS_FILE", str(Path(__file__).resolve().parent.parent / "data" / "reference" / "regions.yml"))
)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_NUMBER = re.compile(r"(?<![\w])(\d{1,3})(?![\w])")
_NUMBER_WORDS = {
    # Darija (Latin / Arabic), French, English, Arabic
    "wa7ed": 1,
    "jouj": 2,
    "joj": 2,
    "tlata": 3,
    "rb3a": 4,
    "khamsa": 5,
    "setta": 6,
    "sb3a": 7,
    "tmnya": 8,
    "ts3ud": 9,
    "3achra": 10,
    "7dach": 11,
    "tnach": 12,
    "tlatach": 13,
    "rb3tach": 14,
    "khmstach": 15,
    "sttach": 16,
    "sb3tach": 17,
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "dix-sept": 17,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "واحد": 1,
    "جوج": 2,
    "ثلاثه": 3,
    "تلاته": 3,
    "اربعه": 4,
    "خمسه": 5,
    "سته": 6,
    "سبعه": 7,
    "ثمانيه": 8,
    "تمنيه": 8,
    "تسعه": 9,
    "عشره": 10,
    "حداش": 11,
    "طناش": 12,
    "تلطاش": 13,
    "ربعطاش": 14,
    "خمسطاش": 15,
    "سطاش": 16,
    "سبعطاش": 17,
}

_YES = re.compile(
    r"^(ah|ahh|iyeh|iyah|ih|wah|eyh|na3am|oui|ouais|wi|yes|yeah|yep|y|ok|okay|wakha|صافي|اه|آه|ايه|إيه|نعم|واخا|ايوا|"
    r"bien sur|of course|sure|yah|oua)\b"
)
_NO = re.compile(r"^(la|lla|non|no|nope|nn|n|walo|machi|mach|لا|لاّ|ماشي|والو|uhu|pas du tout|never)\b")
_DONT_KNOW = re.compile(
    r"(ma3reftch|ma3rftch|marftch|ma3raf|ma3rfch|ma na3rf|je sais pas|je ne sais pas|sais pas|chai pas|don't know|"
    r"dont know|idk|no idea|ماعرفتش|معرفتش|ما عرفتش|لا اعرف|لا أعرف|ما نعرف|\?+$)"
)
_SKIP = re.compile(r"^(skip|passer|passe|next|suivant|nfout|nfot|fout|dwz|dowz|نفوت|فوت|تخطي|دوز)\b")

HARM_WORDS = {
    "physical": r"drb|darb|dreb|frap|coup|hit|beat|physi|ضرب|جسد",
    "sexual": r"sex|jins|viol|t7arch|ta7arro|touch|lmes|rape|جنس|تحرش|اغتصاب|لمس",
    "emotional": r"insult|sabb|sab|menace|threat|tahdid|emotion|nafsi|psych|سب|تهديد|نفسي|معنوي",
    "neglect": r"neglig|ihmal|neglect|ma kaythallawch|abandon|اهمال|إهمال",
    "bullying": r"harcel|bully|tanamor|tnmr|تنمر|كيتمسخرو",
    "online": r"internet|en ligne|online|tsawer|photo|facebook|insta|tiktok|snap|whatsapp|انترنيت|أنترنيت|تصاور|صور",
    "child_marriage": r"zwaj|mariage|marri|زواج",
    "child_labour": r"khdma|khedma|travail|work|labou?r|خدمه|عمل",
    "other": r"akhor|khra|autre|other|اخر|آخر|خرى",
}
GENDER_WORDS = {
    "girl": r"\b(bent|bnt|fille|girl|fema|fem|بنت|انثي|أنثى|طفله)",
    "boy": r"\b(weld|wld|ould|garcon|boy|male|masc|ولد|ذكر|طفل)\b",
}
WHEN_WORDS = {
    "now": r"\b(daba|dba|db|now|maintenant|en ce moment|right now|دابا|الان|الآن|توا)\b",
    "today": r"\b(lyoum|lyom|today|aujourd'hui|aujourdhui|had sba7|ce matin|this morning|اليوم|ليوم)\b",
    "this_week": r"\b(lbare7|lbar7|hier|yesterday|simana|semaine|week|jours|days|البارح|امس|أمس|السيمانه|الاسبوع|الأسبوع)",
    "longer_ago": r"(modda|mda|longtemps|long time|ago|il y a|ans|years|mois|month|chhar|shhar|3am|zman|مده|مدة|سنين|شهر|عام|زمان)",
}
RELATION_WORDS = {
    "self": r"^(ana|moi|me|myself|أنا|انا)\b|moi-meme",
    "parent": r"\b(mama|mima|bba|baba|pere|mere|parent|mother|father|mom|mum|dad|الام|الأم|الاب|الأب|ماما|بابا|الوالد|الواليد)",
    "family": r"\b(khti|khoya|3ammi|3amti|khali|khalti|jda|jdda|famil|oncle|tante|cousin|frere|soeur|brother|sister|uncle|aunt|عائل|خويا|ختي|عمي|خالي|عائله)",
    "teacher": r"\b(prof|ostad|ousstad|enseign|teacher|maitre|directeur|استاذ|أستاذ|معلم)",
    "neighbour": r"\b(jar|jara|voisin(e|s|es)?|neighbou?rs?|جار|جاره|جارتي|جاري)\b",
    "friend": r"\b(sa7bi|sa7bti|sahbi|ami|amie|copain|copine|friend|صاحبي|صاحبتي|صديق)",
    "professional": r"\b(medecin|docteur|doctor|nurse|infirm|assistant|social|educat|professionnel|professional|طبيب|مساعد|مربي)",
    "other": r"\b(akhor|autre|other|اخر|آخر)\b",
}
CONTACT_WORDS = {
    "this_chat": r"(chat|hna|ici|here|message|sms|whatsapp|telegram|هنا|ميساج|رساله)",
    "phone_call": r"(tilifon|telephone|phone|call|appel|3ayet|3ayt|tel|تيليفون|هاتف|اتصال|عيط)",
}


def _norm(text: str) -> str:
    return normalise(text).translate(_ARABIC_DIGITS).strip()


def is_dont_know(text: str) -> bool:
    return bool(_DONT_KNOW.search(_norm(text)))


def is_skip(text: str) -> bool:
    return bool(_SKIP.search(_norm(text)))


def yes_no(text: str) -> str | None:
    """ "yes" / "no" from a short answer in any language, else None."""
    norm = _norm(text)
    if _NO.search(norm):
        return "no"
    if _YES.search(norm):
        return "yes"
    return None


def age(text: str) -> int | None:
    norm = _norm(text)
    match = _NUMBER.search(norm)
    if match:
        return int(match.group(1))
    for word in re.findall(r"[\w'-]+", norm):
        if word in _NUMBER_WORDS:
            return _NUMBER_WORDS[word]
    return None


def _first_match(table: dict[str, str], text: str) -> str | None:
    norm = _norm(text)
    for value, pattern in table.items():
        if re.search(pattern, norm):
            return value
    return None


def _option_by_number(options: list[str], text: str) -> str | None:
    norm = _norm(text)
    if norm.isdigit() and 1 <= int(norm) <= len(options):
        return options[int(norm) - 1]
    return None


def harm(text: str) -> str | None:
    found = _option_by_number(list(HARM_WORDS), text) or _first_match(HARM_WORDS, text)
    if found:
        return found
    codes = detect_signals(text).codes
    for code, value in (
        ("sexual_abuse", "sexual"),
        ("physical_abuse", "physical"),
        ("online_exploitation", "online"),
        ("bullying", "bullying"),
        ("child_marriage", "child_marriage"),
        ("child_labour", "child_labour"),
    ):
        if code in codes:
            return value
    return None


def gender(text: str) -> str | None:
    return _option_by_number(list(GENDER_WORDS), text) or _first_match(GENDER_WORDS, text)


def when(text: str) -> str | None:
    return _option_by_number(list(WHEN_WORDS), text) or _first_match(WHEN_WORDS, text)


def relation(text: str) -> str | None:
    return _option_by_number(list(RELATION_WORDS), text) or _first_match(RELATION_WORDS, text)


def contact_how(text: str) -> str | None:
    return _option_by_number(list(CONTACT_WORDS), text) or _first_match(CONTACT_WORDS, text)


@lru_cache(maxsize=1)
def _regions() -> list[tuple[str, str, list[str]]]:
    with open(REGIONS_FILE, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    out = []
    for region in data.get("regions", []):
        names = [region["name"], region.get("name_ar", "")] + list(region.get("aliases", []))
        out.append((region["code"], region["name"], [_norm(n) for n in names if n]))
    return out


def region(text: str) -> tuple[str | None, str | None]:
    """(region name, city alias) when `text` names one of Morocco's 12 regions or a city in it."""
    norm = " " + re.sub(r"[^\w\s'-]", " ", _norm(text)) + " "
    best: tuple[int, str | None, str | None] = (0, None, None)
    for _code, name, aliases in _regions():
        for index, alias in enumerate(aliases):
            if alias and re.search(r"(?<![\w])" + re.escape(alias) + r"(?![\w])", norm) and len(alias) > best[0]:
                city = alias if index >= 2 else None
                best = (len(alias), name, city)
    return best[1], best[2]
