"""Ground truth of the snapshot PDF fixtures: ``CITIES``, one ``CityFixture`` per PDF.

Each city is written as the document it prints (``fixture_builder.CityBuilder``); the calls that
print a value also state its truth, so ``fixture.truth`` is the expected record (truth-file
conventions of ``fixtures/README.md``, without ``source``) and ``fixture.snapshot`` is what
``make_fixtures.py`` renders with ``fixture.style``.

Enschede prints the seed (``shared/seeds/enschede.txt``) word for word; its truth is the
hand-checked record of ``RECORD.md`` plus a grid classification chosen here. Every other city,
person, programme and web address is invented for testing; only the sentence families follow
the seed.

    from fixture_truth import CITIES, CITY_BY_SLUG
    CITY_BY_SLUG["enschede"].truth["overview"]["population"]  # 159000

``truth`` has every key of the expected file except ``source`` (it depends on the written
bytes; ``fixture_model.expected_record`` adds it), so a test can compare a parsed record with
``truth`` directly using the fixtures comparison rule. Importing this module needs neither
reportlab nor WeasyPrint.
"""

from __future__ import annotations

from collections.abc import Callable

from .fixture_builder import CityBuilder, Inline, Item, Peer, Said, T, items
from .fixture_model import CityFixture, GridStyle, Style

STANDARD_GRID = (
    ("Transport / Mobility", "transport_mobility"),
    ("Economic Development", "economic_development"),
    ("Housing", "housing"),
    ("Policing and Law Enforcement", "policing"),
    ("Health", "health"),
    ("Government Finance", "government_finance"),
    ("Waste and Sewage", "waste_sewage"),
    ("Labour Market and Skills", "labour_market"),
    ("Environment and Climate Change", "environment_climate"),
    ("Education", "education"),
    ("Culture", "culture"),
    ("Social Inclusion, Equity", "social_inclusion_equity"),
    ("Public Works", "public_works"),
    ("Tourism", "tourism"),
    ("Digital Governance", "digital_governance"),
)
EXTRA_GRID = (
    ("Social Welfare / Social Services", "social_welfare"),
    ("Land Use / Zoning", "land_use_zoning"),
    ("Blight", "blight"),
    ("Homelessness", "homelessness"),
    ("City Resilience", "resilience"),
)
OUTCOMES_INTRO = ("Policy areas **with sufficient data** or **without sufficient data** to "
                  "support innovation capacity in the city.")
STAFF_INTRO = "Staff skills and profiles include:"
ASSOCIATES = "The city most closely associates innovation capacity with:"


def grid_cells(areas: tuple[tuple[str, str | None], ...], without: set[str]
               ) -> tuple[tuple[str, str | None, bool], ...]:
    """Cells in printed order; ``without`` names the ids (or texts) lacking sufficient data."""
    return tuple((text, term_id, term_id not in without and text not in without)
                 for text, term_id in areas)


def bold(*pairs: tuple[str, str | None]) -> tuple[Item, ...]:
    return tuple(Item(text, term_id, bold=True) for text, term_id in pairs)


# --------------------------------------------------------------------------- Enschede (seed)


def enschede() -> CityFixture:
    city = CityBuilder("enschede", "Enschede", "ENSCHEDÉ", "The Netherlands", "NL", Style(
        producer="reportlab", page_size="A4", columns=1, font="Helvetica", bullets="zapf",
        justify=True, ligatures="none", heading_case="sentence", page_two="funding",
        accent="#0b6e69", tile_colour="#0b6e69", page_number="{page}",
        grid=GridStyle("fill", "#0b6e69", "#d9d9d9", "below", "square", 5, rounded=False)))
    city.overview(mayor="Onno van Veldhuizen", term=("2015–2021", 2015, 2021),
                  lead="Gerdien Looman", population=("159 000 (2019)", 159000, 2019),
                  websites=("https://kennispark.nl/en/", "https://novelt.com/en/"))
    with city.section("organisation") as s:
        s.para("{city}'s innovation work is **sprinkled throughout the municipality**, with "
               "**no dedicated staff** working specifically on building innovation capacity.",
               structure=T("dispersed"), dedicated_staff=False, staff_count=None)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Project Manager", "project_manager"), ("Data Scientist", "data_scientist"),
            ("Strategic Communications / Marketing", "communication_officer")))
    city.spotlight(
        "I4 Sociaal",
        "In the spirit of collaboration and knowledge sharing, Enschede has entered into an "
        "innovative partnership with other Dutch cities. The independent cooperative, named "
        "“Dimpact”, is designed to initiate and co-create innovative solutions for optimal "
        "public service delivery. The city has co-developed “I4 Sociaal”, a digital environment "
        "where residents can create a tailored public profile with their personal data. Based on "
        "these data, the municipality can offer targeted solutions and public information useful "
        "for users. The platform enables municipalities to provide residents with useful "
        "information about facilities and important regulations in a quick and efficient manner.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has **no formal innovation strategy**.",
               peer=Peer(50, "exact", "Like 50% of cities surveyed"), formal_strategy=False)
        s.para(ASSOCIATES)
        s.bullets("associations", bold(
            ("Experimentation, pilots and prototyping", "experimentation"),
            ("Data analytics", "data_analytics")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **both from a holistic / macro "
               "level and in specific areas**.",
               peer=Peer(50, "more_than", "Similar to more than half of cities surveyed"),
               scope=T("both"))
        s.para("The top two priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Social Welfare / Social Services", "social_welfare"),
            ("Digital Governance", "digital_governance")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline(items(
                   ("other public agencies", "public_agencies"), ("private firms", "private_sector"),
                   ("not-for-profit organisations", "non_profits"),
                   ("city residents/resident associations", "residents")), last=", and "))
        s.para("To **improve data use**, the city has also developed data partnerships with "
               "{data_partners[:3]}, to collect and analyse data, as well as with "
               "{data_partners[3:]}.",
               data_partners=Inline((
                   Item("private sector", "private_sector", lead="the "),
                   Item("academia", "academia"), Item("think tanks", "think_tanks"),
                   Item("other cities", "other_cities"))),
               data_activities=(T("collect"), T("analyse")))
    with city.section("funding") as s:
        s.para("{peer}, {city} has dedicated funding to support innovation capacity, which comes "
               "from the following sources:",
               peer=Peer(81, "exact", "Like 81% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("International/multilateral institution budget", "international"),
            ("Higher levels of government", "higher_government"),
            ("Municipal budget (operating budget / innovation investment fund in social domain)",
             "municipal_budget"),
            ("External (non-public) funding (academic or think tank resources)",
             "external_non_public"),
            ("Innovative financing tools", "innovative_financing")))
        s.para("{city}'s funding for innovation capacity is generally directed towards "
               "{directed_to}",
               directed_to=Inline((
                   Item("generating ideas and brainstorming", "generating_ideas", bold=True),
                   Item("investing in digital systems", "digital_systems"),
                   Item("investing in physical infrastructure", "physical_infrastructure"),
                   Item("paying for third-party services", "third_party_services")),
                   last=", and "))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Anticipating and managing future challenges", "anticipate_future"),
            ("Gaining efficiency within the public sector", "efficiency"),
            ("Improving service delivery", "service_delivery")), kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline((
                   Item("dedicated funding", "dedicated_funding", bold=True),
                   Item("focus on metrics", "measurement", lead="a "),
                   Item("culture of innovation within the municipal administration", "culture",
                        lead="a "),
                   Item("leadership from the Mayor", "mayor_leadership"))))
    with city.section("data") as s:
        s.para("Data plays a **significant role** in the decision-making and innovation efforts "
               "in {city}. The city has started **using data to {uses}**. Challenges preventing "
               "the use of data to support innovation goals include {challenges}.",
               role=T("significant"),
               uses=Said(("align its budget process with its strategic priorities",)),
               challenges=Inline((
                   Item("lack of technical infrastructure", "technical_infrastructure",
                        lead="a ", bold=True),
                   Item("insufficient staff capacity to collect and analyse data",
                        "staff_capacity", bold=True),
                   Item("limited compatibility of data across policy areas", "data_compatibility",
                        bold=True)), last=" as well as "))
        s.para("{city} maintains a **comprehensive data inventory** on some key topics and "
               "**publishes open data to a central, public online location**.",
               inventory=T("comprehensive_some_topics"), publishes_open_data=True)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID, {"policing", "labour_market", "culture",
                                          "social_inclusion_equity", "tourism"}))
    city.note("the seed's content word for word (page 2 starts at funding, as in the seed)")
    return city.build()


