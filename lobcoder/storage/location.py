"""Where a project lies: warn when a sync tool may copy the file while SQLite writes it.

A sync client (OneDrive, Dropbox, iCloud Drive, Google Drive, SURFdrive,
Nextcloud) uploads a project file on its own schedule, without its ``-wal``
file, and may put back an older copy: a known way to lose or damage SQLite
databases. lobcoder does not refuse such a folder, it says so.
"""

from __future__ import annotations

from pathlib import Path

# Folder names these clients create (case-insensitive; "OneDrive - Organisation", "Dropbox (Team)").
_SYNC_FOLDERS = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "icloud drive": "iCloud Drive",
    "icloud~com~apple~clouddocs": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "surfdrive": "SURFdrive",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
}


def sync_service(path: str | Path) -> str | None:
    """The name of the sync service whose folder holds ``path``, or None."""
    for part in Path(path).expanduser().absolute().parts:
        name = part.casefold()
        for folder, service in _SYNC_FOLDERS.items():
            if name == folder or name.startswith((f"{folder} - ", f"{folder} (")):
                return service
            # macOS File Provider folders: "OneDrive-Personal", "GoogleDrive-anna@uu.nl".
            if folder in ("onedrive", "googledrive") and name.startswith(f"{folder}-"):
                return service
    return None


def sync_warning(path: str | Path) -> str | None:
    """A one-line warning if ``path`` lies in a synced folder."""
    service = sync_service(path)
    if service is None:
        return None
    return (
        f"{path}: lies in a {service} folder; a sync tool may copy the project while lobcoder writes it. "
        "Keep projects in a local folder and back them up instead"
    )
