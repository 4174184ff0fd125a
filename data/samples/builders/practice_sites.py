"""The practices' own websites, ``websites/<host>/``: one folder per host name, the sites the other samples link to.

A loopback server serves each folder for requests whose Host is the folder's name: URL ``/`` is ``index.html``,
``/services/`` is ``services/index.html``, any other path maps to the file of that name. Special files:
``_redirect`` (one absolute URL: every request answers 301 to it), ``_refuse`` (empty: the host refuses
connections) and ``_large.json`` (``{"path", "bytes"}``: that path answers an HTML page of that many bytes).

The pages' words live in ``practice_texts`` (hosts the other samples already published) and
``practice_texts_new`` (practices that had no website before); this module renders them with a few templates, checks
them (fictional hosts and phones, what each shape must and must not show at each click depth, that every published
link has a folder) and computes the ``practice_sites`` entry of sources-truth.json from the built samples. No RNG
draws; the folder is deleted and rewritten.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from urllib.parse import urlsplit

from . import directory_site
from .entities import ENTITIES, haversine_km
from .formats import SAMPLES, fmt_phone, write_text
from .practice_texts import ACCOUNT, EXISTING, LABELS, PARKED, PATHS
from .practice_texts_new import CENTRES, NEW

FOLDER = SAMPLES / "websites"
SITES = [*EXISTING, *NEW]
LARGE = {"path": "/menu.html", "bytes": 5_200_000}
NOT_PRACTICES = {"elsewhere.example.org"}  # a partner directory the sample site links to, not a practice
ROBOTS = {
    "wp": "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: https://{host}/sitemap.xml\n",
    "basic": "User-agent: *\nDisallow: /cart/\nDisallow: /login\n",
    "disallow": "User-agent: *\nDisallow: /\n",
    "delay": "User-agent: *\nCrawl-delay: 0.5\nDisallow: /cart/\n",
}
DEAD = {"disallow": "robots_disallowed", "redirect": "redirect_platform", "parked": "parked", "refuse": "unreachable"}
# Words that show a core technique or sciatica (English and Spanish): never on the pages a shape hides them from.
CORE = re.compile(
    r"deep[ -]?tissue|neuro-?muscular|\bnmt\b|trigger[ -]?p(?:oin)?t|myo-?fascial|\bmfr\b|sciatic|piriformis|"
    r"down the (?:back of )?(?:your |the )?leg|tejido profundo|puntos gatillo|ciática|miofascial|piriforme",
    re.I,
)
# What each declared technique / condition slug must be called somewhere on the site (a sanity check of the data).
TERMS = {
    "deep_tissue": r"deep[ -]?tissue|tejido profundo", "neuromuscular": r"neuromuscular", "myofascial_release": r"myofascial|miofascial",
    "trigger_point": r"trigger point|puntos gatillo", "medical_massage": r"medical massage", "orthopedic": r"orthopedic massage",
    "sports": r"sports massage", "stretching": r"stretching", "sciatica": r"sciatic|ciática|\bleg\b",
    "piriformis": r"piriformis|piriforme", "herniated_disc": r"herniated|bulging disc", "low_back_pain": r"low back|back pain|espalda baja",
}  # fmt: skip
NEGATED = re.compile(r"\b(?:not|no|don't|never)\b", re.I)

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/assets/site.css">
{head}</head>
<body>
{cookie}<header class="site-header">
  <a class="logo" href="/">{name}</a>
  <nav class="main-nav">
{nav}
  </nav>
  <a class="account" href="{account_href}">{account}</a>
</header>
<main>
{main}
</main>
<footer class="site-footer">
  <p class="footer-name">{name}</p>
  <p class="footer-address">{street}<br>{city}, {state} {zip}</p>
  <p class="footer-contact"><a href="tel:+1{digits}">{phone}</a> · <a href="mailto:{email}">{email}</a></p>
  <p class="footer-hours">{l[hours]}: {hours}</p>
  <p class="social">{l[follow]}: <a href="https://www.facebook.com/{handle}">Facebook</a> · <a href="https://www.instagram.com/{handle}/">Instagram</a></p>
  <p class="legal">&copy; {year} {name}. {l[rights]} <a href="{p[privacy]}">{l[privacy]}</a> · <a href="{p[careers]}">{l[careers]}</a></p>
</footer>
</body>
</html>
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def contact(s: dict) -> dict:
    """Name, address and phone of a site: its entity's, or the ones written beside it."""
    if s.get("key"):
        e = ENTITIES[s["key"]]
        street = e["street"] + (f", {e['unit']}" if e["unit"] else "")
        return dict(street=street, city=e["city"], state=e["state"], zip=e["zip"], digits=e["phone"])
    street, city, state, zip5, digits = s["where"]
    return dict(street=street, city=city, state=state, zip=zip5, digits=digits)