# --------------------------------------------------------------------------- Malmö


def malmo() -> CityFixture:
    city = CityBuilder("malmo", "Malmö", "MALMÖ", "Sweden", "SE", Style(
        producer="weasyprint", page_size="A4", columns=2, font="DejaVu Sans", bullets="unicode",
        justify=True, ligatures="font", heading_case="title", page_two="impact",
        accent="#17406d", tile_colour="#2f7d4f", footer="Innovation Capacity in Cities",
        page_number="{page} / {pages}",
        grid=GridStyle("text", "#1a7f37", "#c2410c", "above", "circle", 3)))
    city.overview(mayor="Annika Bergqvist", term=("2018–2022", 2018, 2022),
                  lead="Jonas Lindahl", population=("347,949 (2019)", 347949, 2019),
                  websites=("malmo.se/innovation", "https://open.malmo.se/"))
    with city.section("organisation") as s:
        s.para("{city} has an **independent department** for innovation, which **consists of "
               "12 staff** working on building innovation capacity.",
               structure=T("independent_department"), dedicated_staff=True, staff_count=12)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Project manager", "project_manager"), ("Designer", "designer"),
            ("Data analyst", "data_analyst"), ("Community engagement staff", "community_engagement"),
            ("Sociologist", "sociologist")))
    city.spotlight(
        "Malmö Innovation Arena",
        "Since the spring of 2016 the city has run the Malmö Innovation Arena, a neighbourhood laboratory where "
        "residents, civil servants and local firms co-create services for the districts of "
        "Rosengård and Seved. Teams work in twelve-week cycles: they map needs together with "
        "residents, build a first prototype, and test it in the field before the city decides "
        "whether to scale it up.",
        "A flexible fund covers the first prototypes, and the results are shared openly with "
        "other Swedish municipalities through the national innovation network.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has a **formal innovation strategy**.",
               peer=Peer(44, "exact", "Along with 44% of cities surveyed"), formal_strategy=True)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Human-centred design", "human_centred_design"),
            ("Resident engagement", "resident_engagement"),
            ("Hierarchy-busting", "hierarchy_busting")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **in specific policy areas / "
               "domains**.", peer=Peer(39, "exact", "Like 39% of cities surveyed"),
               scope=T("specific_areas"))
        s.para("The top three priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Social Inclusion, Equity", "social_inclusion_equity"), ("Housing", "housing"),
            ("Education", "education")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline(items(
                   ("academia", "academia"), ("not-for-profit organisations", "non_profits"),
                   ("city residents", "residents"), ("philanthropy", "philanthropy"))))
        s.para("To **improve data use**, the city has developed data partnerships with "
               "{data_partners} to collect, analyse and share data.",
               data_partners=Inline(items(("universities", "academia"),
                                          ("other cities", "other_cities"))),
               data_activities=(T("collect"), T("analyse"), T("share")))
    with city.section("funding") as s:
        s.para("{peer}, {city} has **dedicated funding** to support innovation capacity, which "
               "comes from the following sources:",
               peer=Peer(76, "exact", "Similar to 76% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Municipal budget", "municipal_budget"),
            ("Higher levels of government (national or regional government)",
             "higher_government"),
            ("External (non-public) funding (philanthropy)", "external_non_public")))
        s.para("Funding is mostly directed towards {directed_to}.",
               directed_to=Inline((
                   Item("testing and prototyping", "prototyping", bold=True),
                   Item("hiring and training staff", "staff"),
                   Item("generating ideas and brainstorming", "generating_ideas"))))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Improving resident outcomes", "resident_outcomes"),
            ("Engaging residents and other stakeholders", "engage_residents"),
            ("Resource efficiency", None)), kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline((
                   Item("engagement with partners", "partner_engagement", bold=True),
                   Item("support from outside the city administration", "outside_support"),
                   Item("dedicated innovation team", "innovation_team", lead="a "))))
    with city.section("data") as s:
        s.para("Data plays a **somewhat significant role** in the decision-making and innovation "
               "efforts in {city}. The city uses **data to {uses}**. Challenges preventing the "
               "use of data include {challenges}.",
               role=T("somewhat_significant"),
               uses=Said(("target services to the neighbourhoods that need them most",)),
               challenges=Inline(bold(("poor data quality", "data_quality"),
                                      ("privacy and legal constraints", "privacy_legal"))))
        s.para("{city} maintains a **partial data inventory** and **publishes open data to a "
               "central, public online location**.",
               inventory=T("partial"), publishes_open_data=True)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID, {"policing", "government_finance", "waste_sewage",
                                          "tourism", "public_works", "culture"}))
    city.note("unmapped benefit 'Resource efficiency'; data partners by alias ('universities')")
    return city.build()


# --------------------------------------------------------------------------- Bogotá


def bogota() -> CityFixture:
    city = CityBuilder("bogota", "Bogotá", "BOGOTÁ", "Colombia", "CO", Style(
        producer="weasyprint", page_size="Letter", columns=1, font="DejaVu Serif",
        bullets="unicode", justify=False, ligatures="font", heading_case="upper",
        page_two="partnerships", accent="#1f3b73", tile_colour="#c2410c", header_lines=2,
        glyphs=("▶", "▪", "✔"),
        page_number="Page {page} of {pages}",
        grid=GridStyle("fill", "#1f3b73", "#cfe0f5", "above", "bar", 4, rounded=False)))
    city.overview(mayor="Laura Camacho Rincón", term=("2020–2023", 2020, 2023),
                  lead="Andrés Felipe Gómez", population=("7.41 million (2018)", 7410000, 2018),
                  websites=("https://www.bogota.gov.co/", "datosabiertos.bogota.gov.co"))
    with city.section("organisation") as s:
        s.para("{city}'s innovation work is led by a **dedicated team in the Mayor's office**, "
               "with **8 staff members** working on building innovation capacity.",
               structure=T("mayors_office"), dedicated_staff=True, staff_count=8)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Economist", "economist"), ("Urban planner", "urban_planner"),
            ("Data scientist", "data_scientist"),
            ("Software developer (front-end and back-end)", "software_developer")))
    city.spotlight(
        "LabCapital",
        "LabCapital is the city’s public innovation laboratory. It tests new ways of delivering "
        "services with the people who use them, from school meal deliveries to permits for "
        "street vendors. In 2019 the lab ran an open call in which 1,200 residents proposed "
        "improvements to the TransMilenio bus network; twelve of the proposals were piloted "
        "within six months, and four have since become part of the network’s standard "
        "operating rules.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has a **formal innovation strategy**.",
               peer=Peer(67, "about", "Similar to nearly two-thirds of cities surveyed"),
               formal_strategy=True)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Inter-sectoral and inter-jurisdictional collaboration", "collaboration"),
            ("Technological innovation", "technological_innovation"),
            ("Foresight, scenario planning", "foresight")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **from a holistic / macro level**.",
               peer=Peer(33, "exact", "Like 33% of cities surveyed"), scope=T("holistic"))
        s.para("The top two priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Transport / Mobility", "transport_mobility"), ("Public Works", "public_works")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline((
                   Item("other public agencies", "public_agencies"),
                   Item("private sector", "private_sector", lead="the "),
                   Item("academia", "academia"), Item("think tanks", "think_tanks")),
                   last=" as well as "))
        s.para("To **improve data use**, the city has developed data partnerships with "
               "{data_partners} to **share data**.",
               data_partners=Inline(items(("private firms", "private_sector"),
                                          ("universities", "academia"))),
               data_activities=(T("share"),))
    with city.section("funding") as s:
        s.para("{peer}, {city} has **dedicated funding** for innovation capacity. It comes from:",
               peer=Peer(72, "exact", "Along with 72% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Municipal budget", "municipal_budget"),
            ("International / multilateral institution budget", "international"),
            ("Innovative financing tools (social impact bonds)", "innovative_financing")))
        s.para("This funding is directed towards {directed_to}.",
               directed_to=Inline((
                   Item("investing in digital systems", "digital_systems", bold=True),
                   Item("paying for third-party services", "third_party_services"))))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Improving service delivery", "service_delivery"),
            ("Simplifying administrative procedures for firms and residents",
             "simplify_procedures"),
            ("Improving internal government operations", "internal_operations")), kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline((
                   Item("leadership from the Mayor", "mayor_leadership", bold=True),
                   Item("dedicated funding", "dedicated_funding", bold=True),
                   Item("culture of innovation in the city", "culture", lead="a "))))
    with city.section("data") as s:
        s.para("Data plays a **significant role** in decision-making in {city}. The city is "
               "**using data to {uses}**. Challenges include {challenges}.",
               role=T("significant"),
               uses=Said(("monitor the performance of its public transport network",)),
               challenges=Inline((
                   Item("limited access to data held by other organisations", "data_access",
                        bold=True),
                   Item("lack of funding for data work", "funding", lead="a "),
                   Item("poor data quality", "data_quality"))))
        s.para("{city} maintains a **comprehensive data inventory on all key topics** and "
               "**publishes open data** on a central, public portal.",
               inventory=T("comprehensive_all_topics"), publishes_open_data=True)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID + EXTRA_GRID[:1],
                          {"housing", "policing", "labour_market", "culture", "tourism",
                           "waste_sewage", "social_welfare"}))
    city.note("4-column grid of 16 cells; curly apostrophes in the spotlight text")
    return city.build()


