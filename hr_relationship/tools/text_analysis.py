# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What people's words say, locally: language, sentiment with its evidence,
topics and the commitments in a Dutch or English text.

Pure Python with no Odoo import, so that the bench (bench/bench_text_analysis.py)
runs it without a database. Rules, not a model: a sentiment lexicon (CLiPS
Pattern's adjectives plus the HR vocabulary of lexicon/hr-sentiment.tsv),
negation, intensifiers, Dutch compounds read by their head, and a small
grammar of due dates. Nothing is downloaded, nothing is stored.
"""

import calendar
import math
import re
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

LANGUAGES = ("nl", "en")
LEXICON_DIR = Path(__file__).parent / "lexicon"

# Pattern rates descriptive adjectives ("new", "nieuw", "hoog") slightly
# positive or negative; below this size they say nothing about a relationship.
MIN_PATTERN_POLARITY = 0.2
# Below this size a text's sentiment is neutral.
NEUTRAL_BAND = 0.1
# How many words before an opinion a negation or an intensifier reaches.
NEGATION_REACH = 3
INTENSIFIER_REACH = 2
# A negated opinion is weaker than its opposite: "not bad" is not "good".
NEGATION_FACTOR = -0.8
# The shortest head a Dutch compound is read by ("werkdruk" -> "druk").
MIN_HEAD = 4
MAX_TOPICS = 5

# Words, numbers and the punctuation that ends a negation's reach.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[,.;:!?()]", re.UNICODE)
PUNCTUATION = set(",.;:!?()")
SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")

STOPWORDS = {
    "nl": set(
        """de het een en van ik je jij u we wij ze zij hij is zijn was waren
        niet dat die dit deze er op in aan met voor naar om te bij als maar
        ook nog wel dan of door over uit tot heeft hebben had ben bent wordt
        worden werd zal zullen kan kunnen moet moeten wil willen gaat gaan ga
        mij me mijn ons onze hun haar hem men wat wie waar hoe zo al geen
        veel meer erg zeer heel echt nu toch want omdat dus daar hier iets
        alles graag even weer binnen uiterlijk vóór sinds tijdens""".split()
    ),
    "en": set(
        """the a an and of i you we they he she it is are was were be been
        not that this these those there on in at with for to by as but also
        still then or from about out up has have had will would shall can
        could must may might me my our us their them his her him what who
        where how so no very really just now yet because too here some any
        all more much many do does did am its than which within after before
        during since""".split()
    ),
}
NEGATORS = {
    "nl": {"niet", "geen", "nooit", "niets", "niemand", "nergens", "zonder"},
    "en": {
        "not",
        "no",
        "never",
        "nothing",
        "nobody",
        "without",
        "n't",
        "dont",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "won't",
        "can't",
        "cannot",
        "hardly",
    },
}
INTENSIFIERS = {
    "nl": {
        "zeer": 1.5,
        "erg": 1.5,
        "heel": 1.5,
        "echt": 1.3,
        "enorm": 1.7,
        "ontzettend": 1.7,
        "super": 1.6,
        "uiterst": 1.7,
        "bijzonder": 1.4,
        "extreem": 1.8,
        "hartstikke": 1.6,
        "behoorlijk": 1.3,
        "te": 1.3,
        "totaal": 1.5,
        "beetje": 0.5,
        "wat": 0.7,
        "redelijk": 0.7,
        "vrij": 0.8,
        "enigszins": 0.6,
        "iets": 0.6,
    },
    "en": {
        "very": 1.5,
        "really": 1.4,
        "extremely": 1.8,
        "so": 1.4,
        "too": 1.3,
        "highly": 1.5,
        "incredibly": 1.7,
        "truly": 1.4,
        "quite": 1.2,
        "totally": 1.5,
        "super": 1.6,
        "bit": 0.5,
        "slightly": 0.5,
        "somewhat": 0.6,
        "fairly": 0.7,
        "rather": 0.8,
    },
}
# Words after which a text turns: what follows weighs more ("ok, but slow").
CONTRAST = {"nl": {"maar", "echter", "helaas"}, "en": {"but", "however"}}
CONTRAST_WEIGHT = 1.5

# HR key phrases under one normalised name each.
TOPIC_TERMS = {
    "or": "ondernemingsraad",
    "ondernemingsraad": "ondernemingsraad",
    "works council": "works council",
    "verzuim": "verzuim",
    "ziekteverzuim": "verzuim",
    "sick leave": "sick leave",
    "absenteeism": "sick leave",
    "functiewaardering": "functiewaardering",
    "job evaluation": "job evaluation",
    "onboarding": "onboarding",
    "inwerken": "onboarding",
    "werving": "werving",
    "recruitment": "recruitment",
    "vacature": "werving",
    "vacatures": "werving",
    "vacancy": "recruitment",
    "vacancies": "recruitment",
    "zzp'er": "zzp",
    "zzp'ers": "zzp",
    "zzp": "zzp",
    "freelancer": "freelancers",
    "freelancers": "freelancers",
    "werkdruk": "werkdruk",
    "workload": "workload",
    "salaris": "salaris",
    "salary": "salary",
    "beoordeling": "beoordeling",
    "beoordelingen": "beoordeling",
    "appraisal": "appraisal",
    "appraisals": "appraisal",
    "opleiding": "opleiding",
    "opleidingen": "opleiding",
    "training": "training",
    "reorganisatie": "reorganisatie",
    "reorganisation": "reorganisation",
    "reorganization": "reorganisation",
    "verlof": "verlof",
    "leave": "leave",
    "contract": "contract",
    "contracten": "contract",
    "contracts": "contract",
    "exitgesprek": "exitgesprek",
    "exit interview": "exit interview",
    "payroll": "payroll",
    "salarisadministratie": "salarisadministratie",
}

# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

WEEKDAYS = {
    "maandag": 0,
    "dinsdag": 1,
    "woensdag": 2,
    "donderdag": 3,
    "vrijdag": 4,
    "zaterdag": 5,
    "zondag": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("maart", "march", "mrt", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augustus", "august", "aug"),
            ("september", "sept", "sep"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
NUMBERS = {
    "een": 1,
    "één": 1,
    "1": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
UNITS = {
    "dag": "days",
    "dagen": "days",
    "day": "days",
    "days": "days",
    "werkdag": "workdays",
    "werkdagen": "workdays",
    "working": "workdays",
    "business": "workdays",
    "week": "weeks",
    "weken": "weeks",
    "weeks": "weeks",
    "maand": "months",
    "maanden": "months",
    "month": "months",
    "months": "months",
}
_ALT = "|".join
_WEEKDAY = _ALT(sorted(WEEKDAYS, key=len, reverse=True))
_MONTH = _ALT(sorted(MONTHS, key=len, reverse=True))
_NUMBER = r"\d+|" + _ALT(
    sorted((k for k in NUMBERS if not k.isdigit()), key=len, reverse=True)
)
_UNIT = _ALT(sorted(UNITS, key=len, reverse=True))

DATE_PATTERNS = [
    # 2027-01-15
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")),
    # 15 januari, 15th of January, 15 jan.
    (
        "day_month",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|e)?\s+(?:of\s+)?(?P<m>{_MONTH})\b\.?"
        ),
    ),
    # January 15, Jan 15th
    (
        "month_day",
        re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"),
    ),
    # 15-1, 15/01 (day first, as both languages write it in Europe)
    ("numeric", re.compile(r"\b(?P<d>\d{1,2})[/-](?P<m>\d{1,2})\b(?![/-]\d)")),
    # binnen twee weken, within 3 days, in two weeks, over een maand
    (
        "span",
        re.compile(
            rf"\b(?:binnen|within|in|over|na|after)\s+(?:de\s+|the\s+)?"
            rf"(?P<n>{_NUMBER})\s+(?P<work>working\s+|business\s+)?(?P<u>{_UNIT})\b"
        ),
    ),
    ("day_after_tomorrow", re.compile(r"\b(?:overmorgen|day after tomorrow)\b")),
    ("tomorrow", re.compile(r"\b(?:morgen|tomorrow)\b(?!\s*(?:ochtend|middag))")),
    ("tomorrow", re.compile(r"\b(?:morgenochtend|morgenmiddag)\b")),
    ("today", re.compile(r"\b(?:vandaag|vanmiddag|vanavond|today|tonight)\b")),
    # volgende week vrijdag, next week Friday, Friday next week
    (
        "next_week_day",
        re.compile(
            rf"\b(?:volgende|next)\s+week\s+(?:on\s+)?(?P<w>{_WEEKDAY})\b"
            rf"|\b(?P<w2>{_WEEKDAY})\s+(?:of\s+)?(?:volgende|next)\s+week\b"
        ),
    ),
    ("next_weekday", re.compile(rf"\b(?:volgende|next)\s+(?P<w>{_WEEKDAY})\b")),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?:komende|aanstaande|deze|this|coming)\s+)?(?P<w>{_WEEKDAY})\b"
        ),
    ),
    (
        "next_week",
        re.compile(r"\b(?:volgende|komende|next|coming)\s+week\b|\bweek\s+erna\b"),
    ),
    (
        "this_week",
        re.compile(
            r"\b(?:deze week|this week|(?:het\s+)?eind(?:e)?\s+van\s+(?:de|deze)\s+week"
            r"|end of (?:the|this) week)\b"
        ),
    ),
    (
        "next_month",
        re.compile(r"\b(?:volgende|komende|next|coming)\s+maand\b|\bnext month\b"),
    ),
    (
        "this_month",
        re.compile(
            r"\b(?:deze maand|this month"
            r"|(?:het\s+)?eind(?:e)?\s+van\s+(?:de|deze)\s+maand"
            r"|end of (?:the|this) month|maandeinde|month end)\b"
        ),
    ),
    (
        "this_year",
        re.compile(
            r"\b(?:(?:het\s+)?eind(?:e)?\s+van\s+(?:het|dit)\s+jaar"
            r"|end of (?:the|this) year"
            r"|jaareinde|year end)\b"
        ),
    ),
]


def _add_months(day, months):
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_end(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _add_workdays(day, count):
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _day_month(reference, day, month, year=None):
    """The date of day and month on or after ``reference`` (next year's when
    this year's has passed: "uiterlijk 15 januari" said in December)."""
    try:
        if year:
            return date(year, month, day)
        found = date(reference.year, month, day)
        if found < reference:
            found = date(reference.year + 1, month, day)
        return found
    except ValueError:
        return None


def _resolve(kind, match, reference):
    """The date a phrase of ``kind`` names, said on ``reference``."""
    groups = match.groupdict()
    if kind == "iso":
        day, month, year = int(groups["d"]), int(groups["m"]), int(groups["y"])
        return _day_month(reference, day, month, year)
    if kind in ("day_month", "month_day"):
        return _day_month(reference, int(groups["d"]), MONTHS[groups["m"]])
    if kind == "numeric":
        month = int(groups["m"])
        return _day_month(reference, int(groups["d"]), month) if month <= 12 else None
    if kind == "span":
        count = NUMBERS.get(groups["n"]) or int(groups["n"])
        unit = UNITS[groups["u"]]
        # "five working days": the days are working days.
        if unit == "days" and groups.get("work"):
            unit = "workdays"
        if unit == "days":
            return reference + timedelta(days=count)
        if unit == "workdays":
            return _add_workdays(reference, count)
        if unit == "weeks":
            return reference + timedelta(weeks=count)
        return _add_months(reference, count)
    return _resolve_relative(kind, groups, reference)


def _resolve_relative(kind, groups, reference):
    """The date of a phrase that names a day by its distance: tomorrow,
    Friday, next week, the end of the month."""
    if kind == "today":
        return reference
    if kind == "tomorrow":
        return reference + timedelta(days=1)
    if kind == "day_after_tomorrow":
        return reference + timedelta(days=2)
    monday = reference - timedelta(days=reference.weekday())
    if kind == "next_week_day":
        weekday = WEEKDAYS[groups["w"] or groups["w2"]]
        return monday + timedelta(days=7 + weekday)
    if kind == "next_weekday":
        # "next Friday": Friday of next week, not the one two days away.
        return monday + timedelta(days=7 + WEEKDAYS[groups["w"]])
    if kind == "weekday":
        # The coming one; said on a Friday, "vrijdag" is a week later.
        ahead = (WEEKDAYS[groups["w"]] - reference.weekday()) % 7 or 7
        return reference + timedelta(days=ahead)
    if kind == "next_week":
        # A deadline of "next week" is its last working day.
        return monday + timedelta(days=11)
    if kind == "this_week":
        return max(reference, monday + timedelta(days=4))
    if kind == "next_month":
        return _month_end(_add_months(reference.replace(day=1), 1))
    if kind == "this_month":
        return _month_end(reference)
    if kind == "this_year":
        return date(reference.year, 12, 31)
    return None


def due_date(text, reference):
    """The first due date ``text`` names, relative to ``reference``, or None."""
    lowered = text.lower()
    found = []
    for kind, pattern in DATE_PATTERNS:
        for match in pattern.finditer(lowered):
            found.append((match.start(), -len(match.group(0)), kind, match))
    for _start, _length, kind, match in sorted(found, key=lambda f: f[:2]):
        resolved = _resolve(kind, match, reference)
        if resolved:
            return resolved
    return None


# ---------------------------------------------------------------------------
# Commitments
# ---------------------------------------------------------------------------

_NL_PERSON = r"(?:ik|we|wij|hr|ze|zij|hij)"
_NL_PROMISE_VERB = (
    r"(?:zal|zullen|ga|gaan|gaat|stuur|sturen|stuurt|regel|regelen|regelt|"
    r"plan|plannen|lever|leveren|bel|bellen|mail|mailen|zorg|zorgen|pak|pakken|"
    r"neem|nemen|maak|maken|zoek|zoeken|koppel|geef|geven|kom|komen|"
    r"organiseer|organiseren|deel|delen|check|checken|werk|loop|lopen)"
)
COMMITMENT_MARKERS = {
    "nl": re.compile(
        rf"\b{_NL_PERSON}\s+{_NL_PROMISE_VERB}\b|\b{_NL_PROMISE_VERB}\s+{_NL_PERSON}\b"
        r"|\b(?:beloofd|belooft|beloof|toegezegd|zegt toe|zei toe|zegde toe|"
        r"afgesproken dat|afspraak is dat|actiepunt|komt erop terug|"
        r"kom erop terug|komen erop terug|neemt contact op)\b|\bactie\s*:"
    ),
    "en": re.compile(
        r"\b(?:i|we|hr)\s+(?:will|shall|am going to|are going to|promise|promised|"
        r"commit|committed|agreed)\b|\b(?:i'll|we'll|i’ll|we’ll)\b"
        r"|\b(?:promised to|agreed to|committed to|undertook to|"
        r"will get back|will follow up|follow up with)\b|\baction\s*:"
    ),
}
# "will"/"zal" of anyone is a commitment when it has a date: "Jan will send
# the figures by Friday".
DATED_MARKERS = {
    # Dutch says the future in the present: "we ronden het vrijdag af".
    "nl": re.compile(
        r"\b(?:zal|zullen|gaat|gaan|stuurt|levert|regelt|belt|ik|we|wij)\b"
    ),
    "en": re.compile(r"\b(?:will|'ll|’ll|is going to|are going to|promised)\b"),
}
# What looks like a promise but reports or asks.
NOT_COMMITMENT = {
    "nl": re.compile(r"\b(?:zou|zouden|als|indien|misschien|wellicht)\b"),
    "en": re.compile(r"\b(?:would|if|maybe|perhaps|might)\b"),
}


def commitments(text, lang, reference):
    """[{text, due_date}] of the promises in ``text``, a sentence each."""
    found = []
    for sentence in SENTENCE.split(text):
        sentence = sentence.strip()
        if not sentence or sentence.endswith("?"):
            continue
        lowered = sentence.lower()
        if NOT_COMMITMENT[lang].search(lowered):
            continue
        due = due_date(lowered, reference)
        if COMMITMENT_MARKERS[lang].search(lowered) or (
            due and DATED_MARKERS[lang].search(lowered)
        ):
            found.append(
                {"text": sentence, "due_date": due.isoformat() if due else False}
            )
    return found


# ---------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------


@cache
def lexicon(lang):
    """{word or phrase: polarity} of ``lang``: Pattern's adjectives, then the
    HR vocabulary, which wins where both have a word."""
    words = {}
    with (LEXICON_DIR / f"{lang}-sentiment.tsv").open(encoding="utf-8") as table:
        for line in table:
            if line.startswith("#"):
                continue
            form, polarity, _intensity = line.rstrip("\n").split("\t")
            polarity = float(polarity)
            if abs(polarity) >= MIN_PATTERN_POLARITY and form not in STOPWORDS[lang]:
                words[form] = polarity
    with (LEXICON_DIR / "hr-sentiment.tsv").open(encoding="utf-8") as table:
        for line in table:
            if line.startswith("#") or not line.strip():
                continue
            word_lang, form, polarity = line.rstrip("\n").split("\t")
            if word_lang == lang:
                words[form] = float(polarity)
    # Negators and intensifiers modify; they are no opinion of their own.
    for word in list(words):
        if word in NEGATORS[lang] or word in INTENSIFIERS[lang]:
            del words[word]
    return words


@cache
def _phrases(lang):
    """{first word: [(phrase as a tuple of words, polarity)]}, longest first."""
    by_first = {}
    for form, polarity in lexicon(lang).items():
        words = tuple(form.split())
        if len(words) > 1:
            by_first.setdefault(words[0], []).append((words, polarity))
    for phrases in by_first.values():
        phrases.sort(key=lambda item: -len(item[0]))
    return by_first


@lru_cache(maxsize=200_000)
def word_polarity(word, lang):
    """(polarity, the lexicon form that gave it) of one word, or (0, None):
    the word itself, its inflected base (Dutch -e, English -s/-ly), or for
    Dutch the head of a compound ("werkdruk" is read as "druk",
    "klantontevredenheid" as "ontevreden")."""
    words = lexicon(lang)
    if word in TOPIC_TERMS and word not in words:
        # A subject, not an opinion: "functiewaardering" ends in "waardering".
        return 0.0, None
    candidates = [word]
    if lang == "nl":
        if word.endswith("e") and len(word) > 4:
            stem = word[:-1]
            candidates.append(stem)
            # snelle -> snel, trage -> traag
            if len(stem) > 3 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])
            if len(stem) > 3 and stem[-2] not in "aeiou" and stem[-3] in "aeiou":
                candidates.append(stem[:-2] + stem[-3] + stem[-2:])
        if word.endswith("heid"):
            candidates.append(word[:-4])
    else:
        if word.endswith("s") and len(word) > 3:
            candidates.append(word[:-1])
        if word.endswith("ly") and len(word) > 4:
            candidates.append(word[:-2])
    for candidate in candidates:
        if candidate in words:
            return words[candidate], candidate
    if lang == "nl" and len(word) > MIN_HEAD + 2:
        # The longest known head: Dutch writes compounds as one word.
        for start in range(2, len(word) - MIN_HEAD + 1):
            head = word[start:]
            if head in words:
                return words[head], head
    return 0.0, None


