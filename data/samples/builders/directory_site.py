"""Generate the fictional sample directory site served by `therapists demo` and the tests.

Built first by ``python3 data/samples/build.py`` (or ``build.py site``): the other
sources read the truth file it writes.

It deletes and rewrites ``data/samples/site/`` and ``data/samples/site-truth.json``.
Output is byte-for-byte deterministic (no timestamps; the card order uses
``random.Random(42)`` only).

Everything here is invented: people, businesses, street addresses, phone numbers
(all 555-01xx) and domains (``.test`` / ``example.com|org|net`` only).

String fields in ``THERAPISTS`` are raw HTML snippets and are inserted as-is,
so the deliberate messiness (entities, whitespace runs, a stray ``<br>``, a
``<script>`` element) ends up in the pages. The truth file records what a
correct extractor should produce:

* ``name``: the display name with tags removed, entities decoded and
  whitespace collapsed (credentials kept, case kept);
* ``zip``: always the 5-digit ZIP (one page shows a ZIP+4);
* ``phone_digits``: 10 digits, extension and leading ``+1`` dropped, or null;
* ``techniques`` / ``conditions``: what the profile really offers/treats
  (negated mentions such as "we do not offer deep tissue" do not count,
  and neither does the site-wide footer blog link);
* ``duplicate_of``: for the second copy of a listed-twice therapist, the slug
  of the first copy; null otherwise;
* ``path``: the URL path on the site (``/therapists/<slug>.html``).
"""

from __future__ import annotations

import html
import json
import random
import re
import shutil

from .formats import SAMPLES, write_text