# --------------------------------------------------------------------------- Kraków


def krakow() -> CityFixture:
    city = CityBuilder("krakow", "Kraków", "KRAKÓW", "Poland", "PL", Style(
        producer="reportlab", page_size="A4", columns=2, font="Times", bullets="zapf",
        justify=True, ligatures="none", heading_case="sentence", numbered=True,
        page_two="outcomes", accent="#7a1f2b", tile_colour="#7a1f2b", colour_space="cmyk",
        page_number="Page {page}",
        grid=GridStyle("text", "#1e3a8a", "#8a8f98", "below", "square", 3,
                       neutral_fill="#eeeeee")))
    city.overview(mayor="Tomasz Nowicki", term=("2018–2023", 2018, 2023), lead="Agnieszka Kowal",
                  population=("779.115 (2019)", 779115, 2019),
                  websites=("https://www.krakow.pl/innowacje/", "otwartedane.krakow.pl"))
    with city.section("organisation") as s:
        s.para("{city} has a **dedicated team within a department** (the Department of Strategy "
               "and Development) that **consists of 5 staff**.",
               structure=T("within_department"), dedicated_staff=True, staff_count=5)
        s.para("Staff skills and profiles include {staff_skills}.",
               staff_skills=Inline((
                   Item("project managers", "project_manager"),
                   Item("data analysts", "data_analyst"),
                   Item("legal expert", "legal_expert", lead="a "))))
    city.spotlight(
        "Open Budget Kraków",
        "Every year, residents of Kraków decide how part of the municipal budget is spent. The "
        "city redesigned its participatory budget around open data: each proposal is published "
        "with its estimated cost, its location on the city map and the results of a feasibility "
        "check by the relevant department. Residents can follow every project from the first "
        "idea to the finished playground, bicycle lane or library, and the city reports publicly "
        "on delays and cost overruns.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has a **formal innovation strategy**.",
               peer=Peer(33, "more_than", "Along with over one-third of cities surveyed"),
               formal_strategy=True)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Technological innovation", "technological_innovation"),
            ("Data analytics", "data_analytics"),
            ("Big picture re-thinking", "big_picture_rethinking")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **both from a holistic / macro "
               "level and in specific areas**.",
               peer=Peer(40, "exact", "Like 40% of cities surveyed"), scope=T("both"))
        s.para("The top two priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Environment and Climate Change", "environment_climate"),
            ("Transport / Mobility", "transport_mobility")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline((
                   Item("academia", "academia"),
                   Item("private sector", "private_sector", lead="the "),
                   Item("other cities", "other_cities"))))
        s.para("To **improve data use**, the city has developed data partnerships with "
               "{data_partners} to **collect data**.",
               data_partners=Inline(items(("academia", "academia"))),
               data_activities=(T("collect"),))
    with city.section("funding") as s:
        s.para("{peer}, {city} has dedicated funding to support innovation capacity, which comes "
               "from the following sources:",
               peer=Peer(81, "exact", "Like 81% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Higher levels of government", "higher_government"),
            ("Municipal budget (operating budget)", "municipal_budget")))
        s.para("{city}'s funding for innovation capacity is generally directed towards "
               "{directed_to}.",
               directed_to=Inline(items(
                   ("investing in physical infrastructure", "physical_infrastructure"),
                   ("investing in digital systems", "digital_systems"),
                   ("testing and prototyping", "prototyping"))))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Anticipate and manage future challenges", "anticipate_future"),
            ("Generate new sources of revenue", "new_revenue")), kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline(bold(("leadership from the Mayor", "mayor_leadership"),
                                           ("dedicated funding", "dedicated_funding"))))
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID, {"housing", "health", "labour_market", "education",
                                          "tourism", "culture", "digital_governance"}))
    city.note("section 'How is data used?' missing (missing_section on data); staff skills as "
              "an inline list with plurals; CMYK colours")
    return city.build()


# --------------------------------------------------------------------------- Besançon


def besancon() -> CityFixture:
    city = CityBuilder("besancon", "Besançon", "BESANÇON", "France", "FR", Style(
        producer="weasyprint", page_size="A4", columns=1, font="DejaVu Sans Condensed",
        bullets="unicode", justify=True, ligatures="none", heading_case="sentence", curly=True,
        page_two="data", accent="#5b21b6", tile_colour="#5b21b6", hyphen_char="-",
        glyphs=("►", "–", "✓"),
        page_number="– {page} –",
        grid=GridStyle("fill", "#6d28d9", "#ede9fe", "below", "square", 5)))
    city.overview(mayor="Claire Morel", term=("2020-2026", 2020, 2026), lead="Julien Faivre",
                  population=("116\u00a0466 (2017)", 116466, 2017),
                  websites=("https://www.grandbesancon.fr/innovation/",))
    with city.section("organisation") as s:
        s.para("In {city}, innovation work is **spread across departments**, with **no "
               "dedicated staff** working specifically on building innovation capacity.",
               structure=T("dispersed"), dedicated_staff=False, staff_count=None)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Project manager", "project_manager"),
            ("Communication officer", "communication_officer"),
            ("Legal expert", "legal_expert")))
    city.spotlight(
        "Fab Lab des Tilleuls",
        "Housed in a former watch-making workshop, the Fab Lab des Tilleuls lets residents, "
        "students and municipal technicians repair, design and prototype together. The city "
        "uses the workshop to test low-cost improvements to public spaces – benches, signage, "
        "bicycle racks – with the people who use them before ordering them at scale. "
        "Responsibility for the lab is shared between the culture and urban planning services, "
        "and its volunteers run weekly repair cafés that keep around two tonnes of household "
        "appliances out of the waste stream each year.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has **no formal innovation strategy**.",
               peer=Peer(50, "exact", "Similar to half of cities surveyed"),
               formal_strategy=False)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Resident engagement", "resident_engagement"), ("Experimentation", "experimentation")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **in specific policy areas / "
               "domains**.",
               peer=Peer(50, "more_than", "Similar to more than half of cities surveyed"),
               scope=T("specific_areas"))
        s.para("The top three priority policy areas for the city’s innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Culture", "culture"), ("Tourism", "tourism"),
            ("Environment and Climate Change", "environment_climate")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline(items(
                   ("not-for-profit organisations", "non_profits"),
                   ("city residents / resident associations", "residents"))))
        s.para("To **improve data use**, the city has developed data partnerships with "
               "{data_partners} to collect and share data.",
               data_partners=Inline(items(("other public agencies", "public_agencies"))),
               data_activities=(T("collect"), T("share")))
    with city.section("funding") as s:
        s.para("{peer}, {city} has **no dedicated funding** to support innovation capacity.",
               peer=Peer(19, "exact", "Like 19% of cities surveyed"), dedicated=False)
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Improving service delivery", "service_delivery"),
            ("Serving current obligations", "current_obligations"),
            ("Engaging residents and other stakeholders", "engage_residents")), kind="check")
        s.para("The most critical success factors in supporting the city’s innovation work are "
               "{success_factors}.",
               success_factors=Inline((
                   Item("culture of innovation in the city", "culture", lead="a ", bold=True),
                   Item("human resource support", "hr_support"),
                   Item("engagement with partners", "partner_engagement"))))
    with city.section("data") as s:
        s.para("Data plays a **limited role** in the decision-making and innovation efforts in "
               "{city}. The city has started **using data to {uses}**. Challenges preventing the "
               "use of data include {challenges}.",
               role=T("limited"),
               uses=Said(("plan its cultural programme around visitor numbers",)),
               challenges=Inline((
                   Item("insufficient staff capacity to collect and analyse data",
                        "staff_capacity", bold=True),
                   Item("lack of funding for data work", "funding", lead="a "))))
        s.para("{city} has a **partial data inventory** and does **not publish open data** to a "
               "central, public online location.",
               inventory=T("partial"), publishes_open_data=False)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID, {"transport_mobility", "policing", "health",
                                          "government_finance", "labour_market", "education",
                                          "public_works", "digital_governance"}))
    city.note("no dedicated funding (sources/directed_to empty); population with a no-break "
              "space; term with an ASCII hyphen")
    return city.build()


