"""The safe reply sent when the bot cannot answer: a person is coming, and the emergency numbers."""

from helpline.reference import emergency_numbers

INTRO = {
    "en": "We got your message. A person from the helpline will answer you soon. If you are in danger now, call:",
    "fr": "Nous avons bien reçu ton message. Une personne de l'écoute va te répondre. En danger maintenant, appelle :",
    "ar": "وصلتنا رسالتك. سيجيبك شخص من خط المساعدة قريبا. إذا كنت في خطر الآن، اتصل:",
    "darija_ar": "وصلاتنا الرسالة ديالك. شي واحد من الخط غادي يجاوبك دابا. إلا كنتي فخطر دابا، عيط:",
    "darija_lat": "Wslatna risala dyalek. Chi wa7ed men l'écoute ghadi yjawbek daba. Ila kenti f khatar daba, 3ayet:",
    "tzm": "ⵏⵓⵎⵥ ⵜⵉⴱⵔⴰⵜ ⵏⵏⴽ. Nous avons reçu ton message. En danger, appelle :",
}


def safe_reply(language: str | None) -> str:
    """Short text in the user's language (French when unknown) with every emergency number."""
    lang = language if language in INTRO else "fr"
    lines = [INTRO[lang], *(number.line(lang) for number in emergency_numbers())]
    return "\n".join(lines)
