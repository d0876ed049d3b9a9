"""`smcheck serve` keeps strangers out: secret links, a cookie, an origin check, session caps and
invite links into one respondent's session, tested with a real aiohttp client.

The sessions behind the links run a stand-in app (``FAKE_APP``) that speaks textual-serve's
protocol: it sends its own command line as its first output, delivers a file when asked and ends
when told to. That is the command the server starts for a link, without a Textual app per session.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp import WSMsgType
from aiohttp.test_utils import TestServer
from yarl import URL

from smcheck import web
from smcheck.cli.main import main
from smcheck.core.errors import SmcheckError
from smcheck.files.catalog import find_assessment
from smcheck.files.open_session import OpenSession
from smcheck.files.session import engagement_of, list_sessions, load_session
from smcheck.web import CONFINED, Link, WebServer

WAIT = 30.0
LINK = re.compile(r"https?://\S+/\?token=[\w-]+")

FAKE_APP = r"""
import json, sys
from textual_serve._binary_encode import dump

out, given = sys.stdout.buffer, sys.stdin.buffer

def packet(kind, payload):
    out.write(kind + len(payload).to_bytes(4, "big") + payload)
    out.flush()

out.write(b"__GANGLION__\n")
packet(b"D", json.dumps(sys.argv[1:]).encode())
chunks = [b"the plan", b""]
while len(head := given.read(5)) == 5:
    body = given.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"D" and body == b"deliver":
        start = {"type": "deliver_file_start", "key": "plan-1", "path": "/tmp/plan.toml",
                 "open_method": "download", "mime_type": "text/plain", "encoding": "utf-8"}
        packet(b"M", json.dumps(start).encode())
    elif head[:1] == b"M":
        meta = json.loads(body)
        if meta["type"] == "quit":
            break
        if meta["type"] == "deliver_chunk_request":
            packet(b"P", dump(("deliver_chunk", meta["key"], chunks.pop(0))))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def until(condition: Callable[[], bool], what: str) -> None:
    """Poll ``condition`` until it holds; give up after WAIT seconds."""
    end = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        await asyncio.sleep(0.05)


def browser() -> aiohttp.ClientSession:
    """A client with its own cookies, as a browser keeps them (for an IP address too)."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


@dataclass
class Served:
    server: WebServer
    url: str
    """``http://127.0.0.1:PORT``"""

    @property
    def localhost(self) -> str:
        return self.url.replace("127.0.0.1", "localhost")

    def token(self, slug: str) -> str:
        return self.server.links[slug].token

    async def session(
        self, client: aiohttp.ClientSession, slug: str = "main", token: str = "", **headers: str
    ) -> tuple[aiohttp.ClientWebSocketResponse, aiohttp.WSMessage]:
        """Open a session through a link as its page does (with the cookie, or ``token``);
        returns it and its first message."""
        headers.setdefault("Origin", self.url)
        query = f"width=80&height=24&token={token}" if token else "width=80&height=24"
        ws = await client.ws_connect(f"{self.url}/ws/{slug}?{query}", headers=headers)
        return ws, await ws.receive(timeout=WAIT)


@pytest.fixture
def program(tmp_path: Path) -> tuple[str, ...]:
    path = tmp_path / "fake_app.py"
    path.write_text(FAKE_APP, encoding="utf-8")
    return (sys.executable, str(path))


def links(program: tuple[str, ...], *invites: tuple[str, str], limit: int = 4) -> list[Link]:
    """The main link and invite links as `smcheck serve` makes them, running the stand-in app."""
    return [
        web.main_link(limit, program=program),
        *(
            web.invite_link(number, name, session_id, program=program)
            for number, (name, session_id) in enumerate(invites, start=1)
        ),
    ]


@contextlib.asynccontextmanager
async def serving(served_links: list[Link], public_url: str | None = None) -> AsyncIterator[Served]:
    port = _free_port()
    server = WebServer(served_links, host="127.0.0.1", port=port, public_url=public_url)
    test_server = TestServer(await server.make_app(), host="127.0.0.1", port=port)
    await test_server.start_server()
    try:
        yield Served(server, f"http://127.0.0.1:{port}")
        await until(lambda: not any(server.open_sessions.values()), "every session to end")
    finally:
        await test_server.close()