# --------------------------------------------------------------------------
# Data: invented therapists and businesses (HTML snippets, see docstring).
# kind: relevant | spa | unrelated | negated
# --------------------------------------------------------------------------
THERAPISTS = [
    # ---- Austin, TX ----
    dict(
        slug="jane-alvarez-austin",
        kind="relevant",
        name="Jane Alvarez, LMT",
        biz="Alvarez Therapeutic Bodywork",
        street="1200 S Congress Ave, Suite 210",
        city="Austin",
        state="TX",
        zip="78704",
        phone="(512) 555-0142",
        web="https://www.alvarez-bodywork.example.com/?utm_source=directory&amp;utm_medium=listing",
        services=["Deep tissue massage", "Trigger point therapy", "Sciatica &amp; low back pain sessions"],
        about="Jane has focused on deep-tissue and trigger point work for sciatica, low back pain and piriformis syndrome since 2009.",
        tech=["deep_tissue", "trigger_point"],
        cond=["sciatica", "low_back_pain", "piriformis"],
    ),
    dict(
        slug="jane-m-alvarez-austin",
        kind="relevant",
        dup="jane-alvarez-austin",
        name="Jane M. Alvarez, LMT",
        biz="Alvarez Therapeutic Bodywork",
        street="1200 S. Congress Ave., Suite 210",
        city="Austin",
        state="TX",
        zip="78704",
        phone="512.555.0142",
        web="https://www.alvarez-bodywork.example.com/",
        email="jane@alvarez-bodywork.example.com",
        services=["Deep-tissue massage", "Trigger point therapy"],
        about="Deep tissue and trigger point sessions for sciatica, low back pain and piriformis syndrome. Evening appointments available.",
        tech=["deep_tissue", "trigger_point"],
        cond=["sciatica", "low_back_pain", "piriformis"],
    ),
    dict(
        slug="marisol-vega-austin",
        kind="relevant",
        name="Marisol   Vega,\n      LMT",
        street="2315 E Cesar Chavez St",
        city="Austin",
        state="TX",
        zip="78702",
        phone="512.555.0143",
        email="MARISOL.VEGA@bodywork.test",
        services=["Neuro-Muscular Therapy (NMT)", "Myofascial release (MFR)", "Herniated disc support"],
        about="Bilingual (English/Español) therapist. Gentle but specific neuromuscular work for sciatica\n        and herniated disc recovery, coordinated with your physical therapist.",
        tech=["neuromuscular", "myofascial_release"],
        cond=["sciatica", "herniated_disc"],
    ),
    dict(
        slug="tomas-reyes-austin",
        kind="relevant",
        name="Tomás Reyes, LMT",
        biz="Hill Country Sports Recovery",
        street="2501 Guadalupe St, Ste. 3",
        city="Austin",
        state="TX",
        zip="78705",
        phone="512-555-0144",
        web="https://hillcountry-recovery.example.net/book?ref=massagedir",
        services=["Sports massage", "Assisted stretching", "Deep tissue"],
        about="Pre- and post-race sports massage for runners and cyclists, with assisted stretching to keep hips and hamstrings moving. Deep tissue sessions are available for chronic low back pain.",
        tech=["sports", "stretching", "deep_tissue"],
        cond=["low_back_pain"],
    ),
    dict(
        slug="elaine-park-austin",
        kind="relevant",
        name="DR. ELAINE PARK, DPT, LMT",
        biz="Park Orthopedic &amp; Medical Massage",
        street="3801 N Capital of Texas Hwy, Bldg E",
        city="Austin",
        state="TX",
        zip="78731",
        phone="+1 512 555 0145",
        web="https://park-ortho.example.org",
        services=["Medical massage (physician referral accepted)", "Orthopedic massage", "Post-surgical rehab"],
        about="A physical therapist and licensed massage therapist, Dr. Park treats herniated disc and sciatica patients with an orthopaedic assessment followed by hands-on medical massage.",
        tech=["medical_massage", "orthopedic"],
        cond=["herniated_disc", "sciatica"],
    ),
    dict(
        slug="ben-whitaker-austin",
        kind="relevant",
        name="Ben Whitaker CMT ",
        street="4500 S 1st St",
        city="Austin",
        state="TX",
        zip="78745",
        phone="5125550146",
        services=["Trigger pt work", "Deep tissue"],
        about="Firm pressure, trigger pt work, no fluff. Good for low back pain.",
        tech=["trigger_point", "deep_tissue"],
        cond=["low_back_pain"],
    ),
    dict(
        slug="willow-creek-day-spa-austin",
        kind="spa",
        name="Willow Creek Day Spa",
        biz="Willow Creek Day Spa &amp; Boutique",
        street="301 Congress Ave, Suite 150",
        city="Austin",
        state="TX",
        zip="78701",
        phone="(512) 555-0147",
        email="Relax@WillowCreekSpa.example.org",
        services=["Swedish massage", "Hot stone massage", "Aromatherapy add-on", "Signature facial"],
        about="Unwind in our candle-lit suites. Couples packages available.",
    ),
    dict(
        slug="sol-nail-bar-austin",
        kind="unrelated",
        name="Sol Nail Bar",
        street="4301 Duval St",
        city="Austin",
        state="TX",
        zip="78751",
        phone="512-555-0148",
        web="https://solnailbar.example.com/?utm_source=directory&amp;utm_campaign=spring",
        services=["Gel manicure", "Spa pedicure in heated massage chairs", "Nail art"],
        about="Walk-ins welcome. Every pedicure station has a heated massage chair.",
    ),
    dict(
        slug="renee-castillo-austin",
        kind="negated",
        name="Ren&eacute;e Castillo, LMT",
        street="2525 W Anderson Ln, Ste 4",
        city="Austin",
        state="TX",
        zip="78757",
        phone="(512) 555-0149",
        services=["Swedish massage", "Prenatal massage", "Aromatherapy"],
        about="Gentle, nurturing relaxation sessions. Please note: we do not offer deep tissue work, and this practice is not suitable for sciatica; relaxation only.",
    ),
    dict(
        slug="keisha-brooks-austin",
        kind="relevant",
        name="Keisha   Brooks, LMT, NMT ",
        biz="Brooks Neuromuscular Studio",
        street="1608 S Lamar Blvd, Unit B",
        city="Austin",
        state="TX",
        zip="78704",
        phone="(512) 555-0151",
        web="https://brooks-nmt.test/",
        services=[
            "Neuromuscular therapy (NMT)",
            "Myofascial release",
            "Piriformis release",
            "Deep&nbsp;tissue massage",
        ],
        about=(
            "I opened Brooks Neuromuscular Studio after ten years working alongside chiropractors and physical "
            "therapists in South Austin. Most of my clients come in with sciatica-type symptoms: burning down the "
            "back of the leg, a deep ache in the glute, trouble sitting through a meeting. Very often the culprit is "
            "piriformis syndrome rather than the spine itself, and a careful combination of neuromuscular therapy, "
            "myofascial release and slow deep tissue work can make a real difference within a few visits. Every "
            "session starts with a short assessment, and I will always tell you if I think you need to see a doctor first."
        ),
        tech=["neuromuscular", "myofascial_release", "deep_tissue"],
        cond=["sciatica", "piriformis"],
    ),
    dict(
        slug="austin-float-lab",
        kind="unrelated",
        name="Austin Float Lab",
        street="1400 E 4th St",
        city="Austin",
        state="TX",
        zip="78702",
        phone="512.555.0152",
        services=["60-minute float", "Infrared sauna", "Float + sauna combo"],
        about="Sensory-deprivation float tanks filled with 1,000 lbs of Epsom salt. Not a massage business, but listed here by request.",
    ),
    dict(
        slug="luna-and-stone-spa-austin",
        kind="spa",
        name="Luna &amp; Stone Spa",
        street="98 San Jacinto Blvd, Floor 2",
        city="Austin",
        state="TX",
        zip="78701",
        email="hello@lunaandstone.example.com",
        services=["Hot stone massage", "Hydrating facial", "Reflexology"],
        about="A quiet downtown retreat.",
    ),
    dict(
        slug="aaron-feld-austin",
        kind="relevant",
        name="Aaron Feld, LMT",
        street="5555 N Lamar Blvd, Suite C-110",
        city="Austin",
        state="TX",
        zip="78751",
        phone="512-555-0153",
        services=["Clinical massage", "Active isolated stretching", "Sciatica protocol"],
        about="Clinical massage and stretching for sciatica.\n   Referrals from local PTs welcome.   ",
        tech=["medical_massage", "stretching"],
        cond=["sciatica"],
    ),
    # ---- Round Rock, TX ----
    dict(
        slug="carla-nguyen-round-rock",
        kind="relevant",
        name="Carla Nguyen, LMT",
        street="1101 E Palm Valley Blvd, Suite 108",
        city="Round Rock",
        state="TX",
        zip="78664",
        phone="(512) 555-0154",
        services=["Deep tissue massage", "Trigger point therapy", "Low back pain relief"],
        about="Serving Round Rock and Pflugerville. Deep tissue and trigger point therapy for desk workers with lower back pain and sciatica.",
        tech=["deep_tissue", "trigger_point"],
        cond=["low_back_pain", "sciatica"],
    ),
    dict(
        slug="pampered-paws-grooming-round-rock",
        kind="unrelated",
        name="Pampered Paws Grooming",
        street="2000 S Mays St, Suite 4",
        city="Round Rock",
        state="TX",
        zip="78664",
        phone="512-555-0155",
        services=["Bath &amp; brush", "Deep cleaning ear treatment", "Nail trims"],
        about="Full-service dog and cat grooming. Ask about our deep cleaning de-shedding bath!",
    ),
    # ---- Denver, CO ----
    dict(
        slug="private-quinn-harlow",
        kind="relevant",
        robots=True,
        name="Quinn Harlow, LMT",
        biz="Harlow Bodywork",
        street="2700 E 2nd Ave, Suite 4",
        city="Denver",
        state="CO",
        zip="80206",
        phone="(303) 555-0160",
        web="https://www.harlow-bodywork.example.com/?utm_source=directory",
        services=["Deep tissue massage", "Neuromuscular therapy", "Sciatica relief sessions"],
        about="Quinn specializes in deep tissue and neuromuscular therapy for sciatica and piriformis syndrome.",
        tech=["deep_tissue", "neuromuscular"],
        cond=["sciatica", "piriformis"],
    ),
    dict(
        slug="marcus-oneil-denver",
        kind="relevant",
        name="MARCUS O&#39;NEIL LMT, NCBTMB",
        biz="O&#39;Neil Sports &amp; Rehab Massage",
        street="1550 Wewatta St, Suite 4",
        city="Denver",
        state="CO",
        zip="80202",
        phone="(303) 555-0150 ext. 12",
        email="Marcus@ONeil-Rehab.example.net",
        services=["Sports massage", "Trigger point therapy", "Myofascial release"],
        about="Former athletic trainer. Sports massage, trigger point therapy and myofascial release for athletes dealing with sciatica or a herniated disc.",
        tech=["sports", "trigger_point", "myofascial_release"],
        cond=["sciatica", "herniated_disc"],
    ),
    dict(
        slug="marcus-oneil-lmt-denver",
        kind="relevant",
        dup="marcus-oneil-denver",
        name="Marcus O'Neil, LMT",
        biz="O'Neil Sports &amp; Rehab Massage",
        street="1550 Wewatta St, Ste. 4",
        city="Denver",
        state="CO",
        zip="80202",
        phone="303-555-0150",
        services=["Sports massage", "Trigger point therapy", "Myofascial release"],
        about="Sports massage, trigger-point therapy and myofascial release. Sciatica and herniated disc clients welcome.",
        tech=["sports", "trigger_point", "myofascial_release"],
        cond=["sciatica", "herniated_disc"],
    ),
    dict(
        slug="cedar-clinical-massage-denver",
        kind="relevant",
        name="Cedar Clinical Massage",
        biz="Cedar Clinic LLC",
        street="800 Grant St, Suite 300",
        city="Denver",
        state="CO",
        zip="80203",
        phone="303.555.0161",
        email="Book@Cedar-Clinic.example.net",
        web="https://cedar-clinic.example.net/?utm_source=massagedirectory&amp;utm_medium=referral",
        services=["Medical massage", "Orthopedic massage", "Herniated disc &amp; low back pain programs"],
        about="Physician-referred medical massage. We accept auto-injury and workers&#39; comp claims.",
        tech=["medical_massage", "orthopedic"],
        cond=["herniated_disc", "low_back_pain"],
    ),
    dict(
        slug="hannah-lindqvist-denver",
        kind="negated",
        name="Hannah Lindqvist, CMT",
        street="2900 Welton St",
        city="Denver",
        state="CO",
        zip="80205",
        phone="303-555-0162",
        services=["Swedish massage", "Reflexology"],
        about="No trigger point therapy, no deep pressure. Swedish and reflexology only, for pure relaxation.",
    ),
    dict(
        slug="mile-high-hot-stone-denver",
        kind="spa",
        name="Mile High Hot Stone &amp; Aroma",
        street="1600 E 17th Ave",
        city="Denver",
        state="CO",
        zip="80218",
        phone="(303) 555-0163",
        services=["Hot stone massage", "Aromatherapy massage", "Himalayan salt facial"],
        about="Warm basalt stones and essential oils in a calm Uptown studio. Book a 90-minute ritual and leave the week behind.",
    ),
    dict(
        slug="samuel-okafor-denver",
        kind="relevant",
        name="Samuel Okafor, LMT",
        street="1400 S Pearl St",
        city="Denver",
        state="CO",
        zip="80210",
        email="SAM@okafor-ortho-massage.test",
        services=["Orthopedic massage", "PNF stretching"],
        about="Orthopedic massage plus PNF stretching for piriformis syndrome and sciatica. Text or email to book.",
        tech=["orthopedic", "stretching"],
        cond=["piriformis", "sciatica"],
    ),
    dict(
        slug="lotus-yoga-collective-denver",
        kind="unrelated",
        name="Lotus Yoga Collective",
        street="1550 Ogden St",
        city="Denver",
        state="CO",
        zip="80218",
        phone="303.555.0164",
        web="https://lotusyoga.example.org/schedule",
        services=["Vinyasa flow", "Restorative yoga", "Meditation"],
        about="Drop-in classes daily. Mats provided.",
    ),
    dict(
        slug="grace-whitfield-denver",
        kind="relevant",
        name="Grace Whitfield LMT",
        street="1701 Wynkoop St, Suite 220",
        city="Denver",
        state="CO",
        zip="80202",
        phone="+1 303 555 0165",
        services=["Deep tissue massage", "Sports massage"],
        about="Deep tissue and sports massage for skiers and climbers; many clients come to me for low back pain.",
        tech=["deep_tissue", "sports"],
        cond=["low_back_pain"],
    ),
    dict(
        slug="cherry-creek-aromatherapy-denver",
        kind="spa",
        name="Cherry Creek Aromatherapy Studio",
        street="2500 E 1st Ave, Suite 110",
        city="Denver",
        state="CO",
        zip="80206",
        phone="303-555-0166",
        services=["Aromatherapy massage", "Swedish massage", "Foot reflexology"],
        about="Blended essential oils and long, flowing Swedish strokes.",
    ),
    # ---- Boulder, CO ----
    dict(
        slug="eli-brandt-boulder",
        kind="relevant",
        name="Eli Brandt, LMT",
        biz="Flatiron Sports Massage",
        street="1911 11th St, Suite 201",
        city="Boulder",
        state="CO",
        zip="80302",
        phone="303-555-0170",
        services=["Sports massage", "Active Isolated Stretching (AIS)", "Trigger point therapy"],
        about="Trail runners, climbers and cyclists: recover faster.",
        tech=["sports", "stretching", "trigger_point"],
        cond=[],
    ),
    dict(
        slug="pearl-street-facial-studio-boulder",
        kind="spa",
        name="Pearl Street Facial Studio",
        street="1048 Pearl St",
        city="Boulder",
        state="CO",
        zip="80302",
        phone="(303) 555-0171",
        services=["Facials", "Aromatherapy", "Scalp &amp; neck relaxation massage"],
        about="Organic facials and relaxation treatments.",
    ),
    dict(
        slug="aspen-chen-boulder",
        kind="relevant",
        name="Aspen Chen, LMT",
        street="2525 Broadway",
        city="Boulder",
        state="CO",
        zip="80304",
        phone="303.555.0172",
        services=["Myofascial release", "Myo-fascial cupping"],
        about="Trained in the slow, sustained-pressure approach to myofascial release; many clients arrive with chronic sciatica.",
        tech=["myofascial_release"],
        cond=["sciatica"],
    ),
    dict(
        slug="front-range-chiropractic-supply-boulder",
        kind="unrelated",
        name="Front Range Chiropractic Supply",
        street="3100 Broadway, Unit C",
        city="Boulder",
        state="CO",
        zip="80304",
        phone="303-555-0173",
        services=["Adjusting tables", "Massage tables &amp; massage chairs", "Lumbar support cushions"],
        about="Equipment and supplies for clinics. Showroom open weekdays; we do not provide treatment.",
    ),
    dict(
        slug="linnea-ward-boulder",
        kind="negated",
        name="Linnea Ward, LMT",
        street="2770 Pearl St #210",
        city="Boulder",
        state="CO",
        zip="80302",
        phone="(303) 555-0174",
        services=["Swedish massage", "Hot stone massage"],
        about="Relaxation only. This practice is not suitable for sciatica, injuries or deep tissue requests &mdash; please see a clinical therapist for those.",
    ),
    dict(
        slug="foothills-swedish-massage-boulder",
        kind="spa",
        name="Foothills Swedish Massage",
        street="3550 Broadway",
        city="Boulder",
        state="CO",
        zip="80304",
        services=["Swedish massage", "Reflexology"],
        about="Classic Swedish massage in a sunny studio near the foothills.",
    ),
    # ---- Portland, OR ----
    dict(
        slug="dana-mcdonald-portland",
        kind="relevant",
        name="Dana McDonald, CMT",
        biz="Hawthorne Bodywork",
        street="1830 SE Hawthorne Blvd, Suite 4",
        city="Portland",
        state="OR",
        zip="97214",
        phone="(503) 555-0180",
        web="https://hawthorne-bodywork.example.com/",
        services=["Deep tissue", "MFR", "Trigger point therapy"],
        about="Deep tissue, MFR and trigger point work for sciatica and low back pain.",
        tech=["deep_tissue", "myofascial_release", "trigger_point"],
        cond=["sciatica", "low_back_pain"],
    ),
    dict(
        slug="dana-j-mcdonald-portland",
        kind="relevant",
        dup="dana-mcdonald-portland",
        name="DANA J. MCDONALD, CMT",
        biz="Hawthorne Bodywork",
        street="1830 SE Hawthorne Blvd, Ste. 4",
        city="Portland",
        state="OR",
        zip="97214",
        phone="503-555-0180",
        services=["Deep-tissue massage", "Myofascial release (MFR)", "Trigger point"],
        about="Deep-tissue, myofascial release and trigger point therapy. Sciatica and low back pain are my specialties.",
        tech=["deep_tissue", "myofascial_release", "trigger_point"],
        cond=["sciatica", "low_back_pain"],
    ),
    dict(
        slug="zoe-brennan-portland",
        kind="relevant",
        name="Zoë Brennan, LMT",
        street="1234 NW Glisan St, Suite 300",
        city="Portland",
        state="OR",
        zip="97209",
        phone="503.555.0181",
        email="zoe@brennan-nmt.example.org",
        services=["Neuromuscular therapy", "Piriformis syndrome treatment", "Herniated/bulging disc support"],
        about="Board-certified in neuromuscular therapy. I work closely with spine specialists on piriformis syndrome and herniated disc cases.",
        tech=["neuromuscular"],
        cond=["piriformis", "herniated_disc"],
    ),
    dict(
        slug="rose-city-day-spa-portland",
        kind="spa",
        name="Rose City Day Spa",
        street="915 SW Taylor St",
        city="Portland",
        state="OR",
        zip="97205",
        phone="(503) 555-0182",
        services=["Swedish massage", "Hot stone massage", "Reflexology", "Express facial"],
        about="Downtown Portland day spa since 1998.",
    ),
    dict(
        slug="ingrid-solberg-portland",
        kind="negated",
        name="Ingrid Solberg, LMT",
        street="1500 NE Broadway",
        city="Portland",
        state="OR",
        zip="97232",
        phone="503-555-0183",
        services=["Swedish massage", "Lymphatic drainage"],
        about="Light-touch work in a restful setting. Not suitable for sciatica; relaxation only.",
    ),
    dict(
        slug="theo-marsh-portland",
        kind="relevant",
        name="Theo Marsh, LMT",
        biz="Marsh Medical Massage",
        street="2020 SW 4th Ave, Suite 5",
        city="Portland",
        state="OR",
        zip="97201",
        phone="5035550184",
        services=["Medical massage", "Orthopedic massage"],
        about="Medical and orthopedic massage for low back pain.<script>alert(1)</script> Insurance billing available.",
        tech=["medical_massage", "orthopedic"],
        cond=["low_back_pain"],
    ),
    dict(
        slug="mane-street-hair-studio-portland",
        kind="unrelated",
        name="Mane Street Hair Studio",
        street="2400 SE Belmont St",
        city="Portland",
        state="OR",
        zip="97214",
        phone="(503) 555-0185",
        services=["Cuts &amp; color", "Deep cleaning scalp treatment", "Blowouts"],
        about="Every shampoo comes with a relaxing scalp rub.",
    ),
    dict(
        slug="juniper-reflexology-portland",
        kind="spa",
        name="Juniper Reflexology",
        street="700 NE Multnomah St, Suite 1100",
        city="Portland",
        state="OR",
        zip="97232",
        services=["Foot reflexology", "Hand reflexology"],
        about="Reflexology only.",
    ),
    dict(
        slug="maya-patel-ross-portland",
        kind="relevant",
        name="Maya Patel-Ross, LMT",
        street="1000 SW Broadway, Suite 1720",
        city="Portland",
        state="OR",
        zip="97205",
        phone="+1 503 555 0186",
        services=["Deep tissue massage", "Assisted stretching"],
        about="Deep tissue massage combined with assisted stretching for lower-back pain and sciatica.",
        tech=["deep_tissue", "stretching"],
        cond=["low_back_pain", "sciatica"],
    ),
    # ---- Asheville, NC ----
    dict(
        slug="wren-holloway-asheville",
        kind="relevant",
        name="Wren Holloway, LMBT",
        street="25 Broadway St<br>Suite 2",
        city="Asheville",
        state="NC",
        zip="28801",
        phone="(828) 555-0190",
        services=["Myofascial release", "Neuromuscular therapy"],
        about="Slow myofascial release and NMT for sciatica.",
        tech=["myofascial_release", "neuromuscular"],
        cond=["sciatica"],
    ),
    dict(
        slug="blue-ridge-stone-and-soak-asheville",
        kind="spa",
        name="Blue Ridge Stone &amp; Soak",
        street="1800 Hendersonville Rd",
        city="Asheville",
        state="NC",
        zip="28803",
        phone="828.555.0191",
        services=["Hot stone massage", "Aromatherapy soak", "Facials"],
        about="Mountain-inspired spa rituals.",
    ),
    dict(
        slug="ada-fontaine-asheville",
        kind="negated",
        name="Ada Fontaine, LMBT",
        street="1000 Haywood Rd",
        city="Asheville",
        state="NC",
        zip="28806",
        phone="828-555-0192",
        services=["Swedish massage", "Reiki"],
        about="We do not offer deep tissue work. Sessions are light and meditative.",
    ),
    dict(
        slug="lydia-greer-asheville",
        kind="relevant",
        name="Dr. Lydia Greer",
        biz="Greer Orthopedic Massage &amp; Wellness",
        street="75 Coxe Ave",
        city="Asheville",
        state="NC",
        zip="28801",
        phone="(828) 555-0193 ext. 4",
        services=["Orthopedic massage", "Herniated disc recovery", "Low back pain"],
        about="Orthopedic massage for herniated disc and low back pain.",
        tech=["orthopedic"],
        cond=["herniated_disc", "low_back_pain"],
    ),
    dict(
        slug="laurel-aromatherapy-studio-asheville",
        kind="spa",
        name="Laurel Aromatherapy Studio",
        street="400 Haywood Rd",
        city="Asheville",
        state="NC",
        zip="28806",
        phone="8285550194",
        services=["Aromatherapy massage", "Swedish massage"],
        about="Locally distilled essential oils.",
    ),
    dict(
        slug="nora-blevins-asheville",
        kind="relevant",
        name="Nora Blevins, LMBT",
        street="1550 Hendersonville Rd, Suite 105",
        city="Asheville",
        state="NC",
        zip="28803",
        phone="828-555-0195",
        services=["Trigger-point therapy", "Deep tissue massage"],
        about="Trigger-point and deep tissue work; particular interest in piriformis syndrome.",
        tech=["trigger_point", "deep_tissue"],
        cond=["piriformis"],
    ),
    # ---- Raleigh, NC ----
    dict(
        slug="priya-deluca-raleigh",
        kind="relevant",
        name="Priya DeLuca LMBT",
        biz="DeLuca Neuromuscular",
        street="410 Glenwood Ave, Suite 4",
        city="Raleigh",
        state="NC",
        zip="27603",
        phone="(919) 555-0120",
        web="https://deluca-nmt.test/?utm_source=directory",
        services=["Deep tissue", "Neuromuscular therapy (NMT)", "Sciatica care"],
        about="Deep tissue and NMT for sciatica and herniated disc pain.",
        tech=["deep_tissue", "neuromuscular"],
        cond=["sciatica", "herniated_disc"],
    ),
    dict(
        slug="priya-deluca-lmbt-raleigh",
        kind="relevant",
        dup="priya-deluca-raleigh",
        name="Priya  DeLuca,\n   LMBT, CNMT",
        biz="DeLuca Neuromuscular",
        street="410 Glenwood Ave, Suite 4",
        city="Raleigh",
        state="NC",
        zip="27603",
        services=["Deep tissue massage", "NMT"],
        about="Neuromuscular therapy and deep tissue for sciatica, herniated disc.",
        tech=["deep_tissue", "neuromuscular"],
        cond=["sciatica", "herniated_disc"],
    ),
    dict(
        slug="derek-hollis-raleigh",
        kind="relevant",
        name="Derek Hollis, LMBT",
        biz="Oak City Sports Massage",
        street="1001 S Saunders St",
        city="Raleigh",
        state="NC",
        zip="27603",
        phone="919.555.0121",
        services=["Sports massage", "Stretching"],
        about="Sports massage and stretching for weekend warriors with low back pain.",
        tech=["sports", "stretching"],
        cond=["low_back_pain"],
    ),
    dict(
        slug="serenity-spa-and-salon-raleigh",
        kind="spa",
        name="Serenity Spa &amp; Salon",
        street="1000 Oberlin Rd, Suite 5",
        city="Raleigh",
        state="NC",
        zip="27605",
        phone="919-555-0122",
        services=["Swedish massage", "Facials", "Waxing"],
        about="Full-service spa and salon near Cameron Village.",
    ),
    dict(
        slug="magnolia-hot-stone-studio-raleigh",
        kind="spa",
        name="Magnolia Hot Stone Studio",
        street="1010 Wade Ave",
        city="Raleigh",
        state="NC",
        zip="27605",
        phone="(919) 555-0123",
        services=["Hot stone massage", "Aromatherapy"],
        about="Heated river stones and lavender oil.",
    ),
    dict(
        slug="tess-whitlock-raleigh",
        kind="negated",
        name="Tess Whitlock, LMBT",
        street="300 Fayetteville St, Suite 12",
        city="Raleigh",
        state="NC",
        zip="27601",
        services=["Swedish massage", "Chair massage for events"],
        about="No trigger point therapy and no deep tissue. Not suitable for sciatica &ndash; relaxation only.",
    ),
    dict(
        slug="karen-oyelaran-raleigh",
        kind="relevant",
        name="KAREN OYELARAN, LMBT",
        street="510 Glenwood Ave, Suite 201",
        city="Raleigh",
        state="NC",
        zip="27603",
        phone="+1 919 555 0124",
        services=["MYOFASCIAL RELEASE", "MEDICAL MASSAGE"],
        about="Myofascial release and medical massage for piriformis syndrome and sciatica. Doctor&#39;s referral preferred.",
        tech=["myofascial_release", "medical_massage"],
        cond=["piriformis", "sciatica"],
    ),
    dict(
        slug="luis-romero-raleigh",
        kind="relevant",
        name="Luis Romero, LMBT",
        street="300 W Hargett St",
        city="Raleigh",
        state="NC",
        zip="27601",
        phone="919-555-0125",
        services=["Clinical massage", "Trigger point therapy"],
        about="Clinical massage with trigger point therapy. Low back pain, sciatica and herniated disc aftercare.",
        tech=["medical_massage", "trigger_point"],
        cond=["low_back_pain", "sciatica", "herniated_disc"],
    ),
    # ---- Chicago, IL ----
    dict(
        slug="anton-kowalski-chicago",
        kind="relevant",
        name="Anton Kowalski, LMT",
        street="1000 W Randolph St<br>Suite 3",
        city="Chicago",
        state="IL",
        zip="60607",
        phone="(312) 555-0130",
        services=["Neuromuscular therapy", "Trigger point therapy"],
        about="NMT and trigger point therapy in the West Loop. Sciatica and low back pain.",
        tech=["neuromuscular", "trigger_point"],
        cond=["sciatica", "low_back_pain"],
    ),
    dict(
        slug="imani-carter-chicago",
        kind="relevant",
        name="Imani Carter, LMT",
        biz="Lakeview Medical Massage",
        street="3300 N Broadway",
        city="Chicago",
        state="IL",
        zip="60657",
        phone="773-555-0131",
        services=["Medical massage", "Deep tissue massage"],
        about="Medical massage and deep tissue for herniated disc recovery.",
        tech=["medical_massage", "deep_tissue"],
        cond=["herniated_disc"],
    ),
    dict(
        slug="wacker-drive-day-spa-chicago",
        kind="spa",
        name="Wacker Drive Day Spa",
        street="150 N Michigan Ave, Suite 900",
        city="Chicago",
        state="IL",
        zip="60601",
        phone="312.555.0132",
        services=["Swedish massage", "Facials", "Hot stone massage"],
        about="Skyline views, plush robes and a eucalyptus steam room.",
    ),
    dict(
        slug="relaxa-massage-chair-gallery-chicago",
        kind="unrelated",
        name="Relaxa Massage Chair Gallery",
        street="1500 N Milwaukee Ave",
        city="Chicago",
        state="IL",
        zip="60622",
        phone="(773) 555-0133",
        services=["Massage chairs", "Foot massagers", "Free delivery"],
        about="Try 20+ full-body massage chairs in our showroom. We sell furniture; we do not offer massage therapy.",
    ),
    dict(
        slug="wicker-park-aromatherapy-lounge-chicago",
        kind="spa",
        name="Wicker Park Aromatherapy Lounge",
        street="1600 N Damen Ave",
        city="Chicago",
        state="IL",
        zip="60622",
        phone="(773) 555-0139",
        services=["Aromatherapy massage", "Hot stone massage", "Reflexology"],
        about="Custom oil blends, warm towels and a playlist you pick.",
    ),
    dict(
        slug="lincoln-park-reflexology-chicago",
        kind="spa",
        name="Lincoln Park Reflexology",
        street="2400 N Clark St",
        city="Chicago",
        state="IL",
        zip="60614",
        phone="773-555-0135",
        services=["Foot reflexology", "Aromatherapy foot soak"],
        about="Walk-ins welcome seven days a week.",
    ),
    dict(
        slug="sofia-marchetti-chicago",
        kind="negated",
        name="Sofia Marchetti, LMT",
        street="900 W Fullerton Ave",
        city="Chicago",
        state="IL",
        zip="60614",
        phone="(773) 555-0136",
        services=["Swedish massage", "Aromatherapy"],
        about="We don&#39;t do deep-tissue or trigger point. Relaxation only; not suitable for sciatica.",
    ),
    dict(
        slug="olumide-adeyemi-chicago",
        kind="relevant",
        name="Olumide Adeyemi, LMT",
        street="233 N Michigan Ave, Suite 1810",
        city="Chicago",
        state="IL",
        zip="60601",
        zip_shown="60601-5519",
        phone="312-555-0137",
        services=["Orthopedic massage", "Sports massage"],
        about="Orthopedic and sports massage for piriformis syndrome and sciatica.",
        tech=["orthopedic", "sports"],
        cond=["piriformis", "sciatica"],
    ),
    dict(
        slug="min-jun-seo-chicago",
        kind="relevant",
        name="Min-jun Seo, LMT",
        street="3000 N Sheffield Ave",
        city="Chicago",
        state="IL",
        zip="60657",
        services=["Deep tissue massage", "Stretching"],
        about="Deep tissue plus stretching.",
        tech=["deep_tissue", "stretching"],
        cond=[],
    ),
    dict(
        slug="rachel-stein-chicago",
        kind="relevant",
        name="Rachel Stein, LMT",
        street="1200 W Madison St",
        city="Chicago",
        state="IL",
        zip="60607",
        phone="3125550138",
        services=["Myofascial release"],
        about="Myofascial release for low back pain.",
        tech=["myofascial_release"],
        cond=["low_back_pain"],
    ),
    # ---- Tampa, FL ----
    dict(
        slug="jose-ortega-tampa",
        kind="relevant",
        name="José Ortega, LMT",
        street="1000 W Kennedy Blvd, Suite 202",
        city="Tampa",
        state="FL",
        zip="33606",
        phone="(813) 555-0140",
        services=["Deep tissue massage", "Neuromuscular therapy"],
        about="Deep tissue and neuromuscular therapy for sciatica and herniated disc.",
        tech=["deep_tissue", "neuromuscular"],
        cond=["sciatica", "herniated_disc"],
    ),
    dict(
        slug="lotus-tide-day-spa-tampa",
        kind="spa",
        name="Lotus Tide Day Spa",
        street="400 N Ashley Dr, Suite 100",
        city="Tampa",
        state="FL",
        zip="33602",
        phone="813-555-0141",
        services=["Swedish massage", "Hot stone massage", "Aromatherapy"],
        about="Riverfront day spa with a rooftop plunge pool.",
    ),
    dict(
        slug="lotus-tide-day-spa-downtown-tampa",
        kind="spa",
        dup="lotus-tide-day-spa-tampa",
        name="LOTUS TIDE DAY SPA",
        street="400 N. Ashley Dr., Ste. 100",
        city="Tampa",
        state="FL",
        zip="33602",
        phone="(813) 555-0141",
        services=["Swedish massage", "Hot stone massage", "Aromatherapy"],
        about="Riverfront day spa. Rooftop plunge pool.",
    ),
    dict(
        slug="carmen-ruiz-tampa",
        kind="relevant",
        name="Carmen Ruiz, LMT",
        biz="Hyde Park Sports &amp; Stretch",
        street="1602 W Snow Ave",
        city="Tampa",
        state="FL",
        zip="33606",
        phone="813.555.0142",
        services=["Sports massage", "Assisted stretching", "Trigger point therapy"],
        about="Sports massage, stretching and trigger point therapy for low back pain.",
        tech=["sports", "stretching", "trigger_point"],
        cond=["low_back_pain"],
    ),
    dict(
        slug="bayshore-facial-bar-tampa",
        kind="spa",
        name="Bayshore Facial Bar",
        street="215 N Dale Mabry Hwy",
        city="Tampa",
        state="FL",
        zip="33609",
        phone="813.555.0143",
        services=["Facials", "Hot stone add-on"],
        about="Glow facials in 30, 50 or 80 minutes.",
    ),
    dict(
        slug="marguerite-leblanc-tampa",
        kind="negated",
        name="Marguerite Leblanc, LMT",
        street="4100 W Kennedy Blvd",
        city="Tampa",
        state="FL",
        zip="33609",
        phone="813-555-0144",
        services=["Swedish massage"],
        about="No deep tissue, no trigger point therapy &mdash; gentle Swedish only.",
    ),
    dict(
        slug="victor-anand-tampa",
        kind="relevant",
        name="Dr. Victor Anand, DC, LMT",
        street="201 E Kennedy Blvd, Suite 700",
        city="Tampa",
        state="FL",
        zip="33602",
        phone="+1 813 555 0145",
        services=["Medical massage", "Orthopedic massage"],
        about="Medical and orthopedic massage for herniated disc patients.",
        tech=["medical_massage", "orthopedic"],
        cond=["herniated_disc"],
    ),
    dict(
        slug="channelside-aromatherapy-spa-tampa",
        kind="spa",
        name="Channelside Aromatherapy Spa",
        street="615 Channelside Dr",
        city="Tampa",
        state="FL",
        zip="33602",
        phone="(813) 555-0146",
        services=["Aromatherapy massage", "Reflexology"],
        about="Essential-oil rituals by the water.",
    ),
    dict(
        slug="tyrone-gaskins-tampa",
        kind="relevant",
        name="TYRONE GASKINS LMT",
        street="3401 W Azeele St",
        city="Tampa",
        state="FL",
        zip="33609",
        phone="8135550147",
        services=["Deep tissue", "Myofascial release"],
        about="Deep tissue and myofascial release for sciatica and piriformis syndrome.",
        tech=["deep_tissue", "myofascial_release"],
        cond=["sciatica", "piriformis"],
    ),
]

