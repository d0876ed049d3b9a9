"""The text catalogue: every entry in both languages, every key the code uses is there, no
entry is left over, and a broken catalogue is refused with the key named.

The keys the code uses are found statically: the source under ``src/smcheck`` is read with
``ast`` for calls of the lookup functions (``t``, ``ui``, ``word``, ``w``, ``_w``, also as
``self.t`` / ``self.w``) and of every function that passes one of its parameters on to a
lookup as the key (``_label(key, …)`` → ``t(key, …)``), and for ``Binding`` descriptions,
which :mod:`smcheck.screens.base` translates when they are catalogue keys.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import get_args

import pytest

from conftest import ROOT
from smcheck.core import texts
from smcheck.core.langs import LANGS, Lang
from smcheck.core.models.answers import Confidence, Scope
from smcheck.core.models.assessment import Kpi
from smcheck.core.models.common import OwnerRole, Phase, Role
from smcheck.core.models.plan import GoalStatus
from smcheck.core.texts import KEYS, BrokenCatalogue, t
from smcheck.core.walk import check_label

SRC = ROOT / "src" / "smcheck"

LOOKUPS = {"t": 0, "ui": 0, "word": 0, "w": 0, "_w": 0}
"""Lookup functions and the position of the key among their arguments (``self`` not counted)."""

KEY_SHAPE = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$")
"""What a catalogue key looks like (``key.next``, ``plan.col.goal``, ``ok``)."""

DOTTED = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$")
"""A string in the code that is taken for a key even outside a lookup (``"key.next"``, not
``"ok"``, which is also a button id)."""

_UNITS = set(get_args(Kpi.model_fields["unit"].annotation))
VALUES: dict[str, set[str]] = {
    "role.": set(get_args(Role)) | set(get_args(OwnerRole)),
    "phase.": set(get_args(Phase)),
    "unit.": _UNITS - {"count"},  # format_amount writes a count without a unit
    "status.": set(get_args(GoalStatus)),
    "progress.status.": set(get_args(GoalStatus)),
    "conf.": set(get_args(Confidence)),
    "scope.": set(get_args(Scope)),
    "start.": set(get_args(Scope)),
}
"""For keys built with an f-string (``f"role.{r}"``): the values the placeholder can take."""


@dataclass(frozen=True)
class Use:
    """A key (or an f-string pattern for keys) found in the source."""

    where: str
    key: str = ""
    pattern: str = ""  # a regular expression, for an f-string key
    prefix: str = ""  # the f-string's text before its first placeholder


@dataclass
class Found:
    uses: list[Use] = field(default_factory=list)
    literals: set[str] = field(default_factory=set)  # every dotted string constant


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(SRC.rglob("*.py")):
        yield str(path.relative_to(ROOT)), ast.parse(path.read_text(encoding="utf-8"), str(path))


def _callee(call: ast.Call) -> str | None:
    """``f`` for ``f(…)`` and ``self.f(…)``; ``None`` for other calls."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    if (
        isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "self"
    ):
        return call.func.attr
    return None


def _key_arg(call: ast.Call, position: int, name: str | None) -> ast.expr | None:
    if len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    return next((k.value for k in call.keywords if name is not None and k.arg == name), None)


