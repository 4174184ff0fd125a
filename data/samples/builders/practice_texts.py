"""The words of the practice websites the other samples already link to (rendered by ``practice_sites``).

Each ``site(...)`` is one host: its practice (``key``: an entity of ``entities``, else ``where`` = street, city,
state, ZIP, phone digits), its shape and its pages' words. Text fields are HTML snippets inserted as-is (write
``&amp;``); ``hours`` and ``name`` are plain text. ``tech`` / ``cond`` are what the site really offers and treats
(vocabulary.toml slugs); whether a site is relevant is computed from them. Every site agrees with what its business
is in the other samples: a day spa stays a day spa, a clinic describes its own work in its own words.
"""

from __future__ import annotations

CORE_TECHNIQUES = {"deep_tissue", "neuromuscular", "trigger_point", "myofascial_release"}
SCIATICA_FAMILY = {"sciatica", "piriformis", "herniated_disc"}


def site(host, name, *, key=None, owner=None, shape="plain", tech=(), cond=(), **kw) -> dict:
    """One host. Shapes: plain, jsonld (services only in JSON-LD), two_clicks, redirect, refuse, parked."""
    relevant = bool(set(tech) & CORE_TECHNIQUES or set(cond) & SCIATICA_FAMILY)
    return dict(host=host, name=name, key=key, owner=owner or key, shape=shape, tech=list(tech), cond=list(cond),
                relevant=relevant, **kw)  # fmt: skip


