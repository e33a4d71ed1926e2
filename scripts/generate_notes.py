#!/usr/bin/env python3
"""Writes labelled synthetic 1540 Committee Information Notes.

    generate_notes.py --count N --seed S --out DIR [--jobs J]

writes N notes (DIR/note-000000.txt, ... some .md) and DIR/ground_truth.jsonl,
one JSON object per note, in file order:

    {"file", "title", "start_date", "end_date",
     "venue": {"city", "country", "online"},
     "participants": [alpha-2 codes of the participating States, in order],
     "participants_written": [the names as the note writes them],
     "organizations": [acronyms of the international organizations listed
                       among the participants, in order],
     "features": {"language", "layout", "date_style", ...}}

Notes are spread over the layouts, date styles, country-name forms and
languages of issue 3 (see scripts/README.md). Note i depends only on
(seed, i): the first 300 notes of a 100,000-note run are the 300 notes of a
300-note run with the same seed, whatever --jobs. Standard library only.
"""

import argparse
import gettext
import json
import multiprocessing
import os
import random
import sys
import time
import unicodedata

# ---------------------------------------------------------------------------
# Countries: names from iso-codes and its French and Spanish catalogues.

ISO_DIR = os.environ.get("INFONOTE_ISO_CODES_DIR", "/usr/share/iso-codes/json")
LOCALE_DIR = "/usr/share/locale"

# iso-codes entries that are not UN Member States or observer States
# (territories, dependencies, Antarctica, Taiwan): never participants here.
NON_STATES = set(
    "AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY "
    "MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK TW UM VG VI WF YT".split())

# The UN's short name where iso-codes inverts it ("Korea, Republic of").
UN_SHORT = {
    "BO": "Bolivia (Plurinational State of)",
    "CD": "Democratic Republic of the Congo",
    "FM": "Micronesia (Federated States of)",
    "IR": "Iran (Islamic Republic of)",
    "KP": "Democratic People's Republic of Korea",
    "KR": "Republic of Korea",
    "MD": "Republic of Moldova",
    "PS": "State of Palestine",
    "TZ": "United Republic of Tanzania",
    "VE": "Venezuela (Bolivarian Republic of)",
    "VA": "Holy See",
}

# Former names and UN-usage forms named in issue 3, with the share of that
# country's mentions that use them.
EXTRA_ENGLISH = {
    "SZ": (0.35, ["Swaziland"]),
    "TR": (0.35, ["Turkey"]),
    "CZ": (0.35, ["Czech Republic"]),
    "CV": (0.35, ["Cape Verde"]),
    "MK": (0.35, ["The former Yugoslav Republic of Macedonia"]),
    "LA": (0.30, ["Lao PDR"]),
    "KP": (0.30, ["DPRK"]),
    "CI": (0.15, ["Cote d'Ivoire"]),
    "VN": (0.10, ["Vietnam"]),
}


def fold(name):
    """Case, accents and punctuation folded away, as the gazetteer compares."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def uninvert(name):
    """"Corée, République de" -> "République de Corée"."""
    head, _, tail = name.partition(", ")
    glue = "" if tail.endswith("'") else " "
    return tail + glue + head


def load_countries():
    """{alpha2: {"en": [(weight, kind, name)], "fr": [...], "es": [...]}} for
    the UN Member and observer States. A country's weights add up to 1 per
    language; `kind` says which form a name is (un, official, common,
    former, ...), for the ground truth's features."""
    with open(os.path.join(ISO_DIR, "iso_3166-1.json"), encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]

    def catalogue(lang):
        path = os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", "iso_3166-1.mo")
        try:
            with open(path, "rb") as f:
                return gettext.GNUTranslations(f).gettext
        except OSError:
            sys.exit("generate_notes.py: cannot read %s (install iso-codes)" % path)

    tr = {"fr": catalogue("fr"), "es": catalogue("es")}

    # Every folded name any entry may be written as, to drop ambiguous ones.
    owners = {}

    def own(name, code):
        owners.setdefault(fold(name), set()).add(code)

    forms = {}
    for e in entries:
        code = e["alpha_2"]
        iso = [e.get(k) for k in ("name", "official_name", "common_name") if e.get(k)]
        for n in iso:
            own(n, code)
            for lang in tr:
                own(tr[lang](n), code)
        if code in NON_STATES:
            continue
        name = e["name"]
        en = []
        un = UN_SHORT.get(code, name)
        en.append((0.70, "un", un))
        official_raw = e.get("official_name")
        official = official_raw
        if official and official.lower().startswith("the "):
            official = official[4:]
        if official and official != un and ", " not in official:
            en.append((0.12, "official", official))
        common = e.get("common_name")
        if common and common != un:
            en.append((0.08, "common", common))
        if ", " in name:
            # iso-codes' inverted name, as UN lists write it turned round or
            # with the qualifier in parentheses.
            for alt in (uninvert(name), "%s (%s)" % tuple(name.split(", ", 1))):
                if alt.startswith("The "):
                    alt = alt[4:]
                if alt != un:
                    en.append((0.05, "un_variant", alt))
        if name != un and ", " not in name and name not in (x[2] for x in en):
            en.append((0.05, "iso", name))
        share, extras = EXTRA_ENGLISH.get(code, (0, []))
        en = [(w * (1 - share), k, n) for w, k, n in en]
        for n in extras:
            kind = "former" if code in ("SZ", "TR", "CZ", "CV", "MK") else "un_usage"
            en.append((share / len(extras), kind, n))
        forms[code] = {"en": en}
        for lang in tr:
            out = []
            for weight, kind, source in ((0.75, "name", name), (0.15, "official", official_raw),
                                         (0.10, "common", common)):
                if not source:
                    continue
                t = tr[lang](source)
                if t == source and source == official_raw:
                    continue  # untranslated official name
                for article in ("l'", "the "):
                    if t.startswith(article):
                        t = t[len(article):]
                if ", " in t:
                    t = uninvert(t)
                    kind += "_uninverted"
                t = t[0].upper() + t[1:]
                if t not in (x[2] for x in out):
                    out.append((weight, kind, t))
            forms[code][lang] = out
    for code, (share, extras) in EXTRA_ENGLISH.items():
        for n in extras:
            own(n, code)
    for code in forms:
        for lang in forms[code]:
            for _, _, n in forms[code][lang]:
                own(n, code)
    # Keep only names that name one country; fall back to the UN name.
    for code, by_lang in forms.items():
        for lang, lst in by_lang.items():
            kept = [x for x in lst if len(owners[fold(x[2])]) == 1]
            if not kept:
                kept = [x for x in by_lang["en"] if len(owners[fold(x[2])]) == 1][:1]
            total = sum(w for w, _, _ in kept)
            by_lang[lang] = [(w / total, k, n) for w, k, n in kept]
    return forms


def _parse_cities(text):
    """"AF:Kabul AD:Andorra la Vella" -> {"AF": "Kabul", "AD": "Andorra la Vella"}."""
    out = {}
    code = None
    for token in text.split():
        if len(token) > 3 and token[2] == ":" and token[:2].isupper():
            code = token[:2]
            out[code] = token[3:]
        elif code:
            out[code] += " " + token
    return out


# Capitals (and a few other venue cities).
CAPITAL = _parse_cities("""
AF:Kabul AL:Tirana DZ:Algiers AD:Andorra la Vella AO:Luanda AG:St. John's AR:Buenos Aires
AM:Yerevan AU:Canberra AT:Vienna AZ:Baku BS:Nassau BH:Manama BD:Dhaka BB:Bridgetown BY:Minsk
BE:Brussels BZ:Belmopan BJ:Cotonou BT:Thimphu BO:La Paz BA:Sarajevo BW:Gaborone BR:Brasilia
BN:Bandar Seri Begawan BG:Sofia BF:Ouagadougou BI:Bujumbura CV:Praia KH:Phnom Penh CM:Yaounde
CA:Ottawa CF:Bangui TD:N'Djamena CL:Santiago CN:Beijing CO:Bogota KM:Moroni CG:Brazzaville
CD:Kinshasa CR:San Jose CI:Abidjan HR:Zagreb CU:Havana CY:Nicosia CZ:Prague DK:Copenhagen
DJ:Djibouti DM:Roseau DO:Santo Domingo EC:Quito EG:Cairo SV:San Salvador GQ:Malabo ER:Asmara
EE:Tallinn SZ:Mbabane ET:Addis Ababa FJ:Suva FI:Helsinki FR:Paris GA:Libreville GM:Banjul
GE:Tbilisi DE:Berlin GH:Accra GR:Athens GD:St. George's GT:Guatemala City GN:Conakry GW:Bissau
GY:Georgetown HT:Port-au-Prince HN:Tegucigalpa HU:Budapest IS:Reykjavik IN:New Delhi ID:Jakarta
IR:Tehran IQ:Baghdad IE:Dublin IT:Rome JM:Kingston JP:Tokyo JO:Amman KZ:Astana KE:Nairobi
KI:Tarawa KR:Seoul KW:Kuwait City KG:Bishkek LA:Vientiane LV:Riga LB:Beirut LS:Maseru
LR:Monrovia LY:Tripoli LI:Vaduz LT:Vilnius LU:Luxembourg MG:Antananarivo MW:Lilongwe
MY:Kuala Lumpur MV:Male ML:Bamako MT:Valletta MH:Majuro MR:Nouakchott MU:Port Louis
MX:Mexico City FM:Palikir MD:Chisinau MN:Ulaanbaatar ME:Podgorica MA:Rabat MZ:Maputo
MM:Nay Pyi Taw NA:Windhoek NR:Yaren NP:Kathmandu NL:The Hague NZ:Wellington NI:Managua NE:Niamey
NG:Abuja MK:Skopje NO:Oslo OM:Muscat PK:Islamabad PW:Koror PA:Panama City PG:Port Moresby
PY:Asuncion PE:Lima PH:Manila PL:Warsaw PT:Lisbon QA:Doha RO:Bucharest RU:Moscow RW:Kigali
KN:Basseterre LC:Castries VC:Kingstown WS:Apia ST:Sao Tome SA:Riyadh SN:Dakar RS:Belgrade
SC:Victoria SL:Freetown SK:Bratislava SI:Ljubljana SB:Honiara SO:Mogadishu ZA:Pretoria SS:Juba
ES:Madrid LK:Colombo SD:Khartoum SR:Paramaribo SE:Stockholm CH:Bern SY:Damascus TJ:Dushanbe
TZ:Dar es Salaam TH:Bangkok TL:Dili TG:Lome TO:Nuku'alofa TT:Port of Spain TN:Tunis TR:Ankara
TM:Ashgabat TV:Funafuti UG:Kampala UA:Kyiv AE:Abu Dhabi GB:London US:Washington UY:Montevideo
UZ:Tashkent VU:Port Vila VE:Caracas VN:Hanoi YE:Sana'a ZM:Lusaka ZW:Harare
""")
# Other cities that host meetings.
OTHER_CITIES = _parse_cities("""
CH:Geneva US:New York KZ:Almaty TR:Istanbul AU:Sydney ZA:Durban BR:Rio de Janeiro FR:Lyon
DE:Wiesbaden KR:Jeju MA:Marrakech EG:Sharm El-Sheikh IN:Mumbai CN:Shanghai IT:Turin FJ:Nadi
NG:Lagos VN:Ho Chi Minh City AE:Dubai TZ:Arusha KE:Mombasa PH:Cebu JP:Osaka CI:Yamoussoukro
BJ:Porto-Novo CM:Douala SN:Saly PE:Cusco CO:Cartagena MX:Cancun
""")
# Hosts never named as venue cities here (city-states: the venue is the
# country alone; contested capitals: not generated).
COUNTRY_ONLY = {"SG", "MC", "SM", "VA", "IL", "PS", "KP"}

CITY_FR = {
    "Vienna": "Vienne", "Geneva": "Genève", "London": "Londres", "Beijing": "Pékin",
    "Moscow": "Moscou", "Warsaw": "Varsovie", "Brussels": "Bruxelles", "Lisbon": "Lisbonne",
    "Copenhagen": "Copenhague", "Athens": "Athènes", "Cairo": "Le Caire", "Algiers": "Alger",
    "Yaounde": "Yaoundé", "Lome": "Lomé", "Mexico City": "Mexico", "Havana": "La Havane",
    "Santo Domingo": "Saint-Domingue", "The Hague": "La Haye", "Beirut": "Beyrouth",
    "Hanoi": "Hanoï", "Bucharest": "Bucarest", "Bern": "Berne", "Tehran": "Téhéran",
    "Baghdad": "Bagdad", "Addis Ababa": "Addis-Abeba", "Sao Tome": "São Tomé",
    "New York": "New York", "Tunis": "Tunis", "Rome": "Rome", "Tripoli": "Tripoli",
}
CITY_ES = {
    "Vienna": "Viena", "Geneva": "Ginebra", "London": "Londres", "Beijing": "Pekín",
    "Moscow": "Moscú", "Warsaw": "Varsovia", "Brussels": "Bruselas", "Lisbon": "Lisboa",
    "Copenhagen": "Copenhague", "Athens": "Atenas", "Cairo": "El Cairo", "Algiers": "Argel",
    "Mexico City": "Ciudad de México", "Havana": "La Habana", "Port-au-Prince": "Puerto Príncipe",
    "Bogota": "Bogotá", "San Jose": "San José", "Panama City": "Ciudad de Panamá",
    "Guatemala City": "Ciudad de Guatemala", "Asuncion": "Asunción", "Port of Spain": "Puerto España",
    "The Hague": "La Haya", "Rome": "Roma", "Berlin": "Berlín", "Paris": "París",
    "Stockholm": "Estocolmo", "Bern": "Berna", "Tokyo": "Tokio", "Seoul": "Seúl",
    "New York": "Nueva York", "Tehran": "Teherán", "Baghdad": "Bagdad", "Brasilia": "Brasilia",
}

