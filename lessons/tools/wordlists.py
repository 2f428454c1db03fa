#!/usr/bin/env python3
"""Make the frequency word lists for Klava's typing lessons.

Lives at lessons/tools/wordlists.py; the hand-written exclusion lists are
lessons/tools/exclude/LANG.txt (read from the folder beside this script).

Usage:  python3 lessons/tools/wordlists.py [-v] lessons

(-v also lists every dropped word, by rule, for reviewing the exclusions)

writes lessons/LANG/words-N.txt for each language and size below.

Needs (see lessons/SOURCES.md):
  - Python 3 with wordfreq 3.1.1      (pip install wordfreq==3.1.1)
  - the hunspell command and its dictionaries
        (apt-get install hunspell hunspell-en-us hunspell-ru hunspell-uk
                         hunspell-de-de hunspell-fr)

How a list is made: the candidates are wordfreq.top_n_list(lang, n,
wordlist='best'), most frequent first (fetching more than N, as the filters
drop many).  A candidate is kept when, in this order,
  1. it is made only of lowercase letters of the language's alphabet (so no
     digits, hyphens or apostrophes: English contractions, French elisions and
     Ukrainian apostrophe words are dropped);
  2. if it is a single letter, it is a real one-letter word of the language;
  3. hunspell accepts it in the form we write (German: lowercase if hunspell
     accepts that, else capitalised; see below);
  4. it is not in exclude/LANG.txt (names hunspell let through, brands,
     abbreviations, vulgar and offensive words, foreign words).
The first N kept candidates make the list.  Nothing depends on time,
randomness or the environment, so two runs give byte-identical files.

German: wordfreq case-folds its text, which turns ß into ss ("groß" is
counted as "gross").  A German candidate containing "ss" that hunspell
rejects as it is gets its ß back when exactly one way of writing some of its
"ss" as "ß" is accepted by hunspell ("strasse" -> "Straße", "weiss" ->
"weiß"); when the ss spelling itself is accepted ("dass", "Masse") it is kept
as it is; when several ß spellings are accepted, the word is dropped.

Russian: wordfreq does not fold ё into е; it counts the two spellings as the
text had them, so a word may appear both ways ("еще" and "ещё").  No ё is
added or removed here.
"""

import importlib.metadata
import itertools
import os
import subprocess
import sys
from pathlib import Path

import wordfreq

WORDFREQ_VERSION = "3.1.1"

RU_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
UK_LOWER = "".join(c for c in RU_LOWER if c not in "ёъыэ") + "єіїґ"
LATIN = "abcdefghijklmnopqrstuvwxyz"

LANGS = {
    "en": {
        "name": "English",
        "dict": "en_US",
        "apt": "hunspell-en-us",
        "alphabet": LATIN,
        "singles": "a",
        "sizes": (1000, 10000),
        "notes": [
            "Contractions (don't, it's) and other words with apostrophes or",
            "hyphens are left out; so is \"i\" (written \"I\").",
        ],
    },
    "ru": {
        "name": "Russian",
        "dict": "ru_RU",
        "apt": "hunspell-ru",
        "alphabet": RU_LOWER,
        "singles": "ивскуояа",
        "sizes": (1000, 10000),
        "notes": [
            "wordfreq keeps ё and е apart as it found them in text (no "
            "folding, no ё added),",
            "so a word written both ways may appear twice (еще and ещё).",
        ],
    },
    "uk": {
        "name": "Ukrainian",
        "dict": "uk_UA",
        "apt": "hunspell-uk",
        "alphabet": UK_LOWER,
        "singles": "івузйаоєя",
        "sizes": (1000,),
        "notes": [
            "Words with an apostrophe (м'ясо, п'ять, ім'я) or a hyphen are",
            "left out.",
        ],
    },
    "de": {
        "name": "German",
        "dict": "de_DE",
        "apt": "hunspell-de-de",
        "alphabet": LATIN + "äöüß",
        "singles": "",
        "sizes": (1000,),
        "capitalise": True,
        "restore_eszett": True,
        "notes": [
            "Nouns are capitalised as hunspell has them; a word is lowercase",
            "when hunspell also accepts it lowercase (zeit, ende, leben).",
            "wordfreq folds ß to ss; ß is put back where hunspell accepts",
            "only the ß spelling (strasse -> Straße).",
        ],
    },
    "fr": {
        "name": "French",
        "dict": "fr_FR",
        "apt": "hunspell-fr",
        "alphabet": LATIN + "àâæçéèêëîïôœùûüÿ",
        "singles": "ayà",
        "sizes": (1000,),
        "notes": [
            "Elided forms (l', qu') and words with apostrophes or hyphens",
            "(aujourd'hui, peut-être) are left out.",
        ],
    },
}

