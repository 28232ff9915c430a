"""Captions and credits: a photo's caption or source, an image placeholder, an editor's or
translator's credit. They describe the page's pictures and its making, not the story."""

from __future__ import annotations

import re

from ...wordlists import MONTH_ABBR, WEEKDAY_NAME
from .. import metadata as md
from ..text import word_count
from .lines import TERMINAL, Line, drop

CAPTION_REASON = (
    "image caption / credit"  # the reason every caption rule gives, and the gallery rule looks for
)
# a contributor's credit, never the author: who edited, read or (on an aggregator) submitted or curated a page
CREDIT = re.compile(
    r"(?i)^(?:edited|reviewed|translated|compiled|illustrat\w+|photos?|photographs?|images?|design(?:ed)?|"
    r"presented|produced|hosted|narrated|voiced|read|submit+ed|curated)\s+by\b\s*:?\s*(?P<who>.*)$"
)
_CAPTION = re.compile(
    r"(?i)^\(?\s*(?:file\s+)?(?:photo|image|picture|illustration|graphic|video)s?\s*(?:credit)?\s*[:/|©]"
    r"|\s[—–]\s*(?:file\s+)?(?:photo|image|picture|screengrab|screenshot)s?\b[^.]*$"
    r"|\bphoto(?:graph)?s?\s+(?:courtesy|credit)\b"
    r"|[.!]\s+(?:photo(?:graph)?|image|picture)s?(?:\s+credit)?\s*:\s*[^.]{1,60}[*_]*$"
    r"|\(\s*(?:photo(?:graph)?|image|picture|illustration)s?(?:\s+credit)?\s*:[^)]{1,60}\)[*_]*$"
    r"|\[[^\]]*(?:\bvia\b|/)\s*(?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Anadolu|Xinhua|Handout)[^\]]*\]$"
    r"|^(?:getty images|afp|reuters|ap|epa)(?:\s*/\s*\w+)?\)?$"
)
# 'Photo Source: BBC', 'Image courtesy: AFP', 'Cover photo: ...', 'Images from the reference sources':
# a label naming where a picture came from (with or without the name after it).
_PICTURE = r"(?i)^\(?\s*(?:cover\s+|featured\s+|file\s+)?(?:photo(?:graph)?|image|picture|illustration|graphic|video)s?\s+"
_PICTURE_SOURCE = re.compile(_PICTURE + r"(?:source|courtesy|credit)s?\b")
_PICTURE_FROM = re.compile(_PICTURE + r"(?:from|via|by)\b[^.!?]*$")
# How a picture's credit ends its caption or stands alone: '(Ali Ozturk/AP)', '(Genna Martin /seattlepi.com
# via AP)', '[EPA]', '(File)', 'AP/Patrick Semansky', 'Associated Press photo', 'Photo by V_E/Shutterstock.com'.
_CREDIT_TAIL = re.compile(
    r"\((?:[A-Z][^()]{0,60}/[^()]{1,60}|[^()]{0,60}\bvia (?:AP|AFP|Reuters|Getty Images)\b[^()]{0,10})\)[.*_]*$"
    # 'Tayfun Coskun/Anadolu Agency via Getty Images' closing the caption, without brackets
    r"|\b[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][\w .&'’-]{1,40}\bvia\s+(?:AP|AFP|Reuters|Getty Images)$"
    r"|\[[A-Z][\w .&-]{1,30}\]$"
    r"|\((?i:file|file photo|representational image|representative image|pictured|left|right|centre|center)\)"
)
_CREDIT_LINE = re.compile(
    r"^(?:[A-Z][\w.&]*\s+){0,3}(?i:photo|photograph|image|pictures?)s?$"
    r"|(?i:^(?:photo|image|picture|illustration)s?\s+by\b)"
)
_FILE_CAPTION = re.compile(r"^(?i:file)\s*[-–—]{1,2}\s*(?=[A-Z])")  # 'FILE - In this Sept. 5 photo, ...'
# 'In this image taken from video provided by ORTN, ...', 'This photo released by ... shows ...': the
# wire agencies' opening of a picture's caption.
_THIS_PICTURE = re.compile(
    r"(?i)^(?:in\s+)?this\s+(?:[\w.,]+\s+){0,4}?(?:photo(?:graph)?|image|picture|video\s+grab|screen\s*grab|"
    r"screenshot|frame\s+grab)\b(?:\s+(?:taken|made|released|provided|obtained|shows|showing|from)\b|,)"
)
# '... dives in an undated photograph', '... at the palace in a file photo': a caption closes on the
# picture it describes
_IN_A_PICTURE = re.compile(
    r"(?i)\b(?:in|on)\s+(?:an?|this)\s+(?:(?:undated|file|handout|archive|aerial|recent)\s+)*"
    r"(?:photo(?:graph)?|image|picture|still|video\s+grab|screen\s*grab)\.?$"
)
# A video's credit closing its description: '... along famous Front Street. (August 10) (AP Video: A B)',
# '(Video: Reuters)': the paragraph tells what a clip shows (a video rail's teaser), not the story.
_VIDEO_CREDIT = re.compile(r"\((?:[A-Z][\w.&-]*\s+){0,3}[Vv]ideos?\s*(?:credit)?\s*:\s*[^()]{1,60}\)[.*_]*$")
# A picture's credit closing a line: 'The new mayor at the count. (CNA photo)', '(Photo: Harbour Times)':
# the line is a caption (a headline shaped so is never the page's headline, cleaning/title.py)
PHOTO_CREDIT_END = re.compile(
    r"(?i)\((?:[^()]{0,30}\s)?(?:photo|picture|image|file photo)(?:\s*[:/][^()]{0,40})?\)$"
)
VIDEO_WORDS = 120  # a clip's description runs a paragraph, never an article
# Three hashtags in a row ('#Hawaii #Wildfires #CNN'): a video's or a social post's tags, so the
# line is that clip's or post's description (an article names a tag inside a sentence, one at a time).
_TAG_RUN = re.compile(r"(?:(?<=\s)|^)#\w+(?:\s+#\w+){2,}")
_REPORTED = re.compile(r"\b(?:said|says|told|according)\b")  # a sentence telling of a photo is no caption
# A player's labels: 'Listen to this article', 'Other ways to listen', '00:00 / 03:12', 'Get the X app'.
_PLAYER = re.compile(
    r"(?i)^(?:listen(?: to (?:this|the) (?:article|story|episode|podcast))?(?: now)?|(?:other )?ways to listen|"
    r"play(?: audio| episode| now| video)?|pause|audio(?: player)?|\d+\s*min(?:ute)?s?\s+listen|"
    r"\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?|[\d.]+x|download(?: audio| episode| the free)?|get the .{1,40}\bapp)$"
)
_CREDIT_PART = re.compile(r"[A-Z][A-Za-z.&' -]{1,40}")
_MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
_CONTRIBUTORS = re.compile(
    r"(?i)^\(?\s*(?:with inputs from\b|(?:(?:additional )?reporting|writing|editing|edited|compiled|translated|fact-checked)\s+by\b)"
)


