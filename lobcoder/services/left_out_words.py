"""The words a researcher leaves out of the project's word frequencies (Words tab, ``report words``).

Stored with the project as one project setting, a word a line (lower case,
sorted). A word is left out with all its forms: as a lemma (*gaan*: also
*gaat*, *ging*) and as a form. The suggestions do not read this list.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from lobcoder.storage.models import ProjectSetting

KEY = "words.left_out"


def left_out_words(session: Session) -> tuple[str, ...]:
    """The project's left-out words, sorted."""
    value = session.scalar(select(ProjectSetting.value).where(ProjectSetting.key == KEY)) or ""
    return tuple(line for line in value.split("\n") if line)


def set_left_out_words(session: Session, words: Iterable[str]) -> None:
    """Store ``words`` (lower case, sorted, each once) as the project's left-out words; none: the setting goes."""
    kept = sorted({word.strip().lower() for word in words if word.strip()})
    setting = session.get(ProjectSetting, KEY)
    if not kept:
        if setting is not None:
            session.delete(setting)
    elif setting is None:
        session.add(ProjectSetting(key=KEY, value="\n".join(kept)))
    else:
        setting.value = "\n".join(kept)
    session.flush()
