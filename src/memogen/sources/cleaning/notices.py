"""Notices around an article: disclaimers and copyright, subscription and paywall offers,
contact lines, cookie and consent banners, newsletter forms.

Each is recognised by what it asks of the reader (subscribe, accept, write to us) or by
what it asserts about the page (rights reserved, views not endorsed), never by a site's wording.
"""

from __future__ import annotations

import re

from .. import metadata as md
from ..text import word_count
from .lines import lacks_all

_DISCLAIMER = re.compile(
    r"(?i)(^disclaimer\b|^\(?\s*(?:the\s+)?(?:views?|opinions?)\s+(?:and\s+opinions?\s+)?expressed\b"
    r"|\b(?:author|writer|contributor)s?(?:'s|’s)?\b.{0,80}\bdo(?:es)? not (?:necessarily )?(?:represent|reflect)\b"
    r"|^©|^copyright\b|\ball rights reserved\b)"
)
_SUBSCRIBE = re.compile(
    r"(?i)\bunsubscribe (?:at )?any ?time\b"
    r"|^(?:subscribe|sign up|join|get|receive|stay|never miss)\b.*\b(?:newsletter|updates|inbox|subscribe|news)\b"
    r"|\bour newsletter\b|\bdelivered to your inbox\b|^subscribe\b"
    r"|^newsletters?\s*[:|–—-]|(?:^|[.!?]\s+)(?:sign up|subscribe)(?: now| here| today)?[.!]?$"
)
# Paywall offers: imperative "Get unlimited access ..." or a price per period next to "subscribe".
_PAYWALL = re.compile(
    r"(?i)^(?:get|enjoy|unlock|gain|try)\s+(?:\w+\s+){0,2}?(?:unlimited|full|unrestricted|digital|instant|premium)\s+access\b"
    r"|^already an? (?:subscriber|member)\b|^(?:start|begin) (?:your|a) free trial\b"
    r"|^(?:subscribe|join)\b.{0,60}[€$£]\s?\d+(?:[.,]\d+)?\s*(?:a|per|/)\s*(?:month|week|year)\b"
)
_CONTACT = re.compile(r"(?i)(?:\b[\w.+-]+@[\w-]+\.[\w.]+\b|(?:^|\s)@\w{2,}\b)")
_COOKIES = re.compile(r"(?i)\bcookies?\b.{0,120}\b(?:website|site|browsing|browser|consent|accept|privacy)\b")
# Consent banners (IAB/GDPR wording) and their buttons, which need not say "cookie".
_CONSENT = re.compile(
    r"(?i)\bwe and our (?:\d+\s+)?(?:partners|vendors)\b|\bstore and(?:/or)? access information on (?:a|your) device\b"
    r"|\bpersonali[sz]ed (?:ads|advertising) and content\b|^we value your privacy\b|^your privacy (?:choices|settings)\b"
    r"|^(?:accept|reject|allow|refuse|decline)(?: all| cookies| and (?:close|continue))?$|^manage (?:preferences|options|consent|cookies|settings)$"
    r"|^(?:cookie|privacy) (?:settings|preferences|policy)$"
)
# A form's consent line, said to the reader: 'please first agree to the privacy policy below', 'By
# clicking "Sign Up", you accept our Terms of Service and Privacy Policy' ('users must accept the new
# privacy policy' is news about one, and stays).
_FORM_CONSENT = re.compile(
    r"(?i)\b(?:you|please)\b[^.!?]{0,20}?\b(?:agree|accept|consent)(?:s|ed|ing)?\s+(?:to\s+|with\s+)?"
    r"(?:the|our|its|these)\s+(?:[\w-]+\s+){0,3}?(?:privacy\s+policy|terms\s+of\s+(?:service|use))\b"
)
# 'For any further information or to subscribe ... send an email to': how to reach or subscribe to the
# publisher, a request to the reader with a channel to use.
_CONTACT_NOTE = re.compile(
    r"(?i)\b(?:for (?:any |more |further )+(?:information|details|queries)|to subscribe|to unsubscribe|"
    r"subscribe to (?:our|the)|for (?:media|press) (?:enquiries|inquiries)|to contact us|get in touch)\b"
)
_CHANNEL = re.compile(r"(?i)\b(?:e-?mail|write|call|contact|send|reach|visit|click|whatsapp|phone)\b")
# Newsletter modal: the e-mail field's placeholder and the refusal button.
_MODAL = re.compile(
    r"(?i)^(?:your e-?mail(?: address)?|enter your e-?mail(?: address)?|e-?mail address|no,? thanks|maybe later|sign me up)$"
)
# '© 2025 Norland Today. All rights reserved.': the page's owner, the publisher when nothing better names one.
COPYRIGHT_OWNER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?"
    r"(?P<owner>[A-Z][^\W\d_]*(?:[ &'’-]+[^\W\d_]+){0,6}?)\.?(?:\s+\d{4})?\.?(?:\s+all rights reserved\.?)?$",
    re.I,
)