def is_standalone_credit(text: str) -> bool:
    """'AP/Patrick Semansky', 'Associated Press photo', 'REUTERS', 'Photo by X': a credit on its own line."""
    if word_count(text) > 12:
        return False
    parts = [p.strip() for p in text.strip().split("/")]
    if 2 <= len(parts) <= 4 and all(_CREDIT_PART.fullmatch(p) for p in parts):
        # 'AP/Patrick Semansky', 'Jose Luis Magana/AP', 'David Morris/Bloomberg/Getty Images',
        # 'EPA-EFE/JOHN DOE': a photographer (wire desks often set the name in capitals) and
        # the agencies that carry the picture
        return any(md.is_name(p.title() if p.isupper() else p) for p in parts)
    return bool(_CREDIT_LINE.search(text))


# The wire and picture agencies a short caption may end on alone ('Silicon Valley Bank headquarters in
# Santa Clara, California. Bloomberg') or in brackets ('... in New Delhi. (AP)')
_AGENCIES = (
    r"(?:Bloomberg|Reuters|AFP|AP|EPA(?:-EFE)?|Getty Images|Xinhua|Anadolu(?: Agency)?|Shutterstock|Alamy|"
    r"AFP via Getty Images|Associated Press|ANI|PTI|AAP|dpa|IANS)"
)
_PICTURE_AGENCY = re.compile(rf"^{_AGENCIES}\.?$")