# ---------------------------------------------------------------------------
# Analysis
# ---------------------------------------------------------------------------


def tokens(text):
    return WORD.findall(text.lower())


def detect_language(words):
    """ "nl" or "en", by the function words a text uses; Dutch on a tie,
    the language of most users of the addon."""
    dutch = sum(1 for word in words if word in STOPWORDS["nl"])
    english = sum(1 for word in words if word in STOPWORDS["en"])
    if english == dutch:
        # No function word decides: the lexicon that knows more words does.
        dutch = sum(1 for word in words if word in lexicon("nl"))
        english = sum(1 for word in words if word in lexicon("en"))
    return "en" if english > dutch else "nl"


def _sentiment(words, lang):
    """(score in -1..1, evidence) of the words."""
    negators = NEGATORS[lang]
    intensifiers = INTENSIFIERS[lang]
    contrast = CONTRAST[lang]
    phrases = _phrases(lang)
    total = 0.0
    evidence = []
    weight = 1.0
    index = 0
    count = len(words)
    # Where the last opinion ended: a negation before it is that opinion's.
    last_end = 0
    while index < count:
        word = words[index]
        if word in contrast:
            # What came before a "but" counts less than what follows.
            total /= CONTRAST_WEIGHT
            for item in evidence:
                item["score"] = round(item["score"] / CONTRAST_WEIGHT, 2)
            weight = 1.0
        length, polarity = 1, 0.0
        for phrase, phrase_polarity in phrases.get(word, ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                length, polarity = len(phrase), phrase_polarity
                break
        else:
            if not (word in negators or word in intensifiers or word in PUNCTUATION):
                polarity = word_polarity(word, lang)[0]
        if not polarity:
            index += 1
            continue
        first = index
        factor = 1.0
        floor = max(last_end - 1, index - 1 - INTENSIFIER_REACH, -1)
        for back in range(index - 1, floor, -1):
            if words[back] in intensifiers:
                factor *= intensifiers[words[back]]
                first = back
            else:
                break
        negated = False
        floor = max(last_end - 1, index - 1 - NEGATION_REACH, -1)
        for back in range(index - 1, floor, -1):
            if words[back] in contrast or words[back] in PUNCTUATION:
                break
            if words[back] in negators or words[back].endswith("n't"):
                negated = True
                first = min(first, back)
                break
        if negated:
            factor *= NEGATION_FACTOR
        # An intensifier between a negation and the opinion softens the
        # negation: "niet erg tevreden" is mildly negative.
        score = polarity * factor * weight
        total += score
        evidence.append(
            {"text": " ".join(words[first : index + length]), "score": round(score, 2)}
        )
        index += length
        last_end = index
    # Squash the sum into -1..1; one clear word alone reaches about 0.45.
    sentiment = total / math.sqrt(total * total + 1.0)
    return round(sentiment, 3), evidence


def _topics(words, lang):
    """Up to MAX_TOPICS key phrases: the HR terms, then the longest content
    words that carry no opinion, in the order of the text."""
    topics = []
    seen = set()

    def add(topic):
        if topic not in seen and len(topics) < MAX_TOPICS:
            seen.add(topic)
            topics.append(topic)

    in_terms = set()
    for index, word in enumerate(words):
        pair = " ".join(words[index : index + 2])
        if pair in TOPIC_TERMS:
            add(TOPIC_TERMS[pair])
            in_terms.update(words[index : index + 2])
        elif word in TOPIC_TERMS and (word != "or" or lang == "nl"):
            # "or" is the works council in Dutch, a conjunction in English.
            add(TOPIC_TERMS[word])
            in_terms.add(word)
    stop = STOPWORDS[lang]
    content = [
        word
        for word in words
        if len(word) >= 6
        and word not in stop
        and not word.isdigit()
        and word not in WEEKDAYS
        and word not in MONTHS
        and word not in in_terms
        and not word_polarity(word, lang)[1]
    ]
    for word in sorted(content, key=len, reverse=True):
        add(word)
    return topics


def analyse(text, lang=None, reference=None):
    """What one text says; see hr.relationship.text.analysis.analyse."""
    words = tokens(text)
    lang = lang or detect_language(words)
    reference = reference or date.today()
    sentiment, evidence = _sentiment(words, lang)
    if sentiment > NEUTRAL_BAND:
        label = "positive"
    elif sentiment < -NEUTRAL_BAND:
        label = "negative"
    else:
        label = "neutral"
    return {
        "language": lang,
        "sentiment": sentiment,
        "label": label,
        "evidence": evidence,
        "topics": _topics(words, lang),
        "commitments": commitments(text, lang, reference),
    }
