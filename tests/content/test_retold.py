"""The stories are retold, not copied: no English text the visitor can see shares a run of ten words with the report.

Words are compared normalised (lower case, letters and digits only, apostrophes dropped, so "$50, 000" and "$50,000"
match). The report itself is not kept in the repository: `report_10grams.txt` holds a short hash of each of its
10-grams, and is checked against the report whenever the report is on this machine (shared/seeds beside the clone).
Regenerate it with `python -m tests.content.test_retold`.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

from tests import REPO
HASHES = Path(__file__).with_name("report_10grams.txt")
REPORT_NAME = "000_dd718a3659c07098.txt"
N = 10


def report_path() -> Path | None:
    for shared in (REPO.parent / "shared", Path("/work/shared")):
        path = shared / "seeds" / REPORT_NAME
        if path.is_file():
            return path
    return None


def words(text: str) -> list[str]:
    text = re.sub(r"[’'`]", "", text.lower())
    return re.findall(r"[a-z0-9]+", text)


def gram_hash(gram: tuple[str, ...]) -> str:
    return hashlib.sha1(" ".join(gram).encode()).hexdigest()[:12]


def hashes_of(text: str) -> set[str]:
    tokens = words(text)
    return {gram_hash(tuple(tokens[i:i + N])) for i in range(len(tokens) - N + 1)}


def english_texts(node, where: str = ""):
    """Every English text in a story or exhibition file: the `en` side of each localised text; the items of a list
    (captions one after another, as narrated) as one text, so no run hides across two captions."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "en":
                items = value if isinstance(value, list) else [value]
                texts = [item.get("text") if isinstance(item, dict) else item for item in items]
                yield f"{where}.en", " ".join(t for t in texts if isinstance(t, str))
            else:
                yield from english_texts(value, f"{where}.{key}" if where else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from english_texts(value, f"{where}[{index}]")


def shipped_files() -> list[Path]:
    return sorted((REPO / "stories").glob("*.yaml")) + sorted((REPO / "config").glob("*.yaml"))


def copied_runs(report_hashes: set[str]) -> list[str]:
    found = []
    for path in shipped_files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, text in english_texts(data):
            tokens = words(text)
            for i in range(len(tokens) - N + 1):
                if gram_hash(tuple(tokens[i:i + N])) in report_hashes:
                    found.append(f"{path.relative_to(REPO)} {where}: '{' '.join(tokens[i:i + N])}'")
    return found


def stored_hashes() -> set[str]:
    return set(HASHES.read_text(encoding="ascii").split())


def test_the_stored_hashes_are_the_reports():
    report = report_path()
    stored = stored_hashes()
    assert len(stored) > 5000  # the report is about 9,000 words
    if report is not None:
        assert hashes_of(report.read_text(encoding="utf-8")) == stored, "regenerate report_10grams.txt"


def test_the_checker_finds_a_copied_run_however_it_is_spaced():
    stored = stored_hashes()
    copied = "Public Safety Canada committed $6\nmillion. Most of this money is allocated"
    assert hashes_of(copied) & stored
    assert not hashes_of("Public Safety Canada also pledged $6 million; most of that money went") & stored


def test_no_english_text_shares_ten_words_with_the_report():
    runs = copied_runs(stored_hashes())
    assert runs == [], "retell these in our own words:\n" + "\n".join(runs)


if __name__ == "__main__":
    found = report_path()
    if found is None:
        raise SystemExit(f"the report ({REPORT_NAME}) is not on this machine")
    HASHES.write_text("\n".join(sorted(hashes_of(found.read_text(encoding="utf-8")))) + "\n", encoding="ascii")
    print(f"wrote {HASHES}")