def is_picture_agency(name: str) -> bool:
    """'Reuters', 'AFP', 'Associated Press': a wire or picture agency named alone."""
    return _PICTURE_AGENCY.match(name.strip()) is not None


AGENCY_CAPTION_WORDS = 30  # a caption ending on an agency's name alone is short


def ends_with_credit(text: str) -> bool:
    """'Protesters gather outside parliament on 3 May. EPA-EFE/JOHN DOE': a paragraph whose last
    words, after its last full stop, are a picture's credit is that picture's caption; so is a short
    one ending on a picture agency's name alone ('... Santa Clara, California. Bloomberg')."""
    head, dot, tail = text.rstrip().rpartition(". ")
    if not dot:
        return False
    if _LABEL_CREDIT.match(tail.strip()):
        return True
    if "/" in tail and is_standalone_credit(tail):
        return True
    return _PICTURE_AGENCY.match(tail.strip()) is not None and word_count(text) <= AGENCY_CAPTION_WORDS


# 'Image: dpa', 'Photo: Ada Brenner', 'Foto: EPA': a picture's labelled credit closing its caption
_LABEL_CREDIT = re.compile(r"(?i)^(?:photo(?:graph)?|image|picture|foto)s?(?:\s+credit)?\s*:\s*[^.!?]{1,50}$")
CAPTION_WITH_AGENCY_WORDS = 60


def pictured_with_agency(text: str) -> bool:
    """'Ada Brenner, right, greets the ferry crews at the pier. (AP)': a picture's moment closed by
    the agency that took it is a caption (a story's own paragraph names the agency in its dateline)."""
    return _AGENCY_IN_BRACKETS.search(text.rstrip()) is not None and _PICTURED.search(text) is not None


# '... at the summit in New Delhi. (AP)': a wire agency named alone in brackets after the last stop
_AGENCY_IN_BRACKETS = re.compile(rf"[.!?][\"”’]?\s*\({_AGENCIES}\)$")
PICTURED_LEAD_CHARS = 120  # the subject and its verb open the caption


# 'Ada Brenner, right, shares a light moment with ...': where a person stands in the picture, or a
# picture's present-tense moment ('arrives', 'greets') - how a caption tells what it shows
_PICTURED = re.compile(
    r",\s+(?:left|right|centre|center|second from (?:left|right)|in the foreground|in the background),\s"
    rf"|^[A-Z][^.!?]{{0,{PICTURED_LEAD_CHARS}}}?\s(?:shares|speaks|gestures|listens|waves|poses|reacts|smiles|"
    r"looks on|stands|sits|walks|greets|arrives|shakes hands|hugs|attends|addresses|delivers|is seen|are seen)\b"
)


def _in_a_picture(text: str) -> bool:
    return _IN_A_PICTURE.search(text) is not None and _REPORTED.search(text) is None


# 'Top: An aerial view of the town is seen ...', 'Bottom left: ...': where on the page a picture sits,
# then what it shows - the caption of a block of pictures
_PICTURE_PLACE = re.compile(
    r"^(?:(?:Top|Bottom)(?:\s+(?:left|right))?|Above|Below|Left|Right|Inset|Centre|Center|"
    r"Clockwise from (?:top )?(?:left|right))\s*:\s+(?=[A-Z])"
)
PLACED_CAPTION_WORDS = 60
# 'Chair Ada Brenner speaks during a news conference ... on September 18, 2024 in Harbourton.': a
# picture's moment told in the present tense with its day, the way a caption tells it (a story's lead
# tells a dated moment in the past: 'spoke at a rally on Tuesday')
_PRESENT_DATED_MOMENT = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,14}?\s+"
    r"(?:speaks|gestures|listens|waves|poses|reacts|smiles|looks\s+on|stands|sits|walks|testifies|greets|"
    r"talks)\s+(?:during|at|in|to|as|after|before|with|outside|inside|next)\b"
    rf"(?:[^.!?]|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.){{0,220}}?\bon\s+(?:{WEEKDAY_NAME},?\s+)?"
    rf"{MONTH_ABBR}[a-z]*\.?\s+\d{{1,2}}\b(?:,?\s+(?:19|20)\d\d)?"
    r"(?:,?\s+in\s+[A-Z][^.!?]{0,60})?\.(?:\s|$)"
)
PRESENT_CAPTION_WORDS = 70