# Regions: a heading for their States and their members, in the order lists
# give them.
REGIONS = [
    ("Central Asia", ["Central Asia States", "Central Asian States", "States"], "KZ KG TJ TM UZ"),
    ("the Caribbean", ["CARICOM Member States", "States", "Caribbean States"],
     "AG BS BB BZ DM GD GY HT JM KN LC VC SR TT"),
    ("West Africa", ["ECOWAS Member States", "States", "West African States"],
     "BJ BF CV CI GM GH GN GW LR ML NE NG SN SL TG"),
    ("Africa", ["African Union Member States", "States", "African States"],
     "DZ AO BW BI CM CF TD KM CG CD DJ EG GQ ER SZ ET GA KE LS LY MG MW MR MU MA MZ NA RW ST SC "
     "SO ZA SS SD TZ TN UG ZM ZW"),
    ("Southern Africa", ["SADC Member States", "States"], "AO BW CD LS MG MW MU MZ NA SC ZA SZ TZ ZM ZW"),
    ("East Africa", ["EAC Partner States", "States"], "BI KE RW SS TZ UG CD SO"),
    ("Central America", ["SICA Member States", "States", "Central American States"],
     "BZ CR SV GT HN NI PA DO"),
    ("South America", ["States", "South American States"], "AR BO BR CL CO EC GY PY PE SR UY VE"),
    ("South-East Asia", ["ASEAN Member States", "States"], "BN KH ID LA MY MM PH SG TH VN TL"),
    ("the Pacific", ["Pacific Island States", "Pacific Islands Forum States", "States"],
     "FJ KI MH FM NR PW PG WS SB TO TV VU AU NZ"),
    ("the Middle East", ["States", "Arab States"], "BH EG IQ JO KW LB OM QA SA SY AE YE"),
    ("Eastern Europe", ["States", "OSCE participating States"],
     "AL AM AZ BY BA BG GE HU MD ME MK PL RO RS UA"),
    ("South Asia", ["States", "South Asian States"], "AF BD BT IN MV NP PK LK"),
    ("the Gulf", ["GCC Member States", "States"], "BH KW OM QA SA AE"),
    ("Central Africa", ["ECCAS Member States", "States"], "AO BI CM CF TD CG CD GQ GA RW ST"),
    ("North Africa", ["States", "Maghreb States"], "DZ EG LY MR MA TN"),
    ("Latin America", ["States", "Latin American and Caribbean States"],
     "AR BO BR CL CO CR CU DO EC SV GT HN MX NI PA PY PE UY VE"),
]
REGION_FR = {"Central Asia": "d'Asie centrale", "the Caribbean": "des Caraïbes",
             "West Africa": "d'Afrique de l'Ouest", "Africa": "d'Afrique",
             "Southern Africa": "d'Afrique australe", "East Africa": "d'Afrique de l'Est",
             "Central America": "d'Amérique centrale", "South America": "d'Amérique du Sud",
             "South-East Asia": "d'Asie du Sud-Est", "the Pacific": "du Pacifique",
             "the Middle East": "du Moyen-Orient", "Eastern Europe": "d'Europe de l'Est",
             "South Asia": "d'Asie du Sud", "the Gulf": "du Golfe",
             "Central Africa": "d'Afrique centrale", "North Africa": "d'Afrique du Nord",
             "Latin America": "d'Amérique latine"}
REGION_ES = {"Central Asia": "Asia Central", "the Caribbean": "el Caribe",
             "West Africa": "África Occidental", "Africa": "África",
             "Southern Africa": "África Meridional", "East Africa": "África Oriental",
             "Central America": "Centroamérica", "South America": "América del Sur",
             "South-East Asia": "Asia Sudoriental", "the Pacific": "el Pacífico",
             "the Middle East": "Oriente Medio", "Eastern Europe": "Europa Oriental",
             "South Asia": "Asia Meridional", "the Gulf": "el Golfo",
             "Central Africa": "África Central", "North Africa": "África del Norte",
             "Latin America": "América Latina"}

# International and regional organizations: acronym and full name, per
# language. Acronyms that are also country codes ("AU") are kept: the
# parser must cope.
ORGS_EN = [
    ("UNODA", "United Nations Office for Disarmament Affairs"),
    ("UNODC", "United Nations Office on Drugs and Crime"),
    ("IAEA", "International Atomic Energy Agency"),
    ("OPCW", "Organisation for the Prohibition of Chemical Weapons"),
    ("WCO", "World Customs Organization"),
    ("INTERPOL", "International Criminal Police Organization"),
    ("EU", "European Union"),
    ("OSCE", "Organization for Security and Co-operation in Europe"),
    ("AU", "African Union"),
    ("ECOWAS", "Economic Community of West African States"),
    ("CARICOM", "Caribbean Community"),
    ("OAS", "Organization of American States"),
    ("ASEAN", "Association of Southeast Asian Nations"),
    ("PIFS", "Pacific Islands Forum Secretariat"),
    ("SICA", "Central American Integration System"),
    ("SADC", "Southern African Development Community"),
    ("EAC", "East African Community"),
    ("LAS", "League of Arab States"),
    ("CIS", "Commonwealth of Independent States"),
    ("CSTO", "Collective Security Treaty Organization"),
    ("UNICRI", "United Nations Interregional Crime and Justice Research Institute"),
    ("UNIDIR", "United Nations Institute for Disarmament Research"),
    ("UNOCT", "United Nations Office of Counter-Terrorism"),
    ("CTED", "Counter-Terrorism Committee Executive Directorate"),
    ("CTBTO", "Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization"),
    ("WHO", "World Health Organization"),
    ("WOAH", "World Organisation for Animal Health"),
    ("FAO", "Food and Agriculture Organization of the United Nations"),
    ("ICAO", "International Civil Aviation Organization"),
    ("IMO", "International Maritime Organization"),
    ("UNREC", "United Nations Regional Centre for Peace and Disarmament in Africa"),
    ("UNRCPD", "United Nations Regional Centre for Peace and Disarmament in Asia and the Pacific"),
    ("PAHO", "Pan American Health Organization"),
    ("OIC", "Organisation of Islamic Cooperation"),
    ("IGAD", "Intergovernmental Authority on Development"),
    ("GCC", "Gulf Cooperation Council"),
    ("AAEA", "Arab Atomic Energy Agency"),
    ("AFCONE", "African Commission on Nuclear Energy"),
    ("ECCAS", "Economic Community of Central African States"),
    ("NATO", "North Atlantic Treaty Organization"),
]
ORGS_FR = [
    ("UNODA", "Bureau des affaires de désarmement des Nations Unies"),
    ("ONUDC", "Office des Nations Unies contre la drogue et le crime"),
    ("AIEA", "Agence internationale de l'énergie atomique"),
    ("OIAC", "Organisation pour l'interdiction des armes chimiques"),
    ("OMD", "Organisation mondiale des douanes"),
    ("INTERPOL", "Organisation internationale de police criminelle"),
    ("UE", "Union européenne"),
    ("UA", "Union africaine"),
    ("CEDEAO", "Communauté économique des États de l'Afrique de l'Ouest"),
    ("CEEAC", "Communauté économique des États de l'Afrique centrale"),
    ("OMS", "Organisation mondiale de la santé"),
    ("OIF", "Organisation internationale de la Francophonie"),
    ("UNREC", "Centre régional des Nations Unies pour la paix et le désarmement en Afrique"),
    ("AFCONE", "Commission africaine de l'énergie nucléaire"),
]
ORGS_ES = [
    ("UNODA", "Oficina de Asuntos de Desarme de las Naciones Unidas"),
    ("UNODC", "Oficina de las Naciones Unidas contra la Droga y el Delito"),
    ("OIEA", "Organismo Internacional de Energía Atómica"),
    ("OPAQ", "Organización para la Prohibición de las Armas Químicas"),
    ("OMA", "Organización Mundial de Aduanas"),
    ("OEA", "Organización de los Estados Americanos"),
    ("CARICOM", "Comunidad del Caribe"),
    ("SICA", "Sistema de la Integración Centroamericana"),
    ("OPS", "Organización Panamericana de la Salud"),
    ("UE", "Unión Europea"),
    ("CICTE", "Comité Interamericano contra el Terrorismo"),
    ("INTERPOL", "Organización Internacional de Policía Criminal"),
]
ORGS = {"en": ORGS_EN, "fr": ORGS_FR, "es": ORGS_ES}

# Entries of Industry / NGO / Academia lists; {X} is a country name, which
# must never be read as a participating State.
INDUSTRY = [
    "Ericsson AB Sweden", "Siemens AG Germany", "Indian Chemical Council",
    "Korea Strategic Trade Institute", "{X} Chemical Industry Association",
    "Chamber of Commerce and Industry of {X}", "{X} Freight Forwarders Association",
    "Federation of Industries of {X}", "{X} Nuclear Power Company", "Airbus Defence and Space",
    "European Chemical Industry Council (Cefic)", "International Council of Chemical Associations",
    "Japan Machinery Center for Trade and Investment", "{X} Shipping Agency",
    "{X} Pharmaceutical Manufacturers Association", "Rolls-Royce plc",
    "Kenya Association of Manufacturers", "Brazilian Chemical Industry Association (Abiquim)",
]
CIVIL = [
    "University of Georgia (USA)", "Verification Research, Training and Information Centre (VERTIC)",
    "Stimson Center", "King's College London", "James Martin Center for Nonproliferation Studies",
    "Stockholm International Peace Research Institute (SIPRI)", "University of {X}",
    "{X} Institute of International Affairs", "Institute for Security Studies {X}",
    "National University of Singapore", "Centre for Science and Security Studies",
    "{X} Red Cross Society", "Korea Strategic Trade Institute", "University of Malta",
    "Mexican Council on Foreign Relations", "Peace Research Institute Frankfurt",
    "Center for Policy Studies in {X}", "Stellenbosch University (South Africa)",
]
NATIONAL = [
    "Ministry of Foreign Affairs", "Ministry of Defence", "Ministry of the Interior",
    "Ministry of Health", "Ministry of Agriculture", "Ministry of Trade and Industry",
    "Customs Administration", "National Police", "Atomic Energy Commission",
    "Office of the Attorney General", "National Security Council", "Ministry of Justice",
    "Radiation Protection Authority", "Border Guard Service", "Ministry of Environment",
    "{X} Revenue Authority", "National Authority for the Chemical Weapons Convention",
]
COMMITTEE = {
    "en": ["one member of the Committee and one expert", "one expert", "two experts",
           "the Chair of the Committee and one expert", "one expert of the Group of Experts",
           "two members of the Group of Experts"],
    "fr": ["un expert", "deux experts du Groupe d'experts", "un membre du Comité et un expert"],
    "es": ["un experto", "dos expertos del Grupo de Expertos", "un miembro del Comité y un experto"],
}
ORG_HEADINGS = ["International and Regional Organizations", "Intergovernmental Organizations",
                "International organisations", "Regional organisations",
                "International organizations"]
INDUSTRY_HEADINGS = ["Industry"]
CIVIL_HEADINGS = ["Non-Governmental Organizations and Academia", "Civil society"]

# ---------------------------------------------------------------------------
# Dates.

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]


def month_length(y, m):
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if m in (4, 6, 9, 11) else 31


def add_days(y, m, d, n):
    d += n
    while d > month_length(y, m):
        d -= month_length(y, m)
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return y, m, d


def iso(y, m, d):
    return "%04d-%02d-%02d" % (y, m, d)


