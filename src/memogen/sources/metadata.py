"""Recognisers for bibliographic lines: dates, bylines, author bios, publication notes.

Each function looks at one line (a string) and answers a narrow question, so the
cleaner can combine them with the line's position (above or below the headline,
in the body or the tail) — position is what tells an article's own date from a
page's "today" date, and a byline from a headline made of capitalised words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..wordlists import MONTHS, TITLE_SMALL_WORDS
from .places import is_country_name

_MONTHS = MONTHS
MONTH_NUMBERS = _MONTHS  # 'jan' -> 1, for readers of dates without a year
_MONTH = r"(?P<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)"
_DATE_PATTERNS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)\b"),
    # '16 | 02 | 2024': day, month and year set apart by bars, as some sites print a story's date
    re.compile(r"(?<![\d|])(?P<d>[0-3]?\d)\s?\|\s?(?P<mn>[01]?\d)\s?\|\s?(?P<y>(?:19|20)\d\d)(?![\d|])"),
]
# '21-07-2024', '21/07/2024', '21.07.2024': day first (most of the world); month first only when
# the day-first reading is no date ('07/21/2024').  A year glued to a word still counts.
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,/-])(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)"
)
WEEKDAY = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?", re.I)
_OTHER_CALENDAR = re.compile(r"\b\d{1,2}\s+[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)?\s+\d{3,4}\b")
NAME_PARTICLES = frozenset(
    """bin ibn al el de da del della van von der den di du la le ul ud us abu""".split()  # noqa: SIM905
)
# Capitalised words that make a line an organisation, a role or a headline rather than a person.
_NON_NAME = frozenset(
    """associate assistant research researcher senior junior fellow director editor professor lecturer
    analyst centre center institute university college school department ministry council committee
    office agency news times post daily weekly herald tribune journal review insights magazine media
    press tv radio online foreign affairs policy studies strategic international national global world
    affairs relations report minister president government army visit talks home menu about contact the
    of and for in on with our your my their this these those what how why when where more all every
    content sponsored paid promoted partner partners advertisement advertorial
    enquirer inquirer gazette chronicle observer telegraph examiner courier dispatch sentinel bulletin
    ledger""".split()  # noqa: SIM905
)
# (the last rows: a page's label for the advertising under an article, 'Paid Content', 'Sponsored
# Content', which stands alone after the story where an author's name may stand; and the nouns that
# name newspapers, 'Harbour Enquirer' under a byline being the outlet, not a second writer)
_BYLINE = re.compile(
    r"^(?:by|written by|authors?|words by|reported by|text by|prepared by|report by|analysis by|published by|posted by|"
    r"(?:story|article|column|commentary|opinion) by)"
    r"\s*[:\-–—]?\s*(?P<names>.*)$",
    re.I,
)
_BIO_ROLE = re.compile(
    r"^(?:the\s+)?(?:writer|author|columnist|contributor)s?\b.{0,30}?\b(?:is|are|was|has|have|teaches|works|worked|can be|serves|heads)\b",
    re.I,
)
_PUBLISHED = re.compile(
    r"^(?:this (?:article|piece|op-ed|column|story|report|commentary) )?(?:was |has been )?(?:first |originally |also )?"
    r"(?P<verb>published|appeared|posted|printed|dated|date|updated|last updated)\b\s*(?:on|:)?\s*(?P<rest>.*)$",
    re.I,
)


_ANY_YEAR = re.compile(r"(?:1[89]|20)\d\d")  # what every pattern above holds somewhere


@dataclass
class FoundDate:
    start: int
    end: int
    date: dt.date


def find_dates(line: str) -> list[FoundDate]:
    """Every full calendar date (day, month, year) written in the line."""
    found: list[FoundDate] = []
    if not _ANY_YEAR.search(line):  # every pattern needs a year: one plain scan instead of five
        return found
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(line):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            month = int(m.group("mn")) if "mn" in pattern.groupindex else _MONTHS[m.group("m").lower()[:3]]
            try:
                found.append(
                    FoundDate(m.start(), m.end(), dt.date(int(m.group("y")), month, int(m.group("d"))))
                )
            except ValueError:
                continue
    for m in _NUMERIC_DATE.finditer(line):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        date = _numeric_date(int(m.group("a")), int(m.group("b")), int(m.group("y")))
        if date:
            found.append(FoundDate(m.start(), m.end(), date))
    return sorted(found, key=lambda f: f.start)


def _numeric_date(a: int, b: int, year: int) -> dt.date | None:
    for day, month in ((a, b), (b, a)):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def parse_loose_date(text: str) -> dt.date | None:
    """A date in any language/format dateparser knows, for short date-only strings."""
    found = find_dates(text)
    if found:
        return found[0].date
    if not re.search(r"\b(?:1[89]|20)\d\d\b", text) or len(text.split()) > 8:
        return None
    import dateparser

    words = text.split()
    for skip in range(
        3
    ):  # 'Postado Setembro 22, 2017', 'Publié le 3 mai 2025': a label in any language first
        parsed = dateparser.parse(
            " ".join(words[skip:]),
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
        if parsed or len(words) - skip <= 3:
            break
    return parsed.date() if parsed else None


def date_leftover(line: str, found: list[FoundDate] | None = None) -> str:
    """What a date line says besides its dates (`found`, when the caller has them), weekdays and
    other-calendar dates."""
    rest = line
    for f in reversed(find_dates(line) if found is None else found):
        rest = rest[: f.start] + " " + rest[f.end :]
    rest = WEEKDAY.sub(" ", rest)
    rest = _OTHER_CALENDAR.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    return re.sub(r"[\s/|,–—\-·•]+", " ", rest).strip()


_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", re.I)


def is_display_stamp(line: str) -> bool:
    """A weekday or a second calendar next to the date: how pages print *today's* date."""
    rest = line
    for f in reversed(find_dates(line)):
        rest = rest[: f.start] + " " + rest[f.end :]
    return bool(WEEKDAY.search(rest) or _OTHER_CALENDAR.search(rest))


