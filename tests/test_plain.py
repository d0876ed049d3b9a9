"""The plain walk: numbered line-by-line prompts, driven through stdin and read from stdout."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from smcheck.cli.main import main
from smcheck.core.models.answers import Answer
from smcheck.files.catalog import find_assessment
from smcheck.files.session import (
    SessionInUse,
    SessionLock,
    load_session,
    new_answers,
    now,
    save_session,
)
from smcheck.plain.walk import PROMPT, run_plain

TODAY = date(2026, 11, 25)
QUICK = ["3", "2", "1", "4", "2", "0", "3", "1", "2", "4"]
"""The quick check's answers as typed (the same as the TUI test's, "0" is don't know)."""
QUICK_VALUES: list[int | str] = [3, 2, 1, 4, 2, "dont-know", 3, 1, 2, 4]
PROFILE = [
    "Bäckerei Korn",  # organisation name
    "2",  # size: 10-49
    "Bakery",  # industry
    "LinkedIn, Instagram",  # channels
    "Grow sales",  # company goal 1
    "",  # company goal 2: none
    "1 3",  # objectives: awareness and insights
    "1",  # awareness serves company goal 1
    "",  # insights: not linked yet
    "",  # country: from the language
    "",  # region: none
    "Anna",  # respondent
    "2",  # role: team
]
SESSION = "20261124-090000"


@pytest.fixture(autouse=True)
def _columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain walk wraps its lines to the terminal: these transcripts are for 80 columns."""
    monkeypatch.setenv("COLUMNS", "80")


class _Interrupting(io.StringIO):
    """stdin that is interrupted (Ctrl-C) once its lines are used up."""

    def readline(self, size: int | None = -1) -> str:
        line = super().readline()
        if not line:
            raise KeyboardInterrupt
        return line


def _run(lines: list[str], tmp_path: Path, **kwargs: object) -> tuple[int, str]:
    stdin = io.StringIO("".join(f"{line}\n" for line in lines))
    stdout = io.StringIO()
    options: dict[str, object] = {"lang": "en", "cwd": tmp_path, "today": lambda: TODAY}
    options.update(kwargs)
    code = run_plain(stdin=stdin, stdout=stdout, **options)  # type: ignore[arg-type]
    return code, stdout.getvalue()


def _only_session(home: Path) -> Path:
    (session,) = (home / "sessions").glob("*.toml")
    return session


def _locked(session_id: str) -> bool:
    """Whether another smcheck holds the session (a probe of its OS lock, taken back at once)."""
    probe = SessionLock(session_id)
    try:
        probe.acquire()
    except SessionInUse:
        return True
    probe.release()
    return False


def _given_back(session: Path) -> bool:
    """The session's lock was released: nobody holds it and its file (kept) names no one."""
    lock_file = session.with_suffix(".lock")
    return not _locked(session.stem) and (not lock_file.exists() or lock_file.read_bytes() == b"")


def _half_done() -> None:
    """A saved quick check with its first five questions answered (as the app saves them)."""
    a = find_assessment("social-media-readiness")
    quick = [q.id for _, q in a.questions("quick")]
    answers = new_answers(a, "quick", "en", now()).model_copy(
        update={
            "organisation": new_answers(a, "quick", "en", now()).organisation.model_copy(
                update={"name": "Korn"}
            ),
            "answers": {
                q: Answer(value=v, note="kept")
                for q, v in zip(quick[:5], QUICK_VALUES, strict=False)
            },
        }
    )
    save_session(SESSION, answers)