# Styles by language: (name, weight). Each renders a date or range.
DATE_STYLES = {
    "en": [("dmy_range", 14), ("dmy_range_dash", 6), ("dmy_single", 8), ("dmy_cross_month", 6),
           ("dmy_cross_year", 3), ("from_to", 5), ("and_pair", 5), ("series", 4), ("mdy_range", 5),
           ("mdy_single_abbr", 4), ("mdy_cross", 3), ("iso_single", 3), ("iso_range", 2),
           ("dmy_numeric", 4), ("ordinal_range", 2)],
    "fr": [("fr_du_au", 8), ("fr_les_et", 6), ("fr_single", 4), ("fr_range", 3),
           ("fr_cross", 2), ("fr_premier", 2)],
    "es": [("es_y", 8), ("es_del_al", 6), ("es_single", 4), ("es_range", 3), ("es_cross", 2)],
}


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def make_date(rng, style, year):
    """(text, start iso, end iso) for an event in `year` in the given style."""
    r = rng.random
    m = 1 + int(r() * 12)
    length = 1 + int(r() * 3)  # days
    if style in ("dmy_cross_month", "mdy_cross", "fr_cross", "es_cross"):
        m = 1 + int(r() * 11)
        d1 = month_length(year, m) - int(r() * 2)
        y2, m2, d2 = add_days(year, m, d1, 1 + int(r() * 2))
    elif style == "dmy_cross_year":
        m, d1 = 12, 30 + int(r() * 2)
        y2, m2, d2 = add_days(year, m, d1, 2 + int(r() * 2))
    else:
        d1 = 1 + int(r() * (month_length(year, m) - 3))
        y2, m2, d2 = add_days(year, m, d1, length - 1)
    y1 = year
    M1, M2 = MONTHS_EN[m - 1], MONTHS_EN[m2 - 1]
    single = (y1, m, d1) == (y2, m2, d2)
    if style == "dmy_range":
        if single:
            d2 += 1
        text = "%d-%d %s %d" % (d1, d2, M1, y1)
    elif style == "dmy_range_dash":
        if single:
            d2 += 1
        sep = ("\u2013", " - ", " \u2013 ", " to ")[int(r() * 4)]
        text = "%d%s%d %s %d" % (d1, sep, d2, M1, y1)
    elif style == "dmy_single":
        y2, m2, d2 = y1, m, d1
        text = "%d %s %d" % (d1, M1, y1)
    elif style == "dmy_cross_month":
        text = "%d %s - %d %s %d" % (d1, M1, d2, M2, y1)
    elif style == "dmy_cross_year":
        text = "%d %s %d - %d %s %d" % (d1, M1, y1, d2, M2, y2)
    elif style == "from_to":
        if single:
            d2 += 2
        text = "from %d to %d %s %d" % (d1, d2, M1, y1)
    elif style == "and_pair":
        d2 = d1 + 1
        text = "%d and %d %s %d" % (d1, d2, M1, y1)
    elif style == "series":
        d1 = 1 + int(r() * 10)
        step = 2 + int(r() * 6)
        dm, d2 = d1 + step, d1 + 2 * step
        text = "%d, %d and %d %s %d" % (d1, dm, d2, M1, y1)
    elif style == "mdy_range":
        if single:
            d2 += 1
        text = "%s %d-%d, %d" % (M1, d1, d2, y1)
    elif style == "mdy_single_abbr":
        y2, m2, d2 = y1, m, d1
        ab = MONTHS_ABBR[m - 1]
        text = ("%s %d, %d", "%s %d %d", "%s. %d, %d")[int(r() * 3)] % (ab, d1, y1)
        if text.startswith("May."):
            text = text.replace("May.", "May", 1)
    elif style == "mdy_cross":
        text = "%s %d - %s %d, %d" % (M1, d1, M2, d2, y1)
    elif style == "iso_single":
        y2, m2, d2 = y1, m, d1
        text = iso(y1, m, d1)
    elif style == "iso_range":
        if single:
            y2, m2, d2 = add_days(y1, m, d1, 1)
        text = "%s to %s" % (iso(y1, m, d1), iso(y2, m2, d2))
    elif style == "dmy_numeric":
        y2, m2, d2 = y1, m, d1
        text = "%02d%s%02d%s%d" % (d1, "/" if r() < 0.8 else ".", m, "/" if r() < 0.8 else ".", y1)
        text = text.replace(".", "/") if "/" in text else text
    elif style == "ordinal_range":
        if single:
            d2 += 1
        text = "%s-%s %s %d" % (ordinal(d1), ordinal(d2), M1, y1)
    elif style == "fr_du_au":
        if single:
            d2 += 2
        text = "du %d au %d %s %d" % (d1, d2, MONTHS_FR[m - 1], y1)
    elif style == "fr_les_et":
        d2 = d1 + 1
        text = "les %d et %d %s %d" % (d1, d2, MONTHS_FR[m - 1], y1)
    elif style == "fr_single":
        y2, m2, d2 = y1, m, d1
        text = "%d %s %d" % (d1, MONTHS_FR[m - 1], y1)
    elif style == "fr_premier":
        d1 = 1
        y2, m2, d2 = add_days(y1, m, d1, length - 1)
        text = ("le 1er %s %d" % (MONTHS_FR[m - 1], y1) if d2 == 1 else
                "du 1er au %d %s %d" % (d2, MONTHS_FR[m - 1], y1))
    elif style == "fr_range":
        if single:
            d2 += 1
        text = "%d-%d %s %d" % (d1, d2, MONTHS_FR[m - 1], y1)
    elif style == "fr_cross":
        text = "du %d %s au %d %s %d" % (d1, MONTHS_FR[m - 1], d2, MONTHS_FR[m2 - 1], y1)
    elif style == "es_y":
        d2 = d1 + 1
        text = "%d y %d de %s de %d" % (d1, d2, MONTHS_ES[m - 1], y1)
    elif style == "es_del_al":
        if single:
            d2 += 2
        text = "del %d al %d de %s de %d" % (d1, d2, MONTHS_ES[m - 1], y1)
    elif style == "es_single":
        y2, m2, d2 = y1, m, d1
        text = "%d de %s de %d" % (d1, MONTHS_ES[m - 1], y1)
    elif style == "es_range":
        if single:
            d2 += 1
        text = "%d-%d de %s de %d" % (d1, d2, MONTHS_ES[m - 1], y1)
    elif style == "es_cross":
        text = "del %d de %s al %d de %s de %d" % (d1, MONTHS_ES[m - 1], d2, MONTHS_ES[m2 - 1], y1)
    else:
        raise AssertionError(style)
    if style in ("dmy_range", "dmy_range_dash", "from_to", "and_pair", "series", "mdy_range",
                 "ordinal_range", "fr_du_au", "fr_les_et", "fr_range", "es_y", "es_del_al",
                 "es_range"):
        y2, m2 = y1, m
    return text, iso(y1, m, d1), iso(y2, m2, d2)


# ---------------------------------------------------------------------------
# Prose. Templates are compiled once into lists of literal and slot parts;
# a slot names a word bank (static) or a per-note list (dynamic, uppercase).

def bank(text):
    """"a|b c|d" -> ["a", "b c", "d"], line breaks inside entries ignored."""
    return [" ".join(w.split()) for w in text.split("|") if w.strip()]


WORDS_EN = {
    "topic": bank("""
national implementation of resolution 1540 (2004)|strategic trade controls|export control
legislation|border and customs controls|physical protection of nuclear material|biosafety and
biosecurity|chemical security|the security of radioactive sources|counter-proliferation financing|
end-user verification|licensing procedures for dual-use goods|transit and trans-shipment controls|
brokering controls|intangible transfers of technology|control lists|catch-all provisions|
enforcement and penalties|inter-agency coordination|national control lists|risk management at
borders|detection of illicit trafficking|nuclear forensics|laboratory biosafety|pathogen
inventories|precursor chemicals|the accounting of nuclear material|emergency preparedness|
maritime security|air cargo security|the protection of critical infrastructure|
industry outreach|academic outreach|the role of parliaments|voluntary national implementation action
plans|effective practices|assistance requests|the matching of assistance offers and requests|
capacity-building|the training of customs officers|legal drafting|criminal legislation|
the criminalization of proliferation activities|the financing of proliferation|
sanctions screening|the protection of sensitive information|transport security|
the security of high-activity sealed sources|the disposal of chemical waste|
disease surveillance|the security of dangerous pathogens|radiation detection equipment|
insider threats|cyber security of nuclear facilities|regional cooperation|information sharing|
the exchange of effective practices|the review of national legislation|the reporting obligations
of States|the universalization of relevant treaties|the role of civil society|
gender perspectives in non-proliferation|the participation of young professionals|
emerging technologies|additive manufacturing|synthetic biology|unmanned aerial vehicles|
the security of chemical plants|the commodity identification of controlled items|
trade compliance programmes in industry|internal compliance programmes|
the identification of proliferation-sensitive goods|the work of the 1540 Committee|
peer review exercises|table-top exercises|the use of risk profiling|targeting and selection|
the interdiction of shipments|the investigation of suspicious transactions|
the prosecution of offences|the security of research laboratories|biological risk assessment|
the regulation of dual-use research|the oversight of chemical facilities|
nuclear security culture|the management of spent sources|post-seizure analysis"""),
    "activity": bank("""
presentations|panel discussions|working group sessions|interactive discussions|case studies|
practical exercises|a table-top exercise|site visits|country presentations|bilateral
consultations|a simulation exercise|breakout sessions|a round-table discussion|plenary sessions|
a scenario-based exercise|technical briefings|a field visit to a border crossing point|
a visit to a national laboratory"""),
    "actor": bank("""
representatives of national authorities|customs officers|licensing officials|law enforcement
officers|officials of foreign ministries|regulators|prosecutors|parliamentarians|experts from
research institutions|industry representatives|border guards|public health officials|
nuclear regulators|intelligence analysts|trade ministry officials|academics|port authorities|
legal advisers|representatives of civil society|laboratory managers|defence officials"""),
    "adj": bank("""
practical|constructive|detailed|frank|substantive|productive|lively|well-structured|focused|
informative|comprehensive|candid|useful|in-depth|technical|forward-looking|pragmatic"""),
    "aim": bank("""
to raise awareness of the obligations under resolution 1540 (2004)|to identify gaps in national
legislation|to share effective practices|to strengthen inter-agency cooperation|to build national
capacity|to promote regional cooperation|to identify assistance needs|to prepare national
implementation action plans|to support the drafting of legislation|to improve enforcement|
to facilitate the exchange of information|to review progress since the previous meeting|
to discuss the matrix of the State|to test national response procedures|to foster
dialogue between government and industry|to strengthen the capacity of customs services"""),
    "outcome": bank("""
a set of recommendations|a draft national action plan|a list of assistance needs|a roadmap for
legislative review|an agreement to establish a national coordination mechanism|a commitment to
submit an updated national report|a plan for follow-up training|proposals for a regional
network of contact points|a summary of lessons learned|a request for legislative assistance|
an updated matrix|a timetable for the adoption of control lists|terms of reference for an
inter-agency committee"""),
    "verb": bank("""
highlighted|underlined|stressed|noted|emphasized|welcomed|acknowledged|drew attention to|
reported on|outlined|described|presented|reviewed|commented on"""),
    "verb_that": bank("""
noted|stressed|underlined|emphasized|pointed out|recalled|observed|reiterated|explained|
recognized|agreed|considered"""),
    "a_event": bank("""
a workshop|a seminar|a regional meeting|a conference|a training course|a round table|an expert
meeting|a symposium|a forum|a consultation|a national dialogue|an industry outreach event"""),
    "qualifier": bank("""
considerable|significant|steady|uneven|encouraging|limited|notable|substantial|gradual"""),
    "interest": bank("considerable|significant|notable|strong|growing|particular|renewed"),
    "challenge": bank("""
limited resources|the lack of trained personnel|gaps in legislation|weak inter-agency coordination|
porous borders|the volume of trade through free zones|the complexity of control lists|
rapid technological change|limited laboratory capacity|the turnover of trained staff|
the absence of a legal framework for brokering|the difficulty of identifying dual-use items|
competing national priorities|the need for sustainable funding"""),
}