def is_bare_date_line(line: str) -> bool:
    """A line that is only a date (with weekday or a second calendar): a page's date stamp."""
    found = find_dates(line)
    return bool(found) and not date_leftover(line, found)


_AFFILIATION = re.compile(
    r"(?i)\b(?:research\w*|associate|assistant|fellow|director|professor|lecturer|analyst|editor|correspondent|reporter|"
    r"columnist|writer|scholar|advisor|adviser|consultant|officer|head|chair\w*|dean|student|candidate|staff|bureau|"
    r"desk|cent(?:re|er)|institute|university|college|school|department|ministry|council|foundation|programme|"
    r"program|studies|initiative|academy|office)\b|\([A-Z]{2,}\)"
)


def looks_like_affiliation(text: str) -> bool:
    """'Research Associate', 'Centre for X (CX), Y': a role or an organisation, shown under a byline."""
    return bool(_AFFILIATION.search(text))


def is_name(text: str) -> bool:
    """Looks like a person's name: 2-5 capitalised tokens, no acronyms, no sentence marks."""
    text = text.strip().rstrip(",")
    if not text or len(text) > 60 or re.search(r"[\d:;!?\"“”()|/@]", text):
        return False
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    full = 0
    for tok in tokens:
        if tok.lower() in NAME_PARTICLES or tok.lower().startswith(("al-", "el-")):
            continue
        if not _name_token(tok):
            return False
        if tok.lower() in _NON_NAME:
            return False
        full += len(tok.rstrip(".")) > 1
    named = full >= 2 or (full == 1 and tokens[-1] == tokens[-1].title() and len(tokens[-1]) > 1)
    return named and not is_country_name(text)  # 'United States' under a date line is no byline


def _name_token(tok: str) -> bool:
    """'Anna', 'O'Neil', 'McDonald', 'J.', 'Иван': capitalised letters in any script; no acronyms."""
    core = tok.rstrip(".")
    if not core or not core[0].isupper():
        return False
    if len(core) == 1:
        return True  # an initial
    return all(c.isalpha() or c in "-'’" for c in core) and not core.isupper()


_HONORIFIC = re.compile(r"(?i)^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame|rev|hon)\.?\s+(?=\S+\s+\S)")