def test_a_piped_quick_check_exports_what_score_gives(tmp_path: Path, smcheck_home: Path) -> None:
    code, out = _run(["1", *PROFILE, *QUICK, ""], tmp_path)
    assert code == 0
    assert "  1. Quick check: 10 questions, about 3 minutes" in out
    assert "Excuse 3 of 10: “Our people aren't into social media.”" in out
    assert "Question 8 of 10: " in out
    assert "  0 = don't know, n = not applicable" in out
    # by hand (quick check 1.1, one question per dimension, all weights 1): points 50, 25, 0,
    # 75, 25, don't know, 50, 0, 25, 75 -> 325 / 9 = 36.1 -> 36; 9 of 10 known; 36 >= 20 and
    # the weakest (0) caps no lower than first steps; no trap (sf-planning-state is option 3)
    assert "Overall: 36/100   Stage: First steps   Completeness: 90 %" in out
    assert "\x1b" not in out
    # every question is a prompt line of its own, without a newline, answered after it
    assert out.count("\n" + PROMPT) == 1 + len(PROFILE) + len(QUICK) + 1
    session = _only_session(smcheck_home)
    answers, _ = load_session(session.stem)
    org = answers.organisation
    assert (org.name, org.size, org.industry) == ("Bäckerei Korn", "10-49", "Bakery")
    assert org.channels == ["LinkedIn", "Instagram"]
    assert org.company_goals == ["Grow sales"]
    assert org.objectives == ["awareness", "insights"]
    # awareness serves company goal 1; insights was left unlinked on purpose
    assert org.links == {"awareness": [1]}
    assert (org.country, org.region) == ("", "")
    assert (answers.respondent.name, answers.respondent.role) == ("Anna", "team")
    assert answers.completed == TODAY
    assert answers.engagement == f"e{session.stem}"
    assert [a.value for a in answers.answers.values()] == QUICK_VALUES
    assert all(a.answered_at is not None for a in answers.answers.values())
    exported = sorted(tmp_path.glob("smcheck-baeckerei-korn-*"))
    assert [p.name for p in exported] == [
        f"smcheck-baeckerei-korn-2026-11-30.{suffix}"
        for suffix in ("csv", "html", "ics", "json", "md", "pdf", "toml")
    ]
    assert "Exported: smcheck-baeckerei-korn-2026-11-30.toml,\n" in out  # wrapped at 80
    # the exported plan is byte for byte what the headless command makes of the saved session
    assert main(["score", str(session), "-o", str(tmp_path / "cli.toml")]) == 0
    toml_export = next(p for p in exported if p.suffix == ".toml")
    assert toml_export.read_bytes() == (tmp_path / "cli.toml").read_bytes()
    plan = tomllib.loads(toml_export.read_text(encoding="utf-8"))
    assert (plan["result"]["overall"], plan["result"]["stage"]) == (36, "first-steps")
    assert _given_back(session)


def test_german_prompts(tmp_path: Path) -> None:
    code, out = _run(["1", *PROFILE, "3"], tmp_path, lang="de")
    assert code == 0
    assert "Wie bereit ist Ihre Organisation für Social Media?" in out
    assert "  1. Schnellcheck: 10 Fragen, etwa 3 Minuten" in out
    assert "Nummer eingeben und Enter drücken (q beendet)." in out
    assert "Ihre Organisation" in out
    assert "Größe (Beschäftigte)" in out
    assert "Ihre Rolle [Leitung]" in out
    assert "Ausrede 1 von 10: „" in out
    assert "Frage 1 von 10: " in out
    assert "  0 = weiß nicht, n = trifft nicht zu" in out
    assert "Frage 2 von 10: " in out
    assert "Gespeichert. Weiter geht es mit: smcheck run --plain --resume " in out


def test_invalid_input_is_explained_and_asked_again(tmp_path: Path, smcheck_home: Path) -> None:
    code, out = _run(["9", "x", "1", *PROFILE, "7", "x", "²", "6", "5"], tmp_path)
    assert code == 0
    assert "“9” is not on the list: type a number from 1 to 2." in out
    assert "“x” is not on the list: type a number from 1 to 2." in out
    assert "“7” is not an answer here: 1 to 5, 0 (don't know), n (not applicable)" in out
    assert "“x” is not an answer here:" in out
    assert "“²” is not an answer here:" in out
    # the explanation (wrapped to 80 columns), followed by the prompt again; the question is
    # not repeated
    assert out.count("Question 1 of 10: ") == 1
    assert "(not applicable), Enter\nskips, b back, ? help, note: text.\n> 6\n" in out
    answers, a = load_session(_only_session(smcheck_home).stem)
    first, second = (q.id for _, q in a.questions("quick")[:2])
    assert answers.answers[first].value == 5
    assert second not in answers.answers


def test_profile_numbers_and_lengths_are_checked(tmp_path: Path, smcheck_home: Path) -> None:
    # no company goal, so no links asked; country and region kept empty
    lines = ["1", "x" * 201, "Korn", "9", "1", "", "", "", "", "1, 9", "2,4", "", "", "", "4", "1"]
    code, out = _run(lines, tmp_path)
    assert code == 0
    assert "At most 200 characters, please." in out
    assert "“9”: type a number from 0 to 5; Enter keeps the value." in out
    assert "“1, 9”: type numbers from 1 to 4, separated by commas or spaces." in out
    assert "“4”: type a number from 1 to 3; Enter keeps the value." in out
    answers, _ = load_session(_only_session(smcheck_home).stem)
    org = answers.organisation
    assert (org.name, org.size, org.objectives) == ("Korn", "1-9", ["customers", "sales"])
    assert answers.respondent.role == "leadership"