def nav_items(s: dict, lang: str) -> list[tuple[str, str]]:
    lab, p = LABELS[lang], PATHS[lang]
    if s["shape"] == "two_clicks":
        second = [(lab["practice"], "/practice/")]
    else:
        second = [(s.get("nav", "Services"), s.get("services_path", "/services/"))]
    items = [(lab["home"], "/"), *second, (lab["about"], p["about"])]
    items += [(label, href) for label, href in s.get("extra_nav", [])]
    items += [(lab["pricing"], p["pricing"]), (lab["faq"], p["faq"]), (lab["blog"], "/blog/")]
    return [*items, (lab["contact"], p["contact"])]


def page(s: dict, index: int, title: str, main: str, head: str = "") -> str:
    lang = s.get("lang", "en")
    lab, c = LABELS[lang], contact(s)
    nav = "\n".join(f'    <a href="{href}">{label}</a>' for label, href in nav_items(s, lang))
    nav += f'\n    <a class="book" href="{s["book"]}">{lab["book"]}</a>'
    cookie = ""
    if s.get("cookie"):
        cookie = (
            f'<div class="cookie-banner">{lab["cookie"]} <a href="{PATHS[lang]["privacy"]}">{lab["learn"]}</a> '
            f"<button>{lab['accept']}</button></div>\n"
        )
    account_href, account = ACCOUNT[lang][index % len(ACCOUNT[lang])]
    d = c["digits"]
    return PAGE.format(
        lang=lang, title=f"{title} | {_e(s['name'])}" if title else _e(s["name"]), head=head, cookie=cookie, nav=nav,
        name=_e(s["name"]), account_href=account_href, account=account, main=main.strip("\n"), street=_e(c["street"]),
        city=c["city"], state=c["state"], zip=c["zip"], digits=d, phone=fmt_phone(d, s.get("phone_style", "paren")),
        email=s["email"], hours=_e(s["hours"]), handle=s["host"].removeprefix("www.").split(".")[0].replace("-", ""),
        year=s.get("year", 2026), l=lab, p=PATHS[lang],
    )  # fmt: skip


def paragraphs(text) -> str:
    return "\n".join(f"<p>{t}</p>" for t in ([text] if isinstance(text, str) else text))


def services_html(s: dict, heading: str) -> str:
    items = "\n".join(f'<article class="service"><h2>{t}</h2>\n<p>{d}</p></article>' for t, d in s["services"])
    lead = f'<p class="lead">{s["services_lead"]}</p>\n' if s.get("services_lead") else ""
    return f'<h1>{heading}</h1>\n{lead}{items}\n<p><a class="button" href="{s["book"]}">{LABELS[s.get("lang", "en")]["book"]}</a></p>'