def property_authors(value: str | None, comma_splits: bool = True) -> list[str]:
    """Names from a document's author property: 'Dr A B, Senior Fellow; C D' -> ['A B', 'C D'].

    Authors type roles and honorifics into that field; a role ("Senior Fellow",
    "Research Director") is not a person, and "Dr" is not part of a name in a citation.
    """
    pattern = r";|,|&|\band\b" if comma_splits else r";|&|\s+and\s+"
    names: list[str] = []
    for part in re.split(pattern, value or ""):
        part = _HONORIFIC.sub("", part.strip())
        head, _, tail = part.rpartition(",")
        if head and _is_role(tail.strip()):
            part = head.strip()  # 'Lena Brandt, Trade Correspondent' -> the person
        if part and not _is_role(part) and not _STAMP_LABEL.match(part) and not _GROUP_BYLINE.search(part):
            names.append(part)
    return names


# Extractors sometimes hand over the label of a byline's date part ("Updated") as the author.
_STAMP_LABEL = re.compile(r"(?i)^(?:last\s+)?(?:updated|published|posted|modified|edited|by|date)\b")
# 'Norland Today live team', 'Foreign desk', 'Newsroom': a byline for a group, not a person to cite.
_GROUP_BYLINE = re.compile(
    r"(?i)(?:\b(?:team|desk|staff|newsroom|editors|reporters|correspondents)|editorial board)$"
)


def name_with_role(line: str) -> tuple[str, str] | None:
    """'Dr Elena Marsh, Senior Fellow' -> ('Elena Marsh', 'Senior Fellow'): a byline without 'By'."""
    head, sep, tail = line.strip().partition(",")
    head = _HONORIFIC.sub("", head.strip())
    tail = tail.strip()
    if not sep or not tail or len(tail.split()) > 8 or not is_name(head) or is_name(tail):
        return None
    return (head, tail) if looks_like_affiliation(tail) else None


def is_group_byline(text: str) -> bool:
    """'GP Team', 'Foreign Desk', 'Staff': a byline naming a group, not a person to cite."""
    text = text.strip()
    return 0 < len(text.split()) <= 4 and text[:1].isupper() and bool(_GROUP_BYLINE.search(text))


# An issue or volume number: '#106', '# 81', 'Vol. 3', 'No.24', 'Issue 12'.
_ISSUE_MARK = re.compile(r"(?i)#\s?\d{1,5}\b|\b(?:vol(?:ume)?|no|issue|number)\.?\s?\d{1,5}\b")


def issue_label(line: str) -> str | None:
    """'The World This Week #106, Vol. 3, No. 7' -> 'The World This Week #106': a periodical's issue line.

    It names the series and the number of one edition (and often its date); a sentence
    that merely mentions "No. 10" is not one: the line must be short, start with a capital,
    and carry two issue marks or one mark and a date.
    """
    text = line.strip()
    marks = list(_ISSUE_MARK.finditer(text))
    if not marks or len(text.split()) > 20 or not text[:1].isupper() or re.search(r"[.!?]$", text):
        return None
    if len(marks) < 2 and not find_dates(text):
        return None
    series = text[: marks[0].start()].strip(" ,|-–—:")
    if not series or not series[:1].isupper():
        return None
    return f"{series} {marks[0].group(0).replace(' ', '')}"


def is_role(text: str) -> bool:
    """'Staff Reporter', 'Senior Fellow': a role a byline may carry instead of a person's name."""
    return _is_role(text)


_ROLE_MODIFIERS = frozenset(
    [
        "senior",
        "junior",
        "chief",
        "deputy",
        "lead",
        "principal",
        "visiting",
        "non-resident",
        "associate",
        "assistant",
        "managing",
        "executive",
        "general",
        "regional",
        "staff",
        "special",
        "our",
        "news",
        "web",
        "online",
        "foreign",
        "political",
        "economics",
        "of",
        "the",
        "for",
        "and",
    ]
)


def _is_role(text: str) -> bool:
    """'Senior Fellow', 'Regional Correspondent': only role words, no name ('Anna Fellow' is a name)."""
    tokens = re.findall(r"[\w'-]+", text)
    if "," not in text and 2 <= len(tokens) <= 4 and _DESK_ROLE.fullmatch(tokens[-1]):
        return True  # 'Trade Correspondent', 'Middle East Producer': a beat and a newsroom job
    return (
        bool(tokens)
        and all(_AFFILIATION.fullmatch(t) or t.lower() in _ROLE_MODIFIERS for t in tokens)
        and looks_like_affiliation(text)
    )


