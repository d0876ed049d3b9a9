"""The reports to hand over: one self-contained HTML page and a PDF, of a plan or a comparison.

Plans come from the scenarios, scored through the core: Thistle & Co (scenario 10, a quick check,
the dead end by the trap, plan from Mon 21 Dec 2026 with three British holidays), the Tokyo office
(scenario 11, the week of 4 May 2026 does not count), and Möbelhaus Brandt's leadership and team
(scenario 06, compared).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from smcheck.core.compare import compare
from smcheck.core.models.answers import Answer, Answers
from smcheck.core.models.common import Lang
from smcheck.core.models.comparison import Comparison
from smcheck.core.models.plan import Plan
from smcheck.core.planning import make_plan
from smcheck.core.progress import progress
from smcheck.core.scoring import score
from smcheck.files.catalog import find_assessment
from smcheck.files.export.report import comparison_html, comparison_pdf, plan_html, plan_pdf

SCENARIOS = Path(__file__).parent / "scenarios"
TEA = SCENARIOS / "10_english_tea_shop_quick_trap_christmas.toml"
TOKYO = SCENARIOS / "11_tokyo_office_golden_week.toml"
BRANDT = SCENARIOS / "06_leadership_and_team_see_it_differently.toml"

DIMENSIONS = {
    "en": [
        "Strategy first",
        "Hierarchy",
        "Staff attitude",
        "Goals",
        "Iteration",
        "Best practices",
        "Platform knowledge",
        "Corporate fit",
        "Resources",
        "Guidelines",
    ],
    "de": [
        "Erst die Strategie",
        "Hierarchie",
        "Haltung der Mitarbeitenden",
        "Ziele",
        "Iteration",
        "Best Practices",
        "Plattformwissen",
        "Passung zum Unternehmen",
        "Ressourcen",
        "Leitlinien",
    ],
}


def _respondents(path: Path) -> list[Answers]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Answers.model_validate(r) for r in data["respondents"]]


def _plan(path: Path, lang: Lang, **changes: object) -> Plan:
    (answers,) = _respondents(path)
    answers = answers.model_copy(update=changes)
    a = find_assessment(answers.assessment)
    start = answers.completed
    assert start is not None
    monday = date.fromordinal(start.toordinal() + 7 - start.weekday())
    return make_plan(a, answers, score(a, answers, lang), lang=lang, start=monday)


def _comparison(lang: Lang) -> Comparison:
    people = _respondents(BRANDT)
    a = find_assessment(people[0].assessment)
    return compare(a, [(r.respondent.name, r) for r in people], lang)


def _with_start_point(lang: Lang) -> Plan:
    """Thistle & Co again, after a first round: ten weeks earlier staff attitude, goals and the
    crisis path were each two options lower (sa 50, go 25, gl 25; overall 45), and 14 referral
    visits were reached of the 20 aimed at."""
    (now,) = _respondents(TEA)
    a = find_assessment(now.assessment)
    before = dict(now.answers)
    before.update(
        {
            "sa-private-interest": Answer(value=3),
            "go-operational": Answer(value=2),
            "gl-crisis-path": Answer(value=2),
        }
    )
    previous = now.model_copy(update={"answers": before, "completed": date(2026, 10, 30)})
    now = now.model_copy(update={"actuals": {"referral-visits": 14}})
    sp = progress(a, previous, now, lang)
    return make_plan(
        a, now, score(a, now, lang), lang=lang, start=date(2026, 12, 21), start_point=sp
    )


class _Page(HTMLParser):
    """What a browser would load: tags, their attributes, styles, and the SVG's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.styles: list[str] = []
        self.svg_text: list[str] = []
        self.text: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._open.append(tag)
        self.attributes += [(k, v or "") for k, v in attrs]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(k, v or "") for k, v in attrs]

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if "style" in self._open:
            self.styles.append(data)
        elif "svg" in self._open:
            self.svg_text.append(data)
        else:
            self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _words(text: str) -> str:
    return " ".join(text.split())


def _pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), _words("\n".join(p.extract_text() for p in reader.pages))


