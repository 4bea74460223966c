#!/usr/bin/env python3
"""The round trip of `unionplan import`: for every document of the seed pages, import it
(`--split`), render the plan back as plain text, and measure how much of the source came
back.

    python3 scripts/roundtrip.py [SEEDS_DIR] [--bin target/debug/unionplan]

For each document it prints:
  kept     the share of the source's Chinese characters found again in order (the longest
           matching blocks, as difflib finds them); the site's chrome, which import drops
           by design, is taken out of the source first;
  outline  line-start markers (by their numbers) with the two characters after each, source
           against render (matching/total in the source), and whether the sequences are equal.
           The source's outline is taken as import said it corrected it: a repeated or
           skipped number that import renumbered renumbers the rest of its sequence, as the
           rendered plan numbers it, and only those.
           A page run on in one line has no line-start markers: there every marker of the
           render, with the characters after it, must be found in the source in order.
  added    the share of the render's Chinese characters the source does not have: text
           import made up (a default title where the source has none).
  corrected  the numbering mistakes of the source import corrected and said.
A document whose plan does not render, or a file where import found no document, is a row
of its own; the last line counts the documents found.
Documents that share their source lines (a page run on in one line) are measured together.
"""

import difflib
import os
import re
import subprocess
import sys
import tempfile

CHROME = ["参考资料,少熬夜!", "参考资料，少熬夜！", "参考资料,少熬夜！", "参考资料，少熬夜!",
          "下载本文", "仅供参考", "返回首页", "本文由用户上传", "点击下载", "相关推荐"]
HAN = re.compile(r"[\u4e00-\u9fff]")
MARKER = re.compile(
    r"^(?:[（(]\s*(?:[一二三四五六七八九十]+|\d{1,3})\s*[）)]、?"
    r"|(?:[一二三四五六七八九十]+|\d{1,3})\s*[、，,．.）)](?!\d)"
    r"|[①-⑳])"
)
WIDE = str.maketrans("（）．，", "().,")


def han(text):
    return "".join(HAN.findall(text))


def number(marker):
    """A marker's number: the form a plan writes it in (1. for 1、, （一） for (一)) is the
    style's, and a correction of the form is no change of the outline."""
    digits = re.sub(r"\D", "", marker)
    if digits:
        return int(digits)
    circled = re.search(r"[①-⑳]", marker)
    if circled:
        return ord(circled.group(0)) - ord("①") + 1
    han = re.sub(r"[^一二三四五六七八九十]", "", marker)
    values = "一二三四五六七八九"
    if han == "十":
        return 10
    if han.startswith("十"):
        return 10 + values.index(han[1]) + 1
    if "十" in han:
        tens, _, ones = han.partition("十")
        return (values.index(tens) + 1) * 10 + (values.index(ones) + 1 if ones else 0)
    return values.index(han) + 1


def form(marker):
    """A marker's form, its number aside: （一） and (二) are one, 1、 and 1. two."""
    marker = re.sub(r"\d+", "N", marker.translate(WIDE).replace(" ", ""))
    marker = re.sub(r"[一二三四五六七八九十]+", "H", marker)
    return re.sub(r"[①-⑳]", "C", marker)


def entries(text, first_line=1):
    """Each line-start marker: its line, form, number, and the two characters after it."""
    out = []
    for i, line in enumerate(text.splitlines()):
        line = re.sub(r"^[\s#>\u3000]+", "", line)
        line = re.sub(r"^[-*+•·]\s+", "", line)
        m = MARKER.match(line)
        if m:
            words = han(line[m.end():])[:2]
            if words:
                out.append((first_line + i, form(m.group(0)), number(m.group(0)), words))
    return out


def outline(text, first_line=1, corrected=None):
    """The outline, with the numbers import corrected put as it renumbered them: from a
    corrected marker on, its sequence runs on from the corrected number until it starts
    again at 1."""
    corrected = corrected or {}
    offset, out = {}, []
    for line, shape, n, words in entries(text, first_line):
        if n == 1:
            offset[shape] = 0
        if line in corrected:
            offset[shape] = number(corrected[line]) - n
        out.append((n + offset.get(shape, 0), words))
    return out


def found_in_order(source, rendered):
    """For a run-on source: how many of the render's markers, with the characters after
    each, stand in the source in the same order."""
    flat = re.sub(r"\s", "", source.translate(WIDE))
    at, found, total = 0, 0, 0
    for line in rendered.splitlines():
        line = re.sub(r"^[\s#>\u3000]+", "", line).translate(WIDE)
        m = MARKER.match(line)
        if not m:
            continue
        total += 1
        probe = re.sub(r"\s", "", line)[: len(m.group(0).replace(" ", "")) + 4]
        hit = flat.find(probe, at)
        if hit >= 0:
            found, at = found + 1, hit + len(probe)
    return found, total