def argv(message: aiohttp.WSMessage) -> list[str]:
    """The command line the stand-in app was started with (its first output)."""
    assert message.type == WSMsgType.BINARY, message
    return list(json.loads(message.data))


def _engagement() -> str:
    lead = OpenSession.start(find_assessment("social-media-readiness"), "quick", "en")
    lead.close()
    return lead.id


# --- the token and the cookie ---------------------------------------------------------------------


def test_without_the_token_the_page_its_assets_the_websocket_and_downloads_are_refused(
    program: tuple[str, ...],
) -> None:
    async def scenario() -> None:
        async with serving(links(program)) as s, browser() as client:
            for path in (
                "/",
                "/?token=not-the-token",
                "/static/css/xterm.css",
                "/static/js/textual.js",
                "/static/fonts/RobotoMono-VariableFont_wght.ttf",
                "/download/plan-1",
            ):
                async with client.get(s.url + path) as response:
                    assert response.status == 403, path
                    assert "open the link" in await response.text()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await s.session(client)
            assert refused.value.status == 403
            assert not client.cookie_jar.filter_cookies(URL(s.url))  # nothing was handed out

    asyncio.run(scenario())


def test_the_token_opens_the_page_and_its_cookie_then_opens_everything_without_it(
    program: tuple[str, ...],
) -> None:
    async def scenario() -> None:
        async with serving(links(program)) as s, browser() as client:
            async with client.get(f"{s.url}/?token={s.token('main')}") as response:
                assert response.status == 200
                cookie = response.cookies[f"smcheck-{s.server.port}-main"]
                assert cookie.value == s.token("main")
                assert cookie["httponly"] is True
                assert cookie["samesite"] == "Strict"
                assert cookie["path"] == "/"
            for path in ("/", "/static/css/xterm.css", "/static/js/textual.js"):
                async with client.get(s.url + path) as response:
                    assert response.status == 200, path
            ws, first = await s.session(client)
            assert argv(first) == ["run"]
            await ws.close()

    asyncio.run(scenario())


def test_the_page_asks_no_other_host_for_anything(program: tuple[str, ...]) -> None:
    async def scenario() -> None:
        async with (
            serving(links(program)) as s,
            browser() as client,
            client.get(f"{s.url}/?token={s.token('main')}") as response,
        ):
            page = await response.text()
            policy = response.headers["Content-Security-Policy"]
        own = (s.url, s.url.replace("http", "ws", 1))
        assert "fonts.googleapis" not in page and "fonts.gstatic" not in page
        anywhere = re.findall(r"\b(?:https?|wss?)://[^\s\"'<>)]+", page)
        assert anywhere and all(a.startswith(own) for a in anywhere), anywhere
        fetched = re.findall(r'(?:src|href|-url)="([^"]*)"|url\("([^"]*)"\)', page)
        assert len(fetched) >= 6  # script, stylesheet, font (preloaded, two faces), socket, icon
        assert all(u.startswith(own) or u == "data:," for u in map("".join, fetched)), fetched
        assert "RobotoMono-VariableFont_wght.ttf" in page  # the font textual-serve ships
        assert "default-src 'none'" in policy
        assert f"connect-src 'self' {s.url} ws://127.0.0.1:{s.server.port}" in policy

    asyncio.run(scenario())


def test_a_download_goes_only_to_holders_of_its_link(program: tuple[str, ...]) -> None:
    async def scenario() -> None:
        async with (
            serving(links(program, ("Anna", "20260101-000000"))) as s,
            browser() as owner,
            browser() as other,
            browser() as stranger,
        ):
            await owner.get(f"{s.url}/?token={s.token('main')}")
            await other.get(f"{s.url}/?token={s.token('i1')}")
            ws, _ = await s.session(owner)
            await ws.send_str(json.dumps(["stdin", "deliver"]))
            message = await ws.receive(timeout=WAIT)
            assert message.type == WSMsgType.TEXT
            kind, key = json.loads(message.data)
            assert kind == "deliver_file_start"
            for refused in (stranger, other):  # no token; another link's token
                async with refused.get(f"{s.url}/download/{key}") as response:
                    assert response.status == 403
            async with owner.get(f"{s.url}/download/{key}") as response:
                assert response.status == 200
                assert await response.read() == b"the plan"
            await ws.close()

    asyncio.run(scenario())


# --- the origin check -----------------------------------------------------------------------------