RULES = ("alphabet", "single letter", "hunspell", "ambiguous ß", "excluded",
         "duplicate")


def hunspell_rejects(dictionary, words):
    """Return the subset of words that hunspell's dictionary rejects.

    One hunspell process per call: the words go one per line on stdin and
    `hunspell -l` prints the rejected ones.
    """
    words = sorted(set(words))
    if not words:
        return set()
    env = dict(os.environ, LC_ALL="C.UTF-8")
    try:
        proc = subprocess.run(
            ["hunspell", "-d", dictionary, "-i", "UTF-8", "-l"],
            input="\n".join(words) + "\n",
            capture_output=True, text=True, encoding="utf-8", env=env)
    except FileNotFoundError:
        sys.exit("hunspell not found: apt-get install hunspell")
    if proc.returncode != 0 or proc.stderr.strip():
        sys.exit(f"hunspell -d {dictionary} failed (is its dictionary "
                 f"package installed?): {proc.stderr.strip()}")
    rejected = set(proc.stdout.split())
    unknown = rejected - set(words)
    if unknown:
        # hunspell split or changed a word: our batching would be wrong.
        sys.exit(f"hunspell {dictionary} printed words it was not given: "
                 f"{sorted(unknown)[:10]}")
    return rejected


def eszett_variants(word):
    """All spellings of word with one or more of its "ss" written "ß"."""
    spots = [i for i in range(len(word) - 1) if word[i:i + 2] == "ss"]
    out = []
    for k in range(1, len(spots) + 1):
        for chosen in itertools.combinations(spots, k):
            # skip overlapping picks ("sss")
            if any(b - a < 2 for a, b in zip(chosen, chosen[1:])):
                continue
            s = word
            for i in reversed(chosen):
                s = s[:i] + "ß" + s[i + 2:]
            out.append(s)
    return out


def spellings(word, cfg):
    """Spellings to try for a candidate, best first, grouped in tiers.

    Within a tier the first accepted spelling wins, except in the ß tier
    where more than one accepted spelling makes the word ambiguous.
    """
    def forms(w):
        return [w, w[:1].upper() + w[1:]] if cfg.get("capitalise") else [w]

    tiers = [forms(word)]
    if cfg.get("restore_eszett"):
        variants = eszett_variants(word)
        if variants:
            tiers.append([f for v in variants for f in forms(v)])
    return tiers


def read_exclusions(path):
    words = set()
    if not path.exists():
        return words
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.casefold())
    return words


