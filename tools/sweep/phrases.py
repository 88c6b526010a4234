"""The sentences of a snapshot (the families real snapshots use), as runs with emphasis."""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import Para, Run
from .content import Content, Item, PeerPhrase

SCOPES = {"holistic": "from a holistic / macro level", "specific_areas": "in specific policy areas / domains",
          "both": "both from a holistic / macro level and in specific areas"}  # fmt: skip
ROLES = {"significant": "significant role", "somewhat_significant": "somewhat significant role",
         "limited": "limited role"}  # fmt: skip
INVENTORIES = {"comprehensive_some_topics": "comprehensive data inventory on some key topics",
               "comprehensive_all_topics": "comprehensive data inventory on all key topics",
               "partial": "partial data inventory"}  # fmt: skip
ACTIVITY_WORDS = {"collect": "collect", "analyse": "analyse", "share": "share"}


class Writer:
    """Builds sentences for one document; ``emphasis`` is "none", "bold" or "colour"."""

    def __init__(self, content: Content, emphasis: str, accent: str, join: str) -> None:
        self.c, self.emphasis, self.accent, self.join_style = content, emphasis, accent, join
        self.city = content.city.name
        self.q = content.quote

    def key(self, text: str) -> Run:
        if self.emphasis == "bold":
            return Run(text, bold=True)
        if self.emphasis == "colour":
            return Run(text, bold=True, colour=self.accent)
        return Run(text)

    def possessive(self) -> str:
        return f"{self.city}{self.q}s"

    def the_citys(self) -> str:
        return f"the city{self.q}s"

    def items(self, items: Sequence[Item], *, first_key: bool = False, prefix: str = "") -> list[Run]:
        """An inline list: "A, B and C" (or "A, B, and C", "A, B as well as C")."""
        runs: list[Run] = []
        for index, item in enumerate(items):
            if index:
                last = index == len(items) - 1
                if not last:
                    runs.append(Run(", "))
                elif self.join_style == "as_well_as" and len(items) > 2:
                    runs.append(Run(" as well as "))
                elif self.join_style == "serial" and len(items) > 2:
                    runs.append(Run(", and "))
                else:
                    runs.append(Run(" and "))
            text = prefix + item.text if index == 0 else item.text
            runs.append(self.key(text) if first_key and index == 0 else Run(text))
        return runs

    def peer_lead(self, peer: PeerPhrase | None) -> list[Run]:
        return [Run(f"{peer.text}, ")] if peer else []

    # ------------------------------------------------------------------ organisation
    def organisation(self) -> Para:
        org, city = self.c.organisation, self.city
        staff = [Run(", with "), self.key("dedicated staff" if org.dedicated_staff else "no dedicated staff"),
                 Run(" working specifically on building innovation capacity")]  # fmt: skip
        lead = {
            "dispersed": [Run(f"{self.possessive()} innovation work is "),
                          self.key("sprinkled throughout the municipality" if org.variant else "spread across departments")],
            "mayors_office": [Run(f"{self.possessive()} innovation work is led by a "),
                              self.key(f"dedicated team in the Mayor{self.q}s office")],
            "city_managers_office": [Run(f"{self.possessive()} innovation work is led by a "),
                                     self.key(f"dedicated team in the City Manager{self.q}s office")],
            "independent_department": [Run(f"{self.possessive()} innovation work is carried out by "),
                                       self.key("an independent department" if org.variant else "a standalone department")],
            "within_department": [Run(f"{self.possessive()} innovation work is carried out by a "),
                                  self.key("dedicated team within a department"), Run(f" ({org.department.format(q=self.q)})")],
            "no_dedicated_team": [Run(f"{city} does not have a "), self.key("dedicated team for innovation")],
        }[org.structure]  # fmt: skip
        runs = [*lead, *staff]
        if org.staff_count is not None:
            runs.append(Run(f". The team consists of {org.staff_count} staff." if org.variant
                            else f": {org.staff_count} staff members are working on it."))  # fmt: skip
        else:
            runs.append(Run("."))
        return tuple(runs)

    def staff_intro(self, inline: bool) -> Para:
        if not inline:
            return (Run("Staff skills and profiles include:"),)
        return (Run("Staff skills and profiles include "), *self.items(self.c.organisation.skills), Run("."))

    # ------------------------------------------------------------------ vision, approach
    def vision(self) -> Para:
        v = self.c.vision
        strategy = "formal innovation strategy"
        return (*self.peer_lead(v.peer), Run(f"{self.city} has "),
                self.key(f"a {strategy}" if v.formal else f"no {strategy}"), Run("."))  # fmt: skip

    def associations_intro(self, inline: bool) -> Para:
        if not inline:
            return (Run("The city most closely associates innovation capacity with:"),)
        items = self.c.vision.associations
        return (Run("The city most closely associates innovation capacity with "), *self.items(items), Run("."))

    def approach(self) -> Para:
        a = self.c.approach
        return (*self.peer_lead(a.peer), Run(f"{self.city} approaches innovation capacity "),
                self.key(SCOPES[a.scope]), Run("."))  # fmt: skip

    def priorities_intro(self) -> Para:
        count = len(self.c.approach.priorities)
        work = f"for {self.the_citys()} innovation work"
        if count == 1:
            return (Run(f"The top priority policy area {work} is:"),)
        word = {2: "two", 3: "three"}.get(count, str(count))
        return (Run(f"The top {word} priority policy areas {work} are:"),)

    # ------------------------------------------------------------------ partnerships
    def activities(self) -> str:
        part = self.c.partnerships
        assert part is not None
        words = [ACTIVITY_WORDS[a] for a in part.activities]
        if self.c.city.code == "US":
            words = ["analyze" if w == "analyse" else w for w in words]
        body = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
        return f"{body} data"

    def innovation_partners(self, inline: bool) -> Para:
        part = self.c.partnerships
        assert part is not None
        if not part.innovation:
            return (Run(f"{self.city} has not yet developed partnerships to promote innovation capacity."),)
        lead = [Run(f"{self.city} has developed partnerships to "), self.key("promote innovation capacity")]
        if not inline:
            return (*lead, Run(" with:"))
        return (*lead, Run(" with "), *self.items(part.innovation), Run("."))

    def data_partners(self, inline: bool) -> Para:
        part = self.c.partnerships
        assert part is not None
        if not part.data:
            return (Run("The city has not developed data partnerships to improve data use."),)
        lead = [Run("To "), self.key("improve data use"), Run(", the city has also developed data partnerships")]
        if not inline:
            return (*lead, Run(f" to {self.activities()}, with:"))
        named = part.data[:-1] if part.tail else part.data
        runs = [*lead, Run(" with "), *self.items(named), Run(f", to {self.activities()}")]
        if part.tail:
            runs += [Run(", as well as with "), Run(part.data[-1].text)]
        return (*runs, Run("."))

    # ------------------------------------------------------------------ funding
    def funding(self, inline: bool) -> Para:
        f = self.c.funding
        lead = [*self.peer_lead(f.peer), Run(f"{self.city} ")]
        if not f.dedicated:
            return (*lead, Run("does not have dedicated funding to support innovation capacity."))
        lead += [Run("has "), self.key("dedicated funding"), Run(" to support innovation capacity, which comes from")]
        if not inline:
            return (*lead, Run(" the following sources:"))
        return (*lead, Run(" "), *self.items(f.sources), Run("."))

    def funding_uses(self, inline: bool) -> Para:
        lead = Run(f"{self.possessive()} funding for innovation capacity is generally directed towards")
        if not inline:
            return (Run(lead.text + ":"),)
        return (lead, Run(" "), *self.items(self.c.funding.uses, first_key=True), Run("."))

    # ------------------------------------------------------------------ impact
    def benefits_sentence(self) -> Para:
        assert self.c.impact is not None
        return (Run("Innovation is helping the city to "), *self.items(self.c.impact.benefits), Run("."))

    def success_factors(self, inline: bool) -> Para:
        assert self.c.impact is not None
        lead = f"The most critical success factors in supporting {self.the_citys()} innovation work are"
        if not inline:
            return (Run(lead + ":"),)
        return (Run(lead + " "), *self.items(self.c.impact.factors, first_key=True), Run("."))

    # ------------------------------------------------------------------ data
    def data_use(self, inline_challenges: bool) -> Para:
        d = self.c.data
        assert d is not None
        runs = [Run("Data plays a "), self.key(ROLES[d.role]),
                Run(f" in the decision-making and innovation efforts in {self.city}.")]  # fmt: skip
        if d.uses:
            runs += [Run(" The city has started "), self.key(f"using data to {d.uses[0]}"), Run(".")]
        for use in d.uses[1:]:
            runs.append(Run(f" It also uses data to {use}."))
        if inline_challenges:
            runs += [Run(" Challenges preventing the use of data to support innovation goals include "),
                     *self.items(d.challenges), Run(".")]  # fmt: skip
        return tuple(runs)

    def challenges_intro(self) -> Para:
        return (Run("Challenges preventing the use of data to support innovation goals include:"),)

    def inventory(self) -> Para:
        d = self.c.data
        assert d is not None
        publishes = (self.key("publishes open data to a central, public online location") if d.publishes
                     else Run("does not publish open data"))  # fmt: skip
        if d.inventory == "none":
            return (Run(f"{self.city} has "), self.key("no data inventory"), Run(" and "), publishes, Run("."))
        return (Run(f"{self.city} maintains a "), self.key(INVENTORIES[d.inventory]), Run(" and "), publishes, Run("."))

    # ------------------------------------------------------------------ outcomes
    def outcomes_intro(self, colours: tuple[str, str] | None) -> Para:
        with_c, without_c = colours if colours else (None, None)
        with_run = Run("with sufficient data", bold=bool(colours) or self.emphasis != "none", colour=with_c)
        without_run = Run("without sufficient data", bold=bool(colours) or self.emphasis != "none", colour=without_c)
        return (Run("Policy areas "), with_run, Run(" or "), without_run,
                Run(" to support innovation capacity in the city."))  # fmt: skip
