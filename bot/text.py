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
    "بغيت بغينا واش شنو اشنو شكون كيفاش دابا ديال ديالي ديالك ماشي بزاف حيت حتى راه راني راها غير والو كلشي "
    "كنبغي كيضربني كيضربوني كتضربني نهضر نهدر مع شي واحد فين علاش مزيان واخا اه لا صافي عافاك سمحلي "
    "كاين كاينه ماكاينش خايف خايفه بابا ماما خويا ختي الدار دارنا المدرسه القرايه ليوم البارح غدا "
    "ماعرفتش معرفتش عرفت كيضرب كنحس كنخاف ولد بنت دراري السلام سلام مرحبا"
)
_MSA = _norm_set(
    "اريد أريد نريد ماذا لماذا هل الان الآن ليس لست كيف حالك انا أنا اشعر أشعر يضربني ابي أبي امي أمي "
    "التحدث اتحدث أتحدث شخص احد أحد نعم لكن هذا هذه الذي التي عندما المدرسة منزل المنزل والدي والدتي "
    "اخاف أخاف لدي عندي يجب يمكن يمكنني ساعدني مساعده مساعدة شكرا اعرف أعرف لا_اعرف"
)

_SWITCH = [
    (re.compile(r"\b(francais|french|fransawiya|fransawia|fransia|b ?l ?francais)\b"), "fr"),
    (re.compile(r"\b(english|anglais|englais|ingliz[iy]+a|inglizia|b ?l ?anglais)\b"), "en"),
    (
        re.compile(
            r"\b(tamazight|tamazi[gɣ]t|amazigh|tachelhit|tachl7it|chel7a|tarifit|rifia)\b|ⵜⴰⵎⴰⵣⵉⵖⵜ|امازيغيه|الامازيغيه|تمازيغت|شلحه|بالشلحه"
        ),
        "tzm",
    ),
    (re.compile(r"\b(darija|derija|daraja|darja|b ?darija|b ?ddarija)\b"), "darija_lat"),
    (re.compile(r"الدارجه|بالدارجه|دارجه|الداريجه"), "darija_ar"),
    (re.compile(r"\b(arabe|arabic|l3arbia|l3arabiya|fos7a|fus7a|fusha)\b|بالعربيه|العربيه|الفصحي|بالفصحي|عربيه"), "ar"),
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


def detect_language(text: str) -> str | None:
    """Best guess of the language and script of `text`, or None when too little evidence.

    Script first (Tifinagh -> tzm, Arabic script -> darija_ar / ar), then markers: Darija words and Arabizi
    digits inside words (m3a, wa7ed, 9raya) outweigh French code-switching ("bba kaydrebni tous les jours").
    """
    if _TIFINAGH.search(text):
        return "tzm"
    tokens = words(text)
    arabic_chars = len(_ARABIC.findall(text))
    latin_chars = len(_LATIN.findall(text))
    if arabic_chars > latin_chars:
        darija = sum(t in _DARIJA_AR for t in tokens)
        msa = sum(t in _MSA for t in tokens)
        if msa > darija:
            return "ar"
        if darija > msa:
            return "darija_ar"
        arabic_words = sum(bool(_ARABIC.search(t)) for t in tokens)
        return "darija_ar" if arabic_words >= 4 else None
    if latin_chars == 0:
        return None
    scores = {
        "darija_lat": 2 * sum(t in _DARIJA_LAT for t in tokens)
        + 2 * sum(bool(_ARABIZI_DIGIT.search(t)) for t in tokens),
        "fr": sum(t in _FRENCH for t in tokens),
        "en": sum(t in _ENGLISH for t in tokens),
        "tzm": 3 * sum(t in _TAMAZIGHT_LAT for t in tokens),
    }
    best = max(scores, key=scores.get)
    ordered = sorted(scores.values(), reverse=True)
    if ordered[0] == 0 or ordered[0] == ordered[1]:
        return None
    return best


# ---------------------------------------------------------------- signals

# Each entry: signal code -> regexes over normalised text. Deliberately phrase-level: words for means and timing
# predict risk better than words for feelings (see shared DOMAIN.md).
_SIGNAL_PATTERNS: dict[str, list[str]] = {
    "suicide_intent": [
        r"bghit n?mou?t",
        r"bghit nmot",
        r"n[9q]t[ae]?l ra?s+i",
        r"nt?[n]?t[ae]?7[ae]?r",
        r"nintahr",
        r"je veu[xt] mourir",
        r"envie de mourir",
        r"me suicider",
        r"me tuer",
        r"en finir",
        r"mettre fin a (ma|mes) vie",
        r"kil+ my ?self",
        r"want to die",
        r"end(ing)? (my|it) (life|all)",
        r"ending it",
        r"ending my life",
        r"suicid",
        r"wanna die",
        r"بغيت نموت",
        r"نقتل راسي",
        r"ننتحر",
        r"انتحر",
        r"اريد ان اموت",
        r"اقتل نفسي",
        r"انهي حياتي",
        r"الانتحار",
    ],
    "suicide_plan": [
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
        r"ma kayt?nfs",
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
        r"(hitting|beating) me (right )?now",
        r"help me now",
        r"m[9q]fl 3liya",
        r"m9foul",
        r"enferme",
        r"locked (me )?in",
        r"tab3ni",
        r"kaytb3ni",
        r"me suit",
        r"following me",
        r"\bdaba\b.*\b(3teqni|3te9ni)",
        r"a l'aide",
        r"au secours",
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
        r"اغتصب",
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
        r"me frappe",
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
        r"il y a \d+ ans",
        r"years ago",
        r"mli kont sghir",
        r"quand j'etais petit",
        r"when i was (little|young)",
        r"هادي .* سنين",
        r"منذ سنوات",
        r"فاش كنت صغير",
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

_NEGATORS = re.compile(
    r"(\bmab|\bmach\b|\bmachi\b|\bmab9ach\b|\bmabqach\b|\bne\b|\bn'|\bpas\b|\bnot\b|n't\b|\bnever\b|"
    r"\bjamais\b|\bno longer\b|\bما\b|\bلا\b|\bليس\b|\bلم\b|\bماشي\b|\bمابقاش\b)"
)
_HYPOTHETICAL = re.compile(
    r"(\bila\b|\bilakan\b|\bsi\b|\bif\b|\bwhat if\b|\bimagine\b|\bexemple\b|\bإذا\b|\bاذا\b|\bلو\b)"
)
_IDIOMS = re.compile(
    r"(kill me if|me tuer si|y[9q]t[ae]?lni ila|t[9q]t[ae]?lni ila|tuer si je|kill me when|mort de rire|"
    r"\bmdr\b|\blol\b|\bhh+\b|\bxd\b|\bقتلني بالضحك)"
)

_COMPILED = {code: [re.compile(_REPEATS.sub(r"\1", p)) for p in pats] for code, pats in _SIGNAL_PATTERNS.items()}

DANGER_SIGNALS = frozenset(
    {"danger_now", "suicide_intent", "suicide_plan", "means", "attempt", "medical", "afraid_home"}
)
SUICIDE_SIGNALS = frozenset({"suicide_intent", "suicide_plan", "means", "attempt"})


@dataclass
class Signals:
    codes: list[str] = field(default_factory=list)
    live_danger: list[str] = field(default_factory=list)

    @property
    def danger(self) -> bool:
        """True when a message signals immediate danger that is neither negated nor an idiom."""
        return bool(self.live_danger)

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


def detect_signals(text: str) -> Signals:
    """Signal codes (shared DOMAIN.md names) found in `text`, with negation / hypothetical flags.

    A danger match preceded by a negator ("I don't want to die", "he doesn't hit me anymore") is negated.
    Idioms ("my mum will kill me if I fail") and hypotheticals cancel `danger_now` only; suicide, attempt and
    medical words are kept even in a conditional sentence: when in doubt, round up.
    """
    norm = normalise(text)
    found: list[str] = []
    negated_codes: set[str] = set()
    for code, patterns in _COMPILED.items():
        for pattern in patterns:
            match = pattern.search(norm)
            if not match:
                continue
            window = norm[max(0, match.start() - 20) : match.start()]
            # Medical words are often negative ("not breathing", "ma kaytnfsch"): negation does not cancel them.
            if code != "medical" and _NEGATORS.search(window):
                negated_codes.add(code)
            found.append(code)
            break
    idiom = bool(_IDIOMS.search(norm))
    hypothetical = idiom or bool(_HYPOTHETICAL.search(norm))
    live_danger = {c for c in found if c in DANGER_SIGNALS and c not in negated_codes}
    if hypothetical:
        live_danger.discard("danger_now")
    if idiom:
        live_danger -= (
            {"suicide_plan", "means"} if not live_danger & {"suicide_intent", "attempt", "medical"} else set()
        )
    if hypothetical:
        found.append("hypothetical")
    if negated_codes:
        found.append("negation")
    return Signals(codes=found, live_danger=sorted(live_danger))