# --------------------------------------------------------------------------- São Paulo


def sao_paulo() -> CityFixture:
    city = CityBuilder("sao-paulo", "São Paulo", "SÃO PAULO", "Brazil", "BR", Style(
        producer="weasyprint", page_size="A4", columns=2, font="DejaVu Serif",
        bullets="unicode", justify=True, ligatures="font", heading_case="title",
        page_two="funding", accent="#0f5f5a", tile_colour="#b45309", header_lines=2,
        page_number="{page}",
        grid=GridStyle("text", "#0f766e", "#be123c", "below", "bar", 3)))
    city.overview(mayor="Ricardo Tavares Lima", term=("2017 – 2020", 2017, 2020),
                  lead="Beatriz Nakamura", population=("12.18 million (2019)", 12180000, 2019),
                  websites=("https://www.prefeitura.sp.gov.br/inovacao",
                            "http://dados.prefeitura.sp.gov.br/"))
    with city.section("organisation") as s:
        s.para("{city}'s innovation team is an **independent body**, with **23 staff members** "
               "working on building innovation capacity.",
               structure=T("independent_department"), dedicated_staff=True, staff_count=23)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Designer", "designer"), ("Software developer", "software_developer"),
            ("Blockchain specialist", None), ("Business analyst", "business_analyst"),
            ("Engineer", "engineer")))
    city.spotlight(
        "011.lab",
        "011.lab is the city’s innovation laboratory for public services. Working with "
        "front-line staff, it redesigned the process for registering small businesses, cutting "
        "the average waiting time from several weeks to two days. The lab’s method – listen, "
        "co-design, prototype, measure – is now taught to civil servants across the municipal "
        "administration, and its field researchers spend part of every project in the service "
        "centres where residents actually meet the city.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has a **formal innovation strategy**.",
               peer=Peer(64, "exact", "Like 64% of cities surveyed"), formal_strategy=True)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Human-centered design or other iterative design methods", "human_centred_design"),
            ("Behavioural insights", "behavioural_economics"), ("Bold leadership", "bold_leadership")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **from a holistic / macro level**.",
               peer=Peer(25, "less_than", "Like fewer than a quarter of cities surveyed"),
               scope=T("holistic"))
        s.para("The top two priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(("Health", "health"),
                                               ("Homelessness", "homelessness")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline(items(
                   ("private firms", "private_sector"), ("philanthropy", "philanthropy"),
                   ("other public agencies", "public_agencies"))))
        s.para("To **improve data use**, the city has also developed data partnerships with "
               "{data_partners} to collect and analyse data.",
               data_partners=Inline(items(("think tanks", "think_tanks"),
                                          ("academia", "academia"))),
               data_activities=(T("collect"), T("analyse")))
    with city.section("funding") as s:
        s.para("{peer}, {city} has dedicated funding to support innovation capacity, which comes "
               "from the following sources:",
               peer=Peer(88, "exact", "Like 88% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Municipal budget (innovation investment fund)", "municipal_budget"),
            ("External (non-public) funding (private sector)", "external_non_public"),
            ("Higher levels of government", "higher_government")))
        s.para("{city}'s funding for innovation capacity is generally directed towards "
               "{directed_to}.",
               directed_to=Inline(items(
                   ("hiring and training staff", "staff"),
                   ("testing and prototyping", "prototyping"),
                   ("investing in digital systems", "digital_systems")), last=", and "))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Gaining efficiency within the public sector", "efficiency"),
            ("Improving resident outcomes", "resident_outcomes")), kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline((
                   Item("dedicated innovation team", "innovation_team", lead="a ", bold=True),
                   Item("leadership from the Mayor", "mayor_leadership"),
                   Item("focus on measurement", "measurement", lead="a "))))
    with city.section("data") as s:
        s.para("Data plays a **significant role** in the decision-making and innovation efforts "
               "in {city}. The city is using **data to {uses}**. Challenges preventing the use "
               "of data include {challenges}.",
               role=T("significant"),
               uses=Said(("allocate health staff to the districts with the longest waiting "
                          "times",)),
               challenges=Inline((
                   Item("poor data quality", "data_quality", bold=True),
                   Item("limited compatibility of data across policy areas",
                        "data_compatibility"))))
        s.para("{city} maintains a **comprehensive data inventory on all key topics** and "
               "**publishes open data to a central, public online location**.",
               inventory=T("comprehensive_all_topics"), publishes_open_data=True)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID + EXTRA_GRID[1:4],
                          {"economic_development", "waste_sewage", "culture", "tourism",
                           "land_use_zoning", "blight", "homelessness"}))
    city.note("unmapped staff skill 'Blockchain specialist'; 18-cell grid; an 'http://' website")
    return city.build()


# --------------------------------------------------------------------------- Louisville


