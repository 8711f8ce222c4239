"""Builds train.jsonl, heldout.jsonl and `<name>_heldout.jsonl` for each clean fresh set from the hand-written
sources: python data/triage/build.py.

Each source line is `LEVEL|signal,signal|text` (file name = language) or, in context.txt,
`LEVEL|signals|text|{context json}|language`. Every third message of each (language, level) group of `source/`
goes to the held-out split (33 %), so the split is fixed, stratified and reproducible. `source/train_only/` holds
examples added later for kinds of error seen on a held-out set (new wording, never copies): they go to training only.

`breadth/` (round 23b) is training data only, never measured: messages written from DOMAIN.md alone by engineers who saw
no set, rules or lexicon, for the many wordings of urgent kinds (means by name, trafficking routes, a child burnt, tied
or locked in, the person who harms present, danger told through a detail) and their contrasts (negation, past,
hypothetical, idiom). `breadth2/` (1,650 more, written the same way) is not read yet: fitted with it, no heads of
bench/triage/heads.py's grid kept the hard cases of the tests right (exam idioms, "ana f dar", "i took the bus to school
today" went up a level; RESULTS.md, "Round 23c").

`fresh/` to `fresh52/` and `fresh57/` to `fresh148/` were further held-out sets, each written and labelled by hand
before the engine was run on it, measured clean and then tuned on (bench/triage/RESULTS.md has their clean figures).
Once a set's errors have been looked at it no longer measures anything honestly, so these are now training data (`SEEN`;
fresh30 since round 22, fresh29 and fresh31 to fresh34 since round 24, fresh35 to fresh40 since round 26, fresh41 to
fresh44 since round 27, fresh49 to fresh52 since round 28, fresh45 to fresh48 since round 29, fresh57 to fresh60 since
round 30, fresh61 to fresh64 since round 31, fresh65 to fresh68 since round 32, fresh69 to fresh72 since round 33,
fresh73 to fresh76 since round 34, fresh77 to fresh80 since round 35, fresh81 to fresh84 since round 36, fresh85 to
fresh88 since round 37, fresh89 to fresh92 since round 38, fresh93 to fresh96 since round 39, fresh97 to fresh100 since
round 40, fresh101 to fresh104 since round 41, fresh105 to fresh108 since round 42, fresh109 to fresh112 since round 43,
fresh113 to fresh116 since round 44, fresh117 to fresh120 since round 45, fresh121 to fresh124 since round 46, fresh125
to fresh128 since round 47, fresh129 to fresh132 since round 48, fresh133 to fresh136 since round 49, fresh137 to
fresh140 since round 50, fresh141 to fresh144 since round 51, fresh145 to fresh148 since round 52, which read them).
`FRESH` names the clean held-out sets, written blind by another engineer (without the lexicons, rules or earlier sets):
never train or tune on one, never read it or its misses. `fresh53/` to `fresh56/` (2585388, a4ebd36, ecbc178, 202d5c5;
written blind in round 28 with no emphasis, a general month of contacts) and `fresh149/` to `fresh152/` (685e69c,
29e02b8, db02d04, 09572dd; written blind in round 52 from a brief of the same form: fresh149 a general month with no
emphasis, fresh150 a child or teenager writing about another child they worry about (a friend, a classmate, a brother or
sister, a cousin, someone met online; often second-hand, some urgent and many not), fresh151 violence in the street and
the neighbourhood (fights, gangs, knives, harassment on the way home, drugs sold to children, older boys who threaten,
the police), fresh152 health emergencies and accidents mixed with protection (overdoses and poisoning, injuries, a
pregnant girl, eating problems, chronic illness left without care, accidents at home or at work)) are the clean sets
now, registered with the model refitted without the training lines they have word for word.
A round that reads one of them moves it to `SEEN`; the others stay clean. A fresh set whose folder is not there is
skipped.

A training message that a held-out set (the source split or a fresh set) also has word for word is left out of
training: greetings and short replies recur, and the sets' writers did not see each other's texts (fresh6 shares
some with the source held-out split), so a held-out text must not be one the model was fitted on.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
TRAIN_ONLY = SOURCE / "train_only"
BREADTH = (HERE / "breadth",)
SEEN = {name: HERE / name for name in ("fresh", *(f"fresh{n}" for n in (*range(2, 53), *range(57, 149))))}
FRESH: dict[str, Path] = {name: HERE / name for name in (f"fresh{n}" for n in (*range(53, 57), *range(149, 153)))}
HELDOUT_EVERY = 3


def read_source(path: Path, *, prefix: str = "") -> list[dict[str, object]]:
    """Reads one source file into labelled rows; ids are the prefix, the file name and the line number."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("|")
        row: dict[str, object] = {"level": parts[0], "signals": [s for s in parts[1].split(",") if s]}
        if path.stem == "context":
            row.update(text=parts[2], context=json.loads(parts[3]), language=parts[4])
        else:
            row.update(text="|".join(parts[2:]), language=path.stem)
        row["id"] = f"{prefix}{path.stem}-{number:03d}"
        rows.append(row)
    return rows


