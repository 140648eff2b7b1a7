#!/usr/bin/env python3
"""Builds the labelled name pairs of docs/screening-set/ from public material.

Run from the repository root: python3 docs/screening-set/build.py
Deterministic: the same list and this file always give the same CSV files (seeded random,
split by a hash of the designation's reference number). See README.md beside it.
"""
import csv
import difflib
import gzip
import hashlib
import random
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

LIST = Path("producers/src/main/resources/designations/un-consolidated-2020-11.xml.gz")
OUT = Path("docs/screening-set")
SEED = 20201130
COLUMNS = ["name1", "name2", "schema", "expected", "variant", "source"]

# ---------------------------------------------------------------- the list


def text(element, tag):
    value = element.findtext(tag)
    return " ".join(value.split()) if value else ""


def designations():
    root = ET.parse(gzip.open(LIST)).getroot()
    found = []
    for tag, schema in (("INDIVIDUAL", "Person"), ("ENTITY", "Company")):
        for e in root.iter(tag):
            ref = text(e, "REFERENCE_NUMBER")
            parts = [text(e, p) for p in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
            name = " ".join(p for p in parts if p)
            aliases, weak = [], []
            for a in e.iter(tag + "_ALIAS"):
                alias = text(a, "ALIAS_NAME")
                if not alias or alias == name:
                    continue
                (weak if text(a, "QUALITY") == "Low" else aliases).append(alias)
            found.append({"ref": ref, "schema": schema, "name": name, "aliases": aliases, "weak": weak})
    return found


def latin(name):
    return "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).isascii()


def tokens(name):
    return [t for t in re.split(r"[^a-z0-9]+", name.lower()) if t]


LEGAL = set(
    "co corp corporation company inc ltd limited llc jsc ojsc oao ooo pao gmbh ag sa the of and for"
    " de al el bin ben ibn abu ag maulana mullah haji hajji sayed sheikh shaikh".split()
)


def shares_a_part(a, b):
    """An alias that shares a name part (nearly equal spelling) with the name: a spelling variant.

    Deliberately independent of the matcher: difflib's ratio on lower-case words."""
    ta = [t for t in tokens(a) if t not in LEGAL and len(t) > 1]
    tb = [t for t in tokens(b) if t not in LEGAL and len(t) > 1]
    return any(difflib.SequenceMatcher(None, x, y).ratio() >= 0.75 for x in ta for y in tb)


def half(key):
    """tune or heldout, by a hash: the same designation always falls in the same part."""
    return "tune" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


# ---------------------------------------------------------------- variants of a listed name

LOOK_ALIKES = {"o": "0", "i": "1", "l": "1", "e": "3", "a": "4", "s": "5", "t": "7", "b": "8"}
TITLES = ["Dr", "Mr", "General", "President", "Shaikh", "Sheikh", "Colonel", "Haji", "Mullah", "Maulavi", "Prof."]
SPELLINGS = [
    ("muhammad", "mohammed"), ("mohammed", "muhammad"), ("mohammad", "muhammad"), ("ahmad", "ahmed"),
    ("ahmed", "ahmad"), ("yusuf", "yousef"), ("hussein", "husayn"), ("husain", "hussein"),
    ("omar", "umar"), ("umar", "omar"), ("usama", "osama"), ("khalid", "khaled"),
    ("abdallah", "abdullah"), ("abdullah", "abdallah"), ("hassan", "hasan"), ("hasan", "hassan"),
    ("ibrahim", "ebrahim"), ("mahmoud", "mahmud"), ("mustafa", "mostafa"), ("said", "saeed"),
    ("saeed", "said"), ("jamal", "gamal"), ("abd al", "abdul"), ("abdul", "abd al"),
    ("sergey", "sergei"), ("sergei", "sergey"), ("yuri", "yury"), ("alexander", "aleksandr"),
    ("aleksandr", "alexander"), ("dmitry", "dmitri"), ("andrei", "andrey"),
    ("kh", "h"), ("ou", "u"), ("ee", "i"), ("y", "i"), ("j", "dj"), ("q", "k"), ("ch", "tch"),
    ("chol", "cheol"), ("jong", "chong"), ("pak", "bak"), ("ri", "lee"), ("kim", "gim"),
    ("eo", "o"), ("sh", "sch"), ("ph", "f"), ("oo", "u"),
]
LEGAL_FORMS = [
    ("LIMITED", "LTD"), ("LTD", "LIMITED"), ("COMPANY", "CO"), ("CO", "COMPANY"),
    ("CORPORATION", "CORP"), ("CORP", "CORPORATION"), ("INCORPORATED", "INC"),
]
ADDED_FORMS = [
    "Ltd", "Limited", "Co., Ltd.", "LLC", "JSC", "AG", "Aktiengesellschaft", "GmbH",
    "Gesellschaft mit beschraenkter Haftung", "S.A.", "Societe Anonyme", "OAO", "OJSC",
    "Open Joint Stock Company", "PAO", "OOO", "Obshchestvo s Ogranichennoy Otvetstvennostyu",
    "Inc.", "Incorporated", "Corp.", "Corporation", "Company", "Co.", "PLC", "Pte Ltd", "Sdn Bhd",
]
PREFIXED_FORMS = ["OAO", "OOO", "ZAO", "Open Joint Stock Company", "Joint Stock Company", "PAO"]


def typo(rng, name):
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long:
        return None
    i = rng.choice(long)
    w = words[i]
    k = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        w = w[:k] + w[k + 1:]
    elif kind == 1:
        w = w[:k] + w[k] + w[k:]
    elif kind == 2:
        w = w[:k - 1] + w[k] + w[k - 1] + w[k + 1:]
    else:
        vowels = "AEIOU" if w[k].isupper() else "aeiou"
        w = w[:k] + rng.choice([v for v in vowels if v != w[k]]) + w[k + 1:]
    words[i] = w
    return " ".join(words)


def digits(rng, name):
    chars = list(name)
    spots = [i for i, c in enumerate(chars) if c.lower() in LOOK_ALIKES and 0 < i]
    if len(spots) < 2:
        return None
    for i in rng.sample(spots, 2):
        chars[i] = LOOK_ALIKES[chars[i].lower()]
    return "".join(chars)


def joined(rng, name):
    words = name.split()
    if len(words) < 2:
        return None
    i = rng.randrange(len(words) - 1)
    return " ".join(words[:i] + [words[i] + words[i + 1].capitalize()] + words[i + 2:])


def split(rng, name):
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 8 and w.isalpha()]
    if not long:
        return None
    i = rng.choice(long)
    k = len(words[i]) // 2
    return " ".join(words[:i] + [words[i][:k], words[i][k:]] + words[i + 1:])


