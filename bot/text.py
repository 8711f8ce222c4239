"""Text normalisation, language detection and risk signals for Darija, Arabic, French, English, Tamazight.

Pure Python, no Rasa import: used by the NLU components (bot.components) and by the action server.
Everything here works offline and is deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

LANGUAGES = ("darija_lat", "darija_ar", "ar", "fr", "en", "tzm")

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_TIFINAGH = re.compile(r"[\u2D30-\u2D7F]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_TASHKEEL = re.compile(r"[\u064B-\u0652\u0640]")  # harakat and tatweel
_REPEATS = re.compile(r"([^\W\d_])\1+")
_WORD = re.compile(r"[\w']+", re.UNICODE)
_ARABIZI_DIGIT = re.compile(r"[a-z][2379]|[2379][a-z]|[a-z]5[a-z]")


def normalise(text: str) -> str:
    """Lower-cases, strips accents and Arabic diacritics, unifies alef/ya/ta marbuta, collapses letter repeats.

    "Bzaaaf", "bzzaf" -> "bzaf"; "Français" -> "francais"; "أريد" -> "اريد". Digits are kept (Arabizi 3, 7, 9).
    """
    text = text.lower().replace("’", "'")
    text = _TASHKEEL.sub("", text)
    text = text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي").replace("ة", "ه")
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in decomposed if not (unicodedata.category(ch) == "Mn" and ord(ch) < 0x0600))
    text = unicodedata.normalize("NFC", text)
    return _REPEATS.sub(r"\1", text)


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


# ---------------------------------------------------------------- language


def _norm_set(items: str) -> frozenset[str]:
    return frozenset(normalise(w) for w in items.split())


_DARIJA_LAT = _norm_set(
    "ana nta nti ntia howa hia bghit bghina bghiti wach wash chno chnou achno ach kifach kifash kif daba dba m3a ma3a "
    "mea bzaf bzzaf wa7ed wahed wahd chi shi mn men dyal dial diali dyali dyalek ila 7it hit 7ta hta mama mima bba "
    "baba khoya khti salam slm labas lbas wakha wkha iyeh iyah ah la safi sahbi 3afak afak smhli smh choukran "
    "chokran chukran shukran mzyan mezyan hadchi hadshi rah raha rani ghir walo kolchi nhder nhdr nhdar hder "
    "mabghitch ma3reftch ma3rftch marftch 3reft fin fen mnin 3lach 3lash ach kayn kayna makaynch nmchi mchit "
    "khayf khayef khaifa kaydrebni kidrebni kaydarbni kidarbni kaydrbni tayedrebni drebni drbni drabni "
    "lyoum lyom lbare7 ghda 9raya lmdrasa madrasa mdrasa darna dar 3ndi 3andi 3endi ndir ndiro kan kant "
    "tanbghi kanbghi kanhder bayna wlad bnt weld drari sir siri sbr mrid mrida 7zin 7zina hzin dak dik "
    "hna tma b7al bhal zwin wlit 3iyit 3yit nmout nmot mosi9a derija darija sme7li"
)
_FRENCH = _norm_set(
    "je j'ai j tu il elle nous vous ils est suis es sont pas ne mon ma mes ton ta tes son sa ses le la les un une "
    "des du de et ou avec pour dans sur qui que quoi comment pourquoi quand veux voudrais peux parler aide aider "
    "bonjour bonsoir salut merci oui non c'est ce cette quelqu'un quelqu personne moi toi lui leur enfant fille "
    "garcon ecole maison pere mere frere soeur tous jours toujours peur mal triste aussi tres rien sais savoir "
    "d'accord daccord bien m'a me m'aider frappe harcele"
)
_ENGLISH = _norm_set(
    "i i'm im me my mine you your he she him her his they the a an is am are was were to of in on at for with "
    "and or not don't dont do does want talk speak someone somebody hello hi hey thanks thank yes no please what "
    "why how when where who help school home mother father mom mum dad brother sister friend hits hurt scared "
    "afraid sad okay ok know about can could would need child kid"
)
_TAMAZIGHT_LAT = _norm_set(
    "azul azl tanmirt tanemmirt manzakin mamek mamc mamsh tamazight tamazirt tachelhit tarifit tifawin "
    "tufat kenni awal sawl riɣ righ"
)
_DARIJA_AR = _norm_set(
    "بغيت بغينا بغيتي بغا بغات واش شنو اشنو شكون كيفاش دابا ديال ديالي ديالك ديالو ديالها ديالنا ماشي بزاف حيت "
    "راه راني راها رانا غير والو كلشي كاع كنبغي كيضربني كيضربوني كتضربني نهضر نهدر شي واحد فين علاش منين شحال "
    "مزيان واخا اه صافي عافاك عافاكم سمحلي كاين كاينه ماكاينش خايف خايفه بابا ماما خويا ختي الدار دارنا القرايه "
    "ليوم البارح ماعرفتش معرفتش عرفت كيضرب كنحس كنخاف دراري الدراري بنادم هاد هادي هادا هادشي باش بلا معايا "
    "ليا عليا بيا فيا ديما كاملين مشا مشات جا جات نتا نتي حنا هوما صاحبي صاحبتي الواليدين لالة نقدر تقدر "
    "بزز مابقاش مابقيتش ماعنديش عندو عندها شوية شويه السلام سلام مرحبا"
)
_MSA = _norm_set(
    "اريد نريد يريد تريد ماذا لماذا هل الان ليس لست ليست كيف حالك اشعر يضربني ابي امي اخي اختي التحدث اتحدث "
    "شخص احد نعم لكن لكنني لان هذا هذه ذلك تلك الذي التي الذين عندما المدرسه منزل المنزل والدي والدتي والداي "
    "اخاف لدي يجب يمكن يمكنني ساعدني ساعدوني مساعده اعرف في الى عن لم لن قد لقد سوف جدا كثيرا قليلا ان "
    "انني انه انها نحن انت انتم استطيع اود ارغب صديقي صديقتي اصدقائي الطفل طفل اطفال بعد ايضا فقط"
)
_DARIJA_AR_PREFIX = re.compile(r"^(كي|كن|كت|كا|تي|تن|تا)[^\W\d_]{3,}$")
_DARIJA_AR_NEGATION = re.compile(r"^ما[^\W\d_]{2,}ش$")
_DARIJA_AR_FI_AL = re.compile(r"^فال?[^\W\d_]{3,}$")
_MSA_PLURAL_VERB = re.compile(r"^[يت][^\W\d_]{2,}(ون|ونني|ونه|ونها|ونهم|ين)$")
_MSA_FUTURE = re.compile(r"^س(ا|ي|ت|ن)[^\W\d_]{3,}$")
_NOT_DARIJA_PREFIX = _norm_set("كيف كيفيه كان كانت كانوا كنت كتاب كتب كثير كثيرا كثيره تلك تحت")


def _arabic_scores(tokens: list[str]) -> tuple[int, int]:
    """(Darija, MSA) evidence in Arabic-script tokens: marker words and verb morphology.

    Darija: ka-/ta- present prefixes (كيضربني, كنحس, تنمشي), ma-…-ch negation (ماعرفتش, ما بغيتش), fi+al
    contraction (فالمدرسة). MSA: plural verb endings (يضربونني, يسخرون), sa- futures (سأقتل), marker words.
    """
    darija = msa = 0
    previous = ""
    for token in tokens:
        if token in _DARIJA_AR:
            darija += 1
        elif token not in _NOT_DARIJA_PREFIX and (
            _DARIJA_AR_PREFIX.match(token)
            or _DARIJA_AR_NEGATION.match(token)
            or (previous == "ما" and token.endswith("ش") and len(token) >= 4)
            or _DARIJA_AR_FI_AL.match(token)
            and token.startswith("فال")
        ):
            darija += 1
        if token in _MSA:
            msa += 1
        elif _MSA_PLURAL_VERB.match(token) or _MSA_FUTURE.match(token) and token not in _DARIJA_AR:
            msa += 1
        previous = token
    return darija, msa


_SWITCH = [
    (
        re.compile(
            r"\b(francaise?|french|fransawiya|fransawia|fransia|b ?l ?francais)\b|الفرنسيه|فرنسيه|الفرونسي|بالفرنساويه"
        ),
        "fr",
    ),
    (
        re.compile(
            r"\b(english|anglais|englais|ingliz[iy]+a|inglizia|b ?l ?anglais)\b|الانجليزيه|انجليزيه|الانكليزيه|النجليزيه"
        ),
        "en",
    ),
    (
        re.compile(
            r"\b(tamazight|tamazi[gɣ]t|tmazi(gh|[gɣ])t|amazigh|tachelhit|tachl7it|chel7a|tarifit|rifia)\b|ⵜⴰⵎⴰⵣⵉⵖⵜ|ⵜⵎⴰⵣⵉⵖⵜ|امازيغيه|الامازيغيه|تمازيغت|شلحه|بالشلحه"
        ),
        "tzm",
    ),
    (re.compile(r"\b(darija|derija|daraja|darja|b ?darija|b ?ddarija)\b"), "darija_lat"),
    (re.compile(r"الدارجه|بالدارجه|دارجه|الداريجه"), "darija_ar"),
    (
        re.compile(
            r"\b(arabe|arabic|l3arbia|l3arbiya|larbia|larabia|l3arabiya|fos7a|fus7a|fusha)\b|بالعربيه|العربيه|الفصحي|بالفصحي|عربيه"
        ),
        "ar",
    ),
]


def explicit_language(text: str) -> str | None:
    """A language the user names ("français", "darija", "بالعربية", "english", "tamazight"), else None."""
    norm = normalise(text)
    for pattern, code in _SWITCH:
        if pattern.search(norm):
            if code == "darija_lat" and _ARABIC.search(norm):
                return "darija_ar"
            return code
    return None


def language_scores(text: str) -> dict[str, int]:
    """Evidence for each language in `text` (0 where none); Tifinagh and Arabic script decide the script first.

    Latin script: Darija words and Arabizi digits inside words (m3a, wa7ed, 9raya) count double, so they outweigh
    French code-switching ("bba kaydrebni tous les jours"). Arabic script: Darija against MSA (_arabic_scores).
    """
    scores = dict.fromkeys(LANGUAGES, 0)
    tifinagh = len(_TIFINAGH.findall(text))
    if tifinagh:
        scores["tzm"] = 3 * tifinagh
        return scores
    tokens = words(text)
    arabic_chars = len(_ARABIC.findall(text))
    latin_chars = len(_LATIN.findall(text))
    if arabic_chars > latin_chars:
        scores["darija_ar"], scores["ar"] = _arabic_scores(tokens)
    elif latin_chars:
        scores["darija_lat"] = 2 * sum(t in _DARIJA_LAT for t in tokens) + 2 * sum(
            bool(_ARABIZI_DIGIT.search(t)) for t in tokens
        )
        scores["fr"] = sum(t in _FRENCH for t in tokens)
        scores["en"] = sum(t in _ENGLISH for t in tokens)
        scores["tzm"] = 3 * sum(t in _TAMAZIGHT_LAT for t in tokens)
    return scores


def detect_language(text: str) -> str | None:
    """Best guess of the language and script of `text`, or None when too little evidence (a tie, no marker).

    A few Arabic-script words with no marker either way are taken as Darija, the likelier of the two.
    """
    if _TIFINAGH.search(text):
        return "tzm"
    scores = language_scores(text)
    best = max(scores, key=lambda code: scores[code])
    ordered = sorted(scores.values(), reverse=True)
    if ordered[0] > ordered[1]:
        return best
    if _ARABIC.search(text) and ordered[0] == scores["darija_ar"] == scores["ar"]:
        arabic_words = sum(bool(_ARABIC.search(t)) for t in words(text))
        return "darija_ar" if arabic_words >= 4 else None
    return None


# Words that say nothing about the language: used alike in Darija, French, English and Arabic chats.
_AMBIGUOUS = _norm_set(
    "ok okay oki okey oui ouais wi non no yes yeah yep yup nope nah merci mrc mersi thanks thx ty la ah eh ih "
    "iyeh wakha wkha ewa wah d'accord dac daccord bien bon top cool super bye salut hi hello allo alo svp stp "
    "please plz pls لا نعم اه واخا مرسي شكرا اوكي"
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
SENTENCE_WORDS = 3


def content_words(text: str) -> list[str]:
    """The words of `text` that can tell a language: not digits, emojis, or words every language uses."""
    return [t for t in words(text) if _HAS_LETTER.search(t) and t not in _AMBIGUOUS]


def sentence_language(text: str) -> str | None:
    """The language of a full sentence, else None: at least three content words ("oui", "ok", "merci", "la", "1"
    and emojis do not count) and a clear winner. Tifinagh always counts."""
    if _TIFINAGH.search(text):
        return "tzm"
    if len(content_words(text)) < SENTENCE_WORDS:
        return None
    return detect_language(text)


def next_language(*, current: str | None, chosen: str | None, text: str, previous_text: str | None) -> str | None:
    """The language to switch to after the user wrote `text`, or None to keep `current`.

    Naming a language ("français", "darija", "بالعربية") is an explicit choice, handled before this (NLU entity
    `language`). Otherwise: with no language yet, any guess that is not a word every language uses; after that,
    short or ambiguous messages (oui, ok, merci, 1, emojis) never change it; a full sentence in another language
    does, but a language the user chose (`chosen`) holds until two full sentences in a row are in the same other
    language, so one French sentence inside a Darija conversation does not undo the choice. Tifinagh, a script
    of its own, is Tamazight at once.
    """
    if _TIFINAGH.search(text):
        return "tzm" if current != "tzm" else None
    if current is None:
        return detect_language(text) if content_words(text) else None
    new = sentence_language(text)
    if new is None or new == current:
        return None
    if chosen == current and sentence_language(previous_text or "") != new:
        return None
    return new


# ---------------------------------------------------------------- signals

# Each entry: signal code -> regexes over normalised text. Deliberately phrase-level: words for means and timing
# predict risk better than words for feelings (see shared DOMAIN.md).
_SIGNAL_PATTERNS: dict[str, list[str]] = {
    "suicide_intent": [
        r"bghit(ch|sh)? n?mou?t",  # "ma bghitch nmout" is caught and negated
        r"bghit nmot",
        r"n[9q]t[ae]?l ra?s+i",
        r"\bn+t+n?t?[ae]?(7|h)[ae]?r",  # first person (ntn7er, nnta7er); not ynta7er, someone else
        r"nintahr",
        r"veu[xt] (pas )?mourir",  # "je ne veux pas mourir" is caught and negated
        r"envie de mourir",
        r"me suicider",
        r"(vais|veux|voudrais|envie de|pense a|penser a|essaye de|essayer de) me tuer",
        r"en finir",
        r"mettre fin a (ma|mes) vie",
        r"kil+ my ?self",
        r"want to die",
        r"end(ing)? (my|it) (life|all)",
        r"ending it",
        r"ending my life",
        r"suicid",
        r"wanna die",
        r"بغيت(ش)? نموت",
        r"نقتل راسي",
        r"\bننتحر",  # normalised to "نتحر" at the start of a word: not "ينتحر", someone else
        r"انتحر",
        r"اريد ان اموت",
        r"اقتل نفسي",
        r"انهي حياتي",
        r"الانتحار",
    ],
    "suicide_plan": [
        r"(going to|gonna|will|i'?ll) end it",
        r"end it (tonight|today|now|all)",
        r"en finir (ce soir|aujourd'hui|maintenant|cette nuit)",
        r"ghadi n[9q]t[ae]?l ra?s+i",
        r"lyoum ghadi nmout",
        r"ce soir je",
        r"tonight i (will|am going)",
        r"j'ai (un|mon) plan",
        r"i have a plan",
        r"ghadi nl?ou?7 ra?s+i",
        r"me jeter",
        r"jump (off|from)",
        r"ghadi nmout",
        r"الليله غادي",
        r"غادي نقتل راسي",
        r"ساقتل نفسي",
        r"الليله ساموت",
    ],
    "means": [
        r"\bdwa\b.*\bkaml",
        r"7bob",
        r"\bhbob",
        r"comprimes",
        r"medicaments",
        r"\bpil+s\b",
        r"ibuprofen",
        r"doliprane",
        r"paracetamol",
        r"💊",
        r"\bcorde\b",
        r"\brope\b",
        r"\bmos\b",
        r"couteau",
        r"\bknife\b",
        r"lame",
        r"razor",
        r"\bsem\b",
        r"poison",
        r"حبوب",
        r"الدوا كامل",
        r"سم الفيران",
        r"الحبل",
        r"موس",
    ],
    "attempt": [
        r"(drank|drunk|bu|avale|chrebt|chrbt|shrebt|شربت|بلعت)( \S+){0,5} (syrup|sirop|سيرو|sirow)",
        r"k(e|a)?l(i|ei)?t (dwa|7bob|hbob|l7bob|ddwa)",
        r"chrebt (dwa|ddwa|sem)",
        r"j'ai (pris|avale) (des|tous|plein)",
        r"(took|swallowed|drank|ate) .{0,20}(pills|tablets|medicine|medication|meds|poison|bleach)",
        r"overdose",
        r"je viens de prendre",
        r"شربت الدوا",
        r"كليت الدوا",
        r"بلعت",
        r"تناولت (الحبوب|الدواء)",
        r"حاولت (انتحر|الانتحار)",
        r"7awelt n[9q]t[ae]?l",
        r"tried to kill",
        r"j'ai essaye de me",
    ],
    "medical": [
        r"kaysil (d|lh)?dem",
        r"kaysil dem",
        r"\bdem bzaf",
        r"saign",
        r"bleed",
        r"unconscious",
        r"evanoui",
        r"inconscien",
        r"ma ka[yt]?t?nfs",
        r"(won'?t|doesn'?t|does not|will not|can'?t) stop bleeding",
        r"(so much|a lot of|lots of) blood",
        r"(ne s'arrete pas de saigner|beaucoup de sang|plein de sang)",
        r"cut (myself |my \w+ )?(too )?deep",
        r"coupee? (trop )?profond",
        r"dem ma (bghach|bgha|kay)\S* (y?we[9q]f|y?7b[ae]s|yhbes)",
        r"(الدم|دم) (لا|ما) ?(يتوقف|بغاش يحبس|كيحبسش|بغا يحبس|كيوقفش)",
        r"(دم كثير|الدم بزاف|بزاف ديال الدم|جرح عميق)",
        r"(can'?t|cannot|can not) breathe",
        r"(peu[xt] plus|n'arrive (pas|plus) a) respirer",
        r"(ما قادرش|ماقادرش|لا استطيع|لا يستطيع|لا تستطيع) (ن|ي|ت)?تنفس",
        r"not breathing",
        r"respire plus",
        r"tay7 f l?ard",
        r"ma kayfi9ch",
        r"ينزف",
        r"فاقد الوعي",
        r"ما كيتنفسش",
        r"لا يتنفس",
        r"مغمي عليه",
        r"كيسيل الدم",
        r"طايح",
    ],
    "danger_now": [
        # taken or held: abduction in progress
        r"(grabbed|kidnapp?ed|abducted) me",
        r"(wants?|trying|tries|going) to (take|drag) me (away|with)",
        r"(m'a (attrape|enleve|kidnappe)|veut m'emmener|essaie de m'emmener|m'a fait monter de force)",
        r"\b(chedni|chddni|khtefni|khtafni|khatfouni|khtfouni)\b",
        r"bgha (ydini|yddini|yhezni) m3ah",
        r"(امسكني|شدني|خطفني|خطفوني|اختطفني|اختطفوني)",
        r"(يريد|بغا|بغاو) (ان ياخذني|يديني|يديوني)",
        # strangled, on fire, a drunk aggressor at the door
        r"(strangl|chok(e|es|ing) me|etrangl|kaykhne9ni|khne9ni|khn9ni|kay5ne9ni|يخنقني|كيخنقني|خنقني)",
        r"(on fire|is burning|en feu|incendie|le feu a la maison|l3afya (ch3lat|chb3at|tal3a)|العافيه (شعلات|شبعات)|حريق)",
        r"\b(drunk|ivre|sakran|skran|sker|سكران)\S*( \S+){0,6} (now|maintenant|daba|dba|door|porte|bab|الان|دابا|الباب)",
        r"(now|maintenant|daba|dba|الان|دابا)( \S+){0,6} (drunk|ivre|sakran|skran|sker|سكران)\b",
        r"(kaydrebni|kidrebni|kaydarbni|kidarbni|kaydrbni|kiderbni|kaydrabni|kidrabni).*\b(daba|dba|db)\b",
        r"\b(daba|dba)\b.*(kaydrebni|kidrebni|kaydarbni|kidarbni|kaydrbni|kidrabni)",
        r"ghadi y?[9q]t[ae]?lni",
        r"bgha y[9q]t[ae]?lni",
        r"va me tuer",
        r"veut me tuer",
        r"going to kill me",
        r"(wants?|trying|tries) to kill me",
        r"gonna kill me",
        r"me (frappe|bat|tape) (maintenant|en ce moment|la)",
        r"(hitting|beating|hurting) me( again)? (right )?now",
        r"help me now",
        r"m[9q]fl 3liya",
        r"m9foul",
        r"enferme",
        r"(sedo|sdo|sddo|9eflo|qeflo|sekro|sekkro) 3l?iya",
        r"ma khla(w)?nich n(khrej|khroj|5rej)",
        r"(won'?t|will not|don'?t|do not) let me (out|leave|go out)",
        r"ne me laisse(nt)? pas sortir",
        r"(سدو|قفلو|سكرو) عليا",
        r"ما خلاونيش نخرج",
        r"حبسوني",
        r"not safe (at home |here |there )?(tonight|now|right now)",
        r"pas en securite (a la maison |chez moi |ici )?(ce soir|maintenant|cette nuit)",
        r"locked (me )?in",
        r"tab3ni",
        r"kaytb3ni",
        r"me suit",
        r"following me",
        r"\bdaba\b.*\b(3teqni|3te9ni)",
        r"a l'aide",
        r"au secours",
        r"(يضربني|كيضربني|تضربني|كتضربني|يضربونني|كيضربوني)( \S+){0,3} (الان|دابا|دبا|فهاد الوقت)",
        r"كيضربني دابا",
        r"دابا كيضربني",
        r"غادي يقتلني",
        r"بغا يقتلني",
        r"سيقتلني",
        r"يضربني الان",
        r"تابعني",
        r"عتقوني",
        r"النجده",
        r"سكر عليا",
    ],
    "afraid_home": [
        r"kh?ay[ae]?fa? n?rje3 ?(l|ldar|l dar)",
        r"ma bghitch nrje3 (l|ldar)",
        r"peur de rentrer",
        r"(afraid|scared) to go home",
        r"خايف نرجع",
        r"اخاف العوده",
        r"خايفه نرجع",
    ],
    "sexual_abuse": [
        r"t7[ae]r[ae]?ch",
        r"ghtas?bni",
        r"ghtasbo",
        r"\bviol(?!en)",  # viol, violée, violer — not violence, violent
        r"attouch",
        r"m'a touche",
        r"touched me",
        r"\brape",
        r"molest",
        r"tahar+och",
        r"7s[ae]s? 3liya",
        r"تحرش",
        r"اغتا?صب",
        r"لمسني",
        r"حكرني جنسيا",
        r"abus sex",
        r"sexual",
        r"sexuel",
        r"کیقیسني",
        r"kay9isni",
        r"kaylmesni",
        r"kiy9isni",
    ],
    "physical_abuse": [
        r"k[aiy]+d[ae]?r[ae]?bni",
        r"k[aiy]+d[ae]?r[ae]?bna",
        r"drebni",
        r"drabni",
        r"darbni",
        r"me frapp",
        r"m'a frappe",
        r"me bat",
        r"hits? me",
        r"beats? me",
        r"hit me",
        r"يضربني",
        r"كيضربني",
        r"ضربني",
        r"ضربتني",
        r"kat?d[ae]?r[ae]?bni",
        r"kaysakhni",
        r"7r[ae]9ni",
    ],
    "bullying": [
        r"kaytm[ae]skhro",
        r"kaytfl[ae]?ow",
        r"harcel",
        r"bully",
        r"bullied",
        r"se moquent",
        r"make fun",
        r"تنمر",
        r"كيضحكو عليا",
        r"كيتمسخرو",
        r"يسخرون",
    ],
    "online_exploitation": [
        r"tsawer",
        r"tswira",
        r"photos? (de moi|of me|nue|intime)",
        r"sextortion",
        r"chantage",
        r"\bnudes?\b",
        r"blackmail",
        r"ybtazni",
        r"kayhded(ni)? b",
        r"ينشر تصاوري",
        r"يبتزني",
        r"ابتزاز",
        r"صوري",
        r"تصاور",
    ],
    "child_marriage": [
        r"bghaw y?zow?jouni",
        r"zw[ae]jouni",
        r"zwaj",
        r"mariage force",
        r"me marier",
        r"marry me",
        r"forced to marry",
        r"يزوجوني",
        r"زواج",
        r"تزويج",
    ],
    "child_labour": [
        r"khdam",
        r"\btravaill",
        r"je travaille",
        r"forced to work",
        r"child labou?r",
        r"kankhdem",
        r"بنت الدار",
        r"تخدم",
        r"كنخدم",
        r"عمل الاطفال",
        r"خادمه",
        r"petite bonne",
    ],
    "missing_runaway": [
        r"hrbt",
        r"hrabt",
        r"hreb",
        r"fugue",
        r"ran away",
        r"run away",
        r"f zanqa",
        r"fi zan9a",
        r"dans la rue",
        r"on the street",
        r"هربت",
        r"هرب",
        r"في الزنقه",
        r"الشارع",
        r"ضايع",
        r"tal3",
        r"lost",
    ],
    "trafficking": [r"trafic", r"traffick", r"b[ae]3ouni", r"vendu", r"sold me", r"باعوني", r"اتجار"],
    "self_harm": [
        r"kanjre7 ra?s+i",
        r"njr[ae]7 ra?s+i",
        r"me (couper|scarifi)",
        r"je me coupe",
        r"cut(ting)? my ?self",
        r"self.?harm",
        r"nqt[ae]3 yedi",
        r"كنجرح راسي",
        r"نجرح نفسي",
        r"اجرح نفسي",
        r"scarif",
    ],
    "passive_ideation": [
        r"ma bghitch n3ich",
        r"ma b[9q]itch (baghi|bghit) n3ich",
        r"ne veu[xt] plus vivre",
        r"(don'?t|do not) want to (live|be alive)",
        r"ما بقيتش باغي نعيش",
        r"لم اعد اريد (الحياه|العيش|ان اعيش)",
        r"لا اريد (العيش|الحياه)",
        r"7san ila mt",
        r"ne plus (etre la|exister)",
        r"disparaitre",
        r"wish i (was|were) dead",
        r"no reason to live",
        r"ما بغيتش نعيش",
        r"احسن ليا نموت",
        r"لا اريد ان اعيش",
    ],
    "distress": [
        r"7zin",
        r"hzin",
        r"m9ala9",
        r"mqal[ae]q",
        r"triste",
        r"stress",
        r"angoiss",
        r"depress",
        r"\bsad\b",
        r"anxious",
        r"lonely",
        r"seul",
        r"حزين",
        r"مقلق",
        r"مكتئب",
        r"قلق",
    ],
    "recent": [
        r"\blbare7\b",
        r"lbar7",
        r"\bhier\b",
        r"yesterday",
        r"\blyoum\b",
        r"aujourd'hui",
        r"today",
        r"البارح",
        r"اليوم",
        r"امس",
    ],
    "past": [
        r"\d+ (snin|ans|years?) (hadi|ago)",
        r"hadi \d+ snin",
        r"\bkan(t|o)? (kay|ki|ka|ta|ti|kat|kan)",
        r"\b(mli|fach|melli) kont",
        r"\bused to\b",
        r"when i was (a )?(kid|child|small|little|young|younger)",
        r"quand j'(etais|avais)",
        r"when i was \d+",
        r"(frapp|batt|tap|insult|touch|menac)ait\b",
        r"\b(ans|years?|months?|mois) (ago|plus tot)",
        r"\b(\d+|a|an|one|two|three|few|several|many) (years?|months?) ago",
        r"il y a (\d+|\w+) (ans|annees|mois)",
        r"(l'annee derniere|last year|l3am li (fat|daz)|3amnawel)",
        r"كان (كي|كا|تي)",
        r"(ملي|فاش|عندما|لما) كنت",
        r"قبل \S+ (سنوات|سنين|اعوام|عام|عامين|سنه|شهور|اشهر)",
        r"(العام|السنه) (الماضي|الماضيه|اللي فات|لي فات)",
        r"هادي \S+ (عام|عامين|شهور|سنه)",
        r"il y a \d+ ans",
        r"years ago",
        r"mli kont sghir",
        r"quand j'etais petit",
        r"when i was (little|young)",
        r"هادي .* سنين",
        r"منذ سنوات",
        r"فاش كنت صغير",
    ],
    # Said outright: "I'm not in danger", "ma kaynch khatar", "لست في خطر" (each pattern carries its own negation).
    "safe_now": [
        r"(pas|plus) en danger",
        r"(not|no longer) in (any )?danger",
        r"\bno danger\b",
        r"\b(i'?m|i am) safe( now)?\b",
        r"\bje suis en securite\b",
        r"\b(i'?m|i am) (fine|ok|okay|good|alright) now\b",
        r"(it'?s|c'est) (sorted|solved|over|regle|fini|resolu)\b",
        r"\b(daba|dba) (t7ell|t7al|tsal7na|tsalhna|safi sala)\b",
        r"(دابا|الان) (تحل|تحلات|تصالحنا|سالا)",
        r"maintenant (ca va|je vais bien)",
        r"\b(daba|dba) (ana |rani )?(labas|mzyan|mzyana|bikhir|bikhir)\b",
        r"(انا |لكنني |لكني |راني )?(بخير|لاباس|مزيان|مزيانه) (الان|دابا)",
        r"(دابا|الان) (انا |راني )?(بخير|لاباس|مزيان|مزيانه)",
        r"(machi|mashi|mach|ma kaynch|makaynch|ma kaynsh|ma kayn|makayn) (f |fi |fel )?(chi |hta |7ta )?l?(khatar|5atar|khtar)",
        r"(لست|لسنا|ليس|ليست) في خطر",
        r"(لا يوجد|ليس هناك) (اي )?خطر",
        r"(ماشي|ماكاينش|ما كاينش|ما كاين) ?(ف|في)? ?(حتى |شي )?(ال)?خطر",
    ],
    "ongoing": [
        r"koul? nhar",
        r"kol nhar",
        r"dima",
        r"tous les jours",
        r"toujours",
        r"every day",
        r"always",
        r"ديما",
        r"كل نهار",
        r"كل يوم",
        r"دائما",
    ],
    "family_conflict": [
        r"kaytkhasmo",
        r"disput",
        r"divorc",
        r"tl[ae]9",
        r"فراق",
        r"الطلاق",
        r"كيتخاصمو",
        r"fight all the time",
    ],
    "school": [
        r"\bmdrasa\b",
        r"lmdrasa",
        r"lakoul",
        r"ecole",
        r"college",
        r"\bschool",
        r"prof",
        r"teacher",
        r"المدرسه",
        r"الاستاذ",
    ],
}


def _pattern(source: str) -> re.Pattern[str]:
    """A regex over normalised text, its literal letters normalised alike (ى -> ي, ة -> ه, أ -> ا, no repeats)."""
    for variant, plain in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه")):
        source = source.replace(variant, plain)
    return re.compile(_REPEATS.sub(r"\1", source))


_NEGATORS = _pattern(
    r"(\bmab|\bmach\b|\bmachi\b|\bmab9ach\b|\bmabqach\b|\bne\b|\bn'|\bpas\b|\bnot\b|n't\b|\bnever\b|"
    r"\bjamais\b|\bno longer\b|\bما\b|\bلا\b|\bليس\b|\bلم\b|\bماشي\b|\bمابقاش\b|\bما بقاش\b|\bما عاد|"
    # Darija in Latin script: "ma" before a verb ("ma b9ach", "ma 3ad", "ma kaydrebnich"), not French "ma mère".
    r"\bma (b[9q]a|3ad|ka|ki|ky|ta|ti|gha|bgh|3ad))"
)
# Darija negation closes on the verb: "kaydrebnich", "كيضربنيش".
_NEGATED_SUFFIX = _pattern(r"^(i?ch|i?sh|ي?ش)\b")
# Words for now: a past event told with one of these may be going on again.
_PRESENT = _pattern(
    r"\b(daba|dba|db|now|right now|maintenant|en ce moment|tonight|ce soir|cette nuit|had lil|had lila|"
    r"دابا|الان|هاد الليل|هاد الليله|الليله|هذه الليله)\b"
)
# "It started again": a past event that is back is not in the past.
_AGAIN = _pattern(r"\b(3awd|3awed|3awtani|3awtni|again|encore|de nouveau|a nouveau|عاود|عاوتاني|من جديد|مره اخري)\b")
_THIRD_PARTY = _pattern(
    r"(\bfriend|\bsomeone\b|\bsomebody\b|\bquelqu'un\b|\bune? ami|\bmon ami|\bma copine|\bmon copain|\bsa7b|"
    r"\bsahb|\bchi (wa7ed|wahd|7ed|had)\b|\bshi (wa7ed|wahd)\b|صديق|صاحبي|صاحبتي|\bشخص\b|شي واحد|شي حد)"
)
_DARIJA_IF = _pattern(r"\bالا\b")
_HYPOTHETICAL = _pattern(
    r"(\bila\b|\bilakan\b|\bsi\b|\bif\b|\bwhat if\b|\bimagine\b|\bexemple\b|\bإذا\b|\bاذا\b|\bلو\b)"
)
_IDIOMS = _pattern(
    r"(kill me if|me tuer si|y[9q]t[ae]?lni ila|t[9q]t[ae]?lni ila|tuer si je|kill me when|mort de rire|"
    r"\bقتلني بالضحك|"
    # a game or a film: "in the game they kill me"
    r"in the game|in a game|dans (le|un) jeu|\bf ?l ?lo3ba|فاللعبه|في اللعبه|"
    # "mort de fatigue", "dying to talk", "dead tired", "died laughing", "mt bdd7k", "متت بالضحك" (not "mort de peur")
    r"(mort|morte|meurs) de (rire|fatigue|faim|honte|ennui|envie)|dying (to|for) |dead tired|died (of )?laugh|"
    r"\bm(a|e)?tt? b(e|d)?d(d)?7k|\b(mt|mat|n?mout|n?mot|ghan?mout) (b ?l ?3ya|b ?l ?3aya|bd+7k|b ?d7ik)\b|(مت|متت|ميت|نموت|اموت) (بالضحك|بالعيا|من الضحك|من التعب|شوقا)|"
    # school things that "kill": "this exam is killing me", "les maths me tuent", "had lwajib ghadi y9telni"
    r"(exam|homework|school|math|test|revision|devoir|examen|cours|bac|controle|wajib|imti7an|9raya|qraya|"
    r"mdrasa|الامتحان|الواجب|القرايه|الدروس|المدرسه|الباك|الفرض)\S* (is |are |va |vont |ghadi |gha |rah |غادي |راه )?"
    r"(killing me|kill me|me tue|me tuent|y?[9q]t[ae]?lni|[9q]atl[aei]?ni|يقتلني|تقتلني|قاتلاني|قاتلني)|"
    r"(يقتلني|تقتلني|ستقتلني|سيقتلني) (اذا|الا|لو))"
)

# Laughter ("hhh", "ههه" which normalises to "ه", lol, mdr): a joke, or nervous laughter; never enough alone.
_LAUGHTER = _pattern(r"(\bmdr\b|\blol\b|\bhh+\b|\bxd\b|\bه\b)")

_COMPILED = {code: [_pattern(p) for p in pats] for code, pats in _SIGNAL_PATTERNS.items()}

DANGER_SIGNALS = frozenset(
    {"danger_now", "suicide_intent", "suicide_plan", "means", "attempt", "medical", "afraid_home"}
)
SUICIDE_SIGNALS = frozenset({"suicide_intent", "suicide_plan", "means", "attempt"})


# Sexual assault in the last hours and a child lost at night are immediate danger (shared DOMAIN.md, P1).
_RAPE = _pattern(r"(ghta?s?b|\bviol(?!en)|\brape|اغتا?صب|agression sexuelle|sexual(ly)? assault)")
_LAST_HOURS = _pattern(
    r"(\bhours?\b|heures?|\bsa3a|ساعه|just now|tout a l'heure|tonight|ce soir|\blyoum|today|aujourd'hui|اليوم|"
    r"الليله|\bdaba\b|\bdba\b|\bnow\b|maintenant|الان|دابا)"
)
_LOST = _pattern(r"(\blost\b|perdue?\b|\btl(e|a)?f(at|et|t)?\b|ضاع|ضايع|تلف|مفقود)")
# Who is lost: a child or the writer, not a phone.
_LOST_PERSON = _pattern(
    r"(sister|brother|child|kid|son\b|daughter|baby|soeur|frere|enfant|fils|fille|petite?\b|khti|khoya|wldi|bnti|"
    r"lbent|lweld|\btfl|ختي|خويا|ولدي|بنتي|الطفل|اختي|اخي|ابني|ابنتي|i'?m lost|i am lost|je suis perdue?|"
    r"\bana tayh|\btlft\b|تلفت|انا ضايع)"
)
_LOST_THING = _pattern(
    r"(phone|portable|telephone|tilifoun|tilifon|تيليفون|هاتف|key|cles|\bsac\b|\bbag\b|money|argent|flous|فلوس)"
)
_NIGHT = _pattern(r"(\bnight\b|\bdark\b|\bnuit\b|\blil\b|\bllil\b|الليل|ليل|الظلام)")

# Codes whose words, once cancelled (negated, an idiom, hypothetical, past), make a danger reading doubtful.
DEFUSABLE_SIGNALS = DANGER_SIGNALS | {"physical_abuse", "sexual_abuse"}


@dataclass
class Signals:
    codes: list[str] = field(default_factory=list)
    live_danger: list[str] = field(default_factory=list)
    defused: bool = False

    @property
    def danger(self) -> bool:
        """True when a message signals immediate danger that is neither negated nor an idiom."""
        return bool(self.live_danger)

    @property
    def doubts_danger(self) -> bool:
        """True when the words argue against a danger reading: "I'm not in danger", a negated or past danger,
        an idiom ("my mum will kill me if I fail"), or a hypothetical about someone else; never with live danger."""
        return self.defused and not self.live_danger

    @property
    def danger_intent(self) -> str | None:
        """The danger intent this message should trigger, if any."""
        if not self.live_danger:
            return None
        if SUICIDE_SIGNALS.intersection(self.live_danger):
            return "suicide_risk"
        if "medical" in self.live_danger:
            return "medical_emergency"
        return "danger_now"


_CLAUSE_BREAK = _pattern(r"[,.;:!?،؟]|\b(w|et|and|but|mais|walakin|wlakin|lakin|و|ولكن|لكن)\b")


_NEGATED_VERB = _pattern(r"^\S+(ch|sh|ش)\b")


def _negated(norm: str, match: re.Match[str]) -> bool:
    """A negator in the 20 characters before the match, within its clause, or Darija's -ch closing the verb
    ("kaydrebnich" after the match, "bghitch nmout" inside it)."""
    window = norm[max(0, match.start() - 20) : match.start()]
    window = _CLAUSE_BREAK.split(window)[-1]
    return bool(
        _NEGATORS.search(window) or _NEGATED_SUFFIX.match(norm[match.end() :]) or _NEGATED_VERB.match(match.group(0))
    )


def detect_signals(text: str) -> Signals:
    """Signal codes (shared DOMAIN.md names) found in `text`, with negation / hypothetical flags.

    A danger match preceded by a negator ("I don't want to die", "he doesn't hit me anymore", "ma b9ach
    kaydrebni") or closed by Darija's -ch ("kaydrebnich") is negated. Idioms ("my mum will kill me if I fail",
    "this exam is killing me"), hypotheticals and past events ("when I was little") cancel `danger_now` only;
    a hypothetical about someone else ("what if a friend wants to die") also cancels suicide words. Attempt and
    medical words are kept even then: when in doubt, round up.
    """
    norm = normalise(text)
    found: list[str] = []
    negated_codes: set[str] = set()
    for code, patterns in _COMPILED.items():
        for pattern in patterns:
            match = pattern.search(norm)
            if not match:
                continue
            # Medical words are often negative ("not breathing", "ma kaytnfsch"); safe_now carries its own negation.
            if code not in ("medical", "safe_now") and _negated(norm, match):
                negated_codes.add(code)
            found.append(code)
            break
    idiom = bool(_IDIOMS.search(norm))
    conditional = bool(_HYPOTHETICAL.search(norm))
    joking = bool(_LAUGHTER.search(norm)) and not _PRESENT.search(norm)
    hypothetical = idiom or conditional or joking
    # Darija "ila" in Arabic script (الا) is also MSA "except": a conditional only when speaking of someone else.
    about_someone_else = (conditional or bool(_DARIJA_IF.search(norm))) and bool(_THIRD_PARTY.search(norm))
    past = "past" in found and not {"ongoing", "recent"} & set(found) and not _AGAIN.search(norm)
    if "danger_now" not in found and (
        (
            "sexual_abuse" in found
            and "sexual_abuse" not in negated_codes
            and _RAPE.search(norm)
            and _LAST_HOURS.search(norm)
        )
        or (_LOST.search(norm) and _NIGHT.search(norm) and _LOST_PERSON.search(norm) and not _LOST_THING.search(norm))
    ):
        found.append("danger_now")
    live_danger = {c for c in found if c in DANGER_SIGNALS and c not in negated_codes}
    if hypothetical or past:
        live_danger.discard("danger_now")
    if idiom:
        live_danger -= (
            {"suicide_plan", "means"} if not live_danger & {"suicide_intent", "attempt", "medical"} else set()
        )
    if about_someone_else and not live_danger & {"attempt", "medical"}:
        live_danger -= {"suicide_intent", "suicide_plan", "means"}
    # Words for wishing to be dead or for self-harm keep a danger reading open whatever else is said.
    defused = not ({"passive_ideation", "self_harm"} & (set(found) - negated_codes)) and (
        "safe_now" in found
        or idiom
        or about_someone_else
        # A negation or the past says nothing about now when the message also speaks of now.
        or (not _PRESENT.search(norm) and (bool(negated_codes & DEFUSABLE_SIGNALS) or past))
    )
    if hypothetical:
        found.append("hypothetical")
    if negated_codes:
        found.append("negation")
    return Signals(codes=found, live_danger=sorted(live_danger), defused=defused)
