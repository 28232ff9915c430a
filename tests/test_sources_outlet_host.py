"""A page that names no outlet is cited by the host of its address (the page's own or topic.yaml's)."""

from __future__ import annotations

from pathlib import Path

from memogen.config import SourceOverride
from memogen.sources import read_source
from memogen.sources.provenance import host_name

PARA = (
    "The ferry operator suspended all crossings to the northern islands after inspectors found "
    "corrosion on the bow doors of two of its three vessels, the island council said."
)


def test_host_name_reads_the_site_from_an_address() -> None:
    assert host_name("https://www.harbourtimes.no/news/ferries-halted") == "harbourtimes.no"
    assert host_name("http://m.vellpost.co.uk/a") == "vellpost.co.uk"
    assert host_name("ferries.txt") is None and host_name("https://localhost/x") is None


def test_a_page_naming_no_outlet_is_cited_by_its_address(tmp_path: Path) -> None:
    page = tmp_path / "ferries.txt"
    page.write_text(
        f"Ferries halted after inspection\n\n{PARA}\n\n{PARA}\n\nhttps://www.harbourtimes.no/news/ferries\n"
    )
    meta = read_source(page, "ferries").metadata
    assert meta.publisher == "harbourtimes.no"
    assert meta.origins["publisher"] == "inferred from the page's address"


def test_a_named_outlet_or_topic_yaml_beats_the_address(tmp_path: Path) -> None:
    page = tmp_path / "ferries.txt"
    page.write_text(f"Ferries halted after inspection\nHarbour Press Agency\n\n{PARA}\n\n{PARA}\n")
    assert read_source(page, "ferries").metadata.publisher == "Harbour Press Agency"
    plain = tmp_path / "plain.txt"
    plain.write_text(f"{PARA}\n\n{PARA}\n")
    meta = read_source(plain, "plain", SourceOverride(url="https://vellpost.no/x")).metadata
    assert meta.publisher == "vellpost.no"
    meta = read_source(
        plain, "plain", SourceOverride(url="https://vellpost.no/x", publisher="Vell Post")
    ).metadata
    assert meta.publisher == "Vell Post"