def louisville() -> CityFixture:
    city = CityBuilder("louisville", "Louisville", "LOUISVILLE", "United States", "US", Style(
        producer="weasyprint", page_size="Letter", columns=1, font="DejaVu Sans",
        bullets="unicode", justify=False, ligatures="font", heading_case="title", american=True,
        page_two="funding", accent="#9a3412", tile_colour="#1d4ed8",
        footer="City Innovation Snapshot · Innovation Capacity in Cities",
        page_number="{page}",
        grid=GridStyle("fill", "#ea580c", "#e5e7eb", "above", "square", 5)))
    city.overview(mayor="Daniel R. Hollis", term=("2011–2022", 2011, 2022), lead="Marcus Reed",
                  population=("617,638 (2017)", 617638, 2017),
                  websites=("louisvilleky.gov/government/performance-improvement",
                            "https://data.louisvilleky.gov/"))
    with city.section("organisation") as s:
        s.para("{city} has a **dedicated team in the City Manager's office** with **9 staff "
               "members** working on building innovation capacity.",
               structure=T("city_managers_office"), dedicated_staff=True, staff_count=9)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Data analyst", "data_analyst"),
            ("Corporate improvement staff", "corporate_improvement"),
            ("Business analyst", "business_analyst"),
            ("Computer scientist", "computer_scientist")))
    city.spotlight(
        "Breathe Louisville",
        "Louisville equipped 300 volunteers with low-cost air-quality sensors and combined their "
        "readings with hospital admissions data. The analysis showed where asthma attacks "
        "clustered along freight corridors, and the city used it to re-route heavy trucks, plant "
        "trees along the worst-affected streets and target home visits by community health "
        "workers. Emergency room visits for asthma in the pilot neighborhoods fell by more than "
        "a quarter within two years.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has a **formal innovation strategy**.",
               peer=Peer(61, "exact", "Like 61% of cities surveyed"), formal_strategy=True)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Data analytics", "data_analytics"), ("Behavioral economics", "behavioural_economics"),
            ("Human-centered design", "human_centred_design")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **both from a holistic / macro "
               "level and in specific areas**.",
               peer=Peer(50, "more_than", "Similar to more than half of cities surveyed"),
               scope=T("both"))
        s.para("The top two priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Economic Development", "economic_development"),
            ("Labor Market and Skills", "labour_market")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline(items(
                   ("non-profit organizations", "non_profits"),
                   ("private philanthropy", "philanthropy"), ("academia", "academia"),
                   ("other cities", "other_cities"))))
        s.para("To **improve data use**, the city has also developed data partnerships with "
               "{data_partners} to analyze data.",
               data_partners=Inline((
                   Item("universities", "academia"),
                   Item("private sector", "private_sector", lead="the "),
                   Item("think tanks", "think_tanks"))),
               data_activities=(T("analyse"),))
    with city.section("funding") as s:
        s.para("{peer}, {city} has dedicated funding to support innovation capacity, which comes "
               "from the following sources:",
               peer=Peer(81, "exact", "Along with 81% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Municipal budget", "municipal_budget"), ("Philanthropy", "external_non_public"),
            ("Higher levels of government", "higher_government")))
        s.para("{city}'s funding for innovation capacity is generally directed towards "
               "{directed_to}.",
               directed_to=Inline(items(("hiring and training staff", "staff"),
                                        ("paying for third-party services",
                                         "third_party_services"))))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Saving costs and improving efficiency within the public sector", "efficiency"),
            ("Improving internal government operations", "internal_operations"),
            ("Improving resident outcomes", "resident_outcomes")), kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline((
                   Item("focus on measurement", "measurement", lead="a ", bold=True),
                   Item("leadership from the Mayor", "mayor_leadership"),
                   Item("human resource support", "hr_support"))))
    with city.section("data") as s:
        s.para("Data plays a **significant role** in the decision-making and innovation efforts "
               "in {city}. The city has started **using data to {uses}**. Challenges preventing "
               "the use of data include {challenges}.",
               role=T("significant"),
               uses=Said(("decide which streets to repave first",)),
               challenges=Inline((
                   Item("limited access to data held by other organizations", "data_access",
                        bold=True),
                   Item("privacy and legal constraints", "privacy_legal"))))
        s.para("{city} maintains a **comprehensive data inventory on all key topics** and "
               "**publishes open data to a central, public online location**.",
               inventory=T("comprehensive_all_topics"), publishes_open_data=True)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID, {"housing", "waste_sewage", "culture", "tourism"}))
    city.note("American spelling in headings and items ('organizational', 'Labor', "
              "'organizations', 'analyze'); footer text on every page")
    return city.build()


# --------------------------------------------------------------------------- Montréal


def montreal() -> CityFixture:
    city = CityBuilder("montreal", "Montréal", "MONTRÉAL", "Canada", "CA", Style(
        producer="weasyprint", page_size="Letter", columns=2, font="DejaVu Sans Condensed",
        bullets="unicode", justify=False, ligatures="font", heading_case="upper",
        page_two="impact", accent="#14532d", tile_colour="#14532d",
        glyphs=("►", "•", "✔"),
        page_number="{page} / {pages}",
        grid=GridStyle("fill", "#15803d", "#fbbf24", "below", "circle", 3)))
    city.overview(mayor="Sophie Gagnon-Leblanc", term=("2017–2021", 2017, 2021),
                  lead="Mathieu Tremblay", population=("1,704,694", 1704694, None),
                  websites=("https://laboratoireurbain.montreal.ca/", "donnees.montreal.ca"))
    with city.section("organisation") as s:
        s.para("{city}'s innovation work is **situated in the Mayor's office**, with a team of "
               "**15 dedicated staff**.",
               structure=T("mayors_office"), dedicated_staff=True, staff_count=15)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Urban planner", "urban_planner"), ("Designer", "designer"),
            ("Community engagement staff", "community_engagement")))
    with city.section("vision") as s:
        s.para("{peer}, {city} has a **formal innovation strategy**.",
               peer=Peer(56, "exact", "Like 56% of cities surveyed"), formal_strategy=True)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Collaboration", "collaboration"), ("Experimentation", "experimentation"),
            ("Resident engagement", "resident_engagement")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **both from a holistic / macro "
               "level and in specific areas**.",
               peer=Peer(50, "more_than", "Similar to more than half of cities surveyed"),
               scope=T("both"))
        s.para("The top three priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Social Inclusion and Equity", "social_inclusion_equity"),
            ("Land Use / Zoning", "land_use_zoning"), ("City Resilience", "resilience")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline(items(
                   ("city residents / resident associations", "residents"),
                   ("not-for-profit organisations", "non_profits"), ("academia", "academia"))))
        s.para("{city} has **not developed data partnerships** to improve data use.")
    with city.section("funding") as s:
        s.para("{peer}, {city} has dedicated funding to support innovation capacity, which comes "
               "from the following sources:",
               peer=Peer(81, "exact", "Like 81% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Municipal budget", "municipal_budget"),
            ("Higher levels of government", "higher_government"),
            ("International / multilateral institution budget", "international")))
        s.para("{city}'s funding for innovation capacity is generally directed towards "
               "{directed_to}.",
               directed_to=Inline(items(
                   ("generating ideas and brainstorming", "generating_ideas"),
                   ("hiring and training staff", "staff"),
                   ("testing and prototyping", "prototyping")), last=", and "))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Engage residents and other stakeholders", "engage_residents"),
            ("Improve resident outcomes", "resident_outcomes"),
            ("Anticipate and manage future challenges", "anticipate_future")), kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline((
                   Item("engagement with partners", "partner_engagement", bold=True),
                   Item("dedicated innovation staff position", "innovation_staff_position",
                        lead="a "),
                   Item("support from outside the city administration", "outside_support"))))
    with city.section("data") as s:
        s.para("Data plays a **somewhat significant role** in the decision-making and innovation "
               "efforts in {city}. The city has started **using data to {uses}**. Challenges "
               "preventing the use of data include {challenges}.",
               role=T("somewhat_significant"),
               uses=Said(("measure the reach of its public consultations",)),
               challenges=Inline((
                   Item("limited compatibility of data across policy areas",
                        "data_compatibility", bold=True),
                   Item("lack of technical infrastructure", "technical_infrastructure",
                        lead="a "))))
        s.para("{city} maintains a **comprehensive data inventory on some key topics** and "
               "**publishes open data to a central, public online location**.",
               inventory=T("comprehensive_some_topics"), publishes_open_data=True)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID, {"housing", "policing", "government_finance",
                                          "education", "public_works"}))
    city.note("no Spotlight (missing_section on spotlight); no data partnerships; population "
              "without a year; mayor with a real hyphen (Gagnon-Leblanc)")
    return city.build()


# --------------------------------------------------------------------------- Bristol


