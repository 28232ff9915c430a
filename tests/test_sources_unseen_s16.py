"""Source-cleaning defects found reading real topics never seen before (session 16, seventh round),
each fixed by a general rule and tested on small texts of our own."""

from __future__ import annotations

from memogen.sources.text import split_joined_words


def test_a_foreign_name_is_not_split_into_three_words() -> None:
    # a name ending in 'a' cut into known words ('Bend jam a') is a name the word list does not know,
    # not a lost space before the article
    text = "The envoy, Ambassador Kofi Bendjama, told the council after the vote that it had waited long."
    assert split_joined_words(text) == text


def test_a_capitalised_word_glued_to_a_function_word_still_splits() -> None:
    text = "The harbour committee met at noon. Groupwas formed to review the budget of the port."
    assert "Group was formed" in split_joined_words(text)


def test_a_long_headline_opening_with_a_quotation_is_the_title() -> None:
    from memogen.sources.cleaning.pipeline import clean_text

    head = (
        "‘The harbour is ours again…’ Port union leader’s FIRST reaction after the vote on the new dock law"
    )
    story = (
        "Dock workers voted on Friday to accept the new dock law after a long strike that had closed the "
        "harbour for three weeks. The union's leader, Ada Brenner, said the vote ended a hard month."
    )
    more = "The port authority said ships would berth again from Monday, with the first ferries due at dawn."
    res = clean_text(f"{head}\n\n{story}\n\n{more}\n")
    assert res.found.title == head
    assert head not in res.text and story in res.text


def test_a_published_by_stamp_with_a_desk_check_is_a_byline_not_the_title() -> None:
    from memogen.sources import metadata as md
    from memogen.sources.cleaning.pipeline import clean_text

    stamp = "Published by Harbour Desk Staff Verified by 2 de mayo, 2025"
    assert md.byline_names(stamp) == ["Harbour Desk Staff"]
    assert md.byline_names("By Ada Brenner, edited by Kofi Mensah") == ["Ada Brenner"]
    story = (
        "Dock workers voted on Friday to accept the new dock law after a long strike that had closed the "
        "harbour for three weeks. The union's leader said the vote ended a hard month."
    )
    res = clean_text(f"{stamp}\n\n{story}\n\nShips will berth again from Monday, the port authority said.\n")
    assert stamp not in res.text and res.found.title != stamp
    assert story in res.text


def test_a_byline_crediting_an_outlet_under_a_pull_quote_opens_no_body() -> None:
    from memogen.sources.cleaning.pipeline import clean_text

    story = (
        "Dock workers voted on Friday to accept the new dock law after a long strike that had closed the "
        "harbour for three weeks."
    )
    page = "\n\n".join(
        [
            "Harbour strike ends after three weeks",
            "“We do not accept the blackmail of the owners. The harbour is ours,” says union leader.",
            "By Coastwire",
            story,
            "The union leader said the vote ended a hard month for the families of the port.",
        ]
    )
    res = clean_text(page)
    assert "By Coastwire" not in res.text and res.found.authors == ["Coastwire"]
    assert story in res.text


def _gallery_page(third: str) -> str:
    lead = (
        "Soldiers of the palace guard seized the president of Norvia on Wednesday, officials said. "
        "The army suspended the constitution and closed the borders until further notice."
    )
    caption = (
        "In this image taken from video provided by NTV, a colonel reads a statement late Wednesday, "
        "July 26, 2034, in Vessa, Norvia, as officers appear on state television"
    )
    label = "Norvia's President Ilse Varga"
    after = "Home to some 9 million people, Norvia is mostly desert and ranks low on every index."
    return f"{lead}\n\n{caption}\n\n{label}\n\n{third}\n\n{after}\n"


def test_unfinished_lines_beside_a_caption_are_the_gallery_s_captions() -> None:
    from memogen.sources.cleaning.pipeline import clean_text

    moment = (
        "Crowds gather outside the presidential palace in the capital Vessa after the presidency confirmed "
        "that soldiers had sealed off the residence"
    )
    res = clean_text(_gallery_page(moment))
    assert moment not in res.text and "Norvia's President Ilse Varga" not in res.text
    assert "Home to some 9 million people" in res.text and "seized the president" in res.text


def test_a_subheading_beside_a_caption_stays() -> None:
    from memogen.sources.cleaning.pipeline import clean_text

    res = clean_text(_gallery_page("What comes next"))
    assert "What comes next" in res.text
