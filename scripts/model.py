"""Train the Rasa model only when its inputs changed (rasa runtime, stdlib only).

    python scripts/model.py [--print-path]

The model is cached by a hash of everything that shapes it: config, domain,
stories, rules, NLU data, NLU components and the rasa lock. The cache lives
outside the checkout (LEERWIJZER_MODEL_CACHE, default ~/.cache/leerwijzer/models)
so a fresh clone on the same machine reuses it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = (
    "config.yml",
    "bot/domain.yml",
    "bot/data",
    "nlu/data",
    "nlu",
    "requirements-rasa.lock.txt",
)
SPACY_MODEL_DIR = ROOT / "var" / "spacy" / "nl_blank_lookup"


def input_files() -> list[Path]:
    files: set[Path] = set()
    for entry in INPUTS:
        path = ROOT / entry
        if path.is_file():
            files.add(path)
        elif path.is_dir():
            files.update(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix in {".yml", ".yaml", ".py", ".txt", ".json"}
            )
    return sorted(files)


def inputs_hash() -> str:
    digest = hashlib.sha256()
    for path in input_files():
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "leerwijzer" / "models"
    return Path(os.environ.get("LEERWIJZER_MODEL_CACHE", default)).expanduser()


def model_path() -> Path:
    return cache_dir() / f"leerwijzer-{inputs_hash()}.tar.gz"


def ensure_spacy_model() -> None:
    if not (SPACY_MODEL_DIR / "meta.json").exists():
        subprocess.run(
            [sys.executable, "-m", "nlu.spacy_model", str(SPACY_MODEL_DIR)],
            cwd=ROOT,
            check=True,
            stdout=sys.stderr,
        )


def train(target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    rasa = Path(sys.executable).parent / "rasa"
    started = time.perf_counter()
    subprocess.run(
        [
            str(rasa),
            "train",
            "--config",
            "config.yml",
            "--domain",
            "bot/domain.yml",
            "--data",
            "bot/data",
            "nlu/data",
            "--out",
            str(target.parent),
            "--fixed-model-name",
            target.name.removesuffix(".tar.gz"),
        ],
        cwd=ROOT,
        check=True,
        # stdout carries only the model path, for the Makefile.
        stdout=sys.stderr,
    )
    print(f"model trained in {time.perf_counter() - started:.0f} s: {target}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description="Train the Rasa model if its inputs changed.")
    parser.add_argument("--print-path", action="store_true", help="only print the model path")
    args = parser.parse_args()
    target = model_path()
    if args.print_path:
        print(target)
        return
    ensure_spacy_model()
    if target.exists():
        print(f"model up to date: {target}", file=sys.stderr)
    else:
        train(target)
    print(target)


if __name__ == "__main__":
    main()
