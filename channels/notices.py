"""Short fixed texts the gateway itself sends, in the user's language; neutral first words (lock screens)."""

from enum import StrEnum


class Notice(StrEnum):
    MEDIA_RECEIVED = "media_received"
    TEXT_ONLY = "text_only"
    SLOW_DOWN = "slow_down"
    OPTED_OUT = "opted_out"
    OPTED_IN = "opted_in"


TEXTS: dict[Notice, dict[str, str]] = {
    Notice.MEDIA_RECEIVED: {
        "en": "Thank you, we received it. A person from the helpline will look at it and answer you.",
        "fr": "Merci, nous l'avons bien reçu. Une personne de l'écoute va le voir et te répondre.",
        "ar": "شكرا، وصلنا. سيطلع عليه شخص من خط المساعدة ويجيبك.",
        "darija_ar": "شكرا، وصلنا. شي واحد من الخط غادي يشوفو ويجاوبك.",
        "darija_lat": "Choukran, wslna. Chi wa7ed men l'écoute ghadi ychoufo w yjawbek.",
        "tzm": "ⵜⴰⵏⵎⵎⵉⵔⵜ. Merci, nous l'avons reçu. Une personne va te répondre.",
    },
    Notice.TEXT_ONLY: {
        "en": "Thank you. I can only read written words: write to me what you want to say.",
        "fr": "Merci. Je ne peux lire que des mots écrits : écris-moi ce que tu veux dire.",
        "ar": "شكرا. أستطيع قراءة الكلمات المكتوبة فقط: اكتب لي ما تريد قوله.",
        "darija_ar": "شكرا. كنقرا غير الكتابة: كتب ليا شنو بغيتي تقول.",
        "darija_lat": "Choukran. Kan9ra ghir lktaba: kteb liya chno bghiti tgoul.",
        "tzm": "ⵜⴰⵏⵎⵎⵉⵔⵜ. Écris-moi avec des mots, s'il te plaît.",
    },
    Notice.SLOW_DOWN: {
        "en": "Thank you, we are reading everything you send. Please wait a little for the answer.",
        "fr": "Merci, nous lisons tout ce que tu envoies. Attends un peu la réponse, s'il te plaît.",
        "ar": "شكرا، نحن نقرأ كل ما ترسله. انتظر قليلا من فضلك.",
        "darija_ar": "شكرا، كنقراو كلشي اللي كتصيفط. تسنا شوية عافاك.",
        "darija_lat": "Choukran, kan9raw kolchi li katsift. Tsenna chwiya 3afak.",
        "tzm": "ⵜⴰⵏⵎⵎⵉⵔⵜ. Merci, attends un peu la réponse.",
    },
    Notice.OPTED_OUT: {
        "en": "You will get no more messages from this number. Send START to write again.",
        "fr": "Tu ne recevras plus de messages de ce numéro. Envoie START pour reprendre.",
        "ar": "لن تصلك رسائل أخرى من هذا الرقم. أرسل START للعودة.",
        "darija_ar": "ما غاديش توصلك رسائل من هاد الرقم. صيفط START باش ترجع.",
        "darija_lat": "Ma ghadich twslek messages men had numero. Sift START bach terja3.",
        "tzm": "Tu ne recevras plus de messages. Envoie START pour reprendre.",
    },
    Notice.OPTED_IN: {
        "en": "Welcome back. You can write to us again.",
        "fr": "Re-bonjour. Tu peux de nouveau nous écrire.",
        "ar": "مرحبا بعودتك. يمكنك الكتابة إلينا من جديد.",
        "darija_ar": "مرحبا بيك من جديد. تقدر تكتب لينا.",
        "darija_lat": "Mar7ba bik men jdid. T9der tkteb lina.",
        "tzm": "ⴰⵣⵓⵍ. Tu peux de nouveau nous écrire.",
    },
}


def notice(kind: Notice, language: str | None) -> str:
    """The notice in the user's language (French when unknown, like the safe reply)."""
    texts = TEXTS[kind]
    return texts.get(language or "", texts["fr"])
