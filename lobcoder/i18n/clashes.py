"""What clashed when the project's own rules refused a change: a name or GUID taken, a row gone or still in use.

Raised as :class:`lobcoder.errors.Clash` by ``storage/clashes.py`` from the
database's constraint errors (SQLite and PostgreSQL word them differently).
These usually follow a change made meanwhile elsewhere: another window, the
command line, an undo or redo of something older.
"""

from __future__ import annotations

from lobcoder.i18n.message import Message as M

_MEANWHILE_EN = "perhaps meanwhile in another window; nothing was changed"
_MEANWHILE_NL = "misschien intussen in een ander venster; er is niets veranderd"

MESSAGES: dict[str, M] = {
    "problem.clash.code_name": M(
        en=f"there is already a code named {{name!r}} at this level of the codebook, added {_MEANWHILE_EN}",
        nl=f"op dit niveau van het codeboek is er al een code met de naam {{name!r}}, toegevoegd {_MEANWHILE_NL}",
    ),
    "problem.clash.code_name_unknown": M(
        en=f"two codes at one level of the codebook would have the same name; one was added {_MEANWHILE_EN}",
        nl=f"twee codes op één niveau van het codeboek zouden dezelfde naam hebben; er is er een toegevoegd "
        f"{_MEANWHILE_NL}",
    ),
    "problem.clash.name": M(
        en=f"there is already {{what}} named {{name!r}}, added {_MEANWHILE_EN}",
        nl=f"er is al {{what}} met de naam {{name!r}}, toegevoegd {_MEANWHILE_NL}",
    ),
    "problem.clash.name_unknown": M(
        en=f"there is already {{what}} with that name, added {_MEANWHILE_EN}",
        nl=f"er is al {{what}} met die naam, toegevoegd {_MEANWHILE_NL}",
    ),
    "problem.clash.guid": M(
        en=f"the project already holds {{what}} with the same identifier (GUID), added {_MEANWHILE_EN}",
        nl=f"het project bevat al {{what}} met dezelfde identificatie (GUID), toegevoegd {_MEANWHILE_NL}",
    ),
    "problem.clash.taken": M(
        en=f"the project already holds {{what}} with the same {{columns}}, added {_MEANWHILE_EN}",
        nl=f"het project bevat al {{what}} met dezelfde {{columns}}, toegevoegd {_MEANWHILE_NL}",
    ),
    "problem.clash.gone": M(
        en=f"this refers to something that no longer exists ({{what}}), deleted {_MEANWHILE_EN}",
        nl=f"dit verwijst naar iets wat niet meer bestaat ({{what}}), verwijderd {_MEANWHILE_NL}",
    ),
    "problem.clash.in_use": M(
        en=f"this cannot be deleted: {{what}} still uses it, added {_MEANWHILE_EN}",
        nl=f"dit kan niet worden verwijderd: {{what}} gebruikt het nog, toegevoegd {_MEANWHILE_NL}",
    ),
    # A command met a code another window deleted or changed after it was shown (editing/).
    "problem.gone.code_named": M(
        en=f"the code {{name!r}} no longer exists: it was deleted, {_MEANWHILE_EN}",
        nl=f"de code {{name!r}} bestaat niet meer: hij is verwijderd, {_MEANWHILE_NL}",
    ),
    "problem.gone.code": M(
        en=f"the code no longer exists: it was deleted, {_MEANWHILE_EN}",
        nl=f"de code bestaat niet meer: hij is verwijderd, {_MEANWHILE_NL}",
    ),
    "problem.gone.coding": M(
        en=f"this coding no longer exists: it was removed, {_MEANWHILE_EN}",
        nl=f"deze codering bestaat niet meer: hij is verwijderd, {_MEANWHILE_NL}",
    ),
    "problem.changed.code_name": M(
        en=f"the code is now named {{now!r}}, not {{was!r}}: it was changed, {_MEANWHILE_EN}",
        nl=f"de code heet nu {{now!r}}, niet {{was!r}}: hij is gewijzigd, {_MEANWHILE_NL}",
    ),
    "problem.changed.document_name": M(
        en=f"the document is now named {{now!r}}, not {{was!r}}: it was renamed, {_MEANWHILE_EN}",
        nl=f"het document heet nu {{now!r}}, niet {{was!r}}: het is hernoemd, {_MEANWHILE_NL}",
    ),
    "problem.changed.code": M(
        en=f"the code {{name!r}} was changed ({{field}}), {_MEANWHILE_EN}",
        nl=f"de code {{name!r}} is gewijzigd ({{field}}), {_MEANWHILE_NL}",
    ),
    # A value longer than its column allows (storage/lengths.py), refused in a project file as on a server.
    "problem.value_too_long": M(
        en="the {field} of {what} may be at most {limit} characters; this one has {length} ({start!r}); "
        "nothing was changed",
        nl="de {field} van {what} mag hoogstens {limit} tekens lang zijn; deze heeft er {length} ({start!r}); "
        "er is niets veranderd",
    ),
    "too_long.field.name": M(en="name", nl="naam"),
    "too_long.field.title": M(en="title", nl="titel"),
    "too_long.field.original_filename": M(en="file name", nl="bestandsnaam"),
    "too_long.field.other": M(en="text", nl="tekst"),
    # The fields of a code, as named in "the code 'Mentor' was changed (colour)".
    "code.field.color": M(en="colour", nl="kleur"),
    "code.field.description": M(en="description", nl="beschrijving"),
    "code.field.definition": M(en="definition", nl="definitie"),
    "code.field.inclusion": M(en="include when", nl="opnemen als"),
    "code.field.exclusion": M(en="exclude when", nl="niet opnemen als"),
    "code.field.examples": M(en="examples", nl="voorbeelden"),
    "code.field.keywords": M(en="keywords", nl="trefwoorden"),
    # What clashed, for the messages above.
    "clash.what.codes": M(en="a code", nl="een code"),
    "clash.what.documents": M(en="a document", nl="een document"),
    "clash.what.coders": M(en="a coder", nl="een codeur"),
    "clash.what.speakers": M(en="a speaker", nl="een spreker"),
    "clash.what.participants": M(en="a participant", nl="een deelnemer"),
    "clash.what.attributes": M(en="an attribute", nl="een attribuut"),
    "clash.what.attribute_values": M(en="an attribute value", nl="een attribuutwaarde"),
    "clash.what.codings": M(en="a coding", nl="een codering"),
    "clash.what.memos": M(en="a memo", nl="een memo"),
    "clash.what.speaker_turns": M(en="a speaker turn", nl="een spreekbeurt"),
    "clash.what.other": M(en="an item", nl="een onderdeel"),
    "clash.list.comma": M(en="{first}, {rest}", nl="{first}, {rest}"),
    "clash.list.or": M(en="{first} or {last}", nl="{first} of {last}"),
}
