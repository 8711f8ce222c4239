"""Hand-written cases per language, including the hard ones: negation, past, hypotheticals, idioms, pranks."""

from dataclasses import dataclass, field

from triage.scoring import Level


@dataclass(frozen=True)
class Case:
    """One message, the level it must get and signal codes it must carry."""

    label: str
    text: str
    level: Level
    codes: frozenset[str] = field(default_factory=frozenset)
    language: str | None = None
    absent: frozenset[str] = field(default_factory=frozenset)
    rules_level: bool = False
    """The level is what the rules guarantee; the recall-first model may round it up (a hard negative of the rules,
    such as the person who harms being away, need not be one of the model's)."""


def case(
    label: str,
    text: str,
    level: str,
    *codes: str,
    language: str | None = None,
    absent: str = "",
    rules_level: bool = False,
) -> Case:
    """Builds a case tersely; `absent` lists codes that must not be found (space-separated)."""
    return Case(label, text, Level(level), frozenset(codes), language, frozenset(absent.split()), rules_level)


P1, P2, P3, P4 = "P1", "P2", "P3", "P4"

EN = [
    case("en-intent-tonight", "I want to kill myself tonight", P1, "suicide_intent", language="en"),
    case("en-ibuprofen", "i just took 30 ibuprofen", P1, "means", "attempt", language="en"),
    case("en-pill-emoji-plan", "💊💊 this is my last message", P1, "means", language="en"),
    case("en-rope", "I have the rope ready", P1, "means"),
    case("en-roof", "I'm on the roof and I want to jump off", P1, "suicide_plan"),
    case("en-hit-now", "my dad is hitting me right now", P1, "physical_abuse", "danger_now"),
    case("en-afraid-home", "I'm scared to go home tonight", P1, "afraid_home"),
    case("en-lost-toddler", "my 3 year old son is lost at the beach", P1, "missing_runaway", "young_child"),
    case("en-ongoing", "my dad hits me every day", P2, "physical_abuse", "ongoing", rules_level=True),
    case("en-self-harm", "I've been cutting myself for months", P2, "self_harm", rules_level=True),
    case("en-sextortion", "he says he will post my photos if I don't pay", P2, "online_exploitation", rules_level=True),
    case("en-negation", "he doesn't hit me anymore", P3, "negation", "physical_abuse"),
    case("en-past", "my uncle hit me three years ago, he moved away", P3, "past"),
    case("en-hypothetical-abuse", "what if a friend gets hit by her parents sometimes?", P2, "hypothetical"),
    case("en-hypothetical-pills", "what if someone took a lot of pills?", P2, "hypothetical"),
    case("en-idiom-mum", "my mum will kill me if I fail", P2),
    case("en-idiom-homework", "this homework is killing me", P2),
    case("en-threat-is-not-idiom", "he said he will kill me if I tell anyone", P1, "danger_now"),
    case("en-bullying", "they make fun of me at school", P3, "bullying", rules_level=True),
    case("en-greeting", "hello", P4, "greeting", language="en"),
    case("en-prank", "lol just testing", P4, "prank"),
    case("en-info", "is this service free?", P4, "info_request"),
    # An adult about ongoing abuse with no danger tonight in the text: P2, as every labelled set reads it (once P1
    # here, by a model that could not tell who writes; a child writing it would be raised to P1).
    case("en-worried-adult", "I'm worried about my nephew, he has bruises and says his dad did it", P2),
    case("en-child-bruises", "my dad gave me bruises again, im 13", P1, "physical_abuse"),
    # Third round, systematic coverage: farewells, timing, negated life, everyday means, danger from someone now.
    case("en-farewell", "this is goodbye. tell my mum i love her", P1, "suicide_plan"),
    case("en-timing-after-sleep", "ill do it tonight after everyone sleeps", P1, "suicide_plan"),
    case("en-negated-life-is-ideation", "i dont wanna live anymore", P1, "suicide_intent"),
    case("en-no-longer-alive", "i no longer want to be alive", P1, "suicide_intent"),
    case("en-vehicle", "decided. tmrw morning im jumping in front of the bus", P1, "suicide_plan"),
    case("en-brand-swallowed", "i swallowed my dads tramadol", P1, "attempt", "means"),
    case("en-found-hanging", "i found my brother hanging in his room", P1, "attempt"),
    case("en-intruder", "someone broke in and hes downstairs", P1, "danger_now"),
    case("en-his-bed-tonight", "my stepdad says i have to sleep in his bed tonight", P1, "sexual_abuse", "danger_now"),
    case("en-forced-into-van", "two men pulled my cousin into a van", P1, "danger_now"),
    case("en-thrown-out-tonight", "dad threw me out, i have nowhere to sleep tonight", P1, "afraid_home"),
    case("en-belt-stairs", "he took off his belt and hes coming up the stairs", P1, "danger_now"),
    case(
        "en-never-kill-myself",
        "i would never kill myself, i just feel sad",
        P3,
        absent="suicide_plan",
        rules_level=True,
    ),
    case("en-idiom-report-card", "my dad will kill me when he sees my report card", P2, absent="danger_now"),
    case("en-idiom-scared-to-death", "scared to death of my exam tomorrow", P3, absent="suicide_intent"),
]

FR = [
    case("fr-suicide-soir", "je veux me suicider ce soir", P1, "suicide_intent", language="fr"),
    case("fr-no-accents", "j'ai avale tous les medicaments de ma mere", P1, "attempt", language="fr"),
    case("fr-accents", "j'ai avalé tous les médicaments de ma mère", P1, "attempt", language="fr"),
    case("fr-frappe-maintenant", "mon père me frappe maintenant", P1, "physical_abuse", "danger_now"),
    case("fr-peur-rentrer", "j'ai peur de rentrer à la maison", P1, "afraid_home"),
    case("fr-tous-les-jours", "ma mère me frappe tous les jours", P2, "ongoing", rules_level=True),
    case(
        "fr-mariage", "mes parents veulent me marier cet été, j'ai 15 ans", P1, "child_marriage"
    ),  # P2, a child writing
    case("fr-negation", "il ne me frappe plus depuis que ma mère est partie", P3, "negation"),
    case("fr-passe", "quand j'étais petite mon oncle me touchait, il est mort", P3, "past"),
    case("fr-idiome", "ma mère va me tuer si je rate le bac", P2),
    case("fr-mort-de-rire", "mort de rire 😂", P4),
    case("fr-bonjour", "bonjour", P4, "greeting", language="fr"),
    case("fr-droits", "quels sont mes droits ?", P4, "info_request"),
    case("fr-negated-life-is-ideation", "j'ai plus envie de vivre", P1, "suicide_intent"),
    case("fr-timing-sleep", "jvais le faire cette nuit quand tout le monde dort", P1, "suicide_plan"),
    case("fr-farewell", "dites à mon petit frère que je l'aime, c'est un adieu", P1, "suicide_plan"),
    case("fr-brand-plaquette", "j'ai avalé toute la plaquette de lexomil", P1, "attempt", "means"),
    case("fr-esprit-de-sel", "je vais boire de l'esprit de sel", P1, "suicide_plan"),
    case("fr-followed-waiting", "un type m'a suivie depuis le tram et il m'attend en bas", P1, "danger_now"),
    case("fr-baton-porte", "il est derrière ma porte avec un bâton", P1, "danger_now"),
    case(
        "fr-son-lit-cette-nuit",
        "mon cousin veut que je dorme dans son lit cette nuit",
        P1,
        "sexual_abuse",
        "danger_now",
    ),
    case("fr-forcee-voiture", "ils l'ont forcée à monter dans une voiture", P1, "danger_now"),
    case("fr-mise-a-la-porte", "mon père m'a mise à la porte, je dors dehors ce soir", P1, "afraid_home"),
    case("fr-menace-is-not-manik", "mon frère nous menace avec une machette", P1, "danger_now", absent="info_request"),
    case("fr-idiom-bulletin", "mon père va me tuer quand il verra mon bulletin", P2, absent="danger_now"),
    case("fr-past-ideation", "avant je pensais à me suicider mais ça va mieux maintenant", P3, "past"),
]

DARIJA_LAT = [
    case("dl-kaydrebni-daba", "bba kaydrebni daba", P1, "physical_abuse", "danger_now", language="darija_lat"),
    case("dl-kidrabni-dba", "bba kidrabni dba", P1, "physical_abuse", "danger_now", language="darija_lat"),
    case("dl-kaydarbni-db", "bba kaydarbni db", P1, "physical_abuse", "danger_now", language="darija_lat"),
    case("dl-n9tel-rasi", "bghit n9tel rasi", P1, "suicide_intent", language="darija_lat"),
    case("dl-nqtl-rassi", "bghit nqtl rassi lyoum", P1, "suicide_intent"),
    case("dl-dwa", "chrbt dwa bzaf", P1, "attempt"),
    case("dl-pills-now", "3ndi l7bob 💊 w ghadi nchrbhom daba", P1, "means"),
    case("dl-afraid-home", "khayfa nrje3 l dar", P1, "afraid_home"),
    case(
        "dl-code-switch",
        "bba kaydrebni tous les jours",
        P2,
        "physical_abuse",
        "ongoing",
        language="darija_lat",
        rules_level=True,
    ),
    case("dl-negation", "ma bqach kaydrebni", P3, "negation", "physical_abuse"),
    case("dl-negation-joined", "bba mab9ach kaydrbni", P3, "negation"),
    case("dl-past", "hadi 3 snin kan kaydrebni bba", P3, "past"),
    case("dl-hypothetical", "wach ila chi wa7ed kaydrbo bbah?", P3, "hypothetical"),
    case("dl-idiom", "ghadi y9tlni bba ila sqatt", P2),
    case("dl-idiom-direct", "mama ghadi t9tlni ila chafat nno9at", P2),
    case("dl-threat", "ghadi y9tlni ila hdrt", P1, "danger_now"),
    case("dl-salam", "salam", P4, "greeting", language="darija_lat"),
    case("dl-prank", "hhhhh test", P4, "prank"),
    # Third round: a negation that says there is nothing left to live for is ideation, not softening; means in
    # everyday words (razors, knives) with beating now is danger; idioms of dying and killing are not.
    case("dl-negated-life-is-ideation", "ma b9itch bghit n3ich, safi 3yit", P1, "suicide_intent"),
    case("dl-negated-life-joined", "mab9itch baghi n3ich", P1, "suicide_intent"),
    case("dl-go-to-god", "bghit nmchi 3nd rbi", P1, "suicide_intent"),
    case("dl-tonight-farewell", "ghadi ndirha had lila, sm7o lia 3la kolchi", P1, "suicide_intent"),
    case("dl-razors-beating-now", "jaw jouj d rjal l dar b lmwas w kaydrbo khoya", P1, "means", "danger_now"),
    case("dl-knife-in-hand", "bba chad jenwi w kaydreb mama", P1, "danger_now"),
    case("dl-sleeping-pills-box", "chrebt lbwata kamla dyal dwa dyal nn3as", P1, "attempt"),
    case("dl-nowhere-to-sleep", "khrjouni mn ddar w ma 3ndi fin nbat", P1, "afraid_home"),
    case("dl-taken-by-force", "hezzoha b jjehd f tomobil", P1, "trafficking"),
    case("dl-had-li-is-not-tonight", "khali howa had li kaydrebni", P2, absent="danger_now", rules_level=True),
    case("dl-idiom-laughing", "mt mn dd7k m3a sa7bati f lmdrasa", P3, absent="suicide_intent"),
    case("dl-idiom-bac", "lbac ghadi y9tlni, ma 9rit walou", P2, absent="danger_now"),
    case("dl-idiom-ymoutni", "bba ghadi ymoutni ila chaf nno9at", P2, absent="danger_now"),
]

DARIJA_AR = [
    case("da-daba", "بابا كيضربني دابا", P1, "physical_abuse", "danger_now", language="darija_ar"),
    case("da-suicide", "بغيت نقتل راسي", P1, "suicide_intent", language="darija_ar"),
    case("da-conjunction", "وكيضربني كل نهار", P2, "physical_abuse", "ongoing", rules_level=True),
    case("da-diacritics", "بَابَا كَيْضْرَبْنِي دَابَا", P1, "physical_abuse"),
    case("da-negation", "ما بقاش كيضربني", P3, "negation"),
    case("da-past", "هادي 3 سنين كان كيضربني", P3, "past"),
    case("da-idiom", "بابا غادي يقتلني إلا سقطت", P2),
    case("da-greeting", "السلام عليكم", P4, "greeting"),
    case("da-negated-life-is-ideation", "ما بقيتش بغيت نعيش", P1, "suicide_intent"),
    case("da-knife-beating-now", "واحد الراجل شاد السكين وكيضرب خويا", P1, "danger_now", "means"),
    case("da-razors-clitic", "دخلو علينا بالمواس", P1, "danger_now", "means"),
    case("da-last-message", "هادي آخر رسالة، سمحو ليا على كلشي", P1, "suicide_plan"),
    case("da-idiom-bac", "الباك غادي يقتلني هاد العام", P2, absent="danger_now"),
]

AR = [
    case("ar-suicide", "أريد أن أقتل نفسي الليلة", P1, "suicide_intent", language="ar"),
    case("ar-hamza-free", "اريد ان اموت", P1, "suicide_intent", language="ar"),
    case("ar-hit-now", "أبي يضربني الآن", P1, "physical_abuse", "danger_now", language="ar"),
    case("ar-ongoing", "أبي يضربني كل يوم", P2, "ongoing", rules_level=True),
    case("ar-negation", "لم يعد يضربني", P3, "negation"),
    case("ar-past", "عندما كنت صغيرا كان أبي يضربني", P3, "past"),
    case("ar-idiom", "أمي ستقتلني إذا رسبت", P2),
    case("ar-greeting", "مرحبا", P4, "greeting", language="ar"),
    case("ar-no-reason-to-live", "لم يعد لدي سبب للعيش", P1, "suicide_intent"),
    case("ar-do-it-tonight", "سأفعلها الليلة", P1, "suicide_intent"),
    case("ar-last-message", "هذه رسالتي الأخيرة، سامحوني على كل شيء", P1, "suicide_plan"),
    case("ar-stranger-car-young", "رجل غريب أخذ ابن جيراننا ذا الست سنوات في سيارته", P1, "trafficking", "young_child"),
    case("ar-idiom-laughing", "سأموت من الضحك في المدرسة اليوم", P3, absent="suicide_intent"),
    case("ar-idiom-exam", "الامتحان سيقتلني، لم أراجع شيئا", P2, absent="danger_now"),
    case("ar-sometimes-think-of-method", "أحيانا أفكر في تناول كل الحبوب لكنني لن أفعل", P2, "hypothetical"),
]

TZM = [
    case("tzm-latin-intent", "righ ad mmtegh", P1, "suicide_intent", language="tzm"),
    case("tzm-tifinagh-intent", "ⵔⵉⵖ ⴰⴷ ⵎⵎⵜⵖ", P1, "suicide_intent", language="tzm"),
    case("tzm-hit-now", "baba ikkat iyi ghilad", P1, "physical_abuse", "danger_now", language="tzm"),
    case("tzm-tifinagh-hit-now", "ⴱⴰⴱⴰ ⵉⴽⴽⴰⵜ ⵉⵢⵉ ⵖⵉⵍⴰⴷ", P1, "physical_abuse", language="tzm"),
    case("tzm-negation", "baba ur sul ikkat iyi", P3, "negation"),
    case("tzm-azul", "azul", P4, "greeting", language="tzm"),
    case("tzm-tifinagh-azul", "ⴰⵣⵓⵍ", P4, "greeting", language="tzm"),
    case("tzm-negated-life-is-ideation", "ur sul riɣ tudert, rad mmteɣ yiḍ ad", P1, "suicide_intent"),
    case("tzm-tifinagh-negated-life", "ⵓⵔ ⵙⵓⵍ ⵔⵉⵖ ⵜⵓⴷⵔⵜ", P1, "suicide_intent"),
    case("tzm-pills-swallowed", "ccigh kullu lḥbub n imma", P1, "attempt"),
    case("tzm-intruder", "yan urgaz ikcm s tgmmi", P1, "danger_now"),
    case("tzm-sleep-with-him-tonight", "ira ad ggnɣ dids yiḍ ad", P1, "sexual_abuse", "danger_now"),
    case("tzm-thrown-out", "issufɣ iyi baba, ur dari mani ggnɣ yiḍ ad", P1, "afraid_home"),
    case("tzm-not-breathing", "gma ur ar ittnfas", P1, "medical"),
    case("tzm-manik-greeting", "manik a tgit", P4, "info_request"),
]

# Kinds of error seen on the fresh held-out set (new wording): means at hand, ages without a unit or in words,
# durations that are not ages, a negated clause followed by an ongoing one, spelling collisions across languages.
HARD = [
    case("en-means-at-hand", "I've got the pills in my hand", P1, "suicide_plan", "means"),
    case(
        "en-blade-self-harm",
        "i cut my arm with a blade when i'm stressed, not deep",
        P2,
        "self_harm",
        absent="suicide_plan",
        rules_level=True,
    ),  # fmt: skip
    case("en-age-without-unit", "i'm 9 and my uncle hits me", P1, "physical_abuse", "young_child"),
    case("en-number-word-age", "my four year old sister is missing", P1, "missing_runaway", "young_child"),
    case("en-duration-is-not-age", "my dad hit me 3 years ago, he left", P3, "past", absent="young_child"),
    case("en-shouting-is-not-cutting", "my parents fight all the time and keep shouting", P3, absent="self_harm"),
    case("en-neighbour-is-not-nghbar", "hi, my neighbour told me about you", P4, absent="passive_ideation"),
    case("en-idiom-murder", "my mum is gonna murder me when she sees my room", P2, absent="danger_now"),
    case("en-perpetrator-still-home", "dad beat me with his belt, he's still in the house", P1, "perpetrator_access"),
    case("fr-jveux", "jveux mourir ce soir", P1, "suicide_intent"),
    case("fr-corde-chambre", "j'ai une corde dans ma chambre", P1, "suicide_plan"),
    case("fr-number-word-age", "ma fille de cinq ans a disparu", P1, "missing_runaway", "young_child"),
    case(
        "dl-negated-then-ongoing",
        "ma b9ach kaydrbni b smta walakin ba9i kaydrbni b ydih",
        P2,
        "ongoing",
        rules_level=True,
    ),
    case("dl-age-3ndi", "3ndi 10, bba kaydrbni", P1, "young_child"),
    case("dl-duration-chhour", "ma b9itch kanjra7 rasi hadi 6 chhour", P3, absent="young_child", rules_level=True),
    case("dl-means-at-hand", "3ndi l7bel f lbit", P1, "suicide_plan"),
    case("da-negated-then-ongoing", "ما بقاش كيضربني بالعصا ولكن باقي كيضربني بيدو", P2, "ongoing", rules_level=True),
    case("da-number-word-age", "خويا عندو ربعة سنين تلف لينا", P1, "young_child"),
    case(
        "ar-compound-number-is-not-young",
        "عمري ثلاثة عشر عاما وأبي يضربني كل يوم",
        P2,
        absent="young_child",
        rules_level=True,
    ),
    case("ar-number-word-age", "ابنتي عمرها خمس سنوات مفقودة", P1, "young_child"),
    case("ar-assault-hours-ago", "اعتدى علي رجل قبل ساعتين", P1, "sexual_abuse", "danger_now"),
    case("tzm-gamma-letter", "riɣ ad mmteɣ", P1, "suicide_intent"),
    case("tzm-please-is-not-imagine", "ttxil 3awnat iyi", P1, "danger_now", absent="hypothetical"),
    # Second round: means acted on (swallowed, about to be used, a height to throw oneself from) whatever the
    # verb's object; the verbs alone are not an attempt; a negation softens only what follows it.
    case("en-ingested-means", "took 15 of my grandma's sleeping tablets", P1, "attempt", "means"),
    case("en-took-the-bus", "i took the bus to school today", P3, absent="attempt"),
    case("fr-avale-de-travers", "j'ai avalé de travers à la cantine mdr", P4, absent="attempt"),
    case("dl-bl3t-is-not-an-attempt", "bl3t lsan dyali", P4, absent="attempt", rules_level=True),
    case("fr-about-to-use-means", "je vais avaler tous les cachets", P1, "suicide_plan"),
    case("ar-height-to-throw-oneself-from", "سأرمي نفسي من النافذة", P1, "suicide_plan"),
    case(
        "dl-negation-after-the-threat",
        "kayhdedni ynchr tsawri ila ma sifttlouch flous",
        P2,
        "online_exploitation",
        rules_level=True,
    ),
]

