"""Writing outputs without ever losing a user's work.

Every file is written atomically (temp file in the same folder, fsync, rename),
so a build killed mid-way leaves the previous outputs intact.  memogen records
the SHA-256 of everything it writes in a manifest beside the outputs; a file
whose bytes no longer match what memogen wrote was edited by someone, and is
never overwritten: the new version goes beside it (`T.2.docx`, `T.3.docx`, ...)
unless the user passes --force.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".memogen-manifest.json"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see either the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_current_umask())  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


DOCX_BODY_PARTS = ("word/document.xml", "word/footnotes.xml")


def docx_body_hash(data: bytes) -> str:
    """Hash of a DOCX's text-bearing parts: survives changes to its properties, not to its text."""
    import io
    import zipfile

    h = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        for part in DOCX_BODY_PARTS:
            if part in names:
                h.update(part.encode() + b"\0" + zf.read(part))
    return h.hexdigest()


@dataclass
class Written:
    """What happened to one output: written, unchanged, or diverted because it was edited."""

    name: str  # the intended file name, e.g. my-topic.docx
    path: Path  # where the bytes went
    sha256: str
    status: str  # "written" | "unchanged" | "kept-edited"

    def describe(self) -> str:
        if self.status == "kept-edited":
            return f"{self.name} was edited since memogen wrote it: kept it, wrote {self.path.name} beside it"
        return f"{self.status}: {self.path}"


class OutputFolder:
    """One topic's output folder and the manifest of what memogen wrote there."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.manifest_path = folder / MANIFEST
        self.manifest: dict[str, str] = self._load()

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.get("files", {}).items()} if isinstance(data, dict) else {}

    def was_edited(self, path: Path) -> bool:
        """True if `path` exists and is not byte-for-byte what memogen last wrote there."""
        if not path.exists():
            return False
        recorded = self.manifest.get(path.name)
        return recorded is None or recorded != sha256_file(path)

    def _free_sibling(self, path: Path) -> Path:
        stem, suffix = path.name[: -len(path.suffix)] if path.suffix else path.name, path.suffix
        n = 2
        while True:
            candidate = path.with_name(f"{stem}.{n}{suffix}")
            if not candidate.exists() or not self.was_edited(candidate):
                return candidate
            n += 1

    def write(self, name: str, data: bytes, force: bool = False) -> Written:
        """Write one output, diverting it beside an edited file unless `force`."""
        target = self.folder / name
        digest = sha256_bytes(data)
        status = "written"
        if not force and self.was_edited(target):
            target, status = self._free_sibling(target), "kept-edited"
        if target.exists() and self.manifest.get(target.name) == digest and sha256_file(target) == digest:
            return Written(name, target, digest, "unchanged" if status == "written" else status)
        atomic_write(target, data)
        self.manifest[target.name] = digest
        return Written(name, target, digest, status)

    def save_manifest(self) -> None:
        body = json.dumps({"files": dict(sorted(self.manifest.items()))}, indent=2) + "\n"
        atomic_write(self.manifest_path, body.encode("utf-8"))