TEMPLATES_EN = {
    "background": [
        "The {EVKIND} was organized {aim} and {aim}.",
        "The meeting aimed {aim}, with particular attention to {topic} and {topic}.",
        "It followed an earlier {EVKIND} held in {NPPLACE} in {PASTDATE}, which had addressed {topic}.",
        "The Government of {HOST} hosted the event, which brought together {actor}, {actor} and {actor}.",
        "The {EVKIND} was the {NTH} in a series of events on {topic} organized since {PASTYEAR}.",
        "Previous activities in the region included {a_event} on {topic} ({PASTDATE}, {NPPLACE}) and {a_event} on {topic} in {NPCITY}.",
        "The event was made possible by a voluntary contribution from {NP} to the UN Trust Fund for Global and Regional Disarmament Activities.",
        "{HOST} has played an active role in supporting the implementation of resolution 1540 (2004) in the region.",
        "The programme was prepared in consultation with {ORG} and national authorities, taking into account {topic}.",
        "Participants were drawn from ministries and agencies responsible for {topic}, {topic} and {topic}.",
        "The agenda covered {topic}, {topic}, and {topic}.",
        "Delegations from {NP} and {NP} had been invited but were unable to attend.",
        "The {EVKIND} built on the outcome of a national round table held in {NPCITY} in {PASTYEAR}.",
        "It was conducted in English, with interpretation provided for {actor}.",
    ],
    "highlights": [
        "A member of the 1540 Committee delivered opening remarks and {verb} the importance of {topic}.",
        "The expert of the 1540 Committee {verb_that} that {topic} remains central to effective implementation.",
        "Presentations by {ORG} addressed {topic} and {topic}.",
        "The representative of {ORG} {verb} recent developments in {topic}.",
        "{P} described its experience with {topic} and the challenges posed by {challenge}.",
        "The delegation of {P} {verb} progress in {topic}, while noting {challenge}.",
        "{P} and {P} reported on their national legislation on {topic}.",
        "Several delegations {verb} {challenge} as an obstacle to {topic}.",
        "The discussions were {adj} and {adj}, and covered {topic} in some detail.",
        "{activity} allowed participants to examine {topic} in a {adj} setting.",
        "{actor} exchanged views on {topic} and on ways to address {challenge}.",
        "Participants {verb_that} the value of {topic} for preventing non-State actors from acquiring weapons of mass destruction.",
        "The {EVKIND} included {activity} and {activity} on {topic}.",
        "A case study presented by {P} illustrated {topic} in practice.",
        "The session on {topic} was moderated by the representative of {ORG}.",
        "The experience of {NP}, shared by an invited speaker, was cited as an example of {topic}.",
        "Speakers {verb_that} that progress on {topic} had been {qualifier} since the adoption of the resolution.",
        "There was {interest} interest in {topic}, in particular among {actor}.",
        "{ORG} offered to support {topic} through its existing programmes.",
        "Reference was made to the lessons of {a_event} held in {NPPLACE} on {PASTDATE}.",
    ],
    "outcomes": [
        "The {EVKIND} concluded with {outcome} and {outcome}.",
        "Participants agreed on {outcome}, to be reviewed at a follow-up meeting in {FUTUREYEAR}.",
        "{P} indicated its intention to request assistance with {topic}.",
        "The host announced {outcome} and invited {ORG} to support its implementation.",
        "It was recommended that States consider {topic} when reviewing national legislation.",
        "Follow-up activities on {topic} are planned for {FUTUREYEAR}.",
        "Participants called for continued cooperation with {ORG} on {topic}.",
        "The Chair's summary records {outcome}.",
        "{P} offered to share its experience with {topic} with other States of the region.",
    ],
    "closing": [
        "For further information, please contact the 1540 Committee's group of experts by email at 1540experts@un.org.",
        "The presentations are available from the organizers on request.",
        "A Chair's summary was prepared by the host and circulated to participants.",
        "The 1540 Committee thanks the Government of {HOST} and {ORG} for their cooperation.",
    ],
}

WORDS_FR = {
    "topic": bank("""
la mise en œuvre nationale de la résolution 1540 (2004)|le contrôle des exportations|
les contrôles aux frontières|la protection physique des matières nucléaires|la biosécurité|
la sécurité chimique|la sécurité des sources radioactives|la lutte contre le financement de la
prolifération|les listes de contrôle|le contrôle du transit et du transbordement|la coopération
régionale|l'échange d'informations|la formation des agents des douanes|la rédaction de textes
législatifs|les plans d'action nationaux|la coordination interinstitutionnelle|la détection du
trafic illicite|la sécurité des laboratoires|les biens à double usage|la sensibilisation de
l'industrie|la criminalisation des activités de prolifération|la sécurité maritime"""),
    "actor": bank("""
des représentants des autorités nationales|des agents des douanes|des magistrats|des
parlementaires|des experts d'instituts de recherche|des représentants de l'industrie|des
responsables de la santé publique|des fonctionnaires des ministères des affaires étrangères"""),
    "verb": bank("souligné|rappelé|noté|mis en avant|présenté|décrit|salué"),
    "event_kind": bank("atelier|séminaire|réunion régionale|table ronde|cours de formation"),
    "adj": bank("constructifs|approfondis|fructueux|francs|techniques|utiles"),
    "outcome": bank("""
une série de recommandations|un projet de plan d'action national|une liste des besoins
d'assistance|une feuille de route pour la révision de la législation|un engagement à
présenter un rapport national actualisé"""),
}
TEMPLATES_FR = {
    "background": [
        "La réunion avait pour objet de renforcer {topic} et {topic}.",
        "Il faisait suite à une réunion tenue à {NPPLACE} en {PASTYEAR}, consacrée à {topic}.",
        "Le Gouvernement de {HOST} a accueilli la réunion, qui a rassemblé {actor} et {actor}.",
        "Le programme portait sur {topic}, {topic} et {topic}.",
        "Des délégations de {NP} et de {NP} avaient été invitées mais n'ont pas pu y participer.",
        "La réunion a été financée par une contribution volontaire de {NP}.",
        "Les activités précédentes dans la région comprenaient une réunion sur {topic} ({NPPLACE}, {PASTYEAR}).",
    ],
    "highlights": [
        "Un membre du Comité 1540 a ouvert les travaux et a {verb} l'importance de {topic}.",
        "La délégation de {P} a {verb} les progrès accomplis en matière de {topic}.",
        "Les représentants de {ORG} ont présenté {topic} et {topic}.",
        "Les échanges ont été {adj} et {adj} et ont porté sur {topic}.",
        "{P} a décrit son expérience de {topic}.",
        "{actor} ont échangé leurs vues sur {topic}.",
        "L'expérience de {NP} a été citée en exemple en matière de {topic}.",
        "Plusieurs délégations ont {verb} les difficultés liées à {topic}.",
    ],
    "outcomes": [
        "La réunion s'est conclue par {outcome} et {outcome}.",
        "{P} a indiqué son intention de demander une assistance pour {topic}.",
        "Les participants sont convenus de {outcome}, qui sera examiné en {FUTUREYEAR}.",
        "Les participants ont appelé à poursuivre la coopération avec {ORG} sur {topic}.",
    ],
    "closing": [
        "Pour tout complément d'information, veuillez contacter le groupe d'experts du Comité 1540 à l'adresse 1540experts@un.org.",
        "Le Comité 1540 remercie le Gouvernement de {HOST} et {ORG} de leur coopération.",
    ],
}

WORDS_ES = {
    "topic": bank("""
la aplicación nacional de la resolución 1540 (2004)|los controles a la exportación|los
controles fronterizos|la protección física de los materiales nucleares|la bioseguridad|la
seguridad química|la seguridad de las fuentes radiactivas|la lucha contra la financiación de la
proliferación|las listas de control|el control del tránsito y el transbordo|la cooperación
regional|el intercambio de información|la capacitación de los funcionarios de aduanas|la
redacción de legislación|los planes de acción nacionales|la coordinación interinstitucional|
la detección del tráfico ilícito|la seguridad de los laboratorios|los bienes de doble uso|
la sensibilización de la industria|la tipificación de los delitos de proliferación"""),
    "actor": bank("""
representantes de las autoridades nacionales|funcionarios de aduanas|fiscales|parlamentarios|
expertos de instituciones de investigación|representantes de la industria|funcionarios de
salud pública|funcionarios de los ministerios de relaciones exteriores"""),
    "verb": bank("destacó|subrayó|señaló|recordó|presentó|describió|acogió con satisfacción"),
    "event_kind": bank("taller|seminario|encuentro regional|foro|curso de capacitación"),
    "adj": bank("constructivos|detallados|fructíferos|francos|técnicos|útiles"),
    "outcome": bank("""
una serie de recomendaciones|un proyecto de plan de acción nacional|una lista de necesidades de
asistencia|una hoja de ruta para la revisión de la legislación|el compromiso de presentar un
informe nacional actualizado"""),
}
TEMPLATES_ES = {
    "background": [
        "El evento tuvo por objeto fortalecer {topic} y {topic}.",
        "Dio continuidad a una reunión celebrada en {NPPLACE} en {PASTYEAR}, dedicada a {topic}.",
        "El Gobierno de {HOST} acogió el evento, que reunió a {actor} y {actor}.",
        "El programa abarcó {topic}, {topic} y {topic}.",
        "Se había invitado a delegaciones de {NP} y {NP}, que no pudieron asistir.",
        "El evento fue posible gracias a una contribución voluntaria de {NP}.",
        "Entre las actividades anteriores en la región figura un {event_kind} sobre {topic} ({NPPLACE}, {PASTYEAR}).",
    ],
    "highlights": [
        "Un miembro del Comité 1540 inauguró los trabajos y {verb} la importancia de {topic}.",
        "La delegación de {P} {verb} los avances logrados en {topic}.",
        "Los representantes de {ORG} presentaron {topic} y {topic}.",
        "Los debates fueron {adj} y {adj} y se centraron en {topic}.",
        "{P} describió su experiencia en {topic}.",
        "{actor} intercambiaron opiniones sobre {topic}.",
        "Se citó la experiencia de {NP} como ejemplo en materia de {topic}.",
        "Varias delegaciones señalaron las dificultades relacionadas con {topic}.",
    ],
    "outcomes": [
        "El evento concluyó con {outcome} y {outcome}.",
        "{P} indicó su intención de solicitar asistencia en {topic}.",
        "Los participantes acordaron {outcome}, que se examinará en {FUTUREYEAR}.",
        "Los participantes pidieron que continúe la cooperación con {ORG} en {topic}.",
    ],
    "closing": [
        "Para más información, sírvase contactar al grupo de expertos del Comité 1540 en 1540experts@un.org.",
        "El Comité 1540 agradece al Gobierno de {HOST} y a {ORG} su cooperación.",
    ],
}


# Every word bank and per-note list, by slot number. Templates are compiled
# once into a %-format string and the slot numbers of its fields, so that a
# sentence costs one random pick per field and one % operation.
SLOTS = []
# The per-note lists, filled in for each note: name -> slot number.
DYNAMIC = {k: None for k in ("HOST", "P", "NP", "NPPLACE", "NPCITY", "ORG", "PASTDATE",
                             "PASTYEAR", "FUTUREYEAR", "NTH", "EVKIND")}
for _key in DYNAMIC:
    DYNAMIC[_key] = len(SLOTS)
    SLOTS.append([_key])


def compile_templates(templates, words):
    """{section: [(format, slot numbers)]}. A sentence opening with a word
    bank uses a capitalized copy of the bank."""
    banks = {}

    def slot(key, first):
        if key in DYNAMIC:
            return DYNAMIC[key]
        if (key, first) not in banks:
            bank_words = words[key]
            if first:
                bank_words = [w[0].upper() + w[1:] for w in bank_words]
            banks[key, first] = len(SLOTS)
            SLOTS.append(bank_words)
        return banks[key, first]

    out = {}
    for section, lst in templates.items():
        compiled = []
        for t in lst:
            fmt, ids, rest = [], [], t
            while "{" in rest:
                pre, _, rest = rest.partition("{")
                key, _, rest = rest.partition("}")
                fmt.append(pre.replace("%", "%%"))
                fmt.append("%s")
                ids.append(slot(key, not fmt[0] and len(ids) == 0))
            fmt.append(rest.replace("%", "%%"))
            compiled.append(("".join(fmt), tuple(ids)))
        out[section] = compiled
    return out


def make_pool(templates, rng, low, high, size):
    """Paragraphs of `low` to `high` sentences with their word banks filled
    in: a str, or (format, slot numbers) when the paragraph also names
    something of the note (a State, a date, a place). A paragraph of a note
    then costs one random pick and at most one % operation."""
    r = rng.random
    pool = []
    for _ in range(size):
        texts, left = [], []
        for _ in range(low + int(r() * (high - low + 1))):
            fmt, ids = templates[int(r() * len(templates))]
            values = []
            for i in ids:
                if i < len(DYNAMIC):
                    values.append("%s")
                    left.append(i)
                else:
                    values.append(SLOTS[i][int(r() * len(SLOTS[i]))].replace("%", "%%"))
            texts.append(fmt % tuple(values))
        text = " ".join(texts)
        pool.append((text, tuple(left)) if left else text.replace("%%", "%"))
    return pool


PROSE = {
    "en": compile_templates(TEMPLATES_EN, WORDS_EN),
    "fr": compile_templates(TEMPLATES_FR, WORDS_FR),
    "es": compile_templates(TEMPLATES_ES, WORDS_ES),
}