# Fourth round (kinds of P1 missed on fresh4, new wording): preparations and farewells without a word for suicide,
# euphemisms for an assault in the last hours, lures kept secret, a young child alone, a poison then no answer, the
# person who harms still in the house; and what must not become P1: the person who harms is away, a thought of a
# method the writer disavows, "when he drinks" (habitual), self-descriptions that are not someone's insults.
FOURTH = [
    case("en-letters-ready", "all my letters are written and everything is ready", P1, "suicide_plan"),
    case("en-stockpiled", "ive been stockpiling my antidepressants since june", P1, "suicide_plan"),
    case("en-ledge-nothing-left", "im on the ledge of the bridge, nothing left for me", P1, "suicide_plan"),
    case("en-euphemism-hours", "two hours ago my tutor did something to me", P1, "sexual_abuse", "danger_now"),
    case(
        "en-lure-secret",
        "a guy online says he has a job for me in paris, i must not tell my parents",
        P1,
        "trafficking",
    ),
    case(
        "en-small-kid-alone",
        "a small kid is alone on the street crying and its late",
        P1,
        "young_child",
        "missing_runaway",
    ),
    case("en-not-responding", "my brother drank bleach and isnt responding", P1, "medical"),
    case("en-still-downstairs", "he smashed my head on the table and hes still downstairs", P1, "perpetrator_access"),
    case(
        "en-away-not-now",
        "my uncle hits me when he visits, hes away this week",
        P2,
        absent="danger_now",
        rules_level=True,
    ),
    case(
        "en-disavowed-method",
        "i think about the pills sometimes but i won't do it",
        P2,
        "hypothetical",
        absent="suicide_plan",
    ),
    case("en-disavow-not-attempt", "i swallowed 20 paracetamol, i wont do anything else", P1, "attempt"),
    case(
        "en-when-he-drinks",
        "dad hits me when he is drunk, he's at work today",
        P2,
        absent="danger_now",
        rules_level=True,
    ),
    case(
        "en-self-worthless-is-not-abuse",
        "i feel worthless every day since the exams",
        P3,
        absent="emotional_abuse",
        rules_level=True,
    ),
    case("en-emotional-ongoing", "my mum says every day that im a mistake", P2, "emotional_abuse", "ongoing"),
    case("fr-tout-est-pret", "tout est prêt, j'ai laissé un mot pour ma soeur", P1, "suicide_plan"),
    case("fr-demain-plus-la", "demain je serai plus là, désolée", P1, "suicide_plan"),
    case(
        "fr-euphemisme-ce-matin",
        "ce matin le gardien m'a fait des choses dans la cave",
        P1,
        "sexual_abuse",
        "danger_now",
    ),
    case("fr-travail-secret", "une femme m'a promis un travail à paris, je dois le dire à personne", P1, "trafficking"),
    case(
        "fr-en-voyage",
        "mon oncle me frappe souvent mais il est en voyage maintenant",
        P2,
        absent="danger_now",
        rules_level=True,
    ),
    case(
        "fr-aucune-intention",
        "je pense parfois à me jeter du pont, j'ai aucune intention de le faire",
        P2,
        "hypothetical",
    ),
    case("ar-letters-ready", "كتبت رسائل لأصدقائي وكل شيء جاهز", P1, "suicide_plan"),
    case("ar-article-number", "جارنا ذو الخمسة عشر عاما يسخر مني في المدرسة", P3, absent="young_child"),
    case("ar-away", "أبي يضربني عندما يغضب وهو الآن في السجن", P2, absent="danger_now", rules_level=True),
    case(
        "ar-marriage-clitic",
        "قرر أبي تزويجي من رجل في الأربعين، عمري أربعة عشر عاما",
        P2,
        "child_marriage",
        rules_level=True,
    ),
    case("da-article-young", "شفت الدري صغير بوحدو فالزنقة", P1, "young_child"),
    case("da-lure-secret", "واحد المرا قالت ليا نمشي معاها لفاس وما نقول لحتى واحد", P1, "trafficking"),
    case("da-no-intention", "كنفكر نشرب الجافيل ولكن ما ناويش", P2, "hypothetical"),
    case("dl-farewell-note", "khllit likom risala f lbit, ma ghadich tl9awni ghda", P1, "suicide_plan"),
    case("dl-wedding-night", "ghadi ydiwni l dar rajli lyouma f lil w 3ndi 13 3am", P1, "child_marriage", "danger_now"),
    case("dl-sleep-his-room", "bba bghani n3ess f bitou had lila", P1, "sexual_abuse", "danger_now"),
    case("dl-away", "khali kaydrebni walakin daba howa msafer", P2, absent="danger_now", rules_level=True),
    case("dl-asks-for-a-person", "salam, bghit nhdr m3a chi wa7ed", P4, "info_request"),
    case("da-asks-for-a-person", "بغيت نهضر مع شي حد", P4, "info_request"),
    case("en-asks-for-a-person", "can i talk to a real person please", P4, "info_request"),
    case("tzm-wont-find-me", "azkka ur rad iyi tafm a baba", P1, "suicide_plan"),
    case(
        "tzm-early-today-is-now", "ass-a zikk iskr iyi kra ixxan urgaz", P1, "sexual_abuse", "danger_now", absent="past"
    ),
    case("tzm-locked-door", "iqqn tawwurt s tsarut, ksudɣ", P1, "danger_now"),
    case("tzm-not-home", "baba ar iyi ikkat, mach ur illi g tgmmi ghilad", P2, "negation", rules_level=True),
]

# Fifth round (kinds of P1 missed on fresh5, new wording): nightly visits to the child's room with the person there
# tonight, a belt and the person home within the hour, a teenager gone off in someone's car with the phone off, a
# farewell without a word for suicide, a question of how fast means would kill, violence heard through a wall now,
# debts for the journey, a young child out after dark in Tamazight; and what must not become P1: one's own phone off,
# "free fire", a thank-you that is only a thank-you, an exam that will "be over".
FIFTH = [
    case(
        "en-room-at-night-tonight",
        "my brother-in-law comes into my room once everyone's in bed and he's sleeping over tonight",
        P1,
        "sexual_abuse",
        "danger_now",
    ),
    case("en-belt-home-soon", "mum uses the belt on me and she will be home in an hour", P1, "danger_now"),
    case(
        "en-car-phone-off",
        "my daughter (14) got in a car with an older man at 4pm and her phone is off since",
        P1,
        "missing_runaway",
        "trafficking",
    ),
    case("en-wont-hear-again", "i'm grateful for the chats. you won't hear from me again", P1, "suicide_intent"),
    case("en-lethality", "would it kill me if i took all the sleeping pills with vodka", P1, "suicide_plan"),
    case("en-heard-through-wall", "i can hear him hitting the little one next door right now", P1, "danger_now"),
    case("en-debt-for-trip", "they say i must pay back the trip before i can go home", P1, "trafficking"),
    case(
        "en-own-phone-off", "my phone is off most days, my dad took it", P4, absent="missing_runaway", rules_level=True
    ),
    case("en-free-fire", "free fire is my favourite game, ur the best", P4, absent="info_request", rules_level=True),
    case(
        "fr-chambre-cette-nuit",
        "il vient dans ma chambre quand maman est de garde, et elle l'est cette nuit",
        P1,
        "sexual_abuse",
        "danger_now",
    ),
    case(
        "fr-voiture-portable",
        "mon fils est monté dans une voiture avec un inconnu, son portable est éteint",
        P1,
        "trafficking",
    ),
    case("fr-adieu", "ne vous inquiétez plus pour moi, merci pour tout adieu", P1, "suicide_intent"),
    case(
        "fr-coups-depuis",
        "j'entends des coups chez les voisins depuis un quart d'heure, un petit qui hurle arrête papa",
        P1,
        "physical_abuse",
        rules_level=True,
    ),
    case("fr-mariage-cousine", "mon oncle veut marier ma cousine de quinze ans", P2, "child_marriage"),
    case("fr-bac-fini", "ce sera fini en juin, le lycée", P3, absent="suicide_intent", rules_level=True),
    case("ar-room-tonight", "يدخل غرفتي زوج أمي كل ليلة وهو عندنا الليلة", P1, "sexual_abuse", "danger_now"),
    case("ar-stranger-phone", "ابنتي ذهبت مع رجل غريب وهاتفها مغلق منذ ساعات", P1, "trafficking"),
    case("ar-dont-worry", "لا تقلقوا علي بعد اليوم، سامحوني على كل شيء", P1, "suicide_intent"),
    case("ar-lethality", "هل سأموت إذا شربت كل حبوب أبي؟", P1, "suicide_plan"),
    case("da-car-phone-off", "ختي ركبات فطوموبيل مع شي واحد وتليفونها مسدود", P1, "trafficking"),
    case("da-lethality", "واش نموت دغيا إلا شربت جافيل؟", P1, "suicide_plan"),
    case("dl-room-tonight", "rajl khalti kaydkhol 3liya f lil, w had lila 3ndna", P1, "sexual_abuse", "danger_now"),
    case("dl-car-phone-off", "khouya mcha m3a wa7d f tomobil w tilifonu msdod mn sba7", P1, "trafficking"),
    case("dl-lethality", "wach ila chrebt ga3 dwa kanmot dghya?", P1, "suicide_plan"),
    case("dl-passport-debt", "dawli passport w galo khassni nkhalas lflous dyal tri9", P1, "trafficking"),
    case("dl-own-phone-off", "tel dyali tafi 7it mama khdato", P4, absent="missing_runaway", rules_level=True),
    case("tzm-child-night", "mmi dar-s 4 iseggusa, iffeɣ ur d-yuɣul, yuḍa yiḍ", P1, "young_child", "missing_runaway"),
    case("tzm-farewell", "smmhat iyi f kullu, ur sul ra tsflidm iyi", P1, "suicide_intent"),
    case("tzm-now-ghila", "baba ar iyi ikkat ghila", P1, "danger_now"),
]


# Sixth round (kinds of P1 missed on fresh6 and fresh7, new wording): the answer "danger now: yes" typed as text, a
# message that is only a call for help, the person who harms in the room while the child cannot speak, a lure with
# the journey set, a child pushed into a car, assault in the last hours said by euphemism, something swallowed, a
# question of how much it takes not to wake up, a farewell; and what must stay below P1: one "please", a parent
# picking the child up tonight, "can't talk, I'm in class", thoughts of a method not acted on, idioms, past abuse
# with "now" in a sentence saying the person is gone.
SIXTH = [
    case("en-typed-answer", "in danger now?? yes", P1, "danger_now"),
    case("en-plea-only", "someone help me!!", P1, "danger_now"),
    case("en-here-cant-talk", "he is in the next room, i cant speak. text only", P1, "danger_now"),
    case(
        "en-model-job-secret", "she found me a modelling job in agadir and said dont tell my parents", P1, "trafficking"
    ),
    case("en-pushed-into-car", "i just saw a man force a small boy into a car near the park", P1, "danger_now"),
    case("en-woke-up-clothes", "i woke up at his place an hour ago and my clothes were off", P1, "sexual_abuse"),
    case("en-one-please", "please", P4, absent="danger_now"),
    case(
        "en-pick-up-tonight",
        "dad is coming to pick me up tonight after training",
        P4,
        absent="trafficking",
        rules_level=True,
    ),
    case("en-cant-talk-class", "can't talk, in class rn", P3, absent="danger_now", rules_level=True),
    case(
        "en-thought-not-done",
        "i thought about the pills last week but i didnt do anything",
        P2,
        "hypothetical",
        rules_level=True,
    ),
    case("fr-typed-answer", "en danger maintenant : oui", P1, "danger_now"),
    case("fr-plea-hyphen", "aidez-moi s'il vous plaît", P1, "danger_now"),
    case("fr-cote-ecrit", "il est à côté, je peux pas parler, répondez par écrit", P1, "danger_now"),
    case("fr-forcee-voiture", "ils ont forcé une fille à monter dans leur voiture devant le collège", P1, "danger_now"),
    case("fr-cet-apres-midi", "cet après-midi mon oncle m'a frappée avec la ceinture", P1, "danger_now"),
    case("fr-avale", "mon frère de 15 ans dit qu'il a avalé quelque chose et s'est enfermé", P1, "medical"),
    case(
        "fr-bonne-papiers", "on m'a proposé de travailler comme bonne et la dame a gardé mes papiers", P1, "trafficking"
    ),
    case("fr-maman-ce-soir", "maman vient me chercher ce soir", P4, absent="trafficking", rules_level=True),
    case("fr-pas-fait", "j'ai pensé à me jeter du pont mais je ne l'ai pas fait", P2, "hypothetical", rules_level=True),
    case("ar-typed-answer", "الخطر الآن؟ نعم", P1, "danger_now"),
    case("ar-plea", "أنقذوني من فضلكم", P1, "danger_now"),
    case("ar-here-silent", "هو هنا الآن ولا أستطيع الكلام", P1, "danger_now"),
    case("ar-pushed-car", "رجل يدفع ولدا إلى سيارة أمام البيت", P1, "danger_now"),
    case("ar-swallowed", "أختي ابتلعت شيئا وتتقيأ", P1, "medical"),
    case("ar-idiom-fear", "سأموت من الخوف غدا في الامتحان", P3, absent="suicide_intent", rules_level=True),
    case(
        "ar-away-city",
        "تحرش بي قريب عندما كنت صغيرة، هو الآن يعيش في مدينة أخرى",
        P3,
        absent="danger_now",
        rules_level=True,
    ),
    case("da-here-silent", "راه حدايا دابا، ما نقدرش نتكلم", P1, "danger_now"),
    case("da-wake", "شحال خاص من الدوا باش ما نفيقش", P1, "suicide_plan"),
    case("da-did-that", "واحد دار ليا داكشي هاد العشية", P1, "sexual_abuse", "danger_now"),
    case("da-farewell", "ما غاديش تعاودو تسمعو عليا", P1, "suicide_intent"),
    case("da-not-done", "فكرت نشرب الجافيل ولكن ما درتش", P2, "hypothetical", rules_level=True),
    case("dl-plea", "3awnouni 3afakom", P1, "danger_now"),
    case("dl-please-thrice", "3afak 3afak 3afak", P1, "danger_now"),
    case("dl-please-once", "3afak", P4, absent="danger_now"),
    case("dl-here-silent", "howa 7daya daba, ma n9derch nhder", P1, "danger_now"),
    case("dl-belt-waiting", "ma nrj3ch l dar, kaytsnani b smta", P1, "afraid_home"),
    case("dl-lure-secret", "bghi ydini l casa nkhdem, 9ali ma tgouli l 7ta wa7ed", P1, "trafficking"),
    case("dl-runaway-days", "hrbt mn dar hadi 5 ayam", P2, "missing_runaway", absent="past", rules_level=True),
    case("dl-rabat-no-prank", "ana mn rbat", P4, absent="prank", rules_level=True),
    case(
        "dl-gone-now",
        "mlli kont f primaire chi wa7ed dar lia chi 7aja, daba ra7 mn l7ouma",
        P3,
        absent="danger_now",
        rules_level=True,
    ),
    case("tzm-plea", "awsat iyi", P1, "danger_now"),
    case("tzm-here-silent", "ha t ɣid, ur zmirɣ ad sawlɣ", P1, "danger_now"),
    case("tzm-fell-silent", "ultma tḍr ur tsawal ur tnkkr", P1, "medical"),
    case("tzm-age-n", "giɣ 7 n isggasn", P3, "young_child", rules_level=True),
]