# Newsroom jobs that are not also common surnames ('Writer', 'Fellow' and 'Director' can be).
_DESK_ROLE = re.compile(
    r"(?i)correspondents?|reporters?|columnists?|contributors?|producers?|editors?|analysts?"
)


def split_names(text: str) -> list[str]:
    """'A B, C D and E F' -> three names; [] unless every part is a name.

    In a list of two or more, a name may end in an initial ('Sneha M, Apoorva Sudhakar'):
    alone, 'Plan B' is no person, but among names it is one.
    """
    parts = [p.strip() for p in re.split(r",|\b(?:and|And|AND)\b|&|;", text) if p.strip()]
    if len(parts) >= 2 and not is_name(parts[-1]):
        parts[-1] = _without_outlet(parts[-1])  # 'A B And C D Los Angeles Times': the outlet after the names
    if len(parts) >= 2 and all(is_name(p) or _name_with_initial(p) for p in parts):
        return parts if any(is_name(p) for p in parts) else []
    return parts if parts and all(is_name(p) for p in parts) else []


def _without_outlet(text: str) -> str:
    """'Rich Connell Los Angeles Times' -> 'Rich Connell': a name, then the outlet it writes for."""
    from .cleaning.title import is_publication_name  # the masthead test; imported when a list is read

    words = text.split()
    for k in range(len(words) - 2, 1, -1):
        if is_name(" ".join(words[:k])) and is_publication_name(" ".join(words[k:])):
            return " ".join(words[:k])
    return text


def _name_with_initial(text: str) -> bool:
    """'Sneha M', 'Navinan GV', 'R Preetha': a name and its initials (one to three capitals)."""
    tokens = text.split()
    initials = [t for t in tokens if re.fullmatch(r"[A-Z]{1,3}\.?", t)]
    names = [t for t in tokens if t not in initials]
    return (
        len(tokens) == 2
        and len(initials) == 1
        and all(_name_token(t) and len(t) > 1 for t in names)
        and not any(t.lower() in _NON_NAME for t in tokens)
    )


_WRITING_VERBS = frozenset(
    """writes argues reports describes explains examines explores analyses analyzes assesses considers
    reflects discusses asks investigates reviews outlines recounts""".split()  # noqa: SIM905
)


def standfirst_writer(text: str) -> str | None:
    """'Tamara Rebeira describes the debt chaos ...' -> 'Tamara Rebeira': a standfirst naming its writer,
    a person's name and then a verb of writing ('argues', 'reports', 'explains'); a newsmaker's name and
    what they did ('Liz Truss resigns ...') is no byline."""
    tokens = text.split()
    for k in (3, 2):
        verb = tokens[k] if len(tokens) > k + 2 else ""
        if verb in _WRITING_VERBS and is_name(" ".join(tokens[:k])):
            return " ".join(tokens[:k])
    return None


def is_byline(line: str) -> bool:
    """'By Agencies', 'Author: Staff': a byline, whether or not it names a person."""
    m = _BYLINE.match(line.strip())
    return bool(m) and len(m.group("names").split()) <= 6


_CREDIT_JOINS = frozenset({"with", "and", "&"})


def byline_credit(line: str) -> str | None:
    """'By Agencies' -> 'Agencies', 'By AFP' -> 'AFP', 'By Euronews with AP': a byline crediting an
    agency or an outlet (with the wire it drew on), cited as the author.

    A job ('By Staff Reporter') or a team ('By News Desk') is no author to cite.
    """
    m = _BYLINE.match(line.strip())
    credit = " ".join(m.group("names").strip(" .,").split()) if m else ""
    tokens = credit.split()
    joined = [t for t in tokens[1:-1] if t.lower() not in _CREDIT_JOINS]  # 'By Euronews with AP'
    if not 1 <= len(tokens) <= 5 or not all(
        t[:1].isupper() for t in tokens[:1] + joined + tokens[-1:] if t.lower() not in NAME_PARTICLES
    ):
        return None
    if is_role(credit) or is_group_byline(credit) or _DESK_ROLE.search(credit) or re.search(r"\d", credit):
        return None
    return credit