def ld_json(s: dict) -> dict:
    """The schema.org business of a JSON-LD site: the only place its services are named."""
    ld, c = s["jsonld"], contact(s)
    lat, lon = ld["geo"]
    assert haversine_km(lat, lon, *CENTRES[c["city"]]) <= 5.0, s["host"]
    days = {"Mo": "Monday", "Tu": "Tuesday", "We": "Wednesday", "Th": "Thursday", "Fr": "Friday", "Sa": "Saturday"}
    offers = [
        {"@type": "Offer", "itemOffered": {"@type": "Service", "name": n, "description": d}} for n, d in s["services"]
    ]
    data = {
        "@context": "https://schema.org", "@type": ld["type"], "name": s["name"], "url": f"https://{s['host']}/",
        "telephone": fmt_phone(c["digits"], "intl_dash"), "email": s["email"], "description": ld["description"],
        "address": {"@type": "PostalAddress", "streetAddress": c["street"], "addressLocality": c["city"],
                    "addressRegion": c["state"], "postalCode": c["zip"], "addressCountry": "US"},
        "geo": {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon},
        "openingHoursSpecification": [
            {"@type": "OpeningHoursSpecification", "dayOfWeek": [days[d] for d in group], "opens": opens,
             "closes": closes} for group, opens, closes in ld["hours"]],
        "priceRange": ld["price"], "paymentAccepted": ld["pay"], "availableLanguage": ld["langs"],
    }  # fmt: skip
    if ld.get("catalog"):
        data["hasOfferCatalog"] = {"@type": "OfferCatalog", "name": "Services", "itemListElement": offers}
    else:
        data["makesOffer"] = offers
    return data


def ld_basic(s: dict) -> dict:
    c = contact(s)
    return {
        "@context": "https://schema.org", "@type": "LocalBusiness", "name": s["name"], "url": f"https://{s['host']}/",
        "telephone": fmt_phone(c["digits"], "intl_dash"),
        "address": {"@type": "PostalAddress", "streetAddress": c["street"], "addressLocality": c["city"],
                    "addressRegion": c["state"], "postalCode": c["zip"], "addressCountry": "US"},
    }  # fmt: skip


