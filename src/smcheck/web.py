"""`smcheck serve`: the app in a browser, behind secret links.

Built on textual-serve's aiohttp server; its internals that this needs are overridden in
:class:`smcheck.seams.ServeSeams`. Every route wants the token of one of the printed links (or the
cookie its first visit set); the WebSocket that starts an smcheck process also wants an allowed
``Origin``; each link caps the sessions open through it at once. The main link opens the whole
app; an invite link opens one respondent's session and nothing else.
"""

from __future__ import annotations

import hmac
import logging
import secrets
import shlex
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.server import Server

from smcheck.core.errors import SmcheckError
from smcheck.core.text import one_line, printable
from smcheck.seams import ServeSeams

TEMPLATES = Path(__file__).parent / "templates"
PAGE = "browser.html"
MAIN = "main"
"""The slug of the main link."""
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
EVERYWHERE = frozenset({"0.0.0.0", "::", ""})
CONFINED = "--session-only"
"""The option of `smcheck run` that keeps the app in the one session it resumed (no start list,
no other sessions); an invite's process runs with it, and `--invite` is refused without it."""

REFUSED = "smcheck: open the link `smcheck serve` printed: it carries the access token.\n"
FOREIGN = "smcheck: sessions open only from smcheck's own page (the Origin is not allowed).\n"
FULL = "All sessions this link allows are open ({n}; smcheck serve --max-sessions N). Close one, then Restart."
BUSY = "This link is open in another tab or window. Close it there, then Restart."


@dataclass(frozen=True)
class Link:
    """One way in: a secret token, the command its sessions run and how many may be open at once."""

    slug: str
    """Names the link's WebSocket route and cookie; not a secret."""
    token: str = field(repr=False)
    command: tuple[str, ...]
    """What each session through the link runs (``smcheck run …``)."""
    limit: int
    """Sessions open through the link at once."""
    respondent: str = ""
    """The invited respondent's name; empty for the main link."""


def new_token() -> str:
    """A fresh secret for a link."""
    return secrets.token_urlsafe(32)


SMCHECK = (sys.executable, "-m", "smcheck")


def main_link(
    limit: int,
    *,
    lang: str | None = None,
    interview: bool = False,
    program: Sequence[str] = SMCHECK,
) -> Link:
    """The link to the whole app (start list, every session), ``limit`` sessions at once."""
    options = [*(["--lang", lang] if lang else []), *(["--interview"] if interview else [])]
    return Link(MAIN, new_token(), (*program, "run", *options), limit)


def invite_link(
    number: int, respondent: str, session_id: str, *, program: Sequence[str] = SMCHECK
) -> Link:
    """A link into one respondent's session only, one browser tab at a time."""
    command = (*program, "run", "--resume", session_id, CONFINED)
    return Link(f"i{number}", new_token(), command, 1, respondent)


def check_confined_mode() -> None:
    """Refuse invites while `smcheck run` cannot keep a browser user in one session."""
    from smcheck.cli.main import parser

    _, unknown = parser().parse_known_args(["run", CONFINED])
    if unknown:
        raise SmcheckError(
            f"--invite: this smcheck's `run` has no {CONFINED} option yet, so an invited "
            "respondent could leave their session for the list of all sessions; no link was made"
        )


def invited_sessions(session_id: str, names: Sequence[str]) -> list[tuple[str, str]]:
    """(name, session id) of each invited respondent in the engagement of ``session_id``.

    A respondent of that name already in the engagement keeps their (latest) session, so a
    restarted server links to the same sessions; anyone else gets a new one (``add_respondent``).
    """
    from pydantic import ValidationError

    from smcheck.core.models.answers import Respondent
    from smcheck.files.open_session import OpenSession

    wanted: list[str] = []
    for name in names:
        clean = one_line(name)
        if not clean:
            raise SmcheckError("--invite: give the respondent's name")
        if clean.casefold() in (w.casefold() for w in wanted):
            raise SmcheckError(f"--invite {clean!r} is given twice")
        wanted.append(clean)
    session = OpenSession.open(session_id)
    try:
        known = {one_line(a.respondent.name).casefold(): sid for sid, a in session.members()}
        found: list[tuple[str, str]] = []
        for name in wanted:
            if (sid := known.get(name.casefold())) is None:
                try:
                    who = Respondent(name=name)
                except ValidationError as exc:
                    raise SmcheckError(f"--invite {name!r}: {exc.errors()[0]['msg']}") from None
                sid = session.add_respondent(who)
            found.append((name, sid))
        return found
    finally:
        session.close()


def origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL as browsers send it in ``Origin`` (default port left
    out); empty for what is not a URL with a host."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # a port that is not a number, a broken IPv6 address
        return ""
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if not scheme or not host:
        return ""
    if ":" in host:
        host = f"[{host}]"
    if port is None or (scheme, port) in (("http", 80), ("https", 443)):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def check_public_url(url: str) -> str:
    """The origin of a ``--public-url`` (http or https, a host, no path); refuses anything else."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError as exc:
        raise SmcheckError(f"--public-url {url!r}: {exc}") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise SmcheckError(f"--public-url {url!r}: give http:// or https:// and a host")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        # downloads go to /download/… at the page's host (textual-serve's page script): a
        # proxy may map the whole host, not a folder of it
        raise SmcheckError(f"--public-url {url!r}: give the host only, without a path")
    return origin(url)


def local_url(host: str, port: int) -> str:
    """The address of the server on this machine (a loopback one when it listens everywhere)."""
    name = "127.0.0.1" if host in EVERYWHERE else host
    return origin(f"http://{f'[{name}]' if ':' in name else name}:{port}")


def allowed_origins(host: str, port: int, public_url: str | None) -> frozenset[str]:
    """Pages that may open sessions: the served host and port (127.0.0.1 and localhost both for
    a loopback or every-address bind), and ``public_url``'s origin."""
    names = {"127.0.0.1", "localhost", "::1"} if host in LOOPBACK | EVERYWHERE else {host}
    allowed = {local_url(name, port) for name in names}
    if public_url:
        allowed.add(origin(public_url))
    return frozenset(allowed)


