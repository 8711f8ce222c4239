"""Guesses the language of a message from its script and marker words."""

from __future__ import annotations

import re

from triage.scoring.normalise import Token, normalise_word, tokenise
from triage.scoring.types import Language, Script

ARABIZI = re.compile(r"[a-z][2379]|[2379][a-z]")
MARKERS: dict[Language, frozenset[str]] = {
    Language.EN: frozenset(
        "i you he she my me is are was the a and to of it not what how help please this "
        "dad mom mum father mother brother sister hits with at home school want hello hi hey thanks "
        "thank".split()
    ),
    Language.FR: frozenset(
        "je tu il elle mon ma mes me moi est suis le la les et de des un une pas ne que "
        "quoi comment aide pere mere frere soeur avec maison ecole veux tous jours ce soir "
        "mais pour qui c'est j'ai bonjour salut bonsoir merci coucou".replace("'", "").split()
    ),
    Language.DARIJA_LAT: frozenset(
        "ana nta nti huwa hiya bghit bgha wach wax dyal dial diali dyali daba dba bzaf "
        "rani raha rah hadi had chi ch wla 3la ala mn men f fi l bba baba mama mok khoya "
        "khti salam slm wa ila ghadi 3afak afak smhli smhlia kifach chno chnou ma mazal "
        "lyoum lyom kayn kayna ghir m3a mea 3ndi andi hna tma ktir walo bba bbah khay "
        "3lia alia 3liya".split()
    ),
    Language.TZM: frozenset(
        "azul tanmmirt tanemmirt ur nkki nkkin inu iyi ad righ rix ghilad dghi tigmmi "
        "tgmmi imma baba gma ultma ikkat iwwt ksudegh awid tiwisi fellawen mad manik g "
        "d is ar sul labas".split()
    ),
    Language.AR: frozenset(
        "انا أنا اريد أريد لا لم لن هذا هذه الذي التي ماذا كيف ليس هل في من على عن الى إلى "
        "ان أن ابي أبي امي أمي يضربني المنزل البيت اليوم الان الآن لدي عندي جدا".split()
    ),
    Language.DARIJA_AR: frozenset(
        "بغيت بغا واش ديال ديالي دابا دبا بزاف راني راه هادي هاد شي ماشي كي كنت غادي "
        "باقي مازال والو شنو شكون كيفاش علاش فين بابا ماما خويا ختي كيضربني عافاك "
        "كاين كاينه معايا ليا عليا حتى ولا غير".split()
    ),
}
TZM_ENDINGS = re.compile(r"(?:egh|gh|ɣ)$")
DARIJA_VERB = re.compile(r"^(?:kan|kay|kat|kan|ki|ka|ghadi|gha|ma)[a-z]{3,}(?:ni|ch|h|ha|hom|k|kom|lia)?$")


NORMALISED_MARKERS = {language: frozenset(normalise_word(w) for w in words) for language, words in MARKERS.items()}


def _score(forms: list[str], language: Language) -> float:
    """Counts the marker words of a language among the tokens' forms."""
    return float(sum(map(NORMALISED_MARKERS[language].__contains__, forms)))


def detect_language(text: str, *, script: Script, tokens: tuple[Token, ...] | None = None) -> Language:
    """Returns the language of a message; Darija wins ties in Latin script because French code-switching is common."""
    if script == "tifinagh":
        return Language.TZM
    forms = [t.form for t in (tokens if tokens is not None else tokenise(text))]
    arabic = sum(1 for form in forms if form and "\u0600" <= form[0] <= "\u06ff")
    latin = sum(1 for form in forms if form.isascii() and form.isalpha())
    if arabic > latin:
        darija = _score(forms, Language.DARIJA_AR)
        return Language.DARIJA_AR if darija >= _score(forms, Language.AR) and darija > 0 else Language.AR
    lowered = text.lower()
    scores = {
        language: _score(forms, language) for language in (Language.EN, Language.FR, Language.DARIJA_LAT, Language.TZM)
    }
    verbs = sum(1 for form in forms if DARIJA_VERB.match(form) and form not in NORMALISED_MARKERS[Language.FR])
    scores[Language.DARIJA_LAT] += 2 * len(ARABIZI.findall(lowered)) + 2 * verbs + 0.25
    scores[Language.TZM] += 0.5 * sum(1 for w in lowered.split() if TZM_ENDINGS.search(w) and len(w) > 4)
    return max(scores, key=lambda language: scores[language])
