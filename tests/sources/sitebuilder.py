"""Build tiny directory sites (in the sample site's markup) as ScriptedServer routes."""

from __future__ import annotations

from tests.servers import Route

ROBOTS = Route(body="User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})


def profile(
    name: str,
    *,
    phone: str | None = None,
    zip_code: str = "78701",
    city: str = "Austin",
    state: str = "TX",
    services: tuple[str, ...] = ("Deep tissue massage",),
    about: str = "",
) -> str:
    phone_html = f'<span class="phone">{phone}</span>' if phone else ""
    items = "".join(f"<li>{s}</li>" for s in services)
    return (
        f'<html><head><meta charset="utf-8"></head><body><main class="profile">'
        f'<h1 class="profile-name">{name}</h1><div class="contact">{phone_html}</div>'
        f'<address class="address"><span class="street">1 Main St</span><br>'
        f'<span class="city">{city}</span>, <span class="state">{state}</span> <span class="zip">{zip_code}</span>'
        f'</address><section class="services"><ul>{items}</ul></section>'
        f'<section class="about"><p>{about}</p></section></main></body></html>'
    )


def site(profiles: dict[str, str]) -> dict[str, Route]:
    """One list page linking every profile (slug -> profile html), plus robots.txt."""
    cards = "".join(
        f'<article class="listing-card"><a class="listing-link" href="/t/{slug}.html">{slug}</a></article>'
        for slug in profiles
    )
    routes = {"/robots.txt": ROBOTS, "/directory/page-1.html": Route(body=f"<html><body>{cards}</body></html>")}
    routes.update({f"/t/{slug}.html": Route(body=body) for slug, body in profiles.items()})
    return routes
