#!/usr/bin/env python3
"""Writes a deterministic JSONL corpus for the benchmark from chronokg's example articles.

Each line is one article, `{"id", "date", "title", "text"}` (the format `chronokg extract`
reads), made from one of the example articles (English, Simplified and Traditional Chinese)
with:
  - its entities swapped for others of the same type from the rule pack (consistently within
    the article, Latin names for Latin names and Chinese names for Chinese names),
  - its years shifted (publication date and every year in the text alike) and its day of
    publication moved within the month, so relative dates resolve to other days,
  - its paragraphs after the headline shuffled, and the sentences of some paragraphs rotated.
The same arguments give the same bytes (one seeded random generator, files read in path
order). Python 3 standard library only.

    bench/make_corpus.py --size-mb 100 -o bench/out/corpus.jsonl
"""
import argparse
import datetime
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def has_han(text):
    return any("\u3400" <= c <= "\u9fff" for c in text)


def load_entities(rules_dir):
    """Entities of the pack: {id: (type, [latin aliases], [han aliases])}, in file order."""
    entities = {}
    folder = os.path.join(rules_dir, "entities")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                record = json.loads(line)
                if "id" not in record:
                    continue  # the header line
                names = [record["label"]] + record.get("aliases", [])
                latin = [n for n in names if not has_han(n)]
                han = [n for n in names if has_han(n)]
                entities[record["id"]] = (record["type"], latin, han)
    return entities


class Template:
    """One article cut into pieces: literal text, entity slots and year slots, per sentence."""

    def __init__(self, name, published, header_kind, title, paragraphs):
        self.name = name
        self.published = published      # datetime.date
        self.header_kind = header_kind  # "dateline": keep the outlet/date/byline lines of ex06/ex07
        self.title = title
        self.paragraphs = paragraphs    # [[sentence pieces]]; piece: str | ("entity", id, script) | ("year", int)


def alias_pattern(entities):
    """One regex for every alias, longest first so a longer name wins at the same position."""
    alias_to_entity = {}
    for entity_id, (_type, latin, han) in entities.items():
        for alias in latin + han:
            # The first entity listing an alias owns it (as the pack resolves ambiguity).
            alias_to_entity.setdefault(alias, entity_id)
    alternatives = []
    for alias in sorted(alias_to_entity, key=lambda a: (-len(a), a)):
        escaped = re.escape(alias)
        if not has_han(alias):
            escaped = r"(?<![A-Za-z0-9])" + escaped + r"(?![A-Za-z0-9])"
        alternatives.append(escaped)
    years = r"(?<![0-9])(?:19[89][0-9]|20[0-3][0-9])(?![0-9])"
    return re.compile("(" + years + ")|(" + "|".join(alternatives) + ")"), alias_to_entity


def split_sentences(paragraph):
    if has_han(paragraph):
        parts = re.split(r"(?<=[。！？!?])", paragraph)
    else:
        parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", paragraph)
    return [p for p in parts if p.strip()]


def cut(text, pattern, alias_to_entity):
    pieces = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            pieces.append(text[pos:m.start()])
        if m.group(1):
            pieces.append(("year", int(m.group(1))))
        else:
            alias = m.group(2)
            pieces.append(("entity", alias_to_entity[alias], "han" if has_han(alias) else "latin"))
        pos = m.end()
    if pos < len(text):
        pieces.append(text[pos:])
    return pieces


def load_template(path, pattern, alias_to_entity):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    m = re.match(r"date: (\d{4})-(\d{2})-(\d{2})$", lines[1]) if len(lines) > 1 else None
    if lines[0].startswith("source:") and m:
        header_kind = "source"
        body_lines = lines[2:]
    else:
        # Seed-style header: outlet, `YYYY-MM-DD HH:MM`, then the byline and the text.
        m = re.match(r"(\d{4})-(\d{2})-(\d{2}) \d{2}:\d{2}$", lines[1])
        if not m:
            raise SystemExit(f"{path}: no publication date in the first lines")
        header_kind = "dateline"
        body_lines = lines[2:]
    published = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    body = "\n".join(body_lines).strip("\n")
    if header_kind == "source":
        paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
        title = paragraphs[0].strip()
    else:
        paragraphs = [p for p in body.split("\n") if p.strip()]
        title = lines[0].strip()
    cut_paragraphs = [[cut(s, pattern, alias_to_entity) for s in split_sentences(p)] for p in paragraphs]
    name = os.path.splitext(os.path.basename(path))[0]
    return Template(name, published, header_kind, title, cut_paragraphs)


