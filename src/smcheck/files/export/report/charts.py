"""The HTML report's radar chart: pygal draws it as SVG to be put inline into the page."""

from __future__ import annotations

from typing import Any, TypeVar

from smcheck.files.export.report.colours import INK, RULE, SERIES
from smcheck.files.export.report.content import Radar, two_lines

T = TypeVar("T")

SIDE = 150
"""Room in pixels beside the web for the dimensions' names, written on up to two lines."""

WRAP = 14
"""A name longer than this many characters is written on two lines."""

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
"""The same fonts as the page: every one is looked up on the reader's machine, none downloaded."""


def radar_svg(radar: Radar, label: str, chart_id: str) -> str:
    """``radar`` as an ``<svg>`` element, self-contained: its stylesheet inside, no script, no
    link to anything outside. ``label`` is its accessible title; ``chart_id`` its unique id on
    the page (pygal would draw a random one each time, and the report is deterministic)."""
    import pygal  # type: ignore[import-untyped]  # lazily: only a report needs it
    from pygal.style import Style  # type: ignore[import-untyped]

    style = Style(
        background="transparent",
        plot_background="transparent",
        foreground=INK,
        foreground_strong=INK,
        foreground_subtle=RULE,
        colors=SERIES[: max(1, len(radar.series))],
        font_family=FONT,
        label_font_size=17,
        major_label_font_size=13,
        legend_font_size=18,
        value_font_size=12,
        opacity=".18",
        opacity_hover=".18",
        transition="0s",
    )
    several = len(radar.series) > 1
    chart = pygal.Radar(
        style=style,
        js=[],  # pygal's default links its tooltip script from the internet
        fill=True,
        range=(0, 100),
        y_labels=[0, 25, 50, 75, 100],
        y_labels_major=[0, 25, 50, 75, 100],
        show_legend=several,
        legend_at_bottom=True,
        legend_at_bottom_columns=min(len(radar.series), 3),
        truncate_label=-1,
        truncate_legend=-1,
        width=720,
        height=540 if several else 500,
        margin=8,
        margin_top=40,  # a two-line name on top
        margin_left=SIDE,  # room for the names left and right of the web, written level
        margin_right=SIDE,
        spacing=14,
        dots_size=3,
        legend_box_size=14,
        stroke_style={"width": 2},
        disable_xml_declaration=True,
        explicit_size=False,  # a viewBox only: the page's stylesheet sets the size
        tooltip_border_radius=0,
    )
    chart.uuid = chart_id

    def tidy(root: Any) -> Any:
        # pygal's comments carry the day of drawing and its web address: neither belongs in a
        # deterministic, offline report. Its <title> would read "Pygal".
        for child in list(root):
            if not isinstance(child.tag, str):
                root.remove(child)
            elif _tag(child) == "title":
                child.text = label
        # pygal writes its configuration (the legend's words among it) into a script even
        # without js: a report runs no script, and a label must never end one early
        for parent in list(root.iter()):
            for child in list(parent):
                if _tag(child) == "script":
                    parent.remove(child)
        root.set("role", "img")
        root.set("aria-label", label)
        for axis in root.iter():
            if _tag(axis) == "g" and axis.get("class", "").startswith("axis x web"):
                for guides in axis:
                    _level(guides)
        return root

    chart.add_xml_filter(tidy)
    chart.x_labels = _clockwise(radar.axes)
    for series in radar.series:
        chart.add(series.label, _clockwise(series.scores))
    svg: str = chart.render(is_unicode=True)
    return svg


def _clockwise(values: tuple[T, ...]) -> list[T]:
    """pygal goes round anticlockwise from the top: the first stays on top, the rest reversed, so
    the dimensions read clockwise in questionnaire order."""
    return [*values[:1], *reversed(values[1:])]


def _tag(element: Any) -> str:
    return str(element.tag).rsplit("}", 1)[-1]


def _level(guides: Any) -> None:
    """A dimension's name upright beside the end of its spoke, reading away from the centre.

    pygal turns each name along the web, so the names at the sides stand on end; a hover
    title would show the spoke's angle in radians: it shows the name instead.
    """
    parts = {_tag(e): e for e in guides}
    path, text, title = parts.get("path"), parts.get("text"), parts.get("title")
    if path is None or text is None:
        return
    _, cx, cy, _, ex, ey = path.get("d", "").replace("M", "M ").replace("L", "L ").split()
    dx, dy = float(ex) - float(cx), float(ey) - float(cy)
    anchor = "middle" if abs(dx) < 1 else "start" if dx > 0 else "end"
    shift = -2 if abs(dx) < 1 and dy < 0 else 4  # clear of the spoke's end
    name = text.text or ""
    text.attrib.pop("transform", None)
    y = float(text.get("y", "0")) + shift
    lines = two_lines(name, WRAP)
    if len(lines) > 1 and dy < -1:  # above the centre: the second line must not cross the web
        y -= 19
    text.set("y", f"{y:.1f}")
    text.set("style", f"text-anchor:{anchor}")  # the stylesheet centres it otherwise
    if len(lines) > 1:
        text.text = None
        for i, line in enumerate(lines):
            # tspans of pygal's own element type, whichever XML library pygal runs on
            tspan = text.makeelement("tspan", {"x": text.get("x", "0")})
            if i:
                tspan.set("dy", "1.15em")
            tspan.text = line
            text.append(tspan)
    if title is not None:
        title.text = name


__all__ = ["radar_svg"]
