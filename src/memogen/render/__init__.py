"""Writers: each takes a `Memo` and returns the bytes/text of one output format.

They never decide content; `citations.attach_notes` has already numbered and
formatted the notes, and the composer has chosen and ordered the points.
"""