def render_site(s: dict, index: int) -> dict[str, str]:
    """Relative path -> file text of one host folder."""
    shape, host = s["shape"], s["host"]
    if shape == "redirect":
        return {"_redirect": s["redirect"] + "\n"}
    if shape == "refuse":
        return {"_refuse": ""}
    if shape == "parked":
        return {"index.html": PARKED.format(host=host)}
    lang = s.get("lang", "en")
    lab, p, c = LABELS[lang], PATHS[lang], contact(s)
    files: dict[str, str] = {}

    def add(path: str, title: str, main: str, head: str = "") -> None:
        files[path] = page(s, index, title, main, head)

    head = ""
    if shape == "jsonld" or s.get("ld_basic"):
        data = ld_json(s) if shape == "jsonld" else ld_basic(s)
        head = f'<script type="application/ld+json">\n{json.dumps(data, indent=2, ensure_ascii=False)}\n</script>\n'
    home = [
        f'<section class="hero"><h1>{_e(s["name"])}</h1>\n<p class="tagline">{s["tagline"]}</p>\n'
        f'<a class="button" href="{s["book"]}">{lab["book"]}</a></section>',
        f'<section class="intro">\n{paragraphs(s["intro"])}\n</section>',
    ]
    if shape == "plain":
        links = "".join(f'<li><a href="{s.get("services_path", "/services/")}">{t}</a></li>' for t, _ in s["services"])
        home.append(f'<section class="highlights"><h2>{lab["offer"]}</h2><ul>{links}</ul></section>')
    home += s.get("home_extra", [])
    if s.get("large"):
        home.append(f'<section class="menu"><p><a href="{LARGE["path"]}">Full treatment menu</a> (every session, add-on and package)</p></section>')  # fmt: skip
    home.append(f'<section class="new-clients"><h2>{lab["new_clients"]}</h2><p><a href="/intake-form.pdf">{lab["intake"]}</a></p></section>')  # fmt: skip
    posts = s.get("posts", [])
    latest = "".join(f'<li><a href="/blog/{slug}/">{title}</a></li>' for slug, title, _ in posts[:2])
    home.append(f'<section class="latest"><h2>{lab["latest"]}</h2><ul>{latest}</ul></section>')
    add("index.html", "", "\n".join(home), head)

    if shape == "two_clicks":
        add("practice/index.html", lab["practice"], f'<h1>{lab["practice"]}</h1>\n{paragraphs(s["practice"])}\n<ul class="practice-links"><li><a href="/practice/treatments/">{lab["treatments"]}</a></li><li><a href="{p["about"]}">{lab["about"]}</a></li></ul>')  # fmt: skip
        add("practice/treatments/index.html", "Treatments", services_html(s, lab["treatments"]))
    elif shape == "jsonld":
        add("services/index.html", s.get("nav", "Services"), f'<h1>{s.get("nav", "Services")}</h1>\n<div id="service-menu" data-src="/api/menu.json"></div>\n<noscript>Please turn on JavaScript to see our menu, or call us.</noscript>\n<script src="/assets/menu.js" defer></script>')  # fmt: skip
    else:
        path = s.get("services_path", "/services/").strip("/") + "/index.html"
        add(path, s.get("nav", "Services"), services_html(s, s.get("nav", "Services")))
    add(p["about"].lstrip("/"), lab["about"], f"<h1>{lab['about']}</h1>\n{paragraphs(s['about'])}")
    rows = "\n".join(f"<tr><td>{item}</td><td>{price}</td></tr>" for item, price in s["prices"])
    add(
        p["pricing"].lstrip("/"), lab["pricing"], f'<h1>{lab["pricing"]}</h1>\n<table class="prices">\n{rows}\n</table>'
    )
    faq = "\n".join(f"<details><summary>{q}</summary><p>{a}</p></details>" for q, a in s["faq"])
    add(p["faq"].lstrip("/"), lab["faq"], f"<h1>{lab['faq']}</h1>\n{faq}")
    items = "\n".join(f'<li><a href="/blog/{slug}/">{title}</a></li>' for slug, title, _ in posts)
    archives = f'<nav class="blog-archives"><a href="/blog/page/2/">{lab["older"]}</a> · <a href="/blog/tag/wellness/">{lab["tag"]}</a> · <a href="/2019/03/">{lab["archive"]}</a></nav>'  # fmt: skip
    add("blog/index.html", lab["blog"], f'<h1>{lab["blog"]}</h1>\n<ul class="posts">\n{items}\n</ul>\n{archives}')
    for slug, title, text in posts:
        meta = f'<p class="meta">{lab["posted"]} <a href="/blog/tag/wellness/">{lab["tag"]}</a></p>'
        add(f"blog/{slug}/index.html", title, f"<article>\n<h1>{title}</h1>\n{meta}\n{paragraphs(text)}\n</article>")
    form = (
        f'<form class="contact-form" action="/contact/send" method="post">\n<label>{lab["your_name"]} <input type="text" name="name"></label>\n'
        f'<label>{lab["email"]} <input type="email" name="email"></label>\n<label>{lab["message"]} <textarea name="message"></textarea></label>\n'
        f'<button type="submit">{lab["send"]}</button>\n</form>'
    )  # fmt: skip
    where = f"<address>{_e(c['street'])}<br>{c['city']}, {c['state']} {c['zip']}</address>"
    reach = f'<p><a href="tel:+1{c["digits"]}">{fmt_phone(c["digits"], "paren")}</a> · <a href="mailto:{s["email"]}">{s["email"]}</a></p>'  # fmt: skip
    add(p["contact"].lstrip("/"), lab["contact"], f'<h1>{lab["contact"]}</h1>\n{where}\n{reach}\n{form}\n<p><a href="/intake-form.pdf">{lab["intake"]}</a></p>')  # fmt: skip
    add(p["privacy"].lstrip("/"), lab["privacy"], f"<h1>{lab['privacy']}</h1>\n<p>{lab['privacy_text']}</p>")
    jobs = "jobs@" + s["email"].split("@")[1]
    add(p["careers"].lstrip("/"), lab["careers"], f'<h1>{lab["careers"]}</h1>\n<p>{lab["careers_text"]} <a href="mailto:{jobs}">{jobs}</a>.</p>')  # fmt: skip
    if s.get("clinic"):
        cards = "\n".join(
            f'<article class="therapist"><h2>{name}, {cred}</h2>\n<p class="license">{lic}</p>\n<p>{text}</p></article>'
            for _, name, cred, lic, text in s["clinic"]
        )
        add("our-therapists/index.html", "Meet our therapists", f"<h1>Meet our therapists</h1>\n{cards}")
    for path, (title, main) in s.get("pages", {}).items():
        add(path, title, main)
    if s.get("robots"):
        files["robots.txt"] = ROBOTS[s["robots"]].format(host=host)
    if s.get("large"):
        files["_large.json"] = json.dumps(LARGE) + "\n"
    return files