# Cards that do not correspond to a generated profile page: (index in the card list, card).
EXTRA_CARDS = [
    (31, dict(name="Leo Marchand, LMT", href="/therapists/moved-away.html", city="Austin", state="TX")),  # 404
    (
        56,
        dict(
            name="Riverbend Massage (partner listing)",
            href="https://elsewhere.example.org/therapists/offsite.html",
            city="Portland",
            state="OR",
        ),
    ),  # off-site
]
CARDS_PER_PAGE = 12
ROBOTS_TXT = "User-agent: *\nDisallow: /admin/\nDisallow: /therapists/private-\n"

# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
</head>
<body>
<header class="site-header">
  <a class="brand" href="/">Example Massage Directory</a>
  <nav class="site-nav"><a href="/">Home</a> | <a href="/directory/page-1.html">Browse therapists</a></nav>
</header>
{body}
<footer class="site-footer">
  <p><a href="/blog/deep-tissue-myths.html">Blog: Deep tissue myths</a> · Gift cards available · © Example Massage Directory (fictional)</p>
</footer>
</body>
</html>
"""

INDEX_BODY = """<main class="home">
  <h1>Find a massage therapist near you</h1>
  <p>A fictional directory of massage therapists, spas and wellness businesses.</p>
  <p><a class="browse" href="/directory/page-1.html">Browse the directory</a></p>