def test_enter_keeps_and_dash_clears_a_profile_value(tmp_path: Path, smcheck_home: Path) -> None:
    _half_done()
    answers, _ = load_session(SESSION)
    org = answers.organisation.model_copy(update={"industry": "Bakery"})
    save_session(SESSION, answers.model_copy(update={"answers": {}, "organisation": org}))
    # a named session resumes at its first open question; b from there goes to the profile
    # name, size, industry (cleared), channels, two goals, objectives, country, region, you, role
    code, out = _run(["b", "", "", "-", "", "", "", "", "", "", "", ""], tmp_path, resume=SESSION)
    assert code == 0
    assert "Organisation name [Korn]" in out
    assert "Industry [Bakery]" in out
    answers, _ = load_session(SESSION)
    assert (answers.organisation.name, answers.organisation.industry) == ("Korn", "")
    assert "Question 1 of 10" in out.split("Your role")[1]  # and on to the first question


def test_b_goes_back_and_changes_an_earlier_answer(tmp_path: Path, smcheck_home: Path) -> None:
    code, out = _run(["1", *PROFILE, "3", "2", "b", "b", "5", "", "4"], tmp_path)
    assert code == 0
    assert "Current answer: 3 – partly. Enter keeps it." in out
    assert "Current answer: 2 – in places. Enter keeps it." in out
    answers, a = load_session(_only_session(smcheck_home).stem)
    first, second, third = (q.id for _, q in a.questions("quick")[:3])
    assert answers.answers[first].value == 5
    assert answers.answers[second].value == 2  # Enter kept it
    assert answers.answers[third].value == 4
    # going back into an earlier excuse names the excuse again
    assert out.count("Excuse 1 of 10: ") == 2


def test_eof_half_way_keeps_every_answer_and_resume_continues(
    tmp_path: Path, smcheck_home: Path
) -> None:
    code, out = _run(["1", *PROFILE, *QUICK[:4]], tmp_path)
    assert code == 0
    session = _only_session(smcheck_home)
    assert out.endswith(
        f"{PROMPT}\nSaved. To continue: smcheck run --plain --resume {session.stem}\n"
    )
    assert _given_back(session)
    answers, _ = load_session(session.stem)
    assert [a.value for a in answers.answers.values()] == QUICK_VALUES[:4]
    assert answers.completed is None

    code, out = _run([*QUICK[4:], ""], tmp_path, resume=session.stem)
    assert code == 0
    assert "Your organisation" not in out  # no profile: straight to the first open question
    assert out.index("Question 5 of 10: ") < out.index(PROMPT)
    assert "Question 4 of 10" not in out
    answers, _ = load_session(session.stem)
    assert [a.value for a in answers.answers.values()] == QUICK_VALUES
    assert answers.completed == TODAY
    assert "Overall: 36/100" in out


def test_resume_from_the_menu_and_a_session_saved_by_the_app(
    tmp_path: Path, smcheck_home: Path
) -> None:
    _half_done()
    code, out = _run(["3", "b"], tmp_path)
    assert code == 0
    assert "  3. Korn · quick check · 5/10 answered · " in out  # after the new choices
    first_question = out.split("Excuse 6 of 10")[1]
    assert "Question 6 of 10: " in first_question
    assert "Question 5 of 10: " in out  # b went back
    assert "Current answer: 2 – in places. Enter keeps it.\nNote: kept\n" in out


def test_a_broken_session_is_named_but_not_offered(tmp_path: Path, smcheck_home: Path) -> None:
    (smcheck_home / "sessions").mkdir()
    (smcheck_home / "sessions" / f"{SESSION}.toml").write_text("not = [toml", encoding="utf-8")
    code, out = _run(["3", "1"], tmp_path)
    assert code == 0
    assert f"\nResume\n  {SESSION}: cannot be read:" in out
    assert "“3” is not on the list: type a number from 1 to 2." in out
    assert "Your organisation" in out


def test_a_session_open_elsewhere_is_refused(tmp_path: Path) -> None:
    _half_done()
    lock = SessionLock(SESSION)
    lock.acquire()
    try:
        with pytest.raises(SessionInUse):
            _run([], tmp_path, resume=SESSION)
        code, out = _run(["3"], tmp_path)  # from the menu: said, and the menu comes again
        assert code == 0
        assert "That did not work: session 20261124-090000 is open in another smcheck" in out
        assert out.count("Type a number and press Enter") == 2
    finally:
        lock.release()