# Words each branch of a pattern needs (see lines.lacks_all): an ASCII line without any is passed over.
_DISCLAIMER_KEYS = (
    "disclaimer",
    "expressed",
    "author",
    "writer",
    "contributor",
    "copyright",
    "all rights reserved",
)
_COOKIES_KEYS = ("cookie",)
_CONSENT_KEYS = (
    "we and our", "store and", "personali", "we value", "privacy", "accept", "agree", "consent", "reject", "allow", "refuse",
    "decline", "manage ", "cookie",
)  # fmt: skip
_CONTACT_NOTE_KEYS = (
    "information", "details", "queries", "subscribe", "enquiries", "inquiries", "contact us", "get in touch",
)  # fmt: skip


def disclaimer(text: str) -> str | None:
    """A disclaimer or copyright notice; one labelled 'Disclaimer:' may run as long as a paragraph."""
    if lacks_all(text, _DISCLAIMER_KEYS):
        return None
    n = word_count(text)
    if (n <= 45 or (n <= 120 and _DISCLAIMER_LABEL.match(text))) and _DISCLAIMER.search(text):
        return "disclaimer / copyright notice"
    return None


_DISCLAIMER_LABEL = re.compile(r"(?i)^disclaimer\s*:")
# 'A B, C D, and E F. "Title", Series 2025, 175 (2025), accessed ..., https://doi.org/...': how to cite
# the page itself — its authors, its title in quotes, then where and when, with a link or an access date.
_CITE_ENTRY = re.compile(r'^(?P<names>[^."“”]{3,120}?)\.\s+["“][^"”]{10,}["”]')
_CITE_TAIL = re.compile(r"(?i)https?://|\bdoi\b|\baccessed\b|\bretrieved\b")


# 'Editor's note: This article has been updated ...', 'Correction: An earlier version ...': a note on the
# article's making, not its text.
_EDITORS_NOTE = re.compile(
    r"(?i)^(?:editor'?s'?|editors’?|editor’s) note\s*[:.–—-]|^(?:correction|clarification)\s*:"
)


def editors_note(text: str) -> str | None:
    return (
        "editor's note on the article"
        if _EDITORS_NOTE.match(text.strip()) and word_count(text) <= 60
        else None
    )


def citation_entry(text: str) -> str | None:
    m = _CITE_ENTRY.match(text.strip())
    if not m or not _CITE_TAIL.search(text) or word_count(text) > 80:
        return None
    return "citation of the page (how to cite it)" if md.split_names(m.group("names")) else None


def subscription(text: str) -> str | None:
    n = word_count(text)
    if (n <= 15 and _SUBSCRIBE.search(text)) or (n <= 25 and _PAYWALL.search(text)):
        return "subscription prompt"
    return None


def contact(text: str) -> str | None:
    n = word_count(text)  # the cheap test first: a paragraph is no contact line
    if n <= 10 and _CONTACT.search(text):
        return "contact / social handle line"
    if (
        n <= 35
        and not lacks_all(text, _CONTACT_NOTE_KEYS)
        and _CONTACT_NOTE.search(text)
        and _CHANNEL.search(text)
    ):
        return "contact / subscription note"
    return None


# 'Your web browser is no longer supported. To improve your experience update it here', 'This site
# works best with JavaScript enabled': the page speaking to the reader's software, never the story
_SOFTWARE_NOTICE = re.compile(
    r"(?i)\b(?:your|this|the)\s+(?:web\s+)?browser\b.{0,40}\b(?:not|no longer|isn['’]t)\s+(?:supported|compatible)"
    r"|\b(?:update|upgrade)\s+(?:your|to a (?:newer|modern|supported))\s+(?:web\s+)?browser\b"
    r"|\b(?:enable|turn on)\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:disabled|required|enabled)\b"
    r"|\bbrowser does not support the (?:video|audio) (?:element|tag)\b"
)
SOFTWARE_NOTICE_WORDS = 30


def cookies(text: str) -> str | None:
    n = word_count(text)
    if n <= SOFTWARE_NOTICE_WORDS and ("rowser" in text or "ava" in text) and _SOFTWARE_NOTICE.search(text):
        return "browser / script notice"
    if n <= 45 and not lacks_all(text, _COOKIES_KEYS) and _COOKIES.search(text):
        return "cookie notice"
    if n <= 60 and not lacks_all(text, _CONSENT_KEYS) and _CONSENT.search(text):
        return "cookie / consent banner"
    if n <= 80 and not lacks_all(text, _CONSENT_KEYS) and _FORM_CONSENT.search(text):
        return "consent line of a form (privacy policy, terms of service)"
    return None


def newsletter_form(text: str) -> bool:
    return bool(_MODAL.match(text))