def bristol() -> CityFixture:
    city = CityBuilder("bristol", "Bristol", "BRISTOL", "United Kingdom", "GB", Style(
        producer="reportlab", page_size="A4", columns=1, font="DejaVuSans", bullets="unicode",
        justify=True, ligatures="codepoint", heading_case="sentence", page_two="partnerships",
        accent="#831843", tile_colour="#0f766e", header_lines=2, page_number="Page {page}",
        grid=GridStyle("fill", "#be185d", "#fce7f3", "above", "bar", 4)))
    city.overview(mayor="Helen Ashworth", term=("2016–2024", 2016, 2024), lead=None,
                  population=("463,400 (2018)", 463400, 2018),
                  websites=("www.bristol.gov.uk/innovation", "https://opendata.bristol.gov.uk/"))
    with city.section("organisation") as s:
        s.para("{city}'s innovation work sits with a **dedicated team within a department** "
               "(Digital Transformation), with **6 staff members** working on building "
               "innovation capacity.",
               structure=T("within_department"), dedicated_staff=True, staff_count=6)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Engineer", "engineer"), ("Health professional", "health_professional"),
            ("Economics and policy expert", "economist"), ("Data analyst", "data_analyst")),
            separator=";")
    city.spotlight(
        "Bristol Living Lab",
        "The Bristol Living Lab brings together the city council, both universities and "
        "residents of Knowle West to co-create and test sensing technologies in real homes. "
        "Families helped to design low-cost damp and temperature sensors, and their findings "
        "shaped the city’s programme of energy-efficiency grants. The lab’s approach of "
        "“making sense together” has since been used to tackle fuel poverty, flooding and air "
        "pollution, and its open hardware designs are published for other cities to reuse.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has a **formal innovation strategy**.",
               peer=Peer(47, "exact", "Like 47% of cities surveyed"), formal_strategy=True)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Big picture re-thinking", "big_picture_rethinking"),
            ("Hierarchy-busting", "hierarchy_busting"), ("Bold leadership", "bold_leadership")),
            separator=";")
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **from a holistic / macro level**.",
               peer=Peer(50, "exact", "Like half of cities surveyed"), scope=T("holistic"))
        s.para("The top three priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("City Resilience", "resilience"), ("Health", "health"),
            ("Digital Governance", "digital_governance")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline((
                   Item("other public agencies", "public_agencies"),
                   Item("universities", "academia"), Item("philanthropy", "philanthropy"),
                   Item("private sector", "private_sector", lead="the "))))
        s.para("To **improve data use**, the city has also developed data partnerships with "
               "{data_partners}, to collect, analyse and share data.",
               data_partners=Inline((
                   Item("private sector", "private_sector", lead="the "),
                   Item("other cities", "other_cities"), Item("academia", "academia"))),
               data_activities=(T("collect"), T("analyse"), T("share")))
    with city.section("funding") as s:
        s.para("{peer}, {city} has dedicated funding to support innovation capacity, which comes "
               "from the following sources:",
               peer=Peer(81, "exact", "Like 81% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Higher levels of government", "higher_government"),
            ("Municipal budget", "municipal_budget"),
            ("External (non-public) funding", "external_non_public"),
            ("Innovative financing tools (crowdfunding)", "innovative_financing")))
        s.para("{city}'s funding for innovation capacity is generally directed towards "
               "{directed_to}.",
               directed_to=Inline((
                   Item("investing in digital systems", "digital_systems", bold=True),
                   Item("paying for third-party services", "third_party_services"))))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Improving service delivery", "service_delivery"),
            ("Generating new sources of revenue", "new_revenue"),
            ("Simplifying administrative procedures for firms and residents",
             "simplify_procedures")), kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline((
                   Item("leadership from the Mayor", "mayor_leadership", bold=True),
                   Item("dedicated innovation team", "innovation_team", lead="a "),
                   Item("dedicated funding", "dedicated_funding"))))
    with city.section("data") as s:
        s.para("Data plays a **significant role** in the decision-making and innovation efforts "
               "in {city}. The city has started **using data to {uses}**. Challenges preventing "
               "the use of data to support innovation goals include {challenges}.",
               role=T("significant"),
               uses=Said(("target its home-insulation grants at the coldest, dampest homes",)),
               challenges=Inline((
                   Item("lack of funding for data work", "funding", lead="a ", bold=True),
                   Item("privacy and legal constraints", "privacy_legal"))))
        s.para("{city} maintains a **comprehensive data inventory** on some key topics and "
               "**publishes open data to a central, public online location**.",
               inventory=T("comprehensive_some_topics"), publishes_open_data=True)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID, {"policing", "waste_sewage", "labour_market",
                                          "tourism"}))
    city.note("4-column grid of 15 cells (partial last row); no Innovation Lead line (null); bullets ending in ';' and '.'; explicit U+FB01 / "
              "U+FB02 ligature code points in body text")
    return city.build()


# --------------------------------------------------------------------------- Tallinn


def tallinn() -> CityFixture:
    city = CityBuilder("tallinn", "Tallinn", "TALLINN", "Estonia", "EE", Style(
        producer="reportlab", page_size="A4", columns=2, font="Helvetica", bullets="zapf",
        justify=False, ligatures="none", heading_case="title", question_mark=False,
        page_two="data", accent="#0e4f66", tile_colour="#0e7490", glyphs=("➢", "◆", "✓"),
        footer="Innovation Capacity in Cities", page_number="{page}",
        grid=GridStyle("text", "#0e7490", "#dc2626", "below", "circle", 3, rounded=False)))
    city.overview(mayor="Kristjan Saar", term=("2019–2023", 2019, 2023), lead="Liis Tamm",
                  population=("437,619", 437619, None),
                  websites=("https://www.tallinn.ee/eng/innovation", "avaandmed.tallinn.ee"))
    with city.section("organisation") as s:
        s.para("{city} has **no dedicated team** for innovation and **no dedicated staff** "
               "working specifically on building innovation capacity.",
               structure=T("no_dedicated_team"), dedicated_staff=False, staff_count=None)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Software developer", "software_developer"), ("Data analyst", "data_analyst"),
            ("Project manager", "project_manager")))
    city.spotlight(
        "Open Transit Tallinn",
        "Public transport in Tallinn has been free for registered residents since 2013. To plan "
        "the network, the city publishes the real-time position of every bus and tram as open "
        "data, and local developers have built journey planners and accessibility apps on top "
        "of it. Passenger counts from the ticket validators feed a weekly dashboard that the "
        "transport department uses to adjust timetables and to decide where new routes are "
        "needed.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has **no formal innovation strategy**.",
               peer=Peer(50, "about", "Along with almost half of cities surveyed"),
               formal_strategy=False)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Technological innovation", "technological_innovation"),
            ("Data analytics", "data_analytics")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **in specific policy areas / "
               "domains**.", peer=Peer(39, "exact", "Like 39% of cities surveyed"),
               scope=T("specific_areas"))
        s.para("The top two priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Transport / Mobility", "transport_mobility"),
            ("Digital Governance", "digital_governance")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline((
                   Item("private sector", "private_sector", lead="the "),
                   Item("academia", "academia"))))
        s.para("To **improve data use**, the city has also developed data partnerships with "
               "{data_partners} to collect and analyse data.",
               data_partners=Inline(items(("private firms", "private_sector"))),
               data_activities=(T("collect"), T("analyse")))
    with city.section("funding") as s:
        s.para("{peer}, {city} has dedicated funding to support innovation capacity, which comes "
               "from the following sources:",
               peer=Peer(67, "exact", "Like 67% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Higher levels of government (national or regional government)",
             "higher_government"),
            ("International / multilateral institution budget", "international"),
            ("Municipal budget", "municipal_budget")))
        s.para("{city}'s funding for innovation capacity is generally directed towards "
               "{directed_to}.",
               directed_to=Inline(items(
                   ("investing in digital systems", "digital_systems"),
                   ("paying for third-party services", "third_party_services"),
                   ("hiring and training staff", "staff"))))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Improve service delivery", "service_delivery"),
            ("Simplify administrative procedures for firms and residents",
             "simplify_procedures"),
            ("Save costs and improve efficiency within the public sector", "efficiency")),
            kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline((
                   Item("dedicated innovation staff position", "innovation_staff_position",
                        lead="a ", bold=True),
                   Item("leadership from the City Manager", "city_manager_leadership"),
                   Item("engagement with partners", "partner_engagement"))))
    with city.section("data") as s:
        s.para("Data plays a **significant role** in the decision-making and innovation efforts "
               "in {city}. The city has started **using data to {uses}**. Challenges preventing "
               "the use of data include {challenges}.",
               role=T("significant"),
               uses=Said(("time the traffic lights on its main corridors",)),
               challenges=Inline((
                   Item("privacy and legal constraints", "privacy_legal", bold=True),
                   Item("lack of technical infrastructure", "technical_infrastructure",
                        lead="a "))))
        s.para("{city} maintains a **comprehensive data inventory on all key topics** and "
               "**publishes open data to a central, public online location**.",
               inventory=T("comprehensive_all_topics"), publishes_open_data=True)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID, {"housing", "policing", "health", "culture",
                                          "social_inclusion_equity", "tourism"}))
    city.note("headings without '?'; population without a year; footer text on every page")
    return city.build()