def _params(fn: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> list[str]:
    names = [a.arg for a in [*fn.args.posonlyargs, *fn.args.args]]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def _enclosing_functions(tree: ast.Module) -> dict[ast.AST, ast.AST]:
    """Each node → the innermost function (or the module) it is in."""
    owner: dict[ast.AST, ast.AST] = {}

    def visit(node: ast.AST, scope: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            owner[child] = scope
            inner = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            visit(child, child if isinstance(child, inner) else scope)

    visit(tree, tree)
    return owner


def _strings(node: ast.expr | None) -> list[str] | None:
    """The strings an expression can be, when it is made of literals only; else ``None``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        a, b = _strings(node.body), _strings(node.orelse)
        return None if a is None or b is None else a + b
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        out: list[str] = []
        for e in node.elts:
            s = _strings(e)
            if s is None:
                return None
            out += s
        return out
    return None


def _name_values(scope: ast.AST, name: str) -> list[ast.expr]:
    """What ``name`` is bound to in ``scope``: ``name = …`` and ``for name in …``."""
    values: list[ast.expr] = []
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign):
            if any(isinstance(x, ast.Name) and x.id == name for x in node.targets):
                values.append(node.value)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            if isinstance(node.target, ast.Name) and node.target.id == name:
                values.append(node.value)
        elif (
            isinstance(node, ast.For | ast.comprehension)
            and isinstance(node.target, ast.Name)
            and node.target.id == name
        ):
            values.append(node.iter)
    return values


@cache
def found() -> Found:
    """Every key use in the source (see the module docstring)."""
    modules = list(_modules())
    owners = {path: _enclosing_functions(tree) for path, tree in modules}

    # Functions that hand one of their parameters to a lookup as its key take keys too.
    takers = dict(LOOKUPS)
    names: dict[str, str | None] = dict.fromkeys(LOOKUPS, "key")
    changed = True
    while changed:
        changed = False
        for path, tree in modules:
            for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
                callee = _callee(call)
                if callee not in takers:
                    continue
                arg = _key_arg(call, takers[callee], names[callee])
                fn = owners[path][call]
                if not isinstance(arg, ast.Name) or not isinstance(
                    fn, ast.FunctionDef | ast.AsyncFunctionDef
                ):
                    continue
                params = _params(fn)
                if arg.id in params and fn.name not in takers:
                    takers[fn.name], names[fn.name] = params.index(arg.id), arg.id
                    changed = True

    result = Found()
    for path, tree in modules:
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and DOTTED.match(node.value)
            ):
                result.literals.add(node.value)
            if not isinstance(node, ast.Call):
                continue
            where = f"{path}:{node.lineno}"
            callee = _callee(node)
            if callee == "Binding":
                description = _key_arg(node, 2, "description")
                for s in _strings(description) or []:
                    if DOTTED.match(s):
                        result.uses.append(Use(where, key=s))
                continue
            if callee not in takers:
                continue
            arg = _key_arg(node, takers[callee], names[callee])
            result.uses += _uses(arg, where, owners[path][node])
    return result


def _uses(arg: ast.expr | None, where: str, scope: ast.AST) -> list[Use]:
    strings = _strings(arg)
    if strings is not None:
        return [Use(where, key=s) for s in strings]
    if isinstance(arg, ast.IfExp):
        return _uses(arg.body, where, scope) + _uses(arg.orelse, where, scope)
    if isinstance(arg, ast.JoinedStr):
        pattern, prefix, started = "", "", False
        for part in arg.values:
            if isinstance(part, ast.Constant):
                pattern += re.escape(str(part.value))
                prefix += "" if started else str(part.value)
            else:
                pattern += "[a-z0-9-]+"
                started = True
        return [Use(where, pattern=pattern, prefix=prefix)]
    if isinstance(arg, ast.Name) and not isinstance(scope, ast.Module):
        bound = _name_values(scope, arg.id)
        # A parameter passed on (checked at its callers) or a value from elsewhere: not a use here.
        return [u for value in bound for u in _uses(value, where, scope)]
    return []


def _expansions(use: Use) -> set[str] | None:
    """The keys an f-string use can produce, when its placeholder's values are known."""
    if use.prefix in VALUES and use.pattern == re.escape(use.prefix) + "[a-z0-9-]+":
        return {use.prefix + value for value in VALUES[use.prefix]}
    return None


# --- the catalogue itself ------------------------------------------------------------------


def test_every_entry_has_german_and_english() -> None:
    entries = texts.catalogue()
    assert len(entries) > 250
    for key, entry in entries.items():
        assert KEY_SHAPE.match(key), f"{key!r} does not look like a key"
        assert set(entry) == set(LANGS), key
        for lang in LANGS:
            assert isinstance(entry[lang], str) and entry[lang].strip(), (key, lang)
    assert frozenset(entries) == KEYS


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_both_languages_take_the_same_values() -> None:
    for key, entry in texts.catalogue().items():
        assert _fields(entry["de"]) == _fields(entry["en"]), key


def test_the_file_is_read_lazily_and_without_pydantic() -> None:
    code = (
        "import sys\n"
        "from smcheck.core import texts\n"
        "assert texts.catalogue.cache_info().currsize == 0, 'read on import'\n"
        "assert texts.t('key.next', 'de') == 'Weiter'\n"
        "assert 'key.next' in texts.KEYS\n"
        "assert 'pydantic' not in sys.modules, 'pydantic imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr


# --- lookups -------------------------------------------------------------------------------


def test_t_fills_in_values() -> None:
    assert t("count.questions", "en", n=12) == "12 questions"
    assert t("start.quick", "de", questions="12 Fragen", minutes="4 Minuten") == (
        "Schnellcheck: 12 Fragen, etwa 4 Minuten"
    )
    assert t("key.next", "en") == "Next"
    assert t("role.hr", "de") == "Personal"


def test_t_fails_on_an_unknown_key() -> None:
    with pytest.raises(KeyError, match=r"no\.such-key"):
        t("no.such-key", "de")
    with pytest.raises(KeyError):
        t("start.quick", "fr")  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        _ = texts.NO_SUCH_NAME  # type: ignore[attr-defined]


# --- a broken catalogue --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('["a.b"]\nde = "x"\n', '"a.b" must have exactly de and en, not de'),
        ('["a.b"]\nde = "x"\nen = "y"\nfr = "z"\n', '"a.b" must have exactly de and en'),
        ('["a.b"]\nde = ""\nen = "y"\n', '"a.b": de must be a non-empty string'),
        ('["a.b"]\nde = "x"\nen = 3\n', '"a.b": en must be a non-empty string'),
        ('"a.b" = "x"\n', '"a.b" must be a table'),
        ('[a.b]\nde = "x"\nen = "y"\n', '"a" must have exactly de and en, not b (a dotted key'),
        ('["a.b"\n', "texts.toml: "),
    ],
)
def test_a_broken_catalogue_names_the_key(
    toml: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "texts.toml"
    broken.write_text(toml + '\n["fine.entry"]\nde = "gut"\nen = "fine"\n', encoding="utf-8")
    monkeypatch.setattr(texts, "CATALOGUE", broken)
    with pytest.raises(BrokenCatalogue) as caught:
        texts.catalogue.__wrapped__()
    assert message in str(caught.value)
    assert str(broken) in str(caught.value)


def test_a_missing_catalogue_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(texts, "CATALOGUE", tmp_path / "texts.toml")
    with pytest.raises(BrokenCatalogue, match=r"texts\.toml"):
        texts.catalogue.__wrapped__()


# --- the catalogue and the code ------------------------------------------------------------


def test_the_scan_finds_the_known_kinds_of_use() -> None:
    """The scan sees what it must see; else the two tests below would pass for nothing."""
    uses = found().uses
    keys = {u.key for u in uses}
    prefixes = {u.prefix for u in uses if u.pattern}
    assert {"key.help", "key.back"} <= keys  # Binding descriptions
    assert {"results.overall", "dim.why"} <= keys  # self.t(…) and t(…, lang)
    assert "plan.col.task" in keys  # for key in ("plan.col.phase", …): self.t(key)
    assert {"comparison.no-gaps", "comparison.no-sides"} <= keys  # t(a if … else b, lang)
    assert "profile.goal1" in keys  # text_field("profile.goal1", …) → _label(key) → t(key)
    assert {"role.", "phase.", "status.", "progress.status."} <= prefixes


def test_every_key_used_in_the_code_is_in_the_catalogue() -> None:
    missing: list[str] = []
    for use in found().uses:
        if use.key and use.key not in KEYS:
            missing.append(f"{use.where}: {use.key}")
        if use.pattern:
            matching = [k for k in KEYS if re.fullmatch(use.pattern, k)]
            if not matching:
                missing.append(f"{use.where}: no key matches {use.pattern}")
            for key in sorted(_expansions(use) or set()):
                if key not in KEYS:
                    missing.append(f"{use.where}: {key} (from {use.prefix}…)")
    assert not missing, "keys used but not in texts.toml:\n" + "\n".join(missing)


def test_every_catalogue_key_is_used_in_the_code() -> None:
    used = set(found().literals)
    for use in found().uses:
        used.add(use.key)
        if use.pattern:
            expanded = _expansions(use)
            used |= (
                expanded
                if expanded is not None
                else {k for k in KEYS if re.fullmatch(use.pattern, k)}
            )
    unused = sorted(KEYS - used)
    assert not unused, "keys in texts.toml that no code uses:\n" + "\n".join(unused)


@pytest.mark.parametrize(
    ("scope", "questions", "lang", "shown"),
    [
        ("quick", 1, "en", "Quick check: 1 question, about 1 minute"),
        ("quick", 1, "de", "Schnellcheck: 1 Frage, etwa 1 Minute"),
        ("full", 3, "en", "Full check: 3 questions, about 1 minute"),
        ("full", 40, "de", "Vollständiger Check: 40 Fragen, etwa 13 Minuten"),
        ("quick", 12, "en", "Quick check: 12 questions, about 4 minutes"),
    ],
)
def test_a_check_is_offered_with_its_questions_and_minutes_in_the_right_number(
    scope: Scope, questions: int, lang: Lang, shown: str
) -> None:
    assert check_label(scope, questions, lang) == shown