# Seventh round (fresh8's misses, by kind, in new wording): a farewell without a word for suicide, a child gone to
# meet someone met online whose phone is off, a journey to work with the papers or phone taken and no way out, a
# threat that keeps a child out at night, a suicide threat tied to sextortion, "help" alone; and the hard negatives:
# "not now" after a thought of a method, an age or abuse "when I was 9", the person in prison or in another city,
# a question about a friend.
SEVENTH = [
    case("en-help-alone", "help", P1, "danger_now"),
    case(
        "en-met-online-phone-off",
        "my girl is 13, she went to meet a guy from snap and her phone is off",
        P1,
        "trafficking",
    ),
    case("en-not-going-home", "i'm not going home, he said he'll break my legs", P1, "afraid_home"),
    case("en-sextortion-threat", "he'll post my pics tonight, if it gets out i'll kill myself", P1, "suicide_intent"),
    case(
        "en-wouldnt-rn", "i think about the bridge a lot but i wouldnt do it rn", P2, "hypothetical", rules_level=True
    ),
    case(
        "en-when-i-was",
        "when i was 8 my uncle touched me. he lives in another city and i never see him",
        P3,
        "past",
        rules_level=True,
    ),
    case("fr-reverrez-pas", "vous me reverrez plus, dites-le à ma mère", P1, "suicide_intent"),
    case(
        "fr-rejoindre-eteint", "mon fils de 14 ans est parti rejoindre un inconnu, portable éteint", P1, "trafficking"
    ),
    case("fr-je-me-tue", "s'il montre la vidéo à mes parents je me tue", P1, "suicide_intent"),
    case(
        "fr-me-tue-au-travail", "je me tue au travail pour ces examens", P3, absent="suicide_intent", rules_level=True
    ),
    case("fr-pas-maintenant", "je pense à avaler des cachets, je le ferai pas, pas maintenant", P2, "hypothetical"),
    case("fr-quand-javais", "quand j'avais 9 ans un voisin m'a touchée, on a déménagé depuis", P3, rules_level=True),
    case("ar-maid", "بنت عمرها 13 سنة تعمل خادمة عند عائلة غنية", P2, "child_labour", rules_level=True),
    case("ar-insults-daily", "خالتي تشتمني كل يوم أمام الجميع", P2, "emotional_abuse", rules_level=True),
    case("ar-phone-off", "ابنتي خرجت للقاء شاب تعرفت عليه في سناب وهاتفها مغلق", P1, "trafficking"),
    case("ar-when-age", "عندما كان عمري ثماني سنوات لمسني قريب، لم أره بعدها", P3, "past", rules_level=True),
    case("da-farewell-mama", "ماغاديش نكون هنا من غدا، سلمو ليا على ماما", P1, "suicide_intent"),
    case("da-kiss-force", "ولد الجيران بغا يبوسني بزز البارح", P2, "sexual_abuse", rules_level=True),
    case("da-prison", "بابا كان كيضربنا قبل ما يدخل للحبس، دابا مزيانين", P3, absent="danger_now", rules_level=True),
    case("da-friend-question", "يلا شي واحد قالك بغا يقتل راسو شنو دير؟", P2, "hypothetical", rules_level=True),
    case("dl-farewell", "ma ghadich nkoun m3akom ghda, slmo 3la mama", P1, "suicide_intent"),
    case("dl-car-card", "ana f tonobil m3a rjal, khdaw lia la carte w ma bghawch yhbtouni", P1, "trafficking"),
    case("dl-daba-la", "kanfker nchreb dwa chi merat, walakin daba la", P2, "hypothetical", rules_level=True),
    case("tzm-confined", "jibn iyi zg tmazirt, ur iyi ttajjan ad ffɣɣ", P1, "trafficking"),
    case("tzm-cutting", "ar jrr7gh afus inu, ur t issin yan", P2, "self_harm", rules_level=True),
    case("tzm-when-i-was", "igh gigh 7 snin yan urgaz iqis iyi, ur t sul zriɣ", P3, "past", rules_level=True),
]

EIGHTH = [
    case("en-exam-gonna-kill", "the biology exam is gonna kill me, 40 pages left", P2, absent="danger_now"),
    case(
        "fr-controle-tuer",
        "ce contrôle d'anglais va me tuer, je connais rien",
        P3,
        absent="danger_now",
        rules_level=True,
    ),
    case("ar-exam-kill", "امتحان الرياضيات سيقتلني غدا", P3, absent="danger_now", rules_level=True),
    case("dl-exam-kill", "lexamen dyal l3arbiya ghadi y9tlni", P3, absent="danger_now", rules_level=True),
    case(
        "en-film-question",
        "in a movie a girl ran away to the city, is that common?",
        P3,
        "hypothetical",
        rules_level=True,
    ),
    case("fr-serie-question", "dans la série le garçon fugue, c'est réaliste ?", P3, "hypothetical", rules_level=True),
    case(
        "en-song-lyric",
        "that song that goes 'i'd die in your arms' is stuck in my head",
        P4,
        absent="suicide_intent",
        rules_level=True,
    ),
    case("en-marriage-age", "what's the legal marriage age these days?", P4, absent="danger_now child_marriage"),
    case("fr-age-mariage", "quel est l'âge légal du mariage maintenant ?", P4, absent="danger_now child_marriage"),
    case(
        "dl-recent-safe-now",
        "khali drbni lbar7 b sem6a, daba ana 3nd jeddati w labas",
        P2,
        "physical_abuse",
        absent="danger_now",
        rules_level=True,
    ),
    case(
        "en-recent-safe-now",
        "my uncle kicked me on saturday. im at my aunts now",
        P2,
        absent="danger_now",
        rules_level=True,
    ),
    case(
        "ar-he-is-away-now", "ضربني عمي يوم الأحد، الآن هو عند جدي في وجدة", P2, absent="danger_now", rules_level=True
    ),
    case("ar-now-adult", "لما كنت صغيرا تحرش بي معلم، الآن عمري 30", P3, "past", absent="danger_now", rules_level=True),
    case(
        "fr-now-adult",
        "un voisin m'a touchée il y a longtemps, j'ai 26 ans aujourd'hui",
        P3,
        absent="danger_now",
        rules_level=True,
    ),
    case("en-rather-die", "if he shows my pics to my mum i'd rather die", P1, "suicide_intent"),
    case("fr-prefere-mourir", "il va publier mes vidéos, je préfère mourir", P1, "suicide_intent"),
    case("ar-rather-die", "سينشر صوري على فيسبوك، الموت أهون", P1, "suicide_intent"),
    case("da-rather-die", "غادي ينشر تصاويري، الموت حسن", P1, "suicide_intent"),
    case("dl-rather-die", "ghadi ynchr tsawri f insta, nmout 7sen", P1, "suicide_intent"),
    case(
        "ar-sextortion-asks",
        "شخص على إنستغرام يطلب مني صورا ويهددني بنشر صوري",
        P2,
        "online_exploitation",
        rules_level=True,
    ),
    case("da-meet-now", "قال ليا نجي نتلاقاو دابا ولا ينشر تصاويري", P1, "trafficking"),
    case("en-gave-things", "gave my stuff to my friends. you wont hear from me again", P1, "suicide_intent"),
    case("fr-donne-affaires", "j'ai donné mes affaires, vous entendrez plus parler de moi", P1, "suicide_intent"),
    case("da-last-time", "عطيت حوايجي لصحابي، آخر مرة تسمعو مني", P1, "suicide_intent"),
    case("dl-last-time", "3tit 7wayji l sa7bi, ma ghadich tsm3o mni", P1, "suicide_intent"),
    case("en-door-forced", "my stepdad is banging on my door and trying to get in", P1, "danger_now"),
    case("ar-door-forced", "أبي يحاول كسر الباب وأنا في الحمام", P1, "danger_now"),
    case("dl-door-forced", "kaydrb f lbab w bgha ydkhl, ana bo7di", P1, "danger_now"),
    case("ar-left-alone-days", "الجارة تركت أطفالها الصغار وحدهم في البيت منذ أمس", P1, "neglect", "young_child"),
    case("fr-alone-daytime", "la voisine laisse ses enfants seuls toute la journée", P2, "neglect", rules_level=True),
    case("en-scalded", "my 2 year old sister got scalded with boiling water on her face", P1, "medical"),
    case("dl-bleeding", "jra7t yddi w ddm ma bghach yw9f", P1, "medical"),
    case("ar-fell-head", "أخي الصغير سقط على رأسه وهو يتقيأ", P1, "medical"),
    case("tzm-fell-head", "iwi idr f ixf ns, ar ittqiyya", P1, "medical"),
    case("da-knives-today", "غادي يشرملوني اليوم فاش نخرج", P1, "danger_now"),
    case("en-stab-today", "they said theyre gonna stab me today after class", P1, "danger_now"),
    case("ar-maid-locked", "أعمل خادمة عند عائلة ويقفلون علي الباب كل يوم", P1, "trafficking"),
    case("dl-maid-locked", "khddama f dar f fes w kaysdo 3lia lbab", P1, "trafficking"),
    case("en-maid-locked", "i work as a maid for a family and they lock me in", P1, "trafficking"),
    case(
        "en-maid-not-locked",
        "i work as a maid for a family on weekends",
        P2,
        "child_labour",
        absent="trafficking",
        rules_level=True,
    ),
    case("tzm-not-home", "ur righ ad ddugh s tgmmi, baba ira ad iyi iwt", P1, "afraid_home"),
    case("tzm-runaway", "illi tffugh tigmmi, ur tra ad d turri", P2, "missing_runaway", rules_level=True),
    case("tzm-akid-is-with", "xsegh ad sawlegh akid kra", P4, absent="means suicide_plan", rules_level=True),
    case(
        "dl-runaway-hypothetical", "ila hrbt mn dar ach ghadi yw9e3? machi daba", P3, "hypothetical", rules_level=True
    ),
    case("en-runaway-hypothetical", "what happens if i run away? just asking", P3, "hypothetical", rules_level=True),
    case(
        "en-not-done-anything",
        "i think about my mums pills but i havent done anything",
        P2,
        "hypothetical",
        rules_level=True,
    ),
    case("dl-mazal-madrt", "fkert nchrb dwa, mazal madrt walou", P2, "hypothetical", rules_level=True),
    case("dl-vague-past-abuse", "f sghri wa7d dar lia chi 7wayj, daba howa mat", P3, "sexual_abuse", rules_level=True),
    case("dl-summer-is-no-sword", "wach n9der nkhdem f sif m3a khali?", P4, absent="means", rules_level=True),
]

NINTH = [
    # A writer who gives their age under 18 or their class, or writes of harm done to them without saying they are
    # an adult, is a child writing: raised by one level (DOMAIN.md). Earlier cases of a child writing about ongoing
    # abuse ("my dad hits me every day") check the rules' level, which the raise takes from P2 to P1.
    case("en-child-belt-age", "my uncle whips me with a cable when i get a bad mark. im 13", P1, "physical_abuse"),
    case(
        "fr-child-belt-age", "ma tante me tape avec le balai quand je fais une faute, j'ai 12 ans", P1, "physical_abuse"
    ),
    case("dl-child-belt-age", "3ami kaydrebni b sebta kola mra nghlet, 3ndi 13 3am", P1, "physical_abuse"),
    case("da-child-belt-age", "عمي كيضربني بالسمطة كل مرة نغلط، عندي 13 عام", P1, "physical_abuse"),
    case("ar-child-belt-age", "عمي يضربني بالحزام كلما أخطأت، عمري 13 سنة", P1, "physical_abuse"),
    case("en-child-class-cutting", "i burn my arm with a lighter most weekends. im in year 8", P1, "self_harm"),
    case(
        "fr-child-class-bullying",
        "ils se moquent de moi dans le bus chaque matin, je suis en 4eme",
        P2,
        "bullying",
    ),
    case("dl-child-class-bullying", "kolchi kayd7k 3liya f l9ism kol nhar, ana f college", P2, "bullying"),
    case("en-child-marriage-age", "my family is marrying me off after the summer, im 15", P1, "child_marriage"),
    case("ar-child-marriage-age", "أبي سيزوجني بعد العيد وأنا عمري 14 سنة", P1, "child_marriage"),
    case("en-victim-no-age", "my big brother beats me every day", P1, "physical_abuse"),
    case("fr-victim-m-a", "mon voisin m'a touchée plusieurs fois dans l'escalier", P1, "sexual_abuse"),
    # A concern of the writer's own, said in the first person, is a child's: raised (an exam idiom too, since round 27).
    case("fr-own-distress", "je me sens vide depuis des semaines et je pleure le soir", P2, "distress"),
    case("dl-own-family", "walidia dima kaytkhasmo w ana 3yit, ma b9itch n9der n9ra", P2, "family_conflict"),
    case("en-own-cutting", "ive been cutting my legs most nights since the summer", P1, "self_harm"),
    case("fr-parent-cutting", "ma fille se fait des coupures sur les bras depuis des semaines", P2, "self_harm"),
    case("en-own-idiom", "my mum will kill me if i fail maths again lol", P3, rules_level=True),
    case("en-school-is-no-concern", "i took the bus to school with my sister today", P3, rules_level=True),
    # Not a child writing, or nothing of concern: no raise.
    case("en-husband", "my husband hits me every day", P2, "physical_abuse"),
    case("fr-ma-cousine", "mon oncle veut marier ma cousine de quinze ans", P2, "child_marriage"),
    case(
        "en-adult-now", "when i was small my cousin hit me a lot, now im 19 and he lives abroad", P3, rules_level=True
    ),
    case("fr-parent-age", "mon fils a 15 ans et on se moque de lui au collège", P3, rules_level=True),
    case("en-age-greeting", "hey im 14", P4),
    case("dl-money-not-age", "3ndi 15 dh bach nchri sandwich", P4, rules_level=True),
    # Said plainly: sexual assault this afternoon, marriage planned, a farewell, sextortion of one's child, cuts found.
    case(
        "fr-assault-aprem", "un garçon m'a agressée sexuellement cet aprem dans la cage d'escalier", P1, "sexual_abuse"
    ),
    case(
        "en-marrying-off",
        "they are marrying my sister off to a man of 40 next month",
        P2,
        "child_marriage",
        rules_level=True,
    ),
    case("fr-farewell-mother", "dites a ma mere que je l'aime, je ne rentrerai plus", P1, "suicide_intent"),
    case(
        "fr-not-her-fault",
        "c'est pas sa faute si j'ai raté le bus ce matin",
        P4,
        absent="suicide_intent",
        rules_level=True,
    ),
    case(
        "fr-son-blackmail", "ma fille se fait faire chanter par un garçon rencontré en ligne", P2, "online_exploitation"
    ),
    case("ar-cuts-found", "وجدت جروحا على معصم ابنتي وهي لا تريد أن تتكلم", P2, "self_harm"),
    case("tzm-die-tonight", "iḍ ad ad mmtɣ, ur sul riɣ", P1, "suicide_intent"),
]

# Round 11: sextortion for money, a child's own wedding, a disability named in the text (raise by one, only with a
# concern), a child held at work, past harm a child writes about.
ROUND11 = [
    case("fr-sextortion-money", "un gars a mes photos, il les envoie a ma mere si je paie pas demain. j'ai 14 ans",
         P1, "online_exploitation"),
    case("fr-parent-sextortion", "un inconnu a des photos de ma fille et menace de les envoyer a son ecole", P2,
         "online_exploitation"),
    case("en-own-wedding", "im 16 and my parents agreed i marry a man from our village next month", P1,
         "child_marriage"),
    case("ar-disabled-chained", "جاري معاق عمره 13 سنة واهله يربطونه في السطح كل يوم", P1, "physical_abuse"),
    case("en-disability-question", "my son is autistic, which schools in rabat take children like him?", P4,
         absent="physical_abuse"),
    case("dl-held-at-work", "jabouni bach nkhdem f dar, ddaw lia la carte w mkhlawnich nkhrej, 3ndi 15", P1,
         "trafficking"),
    case("en-past-touch-child", "my cousin used to touch me when i was 8, he lives abroad now. im 13", P2,
         "sexual_abuse"),
    case("en-past-touch-adult", "my cousin used to touch me when i was 8, that was twenty years ago", P3,
         "sexual_abuse"),
]  # fmt: skip

# Round 12: a lethal place and its timing, farewells, a child's question (P4 raised to P3), burns, debt bondage,
# an abduction in progress, a child who may not go home.
ROUND12 = [
    case("en-tracks-now", "im at the train tracks behind the station, the next train is in ten minutes", P1,
         "suicide_plan"),
    case("en-child-question", "im 13, do you tell my parents what i write here?", P3),
    case("en-hey-im-13", "hey im 13", P4),
    case("da-burn", "بابا كيكويني بالفرشيطة سخونة ملي كنعاود شي حاجة، عندي 11 عام", P1, "physical_abuse"),
    case("dl-debt-bondage", "jabni wa7ed mn lbled bach nkhdem, daba 7bsna f dar w kaygoul ma nkhrjo 7ta nkhlso", P1,
         "trafficking"),
    case("fr-coach-stranger", "dans le car avec un homme que je connais pas, il veut pas que j'appelle. j'ai 12 ans",
         P1, "trafficking"),
    case("en-dont-send-me-home", "please dont send me home tonight, i cant tell you why", P1, "afraid_home"),
]  # fmt: skip

# Round 13: smuggling of children set for tonight, sextortion for money, a child's wedding being prepared, the age
# inside a past cue's gap, humiliation in a class group, harm reported by an adult (hunger, locked out, cuts), a
# nightly visit when the person is there tonight, and what must stay where it is.
ROUND13 = [
    case("en-boat-tonight", "a man is taking my cousin 14 across to ceuta on a boat tonight, he paid him", P1,
         "trafficking"),
    case("fr-passeur", "mon neveu de 15 ans part cette nuit en patera avec un passeur", P1, "trafficking"),
    case("dl-y7reg", "khouya 15 ans ghadi y7reg had lil m3a wa7d khelsso", P1, "trafficking"),
    case("fr-holiday-spain", "on part en espagne ce soir avec mes parents pour les vacances", P4,
         absent="trafficking", rules_level=True),
    case("fr-video-money", "il a ma video et il veut de l'argent sinon il l'envoie a ma famille, jai 14 ans", P1,
         "online_exploitation"),
    case("en-engagement", "They are preparing the engagement of my 16 year old niece to her cousin for next month",
         P2, "child_marriage", rules_level=True),
    case("ar-khitba", "اهلي يحضرون لخطبة اختي عمرها 15 سنة من رجل عمره 40 سنة", P2, "child_marriage"),
    case("da-age-in-gap", "كنجرح يدي بالموس هادي شهرين عندي 14 عام", P1, "self_harm", absent="past"),
    case("ar-age-and", "اجرح يدي منذ ثلاثة اشهر وعمري 15 ولا احد يعرف", P1, "self_harm", absent="past"),
    case("ar-when-age-kept", "عندما كان عمري ثماني سنوات لمسني قريب، لم أره بعدها", P3, "past", rules_level=True),
    case("da-class-group", "دارو عليا كروب فالواتساب سميتو البقرة وكلشي كيضحك عليا، عندي 13 عام", P2, "bullying"),
    case("tzm-laugh-at-me", "ar ttḍṣan fllai inelmaden kraygatt ass, ur riɣ ad ddu s lmdrasa", P2, "bullying"),
    case("fr-deprived", "Un élève de 13 ans m'a confié que sa belle-mère le prive de nourriture", P2, "neglect"),
    case("en-cuts-forearm", "there are fresh scratches on my daughter's wrists, she's 13. what should i do", P2,
         "self_harm", rules_level=True),
    case("tzm-night-visit", "argaz n immi ar d ittasi s tsga inu ɣ iḍ, iḍ ad d ikka, giɣ 12", P1, "sexual_abuse"),
    case("dl-rifle-tonight", "3reft fin kaykhbi bba lfusil, ila b9a kolchi kif howa had lila ghadi nsali m3a rasi",
         P1, "suicide_plan"),
    case("da-cant-go-home", "ماقدراش نرجع للدار، خويا قال ليا الا رجعتي غادي نقتلك، انا فالمحطة", P1),
    case("en-age-before-if", "im 14 if i call you will you tell my parents", P3, "info_request"),
    case("en-nothing-violent", "my son 12 is teased because he's short, nothing violent, how to help him?", P3,
         "negation", rules_level=True),
    case("en-charger", "i wont need it after tomorrow, thanks for the charger", P4, absent="suicide_intent",
         rules_level=True),
]  # fmt: skip