SECTION_NAMES = {
    "en": [("Background", "Introduction", "Overview"),
           ("Highlights of the Discussions", "Highlights", "Summary of the discussions"),
           ("Outcomes", "Conclusions", "Key messages"),
           ("Additional comments",)],
    "fr": [("Contexte",), ("Points saillants des débats",), ("Résultats",), ("Observations",)],
    "es": [("Antecedentes",), ("Aspectos destacados de los debates",), ("Resultados",),
           ("Comentarios adicionales",)],
}
FOOTNOTE = {
    "en": "For information only - not an official report. The views expressed here do not "
          "necessarily represent those of the 1540 Committee or of the organizers or "
          "participants in the event",
    "fr": "À titre d'information uniquement - il ne s'agit pas d'un rapport officiel. Les vues "
          "exprimées ici ne reflètent pas nécessairement celles du Comité 1540",
    "es": "Solo a título informativo; no es un informe oficial. Las opiniones expresadas no "
          "reflejan necesariamente las del Comité 1540",
}
NOTE_HEADING = {"en": "Information Note", "fr": "Note d'information", "es": "Nota informativa"}
AND = {"en": "and", "fr": "et", "es": "y"}
ONLINE = {
    "en": ["virtual meeting", "online", "Online (videoconference)", "virtual format (webinar)",
           "videoconference"],
    "fr": ["réunion virtuelle", "en ligne", "visioconférence"],
    "es": ["reunión virtual", "en línea", "videoconferencia"],
}
# Titles; a regional title may name a city other than the venue's.
TITLES = {
    "en": {
        "regional": [
            "Regional Workshop on {topic} for States of {REGION}",
            "{REGIONCAP} Workshop on the Implementation of Resolution 1540 (2004)",
            "Sub-regional Seminar on {topic} and Resolution 1540 (2004)",
            "{TITLECITY} Conference on {topic}",
            "Training Course on {topic} for {actor}",
            "Expert Meeting on {topic} in {REGION}",
            "Workshop for Countries of {REGION} - The Contribution of UNSC Resolution 1540 (2004) "
            "to Regional and Global Disarmament and Non-Proliferation",
            "Table-top Exercise on {topic}",
        ],
        "national": [
            "National Roundtable on the Implementation of Resolution 1540 (2004) in {HOST}",
            "Peer Review on {topic} under Resolution 1540 (2004)",
            "National Workshop on {topic}",
            "Country Visit to {HOST}: {topic}",
        ],
    },
    "fr": {
        "regional": ["Atelier régional sur {topic} à l'intention des États {REGION}",
                     "Séminaire sous-régional sur {topic}"],
        "national": ["Table ronde nationale sur la mise en œuvre de la résolution 1540 (2004) : "
                     "{HOST}", "Atelier national sur {topic}"],
    },
    "es": {
        "regional": ["Taller regional sobre {topic} para los Estados de {REGION}",
                     "Seminario subregional sobre {topic}"],
        "national": ["Mesa redonda nacional sobre la aplicación de la resolución 1540 (2004) en "
                     "{HOST}", "Taller nacional sobre {topic}"],
    },
}
ORGANIZERS = {
    "en": ["The Government of {HOST} in cooperation with the United Nations Office for Disarmament Affairs (UNODA)",
           "UNODA and {ORGFULL}", "{ORGFULL}, with the support of the 1540 Committee",
           "The Government of {HOST}, UNODA and {ORGFULL}", "UNODA", "{ORGFULL}"],
    "fr": ["Le Gouvernement de {HOST} en coopération avec le Bureau des affaires de désarmement des Nations Unies (UNODA)",
           "UNODA et {ORGFULL}", "{ORGFULL}"],
    "es": ["El Gobierno de {HOST} en cooperación con la Oficina de Asuntos de Desarme de las Naciones Unidas (UNODA)",
           "UNODA y {ORGFULL}", "{ORGFULL}"],
}
TITLE_TOPICS = bank("""
Strategic Trade Controls|Border Security|Biosecurity and Biosafety|Chemical Security|Nuclear
Security|Export Control Enforcement|Countering Proliferation Financing|Legislative Drafting for
Resolution 1540 (2004)|Maritime Security and Non-Proliferation|Radiological Security|Industry
Outreach|National Implementation Action Plans|Customs Enforcement of Strategic Trade Controls""")
TITLE_TOPICS_FR = bank("""
le contrôle des exportations|la sécurité aux frontières|la biosécurité|la sécurité nucléaire|
les plans d'action nationaux""")
TITLE_TOPICS_ES = bank("""
los controles a la exportación|la seguridad fronteriza|la bioseguridad|la seguridad nuclear|
los planes de acción nacionales""")

# What the body calls the event, from a word of its title.
EVENT_KINDS = ["workshop", "seminar", "conference", "training course", "roundtable",
               "expert meeting", "exercise", "peer review", "visit"]

# Layouts and their weights.
LAYOUTS = [("plain", 20), ("plain_blank", 10), ("pdf_residue", 15), ("md_bold", 12),
           ("md_list", 12), ("flat", 15), ("upper", 8), ("semicolon_line", 8)]
# Layouts of notes laid out by other hands (--extra-layouts): kept apart so
# that a seed gives the same notes as before without the option.
EXTRA_LAYOUTS = [("numbered", 8), ("dash", 6), ("table", 6)]
LANGS = [("en", 70), ("fr", 15), ("es", 15)]


def cumulative(pairs):
    """[(item, weight)] -> [(cumulative share, item)] for weighted()."""
    total = float(sum(w for _, w in pairs))
    acc, out = 0.0, []
    for item, w in pairs:
        acc += w / total
        out.append((acc, item))
    return out


def weighted(r, cum):
    """An item drawn from a cumulative() table with the random function r."""
    x = r()
    for acc, item in cum:
        if x < acc:
            return item
    return cum[-1][1]


LAYOUT_CUM = cumulative(LAYOUTS)
EXTRA_LAYOUT_CUM = cumulative(LAYOUTS + EXTRA_LAYOUTS)
LANG_CUM = cumulative(LANGS)
DATE_CUM = {lang: cumulative(styles) for lang, styles in DATE_STYLES.items()}


# ---------------------------------------------------------------------------
# One note.

