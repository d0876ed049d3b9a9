"""The plain walk's start: a new check, quick or full, or a session to go on with."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from smcheck.core.errors import InvalidFile, SmcheckError
from smcheck.core.models.answers import Scope
from smcheck.core.models.assessment import Assessment
from smcheck.core.text import format_date, one_line
from smcheck.core.texts import t
from smcheck.core.walk import check_label
from smcheck.files.catalog import entries, load_assessment
from smcheck.files.session import list_sessions

if TYPE_CHECKING:
    from smcheck.plain.walk import PlainWalk


def start_menu(walk: PlainWalk) -> None:
    """Choose a new check or a session to resume; ends with a session open."""
    if walk.only is not None:
        assessments: list[Assessment] = [walk.only]
        broken: list[str] = []
    else:
        assessments, broken = [], []
        for entry in entries():
            try:
                assessments.append(load_assessment(entry.path))
            except InvalidFile as exc:
                broken.append(str(exc.problems[0]))
    sessions = [
        s for s in list_sessions() if s.problem or s.given < s.total or s.completed is None
    ][:9]
    while True:
        choices: list[Callable[[], None]] = []
        walk.say(t("start.title", walk.lang))
        walk.say(t("start.intro", walk.lang))
        for a in assessments:
            walk.say("")
            walk.say(f"{t('start.new', walk.lang)}: {one_line(a.title.get(walk.lang))}")
            scopes: list[Scope] = ["quick", "full"] if a.has_quick() else ["full"]
            for scope in scopes:
                n = len(a.questions(scope))
                label = check_label(scope, n, walk.lang)
                choices.append(partial(walk.start_new, a, scope))
                walk.say(f"  {len(choices)}. {label}")
        for problem in broken:
            walk.say("  " + t("start.broken", walk.lang, problem=problem))
        if sessions:
            walk.say("")
            walk.say(t("start.resume", walk.lang))
            for s in sessions:
                if s.problem:
                    broken_line = t("start.broken", walk.lang, problem=s.problem)
                    walk.say(f"  {s.id}: {broken_line}")
                    continue
                local = s.updated.astimezone() if s.updated else None
                when = f"{format_date(local.date(), walk.lang)} {local:%H:%M}" if local else s.id
                org = one_line(s.organisation) or t("start.unnamed", walk.lang)
                scope_name = (
                    t(f"scope.{s.scope}", walk.lang) if s.scope in ("quick", "full") else s.scope
                )
                label = t(
                    "start.session",
                    walk.lang,
                    org=org,
                    scope=scope_name,
                    given=s.given,
                    total=s.total,
                    when=when,
                )
                choices.append(partial(walk.open_session, s.id))
                walk.say(f"  {len(choices)}. {label}")
        if not choices:
            raise SmcheckError(walk.w("plain.nothing"))
        walk.say("")
        walk.say(walk.w("plain.choose"))
        picked = walk.choose(len(choices))
        assert picked is not None
        try:
            choices[picked - 1]()
            return
        except SmcheckError as exc:  # in use elsewhere, or broken since it was listed
            walk.say(f"{t('error.title', walk.lang)}: {exc}")
            walk.say("")