def test_the_session_is_locked_while_the_walk_runs(tmp_path: Path, smcheck_home: Path) -> None:
    _half_done()
    seen: list[bool] = []

    class Watching(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            seen.append(_locked(SESSION))
            return super().readline()

    run_plain(lang="en", resume=SESSION, stdin=Watching("4\n"), stdout=io.StringIO())
    assert seen == [True, True]
    assert _given_back(smcheck_home / "sessions" / f"{SESSION}.toml")


def test_ctrl_c_saves_and_exits_130(tmp_path: Path, smcheck_home: Path) -> None:
    stdout = io.StringIO()
    stdin = _Interrupting("".join(f"{x}\n" for x in ["1", *PROFILE, "4"]))
    code = run_plain(lang="en", stdin=stdin, stdout=stdout, cwd=tmp_path)
    assert code == 130
    session = _only_session(smcheck_home)
    assert stdout.getvalue().endswith(
        f"{PROMPT}\nSaved. To continue: smcheck run --plain --resume {session.stem}\n"
    )
    answers, _ = load_session(session.stem)
    assert [a.value for a in answers.answers.values()] == [4]
    assert _given_back(session)


def test_q_stops_like_eof(tmp_path: Path, smcheck_home: Path) -> None:
    code, out = _run(["1", *PROFILE, "q", "never read"], tmp_path)
    assert code == 0
    assert out.endswith(f"--resume {_only_session(smcheck_home).stem}\n")
    code, out = _run(["q"], tmp_path)
    assert (code, out.endswith(f"{PROMPT}q\n")) == (0, True)  # nothing to resume from the menu


def test_notes_help_and_skipping(tmp_path: Path, smcheck_home: Path) -> None:
    lines = ["1", *PROFILE, "?", "note: ask Tom", "Note:", "NOTIZ: zweimal", "s", "", "n"]
    code, out = _run(lines, tmp_path)
    assert code == 0
    assert "Why this matters: Searching for the one right strategy" in out
    assert "What speaks against it: " in out
    assert "Probe: " not in out  # the interviewer's hint only in interview mode
    assert out.count("Note saved.") == 2
    assert out.count("Note removed.") == 1
    answers, a = load_session(_only_session(smcheck_home).stem)
    qs = [q.id for _, q in a.questions("quick")]
    assert answers.answers[qs[0]].value == ""  # a note is no answer
    assert answers.answers[qs[0]].note == "zweimal"
    assert qs[1] not in answers.answers
    assert answers.answers[qs[2]].value == "n/a"


def test_interview_mode_shows_the_hint_and_keeps_private_notes(
    tmp_path: Path, smcheck_home: Path
) -> None:
    lines = ["1", *PROFILE, "?", "private: seemed unsure", "3"]
    code, out = _run(lines, tmp_path, interview=True)
    assert code == 0
    assert "Probe: Ask for the date of the last published post" in out
    answers, a = load_session(_only_session(smcheck_home).stem)
    assert answers.interview
    first = a.questions("quick")[0][1].id
    assert (answers.answers[first].value, answers.answers[first].private_note) == (
        3,
        "seemed unsure",
    )


def test_open_questions_are_named_before_the_results(tmp_path: Path, smcheck_home: Path) -> None:
    answers = [*QUICK[:2], "", *QUICK[3:]]
    code, out = _run(["1", *PROFILE, *answers, "12", "3", "1", "-"], tmp_path)
    assert code == 0
    assert "\nOpen questions (1 of 10): 3.\nEnter shows the results, a question number" in out
    assert "“12”: Enter for the results, a question number from 1 to 10, or b." in out
    # after the open question, back to the review: now nothing is open, on to the results
    assert out.index("Question 3 of 10") < out.rindex("Results")
    assert "Nothing exported." in out
    assert list(tmp_path.iterdir()) == []
    saved, a = load_session(_only_session(smcheck_home).stem)
    assert saved.answers[a.questions("quick")[2][1].id].value == 1


def test_export_refuses_to_overwrite_without_yes(tmp_path: Path, smcheck_home: Path) -> None:
    (tmp_path / "plan.md").write_text("mine\n", encoding="utf-8")
    lines = ["1", *PROFILE, *QUICK, "plan.toml", "no", "plan", "yes"]
    code, out = _run(lines, tmp_path)
    assert code == 0
    assert out.count("Already there: plan.md. Type yes to overwrite them;") == 2
    assert out.count("Export the plan") == 2  # "no" asked for the name again
    assert (tmp_path / "plan.md").read_text(encoding="utf-8") != "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "plan.csv",
        "plan.html",
        "plan.ics",
        "plan.json",
        "plan.md",
        "plan.pdf",
        "plan.toml",
    ]
    exported_line = (
        "Exported: plan.toml, plan.json, plan.md, plan.csv, plan.ics, plan.html, plan.pdf"
    )
    assert exported_line in " ".join(out.split())  # (wrapped at the terminal's width)