class Generator:
    """Makes note `index` of the run with `seed`: note() returns (ground
    truth, text). Everything random comes from one generator re-seeded per
    note, so a note does not depend on the notes before it."""

    def __init__(self, seed, length="normal", extra_layouts=False):
        self.seed = seed
        self.length = length
        self.layout_cum = EXTRA_LAYOUT_CUM if extra_layouts else LAYOUT_CUM
        self.forms = load_countries()
        self.codes = sorted(self.forms)
        # Cumulative weights of each country's names, per language.
        self.name_cum = {c: {} for c in self.codes}
        for c in self.codes:
            for lang in ("en", "fr", "es"):
                acc, cum = 0.0, []
                for w, kind, name in self.forms[c][lang]:
                    acc += w
                    cum.append((acc, kind, name))
                self.name_cum[c][lang] = cum
        self.capitals = [CAPITAL[c] for c in self.codes if c in CAPITAL]
        self.regions = [(name, headings, codes.split()) for name, headings, codes in REGIONS]
        self.rng = random.Random()
        # Dates of earlier events named in the body, by year.
        date_rng = random.Random(seed)
        self.past_dates = {y: [make_date(date_rng, weighted(date_rng.random, DATE_CUM["en"]), y)[0]
                               for _ in range(64)] for y in range(2004, 2026)}
        # Paragraphs per language and section: 3-7 sentences (1 to close),
        # 4,096 of each kind, 8,192 for the long English discussions.
        self.pools = {}
        for lang, sections in sorted(PROSE.items()):
            self.pools[lang] = {}
            for n, (section, templates) in enumerate(sorted(sections.items())):
                low, high = (1, 1) if section == "closing" else (3, 7)
                size = 8192 if lang == "en" and section == "highlights" else 4096
                pool_rng = random.Random("%d:%s:%s" % (seed, lang, section))
                self.pools[lang][section] = make_pool(templates, pool_rng, low, high, size)

    def name(self, code, lang, r):
        """(name as written, form kind)."""
        x = r()
        cum = self.name_cum[code][lang]
        for acc, kind, name in cum:
            if x < acc:
                return name, kind
        return cum[-1][2], cum[-1][1]

    def note(self, index):
        rng = self.rng
        rng.seed((self.seed << 40) | index)
        r = rng.random

        def pick(seq):
            return seq[int(r() * len(seq))]

        lang = weighted(r, LANG_CUM)
        layout = weighted(r, self.layout_cum)
        region_name, headings, members = pick(self.regions)
        national = r() < 0.12

        # Participating States.
        if national:
            host = pick(members)
            states = [host]
        else:
            k = max(2, min(len(members), 3 + int(r() * len(members))))
            chosen = [c for c in members if r() < k / len(members)] or members[:3]
            host = pick(chosen) if r() < 0.85 else pick(members)
            states = list(chosen)
            if host not in states:
                states.insert(int(r() * (len(states) + 1)), host)
        if host not in self.forms:
            host = states[0]
        groups = []  # (heading, kind, [(item text, code or acronym or None)])
        name_kinds = []

        def state_items(codes):
            items = []
            for c in codes:
                n, kind = self.name(c, lang, r)
                name_kinds.append(kind)
                items.append((n, c))
            return items
        if national:
            groups.append(("State" if r() < 0.5 else "States", "states", state_items(states)))
            agencies = []
            host_en = self.forms[host]["en"][0][2]
            for a in NATIONAL:
                if r() < 0.3:
                    agencies.append((a.replace("{X}", host_en), None))
            if agencies:
                groups.append(("National participants" if r() < 0.6 else "National agencies",
                               "national", agencies))
        else:
            heading = pick(headings)
            if r() < 0.15:
                heading = "Participants"  # list right after the label
            groups.append((heading, "states", state_items(states)))
            if r() < 0.6:
                others = []
                for _ in range(1 + int(r() * 10)):
                    c = pick(self.codes)
                    if c not in states and c not in others and c != "PS":
                        others.append(c)
                if others:
                    groups.append(("Other States", "states", state_items(others)))
                    states += others
            if r() < 0.08 and "PS" not in states:
                groups.append(("Other", "states", state_items(["PS"])))
                states.append("PS")

        orgs_pool = ORGS[lang]
        org_list = []
        for _ in range(int(r() * 6)):
            o = pick(orgs_pool)
            if o not in org_list:
                org_list.append(o)
        org_acronyms = [a for a, _ in org_list]
        if org_list:
            items = []
            for a, full in org_list:
                f = r()
                text = ("%s (%s)" % (full, a) if f < 0.65 else a if f < 0.85 else
                        "%s (%s)" % (a, full))
                items.append((text, a))
            groups.append((pick(ORG_HEADINGS), "orgs", items))

        taken = set(states)
        taken.add(host)
        codes = self.codes

        def non_participant():
            while True:
                c = codes[int(r() * len(codes))]
                if c not in taken:
                    return c

        def fill_x(template):
            if "{X}" not in template:
                return template
            return template.replace("{X}", self.forms[pick(codes)]["en"][0][2])
        if r() < 0.3:
            items = [(fill_x(pick(INDUSTRY)), None) for _ in range(1 + int(r() * 3))]
            groups.append((pick(INDUSTRY_HEADINGS), "industry", items))
        if r() < 0.3:
            items = [(fill_x(pick(CIVIL)), None) for _ in range(1 + int(r() * 3))]
            groups.append((pick(CIVIL_HEADINGS), "civil", items))
        if r() < 0.7:
            groups.append(("1540 Committee", "committee", [(pick(COMMITTEE[lang]), None)]))

        # Date and venue.
        online = r() < 0.08
        year = 2020 + int(r() * 4) if online else 2004 + int(r() * 21)
        date_style = weighted(r, DATE_CUM[lang])
        date_text, start, end = make_date(rng, date_style, year)
        host_name, _ = self.name(host, lang, r)
        city = None
        if online:
            venue_text = pick(ONLINE[lang])
            venue_kind = "online"
            venue_country = None
        else:
            venue_country = host
            country_only = host in COUNTRY_ONLY or host not in CAPITAL or r() < 0.12
            if country_only:
                venue_text = host_name
                venue_kind = "country"
            else:
                city = CAPITAL[host]
                if host in OTHER_CITIES and r() < 0.3:
                    city = OTHER_CITIES[host]
                if lang == "fr":
                    city = CITY_FR.get(city, city)
                elif lang == "es":
                    city = CITY_ES.get(city, city)
                venue_text = "%s, %s" % (city, host_name)
                venue_kind = "city_country"

        # Title (may name another city than the venue's).
        region_text = {"en": region_name, "fr": REGION_FR[region_name],
                       "es": REGION_ES[region_name]}[lang]
        title_t = pick(TITLES[lang]["national" if national else "regional"])
        topics = {"en": TITLE_TOPICS, "fr": TITLE_TOPICS_FR, "es": TITLE_TOPICS_ES}[lang]
        other_city = pick(self.capitals)
        title = (title_t.replace("{topic}", pick(topics))
                 .replace("{REGION}", region_text)
                 .replace("{REGIONCAP}", region_text[0].upper() + region_text[1:])
                 .replace("{HOST}", self.forms[host][lang][0][2])
                 .replace("{TITLECITY}", other_city)
                 .replace("{actor}", pick(WORDS_EN["actor"]).capitalize())
                 .replace(" de el ", " del "))

        org_for_org = pick(orgs_pool)
        organizers = (pick(ORGANIZERS[lang]).replace("{HOST}", self.forms[host][lang][0][2])
                      .replace("{ORGFULL}", "%s (%s)" % (org_for_org[1], org_for_org[0])))

        header = self.render_header(rng, lang, layout, title, organizers, date_text, venue_text,
                                    groups)
        participants = []
        written = []
        orgs_truth = []
        for _, group_kind, items in groups:
            if group_kind == "states":
                for n, c in items:
                    participants.append(c)
                    written.append(n)
            elif group_kind == "orgs":
                orgs_truth += [a for _, a in items]

        event_kind = next((k for k in EVENT_KINDS if k in title.lower()), "event")
        # About 4.5 KB a note (3.5 to 4.9 KB, and the last paragraph).
        body_size = 3500 + int(r() * 1400) - len(header.encode("utf-8"))
        if self.length != "normal":
            # short: the fewest paragraphs (about 3 KB); long: about 12 KB.
            body_size = 0 if self.length == "short" else body_size + 8000
        body = self.render_body(rng, lang, layout, host_name, written, non_participant,
                                org_acronyms, year, event_kind, body_size)
        text = header + body
        ext = ".md" if layout in ("md_bold", "md_list") else ".txt"
        truth = {
            "file": "note-%06d%s" % (index, ext),
            "title": title,
            "start_date": start,
            "end_date": end,
            "venue": {"city": city, "country": venue_country, "online": online},
            "participants": participants,
            "participants_written": written,
            "organizations": orgs_truth,
            "features": {"language": lang, "layout": layout, "labels": self.last_labels,
                         "date_style": date_style, "venue": venue_kind,
                         "list_end": self.last_list_end,
                         "wrapped": self.last_wrapped, "title_label": self.last_title_label,
                         "organizer_label": self.last_org_label,
                         "title_names_other_city": "{TITLECITY}" in title_t,
                         "headings": [h for h, _, _ in groups],
                         "name_forms": sorted(set(name_kinds))},
        }
        return truth, text

    # -- header -----------------------------------------------------------

    def render_list(self, r, lang, items, kind):
        """Items joined as lists are written: "A, B and C", "A, B, and C",
        "A, B, C,", "A, B, C." or "A, B, C"."""
        if lang == "es" and len(items) > 1:
            # Spanish writes "e", not "y", before an i- sound; keep to "y".
            last = items[-1][0]
            if last[:1] in "IiÍí" or last[:2].lower() == "hi":
                items[-1], items[-2] = items[-2], items[-1]
        names = [t for t, _ in items]
        x = r()
        if len(names) == 1:
            end = "single"
            text = names[0] + ("." if x < 0.2 else "," if x < 0.3 else "")
        elif x < 0.35:
            end = "and"
            text = ", ".join(names[:-1]) + " %s " % AND[lang] + names[-1]
        elif x < 0.45 and lang == "en" and len(names) > 2:
            end = "oxford_and"
            text = ", ".join(names[:-1]) + ", and " + names[-1]
        elif x < 0.6:
            end = "comma"
            text = ", ".join(names) + ","
        elif x < 0.75:
            end = "full_stop"
            text = ", ".join(names) + "."
        else:
            end = "none"
            text = ", ".join(names)
        if kind == "states" and self.last_list_end in ("", "single"):
            self.last_list_end = end
        return text

    def render_header(self, rng, lang, layout, title, organizers, date_text, venue_text, groups):
        """The header in one of the LAYOUTS. Inside labels and group headings
        spaces are written as NUL while lines are wrapped, so that wrapping
        never splits "Date and Venue:"; the NULs become spaces at the end."""
        r = rng.random

        def pick(seq):
            return seq[int(r() * len(seq))]

        def glue(label):
            return label.replace(" ", "\x00")

        self.last_list_end = ""
        upper = layout == "upper"
        L = (lambda s: glue(s.upper())) if upper else glue
        title_label = pick(("Event", "Title"))
        org_label = pick(("Organizer", "Organizers", "Organisers", "Organized by", "Organizer(s)"))
        dv = r()
        if dv < 0.35:
            dv_labels = [("Date and Venue", "%s, %s" % (date_text, venue_text))]
        elif dv < 0.55:
            dv_labels = [("Date and venue", "%s, %s" % (date_text, venue_text))]
        elif dv < 0.75:
            dv_labels = [("Venue and Date", "%s, %s" % (venue_text, date_text))]
        elif dv < 0.92:
            dv_labels = [("Date", date_text), ("Venue", venue_text)]
        else:
            dv_labels = [("Venue", venue_text), ("Date", date_text)]
        self.last_labels = "+".join(l for l, _ in dv_labels)
        self.last_title_label, self.last_org_label = title_label, org_label
        mark = pick(("", "", "1", "\u00b9", "*")) if lang == "en" else pick(("", "\u00b9"))
        self.footnote_mark = mark
        top = NOTE_HEADING[lang] + mark
        if upper:
            top = top.upper()
        fields = [(L(title_label), title), (L(org_label), organizers)] + \
                 [(L(l), v) for l, v in dv_labels]
        participants_label = L("Participants") + ":"

        group_texts = []  # (heading or None for a list right after the label, text)
        for heading, kind, items in groups:
            h = None if heading == "Participants" else glue(
                heading.upper() if upper and r() < 0.5 else heading)
            if kind == "committee":
                group_texts.append((h, items[0][0]))
            else:
                group_texts.append((h, self.render_list(r, lang, items, kind)))

        wrap = r() < 0.35
        self.last_wrapped = wrap
        width = 70 + int(r() * 20)

        def wrapped(line):
            return wrap_text(line, width) if wrap else line

        def group_line(h, t):
            return t if h is None else "%s: %s" % (h, t)

        out = ["\n"] if r() < 0.3 else []
        if layout == "flat":
            # The whole header in one paragraph, labels run together.
            parts = []
            if r() < 0.5:
                parts.append(top)
            else:
                out.append(top + "\n\n")
            parts += ["%s: %s" % (l, v) for l, v in fields]
            parts.append(participants_label)
            parts += [group_line(h, t) for h, t in group_texts]
            out.append(wrapped(" ".join(parts)))
            out.append("\n\n")
        elif layout == "pdf_residue":
            # As PDF conversion leaves the real notes: "- Event:** ...".
            out.append(top + "\n\n")
            for l, v in fields:
                out.append("- %s:** %s\n" % (l, v))
            for n, (h, t) in enumerate(group_texts):
                if n == 0:
                    line = "- Participants:** " + (t if h is None else "*%s:* %s" % (h, t))
                else:
                    line = group_line(h, t)
                out.append(wrapped(line) + "\n")
            out.append("\n")
        elif layout == "md_bold":
            out.append("**%s**\n\n" % top)
            for l, v in fields:
                out.append("**%s:** %s\n\n" % (l, v))
            out.append("**%s**\n\n" % participants_label)
            for h, t in group_texts:
                out.append(wrapped(t if h is None else "- *%s:* %s" % (h, t)) + "\n")
            out.append("\n")
        elif layout == "md_list":
            out.append("# %s\n\n" % top)
            for l, v in fields:
                out.append("- **%s:** %s\n" % (l, v))
            out.append("- **%s**\n" % participants_label)
            for h, t in group_texts:
                out.append(wrapped("  - " + (t if h is None else "*%s:* %s" % (h, t))) + "\n")
            out.append("\n")
        elif layout == "semicolon_line":
            # All groups on one line, ";" between them.
            out.append(top + "\n\n")
            for l, v in fields:
                out.append("%s: %s\n" % (l, v))
            pieces = [group_line(h, t.rstrip(".,")) for h, t in group_texts]
            out.append(wrapped(participants_label + " " + "; ".join(pieces) + ".") + "\n\n")
            self.last_list_end = "semicolon"
        elif layout == "numbered":
            # "1. Event" with the value on the next line, as numbered
            # tables come out of conversion; a blank line between fields
            # or none.
            out.append(top + "\n\n")
            sep = "\n\n" if r() < 0.5 else "\n"
            colon = ":" if r() < 0.3 else ""
            roman = r() < 0.2
            numbers = ("I", "II", "III", "IV", "V", "VI") if roman else tuple(
                str(n) for n in range(1, 7))
            for n, (l, v) in enumerate(fields):
                out.append("%s. %s%s\n%s%s" % (numbers[n], l, colon, v, sep))
            out.append("%s. %s%s\n" % (numbers[len(fields)], L("Participants"), colon))
            for h, t in group_texts:
                out.append(wrapped(group_line(h, t)) + "\n")
            out.append("\n")
        elif layout == "dash":
            # A dash for the colon, and the label repeated before each
            # group: "Participants -- States: ...".
            out.append(top + "\n\n")
            dash = pick(("--", "\u2014", "\u2013"))
            for l, v in fields:
                out.append("%s %s %s\n" % (l, dash, v))
            if r() < 0.5:
                for h, t in group_texts:
                    out.append(wrapped("%s %s %s" % (L("Participants"), dash, group_line(h, t))) +
                               "\n")
            else:
                # "Participants:" then "States – A, B": the group headings
                # take the dash too.
                out.append(participants_label + "\n")
                for h, t in group_texts:
                    out.append(wrapped(t if h is None else "%s %s %s" % (h, dash, t)) + "\n")
            out.append("\n")
        elif layout == "table":
            # A two-column table flattened: label line, value line; under
            # Participants one group heading a line, then its list.
            out.append(top + "\n\n")
            # The value column on the label's line after a tab, or below it.
            column = "\t" if r() < 0.4 else "\n"
            for l, v in fields:
                out.append("%s%s%s\n" % (l, column, v))
            out.append(L("Participants") + "\n")
            for h, t in group_texts:
                if h is not None:
                    out.append(h + ":\n")
                out.append(wrapped(t) + "\n")
            out.append("\n")
        else:  # plain, plain_blank, upper
            out.append(top + "\n\n")
            sep = "\n\n" if layout == "plain_blank" else "\n"
            for l, v in fields:
                out.append("%s: %s%s" % (l, v, sep))
            inline = group_texts[0][0] is None or r() < 0.5
            if not inline:
                out.append(participants_label + "\n")
            for n, (h, t) in enumerate(group_texts):
                line = group_line(h, t)
                if n == 0 and inline:
                    line = participants_label + " " + line
                out.append(wrapped(line) + sep)
            out.append("\n")
        return "".join(out).replace("\x00", " ")

    # -- body -------------------------------------------------------------

    def render_body(self, rng, lang, layout, host_name, participants, non_participant, orgs,
                    year, kind, target):
        """Four sections of prose from the paragraph pools, about `target`
        bytes; the body names participating States as the header writes
        them, non-participating countries and earlier events."""
        r = rng.random

        def pick(seq):
            return seq[int(r() * len(seq))]

        # Per-note lists for the dynamic slots.
        nps = [non_participant() for _ in range(3)]
        np_names = [self.name(c, lang, r)[0] for c in nps]
        city_names = CITY_FR if lang == "fr" else CITY_ES if lang == "es" else {}
        np_places = []
        for c, n in zip(nps, np_names):
            if c in CAPITAL and c not in COUNTRY_ONLY:
                city = CAPITAL[c]
                np_places.append("%s, %s" % (city_names.get(city, city), n))
            else:
                np_places.append(n)
        np_cities = [CAPITAL[c] for c in nps if c in CAPITAL] or ["Vienna"]
        past_dates = self.past_dates
        past = [pick(past_dates[max(2004, year - 1 - int(r() * 5))]) for _ in range(2)]
        dyn = {
            "HOST": [host_name],
            "P": participants[:8],
            "NP": np_names,
            "NPPLACE": np_places,
            "NPCITY": np_cities,
            "ORG": orgs or [a for a, _ in ORGS[lang][:4]],
            "PASTDATE": past,
            "PASTYEAR": [str(max(2004, year - 1 - int(r() * 6)))],
            "FUTUREYEAR": [str(year + 1)],
            "NTH": ["second", "third", "fourth", "fifth"],
            "EVKIND": [kind],
        }

        slots = SLOTS
        for key, values in dyn.items():
            slots[DYNAMIC[key]] = values
        pools = self.pools[lang]

        def paragraph(pool):
            p = pool[int(r() * len(pool))]
            if p.__class__ is str:
                return p
            fmt, ids = p  # names of the note's own States, places, dates
            return fmt % tuple([slots[i][int(r() * len(slots[i]))] for i in ids])

        numbered = lang != "en" or r() < 0.8
        style = int(r() * 5)
        upper = layout == "upper" or r() < 0.1
        names = SECTION_NAMES[lang]
        out = []
        size = 0
        footnote_after = 1 + int(r() * 3)
        paragraphs = 0
        for s, key in enumerate(("background", "highlights", "outcomes", "closing")):
            name = pick(names[s]) if numbered or s == 0 else names[s][0]
            if upper:
                name = name.upper()
            if numbered:
                heading = ("%d. %s", "**%d. %s**", "%d. **%s**", "## %d. %s", "%d) %s")[style] \
                    % (s + 1, name)
            else:
                heading = ("%s", "**%s**", "## %s", "%s", "%s")[style] % name
            out.append(heading + "\n\n")
            count = 1 if key == "closing" else 1 + int(r() * 2)
            pool = pools[key]
            n = 0
            while n < count or (key == "highlights" and size < target - 900):
                para = paragraph(pool)
                out.append(para)
                out.append("\n\n")
                size += len(para)
                n += 1
                paragraphs += 1
                if paragraphs == footnote_after and self.footnote_mark:
                    out.append("%s %s\n\n" % (self.footnote_mark, FOOTNOTE[lang]))
        return "".join(out).rstrip("\n") + "\n"