def respelt(rng, name):
    low = name.lower()
    options = [(a, b) for a, b in SPELLINGS if re.search(r"\b" + a + r"\b" if len(a) > 3 else a, low)]
    if not options:
        return None
    a, b = rng.choice(options)
    return re.sub(r"\b" + a + r"\b" if len(a) > 3 else a, b, low, count=1).title()


def person_variants(rng, name):
    words = [w for w in re.split(r"\s+", name) if w]
    out = {
        "typo": typo(rng, name),
        "digits": digits(rng, name),
        "joined-parts": joined(rng, name),
        "split-part": split(rng, name),
        "transliteration": respelt(rng, name),
        "title": rng.choice(TITLES) + " " + name.title(),
        "reordered": (words[-1] + ", " + " ".join(words[:-1])).title() if len(words) >= 2 else None,
    }
    if len(words) >= 3:
        i = rng.randrange(1, len(words) - 1)
        out["dropped-part"] = " ".join(words[:i] + words[i + 1:]).title()
        out["initial"] = " ".join(words[:i] + [words[i][0] + "."] + words[i + 1:]).title()
        if all(w.isalpha() for w in words[:2]):
            out["initials-punctuated"] = (
                words[0][0] + ".-" + words[1][0] + ". " + " ".join(words[2:]).title()
            )
    particles = re.findall(r"\b(al|el|bin|ibn|abu)[- ]", name, re.I)
    if particles:
        out["particles"] = re.sub(r"\b(al|el)-", "", re.sub(r"\bbin\b", "ibn", name, flags=re.I), flags=re.I).title()
    return {k: v for k, v in out.items() if v and v.lower() != name.lower()}