def build(lang, cfg, exclude_dir):
    n_max = max(cfg["sizes"])
    allowed = set(cfg["alphabet"])
    singles = set(cfg["singles"])
    excluded = read_exclusions(exclude_dir / f"{lang}.txt")
    excluded_used = set()
    dropped = {rule: [] for rule in RULES}
    kept, seen = [], set()
    read = 0
    limit = 4 * n_max
    while True:
        cands = wordfreq.top_n_list(lang, limit, wordlist="best")
        chunk = cands[read:]
        # Words that pass the cheap rules, and every spelling hunspell
        # must judge for them: one hunspell run per chunk.
        to_check = set()
        for w in chunk:
            if set(w) <= allowed and (len(w) > 1 or w in singles):
                for tier in spellings(w, cfg):
                    to_check.update(tier)
        rejected = hunspell_rejects(cfg["dict"], to_check)

        for w in chunk:
            if len(kept) == n_max:
                break
            read += 1
            if not set(w) <= allowed:
                dropped["alphabet"].append(w)
                continue
            if len(w) == 1 and w not in singles:
                dropped["single letter"].append(w)
                continue
            form = None
            ambiguous = False
            for i, tier in enumerate(spellings(w, cfg)):
                if i == 0:
                    ok = [f for f in tier if f not in rejected][:1]
                else:
                    # lowercase before capitalised for each ß spelling
                    ok, lowers = [], set()
                    for f in tier:
                        if f not in rejected and f.lower() not in lowers:
                            ok.append(f)
                            lowers.add(f.lower())
                    ambiguous = len(ok) > 1
                if ok:
                    form = ok[0]
                    break
            if ambiguous:
                dropped["ambiguous ß"].append(w)
                continue
            if form is None:
                dropped["hunspell"].append(w)
                continue
            key = form.casefold()
            if key in excluded or w in excluded:
                excluded_used.update({key, w} & excluded)
                dropped["excluded"].append(w)
                continue
            if form in seen:
                dropped["duplicate"].append(w)
                continue
            seen.add(form)
            kept.append(form)
        if len(kept) == n_max or len(cands) < limit:
            break
        limit *= 2
    return kept, read, dropped, sorted(excluded - excluded_used)


def header(cfg, n):
    lines = [
        f"The {n} most frequent {cfg['name']} words, one per line, "
        "most frequent first.",
        f"Made by lessons/tools/wordlists.py from wordfreq {WORDFREQ_VERSION} "
        "data (CC BY-SA 4.0),",
        f"filtered with hunspell's {cfg['dict']} dictionary and "
        f"lessons/tools/exclude/{cfg.get('code')}.txt;",
        "see lessons/SOURCES.md.",
    ] + cfg["notes"]
    return "".join(f"# {line}\n" for line in lines)


def main(argv):
    verbose = "-v" in argv[1:]
    argv = [a for a in argv if a != "-v"]
    if len(argv) != 2:
        sys.exit(f"usage: {argv[0]} [-v] OUTDIR   (-v: list the dropped words)")
    version = importlib.metadata.version("wordfreq")
    if version != WORDFREQ_VERSION:
        sys.exit(f"need wordfreq {WORDFREQ_VERSION}, found {version}: "
                 f"pip install wordfreq=={WORDFREQ_VERSION}")
    outdir = Path(argv[1])
    exclude_dir = Path(__file__).resolve().parent / "exclude"
    for lang, cfg in LANGS.items():
        cfg = dict(cfg, code=lang)
        kept, read, dropped, unused = build(lang, cfg, exclude_dir)
        (outdir / lang).mkdir(parents=True, exist_ok=True)
        drops = ", ".join(f"{rule} {len(words)}"
                          for rule, words in dropped.items() if words)
        print(f"{lang}: read {read} candidates, kept {len(kept)}; "
              f"dropped: {drops}")
        if verbose:
            for rule, words in dropped.items():
                if words:
                    print(f"{lang}: dropped by {rule}: {' '.join(words)}")
        if unused:
            print(f"{lang}: {len(unused)} exclusion entries matched no word "
                  f"read (fine if they are for larger lists)")
        for n in cfg["sizes"]:
            words = kept[:n]
            if len(words) < n:
                print(f"{lang}: WARNING only {len(words)} words for "
                      f"words-{n}.txt")
            path = outdir / lang / f"words-{n}.txt"
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(header(cfg, n))
                f.write("".join(w + "\n" for w in words))
            print(f"{lang}: wrote {path} ({len(words)} words)")


if __name__ == "__main__":
    main(sys.argv)