# --------------------------------------------------------------------------- Medellín


def medellin() -> CityFixture:
    city = CityBuilder("medellin", "Medellín", "MEDELLÍN", "Colombia", "CO", Style(
        producer="reportlab", page_size="Letter", columns=1, font="Times", bullets="zapf",
        justify=True, ligatures="none", heading_case="upper", page_two="approach",
        accent="#166534", tile_colour="#a16207", colour_space="cmyk", page_number="– {page} –",
        glyphs=("➤", "■", "✔"),
        grid=GridStyle("fill", "#166534", "#fde68a", "above", "square", 4)))
    city.overview(mayor="Mariela Ospina Restrepo", term=("2020–2023", 2020, 2023),
                  lead="Juan Esteban Vélez", population=("2.5 million (2018)", 2500000, 2018),
                  websites=("https://www.medellin.gov.co/",))
    with city.section("organisation") as s:
        s.para("Innovation work in {city} is **sprinkled throughout the municipality**; there "
               "are **no dedicated staff** working on building innovation capacity.",
               structure=T("dispersed"), dedicated_staff=False, staff_count=None)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Sociologist", "sociologist"), ("Urban planner", "urban_planner"),
            ("Community engagement staff", "community_engagement")))
    city.spotlight(
        "UVA community centres",
        "Medellín turned the fenced grounds of its water tanks into Unidades de Vida Articulada "
        "(UVA): open community centres with sports grounds, libraries and meeting rooms. Each "
        "centre was designed in workshops with the surrounding neighbourhood, which chose the "
        "activities and helped to name the building. The programme is jointly run by the "
        "municipal utility and the city’s social services, and the centres now host more than a "
        "million visits a year.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has **no formal innovation strategy**.",
               peer=Peer(36, "exact", "Like 36% of cities surveyed"), formal_strategy=False)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Resident engagement", "resident_engagement"),
            ("Inter-sectoral and inter-jurisdictional collaboration", "collaboration")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **in specific policy areas / "
               "domains**.",
               peer=Peer(50, "more_than", "Similar to more than half of cities surveyed"),
               scope=T("specific_areas"))
        s.para("The top two priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Education", "education"), ("Policing and Law Enforcement", "policing")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline(items(
                   ("city residents / resident associations", "residents"),
                   ("not-for-profit organisations", "non_profits"),
                   ("other public agencies", "public_agencies"))))
        s.para("To **improve data use**, the city has also developed data partnerships with "
               "{data_partners} to analyse data.",
               data_partners=Inline(items(("academia", "academia"))),
               data_activities=(T("analyse"),))
    with city.section("funding") as s:
        s.para("{peer}, {city} has dedicated funding to support innovation capacity, which comes "
               "from the following sources:",
               peer=Peer(81, "exact", "Similar to 81% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Municipal budget", "municipal_budget"),
            ("International / multilateral institution budget", "international")))
        s.para("{city}'s funding for innovation capacity is directed towards {directed_to}.",
               directed_to=Inline(bold(("generating ideas and brainstorming",
                                        "generating_ideas"))))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Engage residents and other stakeholders", "engage_residents"),
            ("Improve resident outcomes", "resident_outcomes")), kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline(items(
                   ("engagement with partners", "partner_engagement"),
                   ("support from outside the city administration", "outside_support"))))
    with city.section("data") as s:
        s.para("Data plays a **limited role** in the decision-making and innovation efforts in "
               "{city}. Challenges preventing the use of data to support innovation goals "
               "include {challenges}.",
               role=T("limited"),
               challenges=Inline((
                   Item("lack of funding for data work", "funding", lead="a ", bold=True),
                   Item("insufficient staff capacity to collect and analyse data",
                        "staff_capacity"),
                   Item("poor data quality", "data_quality"))))
        s.para("{city} has **no data inventory** and does **not publish open data** to a "
               "central, public online location.",
               inventory=T("none"), publishes_open_data=False)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID[:12], {"economic_development", "policing", "health",
                                               "government_finance", "labour_market",
                                               "environment_climate"}))
    city.note("negative answers: no formal strategy, limited data role, no data uses, no data "
              "inventory, no open data; 12-cell grid; CMYK colours")
    return city.build()


# --------------------------------------------------------------------------- Düsseldorf


def dusseldorf() -> CityFixture:
    city = CityBuilder("dusseldorf", "Düsseldorf", "DÜSSELDORF", "Germany", "DE", Style(
        producer="weasyprint", page_size="A4", columns=1, font="DejaVu Serif",
        bullets="unicode", justify=False, ligatures="font", heading_case="sentence",
        numbered=True, question_mark=False, curly=True, page_two="partnerships",
        accent="#1e3a5f", glyphs=("▸", "■", "✔"),
        tile_colour="#1d4ed8", page_number="Page {page} of {pages}",
        grid=GridStyle("text", "#1d4ed8", "#9a3412", "above", "bar", 5,
                       neutral_fill="#f3f4f6", rounded=False)))
    city.overview(mayor="Stefan Kellermann", term=("2014–2020", 2014, 2020), lead="Miriam Albers",
                  population=("619.294 (2018)", 619294, 2018),
                  websites=("https://www.duesseldorf.de/digitalisierung",
                            "opendata.duesseldorf.de"))
    with city.section("organisation") as s:
        s.para("{city}'s innovation work is carried out by a **dedicated team within a "
               "department** – the Office for Digitalisation – that **consists of 11 staff**.",
               structure=T("within_department"), dedicated_staff=True, staff_count=11)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Computer scientist", "computer_scientist"), ("Legal expert", "legal_expert"),
            ("Project manager", "project_manager"), ("Designer", "designer")))
    city.spotlight(
        "Digital Citizen Services",
        "Düsseldorf has moved more than 150 administrative procedures online, from resident "
        "registration to parking permits. Before a form goes live, the digital team tests it "
        "with residents in the city’s service centres and rewrites every step that confuses "
        "them. Requests that used to need two visits to the town hall can now be completed from "
        "home, and the saved staff time has been redeployed to advise residents who need "
        "personal help.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has a **formal innovation strategy**.",
               peer=Peer(60, "about", "Like around 60% of cities surveyed"),
               formal_strategy=True)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Foresight, scenario planning", "foresight"),
            ("Technological innovation", "technological_innovation")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **both from a holistic / macro "
               "level and in specific areas**.",
               peer=Peer(50, "more_than", "Similar to more than half of cities surveyed"),
               scope=T("both"))
        s.para("The top three priority policy areas for the city’s innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Security", None), ("Digital Governance", "digital_governance"),
            ("Housing", "housing")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline(items(
                   ("other public agencies", "public_agencies"), ("private firms", "private_sector"),
                   ("other cities", "other_cities"))))
        s.para("To **improve data use**, {city} has developed data partnerships with "
               "{data_partners}, to share data.",
               data_partners=Inline((
                   Item("other public agencies", "public_agencies"),
                   Item("private sector", "private_sector", lead="the "))),
               data_activities=(T("share"),))
    with city.section("funding") as s:
        s.para("{peer}, {city} has dedicated funding to support innovation capacity, which comes "
               "from the following sources:",
               peer=Peer(81, "exact", "Like 81% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Municipal budget (operating budget)", "municipal_budget"),
            ("Higher levels of government", "higher_government"),
            ("External (non-public) funding (academic or think tank resources)",
             "external_non_public")))
        s.para("{city}'s funding for innovation capacity is generally directed towards "
               "{directed_to}.",
               directed_to=Inline(items(
                   ("investing in digital systems", "digital_systems"),
                   ("hiring and training staff", "staff"),
                   ("paying for third-party services", "third_party_services")), last=", and "))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Improving internal government operations", "internal_operations"),
            ("Anticipating and managing future challenges", "anticipate_future")), kind="check")
        s.para("The most critical success factors in supporting the city’s innovation work are "
               "{success_factors}.",
               success_factors=Inline(items(
                   ("leadership from the Mayor", "mayor_leadership"),
                   ("dedicated funding", "dedicated_funding"),
                   ("human resource support", "hr_support"))))
    with city.section("data") as s:
        s.para("Data plays a **somewhat significant role** in the decision-making and innovation "
               "efforts in {city}. The city has started **using data to {uses}**. Challenges "
               "preventing the use of data include {challenges}.",
               role=T("somewhat_significant"),
               uses=Said(("forecast demand for childcare places",)),
               challenges=Inline((
                   Item("privacy and legal constraints", "privacy_legal", bold=True),
                   Item("limited access to data held by other organisations", "data_access"))))
        s.para("{city} maintains a **partial data inventory** and **publishes open data to a "
               "central, public online location**.",
               inventory=T("partial"), publishes_open_data=True)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID + EXTRA_GRID,
                          {"policing", "labour_market", "culture", "tourism", "blight",
                           "homelessness", "land_use_zoning", "resilience"}))
    city.note("unmapped priority tile 'Security'; all 20 policy areas in the grid; headings "
              "numbered, without '?', with a curly apostrophe")
    return city.build()