def _html_of(kind: str, lang: Lang) -> str:
    return plan_html(_plan(TEA, lang)) if kind == "plan" else comparison_html(_comparison(lang))


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("kind", ["plan", "comparison"])
def test_the_html_report_is_one_file_that_loads_nothing_from_anywhere(
    kind: str, lang: Lang
) -> None:
    page = _parse(_html_of(kind, lang))
    assert "script" not in page.tags  # no script at all, so none from the internet either
    assert "link" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    for name, value in page.attributes:
        if name == "xmlns" or name.startswith("xmlns:"):
            continue  # a namespace names, it does not load
        assert not re.search(r"(https?:)?//", value), (name, value)
    styles = "\n".join(page.styles)
    assert "<style" not in styles and styles.strip(), "the stylesheet is inside the page"
    assert "@import" not in styles
    assert not re.search(r"url\(", styles)
    assert "@media print" in styles and "size: A4" in styles


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("kind", ["plan", "comparison"])
def test_the_html_report_draws_a_radar_chart_naming_every_dimension(kind: str, lang: Lang) -> None:
    page = _parse(_html_of(kind, lang))
    assert page.tags.count("svg") == 1
    svg_words = _words(" ".join(page.svg_text))
    for name in DIMENSIONS[lang]:
        # a long name is written on two lines, which reads as two words with a space between
        assert name in svg_words, name
    assert "Pygal" not in svg_words  # the chart's title is ours, not the library's name


def test_the_comparison_chart_shows_each_respondent_by_name_and_role() -> None:
    page = _parse(comparison_html(_comparison("en")))
    svg_words = _words(" ".join(page.svg_text))
    assert "Klaus Brandt (Leadership)" in svg_words
    assert "Lena Kaya (Team)" in svg_words


def test_the_html_report_says_what_the_markdown_report_says() -> None:
    text = _words(" ".join(_parse(plan_html(_plan(TEA, "en"))).text))
    assert "Social media readiness for Thistle & Co" in text
    assert "Dead end" in text and "60/100" in text
    # the cap's reason, the blockers' counter-positions, the chosen answers' own words
    assert "with every post sent through an approval marathon, is the dead end" in text
    assert "Counter-position: Anyone who first hunts for the perfect strategy" in text
    assert (
        "→ 2: “Every post needs the OK of the managing director or of several departments;" in text
    )
    assert "A two-step release rule agreed by leadership and team, written on one page" in text
    assert "Owner: Leadership · due 29 Jan 2027" in text
    assert "Log the waiting time to publication during the campaign" in text  # later
    assert "Next assessment (new start point): run smcheck again on 1 Feb 2027." in text
    assert "First iteration: 21 Dec 2026 – 29 Jan 2027 (6 weeks)" in text


def test_the_german_html_report_uses_german_words_and_dates() -> None:
    html = plan_html(_plan(TEA, "de"))
    assert '<html lang="de">' in html
    text = _words(" ".join(_parse(html).text))
    assert "Bremsklötze: Erst die Strategie, Hierarchie" in text
    assert "„Ohne fertige Strategie können wir nicht anfangen.“" in text
    assert "Erste Iteration: 21.12.2026 – 29.01.2027 (6 Wochen)" in text
    assert "Verantwortlich: Leitung · fällig 29.01.2027" in text


def test_text_from_the_answers_is_escaped_everywhere_in_the_page() -> None:
    (ans,) = _respondents(TEA)
    org = ans.organisation.model_copy(update={"name": "<script>alert(1)</script> Tea & Co"})
    html = plan_html(_plan(TEA, "en", organisation=org))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Tea &amp; Co" in html
    # a respondent's name goes into the chart's legend: escaped there too
    people = _respondents(BRANDT)
    people[1] = people[1].model_copy(
        update={"respondent": people[1].respondent.model_copy(update={"name": "</svg><b>x"})}
    )
    a = find_assessment(people[0].assessment)
    page = comparison_html(compare(a, [(r.respondent.name, r) for r in people], "en"))
    assert "</svg><b>" not in page
    assert "&lt;/svg&gt;&lt;b&gt;x (Team)" in page


