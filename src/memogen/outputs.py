"""Writing outputs without ever losing a user's work, even when a build is killed.

Every file is written to a temp sibling (fsynced), then renamed over the target, so
readers see the old or the new file, never half of one.  memogen records the SHA-256
of everything it writes in a manifest beside the outputs; a file whose bytes match
none of memogen's records was edited by someone and is never overwritten: the new
version goes beside it (`T.2.docx`, ...) unless the user passes --force.

A build commits in three steps so that `kill -9` at any moment never turns memogen's
own files into "edited by the user": (1) every output is written to a temp file;
(2) the manifest records the new hashes as *pending* next to the old ones; (3) the
temp files are renamed into place and the manifest is rewritten without the pending
list.  Until step 3 ends, a file equal to either its recorded or its pending hash is
memogen's.  Temp files carry the writer's process id, so the temp files of a killed
build are recognised and removed by the next one.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BuildLockedError, OutputError, os_error_message

MANIFEST = ".memogen-manifest.json"
MANIFEST_VERSION = 2
# Older memogen temp names: .NAME.RANDOM.tmp, NAME one of memogen's outputs (no process id).
_LEGACY_TEMP = re.compile(r"^\..+\.(?:docx|pdf|md|html|json|eml)\.[A-Za-z0-9_]{6,12}\.tmp$")
MAX_SIBLINGS = 1000


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


def write_temp(path: Path, data: bytes) -> Path:
    """Write `data` to a fsynced temp sibling of `path` (named after this process) and return it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(os_error_message(exc, path, "write")) from None
    try:
        os.fchmod(fd, 0o666 & ~_current_umask())  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(os_error_message(exc, path, "write")) from None
        raise
    return Path(tmp)


def replace_into(tmp: Path, path: Path) -> None:
    """Rename a temp file over its target (atomic on one file system); the temp goes on failure."""
    try:
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(os_error_message(exc, path, "write")) from None
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see either the old or the new file, never half."""
    replace_into(write_temp(path, data), path)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would terminate the process there: assume it lives
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove temp files of builds that died (their process is gone, or an old nameless temp).

    Called under the build lock, so no other build of this topic is writing here.
    """
    removed = []
    for sub in (folder, folder / ".cache"):
        try:
            entries = list(sub.iterdir())
        except OSError:
            continue
        for entry in entries:
            stale, pid = _temp_owner(entry.name)
            if not stale or not entry.is_file():
                continue
            if pid is None or not _pid_alive(pid):
                try:
                    entry.unlink()
                    removed.append(entry)
                except OSError:
                    pass
    return removed


def _temp_owner(name: str) -> tuple[bool, int | None]:
    """(is a memogen temp file, the process id that wrote it or None for an old nameless one).

    Temp names: .NAME.PID.RANDOM.tmp (outputs), .KEY.PID.tmp (the source cache).
    """
    if not (name.startswith(".") and name.endswith(".tmp")):
        return False, None
    parts = name[1:-4].split(".")
    if len(parts) >= 3 and parts[-2].isdigit():
        return True, int(parts[-2])
    if len(parts) >= 2 and parts[-1].isdigit():
        return True, int(parts[-1])
    return bool(_LEGACY_TEMP.match(name)), None


DOCX_BODY_PARTS = ("word/document.xml", "word/footnotes.xml")


def docx_body_hash(data: bytes) -> str:
    """Hash of a DOCX's text-bearing parts: survives changes to its properties, not to its text."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        return body_parts_hash({part: zf.read(part) for part in DOCX_BODY_PARTS if part in names})


def body_parts_hash(members: dict[str, bytes]) -> str:
    """The body hash from zip member name -> bytes (only `DOCX_BODY_PARTS` count)."""
    h = hashlib.sha256()
    for part in DOCX_BODY_PARTS:
        if part in members:
            h.update(part.encode() + b"\0" + members[part])
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


@dataclass
class Manifest:
    """What memogen wrote in one folder: hashes of committed files, of files being committed,
    and, for each published PDF, the hash of the draft it was made from."""

    files: dict[str, str] = field(default_factory=dict)
    pending: dict[str, str] = field(default_factory=dict)
    published: dict[str, str] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        body = {"version": MANIFEST_VERSION, "files": dict(sorted(self.files.items()))}
        if self.pending:
            body["pending"] = dict(sorted(self.pending.items()))
        if self.published:
            body["published"] = dict(sorted(self.published.items()))
        return (json.dumps(body, indent=2) + "\n").encode("utf-8")


def _str_map(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError("expected a mapping of file names to hashes")
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}


def read_manifest(path: Path) -> tuple[Manifest, str | None]:
    """The manifest, plus a one-line problem when it exists but cannot be used (then empty)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Manifest(), None
    except OSError as exc:
        return Manifest(), os_error_message(exc, path, "read")
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return Manifest(
            files=_str_map(data.get("files", {})),
            pending=_str_map(data.get("pending", {})),
            published=_str_map(data.get("published", {})),
        ), None
    except (ValueError, UnicodeDecodeError) as exc:
        return (
            Manifest(),
            f"{path}: unreadable manifest ({exc}); recognising memogen's files by their content",
        )