def test_export_stops_at_eof_without_writing(tmp_path: Path, smcheck_home: Path) -> None:
    (tmp_path / "plan.md").write_text("mine\n", encoding="utf-8")
    code, out = _run(["1", *PROFILE, *QUICK, "plan"], tmp_path)
    assert code == 0
    assert (tmp_path / "plan.md").read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"]
    session = _only_session(smcheck_home)
    assert out.endswith(f"--resume {session.stem}\n")
    # resuming a finished session goes straight to the results and the export again
    code, out = _run([""], tmp_path, resume=session.stem)
    assert "Question" not in out and "Overall: 36/100" in out
    assert "Exported: smcheck-baeckerei-korn-2026-11-30.toml" in out


def test_no_escape_sequences_even_from_typed_text(tmp_path: Path, smcheck_home: Path) -> None:
    name = "\x1b[31mRed\x1b[0m Inc\x07"
    code, out = _run(["1", name, "", "", "", "", "", "", "", "", *QUICK, ""], tmp_path)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    answers, _ = load_session(_only_session(smcheck_home).stem)
    assert answers.organisation.name == "[31mRed[0m Inc"


def test_the_app_resumes_a_plain_session(tmp_path: Path, smcheck_home: Path) -> None:
    pytest.importorskip("textual")
    from textual.pilot import Pilot

    from smcheck.screens.dimension import DimensionScreen
    from smcheck.screens.question import QuestionCard
    from tui_helpers import drive, make_app

    _run(["1", *PROFILE, *QUICK[:3], "note: from plain"], tmp_path)
    session = _only_session(smcheck_home)
    app = make_app(tmp_path, resume=session.stem)

    async def script(pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, DimensionScreen)
        assert app.screen.dimension.id == "goals"  # the fourth excuse: its question is open
        card = app.screen.query_one(QuestionCard)
        assert (card.value, card.answer.note) == ("", "from plain")

    drive(app, script)


PLAIN_RUN = """
import sys
from smcheck.plain.walk import run_plain
code = run_plain(lang="en")
print("textual loaded" if "textual" in sys.modules else "textual never loaded")
sys.exit(code)
"""


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "SMCHECK_HOME": str(home), "PYTHONPATH": str(ROOT / "src")}
    env.pop("PYTHONSTARTUP", None)
    return env


def test_a_plain_run_never_imports_textual(tmp_path: Path, smcheck_home: Path) -> None:
    lines = ["1", *PROFILE, *QUICK, ""]
    done = subprocess.run(
        [sys.executable, "-c", PLAIN_RUN],
        input="".join(f"{x}\n" for x in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(smcheck_home),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("textual never loaded\n")
    assert "Exported: smcheck-baeckerei-korn-" in done.stdout
    assert "\x1b" not in done.stdout
    assert len(list(tmp_path.glob("smcheck-baeckerei-korn-*"))) == 7  # one per format


def _plain_wired() -> bool:
    """Whether `smcheck run` has learnt --plain (the command line is wired elsewhere)."""
    from smcheck.cli.main import parser

    sub = next(a for a in parser()._actions if a.dest == "command")
    return "--plain" in sub.choices["run"].format_help()  # type: ignore[index]


@pytest.mark.skipif(not _plain_wired(), reason="smcheck run --plain is not wired yet")
def test_smcheck_run_plain_with_piped_stdin(tmp_path: Path, smcheck_home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "smcheck", "run", "--plain", "--lang", "en"],
        input="1\nKorn\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(smcheck_home),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Saved. To continue: smcheck run --plain --resume " in done.stdout
    imported = [line.split("|")[-1].strip() for line in done.stderr.splitlines()]
    assert not any(name == "textual" or name.startswith("textual.") for name in imported)
