"""What a command with ``--language`` prints about its work: files written, a pseudonymised source.

A command whose ``--language`` words its tables also words these lines and its
errors in that language; commands without one print English.
"""

from __future__ import annotations

from lobcoder.i18n.message import Message as M

MESSAGES: dict[str, M] = {
    "cli.wrote": M(en="Wrote {path}", nl="Geschreven: {path}"),
    "cli.note": M(en="note: {note}", nl="opmerking: {note}"),
    "cli.created_from": M(en="Created {path} from {source}", nl="{path} gemaakt uit {source}"),
    "cli.wrote_code": M(en="Wrote 1 code to {path}", nl="1 code geschreven naar {path}"),
    "cli.wrote_codes": M(en="Wrote {count} codes to {path}", nl="{count} codes geschreven naar {path}"),
    "cli.pseudonymised": M(
        en="Pseudonymised with {count} accepted decisions", nl="Gepseudonimiseerd met {count} geaccepteerde besluiten"
    ),
    "pseudonymise.leak.header": M(
        en="Check before you share: {count} accepted name(s) or short form(s) still in it:",
        nl="Controleer dit voordat u deelt: nog {count} geaccepteerde naam/namen of korte vorm(en) erin:",
    ),
    "pseudonymise.leak.term": M(en="  {form}: {count}×, in {places}", nl="  {form}: {count}×, in {places}"),
    "pseudonymise.leak.short": M(
        en="  {form} (short form of {term}): {count}×, in {places}",
        nl="  {form} (korte vorm van {term}): {count}×, in {places}",
    ),
    "pseudonymise.leak.kept": M(
        en="  {form}: {count}× kept as a word opening a sentence (before ‘ik’, ‘je’ …): check it is not the name, "
        "in {places}",
        nl="  {form}: {count}× als woord behouden aan het begin van een zin (voor ‘ik’, ‘je’ …): controleer of het "
        "niet de naam is, in {places}",
    ),
    # where a leak is besides documents and memos (leak_check.Leak.fields)
    "pseudonymise.leak.field.speaker": M(en="speaker names", nl="sprekersnamen"),
    "pseudonymise.leak.field.participant": M(en="participants", nl="deelnemers"),
    "pseudonymise.leak.field.document_name": M(en="document names", nl="documentnamen"),
    "pseudonymise.leak.field.file_name": M(en="file names", nl="bestandsnamen"),
    "pseudonymise.leak.field.attribute": M(en="attribute ‘{name}’", nl="attribuut ‘{name}’"),
    "pseudonymise.leak.field.code": M(en="code ‘{name}’", nl="code ‘{name}’"),
    "pseudonymise.leak.field.project_name": M(en="project name", nl="projectnaam"),
    "pseudonymise.leak.field.memo_title": M(en="title of memo {name}", nl="titel van memo {name}"),
    "pseudonymise.leak.field.left_out": M(en="left-out words", nl="weggelaten woorden"),
    "pseudonymise.leak.field.written": M(en="the file ‘{name}’", nl="het bestand ‘{name}’"),
    "pseudonymise.leak.field.printed": M(en="the printed report", nl="het afgedrukte rapport"),
    "pseudonymise.leak.field.export_file": M(en="the exported file's name", nl="de naam van het geëxporteerde bestand"),
    # lobcoder documents remove
    "remove.document": M(
        en="{name}: {codings} coding(s), {memos} memo(s), {turns} turn(s)",
        nl="{name}: {codings} codering(en), {memos} memo('s), {turns} beurt(en)",
    ),
    "remove.dry_run.one": M(
        en="Would remove 1 document; nothing changed. Add --yes to remove it.",
        nl="Zou 1 document verwijderen; er is niets veranderd. Voeg --yes toe om het te verwijderen.",
    ),
    "remove.dry_run.many": M(
        en="Would remove {count} documents; nothing changed. Add --yes to remove them.",
        nl="Zou {count} documenten verwijderen; er is niets veranderd. Voeg --yes toe om ze te verwijderen.",
    ),
    "remove.done.one": M(
        en="Removed 1 document. Backup made before: {backup}",
        nl="1 document verwijderd. Reservekopie gemaakt vooraf: {backup}",
    ),
    "remove.done.many": M(
        en="Removed {count} documents. Backup made before: {backup}",
        nl="{count} documenten verwijderd. Reservekopie gemaakt vooraf: {backup}",
    ),
    # lobcoder documents rename
    "rename.done": M(en="Renamed ‘{old}’ to ‘{new}’.", nl="‘{old}’ heet nu ‘{new}’."),
    "problem.codebook.format": M(en="use .qdc, .docx or .md", nl="gebruik .qdc, .docx of .md"),
}