def _grid(html: str) -> tuple[list[str], list[list[str]]]:
    """The week grid's header cells and the text of each body row."""

    class Grid(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.inside = False
            self.head: list[str] = []
            self.rows: list[list[str]] = []
            self.cell: list[str] | None = None
            self.part = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "table" and ("class", "grid") in attrs:
                self.inside = True
            elif self.inside and tag in ("thead", "tbody"):
                self.part = tag
            elif self.inside and tag == "tr" and self.part == "tbody":
                self.rows.append([])
            elif self.inside and tag in ("th", "td"):
                self.cell = []

        def handle_endtag(self, tag: str) -> None:
            if tag == "table":
                self.inside = False
            elif self.inside and tag in ("th", "td") and self.cell is not None:
                text = _words(" ".join(self.cell))
                (self.head if self.part == "thead" else self.rows[-1]).append(text)
                self.cell = None

        def handle_data(self, data: str) -> None:
            if self.cell is not None:
                self.cell.append(data)

    grid = Grid()
    grid.feed(html)
    return grid.head, grid.rows


def test_the_week_grid_has_a_column_per_week_and_names_the_holidays() -> None:
    head, rows = _grid(plan_html(_plan(TEA, "en")))
    assert head == [
        "Phase and task",
        "1 ● 21 Dec 2026",
        "2 ● 28 Dec 2026",
        "3 4 Jan 2027",
        "4 11 Jan 2027",
        "5 18 Jan 2027",
        "6 25 Jan 2027",
    ]
    holidays = rows[0]
    assert holidays[:3] == [
        "Public holidays",
        "Christmas Day (25 Dec 2026)",
        "Boxing Day (observed) (28 Dec 2026); New Year's Day (1 Jan 2027)",
    ]
    phases = [r[0] for r in rows if r[0].split(" (Week")[0] in ("Start point", "New start point")]
    assert phases == ["Start point (Week 1–2)", "New start point (Week 6)"]


def test_a_week_that_does_not_count_is_a_column_of_its_own_without_a_number() -> None:
    head, _ = _grid(plan_html(_plan(TOKYO, "en")))
    # Golden Week: three holidays in the week of 4 May 2026; the six working weeks go on after it
    assert head[1:] == [
        "1 20 Apr 2026",
        "2 ● 27 Apr 2026",
        "✗ ● 4 May 2026",
        "3 11 May 2026",
        "4 18 May 2026",
        "5 25 May 2026",
        "6 1 Jun 2026",
    ]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_change_since_the_last_assessment_is_shown_when_there_was_one(lang: Lang) -> None:
    html = plan_html(_with_start_point(lang))
    page = _parse(html)
    text = _words(" ".join(page.text))
    svg = _words(" ".join(page.svg_text))
    if lang == "en":
        assert "Start point Compared with the previous assessment of 30 Oct 2026" in text
        assert "45 → 60 (+15)" in text
        assert "Staff attitude 50 100 +50" in text
        assert "not reached · actual 14 · 70 % of the way to the target" in text
        assert "Now (18 Dec 2026)" in svg and "Previous assessment (30 Oct 2026)" in svg
    else:
        assert "Startpunkt Verglichen mit der vorigen Messung vom 30.10.2026" in text
        assert "Jetzt (18.12.2026)" in svg and "Vorige Messung (30.10.2026)" in svg
    no_change = _words(" ".join(_parse(plan_html(_plan(TEA, "en"))).text))
    assert "Compared with the previous assessment" not in no_change


def test_the_pdf_of_a_quick_check_is_readable_text_on_at_most_four_pages() -> None:
    pages, text = _pdf_text(plan_pdf(_plan(TEA, "en")))
    assert pages <= 4
    assert "Social media readiness for Thistle & Co" in text
    assert "Dead end" in text
    assert "A two-step release rule agreed by leadership and team, written on one page" in text
    assert "Counter-position: Anyone who first hunts for the perfect strategy" in text
    assert "Christmas Day (25 Dec 2026)" in text
    assert "Page 1 of" in text


def test_the_german_pdf_keeps_umlauts_quotes_and_dashes() -> None:
    pages, text = _pdf_text(plan_pdf(_plan(TEA, "de")))
    assert pages <= 4
    assert "Sackgasse" in text
    assert "Bremsklötze: Erst die Strategie, Hierarchie" in text
    assert "„Ohne fertige Strategie können wir nicht anfangen.“" in text
    assert "Erste Iteration: 21.12.2026 – 29.01.2027 (6 Wochen)" in text
    assert "Seite 1 von" in text


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_comparison_pdf_names_both_respondents_the_gaps_and_the_plan(lang: Lang) -> None:
    pages, text = _pdf_text(comparison_pdf(_comparison(lang)))
    assert "Möbelhaus Brandt GmbH & Co. KG" in text
    assert "Klaus Brandt" in text and "Lena Kaya" in text
    if lang == "de":
        assert "Lernender Kreislauf" in text
        assert "Die Leitung sieht „Hierarchie“ bei 88 Punkten, das Team bei 13." in text
        assert "Startziele" in text
    else:
        assert "Learning loop" in text
        assert "Starter goals" in text
    assert pages <= 5


def test_the_pdf_with_a_start_point_shows_the_change() -> None:
    _, text = _pdf_text(plan_pdf(_with_start_point("en")))
    assert "45 → 60 (+15)" in text
    assert "Goals of the previous iteration" in text


@pytest.mark.parametrize(
    "path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.stem.split("_")[0]
)
def test_every_scenario_gets_both_reports_and_a_quick_check_fits_four_pages(path: Path) -> None:
    people = _respondents(path)
    lang = people[0].lang
    if len(people) == 1:
        plan = _plan(path, lang)
        html, pdf = plan_html(plan), plan_pdf(plan)
    else:
        a = find_assessment(people[0].assessment)
        c = compare(a, [(r.respondent.name, r) for r in people], lang)
        html, pdf = comparison_html(c), comparison_pdf(c)
    page = _parse(html)
    assert "script" not in page.tags and page.tags.count("svg") == 1
    pages, text = _pdf_text(pdf)
    assert _words(people[0].organisation.name) in text
    if people[0].scope == "quick":
        assert pages <= 4


def test_the_same_plan_gives_the_same_bytes() -> None:
    plan = _plan(TEA, "en")
    assert plan_html(plan) == plan_html(_plan(TEA, "en"))
    assert plan_pdf(plan) == plan_pdf(_plan(TEA, "en"))
    c = _comparison("de")
    assert comparison_pdf(c) == comparison_pdf(_comparison("de"))


def test_scoring_to_toml_does_not_load_the_report_libraries(tmp_path: Path) -> None:
    import tomli_w

    data = tomllib.loads(TEA.read_text(encoding="utf-8"))["respondents"][0]
    answers = tmp_path / "tea.toml"
    answers.write_text(tomli_w.dumps(data), encoding="utf-8")
    code = (
        "import sys\n"
        "from smcheck.cli.main import main\n"
        f"code = main(['score', {str(answers)!r}, '-o', {str(tmp_path / 'plan.toml')!r}])\n"
        "heavy = {'jinja2', 'pygal', 'fpdf', 'fontTools'}\n"
        "print(code, sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert run.stdout.split("\n")[-2] == "0 []"
    assert (tmp_path / "plan.toml").exists()


def test_the_templates_and_the_font_ship_in_the_wheel_and_work_from_it(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for shipped in (
        "templates/report.html.j2",
        "templates/comparison.html.j2",
        "templates/parts.html.j2",
        "templates/report.css",
        "fonts/DejaVuSansCondensed.ttf",
        "fonts/DejaVuSansCondensed-Bold.ttf",
        "fonts/LICENSE",
    ):
        assert f"smcheck/files/export/report/{shipped}" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys, tomllib\n"
        "from smcheck.core.models.answers import Answers\n"
        "from smcheck.core.planning import make_plan\n"
        "from smcheck.core.scoring import score\n"
        "from smcheck.files.catalog import find_assessment\n"
        "from smcheck.files.export.report import plan_html, plan_pdf\n"
        f"data = tomllib.loads(open({str(TEA)!r}, encoding='utf-8').read())\n"
        "ans = Answers.model_validate(data['respondents'][0])\n"
        "a = find_assessment(ans.assessment)\n"
        "plan = make_plan(a, ans, score(a, ans, 'de'), lang='de')\n"
        "import smcheck\n"
        "print(smcheck.__file__)\n"
        "print('Sackgasse' in plan_html(plan), plan_pdf(plan)[:5])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    where, result = run.stdout.strip().split("\n")
    assert Path(where).is_relative_to(site)
    assert result == "True b'%PDF-'"