</main>"""

CARD = """  <article class="listing-card">
    <h2 class="listing-name"><a class="listing-link" href="{href}">{name}</a></h2>
    <p class="listing-location">{city}, {state}</p>
  </article>"""

PROFILE_BODY = """<main class="profile">
  <h1 class="profile-name">{name}</h1>
{business}  <div class="contact">
{contact}  </div>
  <address class="address">
    <span class="street">{street}</span><br>
    <span class="city">{city}</span>, <span class="state">{state}</span> <span class="zip">{zip}</span>
  </address>
  <section class="services"><h2>Services</h2><ul>
{services}
  </ul></section>
  <section class="about"><h2>About</h2><p>{about}</p></section>
</main>"""

SITE = SAMPLES / "site"
TRUTH = SAMPLES / "site-truth.json"


def clean_text(snippet: str) -> str:
    """Tags removed, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", snippet)).split())


def phone_digits(phone: str | None) -> str | None:
    if not phone:
        return None
    digits = re.sub(r"\D", "", re.split(r"(?i)\s*ext", phone)[0])
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    assert len(digits) == 10, phone
    return digits


def render_profile(t: dict) -> str:
    business = f'  <p class="profile-business">{t["biz"]}</p>\n' if t.get("biz") else ""
    contact = ""
    if t.get("phone"):
        contact += f'    <span class="phone">{t["phone"]}</span>\n'
    if t.get("web"):
        shown = html.unescape(t["web"]).split("?")[0]
        contact += f'    <a class="website" href="{t["web"]}">{html.escape(shown)}</a>\n'
    if t.get("email"):
        contact += f'    <a class="email" href="mailto:{t["email"]}">{t["email"]}</a>\n'
    services = "\n".join(f"    <li>{s}</li>" for s in t["services"])
    body = PROFILE_BODY.format(
        name=t["name"],
        business=business,
        contact=contact,
        street=t["street"],
        city=t["city"],
        state=t["state"],
        zip=t.get("zip_shown") or t["zip"],
        services=services,
        about=t["about"],
    )
    title = html.escape(clean_text(t["name"]), quote=False) + " | Example Massage Directory"
    return PAGE.format(title=title, body=body)