def wrap_text(text, width):
    """Breaks `text` at spaces into lines of at most `width` characters, as
    PDF conversion does, possibly inside a multi-word country name."""
    lines, line, length = [], [], -1
    for w in text.split(" "):
        # A line opening with "- " would read as a Markdown bullet.
        if line and length + 1 + len(w) > width and w not in ("-", "\u2013"):
            lines.append(" ".join(line))
            line, length = [], -1
        line.append(w)
        length += 1 + len(w)
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


# -- prose reports of the same events (issue 14) ------------------------------
#
# For a share of the notes (--reports), a press release or a web update about
# the same event, and for some (--announcements) a pre-event announcement,
# each in its own file with its own truth line. Their random draws come from a
# generator of their own, seeded from (seed, index), so note i's bytes do not
# change and a report depends only on (seed, i).

DATELINE_CITIES = ["NEW YORK", "GENEVA", "VIENNA", "KATHMANDU", "LOMÉ", "LIMA"]
ORG_NAMES = {lang: dict(pairs) for lang, pairs in ORGS.items()}


def _ymd(s):
    return int(s[:4]), int(s[5:7]), int(s[8:10])


def _minus_days(y, m, d, n):
    for _ in range(n):
        d -= 1
        if d == 0:
            m -= 1
            if m == 0:
                y, m = y - 1, 12
            d = month_length(y, m)
    return y, m, d


def _month(lang, m):
    return (MONTHS_FR if lang == "fr" else MONTHS_ES if lang == "es" else MONTHS_EN)[m - 1]


def yearless_range(r, lang, start, end):
    """The event's dates as prose writes them, without a year."""
    (y1, m1, d1), (y2, m2, d2) = _ymd(start), _ymd(end)
    M1, M2 = _month(lang, m1), _month(lang, m2)
    x = r()
    if lang == "fr":
        one = "1er" if d1 == 1 else str(d1)
        if start == end:
            return "le %s %s" % (one, M1)
        if m1 != m2:
            return "du %s %s au %s %s" % (one, M1, "1er" if d2 == 1 else d2, M2)
        return ("du %s au %d %s" % (one, d2, M1) if x < 0.6 or d2 != d1 + 1
                else "les %d et %d %s" % (d1, d2, M1))
    if lang == "es":
        if start == end:
            return "el %d de %s" % (d1, M1)
        if m1 != m2:
            return "del %d de %s al %d de %s" % (d1, M1, d2, M2)
        return ("del %d al %d de %s" % (d1, d2, M1) if x < 0.5 or d2 != d1 + 1
                else "el %d y %d de %s" % (d1, d2, M1))
    if start == end:
        return "on %d %s" % (d1, M1)
    if m1 != m2:
        return "from %d %s to %d %s" % (d1, M1, d2, M2)
    if x < 0.4:
        return "from %d to %d %s" % (d1, d2, M1)
    if x < 0.7 or d2 != d1 + 1:
        return "on %d-%d %s" % (d1, d2, M1)
    return "on %d and %d %s" % (d1, d2, M1)


def full_date(lang, y, m, d):
    if lang == "fr":
        return "%s %s %d" % ("1er" if d == 1 else d, _month(lang, m), y)
    if lang == "es":
        return "%d de %s de %d" % (d, _month(lang, m), y)
    return "%d %s %d" % (d, _month(lang, m), y)


def join_names(lang, names):
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " %s " % AND[lang] + names[-1]


def _load_demonyms():
    """{code: {lang: the adjective as it stands before or after a plural
    noun}} from data/demonyms.tsv: the English adjective, the French and
    Spanish masculine plurals."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "demonyms.tsv")
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                code, en, fr, es = line.rstrip("\n").split("\t")
                forms = {}
                if en != "-":
                    forms["en"] = en.split(", ")[0]
                for lang, col in (("fr", fr), ("es", es)):
                    if col == "-":
                        continue
                    words = col.split(", ")
                    plural = [w for w in words if w.endswith("s") and not w.endswith("as")
                              and not w.endswith("es" if lang == "fr" else "zz")]
                    forms[lang] = plural[-1] if lang == "fr" and plural else (
                        plural[0] if plural else words[0])
                out[code] = forms
    except OSError:
        pass
    return out


DEMONYMS = _load_demonyms()

# Online, as announcements and reports write it.
ONLINE_WORDS = {"en": ["online", "by videoconference", "as a webinar"],
                "fr": ["en ligne", "par visioconférence"],
                "es": ["en formato virtual", "en línea", "por videoconferencia"]}


def key_dates(lang, start, end):
    """The event's dates as a key line writes them, with the year."""
    (y1, m1, d1), (y2, m2, d2) = _ymd(start), _ymd(end)
    if start == end:
        return full_date(lang, y1, m1, d1)
    if (y1, m1) == (y2, m2):
        return {"en": "%d-%d %s %d", "fr": "%d-%d %s %d",
                "es": "%d-%d de %s de %d"}[lang] % (d1, d2, _month(lang, m1), y1)
    if y1 == y2:
        return {"en": "%d %s - %d %s %d", "fr": "%d %s - %d %s %d",
                "es": "%d de %s - %d de %s de %d"}[lang] % (
                    d1, _month(lang, m1), d2, _month(lang, m2), y1)
    return "%s - %s" % (full_date(lang, y1, m1, d1), full_date(lang, y2, m2, d2))


def extra_prose(rng, lang, kind, names, participants, others, venue, start, end):
    """The forms of a fourth reading (docs/extraction-forms.md), drawn from
    their own random stream: {"took_part": sentence, "absent": sentence,
    "invited": sentence, "host": sentence, "closing_keys": lines,
    "dateline": opening} as this report uses them; empty keys use the
    usual forms."""
    r = rng.random
    out = {}
    listed = join_names(lang, [names(c) for c in participants])
    if kind == "announcement":
        out["invited"] = [
            {"en": "The following States have been invited: %s.",
             "fr": "Sont conviés les représentants des pays suivants : %s.",
             "es": "Han sido invitados los siguientes Estados: %s."},
            {"en": "%s have been invited to send officials.",
             "fr": "%s sont conviés à y envoyer des délégués.",
             "es": "Se invitó a %s a enviar funcionarios."}][int(r() * 2)][lang] % listed
        host = venue.get("country")
        if host and host not in participants and not venue.get("online") and r() < 0.6:
            out["host"] = {"en": "The Government of %s will host the workshop.",
                           "fr": "Le pays hôte, %s, accueillera l'atelier.",
                           "es": "El Gobierno de %s acogerá el taller."}[lang] % names(host)
        return out
    x = r()
    people = [DEMONYMS.get(c, {}).get(lang) for c in participants]
    if x < 0.35 and all(people) and len(people) <= 3:
        joined = join_names(lang, people)
        out["took_part"] = {"en": "Some %d %s officials took part in the discussions." % (
                                10 * (2 + int(r() * 4)), joined),
                            "fr": "Des délégués %s ont pris part aux travaux." % joined,
                            "es": "Participaron funcionarios %s." % joined}[lang]
    else:
        out["took_part"] = [
            {"en": "Officials from %s discussed national control lists.",
             "fr": "Y ont pris part des délégués des pays suivants : %s.",
             "es": "Asistieron representantes de %s, que intercambiaron experiencias."},
            {"en": "Representatives of %s attended and exchanged views on licensing.",
             "fr": "Des représentants des pays suivants ont examiné leurs listes de contrôle : "
                   "%s.",
             "es": "Participaron delegaciones de %s."}][int(r() * 2)][lang] % listed
    if others and r() < 0.6:
        missing = [others[int(r() * len(others))]]
        one = len(missing) == 1
        # The English form says the State was invited: it is labelled
        # invited; the French and Spanish forms only say it did not come.
        out["absent_invited"] = missing if lang == "en" else []
        out["absent"] = {"en": "%s, also invited, did not send %s." % (
                             names(missing[0]), "a delegation" if one else "delegations"),
                         "fr": "%s n'a pas pu participer." % names(missing[0]),
                         "es": "%s no envió delegación." % names(missing[0])}[lang]
    y = r()
    if y < 0.35:
        place = ({"en": "online", "fr": "en ligne", "es": "en línea"}[lang]
                 if venue.get("online") else
                 ", ".join(p for p in (venue.get("city"), names(venue["country"])) if p))
        out["closing_keys"] = [
            {"en": "Date: %s", "fr": "Date : %s", "es": "Fecha: %s"}[lang] % key_dates(lang, start,
                                                                                     end),
            {"en": "Location: %s", "fr": "Lieu : %s", "es": "Lugar: %s"}[lang] % place]
    elif y < 0.6 and venue.get("city") and not venue.get("online") and start != end:
        out["dateline"] = "%s, %s, %s - " % (venue["city"], names(venue["country"]),
                                             key_dates(lang, start, end))
    return out


