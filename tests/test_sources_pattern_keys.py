"""The words that let a line skip a case-blind pattern (lines.lacks_all) are in every line it matches."""

from __future__ import annotations

from memogen.sources.cleaning import chrome, notices
from memogen.sources.cleaning.lines import lacks_all

CASES = [
    (notices._DISCLAIMER, notices._DISCLAIMER_KEYS, ["DISCLAIMER: this is not advice", "The views expressed are mine",
     "The Author does not necessarily reflect", "Copyright 2024 Harbour Times", "2024. All Rights Reserved."]),
    (notices._COOKIES, notices._COOKIES_KEYS, ["This site uses COOKIES to improve your browsing"]),
    (notices._CONSENT, notices._CONSENT_KEYS, ["We and our 12 partners store data", "Accept all", "MANAGE PREFERENCES",
     "Personalised ads and content", "Privacy settings", "We value your privacy", "Decline"]),
    (notices._CONTACT_NOTE, notices._CONTACT_NOTE_KEYS, ["For more information, e-mail us", "To Subscribe send",
     "For press enquiries call", "Get in touch by phone", "To contact us, write"]),
    (chrome._SOCIAL, chrome._SOCIAL_KEYS, ["Follow us on X", "Like us on Facebook", "Join our Telegram channel",
     "Connect with us"]),
]  # fmt: skip


def test_every_matched_line_holds_a_key() -> None:
    for pattern, keys, lines in CASES:
        for line in lines:
            assert pattern.search(line), line
            assert not lacks_all(line, keys), line


def test_a_line_with_other_letters_always_goes_to_the_pattern() -> None:
    assert not lacks_all("caf\u00e9 and nothing else", ("cookie",))
    assert not lacks_all("COO\u212aIE", ("cookie",))  # Kelvin's K: (?i) matches it with k
    assert notices._COOKIES.search("COO\u212aIES on this site")
    assert lacks_all("Plain prose with no such word.", ("cookie",))
    assert lacks_all("\u201cPlain\u201d prose \u2014 it\u2019s plain\u2026", ("cookie",))
    assert not lacks_all("\u201cCookies\u201d help this site", ("cookie",))


def test_pipe_rows_need_a_mark() -> None:
    assert chrome.is_pipe_row("2021 | 2020 | 2019")
    assert chrome.is_pipe_row("Home » World » Europe")
    assert not chrome.is_pipe_row("Home World Europe")


def test_line_end_search_is_the_patterns_own_match() -> None:
    import random
    import re

    from memogen.sources.cleaning.lines import TERMINAL

    plain = re.compile(r"[.!?…۔؟。！？][\"”’')\]»]*$")
    rng = random.Random(3)
    alphabet = list("ab .!?…。\"”’')]»\n")
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        a, b = plain.search(text), TERMINAL.search(text)
        assert (a is None) == (b is None) and (a is None or a.span() == b.span()), repr(text)


def test_link_and_agency_keys() -> None:
    from memogen.sources.cleaning import learned

    for line in [
        "See HTTPS://x.org",
        "www.example.com",
        "Visit Example.COM today",
        "@handle",
        "#tag",
        "x.co.uk",
    ]:
        assert learned._LINK.search(line) and not lacks_all(line, learned._LINK_KEYS), line
    assert learned._names_an_agency("Photo: REUTERS/John Doe")
    assert not learned._names_an_agency("APPLE and Reutersville")
