"""DIET that loads in a fraction of the time, with the same weights and the same predictions.

Rasa's `RasaModel.load` builds DIET's variables by running one training step (`model.fit`), which makes
TensorFlow trace the whole training graph (forward pass, gradients, optimizer): most of `rasa run`'s start-up
time. For prediction only the forward pass is needed, so here the variables are built by one eager
prediction, the trained weights are restored into them, and only the prediction graph is traced.
Training is unchanged. Fine-tuning (`rasa train --finetune`) keeps Rasa's own path.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET
from rasa.nlu.classifiers.diet_classifier import DIETClassifier as RasaDIETClassifier
from rasa.utils.tensorflow.constants import RUN_EAGERLY
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel


def load_for_prediction(
    model_class: type[RasaModel],
    model_file_name: str,
    model_data_example: RasaModelData,
    predict_data_example: RasaModelData | None = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    """Builds the model by one eager prediction, restores its weights, then traces prediction only."""
    if finetune_mode or predict_data_example is None:
        return RasaModel.load.__func__(  # type: ignore[attr-defined]
            model_class, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs
        )
    model = model_class(*args, **kwargs)
    model.compile(run_eagerly=True)
    model.run_inference(predict_data_example)  # creates every variable prediction uses, with random values
    model.load_weights(model_file_name).expect_partial()  # the optimizer's slots are not needed to predict
    # Forget what the eager pass computed from the random values (label embeddings), then trace as Rasa does.
    model.prepared_for_prediction = False
    model.all_labels_embed = None
    model._tf_predict_step = None
    model.compile(run_eagerly=kwargs.get("config", {}).get(RUN_EAGERLY))
    model.run_inference(predict_data_example)
    return model


class QuickLoadDIET(DIET):
    """DIET whose `load` skips the training-graph trace."""

    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> RasaModel:
        return load_for_prediction(cls, *args, **kwargs)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class DIETClassifier(RasaDIETClassifier):
    """Rasa's DIETClassifier, loaded quickly."""

    @staticmethod
    def model_class() -> type[RasaModel]:
        return QuickLoadDIET