def render_list_page(n: int, total: int, cards: list[dict]) -> str:
    links = []
    if n > 1:
        links.append(f'<a class="prev" rel="prev" href="page-{n - 1}.html">&laquo; Previous</a>')
    if n < total:
        links.append(f'<a class="next" rel="next" href="page-{n + 1}.html">Next &raquo;</a>')
    body = (
        f'<main class="directory">\n  <h1>Massage therapists &amp; spas</h1>\n'
        f'  <p class="page-info">Page {n} of {total}</p>\n'
        + "\n".join(CARD.format(**c) for c in cards)
        + (f'\n  <nav class="pagination">{" ".join(links)}</nav>' if links else "")
        + "\n</main>"
    )
    return PAGE.format(title=f"Directory, page {n} | Example Massage Directory", body=body)


def build() -> None:
    slugs = [t["slug"] for t in THERAPISTS]
    assert len(slugs) == len(set(slugs)), "duplicate slug"
    for t in THERAPISTS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", t["slug"]), t["slug"]
        assert t.get("dup") in (None, *slugs)

    if SITE.exists():
        shutil.rmtree(SITE)
    write_text(SITE / "robots.txt", ROBOTS_TXT)
    write_text(SITE / "index.html", PAGE.format(title="Example Massage Directory (fictional)", body=INDEX_BODY))

    truth = []
    for t in THERAPISTS:
        path = f"/therapists/{t['slug']}.html"
        write_text(SITE / path.lstrip("/"), render_profile(t))
        truth.append(
            {
                "slug": t["slug"],
                "path": path,
                "name": clean_text(t["name"]),
                "city": t["city"],
                "state": t["state"],
                "zip": t["zip"],
                "phone_digits": phone_digits(t.get("phone")),
                "kind": t["kind"],
                "techniques": sorted(t.get("tech", [])),
                "conditions": sorted(t.get("cond", [])),
                "duplicate_of": t.get("dup"),
                "robots_disallowed": bool(t.get("robots")),
            }
        )
    truth.sort(key=lambda r: r["slug"])
    write_text(TRUTH, json.dumps(truth, indent=2, ensure_ascii=False) + "\n")

    cards = [
        dict(name=t["name"], href=f"/therapists/{t['slug']}.html", city=t["city"], state=t["state"]) for t in THERAPISTS
    ]
    random.Random(42).shuffle(cards)
    for index, card in EXTRA_CARDS:
        cards.insert(index, card)
    pages = [cards[i : i + CARDS_PER_PAGE] for i in range(0, len(cards), CARDS_PER_PAGE)]
    for n, page_cards in enumerate(pages, start=1):
        write_text(SITE / "directory" / f"page-{n}.html", render_list_page(n, len(pages), page_cards))
    print(f"wrote {len(THERAPISTS)} profiles, {len(cards)} cards on {len(pages)} list pages, {TRUTH.name}")