def _title_case_capitals(text: str) -> str:
    """'JANE DOE and JOHN ROE Associated Press' -> 'Jane Doe and John Roe Associated Press'.

    Wire bylines set names in capitals, which a name test rejects as acronyms. Only a leading run
    of capitalised names of two to four words each is recased: 'By AFP and REUTERS' (agencies, one
    word each) and an outlet after the names stay as written.
    """
    words = text.split()
    run = 0
    for word in words:
        core = word.strip(",.")
        if not (core.isalpha() and (core.isupper() and len(core) > 1 or core.lower() == "and")):
            break
        run += 1
    groups = re.split(r"\band\b|,", " ".join(words[:run]), flags=re.I)
    if run < 2 or not all(2 <= len(g.split()) <= 4 for g in groups):
        return text
    head = ["and" if w.lower() == "and" else w.title() for w in words[:run]]
    return " ".join(head + words[run:])


_BIO_AFTER_NAME = re.compile(r"\s+(?:is|was|has been)\s+(?:a|an|the|currently|formerly)\b")


# "By Ben Aris in Berlin", "By A in Kyiv and B in Moscow": where each writer filed from, not a name
_BYLINE_PLACE = re.compile(r"\s+in\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}(?=\s*(?:,|\band\b|$))")


# 'Published by A B Verified by 29 July 2024', '..., edited by C D': the desk's check after the writer
_EDITOR_CREDIT = re.compile(r",?\s+(?:verified|edited|reviewed|fact-checked|checked)\s+by\b.*$", re.I)


_OUTLET_IN_BRACKETS = re.compile(r"\s*\((?:[A-Z][\w&.'’-]*\s?){1,5}\)$")


def byline_names(line: str) -> list[str] | None:
    """Names from 'By A B' / 'Author: A B'; [] for a bare 'By' (names follow on the next line)."""
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    names_text = m.group("names").strip()
    if not names_text:
        return []
    names_text = re.split(r"\s[|·•]\s|\s[–—]\s", names_text)[0]
    names_text = _EDITOR_CREDIT.split(names_text)[0]  # 'A B Verified by <date>': the desk's credit after
    names_text = _title_case_capitals(names_text)
    bio = _BIO_AFTER_NAME.search(names_text)  # 'By A B is an Algerian blogger and ...': the bio follows
    names_text = names_text[: bio.start()] if bio else names_text
    for f in reversed(find_dates(names_text)):
        names_text = names_text[: f.start] + names_text[f.end :]
    names_text = _BYLINE_PLACE.sub("", names_text).strip(" ,")
    names = split_names(names_text)
    outlet = _OUTLET_IN_BRACKETS.search(names_text)  # 'By Jane Doe (Associated Press)': the wire credited
    if not names and outlet:
        names = split_names(names_text[: outlet.start()])
    if not names and "," in names_text:
        # 'By Mara Ilves, Coastwire' / 'By Lena Vos, former deputy director of X' / 'By A B, C D,
        # Coastwire, Staff Reporter': the names, then the outlet or the writer's role.
        names = _leading_names(names_text)
    return [_HONORIFIC.sub("", n) for n in names] or None


def _leading_names(text: str) -> list[str]:
    """The names before the first comma-separated part that is none ('A B, C D, Coastwire, Staff')."""
    parts = [p.strip() for p in text.split(",")]
    k = 0
    while k < len(parts) - 1 and split_names(parts[k]):
        k += 1
    return [n for p in parts[:k] for n in split_names(p)]


def byline_outlet(line: str, names: list[str]) -> str | None:
    """'By JANE DOE and JOHN ROE Associated Press' -> 'Associated Press': the outlet after the names."""
    m = _BYLINE.match(line.strip())
    if not m or not names:
        return None
    text = _title_case_capitals(re.split(r"\s[|·•]\s|\s[–—]\s", m.group("names").strip())[0])
    end = text.rfind(names[-1])
    rest = text[end + len(names[-1]) :].strip(" ,") if end >= 0 else ""
    from .cleaning.title import is_publication_name  # the masthead test; imported when a byline has more

    first = rest.split(",")[0].strip()  # 'Coastwire, Staff Reporter': the outlet, then the writer's role
    if first != rest and first and is_publication_name(first):
        return first
    return rest if rest and is_publication_name(rest) else None