class OutputFolder:
    """One topic's output folder and the manifest of what memogen wrote there."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.manifest_path = folder / MANIFEST
        self.record, self.problem = read_manifest(self.manifest_path)
        self._evidence: dict[str, set[str]] | None = None

    @property
    def manifest(self) -> dict[str, str]:
        return self.record.files

    def accepted(self, name: str) -> set[str]:
        """Hashes under which `name` counts as memogen's own: committed, or being committed."""
        return {h for h in (self.record.files.get(name), self.record.pending.get(name)) if h}

    def was_edited(self, path: Path) -> bool:
        """True if `path` exists and is not byte-for-byte what memogen last wrote there."""
        if not path.exists():
            return False
        if not path.is_file():
            return True  # a folder or device where an output goes: never replace it
        digest = sha256_file(path)
        if digest in self.accepted(path.name):
            return False
        if path.name in self.record.files or path.name in self.record.pending:
            return True
        return digest not in self._content_evidence().get(path.name, set())

    def _content_evidence(self) -> dict[str, set[str]]:
        """For files the manifest does not know: hashes memogen's own outputs vouch for.

        A DOCX carries the hash of its own body; the JSON record lists the others.  A JSON
        record that lists a file on disk byte for byte was written with it: memogen's too.
        """
        if self._evidence is None:
            self._evidence = _vouched_hashes(self.folder)
        return self._evidence

    def _free_sibling(self, path: Path) -> Path:
        stem, suffix = path.name[: -len(path.suffix)] if path.suffix else path.name, path.suffix
        for n in range(2, MAX_SIBLINGS):
            candidate = path.with_name(f"{stem}.{n}{suffix}")
            if not candidate.exists() or not self.was_edited(candidate):
                return candidate
        raise OutputError(f"{path}: {MAX_SIBLINGS} edited copies exist beside it; tidy the folder")

    def _plan(self, name: str, data: bytes, force: bool) -> Written:
        target = self.folder / name
        digest = sha256_bytes(data)
        status = "written"
        if self.was_edited(target) and not (force and target.is_file()):
            target, status = self._free_sibling(target), "kept-edited"
        if target.is_file() and digest in self.accepted(target.name) and sha256_file(target) == digest:
            return Written(name, target, digest, "unchanged" if status == "written" else status)
        return Written(name, target, digest, status)

    def commit(self, outputs: dict[str, bytes], force: bool = False) -> list[Written]:
        """Write every output in three steps (temps, pending manifest, renames); see the module doc."""
        plans = [self._plan(name, data, force) for name, data in outputs.items()]
        todo = [(p, outputs[p.name]) for p in plans if p.status != "unchanged"]
        temps: list[tuple[Written, Path]] = []
        try:
            for plan, data in todo:
                temps.append((plan, write_temp(plan.path, data)))
            self.record.pending = {plan.path.name: plan.sha256 for plan, _ in temps}
            if temps:
                self.save_manifest()
            for plan, tmp in temps:
                replace_into(tmp, plan.path)
        finally:
            for _plan, tmp in temps:
                tmp.unlink(missing_ok=True)
        for plan in plans:
            self.record.files[plan.path.name] = plan.sha256
        self.record.pending = {}
        self.save_manifest()
        return plans

    def write(self, name: str, data: bytes, force: bool = False) -> Written:
        """Write one output, diverting it beside an edited file unless `force`."""
        return self.commit({name: data}, force)[0]

    def save_manifest(self) -> None:
        atomic_write(self.manifest_path, self.record.to_bytes())
        self.problem = None