def make_report(gen, seed, index, truth, kind, share_key, extra=False):
    """(truth, text) of a press release, web update or announcement about
    the event of note `index`, whose truth is `truth`."""
    rng = random.Random("%d:%d:%s" % (seed, index, kind))
    r = rng.random

    def pick(seq):
        return seq[int(r() * len(seq))]

    lang = truth["features"]["language"]
    participants = list(truth["participants"])
    venue = truth["venue"]
    start, end = truth["start_date"], truth["end_date"]
    name = lambda c: gen.forms[c][lang][0][2]
    others = [c for c in gen.codes if c not in participants and c != venue.get("country")]
    donors = [pick(others) for _ in range(2)]
    if donors[0] == donors[1]:
        donors = donors[:1]
    speaker = pick([c for c in others if c not in donors] or others)
    earlier = pick([c for c in others if c in CAPITAL and c not in COUNTRY_ONLY] or ["AT"])
    (ys, ms, ds), (ye, me, de) = _ymd(start), _ymd(end)
    if kind == "announcement":
        ref = _minus_days(ys, ms, ds, 1 + int(r() * 14))
    else:
        ref = add_days(ye, me, de, 1 + int(r() * 20))
    dates = yearless_range(r, lang, start, end)
    if venue.get("online"):
        where = {"en": "online", "fr": "en ligne", "es": "en formato virtual"}[lang]
    else:
        place = name(venue["country"])
        if venue.get("city"):
            place = ("%s (%s)" if lang == "fr" and r() < 0.5 else "%s, %s") % (venue["city"], place)
        where = {"en": "in ", "fr": "à " if venue.get("city") else "en ", "es": "en "}[lang] + place
    listed = join_names(lang, [name(c) for c in participants])
    orgs = [a for a in truth.get("organizations", []) if a in ORG_NAMES[lang]][:2]
    org_text = join_names(lang, ["%s (%s)" % (ORG_NAMES[lang][a], a) for a in orgs]) if orgs else ""
    dateline_city = pick([c for c in DATELINE_CITIES
                          if c.lower() != (venue.get("city") or "").lower()])
    donor_text = join_names(lang, [name(c) for c in donors])
    forms = {}
    if extra:
        absent_pool = [c for c in others if c not in donors and c != speaker and c != earlier]
        forms = extra_prose(random.Random("%d:%d:%s:extra" % (seed, index, kind)), lang, kind,
                            name, participants, absent_pool, venue, start, end)
        if venue.get("online") and kind == "announcement":
            where = ONLINE_WORDS[lang][int(rng.random() * len(ONLINE_WORDS[lang]))]
    lines = []
    if kind == "announcement":
        doc_kind = "announcement"
        head = {"en": "Workshop on Resolution 1540 (2004) to Open %s" % where,
                "fr": "Un atelier sur la résolution 1540 (2004) se tiendra %s" % where,
                "es": "Taller sobre la resolución 1540 (2004) se celebrará %s" % where}[lang]
        lines.append(full_date(lang, *ref))
        lines.append("")
        lines.append(head)
        lines.append("")
        opening = {"en": "%s, %d %s — A workshop on implementing resolution 1540 (2004) will be "
                         "held %s %s." % (dateline_city, ref[2], _month(lang, ref[1]), dates, where),
                   "fr": "%s, le %d %s -- Un atelier sur la mise en œuvre de la résolution 1540 "
                         "(2004) se tiendra %s %s." % (dateline_city.title(), ref[2],
                                                        _month(lang, ref[1]), dates, where),
                   "es": "%s, %d de %s — Se celebrará %s %s un taller sobre la aplicación de la "
                         "resolución 1540 (2004)." % (dateline_city.title(), ref[2],
                                                       _month(lang, ref[1]), dates, where)}[lang]
        lines.append(opening)
        lines.append("")
        if forms.get("host"):
            lines.append(forms["host"])
        lines.append(forms.get("invited") or
                     {"en": "%s have been invited to participate." % listed,
                      "fr": "Les pays suivants ont été invités à y participer : %s." % listed,
                      "es": "Fueron invitados a participar %s." % listed}[lang])
        invited, took_part = participants, []
    else:
        doc_kind = "press-release" if r() < 0.5 else "web-update"
        if doc_kind == "press-release":
            lines.append(full_date(lang, *ref))
            lines.append("DC/%d" % (3000 + int(r() * 900)))
            lines.append("")
            lines.append({"en": "States Review Implementation of Resolution 1540 (2004)",
                          "fr": "Des États examinent la mise en œuvre de la résolution 1540 (2004)",
                          "es": "Estados examinan la aplicación de la resolución 1540 (2004)"}[lang])
            lines.append("")
            office = {"en": "Office for Disarmament Affairs",
                      "fr": "Bureau des affaires de désarmement",
                      "es": "Oficina de Asuntos de Desarme"}[lang]
            lead = ("%s, %d %s (%s) — " % (dateline_city, ref[2], _month(lang, ref[1]), office)
                    if lang == "en" else "%s, le %d %s (%s) -- " % (
                        dateline_city.title(), ref[2], _month(lang, ref[1]), office)
                    if lang == "fr" else "%s, %d de %s (%s) — " % (
                        dateline_city.title(), ref[2], _month(lang, ref[1]), office))
        else:
            style = r()
            if forms.get("closing_keys") or forms.get("dateline"):
                pass
            elif style < 0.4 and lang == "en":
                lines.append("Posted on %s %s, %d" % (_month(lang, ref[1]), ordinal(ref[2]), ref[0]))
            elif style < 0.7 and not venue.get("online") and lang == "en":
                lines.append("Start Date: %s %d %d" % (MONTHS_ABBR[ms - 1], ds, ys))
                lines.append("End Date: %s %d %d" % (MONTHS_ABBR[me - 1], de, ye))
                lines.append("Location: %s" % (where[3:]))
            else:
                lines.append({"en": "Published %s", "fr": "Publié le %s",
                              "es": "Publicado el %s"}[lang] % full_date(lang, *ref))
            lines.append("")
            lines.append({"en": "Regional workshop on resolution 1540 (2004)",
                          "fr": "Atelier régional sur la résolution 1540 (2004)",
                          "es": "Taller regional sobre la resolución 1540 (2004)"}[lang])
            lines.append("")
            lead = ""
        verb = {"en": "A workshop on implementing resolution 1540 (2004) was held %s %s.",
                "fr": "Un atelier sur la mise en œuvre de la résolution 1540 (2004) s'est tenu %s %s.",
                "es": "Se celebró %s %s un taller sobre la aplicación de la resolución 1540 (2004)."
                }[lang] % (dates, where)
        if forms.get("closing_keys") or forms.get("dateline"):
            # The dates and the place are in the key lines or the dateline.
            verb = {"en": "A workshop on implementing resolution 1540 (2004) took place.",
                    "fr": "Un atelier sur la mise en œuvre de la résolution 1540 (2004) a eu "
                          "lieu.",
                    "es": "Se celebró un taller sobre la aplicación de la resolución 1540 "
                          "(2004)."}[lang]
            lead = forms.get("dateline") or ""
        lines.append(lead + verb)
        lines.append("")
        x = r()
        n = len(participants)
        if forms.get("took_part"):
            lines.append(forms["took_part"])
            if forms.get("absent"):
                lines.append(forms["absent"])
        elif lang == "en":
            lines.append(
                "Representatives of %s took part." % listed if x < 0.3 else
                "Officials from %s attended." % listed if x < 0.55 else
                "The event brought together officials from the following %d Member State%s: %s."
                % (n, "s" if n > 1 else "", listed) if x < 0.8 else
                "Participating States (%s) shared their national experience." % listed)
        elif lang == "fr":
            lines.append("Les États suivants y ont participé : %s." % listed if x < 0.5 else
                         "Des représentants des États suivants ont pris part à l'atelier : %s."
                         % listed)
        else:
            lines.append("Participaron representantes de %s." % listed if x < 0.5 else
                         "Asistieron funcionarios de los siguientes Estados: %s." % listed)
        invited, took_part = [], participants
        if forms.get("took_part") and forms.get("absent"):
            invited = list(forms.get("absent_invited", []))
    if org_text and took_part:
        lines.append({"en": "Experts of %s also took part.",
                      "fr": ("Des experts des organisations suivantes ont aussi participé : %s."
                             if len(orgs) > 1 else
                             "Des experts de l'organisation suivante ont aussi participé : %s."),
                      "es": "También participaron expertos de %s."}[lang] % org_text)
    lines.append("")
    # Distractors: donors, a speaker's nationality, an earlier event, 1540 (2004).
    y_before = ys - 1 - int(r() * 3)
    ahead = kind == "announcement"
    lines.append({
        "en": "The workshop %s funded by %s. The representative of %s %s for the 1540 "
              "Committee. It %s an earlier workshop in %s, %s in %d." % (
                  "will be" if ahead else "was", donor_text, name(speaker),
                  "will speak" if ahead else "spoke", "follows" if ahead else "followed",
                  CAPITAL[earlier], name(earlier), y_before),
        "fr": "L'atelier %s financé par les pays suivants : %s. Le représentant de l'État "
              "suivant %s au nom du Comité 1540 : %s. Un précédent atelier avait eu lieu en %d "
              "(%s, %s)." % ("sera" if ahead else "a été", donor_text,
                             "parlera" if ahead else "a parlé", name(speaker), y_before,
                             CITY_FR.get(CAPITAL[earlier], CAPITAL[earlier]), name(earlier)),
        "es": "El taller %s financiado por %s. Un miembro del Comité (%s) %s en la apertura. "
              "Un taller anterior se celebró en %s, %s en %d." % (
                  "será" if ahead else "fue", donor_text, name(speaker),
                  "hablará" if ahead else "habló",
                  CITY_ES.get(CAPITAL[earlier], CAPITAL[earlier]), name(earlier), y_before)}[lang])
    lines.append("")
    lines.append({"en": "The Security Council adopted resolution 1540 (2004) on 28 April 2004.",
                  "fr": "Le Conseil de sécurité a adopté la résolution 1540 (2004) le 28 avril 2004.",
                  "es": "El Consejo de Seguridad aprobó la resolución 1540 (2004) el 28 de abril "
                        "de 2004."}[lang])
    if forms.get("closing_keys"):
        lines.append("")
        lines.extend(forms["closing_keys"])
    base = truth["file"].rsplit(".", 1)[0]
    report_truth = {
        "file": "%s-%s.txt" % (base, "announcement" if kind == "announcement" else "report"),
        "kind": doc_kind,
        "event": share_key,
        "start_date": start,
        "end_date": end,
        "venue": dict(venue),
        "participants": took_part,
        "invited": invited,
        "organizations": orgs if took_part else [],
        "features": {"language": lang, "kind": doc_kind, "of": truth["file"],
                     "forms": sorted(k for k, v in forms.items() if v and k != "absent_invited")},
    }
    return report_truth, "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------

# Notes per unit of work for --jobs.
CHUNK = 500
_worker_generator = None
_worker_options = None


def _init_worker(seed, options=None):
    global _worker_generator, _worker_options
    _worker_options = options or {}
    _worker_generator = Generator(seed, _worker_options.get("length", "normal"),
                                  _worker_options.get("extra_layouts", False))


def _make_chunk(span):
    """[(file name, bytes, ground-truth line)] for notes span[0] to span[1] - 1,
    each note followed by its reports when --reports or --announcements ask
    for them."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    reports = _worker_options.get("reports", 0.0)
    announcements = _worker_options.get("announcements", 0.0)
    seed = _worker_generator.seed
    out = []
    for i in range(*span):
        truth, text = _worker_generator.note(i)
        extra = []
        if reports or announcements:
            # Whether note i has reports: a draw of its own, not the note's.
            draw = random.Random("%d:%d:reports" % (seed, i)).random
            key = "event-%06d" % i
            wanted = [k for k, share in (("report", reports), ("announcement", announcements))
                      if draw() < share]
            extra = [make_report(_worker_generator, seed, i, truth, k, key,
                                 _worker_options.get("extra_prose", False)) for k in wanted]
            ordered = {"file": truth["file"], "kind": "information-note"}
            if extra:
                ordered["event"] = key
            ordered.update((k, v) for k, v in truth.items() if k != "file")
            truth = ordered
        out.append((truth["file"], text.encode("utf-8"), dumps(truth) + "\n"))
        for report_truth, report_text in extra:
            out.append((report_truth["file"], report_text.encode("utf-8"),
                        dumps(report_truth) + "\n"))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Write N labelled synthetic Information Notes and DIR/ground_truth.jsonl.")
    ap.add_argument("--count", type=int, required=True, help="number of notes")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", required=True, help="output folder (created when missing)")
    ap.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 4),
                    help="processes making notes (default: CPUs, at most 4); the notes do "
                    "not depend on it")
    ap.add_argument("--reports", type=float, default=0.0, metavar="SHARE",
                    help="share of the events that also get a press release or web update "
                    "in a file of its own, NAME-report.txt (default 0)")
    ap.add_argument("--announcements", type=float, metavar="SHARE",
                    help="share of the events that also get a pre-event announcement, "
                    "NAME-announcement.txt (default: half of --reports)")
    ap.add_argument("--length", choices=("short", "normal", "long"), default="normal",
                    help="note length: short (about 3 KB), normal (about 4.5 KB, the default) "
                    "or long (about 12 KB)")
    ap.add_argument("--extra-layouts", action="store_true",
                    help="also lay headers out as numbered labels, with dashes for colons, "
                    "or as flattened tables (see scripts/README.md); without it a seed gives "
                    "the notes it always gave")
    ap.add_argument("--extra-prose", action="store_true",
                    help="also write the reports and announcements in the forms of "
                    "docs/extraction-forms.md's fourth reading (other verbs, nationalities, "
                    "States that did not come, key lines after the prose, datelines spanning "
                    "the event, more invitation forms, the host not invited); without it a "
                    "seed gives the reports it always gave")
    ap.add_argument("--quiet", action="store_true", help="no summary on stderr")
    args = ap.parse_args(argv)
    if args.count < 0 or args.seed < 0 or args.jobs < 1:
        ap.error("--count and --seed must not be negative, --jobs must be at least 1")
    if args.announcements is None:
        args.announcements = args.reports / 2
    if not (0 <= args.reports <= 1 and 0 <= args.announcements <= 1):
        ap.error("--reports and --announcements take a share from 0 to 1")
    options = {"reports": args.reports, "announcements": args.announcements,
               "length": args.length, "extra_layouts": args.extra_layouts,
               "extra_prose": args.extra_prose}

    began = time.monotonic()
    os.makedirs(args.out, exist_ok=True)
    truth_path = os.path.join(args.out, "ground_truth.jsonl")
    # Notes of an earlier run in the same folder that this run does not
    # rewrite would linger in benchmarks: they are removed at the end.
    stale = set()
    try:
        with open(truth_path, encoding="utf-8") as f:
            for line in f:
                try:
                    stale.add(json.loads(line)["file"])
                except (ValueError, KeyError, TypeError):
                    pass
    except OSError:
        pass

    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
    # Files are opened relative to the folder: no path walk per note.
    out_dir = os.open(args.out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    total = files = 0
    spans = [(i, min(i + CHUNK, args.count)) for i in range(0, args.count, CHUNK)]
    jobs = args.jobs if len(spans) >= 4 else 1
    with open(truth_path, "w", encoding="utf-8", buffering=1 << 20) as truth_file:
        if jobs > 1:
            # Workers make the notes, chunk by chunk and in order; this
            # process only writes. Note i is the same whoever makes it.
            context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
            pool = context.Pool(jobs, _init_worker, (args.seed, options))
            chunks = pool.imap(_make_chunk, spans)
        else:
            _init_worker(args.seed, options)
            chunks = map(_make_chunk, spans)
        try:
            for chunk in chunks:
                for name, data, truth_line in chunk:
                    fd = os.open(name, flags, 0o644, dir_fd=out_dir)
                    try:
                        written = os.write(fd, data)
                        while written < len(data):
                            written += os.write(fd, data[written:])
                    finally:
                        os.close(fd)
                    total += len(data)
                    files += 1
                    truth_file.write(truth_line)
                    stale.discard(name)
        finally:
            if jobs > 1:
                pool.terminate()
    for name in stale:
        if os.path.basename(name) == name:
            try:
                os.unlink(name, dir_fd=out_dir)
            except OSError:
                pass
    os.close(out_dir)
    if not args.quiet:
        elapsed = time.monotonic() - began
        print("generate_notes.py: %d notes%s, %.1f MB, in %s (%.1f s)"
              % (args.count, ", %d reports" % (files - args.count) if files > args.count else "",
                 total / 1e6, args.out, elapsed), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
