"""The result as lines of styled segments: one wording for the results screen and the plain mode.

Also the one word-wrapper of what smcheck lays out itself (the results and review screens, the
export notice, the plain mode): it breaks between words, keeps a no-break space (U+00A0)
together, never leaves a "%", a dash or a short last word such as "(−75)" alone on a line, and
cuts a word longer than a line (a file name) only after a hyphen or a slash if it has one.
"""

from __future__ import annotations

import re

from smcheck.core.langs import Lang
from smcheck.core.models.plan import Result, StartPoint
from smcheck.core.text import BAR_WIDTH, bar, one_line, shorten
from smcheck.core.texts import t

Segment = tuple[str, str]
"""A piece of text and its style ("bold", "italic" or "" for none)."""

NBSP = "\u00a0"
"""Binds two words for :func:`wrap_segments`; shown as a plain space."""

MIN_BAR = 8
"""The narrowest bar a dimension line gets before its name is shortened."""

_WORD = re.compile(r"[^ ]+")
_MARKER = re.compile(r" *(?:(?:[-−→•]|\d+\.) )?")
_ORPHAN = 6
"""A last word this short (``(−75)``, ``90 %``) goes down with the word before it."""


def _glue(text: str) -> str:
    return text.replace(" ", NBSP)


def _units(text: str) -> list[tuple[int, int]]:
    """The spans a line may break between: words, with a word of no letters or digits ("%",
    "–", "→") joined to the one before it."""
    units: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        if units and not _wordy(m.group()):
            units[-1] = (units[-1][0], m.end())
        else:
            units.append(m.span())
    return units


def _wordy(chunk: str) -> bool:
    return any(ch.isalnum() for ch in chunk)


def _split_long(text: str, start: int, end: int, room: int) -> int:
    """Where to cut the span ``start:end`` that is wider than ``room``: at its last space,
    no-break space, hyphen or slash that fits and is followed by a word (never before a lone
    "%"), leaving more than a short word for the next line if it can; else (one endless word)
    at ``room``."""
    for shortest in (_ORPHAN + 1, 1):
        for pos in range(min(start + room, end - shortest), start, -1):
            following = re.split(r"[ \u00a0]", text[pos:end], maxsplit=1)[0]
            if text[pos - 1] in (" ", NBSP, "-", "/") and _wordy(following):
                return pos
    return start + max(room, 1)