def read_folder(folder: Path, *, prefix: str) -> list[dict[str, object]]:
    """Reads every source file of a folder, in name order."""
    return [row for path in sorted(folder.glob("*.txt")) for row in read_source(path, prefix=prefix)]


def split(rows: list[dict[str, object]]) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Puts every third row of each (language, level) group in the held-out split."""
    groups: dict[tuple[object, object], int] = defaultdict(int)
    train, heldout = [], []
    for row in rows:
        key = (row["language"], row["level"])
        groups[key] += 1
        (heldout if groups[key] % HELDOUT_EVERY == 0 else train).append(row)
    return train, heldout


def write(path: Path, rows: list[dict[str, object]]) -> None:
    """Writes rows as JSON lines with a fixed key order."""
    keys = ("id", "language", "level", "signals", "text", "context")
    lines = [json.dumps({k: r[k] for k in keys if k in r}, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def splits() -> tuple[list[dict[str, object]], list[dict[str, object]], dict[str, list[dict[str, object]]]]:
    """Returns the training rows, the held-out split and each fresh set that is written. A training message that
    the held-out split or a fresh set also has word for word is left out of training, so that held-out texts stay
    unseen."""
    rows = [row for path in sorted(SOURCE.glob("*.txt")) for row in read_source(path)]
    train, heldout = split(rows)
    train += [row for path in sorted(TRAIN_ONLY.glob("*.txt")) for row in read_source(path, prefix="extra-")]
    train += [row for folder in BREADTH for row in read_folder(folder, prefix=f"{folder.name}-")]
    train += [row for name, folder in SEEN.items() for row in read_folder(folder, prefix=f"{name}-")]
    fresh = {name: read_folder(folder, prefix=f"{name}-") for name, folder in FRESH.items() if folder.is_dir()}
    return without_texts_of(train, heldout, *fresh.values()), heldout, fresh


def without_texts_of(train: list[dict[str, object]], *held: list[dict[str, object]]) -> list[dict[str, object]]:
    """Returns the training rows whose text none of the held-out sets has word for word."""
    unseen = {row["text"] for rows in held for row in rows}
    return [row for row in train if row["text"] not in unseen]


def main() -> None:
    """Builds every split."""
    train, heldout, fresh = splits()
    write(HERE / "train.jsonl", train)
    write(HERE / "heldout.jsonl", heldout)
    counts = [f"{len(train)} train", f"{len(heldout)} held out"]
    for name in FRESH:
        if name not in fresh:
            counts.append(f"{name} not written yet")
            continue
        write(HERE / f"{name}_heldout.jsonl", fresh[name])
        counts.append(f"{len(fresh[name])} {name} held out")
    print(", ".join(counts))


if __name__ == "__main__":
    main()
