"""What the first iteration holds: which goals and tasks, in which precedence, and what waits.

The rule, also in the README:
- Goals: one outcome goal per chosen objective (its leading KPI, the first listed) and an
  enabler goal for each of the weakest dimensions (below the fourth stage, lowest first, ties by
  the articles' priority, at most three); in the dead end the dimensions of its trap questions
  come first, whatever their scores. At most ``MAX_GOALS``: the two weakest dimensions'
  enablers first, then the outcome goals in the order the objectives were chosen, then the rest.
- An enabler goal brings the actions that deliver it (named in the questionnaire) unless their
  questions are all answered well (option 4 or 5). Any other action of a dimension is due when one of its questions is answered
  low (options worth less than 50 points); when a question is answered in the middle or not
  known, only if its dimension is among the weakest. An action whose questions are all answered
  well stays out.
- Tasks, at most ``MAX_TASKS``, in this precedence: collecting the missing answers (below 60 %
  complete), the fixed tasks every plan carries (measuring baselines only with an outcome goal),
  linking goals to company goals when a link is missing, at most two "agree on it" tasks for
  perception gaps, then the due actions: first the most urgent task of every goal (an enabler
  goal's first delivering action), then the goals' other delivering actions, then all others by
  the lowest answer first, ties by the articles' priority, then questionnaire order. (An
  objective's first steps, priority 1-2, count as urgent as a "not at all" answer.)
- Whatever does not fit goes on the "later" list, in the same precedence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smcheck.core.models.assessment import Action, Assessment
from smcheck.core.scoring import MIN_COMPLETENESS, PULL_BELOW, STRENGTH_FROM_STAGE

MAX_GOALS = 4
MAX_TASKS = 12
MAX_ENABLERS = 3
ENABLERS_FIRST = 2
"""This many of the weakest dimensions' enabler goals come before the outcome goals."""
WELL_FROM = 75
"""An answer worth this many points or more is answered well (option 4 or 5 of the shared scale)."""
MAX_AGREE = 2
"""Perception gaps that become "agree on it" tasks; the rest of the gaps wait."""

COLLECT, LINK = "collect-answers", "link-goals"
"""Ids of the tasks the plan makes itself (no questionnaire action behind them)."""


def agree_id(dimension: str) -> str:
    """The id of the task that brings leadership and team together on a gap."""
    return f"agree-{dimension}"


@dataclass(frozen=True)
class View:
    """What the plan is chosen from: one respondent's answers or several combined."""

    scores: dict[str, int | None]
    """Dimension scores (combined ones for a comparison)."""
    points: dict[str, float]
    """Points of every answered question in scope (a mean for a comparison)."""
    unknown: frozenset[str]
    """Questions in scope without an option ("don't know" or unanswered; "n/a" is neither)."""
    completeness: int
    objectives: list[str]
    linked: frozenset[str]
    """Objectives linked to a company goal."""
    gaps: list[str] = field(default_factory=list)
    """Dimensions where leadership and team differ most, biggest first."""
    trapped: list[str] = field(default_factory=list)
    """In the dead end: the dimensions of the trap's questions (the way out comes first)."""


@dataclass(frozen=True)
class Choice:
    """The chosen goal and task ids, and what waits for a later iteration."""

    objectives: list[str]
    """Objectives whose leading KPI is a goal."""
    enablers: list[str]
    """Dimensions whose enabler is a goal."""
    tasks: list[tuple[str, Action | None, str | None]]
    """(task id, its action or None for a made task, the objective or dimension it is for)."""
    later_goals: list[tuple[str, str]] = field(default_factory=list)
    """("objective" or "dimension", id) of goals that did not fit."""
    later_tasks: list[tuple[str, Action | None, str | None]] = field(default_factory=list)


def weakest(a: Assessment, scores: dict[str, int | None]) -> list[str]:
    """The dimensions that get an enabler goal: below the fourth stage, lowest first, ties by
    the articles' priority then questionnaire order, at most three; if none is that low, the
    single weakest unless it already reaches the top stage."""
    line = a.stages[STRENGTH_FROM_STAGE].min_score
    ranked = sorted(
        (s, d.priority, i, d.id)
        for i, d in enumerate(a.dimensions)
        if (s := scores.get(d.id)) is not None
    )
    weak = [did for s, _, _, did in ranked if s < line][:MAX_ENABLERS]
    if not weak and ranked and ranked[0][0] < a.stages[-1].min_score:
        weak = [ranked[0][3]]
    return weak