# The words every page of a site shares, by language, and where the shared pages live.
LABELS = {
    "en": dict(
        home="Home", about="About", pricing="Pricing", faq="FAQ", blog="Blog", contact="Contact", book="Book online",
        practice="Our practice", treatments="Treatments &amp; specialties", team="Our therapists",
        privacy="Privacy", careers="Careers", rights="All rights reserved.", hours="Hours",
        cookie="We use cookies to remember your preferences and to understand how visitors use this site.",
        accept="Accept", learn="Learn more", intake="Download the new-client intake form (PDF)",
        new_clients="New clients", latest="From the blog", older="Older posts", tag="#wellness",
        archive="March 2019", posted="Posted in", offer="What we offer", send="Send", your_name="Your name",
        email="Email", message="Message", follow="Follow us", careers_text="We are not hiring right now, but we "
        "keep every resume on file. Send yours to", privacy_text="We collect only what you give us when you book "
        "or write to us, and we never sell it. Our booking partner keeps its own privacy policy.",
    ),
    "es": dict(
        home="Inicio", about="Sobre mí", pricing="Precios", faq="Preguntas frecuentes", blog="Blog",
        contact="Contacto", book="Reservar en línea", privacy="Privacidad", careers="Empleo",
        rights="Todos los derechos reservados.", hours="Horario",
        cookie="Usamos cookies para recordar sus preferencias y entender cómo se usa este sitio.",
        accept="Aceptar", learn="Más información", intake="Descargue el formulario de admisión (PDF)",
        new_clients="Clientes nuevos", latest="Del blog", older="Entradas anteriores", tag="#bienestar",
        archive="Marzo 2019", posted="Publicado en", offer="Lo que ofrezco", send="Enviar", your_name="Su nombre",
        email="Correo", message="Mensaje", follow="Síganos", careers_text="Por ahora no tenemos vacantes, pero "
        "guardamos todos los currículums. Envíe el suyo a", privacy_text="Solo guardamos los datos que usted nos da "
        "al reservar o escribirnos, y nunca los vendemos.",
    ),
}  # fmt: skip
PATHS = {
    "en": dict(about="/about.html", pricing="/pricing.html", faq="/faq.html", contact="/contact.html",
               privacy="/privacy.html", careers="/careers.html"),
    "es": dict(about="/sobre-mi.html", pricing="/precios.html", faq="/preguntas.html", contact="/contacto.html",
               privacy="/privacidad.html", careers="/empleo.html"),
}  # fmt: skip
ACCOUNT = {
    "en": [("/login", "Client login"), ("/cart/", "Cart (0)"), ("/wp-admin/", "Staff")],
    "es": [("/login", "Mi cuenta"), ("/cart/", "Carrito (0)"), ("/wp-admin/", "Personal")],
}
# A registrar's parking page (the related searches are its ads, not the owner's words).
PARKED = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{host} is for sale</title>
<style>body{{background:#0b2545;color:#fff;font-family:Arial,sans-serif;text-align:center}}</style>
</head>
<body class="parking">
<header><p class="registrar">Parked free, courtesy of DomainDock (fictional)</p></header>
<main>
  <h1>{host}</h1>
  <p class="sale">This domain is for sale!</p>
  <p><a class="buy" href="https://domaindock.example.net/buy/{host}">Buy this domain</a> · Make an offer today</p>
  <section class="related"><h2>Related searches</h2><ul>
    <li><a href="https://domaindock.example.net/search?q=massage+near+me">Massage Near Me</a></li>
    <li><a href="https://domaindock.example.net/search?q=deep+tissue+massage">Deep Tissue Massage</a></li>
    <li><a href="https://domaindock.example.net/search?q=sciatica+treatment">Sciatica Treatment</a></li>
    <li><a href="https://domaindock.example.net/search?q=spa+packages">Spa Packages</a></li>
  </ul></section>
</main>
<footer><p>&copy; 2026 DomainDock. The sponsored listings above are not affiliated with the domain owner. <a href="https://domaindock.example.net/privacy">Privacy Policy</a></p></footer>
</body>
</html>
"""

FAQ = [
    ("What should I wear?", "Whatever is comfortable. You stay covered by a sheet except for the area being worked on, and you undress only to your comfort level."),
    ("What is your cancellation policy?", "Please give us 24 hours' notice. Late cancellations and no-shows are charged half the session fee."),
    ("Do you take HSA or FSA cards?", "Yes, along with all major credit cards and cash."),
]  # fmt: skip
HOLIDAYS = ("holiday-hours", "Holiday hours", "We are closed on Thanksgiving Day and from December 24 to 26. Online booking stays open, and gift cards can be bought any time.")  # fmt: skip
WELCOME = ("new-website", "Welcome to our new website", "You can now book online, buy gift cards and fill in your intake form before your first visit. Thank you for your patience while we moved everything over.")  # fmt: skip

EXISTING = [
    site("www.alvarez-bodywork.example.com", "Alvarez Therapeutic Bodywork", key="jane", email="jane@alvarez-bodywork.example.com",
         hours="Mon–Fri 9am–6pm (Tue & Thu until 8pm), Sat 10am–2pm", book="https://www.vagaro.com/alvareztherapeuticbodywork",
         cookie=True, robots="wp", ld_basic=True, tech=["deep_tissue", "trigger_point"], cond=["low_back_pain", "piriformis", "sciatica"],
         tagline="Deep tissue and trigger point therapy on South Congress since 2009.",
         intro="Jane Alvarez, LMT, works with desk workers, runners and new parents whose sciatica or low back pain has stopped responding to stretching alone. Sessions are focused, firm where they need to be, and explained as we go.",
         services=[("Deep tissue massage", "Slow, sustained pressure into the deeper layers of the low back, hips and glutes, for chronic low back pain and the tight hip rotators that keep sciatica flaring."),
                   ("Trigger point therapy", "Precise pressure on the knots that refer pain down the back of the leg, including the piriformis and gluteus minimus points that so often mimic a pinched nerve."),
                   ("Sciatica &amp; low back pain sessions", "A 75-minute session built around your symptoms: a short assessment, trigger point work, deep tissue for the lumbar muscles and two or three stretches to take home.")],
         about="Jane has been a licensed massage therapist in Texas since 2009 (license MT061482). After years in a chiropractic office she opened Alvarez Therapeutic Bodywork to focus on what she enjoys most: deep-tissue and trigger point work for sciatica, low back pain and piriformis syndrome.",
         prices=[("60-minute session", "$95"), ("75-minute sciatica session", "$115"), ("90-minute session", "$135"), ("Five 60-minute sessions", "$450")],
         faq=[("Does deep tissue have to hurt?", "No. Firm pressure can be intense for a moment, but you set the limit and we adjust as we go."),
              ("Can massage help my sciatica?", "Often, when the pain comes from tight hip and low back muscles irritating the nerve. If your symptoms point somewhere else, Jane will tell you and suggest you see your doctor first."), *FAQ],
         posts=[("myofascial-release-vs-deep-tissue", "Myofascial release vs. deep tissue: what is the difference?",
                 ["Clients often ask whether they should book myofascial release or deep tissue. Myofascial release uses slow, sustained stretches of the fascia, usually without oil.",
                  "We do not offer myofascial release at this practice: our sessions are deep tissue and trigger point therapy. If MFR is what you are after, ask us for a referral to a colleague who specializes in it."]), HOLIDAYS],
         blog_not_offered="myofascial_release"),
    site("brooks-nmt.test", "Brooks Neuromuscular Studio", key="keisha", email="keisha@brooks-nmt.test", hours="Mon–Fri 10am–7pm",
         book="https://www.massagebook.com/therapists/brooks-neuromuscular-studio", robots="basic", phone_style="dash",
         tech=["deep_tissue", "myofascial_release", "neuromuscular"], cond=["piriformis", "sciatica"],
         tagline="Neuromuscular therapy and myofascial release for sciatica and piriformis pain.",
         intro=["I opened Brooks Neuromuscular Studio after ten years working alongside chiropractors and physical therapists in South Austin.",
                "Most people who find me have sciatica-type symptoms: burning down the back of the leg, a deep ache in the glute, trouble sitting through a meeting."],
         services=[("Neuromuscular therapy (NMT)", "A systematic, point-by-point treatment of the muscles around the low back and pelvis, calming the tissue that irritates the sciatic nerve."),
                   ("Myofascial release", "Gentle, sustained holds that free restricted fascia across the hips and thighs. Slow, and surprisingly deep."),
                   ("Piriformis release", "Targeted work on the piriformis and the other deep hip rotators, the usual suspects in piriformis syndrome."),
                   ("Deep tissue massage", "Slow strokes and firm pressure for chronic tightness, when you simply need the work to go deeper.")],
         about="Keisha Brooks, LMT, NMT (Texas license MT090517) is certified in neuromuscular therapy. Every session starts with a short assessment, and she will always tell you if she thinks you need to see a doctor first.",
         prices=[("First visit: assessment and session, 90 min", "$140"), ("Follow-up, 60 min", "$100"), ("Follow-up, 90 min", "$140")],
         faq=[("How many sessions will I need?", "Most clients with piriformis syndrome feel a change within three to five visits; we agree on a plan at your first appointment."), *FAQ],
         posts=[("what-is-piriformis-syndrome", "What is piriformis syndrome?",
                 ["The piriformis is a small muscle deep in the buttock. When it tightens or spasms it can irritate the sciatic nerve beside it, sending pain from the buttock to the calf.",
                  "Neuromuscular therapy and myofascial release are two of the gentlest ways we know to calm it down."]), WELCOME]),
    site("bullcreek-myofascial.example.com", "Bull Creek Myofascial Therapy", key="bullcreek", email="colette@bullcreek-myofascial.example.com",
         hours="Mon–Fri 9am–5pm", book="https://squareup.com/appointments/book/bullcreekmyofascial", nav="Treatments", phone_style="dash",
         tech=["deep_tissue", "myofascial_release"], cond=["low_back_pain", "piriformis", "sciatica"],
         tagline="Myofascial release in northwest Austin, by appointment.",
         intro="Colette Baptiste, LMT, uses the slow, sustained-pressure approach to myofascial release, with deep tissue work where it helps, for sciatica, piriformis syndrome and chronic low back pain.",
         services=[("Myofascial release", "Long, patient holds that let restricted connective tissue soften. No oil and no rushing: the session feels quiet, but the change in how you move can be big."),
                   ("Deep tissue massage", "Focused pressure for the back, hips and legs, used alongside the myofascial work when the muscles underneath need it."),
                   ("Sciatica &amp; piriformis program", "Three sessions over three weeks aimed at the hip and low back restrictions behind sciatic pain, with simple self-care between visits.")],
         about="Colette trained in myofascial release after years of treating dancers. She opened her studio on Bull Creek Road in 2017 and works alone, by appointment only.",
         prices=[("60-minute session", "$110"), ("90-minute session", "$155"), ("Three-session sciatica program", "$300")], faq=FAQ,
         posts=[("why-no-oil", "Why we work without oil", "Fascia has to be held, not slid over, so our sessions use no oil or lotion. Wear or bring shorts if you prefer."), HOLIDAYS]),
    site("capitalcity-sciatica.example.com", "Capital City Sciatica Relief", key="capital", email="frontdesk@capitalcity-sciatica.example.com",
         hours="Mon–Fri 8am–8pm, Sat 9am–3pm", book="https://squareup.com/appointments/book/capitalcitysciatica", cookie=True,
         extra_nav=[("Our therapists", "/our-therapists/")],
         tech=["deep_tissue", "medical_massage", "myofascial_release", "neuromuscular", "trigger_point"],
         cond=["herniated_disc", "low_back_pain", "piriformis", "sciatica"],
         tagline="Medical massage for sciatica, downtown and in Round Rock.",
         intro="Capital City Sciatica Relief is a medical massage practice with three licensed massage therapists. We treat sciatica, piriformis syndrome and herniated discs, most often on referral from a physician or physical therapist.",
         services=[("Neuromuscular therapy", "Point-by-point work on the low back, glutes and hamstrings to settle the muscles that press on an irritated nerve."),
                   ("Trigger point therapy", "For the tender spots in the hip and buttock that send pain shooting down the leg."),
                   ("Deep tissue massage", "Firm, slow work for chronic tightness in the lumbar and hip muscles."),
                   ("Myofascial release", "Sustained stretches of the connective tissue around the pelvis and thigh."),
                   ("Medical massage with a referral", "Bring your physician's referral to your first visit; we bill most auto-injury claims and accept HSA cards.")],
         about="Founded in 2016 by Margaret Ellison, LMT, as Capital City Medical Massage PLLC, the practice moved to 700 Lavaca Street in 2021 and opened a second room on East Palm Valley Boulevard in Round Rock. Our therapists work closely with local spine doctors and physical therapists.",
         clinic=[("samira", "Samira Haddad", "LMT", "Texas license MT126604", "Neuromuscular therapy and trigger point therapy for sciatica and low back pain. Samira also sees clients in Denver one week a month."),
                 ("trevor", "Trevor Banks", "LMT", "Texas license MT143818", "Deep tissue massage and myofascial release, with a special interest in piriformis syndrome in runners and cyclists."),
                 (None, "Margaret Ellison", "LMT", "Clinic director", "Medical massage for herniated disc and post-surgical back patients, coordinated with your surgeon.")],
         prices=[("Medical massage, 60 min", "$105"), ("Medical massage, 90 min", "$150"), ("Auto-injury claims", "billed directly")],
         faq=[("Do I need a referral?", "No, but if you have one, bring it: it helps us and your insurer."), *FAQ],
         posts=[("sitting-and-sciatica", "Sitting all day and sciatica", "A long commute and a long day at a desk both load the same few muscles. Stand up every half hour, and if the pain travels past your knee, tell us at your visit."), WELCOME]),
    site("cedar-clinic.example.net", "Cedar Clinical Massage", key="cedar", email="book@cedar-clinic.example.net",
         hours="Mon–Fri 8am–7pm, Sat 9am–1pm", book="https://www.vagaro.com/cedarclinicalmassage", robots="basic",
         tech=["medical_massage", "orthopedic"], cond=["herniated_disc", "low_back_pain"],
         tagline="Physician-referred medical massage in Capitol Hill, Denver.",
         intro="Cedar Clinical Massage provides medical and orthopedic massage for people recovering from a herniated disc, low back pain and injuries. We accept auto-injury and workers' comp claims.",
         services=[("Medical massage", "Treatment written to your physician's referral and documented for your care team after every visit."),
                   ("Orthopedic massage", "Assessment-led massage and movement for specific injuries, from a bulging disc to a strained back."),
                   ("Herniated disc &amp; low back pain programs", "Six to eight visits coordinated with your doctor or physical therapist, with progress notes you can share.")],
         about="Cedar Clinic LLC was founded by Rowan Pierce in 2014. Our therapists are licensed in Colorado and see clients by referral or after a short intake call.",
         prices=[("Medical massage, 60 min", "$120"), ("Orthopedic assessment and session, 90 min", "$170")], faq=FAQ, posts=[HOLIDAYS]),
    site("cheesman-physio.example.org", "Cheesman Park Physiotherapy", key="cheesman", email="hello@cheesman-physio.example.org",
         hours="Mon–Fri 7:30am–6:30pm", book="https://squareup.com/appointments/book/cheesmanparkphysio",
         tagline="Physical therapy for knees, shoulders and balance near Cheesman Park.",
         intro="Our physical therapists help you back to running, lifting and everyday life after knee and shoulder surgery, sprains and concussion.",
         services=[("Post-surgical rehab", "ACL reconstruction, knee replacement and rotator cuff repair, from the first week after surgery to your return to sport."),
                   ("Vestibular therapy", "Treatment for dizziness and balance problems, including after a concussion."),
                   ("Sports injury rehab", "Ankle sprains, tennis elbow and runner's knee, with a home program you will actually do.")],
         about="Cheesman Park Physiotherapy opened in 2015. All of our clinicians are licensed physical therapists; we do not offer massage therapy.",
         prices=[("Evaluation", "$160"), ("Follow-up visit", "$120"), ("Most insurance plans", "accepted")], faq=FAQ[1:], posts=[WELCOME]),
    site("deluca-nmt.test", "DeLuca Neuromuscular", key="priya", email="priya@deluca-nmt.test", hours="Mon–Thu 10am–7pm, Fri 10am–4pm",
         book="https://www.massagebook.com/therapists/deluca-neuromuscular", robots="wp",
         tech=["deep_tissue", "neuromuscular"], cond=["herniated_disc", "sciatica"],
         tagline="Neuromuscular therapy and deep tissue massage in downtown Raleigh.",
         intro="Priya DeLuca, LMBT, CNMT treats sciatica and herniated disc pain with neuromuscular therapy and deep tissue massage, in a quiet studio on Glenwood Avenue.",
         services=[("Neuromuscular therapy (NMT)", "A methodical treatment of the low back and hip muscles, trigger by trigger, to ease pressure around irritated nerves."),
                   ("Deep tissue massage", "Slow, deep strokes for chronic tension in the back and legs."),
                   ("Sciatica care", "Pain that travels from the low back into the leg is the most common reason people come to see me. We start with a short assessment and build each session around it.")],
         about="Priya is a North Carolina licensed massage and bodywork therapist (LMBT 9915) and a certified neuromuscular therapist. She has practiced in Raleigh since 2013.",
         prices=[("60 minutes", "$90"), ("90 minutes", "$130")], faq=FAQ,
         posts=[("herniated-disc-and-massage", "Herniated disc? What massage can and cannot do", "Massage will not move a disc back into place. What it can do is calm the muscles guarding the area, which is often where much of the pain lives. Always check with your doctor first.")]),
    site("eastsidestoneandsoak.example.com", "Eastside Stone & Soak", key="eastsoak", email="hello@eastsidestoneandsoak.example.com",
         hours="Tue–Sat 10am–8pm, Sun 11am–5pm", book="https://www.vagaro.com/eastsidestoneandsoak", nav="Spa menu", cookie=True,
         tagline="Hot stones, warm oil and a long soak on East 6th.",
         intro="A calm east-side retreat for relaxation: hot stone massage, aromatherapy and private soaking tubs. Unwind after a long week.",
         services=[("Hot stone massage", "Smooth basalt stones, warmed and glided over the body to melt away tension."),
                   ("Aromatherapy massage", "Flowing strokes with your choice of lavender, eucalyptus or citrus oils."),
                   ("Swedish relaxation massage", "Light to medium pressure, made for switching off."),
                   ("Private soak", "Forty-five minutes in a cedar tub with mineral salts, before or after your massage.")],
         about="We opened on East 6th Street in 2018 with two treatment rooms and one idea: a place to slow down.",
         prices=[("Hot stone massage, 60 min", "$120"), ("Aromatherapy massage, 60 min", "$105"), ("Soak + massage ritual", "$165")], faq=FAQ,
         posts=[("soak-before-or-after", "Soak before or after your massage?", "Before, if you want to arrive relaxed; after, if you want to float home. Both are lovely."), WELCOME]),
    site("fultonmarketbodywork.example.com", "Fulton Market Bodywork", key="fulton", email="studio@fultonmarketbodywork.example.com",
         hours="Mon–Fri 9am–8pm, Sat 9am–4pm", book="https://www.vagaro.com/fultonmarketbodywork", cookie=True, ld_basic=True,
         tech=["deep_tissue", "trigger_point"], cond=["low_back_pain", "sciatica"],
         tagline="Deep tissue and trigger point therapy in the West Loop.",
         intro="Desiree Vance, LMT, and our small team treat sciatica and low back pain with deep tissue massage and trigger point therapy. Lunchtime appointments for the Fulton Market offices.",
         services=[("Deep tissue massage", "Targeted, firm work for the back, hips and legs of people who sit, lift or run for a living."),
                   ("Trigger point therapy", "We find the knots that refer pain into your hip and leg and release them with steady pressure."),
                   ("Desk-worker sciatica session", "Forty-five minutes over lunch for the glute and low back tension behind pain that runs down the leg.")],
         about="Fulton Market Bodywork opened in 2016 in a converted warehouse. Desiree Vance has been a licensed massage therapist in Illinois for twelve years.",
         prices=[("45-minute lunch session", "$75"), ("60 minutes", "$100"), ("90 minutes", "$145")], faq=FAQ, posts=[HOLIDAYS]),
    site("glenwoodhotstone.example.net", "Glenwood Hot Stone Retreat", key="glenwood", email="relax@glenwoodhotstone.example.net",
         hours="Tue–Sun 10am–7pm", book="https://www.vagaro.com/glenwoodhotstone", nav="Treatments", phone_style="dot",
         tagline="A quiet hour just for you.",
         intro="Relaxation and hot stone massage with aromatherapy, in a restored bungalow off Wade Avenue. Harriet Lowe, LMT, leads our small team.",
         services=[("Hot stone massage", "Warm river stones and long, even strokes."), ("Aromatherapy massage", "A blend of essential oils chosen for your mood."),
                   ("Couples retreat", "Side-by-side massages followed by tea on the porch.")],
         about="Glenwood Hot Stone Retreat has welcomed guests since 2012. We keep things simple: warm stones, soft music and no phones.",
         prices=[("Hot stone, 60 min", "$110"), ("Hot stone, 90 min", "$150"), ("Couples retreat", "$260")], faq=FAQ, posts=[HOLIDAYS]),
    site("hawthorne-bodywork.example.com", "Hawthorne Bodywork", key="dana", email="dana@hawthorne-bodywork.example.com",
         hours="Mon–Fri 9am–6pm, Sat 10am–2pm", book="https://www.massagebook.com/therapists/hawthorne-bodywork", robots="basic",
         tech=["deep_tissue", "myofascial_release", "trigger_point"], cond=["low_back_pain", "sciatica"],
         tagline="Deep tissue, MFR and trigger point work on SE Hawthorne.",
         intro="Dana McDonald, CMT, has spent fifteen years helping Portlanders with sciatica and low back pain get back to biking, gardening and sleeping through the night.",
         services=[("Deep-tissue massage", "Firm, unhurried work for the long muscles of the back and the big muscles of the hip."),
                   ("Myofascial release (MFR)", "Slow stretches of the fascia for the stuck, pulled feeling across the low back and thigh."),
                   ("Trigger point therapy", "Pressure on the specific points that send pain into the buttock and down the back of the thigh.")],
         about="Dana is an Oregon licensed massage therapist (license 16842). Her studio is on the second floor above a bike shop; there is a bike rack out front.",
         prices=[("60 minutes", "$95"), ("90 minutes", "$135")], faq=FAQ, posts=[WELCOME]),
    site("hillcountry-recovery.example.net", "Hill Country Sports Recovery", key="tomas", email="tomas@hillcountry-recovery.example.net",
         hours="Mon–Sat 7am–7pm", book="https://www.massagebook.com/therapists/hill-country-sports-recovery",
         tech=["deep_tissue", "sports", "stretching"], cond=["low_back_pain"],
         tagline="Sports massage and assisted stretching for runners and cyclists.",
         intro="Pre- and post-race sports massage for runners and cyclists, with assisted stretching to keep hips and hamstrings moving.",
         services=[("Sports massage", "Before a race to prime, after a race to recover, and in between to keep training."),
                   ("Assisted stretching", "Partner stretching for hips, hamstrings and calves that you cannot reach on your own."),
                   ("Deep tissue", "For chronic low back pain and the stubborn tightness that stretching alone will not fix.")],
         about="Tomás Reyes, LMT (Texas license MT097750) ran cross-country in college and still races gravel. He opened Hill Country Sports Recovery near campus in 2014.",
         prices=[("Sports massage, 60 min", "$90"), ("Stretch session, 30 min", "$45"), ("Race-week package", "$160")], faq=FAQ,
         posts=[("race-week", "What to book in race week", "A light flush three or four days out, nothing deep, and a proper recovery session two days after.")],
         pages={"book": ("Book a session", '<h1>Book a session</h1>\n<p>Pick a time on <a href="https://www.massagebook.com/therapists/hill-country-sports-recovery">our booking page</a> or call us. Race-week slots go fast.</p>')}),
    site("lotusyoga.example.org", "Lotus Yoga Collective", owner="site:lotus-yoga-collective-denver",
         where=("1550 Ogden St", "Denver", "CO", "80218", "3035550164"), email="namaste@lotusyoga.example.org", hours="Daily 6am–9pm",
         book="https://squareup.com/appointments/book/lotusyogacollective", nav="Classes", services_path="/classes/", phone_style="dot",
         tagline="Drop-in yoga classes every day. Mats provided.",
         intro="A community yoga studio in Capitol Hill with classes for every level, from sunrise flow to candlelit restorative practice.",
         services=[("Vinyasa flow", "Breath-led movement, 60 minutes."), ("Restorative yoga", "Supported, slow poses with bolsters and blankets."),
                   ("Meditation", "Twenty quiet minutes at lunchtime, guided for beginners.")],
         about="Lotus Yoga Collective is run by its teachers. We keep drop-in prices low and every class is open to beginners.",
         prices=[("Drop-in class", "$18"), ("Ten-class card", "$150"), ("Unlimited month", "$120")], faq=FAQ[:1], posts=[WELCOME],
         pages={"schedule": ("Class schedule", '<h1>Class schedule</h1>\n<table class="schedule">\n<tr><td>Mon–Fri 6:30am</td><td>Sunrise vinyasa flow</td></tr>\n<tr><td>Mon–Fri 12:15pm</td><td>Meditation</td></tr>\n<tr><td>Daily 7:30pm</td><td>Restorative yoga</td></tr>\n</table>')}),
    site("mapleton-deeptissue.test", "Mapleton Deep Tissue", key="mapleton", email="book@mapleton-deeptissue.test", hours="Mon–Sat 9am–7pm",
         book="https://www.vagaro.com/mapletondeeptissue", cookie=True, tech=["deep_tissue", "myofascial_release"], cond=["sciatica"],
         tagline="Deep tissue massage in north Boulder.",
         intro="Deep tissue massage and myofascial release for sciatica and hip pain, for climbers, runners and anyone who sits too much.",
         services=[("Deep tissue massage", "Our core session: slow, focused and as firm as you like."),
                   ("Myofascial release", "Long holds for the hips and thighs when the tightness feels like a wrapped band."),
                   ("Sciatica focus session", "Ninety minutes for the glutes, low back and hamstrings when pain runs down the leg.")],
         about="Mapleton Deep Tissue is a two-therapist studio on Broadway. Both therapists are licensed in Colorado.",
         prices=[("60 minutes", "$100"), ("90 minutes", "$140")], faq=FAQ, posts=[HOLIDAYS]),
    site("milehighspine.example.org", "Mile High Spine & Massage Clinic", key="milehigh", email="frontdesk@milehighspine.example.org",
         hours="Mon–Fri 8am–6pm, Sat 9am–1pm", book="https://squareup.com/appointments/book/milehighspine", ld_basic=True,
         tech=["neuromuscular", "trigger_point"], cond=["herniated_disc", "low_back_pain", "sciatica"],
         tagline="Clinical massage for sciatica near Cheesman Park.",
         intro="Our clinical massage therapists treat sciatica, low back pain and herniated discs with trigger point therapy and neuromuscular therapy.",
         services=[("Trigger point therapy", "Release of the trigger points in the low back and hip that refer pain into the leg."),
                   ("Neuromuscular therapy", "A structured, muscle-by-muscle treatment of the lumbar spine and pelvis."),
                   ("Sciatica relief massage", "Our most booked session: assessment plus both techniques above, 75 minutes.")],
         about="Mile High Spine &amp; Massage Clinic was founded in 2011 by two massage therapists who had worked in spine surgery practices.",
         prices=[("Sciatica relief massage, 75 min", "$125"), ("60 minutes", "$105")], faq=FAQ, posts=[WELCOME]),
    site("morrow-pt.example.org", "Morrow Sports Physical Therapy", key="caleb", email="office@morrow-pt.example.org", hours="Mon–Fri 7am–7pm",
         book="https://squareup.com/appointments/book/morrowsportspt", robots="basic", cond=["low_back_pain", "sciatica"],
         tagline="Sports physical therapy near campus.",
         intro="Caleb Morrow, PT, DPT, and his team get athletes back to training after injury, and help students and staff with low back pain and sciatica.",
         services=[("Sports injury rehab", "Sprains, strains and tendon problems, with a return-to-sport plan."),
                   ("Low back pain &amp; sciatica", "An exam to find where the nerve is irritated, then manual therapy and a graded exercise program. Most people with sciatica improve within six weeks."),
                   ("Running analysis", "Video gait analysis and a strength plan for injured runners.")],
         about="Morrow Sports Physical Therapy opened on Duval Street in 2014. We are an in-network provider for most major insurers.",
         prices=[("Evaluation", "$150"), ("Follow-up visit", "$110")], faq=FAQ[1:], posts=[WELCOME]),
    site("park-ortho.example.org", "Park Orthopedic & Medical Massage", key="elaine", email="clinic@park-ortho.example.org",
         hours="Mon–Thu 7:30am–5:30pm", book="https://www.vagaro.com/parkorthopedicmedicalmassage",
         tech=["medical_massage", "orthopedic"], cond=["herniated_disc", "sciatica"],
         tagline="Orthopedic assessment and medical massage in west Austin.",
         intro="Dr. Elaine Park, DPT, LMT combines an orthopedic assessment with hands-on medical massage for people with a herniated disc or sciatica.",
         services=[("Medical massage", "Physician referrals accepted; we send notes back to your doctor."),
                   ("Orthopedic massage", "Massage chosen from a physical therapy assessment, aimed at the tissue behind your symptoms."),
                   ("Post-surgical rehab", "Hands-on care after spine, hip and knee surgery, once your surgeon clears you.")],
         about="Dr. Park is both a physical therapist and a licensed massage therapist. She has treated spine patients in Austin since 2010.",
         prices=[("Assessment and treatment, 75 min", "$160"), ("Medical massage, 60 min", "$115")], faq=FAQ, posts=[HOLIDAYS]),
    site("rosecitydayspa.example.com", "Rose City Day Spa", key="rosecity", email="info@rosecitydayspa.example.com", hours="Daily 9am–9pm",
         book="https://www.vagaro.com/rosecitydayspa", nav="Spa menu", cookie=True, phone_style="dash", year=2019,
         tagline="Downtown Portland day spa since 1998.",
         intro="Relaxation and hot stone massage, facials and body wraps in the heart of downtown.",
         services=[("Swedish massage", "The classic: long, gliding strokes for total relaxation."), ("Hot stone massage", "Heated stones and warm oil."),
                   ("Reflexology", "Pressure on the feet, hands and ears."), ("Express facial", "Thirty minutes to glow.")],
         about="Rose City Day Spa has welcomed guests on SW Taylor Street for more than twenty-five years.",
         prices=[("Swedish massage, 60 min", "$115"), ("Hot stone, 80 min", "$155"), ("Express facial", "$65")], faq=FAQ, posts=[HOLIDAYS]),
    site("solnailbar.example.com", "Sol Nail Bar", owner="site:sol-nail-bar-austin", where=("4301 Duval St", "Austin", "TX", "78751", "5125550148"),
         email="hello@solnailbar.example.com", hours="Mon–Sat 10am–7pm, Sun 11am–5pm", book="https://www.vagaro.com/solnailbar", nav="Menu",
         phone_style="dash", tagline="Walk-ins welcome.",
         intro="Gel manicures, spa pedicures and nail art in Hyde Park. Every pedicure station has a heated massage chair.",
         services=[("Gel manicure", "Long-lasting color, cured under LED."), ("Spa pedicure", "Soak, scrub and polish in a heated massage chair."),
                   ("Nail art", "From a single accent nail to a full set.")],
         about="Sol Nail Bar is a family-owned nail salon. We sterilize every tool after every client.",
         prices=[("Gel manicure", "$38"), ("Spa pedicure", "$45"), ("Nail art, per nail", "from $5")], faq=FAQ[2:], posts=[WELCOME]),
    site("southlamar-sciatica.example.com", "South Lamar Sciatica Relief Massage", key="southlamar", email="relief@southlamar-sciatica.example.com",
         hours="Mon–Fri 9am–7pm, Sat 10am–3pm", book="https://www.massagebook.com/therapists/south-lamar-sciatica-relief", robots="wp",
         tech=["deep_tissue", "trigger_point"], cond=["low_back_pain", "sciatica"],
         tagline="Trigger point therapy and deep tissue massage, focused on sciatica.",
         intro="If you have pain in your low back that shoots down your leg, you are exactly who we see every day.",
         services=[("Trigger point therapy", "Steady pressure on the points in the glutes and low back that refer pain down the leg."),
                   ("Deep tissue massage", "Firm, slow work for the muscles around the spine and hips."),
                   ("Sciatica relief session", "Both, in one 75-minute session, with a home stretch plan.")],
         about="South Lamar Sciatica Relief Massage has been in the same strip center since 2015.",
         prices=[("Sciatica relief session, 75 min", "$110"), ("60 minutes", "$90")], faq=FAQ, posts=[HOLIDAYS]),
    site("tampabayswedish.example.org", "Tampa Bay Swedish & Aroma", key="tampabay", email="hello@tampabayswedish.example.org",
         hours="Mon–Sat 10am–8pm", book="https://www.vagaro.com/tampabayswedishandaroma", nav="Massages",
         tagline="Swedish and aromatherapy massage for pure relaxation.",
         intro="Soft lighting, warm towels and your choice of essential oils, five minutes from Hyde Park.",
         services=[("Swedish massage", "Gentle to medium pressure, flowing strokes."), ("Aromatherapy massage", "Swedish massage with a custom oil blend.")],
         about="A small, quiet studio run by two therapists who love what they do.",
         prices=[("60 minutes", "$85"), ("90 minutes", "$120")], faq=FAQ, posts=[WELCOME]),
    site("www.harlow-bodywork.example.com", "Harlow Bodywork", owner="site:private-quinn-harlow",
         where=("2700 E 2nd Ave, Suite 4", "Denver", "CO", "80206", "3035550160"), email="quinn@harlow-bodywork.example.com",
         hours="Tue–Sat 9am–6pm", book="https://www.massagebook.com/therapists/harlow-bodywork",
         tech=["deep_tissue", "neuromuscular"], cond=["piriformis", "sciatica"],
         tagline="Deep tissue and neuromuscular therapy in Cherry Creek.",
         intro="Quinn Harlow, LMT, specializes in deep tissue and neuromuscular therapy for sciatica and piriformis syndrome.",
         services=[("Deep tissue massage", "Slow and specific, for long-standing tension in the back and hips."),
                   ("Neuromuscular therapy", "A careful, muscle-by-muscle approach to the pelvis and low back."),
                   ("Sciatica relief sessions", "For pain that radiates down the leg from the buttock, 90 minutes.")],
         about="Quinn has practiced in Denver since 2013 and keeps a small private practice near Cherry Creek.",
         prices=[("60 minutes", "$110"), ("90 minutes", "$155")], faq=FAQ, posts=[HOLIDAYS]),
]  # fmt: skip