def _vouched_hashes(folder: Path) -> dict[str, set[str]]:
    """{file name: hashes memogen's own DOCX and JSON record vouch for} in `folder`."""
    out: dict[str, set[str]] = {}
    try:
        entries = [p for p in folder.iterdir() if p.is_file()]
    except OSError:
        return out
    for path in entries:
        if path.suffix == ".docx":
            digest = _self_certified_docx(path)
            if digest:
                out.setdefault(path.name, set()).add(digest)
    for path in entries:
        if path.suffix == ".json" and not path.name.startswith("."):
            listed = _record_outputs(path)
            on_disk = {n: h for n, h in listed.items() if (folder / n).is_file()}
            for name, digest in on_disk.items():
                out.setdefault(name, set()).add(digest)
            if any(sha256_file(folder / n) == h for n, h in on_disk.items()):
                out.setdefault(path.name, set()).add(sha256_file(path))
    return out


def _self_certified_docx(path: Path) -> str | None:
    """The file's hash when its body still equals the body hash memogen stored inside it."""
    from .render.docx import read_custom_properties
    from .sources.limits import ZipLimits, check_zip

    try:
        data = path.read_bytes()
        check_zip(data, str(path), ZipLimits())
        recorded = read_custom_properties(data).get("memogen_body_sha256")
        if recorded and recorded == docx_body_hash(data):
            return sha256_bytes(data)
    except Exception:  # noqa: BLE001 - any unreadable file simply vouches for nothing
        return None
    return None


def _record_outputs(path: Path) -> dict[str, str]:
    try:
        if path.stat().st_size > 50_000_000:
            return {}
        data = json.loads(path.read_text(encoding="utf-8"))
        return _str_map(data.get("outputs", {})) if isinstance(data, dict) else {}
    except (OSError, ValueError, UnicodeDecodeError):
        return {}


LOCK = ".memogen.lock"


class BuildLock:
    """One build of a topic at a time: an OS lock on `out/TOPIC/.memogen.lock`.

    The operating system releases the lock when its holder exits, however it exits
    (kill -9 included), so a stale lock file never blocks anyone.  The file holds the
    holder's pid, host and start time, which a waiting build prints.
    """

    def __init__(self, folder: Path, wait: float = 120.0, on_wait=None, poll: float = 0.1) -> None:  # noqa: ANN001
        self.path = folder / LOCK
        self.wait, self.on_wait, self.poll = max(0.0, wait), on_wait, poll
        self._fd: int | None = None

    def __enter__(self) -> BuildLock:
        import time

        folder = self.path.parent
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            raise OutputError(f"{blocker}: is a file, not a folder; choose another output folder (--out)")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(os_error_message(exc, self.path.parent, "lock the output folder")) from None
        deadline = time.monotonic() + self.wait
        told = False
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                holder = _holder(fd)
                os.close(fd)
                raise BuildLockedError(
                    f"{self.path.parent}: another build of this topic is running ({holder}); "
                    f"try again when it ends (or wait longer with --wait SECONDS)"
                )
            if not told and self.on_wait is not None:
                self.on_wait(f"waiting: {self.path.parent} is being built by {_holder(fd)}")
                told = True
            time.sleep(self.poll)
        self._fd = fd
        _write_holder(fd)
        return self

    def __exit__(self, *exc_info) -> None:  # noqa: ANN002
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None


def _try_lock(fd: int) -> bool:
    """Take the lock without blocking; False while another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: lock the first byte
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:  # a file system without locks (some network mounts): carry on unlocked
        return exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS)
    return True


def _unlock(fd: int) -> None:
    with contextlib.suppress(OSError, ImportError):
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)
        return
    with contextlib.suppress(OSError, ImportError):
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _write_holder(fd: int) -> None:
    """Who holds the lock, for a waiting build to print (not on Windows, where the byte is locked)."""
    import datetime as dt

    info = {
        "pid": os.getpid(),
        "host": _host_name(),
        "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    with contextlib.suppress(OSError, AttributeError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)


def _host_name() -> str:
    """This machine's name; os.uname gives it without importing socket (~7 ms) where it exists."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _holder(fd: int) -> str:
    """'memogen pid 123 on host, since 10:02:11' from the lock file, or a plain phrase."""
    try:
        raw = os.pread(fd, 4096, 0)
        info = json.loads(raw.decode("utf-8")) if raw else {}
    except (OSError, ValueError, AttributeError):
        info = {}
    if not isinstance(info, dict) or "pid" not in info:
        return "another memogen process"
    return f"memogen pid {info.get('pid')} on {info.get('host', '?')}, since {info.get('since', '?')}"