def build() -> dict[str, dict[str, str]]:
    """Host -> (relative path -> text), in host order; checked (see ``check``)."""
    hosts = [s["host"] for s in SITES]
    assert len(hosts) == len(set(hosts)), "duplicate host"
    built = {s["host"]: render_site(s, i) for i, s in enumerate(SITES)}
    for s in SITES:
        check(s, built[s["host"]])
    return dict(sorted(built.items()))


def _visible(text: str) -> str:
    return re.sub(r"<script\b.*?</script>|<[^>]+>", " ", text, flags=re.S)


def _target(href: str) -> str | None:
    """The file a same-site link leads to, or None for other hosts, mailto:, tel: and the like."""
    if not href.startswith("/") or href.startswith("//"):
        return None
    path = href.split("?")[0].lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def check(s: dict, files: dict[str, str]) -> None:
    """Fictional host and phone, own-domain email, and what each shape shows at which click depth."""
    host = s["host"]
    assert re.fullmatch(r"[a-z0-9.-]+\.(test|example\.(com|org|net))", host), host
    if s["shape"] in ("redirect", "refuse", "parked"):
        return
    digits = contact(s)["digits"]
    assert re.fullmatch(r"\d{3}55501\d\d", digits), host
    assert s["email"].endswith("@" + host.removeprefix("www.")), host
    for path, text in files.items():
        if path.endswith(".html") or "." not in path.rsplit("/", 1)[-1]:
            assert '<meta charset="utf-8">' in text and "<title>" in text, (host, path)
    home_links = {_target(h) for h in re.findall(r'href="([^"]+)"', files["index.html"])} - {None}
    shallow = {"index.html"} | {t for t in home_links if t in files}
    if s["shape"] == "jsonld":  # services named only inside the JSON-LD
        for path, text in files.items():
            assert not CORE.search(_visible(text)), (host, path, CORE.search(_visible(text)))
    if s["shape"] == "two_clicks":  # nothing at the home page or one click away; the treatments page has it
        for path in shallow:
            assert not CORE.search(_visible(files[path])), (host, path)
        assert CORE.search(files["practice/treatments/index.html"]), host
    everything = "\n".join(files.values())
    for slug in (*s["tech"], *s["cond"]):
        assert re.search(TERMS[slug], everything, re.I), (host, slug)
    if s["relevant"]:
        assert CORE.search(everything) or "herniated" in everything, host
    else:  # a core word only where the sentence denies it
        for path, text in files.items():
            for sentence in re.split(r"(?<=[.!?])\s+", _visible(text)):
                assert not CORE.search(sentence) or NEGATED.search(sentence), (host, path, sentence)


def published(elements, roster_rows, address_rows, pages, results_files) -> dict[str, list[tuple[str, str]]]:
    """Sample source -> the website URLs it publishes."""
    out = {
        "sample_directory": [html.unescape(t["web"]) for t in directory_site.THERAPISTS if t.get("web")],
        "sample_jsonld": [],
        "sample_overpass": [
            el["tags"][k] for el in elements for k in ("website", "contact:website") if k in el["tags"]
        ],
        "sample_roster": [r[-1] for r in roster_rows if r[-1]],
        "sample_ma_roster": [r[-1] for r in address_rows if r[-1]],
        "sample_results": re.findall(r'href="(https?://[^"]+)"', "".join(results_files.values())),
    }
    for p in pages:
        out["sample_jsonld"] += _urls(p["data"]) + ([p["microdata"]["url"]] if p["microdata"] else [])
    return out


def _urls(node) -> list[str]:
    """The ``url`` properties of a JSON-LD tree (a breadcrumb's items are not the business's website)."""
    if isinstance(node, list):
        return [u for item in node for u in _urls(item)]
    if not isinstance(node, dict):
        return []
    return ([node["url"]] if "url" in node else []) + [u for v in node.values() for u in _urls(v)]