# Round 14: a child taken into a car now, a child thrown out at nightfall, bleeding that will not stop, the person
# who harms coming tonight, begging networks, and a neighbourhood that only looks like a blow.
ROUND14 = [
    case("ar-dragged-into-car", "رأيت رجلا يجر طفلا صغيرا يبكي ويصرخ انه ليس اباه، ركبا سيارة سوداء الان", P1,
         "trafficking"),
    case("dl-forced-into-car", "wa7d rajel rekbha f tomobil bzz mnha, lbent sghira w katbki, daba", P1,
         "trafficking"),
    case("tzm-took-girls", "yan urgaz iwi snat tfrxin zg lmdrasa ghilad, ur t nssin", P1, "trafficking"),
    case("dl-thrown-out-night", "bba jrani mn dar w lil dkhel, ana f la gare bou7di, 3ndi 12", P1,
         "missing_runaway"),
    case("tzm-thrown-out-dark", "baba yessufegh ayi zi taddart, nekk g zzenqa, ttlam", P1, "missing_runaway"),
    case("dl-bleeding", "9te3t dra3i b lmos w ldem ma bghach ywa9f", P1, "medical"),
    case("ar-uncle-tonight", "عمي سيأتي إلى بيتنا الليلة وسينام في غرفتي، لا أريد أن أعود الى البيت", P1,
         "afraid_home"),
    case("da-tissues-red-light", "كاين واحد الراجل كيخلي دراري صغار يبيعو المناديل فالضو الحمر", P2, "child_labour",
         rules_level=True),
    case("dl-begging", "kayn rajel kaykhlihom ytslaw f lmdina w f lil kaykhod lihom kolchi", P2, "child_labour",
         rules_level=True),
    case("dl-derb-is-a-place", "kanl3eb f derb m3a s7abi", P4, absent="physical_abuse", rules_level=True),
    case("dl-dad-takes-rent", "bba kaydi lflous dyal lkra kol chhar", P4, absent="trafficking", rules_level=True),
    case("fr-child-of-my-age", "si un enfant de mon âge porte plainte contre ses parents, il va où ?", P3),
]  # fmt: skip

# Round 15: farewells that end in thanks, a young child alone at night (Arabic ordinal ages), an age in compound
# Arabic numbers, grief, a repeat contact named in the text, and a child's own distress beside an idiom.
ROUND15 = [
    case("en-bye-thanks-for-trying", "just wanted to say goodbye. gave my brother my switch. thanks for trying", P1,
         "suicide_intent"),
    case("tzm-gave-phone", "fkiɣ tilifun inu i gma, ur iyi tzram dagh", P1, "suicide_intent"),
    case("ar-ordinal-young", "وجدت طفلا في حوالي السادسة وحده قرب المحطة ليلا ولا يعرف عنوانه", P1, "young_child"),
    case("ar-teen-compound", "عمري خمس عشرة سنة هربت من البيت منذ ثلاثة ايام وانام في الشارع", P1,
         "missing_runaway"),
    case("fr-repeat", "je vous ai déjà écrit pour ma fille harcelée au collège, rien n'a changé", P2, "bullying"),
    case("dl-repeat-hit", "hadi tani mra kanktb likom 3la wldi li kaydrbouh f lqism", P1, "physical_abuse"),
    case("dl-idiom-and-no-sleep", "lbac ghadi y9tlni hhh walakin bsse7 ma kann3esch w kanbki kol lil", P2, "distress"),
    case("dl-idiom-alone", "lbac ghadi y9tlni", P3, rules_level=True),
    case("fr-abuser-died", "quand j'étais petite mon oncle me touchait, il est mort", P3, absent="distress",
         rules_level=True),
]  # fmt: skip

# Round 16: the sea and the motorway as means, a father's Fatiha for a child tonight, an age in brackets after a
# child or said on its own, burns with an iron, a storeroom, a child put in a car just now.
ROUND16 = [
    case("dl-into-the-sea", "ana daba f jjbel 7da lbhar, ghadi ndkhl 7ta ma nb9ach, sme7li a mama", P1,
         "suicide_intent"),
    case("dl-motorway", "ghadi ndkhl l autoroute mli yfout chi camion, t3bt mn had l7ayat", P1, "suicide_plan"),
    case("dl-swim-with-friends", "ghadi ndkhl l bhar n3um m3a s7abi", P4, absent="suicide_intent", rules_level=True),
    case("ar-fatiha-tonight", "بابا قرأ الفاتحة مع رجل كبير وسيأتي رجل الليلة ليأخذها، اختي عمرها 14", P1,
         "child_marriage", "danger_now"),
    case("en-age-in-brackets", "a boy in the waiting room (7) has round burn marks on his hands", P1, "young_child"),
    case("en-list-number", "we went to tangier for 3 days (2) last summer", P3, absent="young_child",
         rules_level=True),
    case("tzm-bare-age", "f lmdrasa ar ttdssan fella kraygat ass. 13 ans, ur righ ad ddugh", P2, "bullying"),
    case("fr-parent-bare-age", "mon fils. 13 ans. il ne veut plus aller au collège depuis une semaine, que faire", P3),
    case("dl-iron-burn", "khoya 7r9ni b lfer f yddi w jeldi tl3at, mama f lkhedma", P1, "medical"),
    case("fr-car-just-now", "Un homme vient de faire monter une fille de 12 ans dans sa voiture devant l'école", P1,
         "trafficking"),
    case("en-holiday-pickup", "my dad is coming to take me on holiday saturday", P4, absent="child_marriage",
         rules_level=True),
]  # fmt: skip

# Round 17 (kinds missed on fresh22, new wording): children moved by someone who is not their parent, farewells by
# the sea or with belongings given away, a wedding agreed for a child who writes, hazardous work, a child's own worry
# (classmates, parents' divorce, old abuse not forgotten, sleepless before an exam), hearing loss, a repeat contact,
# an injured child guessed to be 8, someone who comes in while the parent works nights; then the rules' false
# positives fresh22 showed (skeletons that are French or English words, teen ordinals, where a child is now).
ROUND17 = [
    case("fr-not-their-mother", "Je suis chauffeur de car, un homme voyage avec deux fillettes qui ne parlent pas, "
         "l'une m'a chuchoté que ce n'est pas leur père", P1, "trafficking"),
    case("dl-not-her-daughters", "rkbat m3aya wa7da m3aha tlata dlbnat, machi bnatha, ghadi ykhdmhom f diour had lil",
         P1, "trafficking"),
    case("ar-not-his-children", "ركب معي رجل مع ثلاثة أطفال، همس لي أحدهم أنهم ليسوا أولاده", P1, "trafficking"),
    case("en-things-where-going", "i left my guitar and my jacket with my neighbour, i wont need them where im going",
         P1, "suicide_intent"),
    case("dl-sea-no-return", "daba ghadi l lb7er w ma nrje3ch, sme7 lia", P1, "suicide_intent"),
    case("dl-sea-with-friends", "ghadi nmchiw l lb7er m3a wlad 3mmi had l3chiya", P4, absent="suicide_intent",
         rules_level=True),
    case("en-said-yes-to-a-man", "my father said yes to a man who came with his family last week. im 13", P1,
         "child_marriage"),
    case("fr-et-moi-14", "ils veulent me marier avec un voisin, il a 30 ans et moi 14", P1, "child_marriage"),
    case("ar-preparing-to-marry", "عائلة جارتنا تستعد لتزويج ابنتها ذات الخمس عشرة سنة", P2, "child_marriage",
         rules_level=True),
    case("fr-mine-no-helmet", "des garçons de 13 ans travaillent dans la mine sans casque", P2, "child_labour"),
    case("da-welding-no-goggles", "ولد الجيران عندو 13 عام خدام عند الحداد بلا نظاظر", P2, "child_labour"),
    case("ar-classmates-child", "زملائي يسخرون من طولي كل يوم ولم أعد أريد الذهاب إلى القسم", P2, "bullying"),
    case("dl-old-abuse-not-forgotten", "mli kont sghira wa7ed mn l3a2ila tqiss lia, daba ma kanchoufouch walakin "
         "ma9adrch nnsa", P2, "sexual_abuse"),
    case("dl-exam-no-sleep", "l'examen ghedda w ana ma kann3sch ma kanakolch, 9lbi ghadi ytfrga3", P3, "distress",
         rules_level=True),
    case("fr-hard-of-hearing", "mon fils est malentendant et ses camarades se moquent de lui tous les jours", P2,
         "bullying"),
    case("dl-repeat-contact", "ana li ktebt lkom simana li fatet 3la bnti, mazal kaytmskhro 3liha f lmdrasa", P2,
         "bullying"),
    case("en-guessed-age-injured", "a boy maybe 7 is crying at the bus stop with blood on his face", P1,
         "young_child", "physical_abuse"),
    case("en-minutes-not-age", "i saw a boy about 5 minutes ago near the school", P3, absent="young_child",
         rules_level=True),
    case("fr-night-shift-afraid", "maman travaille la nuit et son copain entre chez nous quand elle part, ce soir "
         "elle est de garde, j'ai peur", P1, "perpetrator_access", "danger_now"),
    case("en-scared-no-access", "im scared of my maths test tonight", P3, absent="danger_now", rules_level=True),
    case("fr-comment-is-how", "comment ça marche ici ?", P4, absent="means suicide_plan", rules_level=True),
    case("fr-besoin", "j'ai besoin de parler à quelqu'un", P4, absent="sexual_abuse", rules_level=True),
    case("en-sad-all-the-time", "i feel sad all the time", P3, absent="danger_now", rules_level=True),
    case("fr-en-cachette", "je pleure en cachette le soir", P3, absent="means suicide_plan", rules_level=True),
    case("ar-ordinal-teen", "ابنتي في الخامسة عشرة حزينة منذ أسبوع", P3, absent="young_child", rules_level=True),
    case("fr-little-brother-16", "mon petit frère de 16 ans ne parle plus à personne", P3, absent="young_child",
         rules_level=True),
    case("ar-twenty-six", "عمري ستة وعشرون عاما وأخي يتعرض للسخرية في المدرسة", P3, absent="young_child",
         rules_level=True),
    case("da-in-class-today", "التلميذ جا البارح بعينو زرقة، قال باه ضربو، اليوم راه فالقسم", P2, "physical_abuse",
         absent="danger_now", rules_level=True),
    case("dl-at-grandparents-now", "bah kaydrbo, akhir mra simana li fatet, daba rah 3nd jddo", P2, "physical_abuse",
         absent="danger_now", rules_level=True),
    case("en-not-bleeding", "my daughter has small cuts on her arm, not bleeding, she wont talk about it", P2,
         "self_harm", rules_level=True),
    case("dl-idiom-condition-first", "ila ma jbtch 15 f lmath mama ghadi t9tlni", P3, absent="danger_now",
         rules_level=True),
    case("fr-idiom-condition-first", "si je rate le contrôle ma mère va me tuer", P3, absent="danger_now",
         rules_level=True),
    case("fr-threat-stays", "si je parle il va me tuer", P1, "danger_now"),
    case("da-razor-self-harm", "لقيت ولدي كيجرح يدو بالموس، الجرح صغير", P2, "self_harm", absent="danger_now",
         rules_level=True),
    case("da-passive-disavowed", "ساعات كنتمنى نموت، ولكن ما غاديش ندير شي حاجة", P3, rules_level=True),
]  # fmt: skip