def _indent(text: str, width: int, indent: int | None) -> int:
    """The indent of continuation lines: ``indent``, else the text's own indent and list
    marker (so wrapped list items hang under their first word); never a third of the width."""
    if indent is None:
        marker = _MARKER.match(text)
        indent = len(marker.group()) if marker else 0
    return min(indent, width // 3)


def wrap_spans(text: str, width: int, indent: int | None = None) -> list[tuple[int, int]]:
    """``text`` cut into lines of at most ``width`` cells, as (start, end) spans; every line
    after the first is meant to be indented (see :func:`_indent`)."""
    indent = _indent(text, width, indent)
    lines: list[list[tuple[int, int]]] = []  # each line's units
    line: list[tuple[int, int]] = []
    for u_start, u_end in _units(text):
        while u_start < u_end:
            start = line[0][0] if line else (u_start if lines else 0)  # the first keeps its indent
            room = width - (indent if lines else 0)
            if u_end - start <= room:
                line.append((u_start if line or lines else 0, u_end))
                break
            if line:  # the line has words: this one goes down
                lines.append(line)
                line = []
                continue
            # the span alone is wider than a line: cut it where it allows
            cut = _split_long(text, start, u_end, room)
            lines.append([(start, cut)])
            u_start = cut
            while u_start < u_end and text[u_start] in (" ", NBSP):
                u_start += 1
    if line or not lines:
        lines.append(line or [(0, len(text))])
    last = lines[-1]
    if len(lines) > 1 and len(last) == 1 and len(lines[-2]) > 1:
        # no short last word alone ("(−75)"): the word before it goes down too, if it fits
        (start, end), (before, _) = last[0], lines[-2][-1]
        if end - start <= _ORPHAN and end - before + indent <= width:
            last.insert(0, lines[-2].pop())
    spans = []
    for units in lines:
        start, end = units[0][0], units[-1][1]
        while end > start and text[end - 1] in (" ", NBSP):
            end -= 1
        spans.append((start, end))
    return spans


def wrap_segments(
    line: list[Segment], width: int | None, indent: int | None = None
) -> list[list[Segment]]:
    """A line of styled segments word-wrapped to ``width`` (see :func:`wrap_spans`); no-break
    spaces become plain ones. ``None`` for no wrapping."""
    text = "".join(s for s, _ in line)
    if width is None or len(text) <= width:
        return [[(s.replace(NBSP, " "), style) for s, style in line if s]]
    styles = [style for s, style in line for _ in s]
    indent = _indent(text, width, indent)
    out: list[list[Segment]] = []
    for number, (start, end) in enumerate(wrap_spans(text, width, indent)):
        pieces: list[Segment] = [(" " * indent, "")] if number and indent else []
        for i in range(start, end):
            char = " " if text[i] == NBSP else text[i]
            if pieces and pieces[-1][1] == styles[i]:
                pieces[-1] = (pieces[-1][0] + char, styles[i])
            else:
                pieces.append((char, styles[i]))
        out.append(pieces)
    return out


def wrap_text(text: str, width: int | None, indent: int | None = None) -> list[str]:
    """Plain text word-wrapped to ``width`` (see :func:`wrap_segments`)."""
    return ["".join(s for s, _ in line) for line in wrap_segments([(text, "")], width, indent)]


def _dimension_rows(
    r: Result, lang: Lang, deltas: dict[str, int | None] | None, bar_last: bool, width: int | None
) -> list[list[Segment]]:
    """One line per dimension: name, bar, score and answered questions, then the change and the
    confidence. With a ``width`` the bar narrows (and then the names shorten) to fit it; what
    still does not fit wraps under the bar."""
    names = [d.name or d.id for d in r.dimensions]
    counts = [
        (t("results.no-score", lang) if d.score is None else f"{d.score:3d}")
        + f"  ({d.answered}/{d.questions})"
        for d in r.dimensions
    ]
    extras: list[list[str]] = []
    for d in r.dimensions:
        extra = []
        if deltas is not None and deltas.get(d.id) is not None:
            extra.append(f"Δ {deltas[d.id]:+d}")
        if d.confidence is not None:
            extra.append(t("results.confidence", lang, value=d.confidence))
        extras.append(extra)
    name_width = max(map(len, names))
    bar_width = BAR_WIDTH
    if width is not None:
        room = width - 4 - max(map(len, counts))  # two spaces either side of the bar
        extra_width = max(sum(len(e) + 2 for e in extra) for extra in extras)
        bar_width = max(MIN_BAR, min(BAR_WIDTH, room - name_width - extra_width))
        name_width = max(8, min(name_width, room - bar_width))
    rows: list[list[Segment]] = []
    for d, name, count, extra in zip(r.dimensions, names, counts, extras, strict=True):
        shown = _glue(shorten(name, name_width).ljust(name_width))
        drawn = bar(d.score, bar_width)
        cells = [shown, _glue(count), *map(_glue, extra), drawn]
        if not bar_last:
            cells = [shown, drawn, _glue(count), *map(_glue, extra)]
        rows += wrap_segments([("  ".join(cells), "")], width, indent=name_width + 2)
    return rows


def _room(width: int | None, line: str, at_least: int) -> int:
    """How much of a chosen answer's words a line shows: what is left of ``width`` beside the
    rest of ``line`` (so a wide screen shows them in full), and never less than ``at_least``."""
    return at_least if width is None else max(at_least, width - len(line))


def result_lines(
    r: Result,
    lang: Lang,
    deltas: dict[str, int | None] | None = None,
    *,
    bar_last: bool = False,
    width: int | None = None,
) -> list[list[Segment]]:
    """The whole result, readable without colour, as lines of segments.

    ``deltas`` (change since the previous iteration, by dimension) and each dimension's
    confidence (interview mode) are shown beside the scores when there are any. With
    ``bar_last`` a dimension's score comes before its bar (a screen reader reads the number
    first); otherwise the bar comes first, as on the screen. With ``width`` every line fits
    it: bars narrow, long lines wrap at words with a hanging indent.
    """
    overall = "–" if r.overall is None else str(r.overall)
    stage = t("results.no-stage", lang) if r.stage_name is None else one_line(r.stage_name)
    head: list[Segment] = [
        (_glue(f"{t('results.overall', lang)}: {overall}/100") + "   ", "bold"),
        (_glue(f"{t('results.stage', lang)}: {stage}") + "   ", "bold"),
        (_glue(f"{t('results.complete', lang)}: {r.completeness} %"), ""),
    ]
    lines: list[list[Segment]] = []

    def add(line: list[Segment], indent: int | None = None) -> None:
        lines.extend(wrap_segments(line, width, indent) if line else [[]])

    add(head, 0)
    add([(one_line(r.stage_reason or r.stage_description or ""), "italic")], 0)
    lines.append([])
    lines += _dimension_rows(r, lang, deltas, bar_last, width)
    lines.append([])
    names = {d.id: d.name or d.id for d in r.dimensions}
    for key, ids in (("results.blockers", r.blockers), ("results.strengths", r.strengths)):
        listed = ", ".join(_glue(names[i]) for i in ids)
        label = f"{t(key, lang)}: "
        add([(label, "bold"), (listed or t("results.none", lang), "")], len(label))
    pulls = [d for d in r.dimensions if d.pulled_down_by]
    if pulls:
        lines += [[], [(t("results.why", lang), "bold")]]
        for d in pulls:
            add([(f"{names[d.id]} ({d.score})", "")])
            for p in d.pulled_down_by:
                before = f"  − {one_line(p.prompt)} → {p.option}{NBSP}–{NBSP}"
                after = f" (−{p.lost})"
                chosen = shorten(p.answer or p.label, _room(width, before + after, 60))
                add([(before + chosen + after, "")])
    if r.stage is None or (r.next_stage is not None and not r.next_stage_lifts):
        return lines
    lines.append([])
    if r.next_stage is None:
        add([(t("results.top", lang), "bold")])
        return lines
    add([(t("results.next", lang, stage=one_line(r.next_stage_name or "")), "bold")])
    for lift in r.next_stage_lifts if r.next_stage_reached else []:
        dim, prompt = names.get(lift.dimension, lift.dimension), one_line(lift.prompt)
        frame = "  → " + t("results.lift", lang, dim=dim, prompt=prompt, a="1 – ", b="1 – ")
        room = _room(width, frame, 80) // 2
        text = t(
            "results.lift",
            lang,
            dim=dim,
            prompt=prompt,
            a=f"{lift.from_option}{NBSP}–{NBSP}{shorten(lift.from_answer or lift.from_label, room)}",
            b=f"{lift.to_option}{NBSP}–{NBSP}{shorten(lift.to_answer or lift.to_label, room)}",
        )
        add([("  → " + text, "")])
    if r.next_stage_lifts and r.next_stage_reached:
        key = "results.together-two" if len(r.next_stage_lifts) > 1 else "results.together-one"
        text = t(key, lang, overall=r.next_stage_overall, stage=one_line(r.next_stage_name or ""))
        add([("  " + text, "bold")])
    else:
        add([("  " + t("results.not-enough", lang), "")])
        held = ", ".join(names.get(d, d) for d in r.next_stage_held_by)
        text = t("results.held-by", lang, dims=held) if held else t("results.average", lang)
        add([("  " + text, "")])
    return lines


def overall_history(start_point: StartPoint | None) -> list[int]:
    """The overall score at each iteration, oldest first, when more than one is known (the
    previous iteration's and this one's); else empty."""
    if start_point is None:
        return []
    before, now = start_point.previous_overall, start_point.current_overall
    return [] if before is None or now is None else [before, now]