def is_bio(line: str, authors: list[str]) -> bool:
    """'The writer is ...' or '<author> is a researcher at ...' (an author note, not the article)."""
    if _BIO_ROLE.match(line) or re.match(r"(?i)^about the authors?\b", line):
        return True
    for name in authors:
        if line.startswith(name) and re.match(
            r"\s*(?:is|was|has been|serves|works|heads|teaches)\b", line[len(name) :]
        ):
            return True
    m = re.match(
        r"^((?:\S+\s){1,4}?)(?:is|was) (?:a|an|the|currently|presently|working|associated|pursuing)\b", line
    )
    return bool(m and is_name(m.group(1)) and len(line.split()) <= 80 and _mentions_role(line))


def _mentions_role(line: str) -> bool:
    return bool(
        re.search(
            r"(?i)\b(researcher|research|analyst|fellow|professor|lecturer|journalist|scholar|director|student|"
            r"associate|graduate|degree|phd|mphil|author of|columnist|editor|writes|contributor)\b",
            line,
        )
    )


@dataclass
class PublicationNote:
    date: dt.date | None
    publisher: str | None
    verb: str
    authors: list[str] = field(default_factory=list)


def publication_note(line: str) -> PublicationNote | None:
    """'Published in Daily Times, March 17th 2019.' / 'Posted on 3 May 2020' / 'Published: 2021-04-22'."""
    if len(line.split()) > 25:
        return None
    m = _PUBLISHED.match(line.strip())
    if not m:
        return None
    rest = m.group("rest")
    authors: list[str] = []
    lead = re.match(r"(?i)^by\s+(?P<names>.+?)(?=\s+(?:on|at)\b|,|$)", rest)
    if m.group("verb").lower() == "posted" and lead and split_names(lead.group("names").strip(" .,")):
        authors = split_names(lead.group("names").strip(" .,"))  # 'Posted by J. Okoro on ...': a person posts
        rest = rest[lead.end() :]
    by = re.search(r"\s+by\s+(?P<names>[^|·•]+)$", rest)
    if by and split_names(by.group("names").strip(" .,")):
        authors = split_names(by.group("names").strip(" .,"))
        rest = rest[: by.start()]
    dates = find_dates(rest)
    publisher = None
    pm = re.match(r"^(?:[Ii]n|[Bb]y|[Aa]t|[Oo]n)\s+(?:the\s+)?(?P<pub>.+)$", date_leftover(rest).strip(" .,"))
    if pm:
        candidate = re.split(r"\s+(?:on|dated)\s*$|,", pm.group("pub"))[0].strip(" .,")
        if candidate and candidate[0].isupper() and len(candidate.split()) <= 6:
            publisher = real_value(candidate)  # 'Posted on 3 May 2020 by Admin': a login, no publisher
    if not dates and not publisher:
        return None
    return PublicationNote(dates[0].date if dates else None, publisher, m.group("verb").lower(), authors)


_PLACEHOLDER = re.compile(
    r"(?i)^\(?\s*(?:anonymous|unknown|untitled|none|n/?a|user|admin(?:istrator)?|owner|author|"
    r"microsoft office user|python-docx|document\d*)\s*\)?$"
)


def real_value(value: str | None) -> str | None:
    """A document property, or None for the placeholders tools write ('(anonymous)', 'python-docx')."""
    value = (value or "").strip()
    return None if not value or _PLACEHOLDER.match(value) else value


def smart_title(title: str, body: str) -> str:
    """An ALL-CAPS headline in title case, keeping the acronyms the body also writes in capitals."""
    letters = [c for c in title if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return title
    acronyms = set(re.findall(r"\b[A-Z]{2,}\b", body))
    out = []
    for i, word in enumerate(re.split(r"(\s+|-)", title)):
        bare = re.sub(r"[^A-Za-z]", "", word)
        if not bare or bare in acronyms:
            out.append(word)
        elif i > 0 and bare.lower() in TITLE_SMALL_WORDS and not out[-1].endswith(":"):
            out.append(word.lower())
        else:
            out.append(word[:1] + word[1:].lower())
    return "".join(out)
