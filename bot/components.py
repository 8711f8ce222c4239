"""Custom NLU components (offline, no downloads).

- `ArabiziTokenizer`: whitespace tokenizer whose tokens are normalised (accents, Arabic letter variants,
  letter repeats), so "bzzzaf"/"bzaf" and "أريد"/"اريد" share features. The message text is left untouched.
- `LanguageSignalExtractor`: after intent classification and the FallbackClassifier, adds a `language` entity
  when the user names a language ("français", "darija", "بالعربية": an explicit choice, which fills the
  `language` and `language_chosen` slots; detection from the text itself is left to action_extract_language,
  which knows the conversation) and one `signal` entity per risk signal. When the lexicon sees live danger
  (suicide, attempt, medical, danger now) and the classifier did not pick a danger intent, it overrides the
  intent; a danger intent that the classifier ranked first is not lost to the fallback threshold (recall on
  danger matters more than precision), unless the words argue against danger ("I'm not in danger", a negated
  or past danger, an idiom like "this exam is killing me"): then, with no live danger word, the best
  non-danger intent is taken instead.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.text import content_words, detect_signals, explicit_language, normalise

DANGER_INTENTS = ("danger_now", "suicide_risk", "medical_emergency")
FALLBACK = "nlu_fallback"
# A language named in a message this short is a choice even if the classifier saw another intent ("b darija 3afak").
CHOICE_MAX_WORDS = 3


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class ArabiziTokenizer(WhitespaceTokenizer):
    """WhitespaceTokenizer with Darija/Arabic/French-aware token normalisation."""

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        tokens = super().tokenize(message, attribute)
        for token in tokens:
            token.text = normalise(token.text) or token.text
        return tokens


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LanguageSignalExtractor(GraphComponent):
    """Adds `language` and `signal` entities; forces a danger intent on live danger words."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"override_danger_intent": True}

    def __init__(self, config: dict[str, Any]) -> None:
        self._override = bool(config.get("override_danger_intent", True))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageSignalExtractor:
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text: str | None = message.get(TEXT)
        if not text or text.startswith("/"):
            return
        entities = [e for e in message.get(ENTITIES, []) if e.get("entity") not in ("language", "signal")]
        intent = message.get(INTENT) or {}
        ranking = message.get(INTENT_RANKING_KEY) or []
        language = self._chosen_language(text, intent, ranking)
        if language:
            entities.append(self._entity("language", language, text))
        signals = detect_signals(text)
        for code in signals.codes:
            entities.append(self._entity("signal", code, text))
        message.set(ENTITIES, entities, add_to_output=True)

        if not self._override:
            return
        name = intent.get("name")
        best = next((r for r in ranking if r.get("name") != FALLBACK), None)
        forced = signals.danger_intent
        if forced:
            self._set_intent(message, name if name in DANGER_INTENTS else forced, 1.0, ranking)
        elif signals.doubts_danger:
            # "I'm not in danger", "he doesn't hit me anymore", "this exam is killing me": no live danger word and
            # words against it, so a danger reading gives way to the classifier's best other one (an unclear
            # message stays unclear).
            if name in DANGER_INTENTS:
                other = next((r for r in ranking if r.get("name") not in (*DANGER_INTENTS, FALLBACK)), None)
                if other:
                    self._set_intent(message, other["name"], float(other.get("confidence") or 0.0), ranking)
                else:
                    self._set_intent(message, FALLBACK, float(intent.get("confidence") or 0.0), ranking)
        elif name == FALLBACK and best and best.get("name") in DANGER_INTENTS:
            # Round up: a danger intent ranked first by the classifier is never dropped as "unclear".
            self._set_intent(message, best["name"], float(best.get("confidence") or 0.0), ranking)

    @staticmethod
    def _chosen_language(text: str, intent: dict[str, Any], ranking: list[dict[str, Any]]) -> str | None:
        """The language the user names as a choice: in a choose_language message, or alone in a short one.

        "français", "b darija 3afak", "english please"; not "my English teacher hits me" (a mention, not a choice).
        """
        language = explicit_language(text)
        if not language:
            return None
        best = next((r.get("name") for r in ranking if r.get("name") != FALLBACK), intent.get("name"))
        if "choose_language" in (intent.get("name"), best) or len(content_words(text)) <= CHOICE_MAX_WORDS:
            return language
        return None

    @staticmethod
    def _set_intent(message: Message, name: str, confidence: float, ranking: list[dict[str, Any]]) -> None:
        message.set(INTENT, {"name": name, "confidence": confidence}, add_to_output=True)
        message.set(
            INTENT_RANKING_KEY,
            [{"name": name, "confidence": confidence}] + [r for r in ranking if r.get("name") != name],
            add_to_output=True,
        )

    @staticmethod
    def _entity(name: str, value: str, text: str) -> dict[str, Any]:
        return {
            "entity": name,
            "value": value,
            "start": 0,
            "end": len(text),
            "confidence_entity": 1.0,
            "extractor": "LanguageSignalExtractor",
        }
