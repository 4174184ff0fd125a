"""robots.txt rules for one host: allow/disallow (stdlib parser) plus fractional Crawl-delay."""

from __future__ import annotations

import re
import urllib.robotparser

_LINE = re.compile(r"^\s*([A-Za-z-]+)\s*:\s*(.*?)\s*(?:#.*)?$")


class Robots:
    """What a host's robots.txt allows our User-Agent, following RFC 9309 for failures."""

    def __init__(self, parser: urllib.robotparser.RobotFileParser, crawl_delay: float = 0.0, why: str = ""):
        self.parser = parser
        self.crawl_delay = crawl_delay
        self.why = why  # why robots.txt is unavailable, if it is

    @classmethod
    def from_response(cls, status: int | None, text: str, user_agent: str, why: str = "") -> Robots:
        """Rules from a robots.txt response; `status` None means it could not be fetched (`why`)."""
        parser = urllib.robotparser.RobotFileParser()
        if status is not None and status < 400:
            parser.parse(text.splitlines())
            return cls(parser, crawl_delay(text, user_agent))
        if status is not None and status < 500:
            parser.allow_all = True  # type: ignore[attr-defined]  # no robots.txt (4xx): all allowed
            return cls(parser)
        parser.disallow_all = True  # type: ignore[attr-defined]  # 5xx or unreachable: assume complete disallow
        return cls(parser, why=why or f"HTTP {status}")

    @property
    def unavailable(self) -> bool:
        return self.parser.disallow_all  # type: ignore[attr-defined]  # set by the stdlib parser, untyped

    def allows(self, user_agent: str, url: str) -> bool:
        return self.parser.can_fetch(user_agent, url)


def crawl_delay(text: str, user_agent: str) -> float:
    """The Crawl-delay (seconds, fractions allowed) of the group for our agent, else of `*`.

    The standard library's parser ignores fractional values such as `Crawl-delay: 0.5`.
    """
    token = user_agent.split("/")[0].strip().lower()
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for line in text.splitlines():
        match = _LINE.match(line)
        if not match:
            continue
        key, value = match.group(1).lower(), match.group(2)
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        else:
            in_rules = True
            if key == "crawl-delay":
                try:
                    seconds = max(0.0, float(value))
                except ValueError:
                    continue
                for agent in agents:
                    delays.setdefault(agent, seconds)
    specific = [delay for agent, delay in delays.items() if agent != "*" and agent in token]
    return specific[0] if specific else delays.get("*", 0.0)