def test_a_websocket_from_a_foreign_origin_is_refused_and_the_served_origins_are_accepted(
    program: tuple[str, ...],
) -> None:
    async def scenario() -> None:
        async with serving(links(program)) as s, browser() as client:
            await client.get(f"{s.url}/?token={s.token('main')}")
            port = s.server.port
            for foreign in (
                "http://evil.example",
                f"http://evil.example:{port}",
                f"http://127.0.0.1:{port + 1}",
                f"https://127.0.0.1:{port}",
                f"http://127.0.0.1:{port}x",
                "null",
                "",
            ):
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await s.session(client, Origin=foreign)
                assert refused.value.status == 403, foreign
            # the served address, by IP or by name (names compare without case)
            for served in (s.url, s.localhost, s.localhost.replace("localhost", "LocalHost")):
                ws, first = await s.session(client, Origin=served)
                assert argv(first) == ["run"], served
                await ws.close()

    asyncio.run(scenario())


def test_behind_a_public_url_the_links_the_page_and_the_origin_check_follow_it(
    program: tuple[str, ...],
) -> None:
    public = "https://check.example.org"

    async def scenario() -> None:
        async with serving(links(program), public_url=public + "/") as s, browser() as client:
            assert f"  {public}/?token={s.token('main')}" in s.server.link_lines()
            async with client.get(f"{s.url}/?token={s.token('main')}") as response:
                page = await response.text()
                assert response.cookies[f"smcheck-{s.server.port}-main"]["secure"] is True
            assert f'href="{public}/static/css/xterm.css"' in page
            assert 'data-session-websocket-url="wss://check.example.org/ws/main"' in page
            # the cookie is Secure: it goes to the https address only, where the proxy is
            assert not client.cookie_jar.filter_cookies(URL(s.url))
            token = s.token("main")
            for allowed in (public, s.url):  # this machine's own address stays allowed
                ws, first = await s.session(client, token=token, Origin=allowed)
                assert argv(first) == ["run"], allowed
                await ws.close()
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await s.session(client, token=token, Origin="https://other.example.org")
            assert refused.value.status == 403

    asyncio.run(scenario())


def test_the_allowed_origins_are_the_served_ones() -> None:
    loopback = {"http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"}
    assert web.allowed_origins("127.0.0.1", 8000, None) == loopback
    assert web.allowed_origins("localhost", 8000, None) == loopback
    assert web.allowed_origins("0.0.0.0", 8000, "https://x.org:8443") == {
        *loopback,
        "https://x.org:8443",
    }
    assert web.allowed_origins("192.168.1.5", 80, None) == {"http://192.168.1.5"}
    assert web.origin("HTTPS://Check.Example.org:443/") == "https://check.example.org"


# --- session caps and invite links ----------------------------------------------------------------


def test_the_fifth_session_is_told_the_limit_and_invite_links_do_not_count_against_it(
    program: tuple[str, ...],
) -> None:
    async def scenario() -> None:
        async with serving(links(program, ("Anna", "20260101-000000"))) as s, browser() as client:
            await client.get(f"{s.url}/?token={s.token('main')}")
            open_ = [await s.session(client) for _ in range(4)]
            assert all(argv(first) == ["run"] for _, first in open_)
            ws, told = await s.session(client)
            assert told.type == WSMsgType.CLOSE
            assert told.data == aiohttp.WSCloseCode.TRY_AGAIN_LATER
            assert told.extra.startswith("All sessions this link allows are open (4;")
            await ws.close()

            async with browser() as respondent:
                await respondent.get(f"{s.url}/?token={s.token('i1')}")
                invited, first = await s.session(respondent, "i1")
                assert argv(first)[:2] == ["run", "--resume"]
                await invited.close()

            await open_[0][0].close()  # a place comes free once its session has ended
            await until(lambda: s.server.open_sessions["main"] < 4, "a free place")
            again, first = await s.session(client)
            assert argv(first) == ["run"]
            for ws_, _ in [*open_[1:], (again, None)]:
                await ws_.close()

    asyncio.run(scenario())