def kept(source, rendered):
    """The share of the source's Chinese characters found in the render in order, and the
    share of the render's that the source does not have (text import made up)."""
    src, out = han(source), han(rendered)
    matcher = difflib.SequenceMatcher(None, src, out, autojunk=False)
    same = sum(b.size for b in matcher.get_matching_blocks())
    return (same / len(src) if src else 1.0), ((len(out) - same) / len(out) if out else 0.0)


def read_text(path):
    """A text document as import reads it: UTF-8, else GBK; None for other formats."""
    if not path.lower().endswith((".txt", ".text", ".md", ".markdown")):
        return None
    data = open(path, "rb").read()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="replace")


def main():
    args = sys.argv[1:]
    binary = "target/debug/unionplan"
    if "--bin" in args:
        i = args.index("--bin")
        binary = args[i + 1]
        del args[i:i + 2]
    seeds = args[0] if args else "/work/shared/seeds"
    rows, documents = [], 0
    for name in sorted(os.listdir(seeds)):
        path = os.path.join(seeds, name)
        text = read_text(path)
        if text is None:
            rows.append((name, "-", "not a text document: not measured", "", ""))
            continue
        lines = text.splitlines()
        with tempfile.TemporaryDirectory() as out:
            run = subprocess.run([binary, "import", path, "--split", "-o", out, "--lang", "en"],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                rows.append((name, "-", "import failed: " + run.stderr.strip()[:60], "", ""))
                continue
            docs, corrected, failed = [], {}, []
            for line in run.stderr.splitlines():
                c = re.match(r"^.*:(\d+): corrected: `[^`]*` .*; (?:numbered|written) `([^`]*)`$", line)
                if c and docs:
                    docs[-1][4] += 1
                    corrected[int(c.group(1))] = c.group(2)
                m = re.match(r"^(.*\.yaml): lines (\d+)–(\d+)$", line)
                if m:
                    plan = m.group(1)
                    shown = subprocess.run([binary, "render", plan, "-f", "txt", "--lang", "en"],
                                           capture_output=True, text=True)
                    if shown.returncode != 0:
                        failed.append(os.path.basename(plan))
                    docs.append([os.path.basename(plan), int(m.group(2)), int(m.group(3)),
                                 shown.stdout, 0])
        documents += len(docs)
        if not docs:
            rows.append((name, "-", "no document found", "", ""))
        for plan in failed:
            rows.append((f"{name} {plan}", "-", "render failed", "", ""))
        # Documents sharing source lines are measured as one.
        groups = []
        for doc in docs:
            if groups and doc[1] <= groups[-1][-1][2]:
                groups[-1].append(doc)
            else:
                groups.append([doc])
        for group in groups:
            first, last = group[0][1], max(d[2] for d in group)
            source = "\n".join(lines[first - 1:last])
            for chrome in CHROME:
                source = source.replace(chrome, "")
            rendered = "\n".join(d[3] for d in group)
            if not entries(source):
                same, total = found_in_order(source, rendered)
                shown = f"{same}/{total} in order"
                # A page split at no marker at all is no match.
                full = "full" if same == total and total > 0 else "differs"
            else:
                src_outline = outline(source, first, corrected)
                out_outline = outline(rendered)
                matcher = difflib.SequenceMatcher(None, src_outline, out_outline, autojunk=False)
                same = sum(b.size for b in matcher.get_matching_blocks())
                full = "full" if src_outline == out_outline else "differs"
                shown = f"{same}/{len(src_outline)}"
            label = name if len(group) == 1 else f"{name} ({len(group)} documents, lines {first}–{last})"
            share, added = kept(source, rendered)
            rows.append((label + (" " + group[0][0] if len(group) == 1 else ""),
                         f"{share * 100:.1f} %",
                         f"{shown} {full}",
                         f"{added * 100:.1f} %",
                         str(sum(d[4] for d in group))))
    width = max(len(r[0]) for r in rows)
    print(f"{'document'.ljust(width)}  {'kept':>8}  {'outline':<22}  {'added':>7}  corrected")
    for r in rows:
        print(f"{r[0].ljust(width)}  {r[1]:>8}  {r[2]:<22}  {r[3]:>7}  {r[4]}")
    print(f"{documents} documents")


if __name__ == "__main__":
    main()