def host_of(url: str) -> str:
    return urlsplit(url if "://" in url else "https://" + url).hostname or ""


def truth(built: dict, elements, roster_rows, address_rows, pages, results_files) -> dict:
    """The ``practice_sites`` entry of sources-truth.json; asserts every published link has a live page."""
    linked: dict[str, set[str]] = {}
    for source, urls in published(elements, roster_rows, address_rows, pages, results_files).items():
        for url in urls:
            host = host_of(url)
            if host in NOT_PRACTICES:
                continue
            assert host in built, (source, url)
            linked.setdefault(host, set()).add(source)
            files = built[host]
            target = _target(urlsplit(url if "://" in url else "https://" + url).path or "/")
            assert "_redirect" in files or "_refuse" in files or target in files, (source, url)
    by_host = {s["host"]: s for s in SITES}
    assert set(linked) == set(by_host), sorted(set(by_host) - set(linked))
    dead = {h: DEAD[s["shape"] if s["shape"] in DEAD else s.get("robots")] for h, s in by_host.items()
            if s["shape"] in DEAD or s.get("robots") == "disallow"}  # fmt: skip
    live = {h: s for h, s in by_host.items() if h not in dead}
    clinic = next(s for s in SITES if s.get("clinic"))
    return {
        "_notes": [
            "hosts: every folder of websites/. dead: hosts a polite crawler gets nothing from (robots_disallowed, redirect_platform to a booking platform, parked, unreachable = connection refused).",
            "relevant / not_relevant split the live hosts: relevant = the site offers a core technique (deep tissue, neuromuscular, trigger point, myofascial release) or treats sciatica (piriformis, herniated disc, leg pain); offers lists what each live site really offers, in vocabulary.toml slugs (blog posts about techniques a practice does not offer, negated sentences, parked-page ads and cookie banners do not count).",
            "json_ld_only: the services are named only in the home page's application/ld+json; two_clicks_deep: home -> /practice/ -> /practice/treatments/. linked_from: the pipeline.toml source names whose records publish a link to the host. owner: an entities.py key, site:<directory slug>, ma:<MA licence>, results:<card name> or osm:<element name>.",
        ],
        "hosts": sorted(by_host),
        "dead": dict(sorted(dead.items())),
        "relevant": sorted(h for h, s in live.items() if s["relevant"]),
        "not_relevant": sorted(h for h, s in live.items() if not s["relevant"]),
        "json_ld_only": sorted(h for h, s in live.items() if s["shape"] == "jsonld"),
        "two_clicks_deep": sorted(h for h, s in live.items() if s["shape"] == "two_clicks"),
        "spanish": sorted(h for h, s in live.items() if s.get("lang") == "es"),
        "clinic_shared": {"host": clinic["host"], "therapists": sorted(k for k, *_ in clinic["clinic"] if k),
                          "named_on_site": [name for _, name, *_ in clinic["clinic"]]},  # fmt: skip
        "large": {h: LARGE for h, s in live.items() if s.get("large")},
        "crawl_delay": {h: 0.5 for h, s in live.items() if s.get("robots") == "delay"},
        "blog_mentions_not_offered": {h: s["blog_not_offered"] for h, s in live.items() if s.get("blog_not_offered")},
        "relaxation_only_says_no": sorted(h for h, s in live.items() if s.get("says_no")),
        "gift_shop_and_yoga": sorted(h for h, s in live.items() if s.get("shop_yoga")),
        "owner": {h: s["owner"] for h, s in sorted(by_host.items())},
        "offers": {h: {"techniques": sorted(s["tech"]), "conditions": sorted(s["cond"])} for h, s in sorted(live.items())},
        "linked_from": {h: sorted(v) for h, v in sorted(linked.items())},
    }  # fmt: skip


def write(built: dict[str, dict[str, str]]) -> None:
    if FOLDER.exists():
        shutil.rmtree(FOLDER)
    for host, files in built.items():
        for relative, text in files.items():
            write_text(FOLDER / host / relative, text)
