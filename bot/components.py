"""Custom NLU components (offline, no downloads).

- `ArabiziTokenizer`: whitespace tokenizer whose tokens are normalised (accents, Arabic letter variants,
  letter repeats), so "bzzzaf"/"bzaf" and "أريد"/"اريد" share features. The message text is left untouched.
- `LanguageSignalExtractor`: after intent classification and the FallbackClassifier, adds a `language` entity
  (named language or confident detection, see bot.text) and one `signal` entity per risk signal; when the lexicon
  sees live danger
  (suicide, attempt, medical, danger now) and the classifier did not pick a danger intent, it overrides the
  intent; and a danger intent that the classifier ranked first is not lost to the fallback threshold:
  recall on danger matters more than precision.
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

from bot.text import detect_language, detect_signals, explicit_language, normalise

DANGER_INTENTS = ("danger_now", "suicide_risk", "medical_emergency")


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
        language = explicit_language(text) or detect_language(text)
        if language:
            entities.append(self._entity("language", language, text))
        signals = detect_signals(text)
        for code in signals.codes:
            entities.append(self._entity("signal", code, text))
        message.set(ENTITIES, entities, add_to_output=True)

        if not self._override:
            return
        intent = message.get(INTENT) or {}
        ranking = message.get(INTENT_RANKING_KEY) or []
        forced = signals.danger_intent
        if forced:
            name = intent.get("name") if intent.get("name") in DANGER_INTENTS else forced
            self._set_intent(message, name, 1.0, ranking)
        elif intent.get("name") == "nlu_fallback":
            # Round up: a danger intent ranked first by the classifier is never dropped as "unclear".
            best = next((r for r in ranking if r.get("name") != "nlu_fallback"), None)
            if best and best.get("name") in DANGER_INTENTS:
                self._set_intent(message, best["name"], float(best.get("confidence") or 0.0), ranking)

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