def _goals(a: Assessment, view: View) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    weak = weakest(a, view.scores)
    if view.trapped:  # the dead end's own dimensions first: the way out of it
        weak = [*view.trapped, *(d for d in weak if d not in view.trapped)][:MAX_ENABLERS]
    ranked = (
        [("dimension", d) for d in weak[:ENABLERS_FIRST]]
        + [("objective", o) for o in view.objectives]
        + [("dimension", d) for d in weak[ENABLERS_FIRST:]]
    )
    kept, later = ranked[:MAX_GOALS], ranked[MAX_GOALS:]
    objectives = [o for kind, o in kept if kind == "objective"]
    enablers = [d for d in weak if ("dimension", d) in kept]
    return objectives, enablers, later


def due_level(x: Action, view: View, weak: set[str], dimension: str) -> int | None:
    """How urgently a dimension's action is due: 0 for a trigger answered "not at all", 1 for
    another low answer, 2 when only its weak dimension calls for it; ``None`` when not due."""
    lows = [view.points[q] for q in x.questions if q in view.points and view.points[q] < PULL_BELOW]
    if lows:
        return 0 if min(lows) == 0 else 1
    if dimension not in weak:
        return None
    middling = any(
        q in view.unknown or (q in view.points and view.points[q] == PULL_BELOW)
        for q in x.questions
    )
    return 2 if middling else None


def answered_well(x: Action, view: View) -> bool:
    """Whether every question of the action is answered well (75 points or more: option 4 or 5,
    or a combined mean that high): the organisation already does what the action would start."""
    return bool(x.questions) and all(view.points.get(q, -1) >= WELL_FROM for q in x.questions)


def choose(a: Assessment, view: View) -> Choice:
    """The goals and tasks of the first iteration, by the precedence in the module docstring."""
    objectives, enablers, later_goals = _goals(a, view)
    made: list[tuple[str, Action | None, str | None]] = []
    if view.completeness < MIN_COMPLETENESS and view.unknown:
        made.append((COLLECT, None, None))
    made += [(x.id, x, None) for x in a.always if objectives or not x.needs_kpis]
    if any(o not in view.linked for o in objectives):
        made.append((LINK, None, None))
    made += [(agree_id(d), None, d) for d in view.gaps[:MAX_AGREE]]

    later_made: list[tuple[str, Action | None, str | None]] = [
        (agree_id(d), None, d) for d in view.gaps[MAX_AGREE:]
    ]
    weak = set(enablers)
    Key = tuple[int, int, int]
    ranked: list[tuple[Key, tuple[str, Action | None, str | None]]] = []
    order = 0
    for o in view.objectives:
        for x in a.objective(o).actions:
            order += 1
            if o in objectives:
                ranked.append(((0 if x.priority <= 2 else 1, x.priority, order), (x.id, x, o)))
            else:
                later_made.append((x.id, x, o))
    for d in a.dimensions:
        delivers = d.enabler.actions if d.id in weak else []
        for x in d.actions:
            order += 1
            if x.id in delivers and not answered_well(x, view):
                # the goal is set: what delivers it is due, first
                ranked.append(((-1, delivers.index(x.id), order), (x.id, x, d.id)))
                continue
            level = due_level(x, view, weak, d.id)
            if level is not None:
                ranked.append(((level, x.priority, order), (x.id, x, d.id)))
    ranked.sort(key=lambda it: it[0])
    # every goal first gets its most urgent task; then all due actions compete by urgency
    goals = [*objectives, *enablers]
    firsts = [next((item for _, item in ranked if item[2] == g), None) for g in goals]
    picked = [item for item in firsts if item is not None]
    actions = picked + [item for _, item in ranked if item not in picked]
    everything = made + actions
    return Choice(
        objectives=objectives,
        enablers=enablers,
        tasks=everything[:MAX_TASKS],
        later_goals=later_goals,
        later_tasks=everything[MAX_TASKS:] + later_made,
    )
