"""Evaluate the NLU against Rasa's default pipeline (rasa runtime).

    python scripts/eval_nlu.py [--folds 5] [--epochs-scale 1.0]

For this project's config.yml and for the `rasa init` pipeline
(tests/nlu/rasa_init_config.yml), trained on the same data (nlu/data):
5-fold cross-validation on the training data; a model on all training data
scored on the held-out set (tests/nlu/heldout.yml, never trained on) and on
the xSID off-domain texts (tests/nlu/offdomain). Prints intent macro-F1,
per-intent F1, entity F1 per type, the off-domain rate and, from the
cross-validation and xSID validation texts, a FallbackClassifier threshold
sweep. Entities are compared as (type, canonical value) per utterance.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Appended, not prepended: our catalogue/ must not shadow PyPI's catalogue.
sys.path.append(str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

import structlog  # noqa: E402
import yaml  # noqa: E402
from rasa.core.agent import Agent  # noqa: E402
from rasa.model_training import train_nlu  # noqa: E402
from rasa.shared.nlu.training_data.loading import load_data  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from nlu.text import fold  # noqa: E402

OFF_DOMAIN_OK = frozenset(["out_of_scope", "nlu_fallback"])
FALLBACK = "nlu_fallback"
PIPELINES = {
    "leerwijzer": ROOT / "config.yml",
    "rasa-init": ROOT / "tests/nlu/rasa_init_config.yml",
}
EntityCounts = dict[str, tuple[float, int, int, int]]


@dataclass
class Example:
    text: str
    intent: str
    entities: Counter[tuple[str, str]]


@dataclass
class Prediction:
    intent: str
    # Best intent other than nlu_fallback, and the runner-up's confidence.
    top_intent: str
    top_confidence: float
    second_confidence: float
    entities: Counter[tuple[str, str]] = field(default_factory=Counter)


def to_example(message: Message) -> Example:
    entities: Counter[tuple[str, str]] = Counter()
    for entity in message.get("entities") or []:
        entities[(entity["entity"], fold(str(entity["value"])))] += 1
    return Example(message.get("text"), message.get("intent"), entities)


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_config(source: Path, target: Path, epochs_scale: float) -> Path:
    """The NLU part of a config, DIET epochs scaled (a quick run for plumbing checks)."""
    config = yaml.safe_load(source.read_text(encoding="utf-8"))
    config.pop("policies", None)
    for component in config["pipeline"]:
        if "epochs" in component:
            component["epochs"] = max(1, round(component["epochs"] * epochs_scale))
    target.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return target


def train(config: Path, data: TrainingData, workdir: Path, name: str) -> tuple[Path, float]:
    data_file = workdir / f"{name}.yml"
    data_file.write_text(data.nlu_as_yaml(), encoding="utf-8")
    started = time.perf_counter()
    model = train_nlu(str(config), str(data_file), str(workdir), fixed_model_name=name)
    if model is None:
        raise RuntimeError(f"training {name} produced no model")
    return Path(model), time.perf_counter() - started


async def predict_all(model: Path, texts: list[str]) -> list[Prediction]:
    agent = Agent.load(str(model))
    predictions = []
    for text in texts:
        parsed: dict[str, Any] = await agent.parse_message(text)
        ranking = [r for r in parsed.get("intent_ranking", []) if r["name"] != FALLBACK]
        top_name = str(ranking[0]["name"]) if ranking else FALLBACK
        top_confidence = float(ranking[0]["confidence"]) if ranking else 0.0
        second = float(ranking[1]["confidence"]) if len(ranking) > 1 else 0.0
        entities: Counter[tuple[str, str]] = Counter(
            (e["entity"], fold(str(e["value"]))) for e in parsed.get("entities", [])
        )
        predictions.append(
            Prediction(parsed["intent"]["name"], top_name, top_confidence, second, entities)
        )
    return predictions


def f1(tp: int, fp: int, fn: int) -> float:
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def intent_scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    scores = {}
    for label in sorted(set(gold)):
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        scores[label] = f1(tp, fp, fn)
    return scores


def entity_scores(
    gold: list[Counter[tuple[str, str]]], predicted: list[Counter[tuple[str, str]]]
) -> EntityCounts:
    counts: dict[str, list[int]] = {}
    for g, p in zip(gold, predicted, strict=True):
        for (entity, _), n in (g & p).items():
            counts.setdefault(entity, [0, 0, 0])[0] += n
        for (entity, _), n in (p - g).items():
            counts.setdefault(entity, [0, 0, 0])[1] += n
        for (entity, _), n in (g - p).items():
            counts.setdefault(entity, [0, 0, 0])[2] += n
    result: EntityCounts = {e: (f1(*c), c[0], c[1], c[2]) for e, c in sorted(counts.items())}
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    result["ALL (micro)"] = (f1(tp, fp, fn), tp, fp, fn)
    return result


@dataclass
class Scores:
    macro_f1: float
    per_intent: dict[str, float]
    entities: EntityCounts


def score(examples: list[Example], predictions: list[Prediction]) -> Scores:
    per_intent = intent_scores([e.intent for e in examples], [p.intent for p in predictions])
    entities = entity_scores([e.entities for e in examples], [p.entities for p in predictions])
    return Scores(statistics.fmean(per_intent.values()), per_intent, entities)


def off_domain_rate(predictions: list[Prediction]) -> float:
    return sum(p.intent in OFF_DOMAIN_OK for p in predictions) / len(predictions)


def would_fall_back(p: Prediction, threshold: float, ambiguity: float) -> bool:
    return p.top_confidence < threshold or p.top_confidence - p.second_confidence < ambiguity


def threshold_sweep(
    in_domain: list[tuple[Example, Prediction]], off_domain: list[Prediction], ambiguity: float
) -> None:
    print(
        "\nFallbackClassifier threshold sweep"
        " (in-domain: 5-fold CV predictions; off-domain: xSID validation)"
    )
    print(
        f"{'threshold':>9} {'in-domain correct':>18}"
        f" {'in-domain fallback':>19} {'off-domain ok':>14}"
    )
    for step in range(6, 19):
        t = step * 0.05
        correct = sum(
            not would_fall_back(p, t, ambiguity) and p.top_intent == e.intent for e, p in in_domain
        ) / len(in_domain)
        fallback = sum(would_fall_back(p, t, ambiguity) for _, p in in_domain) / len(in_domain)
        ok = sum(
            p.top_intent == "out_of_scope" or would_fall_back(p, t, ambiguity) for p in off_domain
        ) / len(off_domain)
        print(f"{t:9.2f} {correct:18.3f} {fallback:19.3f} {ok:14.3f}")


def print_scores(title: str, scores: Scores) -> None:
    print(
        f"\n{title}: intent macro-F1 {scores.macro_f1:.3f},"
        f" entity F1 {scores.entities['ALL (micro)'][0]:.3f}"
    )
    print("  per intent: " + ", ".join(f"{k} {v:.2f}" for k, v in scores.per_intent.items()))
    print(
        "  entities (F1, tp, fp, fn): "
        + ", ".join(f"{k} {v[0]:.2f} ({v[1]}/{v[2]}/{v[3]})" for k, v in scores.entities.items())
    )


def evaluate(
    name: str, config_source: Path, args: argparse.Namespace, workdir: Path
) -> dict[str, Any]:
    config = write_config(config_source, workdir / f"{name}-config.yml", args.epochs_scale)
    fallback_config = next(
        c
        for c in yaml.safe_load(config.read_text())["pipeline"]
        if c["name"] == "FallbackClassifier"
    )
    data = load_data(str(ROOT / "nlu" / "data"))
    examples = list(data.intent_examples)
    heldout = [
        to_example(m) for m in load_data(str(ROOT / "tests/nlu/heldout.yml")).intent_examples
    ]
    xsid_valid = read_lines(ROOT / "tests/nlu/offdomain/xsid_nl.valid.txt")
    xsid_test = read_lines(ROOT / "tests/nlu/offdomain/xsid_nl.test.txt")

    print(
        f"\n=== {name}: {config_source.relative_to(ROOT)} ({len(examples)} training examples) ==="
    )
    fold_scores: list[Scores] = []
    cv_pairs: list[tuple[Example, Prediction]] = []
    splitter = StratifiedKFold(n_splits=max(args.folds, 2), shuffle=True, random_state=42)
    intents = [m.get("intent") for m in examples]
    folds = splitter.split(examples, intents) if args.folds > 1 else []
    for number, (train_index, test_index) in enumerate(folds, start=1):
        train_messages = [examples[i] for i in train_index]
        fold_data = TrainingData(
            train_messages,
            entity_synonyms=data.entity_synonyms,
            regex_features=data.regex_features,
            lookup_tables=data.lookup_tables,
        )
        model, seconds = train(config, fold_data, workdir, f"{name}-fold{number}")
        test_examples = [to_example(examples[i]) for i in test_index]
        predictions = asyncio.run(predict_all(model, [e.text for e in test_examples]))
        fold_scores.append(score(test_examples, predictions))
        cv_pairs += list(zip(test_examples, predictions, strict=True))
        print(
            f"  fold {number}: trained in {seconds:.0f} s,"
            f" intent macro-F1 {fold_scores[-1].macro_f1:.3f},"
            f" entity F1 {fold_scores[-1].entities['ALL (micro)'][0]:.3f}"
        )
    cv_macro = [s.macro_f1 for s in fold_scores] or [float("nan")]
    cv_entity = [s.entities["ALL (micro)"][0] for s in fold_scores] or [float("nan")]
    if fold_scores:
        print(
            f"  {args.folds}-fold CV: intent macro-F1 {statistics.fmean(cv_macro):.3f}"
            f" ± {statistics.pstdev(cv_macro):.3f}, entity F1 {statistics.fmean(cv_entity):.3f}"
            f" ± {statistics.pstdev(cv_entity):.3f}"
        )

    if name == "leerwijzer" and args.model:
        model, seconds = args.model, float("nan")
        print(f"  full model: {model} (trained by `make model`)")
    else:
        model, seconds = train(config, data, workdir, f"{name}-full")
        print(f"  full model trained in {seconds:.0f} s")
    held_predictions = asyncio.run(predict_all(model, [e.text for e in heldout]))
    held = score(heldout, held_predictions)
    print_scores(f"held-out ({len(heldout)} utterances)", held)
    valid_predictions = asyncio.run(predict_all(model, xsid_valid))
    test_predictions = asyncio.run(predict_all(model, xsid_test))
    rate = off_domain_rate(test_predictions)
    print(
        f"\noff-domain (xSID test, {len(xsid_test)}): {rate:.3f} end in out_of_scope or"
        f" nlu_fallback; validation ({len(xsid_valid)}): {off_domain_rate(valid_predictions):.3f}"
    )
    leaks = Counter(p.intent for p in test_predictions if p.intent not in OFF_DOMAIN_OK)
    print(
        "  product intents reached: "
        + (", ".join(f"{k} {v}" for k, v in leaks.most_common()) or "none")
    )
    if cv_pairs:
        threshold_sweep(
            cv_pairs, valid_predictions, float(fallback_config.get("ambiguity_threshold", 0.1))
        )
    return {
        "cv_macro_f1": statistics.fmean(cv_macro),
        "cv_entity_f1": statistics.fmean(cv_entity),
        "heldout_macro_f1": held.macro_f1,
        "heldout_entity_f1": held.entities["ALL (micro)"][0],
        "off_domain": rate,
        "train_seconds": seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--epochs-scale",
        type=float,
        default=1.0,
        help="multiply DIET epochs (tests use a small value)",
    )
    parser.add_argument(
        "--model",
        type=Path,
        help="use this trained model for the project pipeline's held-out scores",
    )
    parser.add_argument("--pipelines", nargs="+", default=list(PIPELINES), choices=list(PIPELINES))
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    # Rasa logs every parse at debug level through structlog.
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    started = time.perf_counter()
    results = {}
    with tempfile.TemporaryDirectory(prefix="leerwijzer-eval-") as directory:
        for name in args.pipelines:
            results[name] = evaluate(name, PIPELINES[name], args, Path(directory))
    print("\n=== summary ===")
    print(
        f"{'pipeline':<12} {'CV macro-F1':>11} {'CV entity F1':>12} {'held-out macro-F1':>17}"
        f" {'held-out entity F1':>18} {'off-domain':>10} {'train s':>7}"
    )
    for name, r in results.items():
        print(
            f"{name:<12} {r['cv_macro_f1']:11.3f} {r['cv_entity_f1']:12.3f}"
            f" {r['heldout_macro_f1']:17.3f} {r['heldout_entity_f1']:18.3f}"
            f" {r['off_domain']:10.3f} {r['train_seconds']:7.0f}"
        )
    print(f"evaluation took {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
