"""Captions and credits: a photo's caption or source, an image placeholder, an editor's or
translator's credit. They describe the page's pictures and its making, not the story."""

from __future__ import annotations

import re

from ..text import word_count

CREDIT = re.compile(
    r"(?i)^(?:edited|reviewed|translated|compiled|illustrat\w+|photos?|photographs?|images?|design(?:ed)?)\s+by\b\s*:?\s*(?P<who>.*)$"
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
_MD_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
_CONTRIBUTORS = re.compile(
    r"(?i)^(?:(?:additional )?reporting|writing|editing|edited|compiled|translated|fact-checked)\s+by\b"
)


def caption(text: str) -> str | None:
    n = word_count(text)
    if (_CAPTION.search(text) and n <= 40) or (_PICTURE_SOURCE.match(text) and n <= 20):
        return "image caption / credit"
    if _PICTURE_FROM.match(text) and n <= 8:
        return "image caption / credit"
    return None


def markdown_image(text: str) -> str | None:
    return "image (markdown)" if _MD_IMAGE.match(text) else None


def contributor_credit(text: str) -> str | None:
    return "contributor credit" if _CONTRIBUTORS.match(text) and word_count(text) <= 25 else None