def test_an_invite_link_opens_its_respondents_session_only_and_in_one_tab_at_a_time(
    program: tuple[str, ...],
) -> None:
    lead = _engagement()
    invited = web.invited_sessions(lead, ["Anna Berg", "Ben"])
    (anna, anna_id), (ben, ben_id) = invited
    assert (anna, ben) == ("Anna Berg", "Ben")
    for session_id, name in ((anna_id, "Anna Berg"), (ben_id, "Ben")):
        answers, _ = load_session(session_id)
        assert answers.respondent.name == name
        assert engagement_of(session_id, answers) == f"e{lead}"
    assert web.invite_link(1, anna, anna_id).command[-4:] == ("run", "--resume", anna_id, CONFINED)

    async def scenario() -> None:
        async with serving(links(program, *invited)) as s, browser() as respondent:
            async with respondent.get(f"{s.url}/?token={s.token('i1')}") as response:
                page = await response.text()
            assert f"{s.url.replace('http', 'ws')}/ws/i1" in page and "/ws/main" not in page
            ws, first = await s.session(respondent, "i1")
            assert argv(first) == ["run", "--resume", anna_id, CONFINED]
            second, told = await s.session(respondent, "i1")
            assert told.type == WSMsgType.CLOSE and "open in another tab" in told.extra
            await second.close()
            for elsewhere in ("main", "i2"):  # neither the whole app nor another respondent
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await s.session(respondent, elsewhere)
                assert refused.value.status == 403
            await ws.close()

    asyncio.run(scenario())


def test_inviting_the_same_respondents_again_links_to_their_sessions() -> None:
    lead = _engagement()
    first = web.invited_sessions(lead, ["Anna", "Ben"])
    count = len(list_sessions())
    assert web.invited_sessions(lead, ["ben", "Anna", "Cleo"])[:2] == [
        ("ben", first[1][1]),
        ("Anna", first[0][1]),
    ]
    assert len(list_sessions()) == count + 1  # only Cleo is new
    with pytest.raises(SmcheckError, match="given twice"):
        web.invited_sessions(lead, ["Anna", "anna"])


def test_invites_are_refused_while_run_cannot_keep_the_app_in_one_session(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lead = _engagement()
    monkeypatch.setattr(web, "CONFINED", "--no-such-option")
    assert main(["serve", "--invite", "Anna", "--engagement", lead]) == 2
    assert "--no-such-option" in capsys.readouterr().err
    assert [s.id for s in list_sessions()] == [lead]  # no respondent was added
    monkeypatch.setattr(web, "CONFINED", "--plain")  # an option `run` has: no refusal
    web.check_confined_mode()


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        (["--public-url", "https://example.org/smcheck"], "without a path"),
        (["--public-url", "ftp://example.org"], "http:// or https://"),
        (["--public-url", "https://example.org:port"], "--public-url"),
        (["--max-sessions", "0"], "1 or more"),
        (["--invite", "Anna"], "--engagement ID"),
        (["--engagement", "20260101-000000"], "--invite NAME"),
    ],
)
def test_serve_options_that_cannot_work_are_refused_before_anything_starts(
    options: list[str], problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", *options]) == 2
    assert problem in capsys.readouterr().err


# --- the command --------------------------------------------------------------------------------


@pytest.fixture
def serve_process(smcheck_home: Path, tmp_path: Path) -> Iterator[tuple[str, int]]:
    port = _free_port()
    out = tmp_path / "serve.out"
    with out.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "smcheck", "serve", "--port", str(port)],
            env={**os.environ, "SMCHECK_HOME": str(smcheck_home)},
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        end = time.monotonic() + WAIT
        while not (found := LINK.search(out.read_text(encoding="utf-8"))):
            assert proc.poll() is None, out.read_text(encoding="utf-8")
            assert time.monotonic() < end, "gave up waiting for the link"
            time.sleep(0.05)
        yield found.group(0), port
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=WAIT)


def _status(url: str) -> int:
    end = time.monotonic() + WAIT
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status)
        except urllib.error.HTTPError as exc:
            return exc.code
        except OSError:
            assert time.monotonic() < end, f"gave up waiting for {url}"
            time.sleep(0.05)


def test_serve_prints_a_link_with_a_token_that_opens_the_page_and_the_bare_address_is_refused(
    serve_process: tuple[str, int],
) -> None:
    link, port = serve_process
    assert link.startswith(f"http://127.0.0.1:{port}/?token=")
    assert len(link.rsplit("=", 1)[1]) >= 40  # token_urlsafe(32)
    assert _status(f"http://127.0.0.1:{port}/") == 403
    assert _status(link) == 200