def organization_variants(rng, name):
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    words = base.split()
    swaps = [(a, b) for a, b in LEGAL_FORMS if a in words]
    out = {
        "typo": typo(rng, base),
        "digits": digits(rng, base),
        "joined-parts": joined(rng, base),
        "split-part": split(rng, base),
        "case-punctuation": base.title().replace(" ", "-", 1) if len(words) > 1 else None,
        "legal-form-added": base.title() + " " + rng.choice(ADDED_FORMS),
        "legal-form-prefixed": rng.choice(PREFIXED_FORMS) + " " + base.title(),
    }
    if swaps:
        a, b = rng.choice(swaps)
        out["legal-form-swapped"] = " ".join(b if w == a else w for w in words)
    return {k: v for k, v in out.items() if v and v.lower() != name.lower()}


# ---------------------------------------------------------------- public names that are not listed

# Real vessels designated by the UN Security Council's 1718 Committee (its published vessel list),
# which the consolidated XML of 2020 does not carry as records.
DESIGNATED_VESSELS = [
    "CHON MA SAN", "JI SONG 6", "YU JONG 2", "KUM UN SAN 3", "RYE SONG GANG 1", "SAM JONG 2",
    "YU SON", "PAEK MA", "NAM SAN 8", "AN SAN 1", "KOTI", "HUA FU", "NEW REGENT", "SHANG YUAN BAO",
    "KATRIN", "XIN YUAN 18", "TONG SAN 2", "WAN HENG 11", "YUK TUNG", "CHON MYONG 1", "UN HA 2",
    "JI SONG 8", "HAP JANG GANG 6", "CHONG BONG", "MU DU BONG", "RUNG RA 2", "YU PHYONG 5",
    "SAM JONG 1", "SAEBYOL", "PO HANG", "KUM UN SAN", "MYONG RYU 1", "DONG FENG 6", "TIAN YOU",
]
# Real ships, companies, banks and people no list designates: the false pairs a desk meets.
NOT_LISTED = {
    "Vessel": [
        "EVER GIVEN", "MAERSK ALABAMA", "QUEEN MARY 2", "NORDIC ORION", "SEAWISE GIANT",
        "JAG LAADKI", "STENA IMPERO", "SANCHI", "MSC GULSUN", "HMM ALGECIRAS", "CHANG AN",
        "JI SONG 9", "YU JONG 3", "NAM SAN 9", "SAM JONG 5", "KUM SAN", "HUA FENG", "NEW REGENCY",
        "TONG SAN 7", "UN HA 7", "PAEK DU SAN", "CHON MA", "XIN YUAN 8", "AN SAN 3", "KOTA",
    ],
    "Company": [
        "Bank for Foreign Trade", "Trade Bank of Iraq", "Foreign Trade Bank of Latin America",
        "Korea Development Bank", "Industrial Bank of Korea", "Korea Exchange Bank",
        "Bank of China", "Agricultural Bank of China", "China Merchants Bank", "Bank Mellat",
        "Bank Melli", "Export Development Bank of Iran", "Samsung Heavy Industries",
        "Hyundai Merchant Marine", "Korea Shipbuilding and Offshore Engineering",
        "Korea Electric Power Corporation", "Korea National Oil Corporation",
        "National Iranian Oil Company", "Islamic Development Bank", "Arab Bank",
        "Commercial Bank of Syria", "Central Bank of Libya", "Sovcomflot", "Rosneft",
        "Gazprom Neft", "Vneshtorgbank", "Vnesheconombank", "Sberbank of Russia",
        "Ocean Network Express", "Mediterranean Shipping Company", "China Ocean Shipping Company",
        "Pacific International Lines", "Evergreen Marine Corporation", "Yang Ming Marine Transport",
        "Mitsui O.S.K. Lines", "Nippon Yusen Kaisha", "Glencore", "Trafigura", "Vitol",
        "Korea Trade Insurance Corporation", "Korea Mining Corporation", "Daewoo Shipbuilding",
        "Islamic Relief Worldwide", "Red Crescent Society of the United Arab Emirates",
        "Al Rajhi Bank", "Dubai Islamic Bank", "Emirates NBD", "Qatar National Bank",
        "Korea Zinc", "Posco International", "Hanjin Shipping", "Korea Line Corporation",
        "Pan Ocean", "Sinokor Merchant Marine", "Heung-A Shipping", "Korean Air",
        "Air China", "Iran Air", "Ariana Afghan Airlines", "Kam Air", "Mahan Air",
        "Shanghai International Port Group", "Dalian Port Company", "Port of Nampo Authority",
        "Second Economic Development Bank", "National Development Bank", "Academy of Sciences of Iran",
        "Academy of Natural Sciences of Philadelphia", "Ministry of Foreign Affairs of Japan",
        "Islamic Movement of Nigeria", "Korea Trading Company of Canada", "Green Pine Capital",
        "Amro Bank", "Daedong Bank of Commerce", "Kwangju Bank", "Taesung Industrial",
    ],
    "Person": [
        "Kim Dae-jung", "Kim Young-sam", "Kim Yuna", "Kim Jong-kook", "Kim Jong Pil",
        "Moon Jae-in", "Ban Ki-moon", "Park Geun-hye", "Lee Myung-bak", "Roh Moo-hyun",
        "Ri Sol Ju", "Kim Yo Jong", "Choe Son Hui", "Pak Pong Ju", "Kim Il Chol",
        "Ali Khamenei", "Hassan Rouhani", "Mohammad Javad Zarif", "Mahmoud Abbas",
        "Mohammed bin Salman", "Tamim bin Hamad Al Thani", "Abdullah bin Zayed Al Nahyan",
        "Ahmed Shah Massoud", "Hamid Karzai", "Ashraf Ghani", "Abdul Rashid Dostum",
        "Ahmad Zia Massoud", "Yusuf Islam", "Muhammad Ali", "Omar Sharif", "Osama Saeed",
        "Abdul Qadir Khan", "Sergey Lavrov", "Sergei Brin", "Dmitry Medvedev", "Viktor Bout",
        "Abu Bakr Siddique", "Mohamed Salah", "Khalid Sheikh Mohammed Al Balushi",
        "Jean-Claude Juncker", "Jean-Claude Trichet", "Hassan Nasrallah", "Saad Hariri",
        "Ibrahim Rugova", "Abdullah Abdullah", "Gulbuddin Hekmatyar", "Ismail Khan",
        "Moussa Faki Mahamat", "Joseph Kabila", "Jean-Pierre Bemba", "Laurent Gbagbo",
        "Salva Kiir Mayardit", "Riek Machar Teny", "Omar al-Bashir", "Ali Abdullah Saleh",
        "Abdrabbuh Mansur Hadi", "Khalifa Haftar", "Fayez al-Sarraj", "Muammar al-Qaddafi",
        "Tariq Aziz", "Ayad Allawi", "Nouri al-Maliki", "Muqtada al-Sadr", "Ahmed Chalabi",
    ],
}