def shifted_date(date, years, day):
    year = date.year + years
    month = date.month
    last = (datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day, last))


def render(template, entities, by_type, rng, number):
    # Entity swap: each entity of the article becomes another of its type (or stays), once.
    mapping = {}
    chosen_alias = {}

    def replacement(entity_id, script):
        if entity_id not in mapping:
            type_ = entities[entity_id][0]
            mapping[entity_id] = entity_id if rng.random() < 0.25 else rng.choice(by_type[type_])
        target = mapping[entity_id]
        names = entities[target][2 if script == "han" else 1]
        if not names:  # the new entity has no name in this script: keep the original
            target = entity_id
            names = entities[target][2 if script == "han" else 1]
        key = (target, script)
        if key not in chosen_alias:
            chosen_alias[key] = rng.choice(names)
        return chosen_alias[key]

    years = rng.randint(-6, 1)
    published = shifted_date(template.published, years, rng.randint(1, 28))

    def text_of(pieces):
        out = []
        for piece in pieces:
            if isinstance(piece, str):
                out.append(piece)
            elif piece[0] == "year":
                out.append(str(piece[1] + years))
            else:
                out.append(replacement(piece[1], piece[2]))
        return "".join(out)

    # The headline (and, for seed-style articles, the byline paragraph) stays first.
    paragraphs = [list(p) for p in template.paragraphs]
    fixed = 1
    rest = paragraphs[fixed:]
    rng.shuffle(rest)
    for p in rest:
        if len(p) > 1 and rng.random() < 0.5:
            k = rng.randrange(1, len(p))
            p[:] = p[k:] + p[:k]
    paragraphs = paragraphs[:fixed] + rest

    if template.header_kind == "source":
        # English sentences were split at the spaces between them; Chinese ones keep theirs.
        rendered = []
        for p in paragraphs:
            sentences = [text_of(s) for s in p]
            rendered.append(("".join if has_han(sentences[0]) else " ".join)(sentences))
        text = "\n\n".join(rendered)
        title = rendered[0]
    else:
        body = "\n".join("".join(text_of(s) for s in p) for p in paragraphs)
        title = template.title
        text = f"{template.title}\n{published.isoformat()} 08:00\n{body}"
    return {
        "id": f"bench-{number:07d}-{template.name[:4]}",
        "date": published.isoformat(),
        "title": title.strip(),
        "text": text + "\n",
    }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=100, help="stop once the corpus holds this many MB (10^6 bytes)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--articles", default=os.path.join(ROOT, "examples", "articles"))
    parser.add_argument("--rules", default=os.path.join(ROOT, "rules"))
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)

    entities = load_entities(args.rules)
    by_type = {}
    for entity_id, (type_, _latin, _han) in entities.items():
        by_type.setdefault(type_, []).append(entity_id)
    pattern, alias_to_entity = alias_pattern(entities)
    paths = sorted(os.path.join(args.articles, n) for n in os.listdir(args.articles) if n.endswith(".txt"))
    templates = [load_template(p, pattern, alias_to_entity) for p in paths]
    if not templates:
        raise SystemExit(f"no .txt articles in {args.articles}")

    rng = random.Random(args.seed)
    target = int(args.size_mb * 1_000_000)
    written = 0
    documents = 0
    tmp = args.output + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        while written < target:
            template = templates[documents % len(templates)]
            line = json.dumps(render(template, entities, by_type, rng, documents), ensure_ascii=False,
                              separators=(",", ":")) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            documents += 1
    os.replace(tmp, args.output)
    print(f"make_corpus: wrote {args.output}: {documents} articles, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
