"""A practice's web page read as a visitor reads it: the visible text without navigation, footers,
forms and cookie banners, its contact links, and the same-site links worth following, best first."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
from lxml import etree

MAX_TEXT = 20_000  # characters of one page's text kept (a 5 MB menu page reads as its first 20 KB)
_JUNK_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "footer", "form", "iframe", "select", "button")
# Cookie banners, newsletters, menus and share bars are boilerplate whatever tag holds them.
_JUNK_MARKS = re.compile(
    r"cookie|consent|gdpr|newsletter|subscribe|breadcrumb|social|share|navbar|(main|site|primary|mobile|top|header|"
    r"footer)[-_]?menu|menu[-_]toggle|(^|\s|-)nav($|\s|-)|popup|modal",
    re.IGNORECASE,
)
_BLOCKS = frozenset(
    ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "section", "article", "td", "th", "tr", "ul", "ol",
     "dt", "dd", "blockquote", "header", "main", "address", "table")
)  # fmt: skip
_SPACE = re.compile(r"[ \t\r\f\v\xa0]+")
# Files, carts, logins and blog archives are never worth a page of the budget.
_FILE = re.compile(r"\.(pdf|jpe?g|png|gif|webp|svg|zip|docx?|xlsx?|pptx?|mp3|mp4|mov|ics|xml|css|js|json)$", re.I)
_NEVER = re.compile(
    r"/(cart|checkout|basket|login|log-in|signin|sign-in|register|account|my-account|wp-admin|wp-login\.php|feed|"
    r"tag|tags|category|categories|author|search|privacy|privacy-policy|terms|careers|jobs|cdn-cgi)(/|$)"
    r"|/page/\d+|/\d{4}/\d{2}(/|$)|/(blog|blogs|news|articles?|posts?|journal)(/|$)",
    re.IGNORECASE,
)
# Words in a link's text or path, and what they are worth: services pages first.
_WORTH = (
    (
        re.compile(
            r"servic|treatment|therap|massage|specialt|speciali[sz]|modalit|technique|conditions|"
            r"what-we-treat|what we treat|sciatica|back-pain|back pain|menu",
            re.I,
        ),
        10,
    ),  # fmt: skip
    (re.compile(r"about|team|therapists|our-practice|our practice|who-we-are|staff|meet", re.I), 5),
    (re.compile(r"pric|rates|faq|question|insurance", re.I), 3),
    (re.compile(r"blog|news|article", re.I), -4),
)
# A page's section of blog posts or news (teasers on the home page, an archive list): posts talk about
# techniques in general, never say what the practice offers, so the section is dropped.
_POSTS_HEADING = re.compile(
    r"^(?:(?:the |our |latest |recent |new |from (?:the|our) )*(?:blog|posts?|articles?|news|journal|stories)"
    r"(?: archive| posts)?|blog archive|on the blog|read (?:the|our) blog)\W*$",
    re.IGNORECASE,
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PARKED = re.compile(
    r"domain (name )?(is|may be) for sale|buy this domain|this domain is parked|domain parking|parked free|"
    r"hugedomains|sedoparking|dan\.com|afternic|this web ?site is for sale",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReadPage:
    title: str = ""
    text: str = ""  # the visible text, one block a line
    description: str = ""  # <meta name="description">
    site_name: str = ""  # og:site_name
    links: list[tuple[str, str]] = field(default_factory=list)  # (absolute URL, link text), in page order
    phones: list[str] = field(default_factory=list)  # tel: links
    emails: list[str] = field(default_factory=list)  # mailto: links
    has_structured: bool = False  # JSON-LD or microdata to read


def read_page(html_text: str, base_url: str) -> ReadPage:
    """What a page says and links to; unreadable markup gives an empty page, never an error."""
    try:
        root = lxml.html.document_fromstring(html_text.encode("utf-8", "replace"))
    except (etree.ParserError, ValueError):
        return ReadPage()
    has_structured = "application/ld+json" in html_text or "itemscope" in html_text
    title = " ".join((root.findtext(".//title") or "").split())
    meta = {(el.get("name") or el.get("property") or "").lower(): el.get("content") or "" for el in root.iter("meta")}
    links, phones, emails = [], [], []
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href.lower().startswith("tel:"):
            phones.append(href[4:])
        elif href.lower().startswith("mailto:"):
            emails.append(href[7:].split("?")[0])
        elif href and not href.startswith(("#", "javascript:")):
            links.append((urldefrag(urljoin(base_url, href)).url, " ".join(anchor.text_content().split())))
    for element in list(root.iter(*_JUNK_TAGS)):
        _drop(element)
    for element in list(root.iter()):
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if element.tag not in ("html", "body", "main") and _JUNK_MARKS.search(marks):
            _drop(element)
    for heading in list(root.iter(*_HEADINGS)):
        if _POSTS_HEADING.match(" ".join(heading.text_content().split())):
            _drop_section(heading)
    body = root.find("body")
    return ReadPage(
        title=title,
        text=_text(body if body is not None else root)[:MAX_TEXT],
        description=" ".join(meta.get("description", "").split()),
        site_name=" ".join(meta.get("og:site_name", "").split()),
        links=links,
        phones=phones,
        emails=emails,
        has_structured=has_structured,
    )


def _drop(element) -> None:
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()


def _drop_section(heading) -> None:
    """Drop the section a heading opens: its own container when it holds nothing else of the page,
    else the heading and what follows it up to the next heading."""
    parent = heading.getparent()
    if parent is None or heading.getroottree().getroot() is None:
        return
    if parent.tag in ("section", "aside", "div", "article") and sum(1 for _ in parent.iter(*_HEADINGS)) == 1:
        _drop(parent)
        return
    sibling = heading.getnext()
    while sibling is not None and sibling.tag not in _HEADINGS:
        following = sibling.getnext()
        _drop(sibling)
        sibling = following
    _drop(heading)


def _text(root) -> str:
    """Block elements end a line, so sentences of different blocks never run together."""
    parts: list[str] = []

    def walk(element) -> None:
        if not isinstance(element.tag, str):  # comments, processing instructions
            if element.tail:
                parts.append(element.tail)
            return
        block = element.tag in _BLOCKS
        if block:
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if block:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    lines, seen = [], set()
    for line in "".join(parts).split("\n"):
        line = _SPACE.sub(" ", line).strip()
        if line and line not in seen:  # a repeated line (a second menu, a sticky banner) once
            seen.add(line)
            lines.append(line)
    return "\n".join(lines)


def same_site(url: str, host: str) -> bool:
    """On the practice's own site: its host with or without www."""
    other = (urlsplit(url).hostname or "").lower()
    return other.removeprefix("www.") == host.lower().removeprefix("www.")


def worth(url: str, text: str) -> int | None:
    """How likely a link leads to what the practice treats; None for links never to follow."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or _FILE.search(parts.path) or _NEVER.search(parts.path):
        return None
    words = f"{text} {parts.path.replace('/', ' ')}"
    return sum(points for pattern, points in _WORTH if pattern.search(words))


def is_parked(page: ReadPage) -> bool:
    """A parked domain or a domain for sale: no practice lives here any more."""
    return bool(_PARKED.search(f"{page.title}\n{page.text[:3000]}"))
