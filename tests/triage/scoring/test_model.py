"""The statistical model: committed weights are exactly what training produces, rows labelled by their context
are not fitted on, and the model does not raise short or everyday replies."""

import math
from importlib import resources

import pytest

from triage.scoring.engine import assess
from triage.scoring.model import from_json, load_model, to_json
from triage.scoring.rules import apply_rules
from triage.scoring.train import TRAIN_FILE, _text_examples, read_examples, trained_json
from triage.scoring.types import Level


def test_committed_weights_equal_retraining() -> None:
    committed = (resources.files("triage.scoring") / "weights.json").read_text(encoding="utf-8")
    assert trained_json() == committed, "run: .venv/bin/python -m triage.scoring.train"


def test_weights_round_trip() -> None:
    model = load_model()
    assert to_json(from_json(to_json(model))) == to_json(model)


def test_model_probabilities_are_monotone() -> None:
    from triage.scoring.features import featurise
    from triage.scoring.rules import apply_rules

    for text in ["salam", "bghit nmout", "my parents fight", "he hits me every day"]:
        p1, p2, p3 = load_model().cumulative(featurise(apply_rules(text)))
        assert 0.0 <= p1 <= p2 <= p3 <= 1.0


def test_scoring_sums_the_parts_as_the_sparse_vector_does() -> None:
    from triage.scoring.features import featurise, parts

    model = load_model()
    heldout = TRAIN_FILE.with_name("heldout.jsonl")
    texts = [text for text, _level in read_examples(heldout)] + ["", "ok", "wach", "bba kaydrebni daba 3ndi 9 snin"]
    for text in texts:
        rules = apply_rules(text)
        fast, slow = model.cumulative_parts(parts(rules)), model.cumulative(featurise(rules))
        assert fast == pytest.approx(slow, abs=1e-12), text


SHORT_REPLIES = ["ok", "oui", "yes", "d'accord", "wakha", "واخا", "نعم", "iyeh", "1", "hmm", "please", "safi", "k"]


@pytest.mark.parametrize("text", SHORT_REPLIES)
def test_the_model_does_not_raise_a_reply_of_one_or_two_words_the_rules_find_nothing_in(text: str) -> None:
    assert apply_rules(text).findings == ()
    assert assess(text).level is Level.P4


# Everyday replies written for this test, absent from the training data (checked below).
EVERYDAY = ["ok ana hna", "yes I understand", "non merci", "I'm 15 years old", "j'habite à Rabat avec ma mère",
            "ana f l9raya daba", "I'm at school", "wach nta robot", "هل أنت إنسان", "i'll think about it",
            "safi mn b3d", "I don't know what to say", "my dad is at work and my mom is sleeping",
            "mama ghadi tmchi l 7mam m3a khti", "baba ghadi ysafer l tanja f lkhedma", "ماما مشات عند جدتي",
            "yemma tddu s lḥmmam", "mon père va au marché ce soir", "mama ghadi tji daba mn lkhedma"]  # fmt: skip


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_replies_are_not_p1(text: str) -> None:
    assert text not in {text for text, _level in read_examples(TRAIN_FILE)}
    assert assess(text).level is not Level.P1


# Everyday replies a conversation is full of, whether or not the training data has them: the ones earlier models
# made P1 ("ok", "yes", "d'accord", "I don't know", "j'ai 13 ans"), and more of the same register.
COMMON = ["ok", "yes", "d'accord", "I don't know", "idk", "jsp", "ma3rftch", "j'ai 13 ans", "3ndi 14 ans",
          "ana f dar", "bghit nsawl 3la 7a9i", "merci", "thanks", "شكرا", "لا أعرف", "iyeh", "la", "non",
          "I'm fine now", "wakha safi", "je suis à l'école", "ana bent", "he's here, my brother says hi",
          "my mom is coming to pick me up tonight"]  # fmt: skip


@pytest.mark.parametrize("text", COMMON)
def test_common_replies_are_never_p1_nor_p2(text: str) -> None:
    assert assess(text).level.rank >= Level.P3.rank


def test_rows_labelled_by_their_context_are_not_fitted_on() -> None:
    rows = [
        {"text": "yes", "level": "P1", "context": {"answers": {"danger_now": True}}},
        {"text": "he hits me", "level": "P2"},
        {"text": "ok", "level": "P1", "context": {"earlier_messages": ["he is at the door with a knife"]}},
    ]
    assert _text_examples(rows) == [("he hits me", Level.P2)]


def test_the_model_needs_more_to_make_p1_a_message_the_rules_find_nothing_in() -> None:
    from triage.scoring.model import BARE_P1_THRESHOLD, Head, Model

    heads = (BARE_P1_THRESHOLD / 2, 0.1, 0.2)  # a P1 head below the bare one (round 23's is above it: no hold)
    between = (heads[0] + BARE_P1_THRESHOLD) / 2  # enough for P1 with a finding, not without one
    bias = math.log(between / (1 - between))
    model = Model((Head(bias, {}), Head(bias, {}), Head(bias, {})), thresholds=heads)
    assert apply_rules("my parents fight all the time").findings
    assert assess("my parents fight all the time", model=model).level is Level.P1
    assert apply_rules("i am at the bus stop near the market").findings == ()
    assert assess("i am at the bus stop near the market", model=model).level is not Level.P1