def caption(text: str) -> str | None:
    n = word_count(text)
    if n <= PLACED_CAPTION_WORDS and _PICTURE_PLACE.match(text):
        return CAPTION_REASON
    if _PLAYER.match(text.strip()):
        return "audio / video player label"
    if n <= VIDEO_WORDS and ("#" in text or "ideo" in text) and _video_description(text):
        return "video / post description"
    if (_FILE_CAPTION.match(text) or _THIS_PICTURE.match(text) or _in_a_picture(text)) and n <= 90:
        return CAPTION_REASON
    if n <= 150 and ends_with_credit(text):  # the credit is strong evidence: a wire caption runs long
        return CAPTION_REASON
    if n <= CAPTION_WITH_AGENCY_WORDS and pictured_with_agency(text):
        return CAPTION_REASON
    # each pattern is tried only where the word count lets it decide: a paragraph skips the scans
    if is_standalone_credit(text) or (
        n <= 60 and not text.rstrip().endswith(".") and _CREDIT_TAIL.search(text)
    ):
        return CAPTION_REASON
    if n <= 45 and _CREDIT_TAIL.search(text) and re.search(r"(?i)\bphoto|\bfile\b|/", text):
        return CAPTION_REASON
    if (n <= 40 and _CAPTION.search(text)) or (n <= 20 and _PICTURE_SOURCE.match(text)):
        return CAPTION_REASON
    if _PICTURE_FROM.match(text) and n <= 8:
        return CAPTION_REASON
    if text.rstrip().endswith("[]") and n <= 45:  # a picture's caption, its image link emptied by the copy
        return CAPTION_REASON
    return None


def _video_description(text: str) -> bool:
    return _VIDEO_CREDIT.search(text.rstrip()) is not None or _TAG_RUN.search(text) is not None


def markdown_image(text: str) -> str | None:
    return "image (markdown)" if _MD_IMAGE.match(text) else None


# one credit inside a sentence: '... was reported from The Hague by A B', 'additional reporting by C D',
# 'written by E F' (a sentence about the story with two or more is its credits, told as prose)
_CREDIT_PHRASE = re.compile(
    r"\b(?:(?:additional\s+)?reporting|reported(?:\s+from\s+[^,;]{1,40}?)?|written|writing|editing|edited"
    r"|compiled|translated)\s+by\s+[A-Z]"
)


def contributor_credit(text: str) -> str | None:
    n = word_count(text)
    if _CONTRIBUTORS.match(text) and n <= 25:
        return "contributor credit"
    if n <= 50 and "by " in text:
        credits = [m.group(0) for m in _CREDIT_PHRASE.finditer(text)]
        if len(credits) >= 2 and any(c.startswith(("reporting", "reported", "additional")) for c in credits):
            return "contributor credit"
    return None


def present_tense_captions(items: list[Line]) -> None:
    """Lines telling a picture's dated moment in the present tense go as captions. Why after the
    headline is read: a caption under the headline is where the page's body starts for that reading
    (the headline is the line above it), and a label further down must not take its place."""
    for it in items:
        if it.kept and it.words <= PRESENT_CAPTION_WORDS and _PRESENT_DATED_MOMENT.match(it.text):
            drop(it, CAPTION_REASON)


def captions_beside_captions(items: list[Line]) -> None:
    """The unfinished lines next to a dropped caption, when one of them is a described moment (a
    long line with no stop: "Crowds gather outside the palace after ... in the capital"), go with it:
    a gallery's captions stand in a row, each a sentence without its full stop, with a short label
    among them ("The president of Norvia"). A subheading alone beside a caption stays (no long line)."""
    for k, it in enumerate(items):
        if it.kept or it.reason != CAPTION_REASON:
            continue
        for step in (1, -1):
            run = _unfinished_run(items, k + step, step)
            if any(x.words >= GALLERY_CAPTION_WORDS for x in run):
                for x in run:
                    drop(x, CAPTION_REASON)