# --------------------------------------------------------------------------- Reykjavík


def reykjavik() -> CityFixture:
    city = CityBuilder("reykjavik", "Reykjavík", "REYKJAVÍK", "Iceland", "IS", Style(
        producer="reportlab", page_size="A4", columns=2, font="DejaVuSerif", bullets="unicode",
        justify=True, ligatures="codepoint", heading_case="sentence", page_two="outcomes",
        accent="#134e4a", tile_colour="#134e4a", footer="Innovation Capacity in Cities",
        glyphs=("▸", "•", "✓"),
        page_number="{page}",
        grid=GridStyle("fill", "#047857", "#d1d5db", "below", "square", 3)))
    city.overview(mayor="Helga Sigurðardóttir", term=("2014–2022", 2014, 2022),
                  lead="Einar Þórsson", population=("128 793 (2018)", 128793, 2018),
                  websites=("https://reykjavik.is/en/smart-city",))
    with city.section("organisation") as s:
        s.para("{city}'s innovation work is led by a **dedicated team in the Mayor's office** "
               "that **consists of 4 staff**.",
               structure=T("mayors_office"), dedicated_staff=True, staff_count=4)
        s.para(STAFF_INTRO)
        s.bullets("staff_skills", items(
            ("Project manager", "project_manager"),
            ("Community engagement staff", "community_engagement"),
            ("Software developer", "software_developer")))
    city.spotlight(
        "Neighbourhood Ideas",
        "Each spring, residents of every district post ideas for small improvements on the "
        "city’s online ideas portal, discuss them with their neighbours and vote on a shortlist "
        "prepared by the city’s engineers. The winning ideas – new playgrounds, benches, "
        "footpaths and outdoor fitness equipment – are built the same year. Residents "
        "co-create the shortlist with city staff in open workshops, and the portal publishes "
        "the cost and status of every project.")
    with city.section("vision") as s:
        s.para("{peer}, {city} has a **formal innovation strategy**.",
               peer=Peer(40, "about", "Like about 40% of cities surveyed"), formal_strategy=True)
        s.para(ASSOCIATES)
        s.bullets("associations", items(
            ("Resident engagement", "resident_engagement"),
            ("Experimentation, pilots and prototyping", "experimentation"),
            ("Collaboration", "collaboration")))
    with city.section("approach") as s:
        s.para("{peer}, {city} approaches innovation capacity **both from a holistic / macro "
               "level and in specific areas**.",
               peer=Peer(50, "exact", "Like 50% of cities surveyed"), scope=T("both"))
        s.para("The top three priority policy areas for the city's innovation work are:")
        s.tiles("priority_policy_areas", items(
            ("Environment and Climate Change", "environment_climate"), ("Housing", "housing"),
            ("Tourism", "tourism")))
    with city.section("partnerships") as s:
        s.para("{city} has developed partnerships to **promote innovation capacity** with "
               "{innovation_partners}.",
               innovation_partners=Inline((
                   Item("city residents / resident associations", "residents"),
                   Item("private sector", "private_sector", lead="the "),
                   Item("other cities", "other_cities")), last=", and "))
        s.para("To **improve data use**, the city has also developed data partnerships with "
               "{data_partners} to share and analyse data.",
               data_partners=Inline(items(("other cities", "other_cities"),
                                          ("academia", "academia"))),
               data_activities=(T("share"), T("analyse")))
    with city.section("funding") as s:
        s.para("{peer}, {city} has dedicated funding to support innovation capacity, which comes "
               "from the following sources:",
               peer=Peer(81, "exact", "Like 81% of cities surveyed"), dedicated=True)
        s.bullets("sources", items(
            ("Municipal budget", "municipal_budget"),
            ("Higher levels of government", "higher_government"),
            ("External (non-public) funding (philanthropy)", "external_non_public")))
        s.para("{city}'s funding for innovation capacity is generally directed towards "
               "{directed_to}.",
               directed_to=Inline(items(
                   ("generating ideas and brainstorming", "generating_ideas"),
                   ("investing in digital systems", "digital_systems"))))
    with city.section("impact") as s:
        s.bullets("benefits", items(
            ("Engaging residents and other stakeholders", "engage_residents"),
            ("Improving service delivery", "service_delivery"),
            ("Anticipating and managing future challenges", "anticipate_future")), kind="check")
        s.para("The most critical success factors in supporting the city's innovation work are "
               "{success_factors}.",
               success_factors=Inline((
                   Item("culture of innovation in the city", "culture", lead="a ", bold=True),
                   Item("leadership from the Mayor", "mayor_leadership"))))
    with city.section("data") as s:
        s.para("Data plays a **significant role** in the decision-making and innovation efforts "
               "in {city}. The city has started **using data to {uses}**. Challenges preventing "
               "the use of data include {challenges}.",
               role=T("significant"),
               uses=Said(("plan snow-clearing routes around the busiest footpaths",)),
               challenges=Inline((
                   Item("insufficient staff capacity to collect and analyse data",
                        "staff_capacity", bold=True),
                   Item("limited compatibility of data across policy areas",
                        "data_compatibility"))))
        s.para("{city} maintains a **comprehensive data inventory** on some key topics and "
               "**publishes open data to a central, public online location**.",
               inventory=T("comprehensive_some_topics"), publishes_open_data=True)
    with city.section("outcomes") as s:
        s.para(OUTCOMES_INTRO)
        s.grid(grid_cells(STANDARD_GRID, {"policing", "government_finance", "labour_market",
                                          "education", "public_works"}))
    city.note("explicit U+FB01 / U+FB02 ligature code points; names with ð and Þ")
    return city.build()


BUILDERS: tuple[Callable[[], CityFixture], ...] = (
    enschede, malmo, bogota, krakow, besancon, sao_paulo, louisville, montreal, bristol,
    tallinn, medellin, dusseldorf, reykjavik,
)
CITIES: tuple[CityFixture, ...] = tuple(build() for build in BUILDERS)
CITY_BY_SLUG: dict[str, CityFixture] = {city.slug: city for city in CITIES}