def normalized(name):
    return " ".join(t for t in tokens(name) if t not in LEGAL)


def without_branch(name):
    """The name without what it puts in parentheses: AL-HARAMAIN FOUNDATION (KENYA)."""
    return normalized(re.sub(r"\([^)]*\)", " ", name).replace("haramayn", "haramain"))


def nearest(name, candidates, exclude=()):
    """The candidate most like name by difflib's ratio (not by the matcher)."""
    key = normalized(name)
    best, best_ratio = None, 0.0
    for c in candidates:
        if c in exclude:
            continue
        ratio = difflib.SequenceMatcher(None, key, normalized(c)).ratio()
        if ratio > best_ratio:
            best, best_ratio = c, ratio
    return best, best_ratio


# ---------------------------------------------------------------- building


def main():
    rng = random.Random(SEED)
    listed = designations()
    rows = {"tune": [], "heldout": []}
    others = []

    def add(part, *row):
        rows[part].append(dict(zip(COLUMNS, row)))

    by_schema = {"Person": [], "Company": []}
    for d in listed:
        by_schema[d["schema"]].append(d["name"])

    for d in listed:
        part = half(d["ref"])
        schema = d["schema"]
        # true pairs: the list's own good aliases, when written in Latin letters
        for alias in d["aliases"]:
            if not latin(alias):
                continue
            if shares_a_part(alias, d["name"]):
                add(part, alias, d["name"], schema, "true", "alias", d["ref"])
            else:
                others.append(dict(zip(COLUMNS, [alias, d["name"], schema, "true", "alias-other-name", d["ref"]])))
        # true pairs: variants generated from the listed name
        variants = person_variants(rng, d["name"]) if schema == "Person" else organization_variants(rng, d["name"])
        for variant in rng.sample(sorted(variants), min(3, len(variants))):
            add(part, variants[variant], d["name"], schema, "true", variant, d["ref"])
        # false pairs: the most similar other designation of the same kind
        other, ratio = nearest(d["name"], by_schema[schema], exclude={d["name"]} | set(d["aliases"]))
        if other and ratio >= 0.5 and without_branch(other) != without_branch(d["name"]):
            add(part, d["name"], other, schema, "false", "other-designation", d["ref"])
        # false pairs: one part of a person's name exchanged for a part of another listed person
        words = d["name"].split()
        if schema == "Person" and len(words) >= 2:
            donor = rng.choice(by_schema["Person"]).split()
            replacement = rng.choice(donor)
            i = rng.randrange(len(words))
            if (
                replacement.lower() not in {w.lower() for w in words}
                and len(replacement) > 2
                and "-" not in replacement + words[i]
                and len(words[i]) > 2
                and words[i].lower() not in LEGAL
                and replacement.lower() not in LEGAL
            ):
                changed = words[:i] + [replacement] + words[i + 1:]
                add(part, " ".join(changed).title(), d["name"], schema, "false", "other-part", d["ref"])
        # false pairs: an organization's words in another order ("Bank for Foreign Trade")
        base = [w for w in re.sub(r"\s*\([^)]*\)", "", d["name"]).split() if w.lower().strip(".,") not in LEGAL | {"pte", "llc", "sa", "s.a"}]
        if schema == "Company" and len(base) >= 3 and rng.random() < 0.3:
            reordered = " ".join([base[-1].title(), "of"] + [w.title() for w in base[:-1]])
            add(part, reordered, d["name"], schema, "false", "reordered-organization", d["ref"])

    for vessel in DESIGNATED_VESSELS:
        part = half(vessel)
        forms = {
            "prefix": rng.choice(["MV ", "M/V ", "MT ", "M/T "]) + vessel.title(),
            "joined-parts": vessel.replace(" ", "", 1) if " " in vessel else None,
            "typo": typo(rng, vessel),
            "digits": digits(rng, vessel),
            "case-punctuation": vessel.title().replace(" ", "-"),
            "number-written": re.sub(r" (\d+)$", r" No. \1", vessel) if re.search(r"\d$", vessel) else None,
        }
        for variant, written in sorted(forms.items()):
            if written and written.lower() != vessel.lower():
                add(part, written, vessel, "Vessel", "true", variant, "1718-vessels")
        other, _ = nearest(vessel, DESIGNATED_VESSELS, exclude={vessel})
        add(part, vessel, other, "Vessel", "false", "other-designation", "1718-vessels")
    listed_names = {normalized(n) for d in listed for n in [d["name"]] + d["aliases"] + d["weak"]}
    for schema, names in NOT_LISTED.items():
        pool = DESIGNATED_VESSELS if schema == "Vessel" else by_schema[schema]
        for name in names:
            if normalized(name) in listed_names:
                continue  # the list names it after all (Tariq Aziz, Ali Abdullah Saleh)
            other, _ = nearest(name, pool, exclude={name})
            add(half(name), name, other, schema, "false", "not-listed", "public")

    for part, part_rows in rows.items():
        write(OUT / f"{part}.csv", part_rows)
    write(OUT / "other-names.csv", others)


def write(path, part_rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        out.writeheader()
        out.writerows(part_rows)


if __name__ == "__main__":
    main()
