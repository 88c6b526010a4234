"""How each vocabulary term may be printed: the spec's labels and aliases and their natural
inflections (bullet forms are capitalised, inline forms are lower case and may carry an article),
plus answers that are in no vocabulary group (printed as they are; their truth is ``unmapped``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Forms:
    """The printings of one term: as a list item (bullet, tile, cell) and inside a sentence."""

    bullet: tuple[str, ...]
    inline: tuple[str, ...]


def _f(bullet: str | tuple[str, ...], inline: str | tuple[str, ...] | None = None) -> Forms:
    bullets = (bullet,) if isinstance(bullet, str) else bullet
    if inline is None:
        inlines = tuple(b[0].lower() + b[1:] for b in bullets)
    else:
        inlines = (inline,) if isinstance(inline, str) else inline
    return Forms(bullets, inlines)


STAFF_ROLES: dict[str, Forms] = {
    "project_manager": _f(("Project manager", "Project managers"), ("project managers", "a project manager")),
    "data_scientist": _f(("Data scientist", "Data scientists"), ("data scientists", "a data scientist")),
    "data_analyst": _f(("Data analyst", "Data analysts"), ("data analysts",)),
    "community_engagement": _f("Community engagement staff"),
    "communication_officer": _f(("Communication officer", "Strategic communications / marketing"),
                                ("a communication officer", "strategic communications / marketing")),
    "designer": _f(("Designer", "Designers"), ("designers", "a designer")),
    "engineer": _f(("Engineer", "Engineers"), ("engineers",)),
    "sociologist": _f("Sociologist", ("a sociologist", "sociologists")),
    "business_analyst": _f(("Business analyst", "Business analysts")),
    "computer_scientist": _f("Computer scientist", "computer scientists"),
    "software_developer": _f(("Software developer", "Software developers", "Front-end developers",
                              "Back-end developers", "Internet of things developers")),
    "legal_expert": _f(("Legal expert", "Legal experts")),
    "economist": _f(("Economics and policy expert", "Economist", "Economists"),
                    ("an economist", "economists", "an economics and policy expert")),
    "urban_planner": _f(("Urban planner", "Urban planners")),
    "health_professional": _f(("Health professional", "Health professionals")),
    "corporate_improvement": _f("Corporate improvement staff"),
}  # fmt: skip

INNOVATION_TERMS: dict[str, Forms] = {
    "data_analytics": _f("Data analytics"),
    "experimentation": _f(("Experimentation, pilots and prototyping", "Experimentation"), "experimentation"),
    "technological_innovation": _f("Technological innovation"),
    "human_centred_design": _f(("Human-centred design", "Human-centered design")),
    "behavioural_economics": _f(("Behavioural economics", "Behavioral economics", "Behavioural insights")),
    "resident_engagement": _f("Resident engagement"),
    "bold_leadership": _f("Bold leadership"),
    "big_picture_rethinking": _f(("Big picture re-thinking", "Big-picture rethinking")),
    "hierarchy_busting": _f(("Hierarchy-busting", "Hierarchy busting")),
    "collaboration": _f(("Inter-sectoral and inter-jurisdictional collaboration", "Collaboration")),
    "foresight": _f(("Foresight, scenario planning", "Foresight and scenario planning"),
                    "foresight and scenario planning"),
}  # fmt: skip

POLICY_AREAS: dict[str, Forms] = {
    "transport_mobility": _f(("Transport / Mobility", "Transport and Mobility", "Transport/Mobility")),
    "economic_development": _f("Economic Development"),
    "housing": _f("Housing"),
    "policing": _f(("Policing and Law Enforcement", "Policing & Law Enforcement")),
    "health": _f("Health"),
    "government_finance": _f("Government Finance"),
    "waste_sewage": _f(("Waste and Sewage", "Waste & Sewage", "Waste")),
    "labour_market": _f(("Labour Market and Skills", "Labor Market and Skills")),
    "environment_climate": _f(("Environment and Climate Change", "Environment & Climate Change")),
    "education": _f("Education"),
    "culture": _f("Culture"),
    "social_inclusion_equity": _f(("Social Inclusion, Equity", "Social Inclusion and Equity")),
    "public_works": _f("Public Works"),
    "tourism": _f("Tourism"),
    "digital_governance": _f("Digital Governance"),
    "social_welfare": _f(("Social Welfare / Social Services", "Social Welfare and Social Services")),
    "land_use_zoning": _f(("Land Use / Zoning", "Land Use and Zoning")),
    "blight": _f("Blight"),
    "homelessness": _f("Homelessness"),
    "resilience": _f(("City Resilience", "Resilience")),
}

PARTNER_TYPES: dict[str, Forms] = {
    "public_agencies": _f("Other public agencies"),
    "private_sector": _f(("Private sector", "Private firms"), ("the private sector", "private firms")),
    "non_profits": _f(("Not-for-profit organisations", "Non-profit organizations")),
    "residents": _f(("City residents / resident associations", "City residents/resident associations")),
    "academia": _f(("Academia", "Universities")),
    "think_tanks": _f("Think tanks"),
    "philanthropy": _f(("Philanthropy", "Private philanthropy")),
    "other_cities": _f("Other cities"),
}

FUNDING_SOURCES: dict[str, Forms] = {
    "international": _f(("International/multilateral institution budget",
                         "International / multilateral institution budget",
                         "International/multilateral institution budget (EU structural funds)")),
    "higher_government": _f(("Higher levels of government",
                             "Higher levels of government (national or regional government)"),
                            "higher levels of government"),
    "municipal_budget": _f(("Municipal budget", "Municipal budget (operating budget)",
                            "Municipal budget (innovation investment fund)"), "the municipal budget"),
    "external_non_public": _f(("External (non-public) funding", "External (non-public) funding (philanthropy)",
                               "External (non-public) funding (private sector)",
                               "External (non-public) funding (academic or think tank resources)"),
                              "external (non-public) funding"),
    "innovative_financing": _f(("Innovative financing tools", "Innovative financing tools (social impact bonds)",
                                "Innovative financing tools (crowdfunding)"), "innovative financing tools"),
}  # fmt: skip

FUNDING_USES: dict[str, Forms] = {
    "generating_ideas": _f("Generating ideas and brainstorming"),
    "digital_systems": _f("Investing in digital systems"),
    "physical_infrastructure": _f("Investing in physical infrastructure"),
    "third_party_services": _f("Paying for third-party services"),
    "staff": _f(("Hiring and training staff", "Hiring & training staff")),
    "prototyping": _f("Testing and prototyping"),
}

BENEFITS: dict[str, Forms] = {  # inline forms follow "Innovation is helping the city to"
    "anticipate_future": _f(("Anticipate and manage future challenges", "Anticipating and managing future challenges"),
                            "anticipate and manage future challenges"),
    "efficiency": _f(("Save costs and improve efficiency within the public sector",
                      "Saving costs and improving efficiency within the public sector",
                      "Gaining efficiency within the public sector"),
                     ("save costs and improve efficiency within the public sector",
                      "gain efficiency within the public sector")),
    "service_delivery": _f(("Improve service delivery", "Improving service delivery", "Improved service delivery"),
                           "improve service delivery"),
    "internal_operations": _f(("Improve internal government operations", "Improving internal government operations"),
                              "improve internal government operations"),
    "resident_outcomes": _f(("Improve resident outcomes", "Improving resident outcomes"), "improve resident outcomes"),
    "simplify_procedures": _f(("Simplify administrative procedures for firms and residents",
                               "Simplifying administrative procedures for firms and residents"),
                              "simplify administrative procedures for firms and residents"),
    "new_revenue": _f(("Generate new sources of revenue", "Generating new sources of revenue"),
                      "generate new sources of revenue"),
    "current_obligations": _f(("Serve current obligations", "Serving current obligations"), "serve current obligations"),
    "engage_residents": _f(("Engage residents and other stakeholders", "Engaging residents and other stakeholders"),
                           "engage residents and other stakeholders"),
}  # fmt: skip

SUCCESS_FACTORS: dict[str, Forms] = {
    "mayor_leadership": _f("Leadership from the Mayor", "leadership from the Mayor"),
    "city_manager_leadership": _f("Leadership from the City Manager", "leadership from the City Manager"),
    "innovation_team": _f("Dedicated innovation team", "a dedicated innovation team"),
    "innovation_staff_position": _f("Dedicated innovation staff position", "a dedicated innovation staff position"),
    "measurement": _f(("Focus on measurement", "Focus on metrics"), ("a focus on measurement", "a focus on metrics")),
    "culture": _f(("Culture of innovation in the city", "Culture of innovation within the municipal administration"),
                  ("a culture of innovation in the city", "a culture of innovation within the municipal administration")),
    "dedicated_funding": _f("Dedicated funding"),
    "outside_support": _f("Support from outside the city administration"),
    "partner_engagement": _f("Engagement with partners"),
    "hr_support": _f("Human resource support"),
}  # fmt: skip

DATA_CHALLENGES: dict[str, Forms] = {
    "technical_infrastructure": _f("Lack of technical infrastructure", "a lack of technical infrastructure"),
    "staff_capacity": _f(
        (
            "Insufficient staff capacity to collect and analyse data",
            "Insufficient staff capacity to collect and analyze data",
        )
    ),
    "data_compatibility": _f("Limited compatibility of data across policy areas"),
    "funding": _f("Lack of funding for data work", "a lack of funding for data work"),
    "data_quality": _f("Poor data quality"),
    "privacy_legal": _f("Privacy and legal constraints"),
    "data_access": _f(
        ("Limited access to data held by other organisations", "Limited access to data held by other organizations")
    ),
}

GROUPS: dict[str, dict[str, Forms]] = {
    "staff_roles": STAFF_ROLES,
    "innovation_terms": INNOVATION_TERMS,
    "policy_areas": POLICY_AREAS,
    "partner_types": PARTNER_TYPES,
    "funding_sources": FUNDING_SOURCES,
    "funding_uses": FUNDING_USES,
    "benefits": BENEFITS,
    "success_factors": SUCCESS_FACTORS,
    "data_challenges": DATA_CHALLENGES,
}

# Answers a city gave as "other": in no vocabulary group, so the truth keeps them in `unmapped`.
UNMAPPED: dict[str, tuple[str, ...]] = {
    "staff_roles": ("Blockchain specialist", "Ethnographer", "Architect", "GIS specialist"),
    "innovation_terms": ("Open government", "Gamification", "Artificial intelligence"),
    "policy_areas": ("Security", "Agriculture", "Sport and Recreation", "Energy"),
    "partner_types": ("trade unions", "religious organisations", "chambers of commerce"),
    "funding_sources": ("Lottery proceeds", "Membership fees"),
    "funding_uses": ("organising hackathons", "running communication campaigns"),
    "benefits": ("Resource efficiency", "attract talent to the city", "build trust in local government"),
    "success_factors": ("political stability", "a strong start-up ecosystem"),
    "data_challenges": ("resistance to change among managers", "outdated procurement rules"),
}

ARTICLES = ("a ", "an ", "the ")


def strip_article(text: str) -> str:
    """An inline item as the truth states it: without a leading article."""
    lowered = text.lower()
    for article in ARTICLES:
        if lowered.startswith(article):
            return text[len(article) :]
    return text
