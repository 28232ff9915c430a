"""memogen: briefing memos (What happened / Background / What it means) from a pile of sources."""

__version__ = "0.1.0"