def _number(value: str, default: int, low: int, high: int) -> int:
    try:
        return min(max(int(value), low), high)
    except ValueError:
        return default


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class WebServer(ServeSeams, Server):
    """textual-serve's server with links: tokens, a cookie, an origin check and session caps."""

    def __init__(
        self,
        links: Sequence[Link],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        public_url: str | None = None,
        title: str = "smcheck",
    ) -> None:
        self.base = origin(public_url) if public_url else local_url(host, port)
        super().__init__(
            shlex.join(links[0].command),
            host=host,
            port=port,
            title=title,
            public_url=self.base,
            templates_path=TEMPLATES,
        )
        self.links = {link.slug: link for link in links}
        self.fixed_base = self.base if public_url else None
        """The address pages are built for; without ``--public-url``, the one they were asked at."""
        self.origins = allowed_origins(host, port, public_url)
        self.cookie_prefix = f"smcheck-{port}-"
        self.open_sessions = {slug: 0 for slug in self.links}
        self.owners: dict[str, str] = {}
        """The link each running app service was started through (for its downloads)."""

    # --- who is asking -----------------------------------------------------------------------------

    def link_for(self, token: str) -> Link | None:
        """The link whose token this is (compared in constant time)."""
        given = token.encode()
        for link in self.links.values():
            if hmac.compare_digest(given, link.token.encode()):
                return link
        return None

    def presented(self, request: web.Request) -> list[Link]:
        """The links a request holds a token of: the query's first, then the cookies' (main first)."""
        found: list[Link] = []
        if (link := self.link_for(request.query.get("token", ""))) is not None:
            found.append(link)
        for slug, link in self.links.items():
            cookie = request.cookies.get(self.cookie_prefix + slug, "")
            if link not in found and self.link_for(cookie) is link:
                found.append(link)
        return found

    async def make_app(self) -> web.Application:
        @web.middleware
        async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
            if not self.presented(request):
                raise web.HTTPForbidden(text=REFUSED)
            return await handler(request)

        app = web.Application(middlewares=[guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws/{link}", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        return app

    # --- routes ------------------------------------------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.Response:
        link = self.presented(request)[0]
        base = self.fixed_base or origin(f"{request.scheme}://{request.host}")
        socket = ("wss" if base.startswith("https:") else "ws") + base[base.index(":") :]
        nonce = secrets.token_urlsafe(16)
        context = {
            "title": self.title,
            "static": f"{base}/static/",
            "websocket_url": f"{socket}/ws/{link.slug}",
            "font_size": _number(request.query.get("fontsize", "16"), 16, 8, 48),
            "nonce": nonce,
        }
        response = aiohttp_jinja2.render_template(PAGE, request, context)
        own = f"'self' {base}"
        response.headers["Content-Security-Policy"] = (
            f"default-src 'none'; script-src {own} 'nonce-{nonce}'; "
            f"style-src {own} 'unsafe-inline'; font-src {own}; img-src {own} data:; "
            f"connect-src {own} {socket}; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'"
        )
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        if self.link_for(request.query.get("token", "")) is link:
            response.set_cookie(
                self.cookie_prefix + link.slug,
                link.token,
                httponly=True,
                samesite="Strict",
                secure=base.startswith("https:"),
                path="/",
            )
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        link = self.links.get(request.match_info["link"])
        if link is None or link not in self.presented(request):
            raise web.HTTPForbidden(text=REFUSED)
        seen = origin(request.headers.get("Origin", ""))
        if not seen or seen not in self.origins:
            raise web.HTTPForbidden(text=FOREIGN)
        websocket = web.WebSocketResponse(heartbeat=15)
        if self.open_sessions[link.slug] >= link.limit:
            # told on the page (the close reason), rather than a terminal that never answers
            told = FULL.format(n=link.limit) if link.slug == MAIN else BUSY
            await websocket.prepare(request)
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=told.encode())
            return websocket
        self.open_sessions[link.slug] += 1  # before the first await: no two tabs take one place
        services: list[str] = []

        def started(service: str) -> None:
            services.append(service)
            self.owners[service] = link.slug

        try:
            await websocket.prepare(request)
            size = (
                _number(request.query.get("width", "80"), 80, 10, 1000),
                _number(request.query.get("height", "24"), 24, 5, 1000),
            )
            await self.run_session(websocket, shlex.join(link.command), size, started)
        finally:
            self.open_sessions[link.slug] -= 1
            for service in services:
                self.owners.pop(service, None)
        return websocket

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        owner = self.owners.get(await self.download_owner(request.match_info["key"]) or "")
        if not any(link.slug in (MAIN, owner) for link in self.presented(request)):
            raise web.HTTPForbidden(text=REFUSED)
        return await super().handle_download(request)

    # --- the terminal it runs in -------------------------------------------------------------------

    def link_lines(self) -> list[str]:
        """What the terminal shows: the main link, then one link per invited respondent."""
        main = self.links[MAIN]
        lines = [
            f"smcheck: serving on {self.base} (ctrl+c stops). Open this link; it carries the "
            "access token; share it only with people who may see every session:",
            f"  {self.base}/?token={main.token}",
        ]
        invites = [link for link in self.links.values() if link.respondent]
        if invites:
            lines.append("Invited respondents, one link each, into their own session only:")
            lines += [f"  {printable(i.respondent)}: {self.base}/?token={i.token}" for i in invites]
        return lines

    async def on_startup(self, app: web.Application) -> None:
        print("\n".join(self.link_lines()), flush=True)

    def initialize_logging(self) -> None:
        super().initialize_logging()
        # the access log would print every request's address, the page's with its token
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
