"""The plain walk's profile: the organisation, what social media should achieve for it and
which company goal each objective serves, the place of its holidays and who answers."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from smcheck.core.models.answers import MAX_CHANNEL, MAX_CHANNELS, MAX_GOAL, MAX_NAME, SIZES
from smcheck.core.models.common import ROLES
from smcheck.core.text import one_line
from smcheck.core.texts import t
from smcheck.files.open_session import OpenSession, OrganisationEdit, RespondentEdit
from smcheck.plain.render import numbers_in, quoted

if TYPE_CHECKING:
    from smcheck.plain.walk import PlainWalk


def label(walk: PlainWalk, key: str, current: str, **values: object) -> str:
    """A field's label, with its current value in brackets when it has one."""
    text = t(key, walk.lang, **values)
    return f"{text} [{one_line(current)}]" if current else text


def text_field(walk: PlainWalk, key: str, current: str, limit: int) -> str:
    """Ask for a text of at most ``limit`` characters: an empty line keeps ``current``, ``-``
    empties it."""
    walk.say("")
    walk.say(label(walk, key, current))
    while True:
        text = walk.ask()
        if not text:
            return current
        if text == "-":
            return ""
        if len(text) > limit:
            walk.say(walk.w("plain.too-long", n=limit))
            continue
        return text


def profile(walk: PlainWalk) -> None:
    """The organisation, its objectives and their links, the place and the respondent, each
    saved as soon as it is given."""
    assert walk.assessment and walk.answers
    lang = walk.lang
    walk.shown_dimension = None
    walk.say("")
    walk.say(t("profile.title", lang))
    walk.say(walk.w("plain.profile-intro"))

    def org_set(**changes: Any) -> None:
        walk.edit(lambda s: s.set_profile(OrganisationEdit(**changes)))

    org = walk.answers.organisation
    org_set(name=text_field(walk, "profile.name", org.name, MAX_NAME))

    walk.say("")
    walk.say(label(walk, "profile.size", walk.answers.organisation.size))
    walk.say("  " + walk.w("plain.size-none"))
    for i, size in enumerate(SIZES, start=1):
        walk.say(f"  {i}. {size}")
    picked = walk.choose(len(SIZES), low=0, keep=True)
    if picked is not None:
        org_set(size="" if picked == 0 else SIZES[picked - 1])

    org = walk.answers.organisation
    org_set(industry=text_field(walk, "profile.industry", org.industry, MAX_NAME))

    walk.say("")
    walk.say(label(walk, "profile.channels", ", ".join(walk.answers.organisation.channels)))
    while True:
        text = walk.ask()
        if not text:
            break
        channels = [c.strip() for c in text.split(",") if c.strip() and c.strip() != "-"]
        if len(channels) > MAX_CHANNELS:
            walk.say(walk.w("plain.too-many", n=MAX_CHANNELS))
        elif any(len(c) > MAX_CHANNEL for c in channels):
            walk.say(walk.w("plain.too-long", n=MAX_CHANNEL))
        else:
            org_set(channels=tuple(channels))
            break

    goals = [*walk.answers.organisation.company_goals, "", ""]
    first = text_field(walk, "profile.goal1", goals[0], MAX_GOAL)
    org_set(company_goals=tuple(g for g in (first, goals[1]) if g))
    second = text_field(walk, "profile.goal2", goals[1], MAX_GOAL)
    org_set(company_goals=tuple(g for g in (first, second) if g))

    if walk.assessment.objectives:
        objectives(walk)
        links(walk)

    org = walk.answers.organisation
    country = text_field(walk, "profile.country", org.country, 2).upper()
    org_set(country=country)
    region = text_field(walk, "profile.region", walk.answers.organisation.region, 3).upper()
    org_set(region=region)

    who = walk.answers.respondent
    name = text_field(walk, "profile.respondent", who.name, MAX_NAME)
    walk.edit(lambda s: s.set_profile(RespondentEdit(name=name)))

    walk.say("")
    role = walk.answers.respondent.role
    walk.say(label(walk, "profile.role", t(f"role.{role}", lang)))
    for i, r in enumerate(ROLES, start=1):
        walk.say(f"  {i}. {t(f'role.{r}', lang)}")
    picked = walk.choose(len(ROLES), keep=True)
    if picked is not None:
        role = ROLES[picked - 1]
        walk.edit(lambda s: s.set_profile(RespondentEdit(role=role)))


def links(walk: PlainWalk) -> None:
    """Which company goal each chosen objective serves (1, 2, both, or none yet)."""
    assert walk.assessment and walk.answers
    org = walk.answers.organisation
    if not org.objectives or not org.company_goals:
        return
    n = len(org.company_goals)
    served: list[tuple[str, tuple[int, ...]]] = []
    for oid in org.objectives:
        name = one_line(walk.assessment.objective(oid).name.get(walk.lang))
        current = " ".join(str(k) for k in org.links.get(oid, []))
        walk.say("")
        walk.say(label(walk, "plain.link", current, objective=name, n=n))
        while True:
            text = walk.ask()
            if not text:
                numbers = tuple(org.links.get(oid, []))
                break
            if text == "-":
                numbers = ()
                break
            typed = numbers_in(text, n)
            if typed is not None:
                numbers = tuple(sorted(typed))
                break
            walk.say(walk.w("plain.bad-numbers", value=quoted(text), n=n))
        served.append((oid, numbers))
    walk.edit(partial(OpenSession.set_profile, edit=OrganisationEdit(links=tuple(served))))


def objectives(walk: PlainWalk) -> None:
    """What social media should achieve: numbers of the objectives, ``-`` for none."""
    assert walk.assessment and walk.answers
    lang, offered = walk.lang, walk.assessment.objectives
    chosen = walk.answers.organisation.objectives
    names = ", ".join(one_line(o.name.get(lang)) for o in offered if o.id in chosen)
    walk.say("")
    walk.say(f"{walk.w('plain.objectives')} [{names}]" if names else walk.w("plain.objectives"))
    for i, o in enumerate(offered, start=1):
        walk.say(f"  {i}. {one_line(o.name.get(lang))} – {one_line(o.description.get(lang))}")
    while True:
        text = walk.ask()
        if not text:
            return
        if text == "-":
            picked: set[int] = set()
        else:
            typed = numbers_in(text, len(offered))
            if typed is None:
                walk.say(walk.w("plain.bad-numbers", value=quoted(text), n=len(offered)))
                continue
            picked = typed
        ordered = tuple(o.id for i, o in enumerate(offered, start=1) if i in picked)
        walk.edit(partial(OpenSession.set_profile, edit=OrganisationEdit(objectives=ordered)))
        return