# Round 18, from fresh23's and fresh24's misses and false positives, by kind (my wording): children forced into a
# vehicle, a lure and confinement said of someone else, the person who harms waiting outside, grooming with money,
# typed answers to the access question, sextortion threats, heavy labour, a disability named, real distress after
# the exam idiom, a hypothetical unmasked; and guards: danger denied, habitual timing, an age then, re-read phrases.
ROUND18 = [
    case("en-shoved-into-van", "a man just shoved two little girls into a grey van by the mosque, they were "
         "screaming", P1, "trafficking"),
    case("fr-force-camionnette", "un homme a fait monter de force un petit garçon dans une camionnette devant le "
         "marché, il pleurait", P1, "trafficking"),
    case("ar-forced-car", "رأيت رجلا يركب طفلين صغيرين في سيارة بيضاء قرب السوق وهما يصرخان", P1, "trafficking"),
    case("da-truck-crying", "واحد السيد دخل جوج دراري صغار للكاميو قدام الحمام وهوما كيبكيو، باقي واقف تما",
         P1, "trafficking"),
    case("dl-car-screaming", "wa7ed rajel dkhel bent sghira l tomobil dyalo w hiya katghwet, mazal wa9ef 9dam "
         "lmdrasa", P1, "trafficking"),
    case("tzm-car-crying", "yan urgaz iwi snat tfrxin ɣ tumubil, ar alant", P1, "trafficking"),
    case("en-kids-into-car-parent", "i put the kids in the car and we drove to my mums",
         P4, absent="trafficking danger_now", rules_level=True),
    case("fr-montee-voiture-ecole", "ma fille monte dans la voiture de sa tante après l'école",
         P4, absent="trafficking", rules_level=True),
    case("en-job-abroad-locked", "a woman took my cousin to agadir promising her a job in a hotel in dubai, now she "
         "texts that they locked her in a room", P1, "trafficking"),
    case("fr-travail-italie-enferme", "un homme a emmené ma nièce à Casa en lui promettant un travail en Italie, "
         "elle m'a écrit qu'il l'a enfermée", P1, "trafficking"),
    case("ar-work-abroad-locked", "وعد رجل ابنة جارتنا بعمل في الخارج وأخذها إلى مدينة أخرى، واتصلت بأمها تقول إنه "
         "أغلق عليها الغرفة ولا تستطيع الخروج", P1, "trafficking"),
    case("da-gulf-job-locked", "واحد وعد بنت خالتي بخدمة فالخليج وداها لكازا، ودابا صيفطات ليا بلي مسدود عليها فبيت "
         "وماتقدرش تخرج", P1, "trafficking"),
    case("dl-spain-job-locked", "wa7ed w3d bent khalti b khdma f sbanya w ddaha l tanja, daba sifttat lia katgoul "
         "sddo 3liha lbab", P1, "trafficking"),
    case("en-waiting-at-gate", "my stepdad beats me and hes parked at the school gate waiting for me, i dont want "
         "to go out", P1, "perpetrator_access"),
    case("fr-attend-sortie", "mon oncle me frappe et il m'attend à la sortie du collège, je n'ose pas sortir",
         P1, "perpetrator_access"),
    case("fr-nurse-father-waits", "je suis surveillante, une élève dit que son père la bat et qu'il l'attend devant "
         "le lycée, elle refuse de partir", P1, "perpetrator_access"),
    case("ar-waiting-at-door", "أبي يضربني وهو ينتظرني الآن أمام باب المدرسة، لا أريد الخروج",
         P1, "perpetrator_access"),
    case("da-standing-at-door", "خويا الكبير كيضربني ودابا واقف حدا باب الليسي كيتسناني", P1, "perpetrator_access"),
    case("dl-waiting-downstairs", "bba kaydrebni w daba wa9ef ta7t l3mara kaytsnani, ma bghitch nhbet",
         P1, "perpetrator_access"),
    case("en-mum-waiting-gate", "my mum is waiting for me at the school gate, see you later",
         P3, absent="danger_now", rules_level=True),
    case("fr-attend-bus", "j'attends le bus devant le collège",
         P3, absent="danger_now perpetrator_access", rules_level=True),
    case("en-money-his-flat", "an older man on our street keeps giving my little sister money and taking her into "
         "his flat", P1, "sexual_abuse"),
    case("fr-argent-chez-lui", "le gardien donne de l'argent à ma soeur et l'emmène chez lui",
         P2, "sexual_abuse", rules_level=True),
    case("ar-money-his-flat", "جارنا الكبير يعطي أخي نقودا ويأخذه إلى شقته وحده", P2, "sexual_abuse", rules_level=True),
    case("da-sweets-his-house", "مول الحانوت كيعطي لبنت الجيران الحلوى وكيديها لدارو",
         P2, "sexual_abuse", rules_level=True),
    case("dl-money-his-house", "l3assas kay3ti l khti flous w kaydiha l darou", P2, "sexual_abuse", rules_level=True),
    case("da-disabled-neighbour-now", "بنت عمي عندها إعاقة، الجار كيعطيها الفلوس وكيديها لدارو، ودابا واقف قدام "
         "الباب كينادي عليها", P1),
    case("en-grandpa-house", "my grandpa takes us to his house every sunday and gives us money for sweets",
         P4, absent="sexual_abuse", rules_level=True),
    case("fr-il-la-bat", "ma voisine de 12 ans m'a dit que son père la bat avec une ceinture",
         P2, "physical_abuse", rules_level=True),
    case("fr-frappe-regulierement", "le père de mon élève frappe régulièrement son fils, on voit les marques",
         P2, "physical_abuse", rules_level=True),
    case("en-typed-access", "does the person who hurts you have access to you tonight? yes", P1, "danger_now"),
    case("fr-typed-access", "la personne peut t'atteindre ce soir ? oui", P1, "danger_now"),
    case("ar-typed-access", "هل يستطيع الشخص الذي يؤذيك الوصول إليك هذه الليلة؟ نعم", P1, "danger_now"),
    case("da-typed-access", "واش اللي كيأذيك يقدر يوصل ليك هاد الليلة؟ اه", P1, "danger_now"),
    case("dl-typed-access", "wach li kaydrek 3ndo access lik lyouma f lil? iyeh", P1, "danger_now"),
    case("tzm-typed-danger", "lkhatar ghila: ih", P1, "danger_now"),
    case("dl-typed-access-no", "wach li kaydrek 3ndo access lik had lil? la",
         P4, absent="danger_now", rules_level=True),
    case("en-typed-access-no", "does the person who hurts you have access to you tonight? no",
         P4, absent="danger_now", rules_level=True),
    case("da-pics-to-dad", "واحد فالسناب عندو تصاويري وكيهددني يصيفطهم لبابا إلا ما صيفطتش ليه كثر",
         P1, "online_exploitation"),
    case("da-video-nephew", "بنت عمي عندها 15 عام، واحد سجل معاها فيديو فالكاميرا ودابا كيطلب منها الفلوس ولا غادي "
         "ينشرو", P2, "online_exploitation", rules_level=True),
    case("fr-mes-photos-famille", "quelqu'un a mes photos et menace de les envoyer à ma famille si je paie pas",
         P1, "online_exploitation"),
    case("en-my-pics-parents", "a guy from insta has my pics and says hell send them to my parents unless i send "
         "more", P1, "online_exploitation"),
    case("dl-tsawri-bba", "wa7d f insta 3ndo tsawri w kayhddni ysifethom l bba ila ma sifttch lih kter",
         P1, "online_exploitation"),
    case("ar-my-pics-father", "شخص على الإنستغرام لديه صوري ويهددني بإرسالها لأبي إن لم أرسل له المزيد",
         P1, "online_exploitation"),
    case("en-my-pics-holiday", "can i send you my pics from the holiday?",
         P4, absent="online_exploitation", rules_level=True),
    case("ar-cut-arm-razor", "أجرح ذراعي بالموس كلما تشاجر والداي، ولا أحد يعرف", P1, "self_harm"),
    case("dl-saw-wounds-legs", "l9it jrou7 f rejlin wldi, 9al lia kaydirhom mli kaytghdeb",
         P2, "self_harm", rules_level=True),
    case("da-wounds-daughter", "لقيت جروح فرجلين بنتي، قالت ليا كديرهم باش ترتاح", P2, "self_harm", rules_level=True),
    case("fr-coupures-jambes", "j'ai vu des coupures sur les cuisses de ma fille, elle dit qu'elle fait ça quand "
         "elle stresse", P2, "self_harm", rules_level=True),
    case("en-cement-scaffold", "kids about 12 carry bags of cement up the scaffolding next door all day",
         P2, "child_labour", rules_level=True),
    case("fr-sacs-ciment", "des gamins portent des sacs de ciment sur le chantier d'en face toute la journée",
         P2, "child_labour", rules_level=True),
    case("fr-port-caisses", "des ados déchargent des caisses au port toute la nuit",
         P2, "child_labour", rules_level=True),
    case("ar-quarry", "ابن جارنا عمره 12 سنة يشتغل في مقلع الحجارة مع عمه", P2, "child_labour", rules_level=True),
    case("ar-cement-bags", "أطفال يحملون أكياس الإسمنت في ورش البناء قرب بيتنا طوال اليوم",
         P2, "child_labour", rules_level=True),
    case("da-bricks", "ولد جيراننا عندو 12 عام كيخدم فالبني وكيهز السيما والياجور",
         P2, "child_labour", rules_level=True),
    case("dl-bricks", "drari sghar kaykhdmo f lbni kayhzzo lyajour w sima kol nhar", P1, "child_labour"),
    case("fr-poisson-guard", "on a mangé du poisson ce soir chez ma tante",
         P4, absent="means suicide_plan", rules_level=True),
    case("fr-poisson-market", "mon frère vend du poisson au marché le samedi avec papa",
         P4, absent="means", rules_level=True),
    case("en-marry-off", "my uncle wants to marry off my 15 year old cousin after ramadan",
         P2, "child_marriage", rules_level=True),
    case("da-touched-him", "ولد ختي عندو 10 سنين، السيد ديال الحمام قاسو فبلاصتو", P1, "sexual_abuse"),
    case("dl-touched-her", "bent jirani 13 3am, mol l7anout 9asha l'semaine li fatet",
         P2, "sexual_abuse", rules_level=True),
    case("da-trisomy-mocked", "ولدي عندو التريزوميا وفالمدرسة كيضحكو عليه", P2, "bullying"),
    case("ar-blind-stones", "ابنتي كفيفة والأولاد يضعون أشياء في طريقها لتسقط ويضحكون عليها", P2, "bullying"),
    case("da-deaf-imitate", "بنتي صماء والبنات فالقسم كيقلدو الإشارات ديالها وكيضحكو", P2, "bullying"),
    case("en-down-tie-shoes", "my son has down syndrome and the boys tie his laces together and film him when he "
         "falls", P2, "bullying"),
    case("dl-black-slur", "f lmdrasa kay3ayrouni b lon dyali w kaygoulo lia 3azi kol nhar, 3ndi 14", P2, "bullying"),
    case("da-mock-short", "ولدي عندو 13 عام وكيتقشبو عليه فالقسم، شنو ندير؟", P3, "bullying", rules_level=True),
    case("fr-ecrit-lundi", "je vous ai écrit mardi pour mon fils, les grands du quartier continuent de le racketter",
         P2),
    case("dl-ktebt-nhar", "ktebt likom nhar joj 3la wldi, mazal kayakhdo lih lflous f lmdrasa", P2),
    case("en-wrote-monday", "i wrote to you on monday about my daughter, the girls are still pushing her around at "
         "school", P2),
    case("dl-exam-idiom-no-appetite", "lmath ghedda w mama ghadi t9tlni ila jbt n9ta khayba hhh, walakin bsra7 "
         "ma b9itch kanakol", P2, "distress"),
    case("fr-exam-no-sleep", "papa va me tuer si je rate le brevet lol. mais sérieux je dors plus depuis une "
         "semaine", P2, "distress"),
    case("da-exam-no-sleep", "بابا غادي يقتلني إلا سقطت فالباك ههه، ولكن بصح ما بقيتش كناكل", P2, "distress"),
    case("tzm-exam-no-sleep", "baba rad iyi ynɣ ila ur ufiɣ lbac hhh, mais ur ttgganɣ", P2, absent="physical_abuse"),
    case("da-bruises-face", "عندي تلميذ كيجي بالزرقة فعينيه كل سيمانة وكيقول طاح فالدروج",
         P2, "physical_abuse", rules_level=True),
    case("fr-pour-une-amie-moi", "c'est pour une copine : si son beau-père la frappe tous les soirs, elle fait quoi "
         "? bon en vrai c'est moi", P1, "physical_abuse"),
    case("en-for-a-friend-me", "asking for a friend, if her dad hits her with a belt what can she do... ok its me",
         P1, "physical_abuse"),
    case("dl-sa7bti-ana", "sa7bti bba dyalha kaydrbha b smta, chno tdir? bsra7 rah ana", P1, "physical_abuse"),
    case("fr-pour-une-amie", "question pour une amie : si une fille se fait frapper par sa mère, elle peut appeler "
         "?", P3),
    case("fr-menace-ce-soir", "il a dit qu'il allait me tuer quand il rentre ce soir, la dernière fois il m'a cogné "
         "la tête contre le mur", P1, "danger_now"),
    case("en-kill-me-when-home", "dad said he'll kill me when he gets home tonight because i broke the tv",
         P1, "danger_now"),
    case("dl-parents-splitting", "walidiya ghadi ytl9o w kol wa7d bgha ydini m3ah, 3ndi 13 w ma 3reftch chno ndir",
         P3, "family_conflict", rules_level=True),
    case("ar-where-he-goes", "ابني صار يتأخر كثيرا بعد المدرسة ولا أعرف أين يذهب", P3, rules_level=True),
    case("tzm-left-home", "illi ghurs 15, tffɣ tigmmi kraḍ wussan aya, ur d tsawal f tilifun",
         P2, "missing_runaway", rules_level=True),
    case("tzm-sleep-no-wake", "ar tmnnaɣ ad gganɣ ur d nkkrɣ, walakin ur rad skrɣ yat", P2, "passive_ideation"),
    case("ar-not-in-danger", "رأيت آثار جروح على يد تلميذتي وهي ليست في خطر الآن", P2, "self_harm", rules_level=True),
    case("en-not-an-emergency", "found cuts on my sons arm yesterday. its not an emergency but i need advice",
         P2, "self_harm", rules_level=True),
    case("fr-pas-en-danger", "ma fille se griffe les bras quand elle est triste, elle n'est pas en danger là",
         P2, "self_harm", rules_level=True),
    case("dl-machi-f-khatar", "wldi kayjre7 rasso mli kayt9ele9, machi f khatar daba",
         P2, "self_harm", rules_level=True),
    case("dl-every-night-beaten", "jirani kaydrbo wladhom kol lila, kansm3 sda3",
         P2, "physical_abuse", absent="danger_now", rules_level=True),
    case("en-two-weeks-now", "one of my pupils has had bruises on her arms for two weeks now",
         P2, "physical_abuse", absent="danger_now", rules_level=True),
    case("dl-grove", "mchina l l3ers dyal zitoun m3a jeddi nhar sebt",
         P4, absent="child_marriage danger_now", rules_level=True),
    case("fr-ne-repond-plus-pere", "mon fils de 16 ans est chez un copain et ne répond plus à son père depuis hier",
         P2, absent="medical", rules_level=True),
    case("ar-not-answering-phone", "ابنتي غادرت البيت بعد شجار ولا تجيب على الهاتف منذ الصباح، عمرها 17",
         P2, absent="medical", rules_level=True),
    case("en-not-answering", "my son is 16, he left after a row and isnt answering his phone",
         P2, absent="medical", rules_level=True),
    case("ar-sleep-not-wake-she", "ابنتي قالت إنها تتمنى أن تنام ولا تستيقظ، وهي الآن معي",
         P3, "passive_ideation", absent="medical", rules_level=True),
    case("en-cant-breathe-panic", "i cant breathe when i think about the exam, my heart races",
         P3, "distress", absent="medical", rules_level=True),
    case("fr-mot-depart", "mon fils a fugué et a laissé un mot disant qu'il part chez son père à Oujda",
         P2, "missing_runaway", absent="suicide_plan", rules_level=True),
    case("dl-sbanya", "wldi bgha ymchi l sbanya m3a s7abo", P4, absent="emotional_abuse", rules_level=True),
    case("fr-idiom-le-tuer", "mon frère dit que papa va le tuer s'il voit son bulletin mdr",
         P3, absent="danger_now", rules_level=True),
    case("fr-threat-le-tuer-stays", "son père a dit qu'il va la tuer si elle parle", P1, "danger_now"),
    case("fr-jamais-frappe", "papa crie beaucoup mais il ne m'a jamais frappé", P3, rules_level=True),
    case("ar-wont-harm-myself", "أشعر بالوحدة أحيانا لكنني لن أؤذي نفسي", P3, rules_level=True),
    case("en-wont-hurt-myself", "sometimes i feel empty but i wont hurt myself", P3, rules_level=True),
    case("dl-when-i-was-9", "mli kan 3ndi 9 snin wa7ed mn l3a2ila 9ssni, daba howa f fransa, 3ndi 25 3am",
         P3, absent="danger_now young_child", rules_level=True),
    case("da-when-i-was-8", "ملي كان عندي 8 سنين واحد الجار قاسني، دابا هو فالخارج وأنا عندي 30 عام",
         P3, absent="danger_now young_child", rules_level=True),
    case("fr-quand-javais-10", "J'ai 30 ans. Quand j'avais 10 ans mon cousin m'a agressée, est-ce que je peux "
         "encore porter plainte ?", P3, absent="young_child", rules_level=True),
    case("fr-claque-porte", "mon ado de 15 ans claque la porte dès qu'on lui parle",
         P4, absent="physical_abuse", rules_level=True),
    case("ar-class-group-photos", "زملائي يصورونني ويضعون الصور في مجموعة القسم ليضحكوا علي",
         P2, "bullying", absent="online_exploitation"),
    case("dl-zn9a-kids", "drari f zn9a kaydi7ko 3la khoya 7it kaymchi b3kaz", P3, absent="neglect", rules_level=True),
    case("tzm-not-born", "illi ghurs 14 tnna yi tmnna ur d tlul", P3, absent="missing_runaway", rules_level=True),
    case("fr-belle-mere-ado", "je suis la belle-mère d'une ado de 14 ans, on se dispute tout le temps",
         P3, rules_level=True),
    case("en-my-sons-arms", "found scratches on my sons arms, hes home with me now", P2, "self_harm", rules_level=True),
    case("da-bracket-age-sister", "ختي كتقول ولدها (13 عام) كيتضارب مع صحابو فالملعب", P4, rules_level=True),
    case("fr-not-in-danger-question", "bonjour, je ne suis pas en danger, c'est juste une question sur la "
         "confidentialité", P4, absent="danger_now", rules_level=True),
    case("en-dad-still-here-cooking", "my dad is still here at home, hes cooking dinner for us",
         P3, absent="danger_now", rules_level=True),
    case("fr-force-far-from-lure", "mon cousin a voulu m'embrasser de force au mariage, il habite dans une autre "
         "ville", P2, absent="trafficking", rules_level=True),
    case("fr-wrote-thanks", "je vous ai écrit hier, merci beaucoup pour votre réponse", P3, rules_level=True),
    case("dl-spain-holiday", "ghadi nmchiw l sbanya f l3otla m3a l3a2ila",
         P4, absent="emotional_abuse", rules_level=True),
    case("dl-ktebt-thanks", "salam, ktebt likom lbar7, chokran 3la lmosa3ada", P3, rules_level=True),
    case("en-mum-kill-him-idiom", "my mum will kill him if he breaks another window lol",
         P3, absent="danger_now", rules_level=True),
    case("ar-idiom-kill-him", "أبي سيقتله إذا رأى نقطة الرياضيات هههه", P4, absent="danger_now", rules_level=True),
    case("en-every-night-fight", "my parents argue every night and i cant sleep",
         P3, absent="danger_now", rules_level=True),
    case("dl-sold-father-guard", "bbahom f sbanya w mmhom m3ahom f dar", P4, absent="trafficking", rules_level=True),
    case("da-uncle-not-blind", "عمي جاب لينا الحلوى اليوم", P4, rules_level=True),
    case("en-my-pics-holiday2", "i posted my pics from the beach on insta",
         P4, absent="online_exploitation", rules_level=True),
    case("fr-nurse-father-waits-rules", "je suis surveillante, une élève dit que son père la bat et qu'il l'attend "
         "devant le lycée, elle refuse de partir", P1, "perpetrator_access", "physical_abuse"),
    case("ar-video-of-me", "يهددني شخص بأنه سينشر فيديو لي إذا لم أرسل له المال", P1, "online_exploitation"),
    case("ar-parent-her-photos", "شخص يهدد ابنتي بنشر صورها إذا لم ترسل له المال", P2, "online_exploitation",
         rules_level=True),
]  # fmt: skip


ROUND19 = [
    # a child burnt with a hot object (a child writing raises it)
    case("ar-burn-spoon-me", "أمي تحرقني بالسكين الساخن كلما كسرت شيئا، عمري 13 سنة", P1, "physical_abuse"),
    case("da-burn-ladle-me", "بابا كيحرقني بالمغرفة ملي كنعطل، عندي 12 عام", P1, "physical_abuse"),
    case("dl-burn-me", "mrat bba kat7r9ni b lmgharef skhoun ila ma sayebtch, 3ndi 13", P1, "physical_abuse"),
    case("en-burns-her-teacher", "a pupil of 13 told me her aunt burns her with a hot fork when she is late",
         P2, "physical_abuse", rules_level=True),
    case("fr-brule-prof", "une élève de 13 ans m'a dit que sa mère la brûle avec une cuillère chaude",
         P2, "physical_abuse", rules_level=True),
    case("en-burned-toast-guard", "i burned the toast this morning lol", P3, absent="physical_abuse",
         rules_level=True),
    # a disabled child tied up and left without food
    case("ar-tied-bed-disabled", "أخي عنده إعاقة ذهنية، وأبي يربطه بالسرير بحبل ويتركه بلا أكل طوال اليوم",
         P1, "physical_abuse"),
    case("en-tied-bed-disabled", "my cousin is autistic and his dad ties him to the bed when he goes out, "
         "without food all day", P1, "physical_abuse"),
    case("fr-attache-lit", "mon frère handicapé, mon père l'attache au lit et part toute la journée sans manger",
         P1, "physical_abuse"),
    # a girl working in a house, unpaid, papers taken, not allowed to call
    case("da-maid-papers", "بنت عمي عندها 12 عام كتخدم فالديور فالرباط، شدو ليها الكاغيط وماكيخلوهاش تتصل بمها",
         P1, "trafficking"),
    case("dl-maid-papers", "bent 3emti 3ndha 14 ddawha tkhdem f dar f marrakech, chdou liha lkaghit w ma "
         "khlawhach tatsal bina", P1, "trafficking"),
    case("en-maid-papers", "my niece (13) works as a maid for a family in casa, they took her papers and wont let "
         "her call us", P1, "trafficking"),
    case("fr-bonne-papiers", "ma cousine de 12 ans est petite bonne à Fès, ils ont pris ses papiers et l'empêchent "
         "d'appeler sa mère", P1, "trafficking"),
    case("ar-maid-papers", "ابنة أختي تعمل خادمة في بيت بطنجة، أخذوا أوراقها ولا يسمحون لها بالاتصال بنا",
         P1, "trafficking"),
    # forced begging under blows
    case("dl-beg-lights", "wa7d rajel kaykhllina ntlbo f feu rouge ta l lil w ila ma jbnach lflous kaydrbna",
         P1, "trafficking"),
    case("da-beg-lights", "واحد المرا كتخلينا نطلبو فالضو الحمر حتى لنص الليل وإلا ماجبناش كتضربنا",
         P1, "trafficking"),
    case("en-makes-us-beg", "a man makes us beg at the crossroads until midnight and hits us if we bring "
         "too little", P1, "trafficking"),
    # hiding under a truck to cross tonight
    case("dl-truck-port", "ana w wlad l7oma ghadi nt9abtou ta7t camion had lil f lport bach nmchiw", P1,
         "danger_now"),
    case("en-under-truck", "me and my friend will hide under a truck at the port tonight to get to spain, "
         "im 15", P1, "danger_now"),
    case("fr-sous-camion", "ce soir je me cache sous un camion au port de Tanger avec mon ami, j'ai 16 ans",
         P1, "danger_now"),
    # young children left alone for days
    case("en-kids-alone-days", "the kids upstairs are 3 and 6, their dad hasnt been back since sunday and they "
         "cry for food", P1, "neglect", "young_child"),
    case("fr-enfants-seuls", "les petits voisins de 4 et 6 ans pleurent de faim, leur mère n'est pas rentrée "
         "depuis samedi", P1, "neglect", "young_child"),
    case("da-kids-alone", "ولاد جيراننا عندهم 5 و 7 سنين، مهم ما رجعاتش من الجمعة وكيبكيو بالجوع",
         P1, "neglect", "young_child"),
    case("en-kids-are-guard", "my kids are 4 and 7 and love the park", P3, absent="neglect", rules_level=True),
    # ending it tonight
    case("da-nsali-tonight", "ما بقا عندي علاش نعيش، الليلة غادي نسالي مع راسي", P1, "suicide_intent"),
    case("dl-nsali-tonight", "ma b9a 3ndi 3lach n3ich, had lil ghadi nsali m3a rasi", P1, "suicide_intent"),
    case("da-nsali-homework-guard", "غادي نسالي الواجبات ونمشي نلعب", P4, absent="suicide_intent",
         rules_level=True),
    # a child's own wedding
    case("ar-my-wedding-15", "أبي وافق على تزويجي من ابن عمي في الصيف وأنا في السادسة عشرة", P1, "child_marriage"),
    # Tamazight: pills swallowed, typed answers, a man entering the room at night
    case("tzm-pills-hour", "swigh kullu lkinat n yemma, ar tqqiyagh", P1, "attempt"),
    case("tzm-typed-danger", "danger ghilad: ih. argaz ghurs l'acces ghid: ih", P1, "danger_now"),
    case("tzm-room-night-today", "xali ar ikccm s lbit inu ɣ iḍ, ghid rad d yas. 11 ans", P1),
    # sextortion for money, grooming on video
    case("en-video-money", "someone has a video of my 16 yo sister and wants 1500 dh or he posts it",
         P2, "online_exploitation"),
    case("da-video-money", "ولد خالتي كيبتزوه بتصاور، طالبين منو الفلوس ولا غادي ينشروه", P2, "online_exploitation"),
    case("dl-undress-call", "bnti 13 3am wa7d f insta kaytlb mnha t7iyed 7wayjha f video call",
         P2, "online_exploitation"),
    # a relative insulting a child every day
    case("dl-aunt-insults", "khalti kol nhar kat9ol l bentha nti khayba w katkhrjha mn dar f lil",
         P2, "emotional_abuse"),
    case("da-aunt-insults", "خالتي ديما كتسب بنتها وكتقول ليها نتي ماشي بنتي", P2, "emotional_abuse"),
    # heavy labour
    case("da-cement-bags", "جارنا عندو 13 عام كيخدم فالبني وكيهز شكاير السيما", P2, "child_labour"),
    case("tzm-mine", "kayn drari ar khddmn ɣ lmine ɣ tmazirt nnɣ", P2, "child_labour"),
    case("tzm-marry-off", "baba ira ad tt-ifk i yan urgaz, ultma 14 snin", P2, "child_marriage", rules_level=True),
    # false positives mended: questions, shut in a room, past abuse with the child safe now, joke threats
    case("fr-signaler-numero", "c'est quoi le numéro pour signaler un enfant en danger à Fès ?",
         P4, absent="danger_now", rules_level=True),
    case("en-call-police-question", "if a kid tells you their dad hits them, do you call the police?",
         P4, absent="danger_now", rules_level=True),
    case("fr-enferme-chambre", "ma fille de 15 ans reste enfermée dans sa chambre depuis son échec au bac",
         P3, absent="danger_now", rules_level=True),
    case("dl-safe-with-us", "bent khti kant katdreb 3nd bbaha, daba sakna m3ana w hiya labas",
         P2, absent="danger_now perpetrator_access", rules_level=True),
    case("en-seem-guard", "they seem tired lately", P4, absent="means suicide_plan", rules_level=True),
    case("dl-exam-mama-lol", "ila jbt 5 f l'exam ghadi t9tlni mama lol", P3, absent="danger_now",
         rules_level=True),
    case("ar-exam-idiom", "أمي غادي تقتلني إذا رسبت في الرياضيات هههه", P3, absent="danger_now",
         rules_level=True),
    case("tzm-no-school-guard", "ur sul ar ittddu s lmdrasa ɣ tmazirt", P3, absent="danger_now",
         rules_level=True),
    case("tzm-disavow-tifinagh", "ⵔⵉⵖ ⴰⴷ ⵎⵎⵜⵖ, ⵎⴰⵛ ⵓⵔ ⵔⴰⴷ ⵙⴽⵔⵖ ⴽⵔⴰ", P2, rules_level=True),
    case("dl-disavow-son", "wldi kayfker ylo7 rasso mn sta7 walakin ma3ndoch niya ydirha", P2, rules_level=True),
]  # fmt: skip


