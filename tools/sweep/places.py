"""Real city and country names (accents, long and hyphenated names), people's names by language,
and the words the spotlight paragraphs are made of."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    name: str  # as the body text spells it
    country: str  # as printed
    code: str  # ISO 3166-1 alpha-2
    population: int
    language: str
    domain: str  # the city's web domain (without scheme)


CITIES: tuple[City, ...] = (
    City("Akron", "United States", "US", 197_597, "en", "akronohio.gov"),
    City("Montréal", "Canada", "CA", 1_780_000, "fr", "montreal.ca"),
    City("Besançon", "France", "FR", 116_775, "fr", "besancon.fr"),
    City("Villeneuve-d'Ascq", "France", "FR", 62_308, "fr", "villeneuvedascq.fr"),
    City("Saint-Étienne", "France", "FR", 172_565, "fr", "saint-etienne.fr"),
    City("Düsseldorf", "Germany", "DE", 619_294, "de", "duesseldorf.de"),
    City("Mönchengladbach", "Germany", "DE", 261_454, "de", "moenchengladbach.de"),
    City("Gießen", "Germany", "DE", 89_802, "de", "giessen.de"),
    City("Malmö", "Sweden", "SE", 347_949, "sv", "malmo.se"),
    City("Linköping", "Sweden", "SE", 163_051, "sv", "linkoping.se"),
    City("Reykjavík", "Iceland", "IS", 131_136, "is", "reykjavik.is"),
    City("Kraków", "Poland", "PL", 779_115, "pl", "krakow.pl"),
    City("Łódź", "Poland", "PL", 679_941, "pl", "uml.lodz.pl"),
    City("Cluj-Napoca", "Romania", "RO", 324_576, "ro", "primariaclujnapoca.ro"),
    City("Bogotá", "Colombia", "CO", 7_412_566, "es", "bogota.gov.co"),
    City("Medellín", "Colombia", "CO", 2_529_403, "es", "medellin.gov.co"),
    City("São Paulo", "Brazil", "BR", 12_252_023, "pt", "prefeitura.sp.gov.br"),
    City("Florianópolis", "Brazil", "BR", 500_973, "pt", "pmf.sc.gov.br"),
    City("Lisboa", "Portugal", "PT", 509_515, "pt", "lisboa.pt"),
    City("A Coruña", "Spain", "ES", 245_711, "es", "coruna.gal"),
    City("Donostia-San Sebastián", "Spain", "ES", 187_849, "es", "donostia.eus"),
    City("Reggio nell'Emilia", "Italy", "IT", 171_944, "it", "comune.re.it"),
    City("Enschede", "The Netherlands", "NL", 159_000, "nl", "enschede.nl"),
    City("'s-Hertogenbosch", "The Netherlands", "NL", 154_205, "nl", "s-hertogenbosch.nl"),
    City("Tallinn", "Estonia", "EE", 437_619, "et", "tallinn.ee"),
    City("Tartu", "Estonia", "EE", 93_865, "et", "tartu.ee"),
    City("Aarhus", "Denmark", "DK", 349_983, "da", "aarhus.dk"),
    City("Bristol", "United Kingdom", "GB", 463_400, "en", "bristol.gov.uk"),
    City("Newcastle upon Tyne", "United Kingdom", "GB", 300_196, "en", "newcastle.gov.uk"),
    City("Louisville", "United States", "US", 617_638, "en", "louisvilleky.gov"),
    City("Winston-Salem", "United States", "US", 247_945, "en", "cityofws.org"),
    City("Auckland", "New Zealand", "NZ", 1_717_500, "en", "aucklandcouncil.govt.nz"),
    City("Seoul", "South Korea", "KR", 9_776_000, "ko", "seoul.go.kr"),
    City("Brno", "Czech Republic", "CZ", 381_346, "cs", "brno.cz"),
    City("České Budějovice", "Czech Republic", "CZ", 94_463, "cs", "c-budejovice.cz"),
    City("Wien", "Austria", "AT", 1_897_491, "de", "wien.gv.at"),
    City("Sankt Pölten", "Austria", "AT", 55_514, "de", "st-poelten.at"),
    City("Zürich", "Switzerland", "CH", 415_367, "de", "stadt-zuerich.ch"),
    City("Guadalajara", "Mexico", "MX", 1_385_629, "es", "guadalajara.gob.mx"),
    City("Ciudad de México", "Mexico", "MX", 9_209_944, "es", "cdmx.gob.mx"),
    City("Santiago de Querétaro", "Mexico", "MX", 878_931, "es", "municipiodequeretaro.gob.mx"),
    City("Tromsø", "Norway", "NO", 77_095, "no", "tromso.kommune.no"),
    City("Espoo", "Finland", "FI", 289_731, "fi", "espoo.fi"),
    City("Jyväskylä", "Finland", "FI", 143_420, "fi", "jyvaskyla.fi"),
    City("Kaunas", "Lithuania", "LT", 292_691, "lt", "kaunas.lt"),
    City("Ljubljana", "Slovenia", "SI", 292_988, "sl", "ljubljana.si"),
    City("Nuuk", "Greenland", "GL", 18_326, "da", "sermersooq.gl"),
    City("İzmir", "Türkiye", "TR", 4_367_251, "tr", "izmir.bel.tr"),
)

FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("Maureen", "Darnell", "Priya", "Dan", "Keisha", "Oliver", "Greg", "Aroha"),
    "fr": ("Geneviève", "François", "Anne-Sophie", "Jérôme", "Hélène", "Loïc", "Maël"),
    "de": ("Friederike", "Matthias", "Jürgen", "Käthe", "Björn", "Ursula", "Stefan"),
    "sv": ("Åsa", "Björn", "Märta", "Göran", "Ingrid", "Katrin"),
    "is": ("Dagur", "Þórdís", "Sigríður", "Ólafur", "Hildur"),
    "pl": ("Agnieszka", "Paweł", "Małgorzata", "Łukasz", "Zofia", "Jacek"),
    "ro": ("Ioana", "Radu", "Ștefan", "Ana-Maria", "Emil"),
    "es": ("Catalina", "Andrés Felipe", "María José", "Iñaki", "Begoña", "Ramón"),
    "pt": ("João", "Inês", "Conceição", "Gonçalo", "Mariana"),
    "it": ("Luca", "Chiara", "Niccolò", "Giulia", "Andrea"),
    "nl": ("Onno", "Gerdien", "Jeroen", "Marieke", "Sjoerd"),
    "et": ("Mihkel", "Liis", "Tõnu", "Kärt", "Jüri"),
    "da": ("Mette", "Søren", "Jens", "Ditte", "Nivi"),
    "ko": ("Seo-yeon", "Ji-hoon", "Min-jun", "Ha-eun"),
    "cs": ("Markéta", "Jiří", "Tomáš", "Lenka"),
    "no": ("Gunnhild", "Øystein", "Kristin", "Håkon"),
    "fi": ("Jukka", "Päivi", "Sanna", "Mikko"),
    "lt": ("Visvaldas", "Rūta", "Jonas", "Eglė"),
    "sl": ("Zoran", "Mojca", "Tjaša", "Matej"),
    "tr": ("Tunç", "Ayşe", "Çağla", "Emre"),
}

LAST_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("O’Sullivan-Reyes", "Washington", "Ramanathan", "Horrigan", "Fischer", "Te Whata", "McAllister"),
    "fr": ("Lévesque-Dubé", "Bélanger", "Lefèvre", "Béranger", "Côté", "Dupré"),
    "de": ("Kühn-Brandstätter", "Größwang", "Müller", "Schäfer", "Weiß", "Oberhäuser"),
    "sv": ("Lindström", "Åkesson", "Jönsson", "Stridh", "Ekström"),
    "is": ("Eggertsson", "Kolbrúnardóttir", "Þórðarson", "Gunnarsdóttir"),
    "pl": ("Wróblewska", "Łukasiewicz", "Majchrowski", "Zdanowska", "Dąbrowski"),
    "ro": ("Mureșan-Pop", "Ciobanu", "Boc", "Iliescu"),
    "es": ("Restrepo Gaviria", "Ossa", "Etxebarria Goñi", "Zubizarreta Ibáñez", "Peñalosa"),
    "pt": ("Carvalho Simões", "Figueiredo", "Medina", "Gonçalves"),
    "it": ("Vecchi", "Bertolini", "Zanichelli", "Moretti"),
    "nl": ("van Veldhuizen", "Looman", "de Jong", "van der Meer", "Mikkers"),
    "et": ("Õunapuu", "Kärner", "Kõlvart", "Tamm"),
    "da": ("Kjærsgaard Holm", "Østergaard Nielsen", "Bundsgaard", "Kleist"),
    "ko": ("Han", "Choi", "Park", "Kim"),
    "cs": ("Vaňková", "Svoboda", "Dvořák", "Nováková"),
    "no": ("Rørvik", "Hætta", "Sæther", "Bjørnstad"),
    "fi": ("Mäkelä", "Häkkinen", "Virtanen", "Koskinen"),
    "lt": ("Matijošaitis", "Žukauskienė", "Kazlauskas", "Petrauskaitė"),
    "sl": ("Janković", "Kovač", "Horvat", "Zupančič"),
    "tr": ("Soyer", "Yılmaz", "Öztürk", "Çelik"),
}

# Spotlight: a programme name pattern ({city} is the city's name) and sentences for the paragraph.
PROGRAMMES = ("{city} Urban Lab", "{city} Data Lab", "{city} Test Bed", "Open {city}", "{city} Living Lab",
              "Smart {city} Forum", "{city} Co-design Studio", "{city} Innovation Days", "Street Lab {city}")  # fmt: skip

SPOTLIGHT_SENTENCES = (
    "{prog} brings together municipal departments, universities and local start-ups to test new solutions"
    " in real urban settings.",
    "Since its launch, the programme has run more than {n} pilots, from sensor-based street lighting to a"
    " digital platform where residents co-design neighbourhood projects.",
    "Teams of residents and civil servants work for a few weeks on challenges set by municipal departments,"
    " such as reducing queues at the local tax office or mapping illegal dumping sites.",
    "Pilots that prove their value are scaled up across the municipality through a shared pilot-to-practice"
    " process, and every pilot ends with a short public evaluation.",
    "The most promising ideas are taken up by municipal departments or by local entrepreneurs, who receive"
    " mentoring from experienced public managers.",
    "Residents identify everyday problems, such as access to clean water or safe routes to school, and the"
    " lab helps small teams build and test low-cost prototypes on site.",
    "Recent trials include self-driving delivery robots in the harbour district and smart waste containers"
    " that report when they need to be emptied.",
    "In the spirit of collaboration and knowledge sharing, {city} has entered into an innovative partnership"
    " with {n} other cities to co-create solutions for public service delivery.",
)

DEPARTMENTS = ("the Department of Economic Development", "the Chief Digital Office", "the Finance Department",
               "the Department of Urban Planning", "the Mayor{q}s Department", "Budget and Management Services")  # fmt: skip

DATA_USES = (
    "align its budget process with its strategic priorities",
    "target housing inspections",
    "plan the renewal of its social housing stock",
    "monitor air quality across its districts",
    "prioritise investments in public transport",
    "measure the impact of its climate plan",
    "target support to elderly residents living alone",
    "evaluate the results of its urban pilots",
    "predict demand for social services during the winter months",
    "schedule street maintenance before problems are reported",
)