GALLERY_CAPTION_WORDS = 8  # a described moment, not a label or a subheading's few words


def _unfinished_run(items: list[Line], k: int, step: int) -> list[Line]:
    """The body lines that break off on a word (no stop, no closing mark or footnote marker) from index
    k on, walking by `step`, up to a line that ends otherwise."""
    run = []
    while 0 <= k < len(items) and items[k].kept and items[k].role == "body" and _breaks_off(items[k].text):
        run.append(items[k])
        k += step
    return run


def _breaks_off(text: str) -> bool:
    return text.rstrip()[-1:].isalnum() and not TERMINAL.search(text)


# A clip's running time, alone or as a player's counters: '02:31', '0:00 0:03:25 0:00', '01:24 - Source: CNN',
# 'Duration 1:05', '3:12 / 7:45'. A clock time of the story carries its 'a.m.', 'GMT' or words around it.
_DURATION = r"\d{1,2}:\d{2}(?::\d{2})?"
_RUNNING_TIME = re.compile(
    rf"(?i)^(?:(?:duration|length|video|live)\s*:?\s*)?{_DURATION}(?:\s*(?:/|of)?\s*{_DURATION})*"
    r"(?:\s*[-–—|]\s*(?:source|video|credit)\s*:\s*[^.!?]{1,40})?$"
)
# 'Watch: Crowds gather as ...', 'WATCH | Leaders arrive', 'Video: The moment the bridge fell': a clip's
# title on a rail of videos (an article's sentence about a video ends on its stop)
_WATCH_TITLE = re.compile(r"^(?:WATCH|Watch|VIDEO|Video|WATCH NOW|Watch now)\s*[:|–—-]\s*\S.{2,160}$")
RAIL_TITLE_WORDS = 16  # a clip's title next to its running time is a headline's length
RAIL_REACH = 2  # a title and its player's messages sit within two lines of the running time


def is_running_time(text: str) -> bool:
    """'02:31', '0:00 0:03:25 0:00': a video's duration or a player's counters, nothing to read."""
    return _RUNNING_TIME.match(text.strip()) is not None


def _rail_title(it: Line) -> bool:
    """A clip's title or a player's message: short, unfinished; a byline's name or a label ('Updated:')
    above an audio player is the page's own furniture, read by other rules."""
    text = it.text.rstrip()
    return (
        it.kept
        and it.words <= RAIL_TITLE_WORDS
        and TERMINAL.search(text) is None
        and not text.endswith(":")
        and not md.is_name(text)
    )


def _idle_counter(text: str) -> bool:
    """'0:00': a player not yet started, no clip's length (an audio player under a byline)."""
    return re.fullmatch(r"0?0:00", text.strip()) is not None


def video_rails(items: list[Line]) -> None:
    """A rail of videos ('Biden lands in Vilnius' / '02:31' / 'Watch: Zelensky speaks' / '01:45') or a
    player's remains ('please wait' / 'No media source currently available' / '0:00 0:03:25 0:00'):
    the running times mark the block, and the short unfinished lines around each one are the clips'
    titles and the player's messages, never the story (which is prose and ends its sentences)."""
    for k, it in enumerate(items):
        if it.kept and _WATCH_TITLE.match(it.text) and TERMINAL.search(it.text) is None:
            drop(it, "video rail (clip title)")
        if not is_running_time(it.text):  # (other rules may have dropped it already, as a player's label)
            continue
        drop(it, "video rail (running time)")
        if _idle_counter(it.text):
            continue
        for j in range(k - 1, max(-1, k - 1 - RAIL_REACH), -1):
            if not _rail_title(items[j]):
                break
            drop(items[j], "video rail (clip title / player message)")
        if k + 1 < len(items) and _rail_title(items[k + 1]) and _next_is_time(items, k + 1):
            drop(items[k + 1], "video rail (clip title / player message)")


def _next_is_time(items: list[Line], k: int) -> bool:
    """A title after a running time belongs to the rail only when another running time follows it."""
    return k + 1 < len(items) and is_running_time(items[k + 1].text)