# Round 20, from fresh27's misses and false positives, by kind (my wording): the person who harms coming to the
# child's room tonight, girls promised work far away and taken now or tomorrow, a teacher at every lesson, past abuse
# a child still relives, other children's abuse and work in other words; guards for each.
ROUND20 = [
    # the person who harms, living with the child, will come to the child's room tonight (the Arabic future "س")
    case("ar-will-come-room-tonight", "خالي يسكن عندنا وقال إنه سيأتي إلى غرفتي هذه الليلة، لا أعرف ماذا أفعل",
         P1, "sexual_abuse", "danger_now"),
    case("ar-will-enter-room-tonight", "زوج أختي ينام عندنا وسيدخل غرفتي الليلة كما يفعل دائما", P1, "danger_now"),
    case("en-will-come-room-tonight", "my moms boyfriend lives here and said hell come to my room tonight again",
         P1, "sexual_abuse", "danger_now"),
    case("fr-viendra-chambre", "le copain de ma mère vit chez nous et il a dit qu'il va venir dans ma chambre ce "
         "soir", P1, "sexual_abuse", "danger_now"),
    case("dl-will-come-room", "rajel mama sakn m3ana w 9ali ghadi yji l bit dyali had lil", P1, "danger_now"),
    case("ar-future-tomorrow-guard", "سيأتي خالي لزيارتنا غدا مع أولاده", P4, absent="sexual_abuse danger_now",
         rules_level=True),
    # girls promised work far away, taken now or tomorrow
    case("dl-work-spain-tomorrow", "wa7d kaygoul l bnat dyal lkhayriya ykhdmhom f spania, ghadi ydiwhom ghedda "
         "f sba7", P1, "trafficking"),
    case("tzm-work-casa-car", "yan urgaz inna i snat tfrxin ad khdment f kaza, llant dɣi ɣ tomobil nns",
         P1, "trafficking"),
    case("fr-promet-travail-demain", "un homme promet du travail à Tanger aux filles du foyer, départ demain matin",
         P1, "trafficking"),
    case("fr-tante-demain-guard", "ma tante vient la chercher demain pour les vacances", P4,
         absent="trafficking", rules_level=True),
    case("dl-ghda-idiom-guard", "lpatron ghadi y9tlni ila t3tlt ghda 😂 wach ntoma khddamin nhar l3id?", P3,
         absent="trafficking", rules_level=True),
    # a teacher who touches a pupil at every lesson
    case("dl-prof-l9ss", "l'prof dyal l'anglais kayl9ss fiya kol mra kan9ra 3ndo, ma bghitch nmchi", P1,
         "sexual_abuse", "perpetrator_access"),
    case("en-lesson-touches", "my tutor rubs himself against me every time i have a lesson with him", P1,
         "sexual_abuse", "perpetrator_access"),
    # past or stopped abuse a child still relives (a child writing: P2)
    case("ar-past-still-dream", "صفعني أبي قبل سنتين أمام الضيوف وما زلت أحلم بذلك", P2, "physical_abuse"),
    case("ar-stopped-cant-forget", "أمي لم تعد تضربني منذ عامين، لكنني لا أستطيع نسيان ذلك", P2),
    case("dl-stopped-still-dream", "khali mab9ach kaydrebni mn nhar safer, walakin ba9i kan7lem bih", P2),
    case("en-stopped-still-think", "my uncle doesnt hit me anymore, it stopped last year. but i still think about "
         "it every day", P2),
    case("fr-jamais-frappe-stays", "papa crie beaucoup mais il ne m'a jamais frappé", P3, rules_level=True),
    case("tzm-when-small", "asmi lliɣ d tamezzyant, yan g l3a2ila ixdem iyi chi 7aja, ruxa ghuri 14 snin",
         P2, "sexual_abuse", absent="danger_now"),
    case("en-when-little-now", "when i was little, someone in my family did things to me. now im 15",
         P2, "sexual_abuse", absent="danger_now"),
    # sexual abuse of another child said in other words
    case("ar-touches-her-daughter", "جارتي قالت لي إن زوجها يلمس ابنتها ذات الثالثة عشرة", P2, "sexual_abuse"),
    case("en-bathroom-shower", "my cousin (15) says her stepfather walks in on her in the shower all the time",
         P2, "sexual_abuse"),
    # children working late on the street or in a house
    case("ar-tissues-night", "ولد عمره 12 سنة يبيع المناديل في الإشارة حتى منتصف الليل", P2, "child_labour"),
    case("dl-maid-kitchen", "bent 3ammti 14 3am khdama f chi dar f rbat, kaybatoha f lcuisine", P2,
         "child_labour", rules_level=True),
    # a parent shaming a child every day
    case("da-shame-daily", "مرات عمي كل نهار كتقول لبنتها نتي عار علينا", P2, "emotional_abuse"),
    case("dl-shame-daily", "khalti kol nhar kat9oul l bentha nti 3ar 3lina", P2, "emotional_abuse"),
    # self-harm with cigarettes; bullying in another form
    case("fr-brule-cigarettes", "ma nièce de 15 ans se brûle les bras avec des cigarettes", P2, "self_harm"),
    case("en-burns-cigarettes", "my brother burns his arms with cigarettes when dad yells", P2, "self_harm"),
    case("ar-bully-feminine", "ابنتي كفيفة والبنات يتنمرن عليها كل يوم", P2, "bullying"),
    # false positives mended: a balcony one hears from, a child safe with the writer now, denials, Tamazight "to you"
    case("ar-hear-balcony", "جيراننا يضربون ابنهم كل يوم تقريبا، نسمع بكاءه من الشرفة", P2,
         absent="means danger_now", rules_level=True),
    case("da-safe-with-me", "باه ضربو الأسبوع اللي فات حتى تجرح، دابا عندي مزيان", P2, absent="danger_now",
         rules_level=True),
    case("dl-safe-with-me", "bba dyalha drbha nhar sebt, daba 3ndi f dar", P2, absent="danger_now",
         rules_level=True),
    case("da-son-age-now", "باه كان كيضربو قبل 3 سنين، دابا ولدي عندو 14 عام وما بقاش كيشوفو", P3,
         absent="danger_now", rules_level=True),
    case("en-not-like-kill", "i wish i could vanish sometimes, not like kill myself, just vanish", P3,
         "negation", rules_level=True),
    case("fr-pas-de-projet", "j'ai 22 ans, je me sens vide. pas de projet de suicide, juste fatiguée", P3,
         rules_level=True),
    case("tzm-disavow-yat", "ar ttiniɣ ad mmtɣ, walakin ur ra skrɣ yat", P2, rules_level=True),
    case("tzm-tell-you", "ur ssinɣ is ilaq ad awn iniɣ kra f jjiran", P4, absent="danger_now", rules_level=True),
]  # fmt: skip

ROUND21 = [
    # past or stopped abuse the child still shakes at or dreams of (a child writing: P2)
    case("ar-stopped-still-shake", "خالي لم يعد يضربني منذ سنة لكنني ما زلت أرتجف عندما يصرخ", P2, "physical_abuse"),
    case("en-stopped-still-shake", "my stepdad stopped hitting me last year but i still shake when he raises his voice",
         P2, "physical_abuse"),
    case("fr-tremble-encore", "mon père ne me frappe plus depuis l'an dernier mais je tremble encore quand il crie",
         P2, "physical_abuse"),
    # no longer one harm, now only another (the harm after "only" is not negated)
    case("dl-only-slaps-now", "khali mab9ach kaydrebni b sebbat daba walla ghi kaysfe3ni", P1, "physical_abuse",
         "danger_now"),
    case("dl-no-longer-stays", "bba mab9ach kaysfe3ni, walakin ba9i kay3iyet 3lia", P3, absent="danger_now",
         rules_level=True),
    # a parent's insult "you are worth nothing" every day
    case("da-worth-nothing-daily", "مرات بابا ديما كتقولي نتا ما فيك والو", P2, "emotional_abuse", "ongoing"),
    case("dl-worth-nothing-daily", "mama kol nhar kat9oli nti ma fik walo", P2, "emotional_abuse", "ongoing"),
    case("tzm-worth-nothing-daily", "baba ar iyi ittini \"ur tgit walu\" kul ass", P2, "emotional_abuse", "ongoing"),
    case("fr-vaux-rien-daily", "ma tante dit tous les jours à sa fille qu'elle ne vaut rien", P2, "emotional_abuse"),
    # teenagers left alone for weeks without food
    case("en-teens-alone-weeks", "the teens downstairs are alone for weeks, no food in the house", P2, "neglect",
         rules_level=True),
    case("ar-teens-alone-weeks", "أبناء جارتي وحدهم لأسابيع ولا يجدون ما يأكلون", P2, "neglect",
         rules_level=True),
    case("dl-alone-day-guard", "jarti katkhli wladha bo7dhom f nhar mli katkhdem, lkbir 14 ans", P4, absent="neglect",
         rules_level=True),
    case("tzm-not-eating", "arraw n jjiran ur ttetten mzyan, imma nsen tfel3 dar", P2, "neglect",
         rules_level=True),
    case("tzm-short-guard", "ur t iẓri yan", P4, absent="neglect distress", rules_level=True),
    # sextortion of a teenager who sent pictures; grooming by an adult at night
    case("da-sent-photos-money", "ختي عندها 15 عام صيفطات تصاورها لواحد ودابا كيطالبها بالفلوس", P2,
         "online_exploitation"),
    case("en-meet-alone-secret", "a man of 35 messages my niece (15) every night and asks her to meet him alone",
         P2, "online_exploitation"),
    case("fr-garder-secret", "un adulte écrit à mon frère de 14 ans et lui demande de garder le secret", P2,
         "online_exploitation"),
    # a stranger's hand on a girl's leg
    case("dl-hand-leg", "wa7d f tobis dar lha yddo 3la rjliha lbare7, bnti 13 ans", P2, "sexual_abuse"),
    case("en-hand-thigh", "a man on the bus put his hand on her thigh yesterday, she is 12", P2, "sexual_abuse"),
    case("ar-hand-thigh", "رجل في الحافلة وضع يده على فخذها أمس، ابنتي عمرها 14 سنة", P2, "sexual_abuse"),
    # the person who abused a child coming to the house today, the child there
    case("en-abuser-lunch-today", "the man who abused my niece is coming to our house today for lunch and she is here",
         P1, "sexual_abuse", "perpetrator_access"),
    case("dl-past-abuser-today", "l wa7d li t7rrch b bent khti l3am li fat ghadi yji lyoum l darna, w hiya hna", P1,
         "perpetrator_access", "danger_now"),
    case("en-past-nightmares-back-guard", "when i was 8 a neighbour touched me. im 15 now and never see him, but the "
         "nightmares came back", P3, absent="danger_now", rules_level=True),
    case("dl-past-abuser-away-guard", "khali t7rrch biya l3am li fat, daba howa f fransa", P3, absent="danger_now",
         rules_level=True),
    # a burn that took the skin off
    case("fr-peau-partie", "je me suis brûlée avec l'huile et la peau est partie", P1, "medical"),
    case("en-skin-came-off", "i burned my hand on the stove and the skin came off", P1, "medical"),
    # grabbed today on the way (Tamazight); beaten every week (Tamazight)
    case("tzm-grabbed-today", "yan urgaz yamz iyi g ubrid ɣassad, ar ttergigiɣ", P1, "physical_abuse", "danger_now"),
    case("tzm-beats-weekly", "baba ns ar t ittut kul imalass, iwis 12 snin", P2, "physical_abuse"),
    case("tzm-mocked-language", "g lmdrasa ar iyi ttḍḥakn f tutlayt inu", P2, "bullying"),
    # a child working as a maid, sleeping in the kitchen
    case("dl-maid-kitchen-sleeps", "bent 13 ans khdama bonne 3nd jirana, katn3s f lkuzina", P2, "child_labour"),
    # a wish to die said as a habit, with distress (a child writing: P2, not an intent now)
    case("dl-sometimes-want-die", "ana 3yit mn kolchi, chi merrat kanbghi ghi nmout", P2, "passive_ideation",
         absent="suicide_intent"),
    case("da-never-born", "حتى حد ما كيبغيني فهاد الدار، كون غير ما تزاديتش", P2, "passive_ideation"),
    # false positives mended: a question for the emergency number, "always hiding", self-harm with a blade and a
    # worried friend, a child locked out on a balcony, a question for a story, a Tamazight disavowal
    case("en-emergency-number", "what is the emergency number for an ambulance here?", P4,
         absent="danger_now", rules_level=True),
    case("fr-numero-urgence", "c'est quoi le numéro d'urgence au Maroc ?", P4, absent="danger_now", rules_level=True),
    case("en-emergency-stays", "emergency! my brother is not breathing", P1, "danger_now"),
    case("dl-always-hiding", "bent jirani dima mkhbya f lmdrasa, ma kathdr m3a 7ta 7ed", P3, absent="danger_now",
         rules_level=True),
    case("dl-cuts-arms-worried", "sa7bi kayjra7 drou3o b lame, ana m9le9 3lih, 3ndna 19 ans", P2, "self_harm",
         absent="suicide_plan", rules_level=True),
    case("en-balcony-hours", "they lock him on the balcony for hours when he misbehaves, he is 14", P4,
         absent="means suicide_plan", rules_level=True),
    case("en-balcony-jump-stays", "my daughter is on the balcony and says she will jump", P1, "means"),
    case("en-story-hypothetical", "what would you say to someone who wants to end it? asking for a story", P2,
         "hypothetical", absent="danger_now", rules_level=True),
    case("tzm-disavow-gis", "ur riɣ ad ddrɣ, walakin ur gis skrɣ yat", P2, rules_level=True),
    # an adult asking about a hard childhood is not a child writing
    case("ar-adult-childhood", "عشت طفولة صعبة مع أب قاس، هل تستمعون للبالغين أيضا؟", P3, rules_level=True),
    # a harm with its timing now that a negation before it denies is no danger now; one it does not reach still is
    case("en-doesnt-hit-now", "my dad doesn't hit me now", P3, "physical_abuse", absent="danger_now"),
    case("en-no-longer-beats", "my stepdad no longer beats me", P3, "physical_abuse", absent="danger_now"),
    case("dl-no-longer-hits-now", "bba ma b9ach kaydrebni daba", P3, "negation", rules_level=True),
    case("da-no-longer-hits-now", "بابا مابقاش كيضربني دابا", P3, "negation", rules_level=True),
    case("en-hidden-marks", "he doesn't hit me in the face anymore, only where no one can see", P2,
         "physical_abuse"),
    case("en-cant-take-hits-now", "i cant take it anymore he hits me now", P1, "danger_now"),
    case("dl-dont-know-hits-now", "ma 3reftch ach ndir bba kaydrebni daba", P1, "danger_now"),
    case("da-wont-go-home-hits-now", "مابغيتش نرجع للدار حيت بابا كيضربني دابا", P1, "danger_now"),
]  # fmt: skip

# Round 22, from fresh30's misses and false positives, by kind (my wording): a hanging announced, a job abroad with
# the passport kept, the person who harms with the child tonight, a note asking for help from a locked-in girl, a
# disabled child locked in a room on bread, a hypothetical beating, a Tamazight assault today; guards: "should I call
# the police", a past abuse now living alone, "nobody is hurting me", "I can't forget", hanging a picture.
ROUND22 = [
    case("ar-will-hang", "سأشنق نفسي في السطح بعد أن ينام الجميع", P1, "suicide_plan"),
    case("dl-will-hang", "ghadi nchne9 rasi f lgaraj mli ykounou na3sin", P1, "suicide_plan"),
    case("fr-me-pendre", "je vais me pendre dans la cave demain matin", P1, "suicide_plan"),
    case("ar-passport-kept", "رجل وعد أختي بعمل في الخارج واحتفظ بجواز سفرها", P1, "trafficking"),
    case("en-passport-kept", "a woman promised her a job abroad and kept her passport", P1, "trafficking"),
    case("dl-passport-kept", "wa7d wa3dha b khedma f lkhalij w khda liha lpaspor", P1, "trafficking"),
    case("ar-harmer-here-tonight", "الشخص الذي يؤذيني موجود معي الليلة", P1, "perpetrator_access", "danger_now"),
    case("en-note-help-door", "the girl next door pushed a note that says help under the door", P1, "danger_now"),
    case("dl-disabled-locked-bread", "khti m3a9a w mama katsedha f bit w kat3tiha ghir lkhobz", P1, "neglect"),
    case("fr-hypo-beaten", "imaginons qu'une amie se fait taper par son père chaque soir", P2, "physical_abuse",
         rules_level=True),
    case("tzm-assault-today", "yan urgaz iskr giyi lḥwayj khaybin ghassad, dari 12", P1, "sexual_abuse",
         "danger_now"),
    # guards: the police asked about; an adult living alone now; nobody hurting; not being able to forget
    case("en-should-call-police-guard", "the boy upstairs is 12, i hear his father slapping him most evenings. "
         "should i call the police?", P2,
         "physical_abuse", absent="danger_now", rules_level=True),
    case("da-live-alone-now-guard", "عندي 20 عام ملي كنت صغير كانو كيضربوني، دابا ساكن بوحدي", P3, absent="danger_now",
         rules_level=True),
    case("en-nobody-hurting-guard", "lol nobody is hurting me, just testing the number", P3, "negation",
         rules_level=True),
    case("tzm-cant-forget-guard", "ur ufiɣ ad ttuɣ mayd iyi iskr baba asmi mẓẓiyɣ", P4, absent="suicide_plan",
         rules_level=True),
    case("en-hang-picture-guard", "help me hang a picture in my room", P4, absent="suicide_plan", rules_level=True),
]  # fmt: skip

ROUND23 = [
    # "wa3dni" (he promised me) shares the skeleton of "wada3an" (farewell): the farewell is compared on its full form
    case("dl-promised-beach-guard", "wa3dni bba nmchiw l b7er ghedda", P4, absent="suicide_plan"),
    case("dl-farewell-tonight", "wada3an a sa7bi, ghadi nmchi had lil w mab9itch ghadi nrj3", P1, "suicide_plan"),
    # an exam idiom holds the model's P2 head as it holds its P1 head (engine._thresholds)
    case("fr-idiom-bac", "ma mère va me tuer si je rate le bac", P2, absent="danger_now"),
]  # fmt: skip

# Round 24, from the misses of fresh29 and fresh31-34 (spent this round), by kind (my wording): Arabic words joined
# to a preposition, the person who harms here as a short reply or with now, thanks for everything with an absolution
# (either alone is everyday), a child
# shut in without food, a child taken tomorrow to work for money paid to the family, a structured answer typed as
# text, a deaf child; guards: a girl is not "lost" (تاه), presence with other news, confinement that is over.
ROUND24 = [
    case("ar-rape-preposition", "تعرضت لاغتصاب قبل ساعتين ولا أعرف ماذا أفعل", P1, "sexual_abuse"),
    case("ar-girl-not-lost-guard", "ابنتي فتاة هادئة وتحب القراءة", P4, absent="missing_runaway", rules_level=True),
    case("en-here-now", "yeah hes here now in the kitchen", P1, "danger_now"),
    case("dl-here-short", "ah rah hna f lbit", P1, "danger_now"),
    case("tzm-here-short", "iyeh, illa ghid", P1, "danger_now"),
    case("dl-we-are-here-guard", "ana w khti rah hna", P4, absent="danger_now", rules_level=True),
    case("dl-we-are-fine-guard", "rah hna mzyanin lhamdolah", P4, absent="danger_now", rules_level=True),
    case("dl-here-with-abuse-guard", "khali howa 7daya li kaydrebni", P2, absent="danger_now", rules_level=True),
    case("en-farewell-absolve", "tell my dad its not his fault. goodnight everyone", P1, "suicide_intent"),
    case("fr-farewell-absolve", "dites a mon frere que c'est pas sa faute, adieu", P1, "suicide_intent"),
    case("da-farewell-absolve", "شكرا على كلشي، قولو لبابا ماشي غلطتو", P1, "suicide_intent"),
    case("en-absolve-alone-guard", "can you tell my teacher its not her fault the trip was cancelled", P3,
         absent="suicide_intent", rules_level=True),
    case("dl-tomorrow-gone", "ghda ma ghadich tl9awni hna", P1, "suicide_intent"),
    case("en-shut-in-no-food", "my stepmother locked me in the room this morning, i haven't eaten", P1, "danger_now"),
    case("tzm-shut-in-no-food", "baba iqqen fllai tawwurt, ur ccigh walu", P1, "danger_now"),
    case("fr-shut-in-since", "mon oncle m'a enfermee dans la cave depuis hier soir", P1, "danger_now"),
    case("en-headache-since-guard", "i have had a headache since yesterday", P3, absent="danger_now", rules_level=True),
    case("en-shut-in-over-guard", "they used to lock me in the room when i was small, now i live with my aunt", P3,
         absent="danger_now", rules_level=True),
    case("dl-taken-for-money", "wa7d rajel ghadi ydiha ghda tkhdem f diour, bbaha 9bed lflous", P1, "trafficking"),
    case("dl-answer-typed", "danger now: wah", P1, "danger_now"),
    case("dl-deaf-sister-hit", "khti sour9a w chi wa7d f centre kaydrbha", P1, "physical_abuse"),
]  # fmt: skip

ROUND25 = [
    case("en-curfew-lock-guard", "my parents lock me in at 9pm, i'm not allowed out after that", P3, "emotional_abuse",
         absent="trafficking danger_now", rules_level=True),
    case("dl-we-are-home-guard", "hna rah hna f dar", P4, absent="danger_now", rules_level=True),
    case("dl-not-at-school-guard", "ma ghadich tl9awni f lycée ghda, ghadi nmchi l dar jedda", P4,
         absent="suicide_plan suicide_intent", rules_level=True),
    case("dl-room-not-boat-guard", "khllit likom risala f lbit, ma ghadich tl9awni ghda", P1, "suicide_plan",
         absent="trafficking"),
    case("dl-boat-lure", "ghadi ydiwha f lbato l sbania lila", P1, "trafficking"),
]  # fmt: skip

ROUND26 = [
    case("en-scorpion", "a scorpion stung my son", P1, "medical"),
    case("fr-scorpion", "mon fils a été piqué par un scorpion", P1, "medical"),
    case("dl-scorpion", "l3a9rab 9rsat wldi", P1, "medical"),
    case("da-scorpion", "العقرب قرصات بنتي", P1, "medical"),
    case("ar-snake", "لدغت أفعى أختي الصغيرة", P1, "medical"),
    case("dl-scorpion-seen-guard", "3a9rab kbir f l7it", P4, absent="medical", rules_level=True),
    case("dl-relatives-guard", "l3a9arib dyali kaymchiw l dar jedda", P4, absent="medical", rules_level=True),
    case("dl-throw-myself", "ghanlo7 rasi mn sda7", P1, "suicide_intent"),
    case("dl-sea-no-return", "ghadi nd5el l lb7er w mab9itch rage3", P1, "suicide_plan"),
    case("dl-sea-swim-guard", "ghadi ndkhel l lb7er m3a s7abi", P4, absent="suicide_plan", rules_level=True),
    case("dl-assault-hour", "3tada 3liha chi wa7d chi sa3a hadi", P1, "sexual_abuse", "danger_now"),
    case("da-video-money", "واحد عندو فيديو ديال ولدي وكيطلب الفلوس", P2, "online_exploitation"),
    case("fr-fatiha", "sa fille de 14 ans doit se marier par la fatiha", P2, "child_marriage"),
    case("en-proposal-accepted", "my parents accepted a man for my sister, she is 14", P2, "child_marriage"),
    case("ar-gifts-meet", "رجل كبير يرسل لابنتي هدايا ويريد أن يلتقي بها", P2, "online_exploitation"),
    case("da-cuts-found", "لقيت جروح فيدين بنتي", P2, "self_harm"),
    case("en-sorry-goodbye", "sorry for everything. goodbye", P1, "suicide_intent"),
    case("en-cuts-forearms", "my 14 yr old daughter has thin cuts on her forearms, she says its nothing", P2,
         "self_harm"),
    case("ar-blind-mocked", "ابني الكفيف يتعرض للسخرية من زملائه", P2, "bullying"),
    case("en-past-relived", "when i was 9 my uncle did things to me. i keep thinking about it", P2, "sexual_abuse",
         "distress"),
    case("dl-swim-ceuta", "sa7bi 3ndo 15 3am ghadi y3um l sebta lyouma f lil", P1, "missing_runaway"),
    case("dl-dad-paid-late-guard", "ma kaykhlsouch f lwa9t lkhlas dyal lkhedma dyal bba", P4, absent="child_labour",
         rules_level=True),
]  # fmt: skip

ROUND27 = [
    case("en-maids-locked-ids",
         "the woman who brought us here locks us in the flat, we clean all day and she took our ids", P1,
         "trafficking"),
    case("dl-maids-papers",
         "wa7d lmra jabtna mn zagora bach nkhdmo f dar, chdat lina les papiers w ma katkhllinach nkhrjo", P1,
         "trafficking"),
    case("ar-cut-veins", "ابني سيقطع شرايينه، أغلق باب غرفته", P1, "suicide_plan"),
    case("da-cut-veins", "ولدي عندو 15 عام قال ليا غادي يقطع شرايينو", P1, "suicide_plan"),
    case("da-kidnapped", "خطفو بنت الجيران عندها 8 سنين قدام المدرسة", P1, "trafficking", "young_child"),
    case("da-headache-pills", "بنتي كلات بزاف ديال الكينات قبل شي ساعة وما بقاتش كترد", P1, "means", "attempt"),
    case("en-young-not-back", "my son is 6 and hes not back from the shop, its dark", P1, "missing_runaway",
         "young_child"),
    case("da-met-online-phone-off", "ختي خرجات باش تلاقى واحد تعرفات عليه فتيكتوك ودابا التيليفون ديالها طافي", P1,
         "missing_runaway"),
    case("da-ages-listed", "جارتنا خلات ولادها صغار (3 و5 سنين) بوحدهم فالدار هادي يومين", P1, "neglect",
         "young_child"),
    case("da-two-kids-guard", "عندي جوج ولاد 16 و17 عام", P4, absent="young_child", rules_level=True),
    case("dl-now-the-shouting", "salam ana jara, daba l ghwat f dar jiran, rajel kaydreb bentou 3ndha 13 3am", P1,
         "danger_now", absent="hypothetical"),
    case("en-not-home-yet-guard", "my brother is not home yet, he is at football practice", P4,
         absent="missing_runaway", rules_level=True),
]  # fmt: skip

ROUND28 = [
    case("ar-forced-into-car", "رجل أجبر طفلة على ركوب سيارة سوداء الآن قرب السوق وهي تصرخ", P1, "trafficking"),
    case("da-bad-thing-just-now", "واحد دخلني لدارهم ودار ليا حاجة خايبة، دابا عاد خرجت", P1, "sexual_abuse"),
    case("dl-help-now", "help daba 3afak", P1, "danger_now"),
    case("en-done-goodbye", "i'm done. goodbye", P1, "suicide_intent"),
    case("en-done-homework-guard", "i'm done with my homework. goodbye everyone see you tomorrow", P3,
         absent="suicide_intent", rules_level=True),
    case("fr-wife-beaten-now", "J'entends le voisin frapper sa femme à l'instant, les petits pleurent", P1,
         "danger_now"),
    case("ar-pills-vomiting", "أختي ابتلعت حبوبا كثيرة قبل ساعة وهي تتقيأ", P1, "attempt"),
    case("dl-meet-tomorrow-secret",
         "sa7bti 3ndha 14 3am wa7d kbir f insta ghadi yt9abel m3aha ghda w ma tgol l 7ta wa7d", P1, "trafficking"),
    case("tzm-not-good-thing", "yan urgaz iga yyi kra ur ifulkin ass-a", P1, "sexual_abuse"),
    case("en-study-medicine-guard", "she wants to study medicine", P4, absent="means", rules_level=True),
    case("dl-greeting-question-raised", "salam ana 3ndi 14 ans, wach hadchi kaybqa secret ola katgolo l walidin?", P3),
    case("fr-friend-question", "si une copine se fait toucher par son prof, elle peut vous écrire ?", P2,
         "hypothetical"),
    case("dl-if-any-solution-guard", "ila kan chi 7el 3afak goulo lia", P4, absent="hypothetical", rules_level=True),
    case("da-video-threat-son", "شي واحد كيهدد ولدي بفيديو ديالو وكيطلب الفلوس", P2, "online_exploitation"),
    case("en-year-past", "a teacher hit me with a ruler in 2019. i am at another school now", P3, "past",
         absent="danger_now", rules_level=True),
    case("fr-year-past", "mon oncle m'a touchée en 2018", P3, "past", rules_level=True),
    case("en-born-year-guard", "i was born in 2012 and my dad hits me every day", P2, "physical_abuse", "ongoing",
         rules_level=True),
]  # fmt: skip

ROUND29 = [
    case("en-van-pushing-girls", "a man is pushing two small girls into a van by the bus station and they are crying",
         P1, "trafficking"),
    case("fr-just-made-get-in",
         "une femme vient d'en faire monter trois dans une voiture, des fillettes à qui elle promet du travail", P1,
         "trafficking"),
    case("dl-villa-girls-now", "wa7d rajel kaydkhl bnat sghar l villa fiha rjal kbar, daba dkhlo jouj", P1,
         "trafficking"),
    case("ar-marriage-tonight-locked", "سيأتون الليلة لعقد قراني وأبي أغلق علي باب الغرفة، عمري 14 سنة", P1,
         "child_marriage", "danger_now"),
    case("en-come-home-see", "my brother saw me with a boy. he wrote come home and see what happens. im 15", P1,
         "afraid_home"),
    case("fr-torn-dress-tonight", "ma fille de 10 ans est rentrée ce soir avec sa robe déchirée, elle tremble", P1,
         "sexual_abuse", "danger_now"),
    case("da-torn-clothes-afternoon", "خويا الصغير رجع هاد العشية كيبكي و حوايجو مقطعين", P1, "sexual_abuse"),
    case("en-torn-dress-wedding-guard", "my sister's dress was torn at the wedding tonight, she cried", P4,
         absent="sexual_abuse", rules_level=True),
    case("ar-boat-forest", "ابن عمي عمره 15 سنة في الغابة قرب الفنيدق مع آخرين ينتظرون القارب للعبور الليلة", P1,
         "trafficking"),
    case("en-ferry-guard", "we are waiting for the boat to tangier med tonight with my parents", P4,
         absent="trafficking", rules_level=True),
    case("ar-debt-travel", "أحضرني رجل من القرية لأعمل عنده، ويقول إن علي أن أرد له ثمن السفر", P1, "trafficking"),
    case("dl-phone-off-work-promise", "bent 3ami 16 3am mchat m3a wa7d drari galo lha ghadi tkhdem f tanja, daba tfa "
         "tel dyalha", P1, "trafficking", "missing_runaway"),
    case("tzm-employer-hits", "xeddmeɣ di taddart n yiwen n urgaz, tamṭṭut-nnes tewwet-ayi kul ass", P2,
         "physical_abuse", "child_labour"),
    case("tzm-one-guard", "yiwet n teqcict tedda d yemma-s ɣer ssuq", P4, absent="physical_abuse", rules_level=True),
    case("da-rub-euphemism", "بنتي قالت ليا بلي الجار كيحكها فالدروج", P2, "sexual_abuse"),
    case("dl-rub-euphemism", "mol l7anout 7kaha w hiya 12 ans", P2, "sexual_abuse"),
    case("en-send-to-school", "he has my photos and wants 300 dh or he will send them to my whole school", P2,
         "online_exploitation", rules_level=True),
    case("da-game-gems", "واحد فاللعبة كيطلب من ولدي يصيفط ليه تصاويرو وكيعطيه الجواهر", P2, "online_exploitation"),
    case("fr-back-from-work-guard", "mon père est rentré du travail, on mange maintenant", P4,
         absent="perpetrator_access", rules_level=True),
    case("en-back-from-work-guard", "my dad came back from work now and we are eating dinner", P4,
         absent="perpetrator_access", rules_level=True),
    case("en-back-from-work-hits", "he came back from work and is hitting my mum right now", P1, "danger_now"),
    case("fr-children-into-car-work", "un homme fait monter des enfants dans une voiture en leur promettant du travail",
         P1, "trafficking"),
    case("dl-wont-come-back", "ana khayf 3la khti, mchat hadi jouj iyam w ma bghatch trje3", P2, "missing_runaway",
         rules_level=True),
]  # fmt: skip

ROUND30 = [
    case("dl-not-waking-pushed", "bba dfe3 khoya sghir l 7it w daba ma kayfi9ch", P1, "medical"),
    case("ar-stairs-eyes-closed", "سقطت أختي من الدرج بعدما دفعها عمي، ولا تفتح عينيها", P1, "medical"),
    case("en-floor-not-answering", "my cousin fell after her dad shoved her, she's on the floor and not answering", P1,
         "medical"),
    case("en-not-answering-texts-guard", "my son is not answering properly to my texts", P4, absent="medical",
         rules_level=True),
    case("dl-late-riser-guard", "khti ma katfi9 hta l 10 dyal sba7", P4, absent="medical", rules_level=True),
    case("en-floor-playing-guard", "my baby brother is on the floor playing with his cars", P3, absent="medical",
         rules_level=True),
    case("ar-tracks-now", "أنا الآن قرب السكة الحديدية ولا أريد أن أعود", P1, "suicide_plan"),
    case("en-train-late-guard", "the train passes in 10 minutes, i'll be late for class", P3, absent="suicide_plan",
         rules_level=True),
    case("da-hypothetical-means-at-hand", "واش إلا شي واحد شرب دوا ديال الضغط كامل كيموت؟ العلبة فيدي", P1,
         "suicide_plan"),
    case("dl-hypothetical-only-guard", "wach ila chi wa7d chrb jafel kaymout? ghir kan sowl", P4,
         absent="suicide_plan", rules_level=True),
    case("dl-euphemism-taxi", "wa7d f taxi dar biya chi 7aja had sba7, daba ana f dar w kanrjf", P1, "sexual_abuse"),
    case("tzm-bad-things-evening", "yan urgaz iwi iyi s tgmmi ns, iskr iyi lhwayj khaybin tameddit ad", P1,
         "sexual_abuse"),
    case("dl-car-unknown-road", "ana f tomobil m3a wa7d ma kan3rfouch w khrj mn tri9, ma 3reftch fin 7na", P1,
         "danger_now"),
    case("en-cant-go-back-there", "if i go home with these marks he will use the belt. i cant go back there", P1,
         "afraid_home"),
    case("fr-bleeding-half-hour", "je me suis coupé et ça arrête pas de saigner depuis une demi-heure", P1, "medical"),
    case("fr-dare-not-go-up", "je suis en bas de l'immeuble, j'ose pas monter, il m'attend", P1, "afraid_home"),
    case("fr-parents-took-money", "un homme vient la chercher ce soir pour l'emmener travailler, ses parents ont pris "
         "l'argent", P1, "trafficking"),
    case("da-wont-go-in", "أنا حدا الجامع ما بغيتش ندخل للدار، هو تما ومي خدامة", P1, "afraid_home"),
    case("dl-boat-water", "khoya rkeb f zodiac had lil w sift lia lma kaydkhl", P1, "danger_now"),
    case("dl-sold-her", "bbaha ba3ha l wa7d rajl w ghadi yjiw yakhdoha ghda", P1, "trafficking"),
    case("tzm-bleach-vomiting", "ultma tssa jafel, ar tqiya", P1, "attempt"),
    case("da-key-in-door", "سمعت الساروت فالباب، هو هاداك", P1, "danger_now"),
    case("ar-mother-at-work", "إنه هنا مرة أخرى في الصالة، وأمي في العمل حتى الصباح", P1),
]  # fmt: skip

ROUND31 = [
    case("ar-coach-alone-tonight", "المدرب طلب مني أن أبقى وحدي معه بعد الحصة الليلة", P1, "sexual_abuse",
         "danger_now"),
    case("ar-stay-alone-guard", "أريد أن أبقى وحدي في غرفتي بعد المدرسة", P3, absent="sexual_abuse", rules_level=True),
    case("fr-stay-alone-with-him", "l'entraîneur veut que je reste seule avec lui ce soir après le match", P1,
         "sexual_abuse"),
    case("dl-threat-slaughter-now", "bba chedha mn cha3rha w kaygoul ghadi ydbe7ha, daba kaydgg 3la lbab dyal lbit", P1,
         "physical_abuse", "danger_now"),
    case("en-slaughter-threat-now", "my uncle says he will slaughter her, he is in the kitchen now with a knife", P1,
         "danger_now"),
    case("fr-forced-garage-afternoon", "ma nièce est rentrée en larmes, trois garçons l'ont forcée derrière "
         "l'école cet après-midi", P1, "sexual_abuse"),
    case("fr-forced-to-eat-guard", "ma mère m'a forcée à manger des légumes ce soir", P4, absent="sexual_abuse",
         rules_level=True),
    case("fr-put-out-night", "mon père m'a mis dehors cette nuit, je dors dans la rue à Fès, j'ai 14 ans", P1,
         "missing_runaway"),
    case("en-thrown-out-tonight", "my stepmum threw me out tonight and i have nowhere to sleep, im 13", P1,
         "missing_runaway"),
    case("ar-locked-door-moments-ago", "عاد زوج أمي قبل قليل وأغلق الباب بالمفتاح وهو يصرخ", P1, "danger_now"),
    case("fr-locked-and-waiting", "il a fermé la porte à clé et il attend dans le couloir, je suis dans ma chambre", P1,
         "danger_now"),
    case("fr-locked-self-guard", "j'ai fermé la porte à clé ce soir, je suis tranquille", P4, absent="danger_now",
         rules_level=True),
    case("da-toddler-alone-since-yesterday", "جارتي خلات وليداتها صغار بوحدهم من البارح، واحد فيهم عندو عامين", P1,
         "neglect", "young_child"),
    case("en-engaged-after-eid", "my father signed papers with a man twice my age, they say i marry him after "
         "ramadan. im 14", P1, "child_marriage"),
    case("en-marry-daughter-to-older", "my neighbours want to marry their 15 year old daughter to a man of forty", P2,
         "child_marriage"),
    case("fr-cut-again-thighs", "je me suis encore coupée cette nuit, personne ne sait", P2, "self_harm",
         rules_level=True),
    case("fr-how-many-to-not-wake", "combien de cachets de paracétamol faut-il pour ne plus se réveiller ? c'est pour "
         "un devoir", P1, "suicide_plan"),
    case("tzm-you-will-see-tonight", "baba iqqn lbab s tsarut, inna yyi rad tannayt ghassad", P1, "danger_now"),
    case("tzm-taken-to-work-phone-off", "tiwi yat tmghart illis n gma s Kaza at tkhdm gh tgmmi, tilifun nns mqqfl", P1,
         "trafficking"),
    case("tzm-locked-in-at-night", "iwin iyi zg ddwar ad khdmgh g yat tgmmi, ar qqnen fllagh lbab g yiḍ", P1,
         "trafficking"),
    case("ar-here-again-alone", "إنه هنا مرة أخرى وأنا وحدي مع أخي الصغير، أمي في المستشفى الليلة", P1, "danger_now"),
    case("da-tortures-maid-now", "جارتنا كتعذب البنت اللي خدامة عندها، دابا كتغوت", P1, "physical_abuse", "danger_now"),
    case("dl-tortures-maid-now", "jartna kat3dab lbnt li khdama 3ndha, daba kansm3ha katbki", P1, "physical_abuse"),
    case("dl-suffers-guard", "mskina kat3dab m3a lmrd dyalha", P4, absent="physical_abuse", rules_level=True),
    case("dl-bridge-after-sunset", "safi ghadi nmchi l9ante9a mora lmghrib, ma tsifto lia walo", P1, "suicide_plan"),
    case("da-stairs-mum-away", "سمعتو طالع فالدروج وماما ماشي هنا", P1, "danger_now"),
    case("dl-at-the-door-short", "howa f lbab, ach ndir", P1, "danger_now"),
    case("dl-exam-at-door-guard", "lexam howa f lbab w ana ma 9ritch", P4, absent="danger_now", rules_level=True),
    case("dl-taken-to-agadir-phone-off", "dawha m3a wa7d rajl l agadir lyoum w tilifon dyalha tafi", P1),
    case("dl-blade-thighs", "kan9tte3 f fkhadi b chfra kol lila", P2, "self_harm"),
    case("dl-long-while-cutting", "kanjre7 ydi mn ch7al hadi w kankhbi", P2, "self_harm", absent="past"),
    case("da-slap-saturday", "ما بقاش كيضربني بزاف، ولكن البارح عطاني طرشة", P2, "physical_abuse",
         rules_level=True),
    case("en-fake-account", "someone made a fake account with my photos and says i am available", P2,
         "online_exploitation", rules_level=True),
    case("fr-post-our-video", "il menace de poster notre vidéo si je le quitte", P2, "online_exploitation"),
    case("ar-lap-secret", "ابن عمي الكبير يطلب مني أن أجلس في حضنه ويقول إنه سر بيننا", P2, "sexual_abuse"),
    case("en-lap-guard", "my little sister likes to sit on my lap", P3, absent="sexual_abuse", rules_level=True),
    case("da-complain-about-father", "شنو كيوقع إلا شي دري شكا بباه؟", P3, "family_conflict"),
    case("ar-neighbour-neglects", "إذا شك شخص أن جاره يهمل أطفاله، هل يمكنه الاتصال دون اسمه؟", P3, "neglect"),
    case("tzm-azilal-not-greeting", "nkki zg Azilal", P4, absent="greeting", rules_level=True),
]  # fmt: skip

ROUND32 = [
    case("ar-girls-cards-bus", "رجل في المحطة مع طفلتين، أخذ بطائقهما ويقول إنهما ذاهبتان للعمل في البيوت، الحافلة بعد "
         "دقائق", P1),
    case("ar-under-bed-dont-call", "رجع. أنا تحت السرير. لا تتصلوا، سيسمع الهاتف", P1, "danger_now"),
    case("da-net-silent", "رجع بابا سكران، أنا تحت الناموسية ساكتة، ما تعيطوش", P1, "danger_now"),
    case("da-net-goodnight-guard", "صافي أنا ناعسة، تصبحو على خير", P4, absent="danger_now", rules_level=True),
    case("ar-method-disavowed", "أفكر في الطريقة التي أنهي بها حياتي لكنني لن أفعل شيئا", P2),
    case("dl-method-disavowed", "kanfkr bzaf kifach ndir l rasi walakin ma ghadich ndirha", P2, "self_harm",
         rules_level=True),
    case("da-gave-cat-letter", "ما غاديش ندير شي حاجة، غير عطيت المش ديالي لختي وكتبت برية لماما", P1,
         "suicide_intent"),
    case("fr-denial-farewell", "t'inquiète je vais rien faire, j'ai donné mon chat à ma voisine. merci pour tout", P1,
         "suicide_intent"),
    case("en-lost-in-medina", "we lost him in the market an hour ago, he is 5 and it is getting dark", P1,
         "missing_runaway"),
    case("fr-fatiha-tonight", "ce soir c'est la fatiha avec l'homme que mon père a choisi, j'ai 14 ans", P1,
         "child_marriage"),
    case("dl-fatiha-grandma-guard", "9rit lfati7a m3a jdati lyouma", P4, absent="child_marriage", rules_level=True),
    case("fr-note-spain-car", "une fille m'a fait signe, « ils m'emmènent en Espagne », elle est dans une voiture "
         "grise, je la vois encore", P1, "trafficking"),
    case("fr-holiday-guard", "mes parents m'emmènent en vacances ce soir", P4, absent="trafficking", rules_level=True),
    case("tzm-room-tonight", "argaz n immi inna yi ad d yas s taxamt inu ghyid ad", P1),
    case("tzm-touched-her", "lfqih i9isa illi, ur sul tra ad tddu s tmzgida", P2, "sexual_abuse"),
    case("ar-held-warehouse", "رجل أخذ أطفالا ليعبروا إلى إسبانيا، والآن هم محتجزون في مستودع", P1, "trafficking"),
    case("da-house-locked-work", "داوها لواحد الدار باش تخدم، وقالت لينا كيسدو عليها", P1, "trafficking"),
    case("da-owned-diabetes-pills", "إلا شي واحد شرب الدوا ديال السكر كامل شنو يوقع؟ راه أنا درتها", P1),
    case("dl-owned-bleach", "ila chi wa7d chrb javel chno ywe93? ana drtha daba", P1, "attempt"),
    case("dl-rest-from-world", "sm7ou lia kamlin, ghadi nrta7 mn had denya", P1, "suicide_intent"),
    case("tzm-uncle-sleeps-tonight", "xali ad ibat ghr dar-ngh ghyid ad, iskr dari kra ur zdargh ad t inigh", P1),
    case("da-cutting-a-while", "كنجرح يدي شحال هادي وما عارف حد", P2, "self_harm", absent="past"),
    case("da-brick-kiln", "خويا عندو 12 عام كيخدم فمعمل ديال الياجور", P2, "child_labour"),
    case("dl-send-someone-locked", "3afak sifto chi 7ed, bba kaykser kolchi w 7na msdodin f lbit", P1, "danger_now"),
    case("dl-send-someone-papers-guard", "wach t9dro tsifto chi 7ed yfhmni f lwra9", P4, absent="danger_now",
         rules_level=True),
    case("fr-button-battery", "mon fils de 2 ans a avalé une pile bouton il y a dix minutes", P1, "medical"),
    case("tzm-fever-convulsion", "iwi tsskhana bahra, ijjat as tchenja", P1, "medical"),
    case("dl-cramp-guard", "3ndi tchenja f rjli mn lmatch", P4, absent="medical", rules_level=True),
    case("tzm-instructor-bad-things", "iskr as lostad lhwayj ur ifulkin, 14 n usggas ayd gis", P2, "sexual_abuse"),
    case("dl-lighter-self", "kankwi rasi b brika mli kanthe9", P2, "self_harm", rules_level=True),
    case("en-wound-pus", "im in the forest near nador, my leg is full of pus and i have fever", P1, "medical"),
    case("fr-smuggler-locks", "le passeur nous enferme pour que nos familles envoient l'argent", P1, "trafficking"),
    case("fr-waits-broke-arm", "je rentre pas, il m'attend. la dernière fois il m'a cassé le bras", P1),
    case("fr-broke-arm-football-guard", "il s'est cassé le bras au foot", P4, absent="physical_abuse",
         rules_level=True),
]  # fmt: skip

ROUND33 = [
    case("da-girls-houses-locked", "جاب بنات صغار من البادية باش يخدمو فالديور، وحدة قالت ليا راه مسدود عليها", P1,
         "trafficking"),
    case("en-forced-into-car-hours", "a man forced me into his car at the beach two hours ago, i cant stop shaking", P1,
         "sexual_abuse"),
    case("en-girls-van-now", "a man took two girls from the village, says theyll work in houses in rabat, they are "
         "on the road right now", P1, "trafficking"),
    case("en-mum-cleans-houses-guard", "my mum will work in houses in rabat today", P4, absent="trafficking",
         rules_level=True),
    case("fr-insta-wont-let-go", "ma cousine est chez un type rencontré sur insta, il ne la laisse pas repartir", P1,
         "trafficking"),
    case("tzm-afraid-home-tonight", "ur xsaɣ ad ɛawdaɣ ar taddart yiḍ-a, ttugadeɣ baba", P1, "afraid_home"),
    case("tzm-hid-in-room", "argaz n yemma ar ittwwet yemma ɣila, nffer ɣ texxamt", P1, "danger_now"),
    case("dl-bus-station-girls", "wa7d rajel f lmahatta kayjma3 lbnat sghar w kaygolihom kayna khdma, daba ghadi "
         "ymchiw m3ah", P1, "trafficking"),
    case("fr-uncle-tonight-touched", "mon oncle arrive ce soir et va dormir chez nous, l'an dernier il m'a touchée",
         P1),
    case("fr-they-marry-me", "ils me marient dans deux semaines avec un homme de 40 ans, j'ai 15 ans", P1,
         "child_marriage"),
    case("fr-weekend-trip-guard", "je vais partir avec elle ce weekend", P4, absent="trafficking", rules_level=True),
    case("tzm-taking-girls-houses", "yan urgaz ar yasi tifrxin s Agadir ad xdmnt ɣ tgmmiwin, ɣila", P1, "trafficking"),
    case("ar-tied-with-rope", "أبي لم يعد يضربني، صار يربطني بالحبل في الإسطبل", P1),
    case("ar-relation-ties-guard", "تربطني بها علاقة صداقة قوية", P4, absent="physical_abuse", rules_level=True),
    case("da-taken-tonight-to-man", "البنت اللي خدامة عندهم قالت ليا غادي يديوها الليلة لواحد السيد", P1,
         "trafficking"),
    case("da-locked-woodshed", "بابا كيسدني فبيت الحطب طول الليل", P1),
    case("dl-friend-dated-hypothetical", "ghir so2al 3la sa7bti: ila chrbat dwa kaml chno ywe93? galt lia had lweekend",
         P1, "suicide_plan"),
    case("dl-hypothetical-undated-guard", "ila chi wa7d chrb dwa kaml wach ymout? ghir kan sowl", P2,
         absent="suicide_plan", rules_level=True),
    case("dl-dragged-to-forest", "sa7bti jarha wa7d l ghaba 9bel chi sa3tayn, rj3at katbki", P1, "sexual_abuse"),
    case("dl-burned-hand-again-today", "mrat bba 7r9at lia yddi lbare7 w galt ghadi t3awd lyoum", P1),
    case("en-autistic-walked-out", "my daughter is autistic, she walked out of the centre an hour ago and its getting "
         "dark", P1, "missing_runaway"),
    case("fr-men-car-crying", "ma soeur a été emmenée en voiture par des hommes ce soir, elle m'a envoyé un vocal en "
         "pleurant", P1, "trafficking"),
    case("fr-workshop-locked", "j'ai 14 ans, je travaille dans un atelier et le patron nous enferme la nuit", P1,
         "trafficking"),
    case("tzm-tifinagh-help-here", "ⴰⵡⵙ ⵉⵢⵉ. ⵉⵍⵍⴰ ⵖⵉⴷ", P1, "danger_now"),
    case("da-brother-will-slaughter-home", "ما باغياش نرجع للدار، خويا قال غادي يذبحني", P1, "afraid_home"),
    case("dl-tiktok-video-come", "wa7d f tiktok galia ila ma jitch l 3ndo ghadi ysift la video l bba", P2,
         "online_exploitation", rules_level=True),
    case("en-downstairs-door", "hes downstairs and drunk. my door doesnt lock", P1, "danger_now"),
    case("fr-homework-stick", "le prof m'a frappé avec un bâton pour un devoir pas fait", P2, "physical_abuse",
         rules_level=True),
    case("tzm-surveillant-tonight", "ghassad l'surveillant iskr yi chi haja ur ifulkin", P1, "sexual_abuse"),
    case("da-train-thought-disavowed", "ولدي قال ليا كيفكر يلوح راسو قدام التران، ولكن ماغاديش يديرها", P2),
    case("dl-shopkeeper-touched", "moul l7anout lmessha f sderha chi 10 iyam hadi", P2, "sexual_abuse"),
]  # fmt: skip

ALL = (
    EN + FR + DARIJA_LAT + DARIJA_AR + AR + TZM + HARD + FOURTH + FIFTH + SIXTH + SEVENTH + EIGHTH + NINTH + ROUND11
    + ROUND12 + ROUND13 + ROUND14 + ROUND15 + ROUND16 + ROUND17 + ROUND18 + ROUND19 + ROUND20 + ROUND21
    + ROUND22 + ROUND23 + ROUND24 + ROUND25 + ROUND26 + ROUND27 + ROUND28 + ROUND29 + ROUND30
    + ROUND31 + ROUND32 + ROUND33
)  # fmt: skip
