"""Why a file cannot be imported, opened, read or written: the words after the file's path.

Raised as ``ImportProblem(path, say("problem.empty"))``; see :mod:`lobcoder.i18n.said`.
``{reason}`` is a reason from the operating system or a library, shown as it comes.
"""

from __future__ import annotations

from lobcoder.i18n.message import Message as M

MESSAGES: dict[str, M] = {
    # Any file.
    "problem.does_not_exist": M(en="does not exist", nl="bestaat niet"),
    "problem.disappeared": M(
        en="does not exist (it disappeared while being read)",
        nl="bestaat niet (het verdween tijdens het lezen)",
    ),
    "problem.permission_denied": M(
        en="cannot be read (permission denied)", nl="kan niet worden gelezen (geen toegang)"
    ),
    "problem.cannot_read": M(en="cannot be read ({reason})", nl="kan niet worden gelezen ({reason})"),
    "problem.is_folder": M(en="is a folder, not a file", nl="is een map, geen bestand"),
    "problem.not_regular": M(en="is not a regular file", nl="is geen gewoon bestand"),
    "problem.empty": M(en="is empty", nl="is leeg"),
    "problem.no_text": M(en="contains no text", nl="bevat geen tekst"),
    "problem.cannot_write": M(en="cannot be written: {reason}", nl="kan niet worden opgeslagen: {reason}"),
    "problem.no_such_file": M(en="no such file", nl="bestand bestaat niet"),
    "problem.no_such_file_or_folder": M(en="no such file or folder", nl="bestand of map bestaat niet"),
    # Importing.
    "problem.unsupported_type": M(
        en="unsupported file type '{extension}' (supported: {supported})",
        nl="bestandstype '{extension}' wordt niet ondersteund (wel: {supported})",
    ),
    "problem.no_extension": M(
        en="unsupported file type (the name has no extension; supported: {supported})",
        nl="onbekend bestandstype (de naam heeft geen extensie; ondersteund: {supported})",
    ),
    "problem.too_large": M(
        en="is too large ({size} MB; the limit is {limit} MB)",
        nl="is te groot ({size} MB; de grens is {limit} MB)",
    ),
    "problem.too_long": M(
        en="has a text longer than {millions} million characters; refused",
        nl="heeft een tekst van meer dan {millions} miljoen tekens; geweigerd",
    ),
    "problem.unreadable_as": M(
        en="could not be read as {label}: {reason}", nl="kon niet als {label} worden gelezen: {reason}"
    ),
    "problem.nested_too_deeply": M(
        en="could not be read as {label}: it is nested too deeply",
        nl="kon niet als {label} worden gelezen: het is te diep genest",
    ),
    "problem.turns_mismatch": M(
        en="could not be read as {label}: turn offsets do not match the text",
        nl="kon niet als {label} worden gelezen: de posities van de beurten passen niet bij de tekst",
    ),
    "problem.not_a": M(en="is not {what}: {reason}", nl="is geen {what}: {reason}"),
    "problem.what.docx": M(en="a valid Word document (.docx)", nl="geldig Word-document (.docx)"),
    "problem.binary": M(
        en="is not a text file (it looks like binary data)",
        nl="is geen tekstbestand (het lijkt op binaire gegevens)",
    ),
    "problem.damaged_bom": M(
        en="starts like a {name} text file but is damaged ({reason})",
        nl="begint als een {name}-tekstbestand maar is beschadigd ({reason})",
    ),
    "problem.no_cues": M(en="contains no subtitle cues", nl="bevat geen ondertitels"),
    "problem.cue_time_too_large": M(
        en="has a cue time past any recording ({hours} hours)",
        nl="heeft een tijd die voorbij elke opname ligt ({hours} uur)",
    ),
    "problem.xml_doctype": M(
        en="contains an XML document type declaration in {name}, which is refused for safety",
        nl="bevat een XML-documenttypedeclaratie in {name}; die wordt om veiligheidsredenen geweigerd",
    ),
    # Zip archives (.docx, .odt and .qdpx are zip archives).
    "problem.zip.not_found": M(en="file not found", nl="bestand niet gevonden"),
    # A document or project that should be a zip but is not one: named for what the researcher knows it as.
    "problem.not_or_damaged": M(en="is not {what}, or it is damaged", nl="is geen {what} of is beschadigd"),
    "problem.kind.docx": M(en="a Word document (.docx)", nl="Word-document (.docx)"),
    "problem.kind.odt": M(en="an OpenDocument text file (.odt)", nl="OpenDocument-tekstbestand (.odt)"),
    "problem.kind.qdpx": M(en="a REFI-QDA project file (.qdpx)", nl="REFI-QDA-projectbestand (.qdpx)"),
    "problem.kind.xlsx": M(en="an Excel workbook (.xlsx)", nl="Excel-werkmap (.xlsx)"),
    "problem.zip.unreadable": M(
        en="is not a readable zip file ({reason})", nl="is geen leesbaar zip-bestand ({reason})"
    ),
    "problem.zip.too_many": M(
        en="has {count} members, more than the {limit} lobcoder accepts",
        nl="bevat {count} bestanden, meer dan de {limit} die lobcoder accepteert",
    ),
    "problem.zip.outside": M(
        en="member {name!r} points outside the archive folder; refused",
        nl="onderdeel {name!r} wijst naar buiten de map van het archief; geweigerd",
    ),
    "problem.zip.symlink": M(
        en="member {name!r} is a symbolic link; refused",
        nl="onderdeel {name!r} is een symbolische koppeling; geweigerd",
    ),
    "problem.zip.encrypted": M(
        en="member {name!r} is encrypted; lobcoder cannot read it",
        nl="onderdeel {name!r} is versleuteld; lobcoder kan het niet lezen",
    ),
    "problem.zip.same_name": M(
        en="members {first!r} and {second!r} have the same name; refused",
        nl="onderdelen {first!r} en {second!r} hebben dezelfde naam; geweigerd",
    ),
    "problem.zip.member_too_large": M(
        en="member {name!r} is larger than {size}; refused", nl="onderdeel {name!r} is groter dan {size}; geweigerd"
    ),
    "problem.zip.no_member": M(en="has no member {name!r}", nl="bevat geen onderdeel {name!r}"),
    "problem.zip.member_unpacks_to": M(
        en="member {name!r} unpacks to more than {size}; refused",
        nl="onderdeel {name!r} wordt uitgepakt groter dan {size}; geweigerd",
    ),
    "problem.zip.member_ratio": M(
        en="member {name!r} unpacks to more than {ratio} times its packed size (a zip bomb?); refused",
        nl="onderdeel {name!r} wordt uitgepakt meer dan {ratio} keer zo groot als ingepakt (een zipbom?); geweigerd",
    ),
    "problem.zip.total": M(
        en="unpacks to more than {size} in total; refused", nl="wordt uitgepakt in totaal groter dan {size}; geweigerd"
    ),
    "problem.zip.ratio": M(
        en="unpacks to more than {ratio} times its own size (a zip bomb?); refused",
        nl="wordt uitgepakt meer dan {ratio} keer zo groot als het archief zelf (een zipbom?); geweigerd",
    ),
    "problem.zip.damaged_member": M(
        en="member {name!r} is damaged or cannot be unpacked ({reason})",
        nl="onderdeel {name!r} is beschadigd of kan niet worden uitgepakt ({reason})",
    ),
    "problem.zip.ends_early": M(en="it ends too early", nl="het houdt te vroeg op"),
    "problem.zip.write_outside": M(
        en="member {name!r} would be written outside {root}; refused",
        nl="onderdeel {name!r} zou buiten {root} worden geschreven; geweigerd",
    ),
    # Projects.
    "problem.project.exists": M(
        en="a file with this name already exists; choose another name",
        nl="er bestaat al een bestand met deze naam; kies een andere naam",
    ),
    "problem.project.no_folder": M(en="folder {folder} does not exist", nl="map {folder} bestaat niet"),
    "problem.project.no_schema": M(
        en="has no lobcoder schema version", nl="heeft geen versienummer van het lobcoder-schema"
    ),
    "problem.project.is_folder": M(en="is a folder, not a lobcoder project", nl="is een map, geen lobcoder-project"),
    "problem.project.not_sqlite": M(
        en="is not a lobcoder project (not an SQLite database)",
        nl="is geen lobcoder-project (geen SQLite-database)",
    ),
    "problem.project.other_sqlite": M(
        en="is an SQLite database but not a lobcoder project",
        nl="is een SQLite-database, maar geen lobcoder-project",
    ),
    "problem.project.old_read_only": M(
        en="was made by an older lobcoder and must be updated, but it is read-only; "
        "copy it to a folder you may write in",
        nl="is gemaakt door een oudere lobcoder en moet worden bijgewerkt, maar is alleen-lezen; "
        "kopieer het naar een map waarin u mag schrijven",
    ),
    "problem.project.no_backup": M(
        en="must be updated but could not be backed up first: {reason}",
        nl="moet worden bijgewerkt, maar er kon eerst geen reservekopie worden gemaakt: {reason}",
    ),
    "problem.too_new": M(
        en="was saved by a newer lobcoder (schema {schema}); this version knows up to {known}",
        nl="is opgeslagen door een nieuwere lobcoder (schema {schema}); deze versie kent schema's tot en met {known}",
    ),
    "problem.too_new_open": M(
        en="{path} {problem}. Update lobcoder to open it.",
        nl="{path} {problem}. Werk lobcoder bij om het te openen.",
    ),
    # What the operating system or SQLite said (lobcoder.storage.failures).
    "problem.read_only": M(
        en="is read-only (the file or its folder cannot be written); nothing was changed",
        nl="is alleen-lezen (het bestand of de map kan niet worden beschreven); er is niets gewijzigd",
    ),
    "problem.read_only_or_denied": M(
        en="is read-only or access is denied; nothing was changed",
        nl="is alleen-lezen of de toegang wordt geweigerd; er is niets gewijzigd",
    ),
    "problem.disk_full": M(
        en="could not be written: the disk is full; nothing was changed",
        nl="kon niet worden opgeslagen: de schijf is vol; er is niets gewijzigd",
    ),
    "problem.damaged_project": M(
        en="is damaged (not a readable lobcoder project); open a backup copy",
        nl="is beschadigd (geen leesbaar lobcoder-project); open een reservekopie",
    ),
    "problem.locked": M(
        en="is locked by another program (another lobcoder window or a sync tool?); try again in a moment",
        nl="is vergrendeld door een ander programma (een ander lobcoder-venster of een synchronisatieprogramma?); "
        "probeer het zo opnieuw",
    ),
    "problem.disk_io": M(
        en="could not be read or written (disk I/O error: is the disk full, removed or read-only?); "
        "nothing was changed",
        nl="kon niet worden gelezen of opgeslagen (schijffout: is de schijf vol, verwijderd of alleen-lezen?); "
        "er is niets gewijzigd",
    ),
    "problem.cannot_open": M(
        en="cannot be opened (does its folder exist, and may lobcoder write in it?)",
        nl="kan niet worden geopend (bestaat de map, en mag lobcoder erin schrijven?)",
    ),
    "problem.could_not_use": M(en="could not be used ({reason})", nl="kon niet worden gebruikt ({reason})"),
    "problem.damaged_compressed": M(
        en="is damaged and cannot be read ({reason})", nl="is beschadigd en kan niet worden gelezen ({reason})"
    ),
    "problem.read_or_write": M(
        en="could not be read or written ({reason})", nl="kon niet worden gelezen of opgeslagen ({reason})"
    ),
    "problem.damaged_archive": M(en="is a damaged archive ({reason})", nl="is een beschadigd archief ({reason})"),
    "problem.out_of_memory": M(
        en="is too large to handle with the memory available; nothing was changed",
        nl="is te groot voor het beschikbare geheugen; er is niets gewijzigd",
    ),
    "problem.bad_xml": M(
        en="contains XML that cannot be read ({reason})", nl="bevat XML die niet kan worden gelezen ({reason})"
    ),
}

# Attribute sheets, exchange files (REFI-QDA), other source formats and exports.
MESSAGES.update(
    {
        "problem.sheet.xls": M(
            en="is an old Excel 97-2003 (.xls) file; save it as .xlsx or CSV",
            nl="is een oud Excel 97-2003-bestand (.xls); sla het op als .xlsx of CSV",
        ),
        "problem.sheet.damaged_xlsx": M(
            en="is an Excel workbook (.xlsx) that is damaged; open it in Excel and save it again",
            nl="is een beschadigde Excel-werkmap (.xlsx); open hem in Excel en sla hem opnieuw op",
        ),
        "problem.sheet.no_worksheet": M(
            en="has no worksheet named {name!r} (it has: {names})",
            nl="heeft geen werkblad met de naam {name!r} (wel: {names})",
        ),
        "problem.sheet.not_csv": M(
            en="is not a readable CSV sheet ({reason})", nl="is geen leesbaar CSV-bestand ({reason})"
        ),
        "problem.sheet.empty": M(en="is an empty sheet", nl="is een leeg werkblad"),
        "problem.sheet.unnamed_column": M(
            en="has no header row: column {column} has no name in row {row}",
            nl="heeft geen kopregel: kolom {column} heeft geen naam in rij {row}",
        ),
        "problem.sheet.values_header": M(
            en="has no header row: the first row holds values, not column names",
            nl="heeft geen kopregel: de eerste rij bevat waarden, geen kolomnamen",
        ),
        "problem.sheet.duplicate_columns": M(
            en="has duplicate column names: {first!r} and {second!r}",
            nl="heeft dubbele kolomnamen: {first!r} en {second!r}",
        ),
        "problem.sheet.no_rows": M(
            en="is an empty sheet: it has column names but no rows",
            nl="is een leeg werkblad: het heeft kolomnamen maar geen rijen",
        ),
        "problem.qdc.is_other": M(
            en="is not a REFI-QDA codebook (.qdc): it is {what}",
            nl="is geen REFI-QDA-codeboek (.qdc): het is {what}",
        ),
        "problem.qdc.what.docx": M(
            en="a Word document (lobcoder writes Word codebooks for reading; import the .qdc file)",
            nl="een Word-document (lobcoder schrijft Word-codeboeken om te lezen; importeer het .qdc-bestand)",
        ),
        "problem.qdc.what.qdpx": M(
            en="a REFI-QDA project; import it as a project (File → Import REFI-QDA project)",
            nl="een REFI-QDA-project; importeer het als project (Bestand → REFI-QDA-project importeren)",
        ),
        "problem.qdc.what.xlsx": M(en="an Excel workbook", nl="een Excel-werkmap"),
        "problem.qdc.what.zip": M(en="a zip archive", nl="een zip-archief"),
        "problem.qdc.what.pdf": M(en="a PDF", nl="een pdf"),
        "problem.qdc.what.not_xml": M(en="not an XML file", nl="geen XML-bestand"),
        "problem.qdc.too_large": M(en="is larger than {size} MB; not read", nl="is groter dan {size} MB; niet gelezen"),
        "problem.qdc.root": M(
            en="is not a REFI-QDA codebook (its root element is <{root}>)",
            nl="is geen REFI-QDA-codeboek (het hoofdelement is <{root}>)",
        ),
        "problem.xml.dtd": M(
            en="contains a DTD/entity declarations, which lobcoder does not accept in exchange files",
            nl="bevat een DTD of entiteitsdeclaraties; die accepteert lobcoder niet in uitwisselbestanden",
        ),
        "problem.xml.malformed": M(
            en="is not well-formed XML{line}: {reason}", nl="is geen welgevormde XML{line}: {reason}"
        ),
        "problem.xml.line": M(en=" (line {number})", nl=" (regel {number})"),
        "problem.xml.too_large": M(
            en="the XML is larger than {size} MB; not read", nl="de XML is groter dan {size} MB; niet gelezen"
        ),
        "problem.xml.empty": M(en="the XML document is empty", nl="het XML-document is leeg"),
        "problem.xml.unreadable": M(
            en="cannot be read as XML: {reason}", nl="kan niet als XML worden gelezen: {reason}"
        ),
        "problem.xml.no_root": M(
            en="the XML document has no root element", nl="het XML-document heeft geen hoofdelement"
        ),
        "problem.qdpx.no_qde": M(
            en="is not a REFI-QDA project: it has no project.qde",
            nl="is geen REFI-QDA-project: het bevat geen project.qde",
        ),
        "problem.qdpx.root": M(
            en="project.qde has root element <{root}>, not <Project>",
            nl="project.qde heeft hoofdelement <{root}>, niet <Project>",
        ),
        "problem.export.unknown_format": M(
            en="cannot be written: unknown export format {kind!r} (use .docx, .xlsx or .csv)",
            nl="kan niet worden opgeslagen: onbekend exportformaat {kind!r} (gebruik .docx, .xlsx of .csv)",
        ),
        "problem.export.unknown_transcript_format": M(
            en="unknown transcript format {format!r} (use docx or txt)",
            nl="onbekend formaat voor transcripten {format!r} (gebruik docx of txt)",
        ),
        "problem.export.cannot_create": M(en="cannot be created: {reason}", nl="kan niet worden aangemaakt: {reason}"),
        "problem.export.exists": M(
            en="already exists; choose an empty folder for the transcripts",
            nl="bestaat al; kies een lege map voor de transcripten",
        ),
        "problem.what.odt": M(en="a valid OpenDocument text file (.odt)", nl="geldig OpenDocument-tekstbestand (.odt)"),
        "problem.odt.is_other": M(
            en="is not an OpenDocument text file (it is {kind})", nl="is geen OpenDocument-tekstbestand (het is {kind})"
        ),
        "problem.odt.no_content": M(en="it has no content.xml", nl="het bevat geen content.xml"),
        "problem.odt.no_body": M(en="content.xml has no text body", nl="content.xml heeft geen tekstgedeelte"),
        "problem.odt.damaged": M(en="content.xml is damaged ({reason})", nl="content.xml is beschadigd ({reason})"),
        "problem.odt.entities": M(
            en="contains XML entity declarations, which are refused for safety",
            nl="bevat XML-entiteitsdeclaraties; die worden om veiligheidsredenen geweigerd",
        ),
        "problem.pdf.no_text_layer": M(
            en="has no text layer (it is probably a scanned image); run OCR on it first, e.g. with ocrmypdf",
            nl="heeft geen tekstlaag (het is waarschijnlijk een gescande afbeelding); "
            "laat er eerst tekstherkenning (OCR) op los, bijvoorbeeld met ocrmypdf",
        ),
        "problem.pdf.password": M(
            en="is protected with a password; save a copy without the password (or print it to a new PDF) "
            "and import that",
            nl="is beveiligd met een wachtwoord; sla een kopie zonder wachtwoord op (of druk het af naar een nieuwe pdf) "
            "en importeer die",
        ),
        "problem.pdf.encryption": M(
            en="is encrypted in a way that cannot be opened here ({reason}); save an unencrypted copy and import that",
            nl="is versleuteld op een manier die hier niet kan worden geopend ({reason}); "
            "sla een onversleutelde kopie op en importeer die",
        ),
        "problem.pdf.no_header": M(
            en="is not a PDF document (it lacks the %PDF- header)",
            nl="is geen pdf-document (de kop %PDF- ontbreekt)",
        ),
        "problem.pdf.invalid": M(en="is not a valid PDF: {reason}", nl="is geen geldige pdf: {reason}"),
        "problem.pdf.no_pages": M(en="is a PDF without pages", nl="is een pdf zonder pagina's"),
        "problem.rtf.invalid": M(en="is not an RTF document", nl="is geen RTF-document"),
        "problem.rtf.long_word": M(
            en="is damaged: it has a control word longer than the {letters} letters RTF allows",
            nl="is beschadigd: het bevat een opmaakcode die langer is dan de {letters} letters die RTF toestaat",
        ),
        "problem.json.invalid": M(
            en="is not valid JSON: {reason} (line {line})", nl="is geen geldige JSON: {reason} (regel {line})"
        ),
        "problem.what.whisper": M(
            en='a Whisper transcript (.json with "segments")', nl='Whisper-transcript (.json met "segments")'
        ),
        "problem.whisper.no_segments": M(en="it has no list of segments", nl="het heeft geen lijst met segmenten"),
        "problem.whisper.bad_segment": M(en="a segment is not an object", nl="een segment is geen object"),
        "problem.whisper.empty": M(en="contains no transcribed segments", nl="bevat geen getranscribeerde segmenten"),
    }
)

# Backups, team copies, merges and pseudonymised copies.
MESSAGES.update(
    {
        "problem.backup.missing": M(en="no such backup", nl="deze reservekopie bestaat niet"),
        "problem.backup.unsound": M(
            en="is not a sound backup ({reason})", nl="is geen bruikbare reservekopie ({reason})"
        ),
        "problem.backup.integrity": M(
            en="{project} failed its integrity check ({reason}); no backup made, older kept",
            nl="{project} doorstond de integriteitscontrole niet ({reason}); geen reservekopie gemaakt, "
            "de oudere zijn bewaard",
        ),
        "problem.backup.cannot_write": M(
            en="{folder}: could not write a backup ({reason})",
            nl="{folder}: kon geen reservekopie schrijven ({reason})",
        ),
        "problem.backup.not_saved": M(
            en="could not be saved before the restore ({reason}); nothing was changed",
            nl="kon voor het terugzetten niet worden bewaard ({reason}); er is niets gewijzigd",
        ),
        "problem.copy.no_documents": M(
            en="no documents chosen for the copy", nl="er zijn geen documenten voor de kopie gekozen"
        ),
        "problem.merge.kind": M(
            en="can only merge a {extension} project or a .qdpx file",
            nl="alleen een {extension}-project of een .qdpx-bestand kan worden samengevoegd",
        ),
        "problem.merge.itself": M(
            en="is the open project itself; choose the other coder's copy",
            nl="is het geopende project zelf; kies de kopie van de andere codeur",
        ),
        "problem.pseudonymise.read_only": M(
            en="cannot build the pseudonymised copy for the export: its folder is read-only",
            nl="de gepseudonimiseerde kopie voor de export kan niet worden gemaakt: de map is alleen-lezen",
        ),
        "problem.sheet.no_column": M(
            en="has no column {name!r} (columns: {columns})", nl="heeft geen kolom {name!r} (kolommen: {columns})"
        ),
    }
)

# Pseudonymisation keys and term lists.
MESSAGES.update(
    {
        "problem.key.exists": M(
            en="already exists; choose another name (a key is never overwritten)",
            nl="bestaat al; kies een andere naam (een sleutel wordt nooit overschreven)",
        ),
        "problem.key.not_json": M(
            en="is not a lobcoder key file (not JSON)", nl="is geen sleutelbestand van lobcoder (geen JSON)"
        ),
        "problem.key.not_key": M(en="is not a lobcoder key file", nl="is geen sleutelbestand van lobcoder"),
        "problem.key.encrypted": M(en="is encrypted; give its password", nl="is versleuteld; geef het wachtwoord"),
        "problem.key.wrong_password": M(
            en="wrong password (or the file was changed)", nl="onjuist wachtwoord (of het bestand is gewijzigd)"
        ),
        "problem.key.damaged": M(
            en="is damaged: its encryption header is incomplete",
            nl="is beschadigd: de versleutelingskop is onvolledig",
        ),
        "problem.copy.exists": M(
            en="already exists; choose another name for the pseudonymised copy",
            nl="bestaat al; kies een andere naam voor de gepseudonimiseerde kopie",
        ),
        "problem.terms.empty": M(
            en="is empty; expected a header row: term, category, pseudonym",
            nl="is leeg; verwacht werd een kopregel: term, category, pseudonym",
        ),
        "problem.terms.no_term_column": M(
            en="has no 'term' column in its first row (expected: term, category, pseudonym)",
            nl="heeft geen kolom 'term' in de eerste rij (verwacht: term, category, pseudonym)",
        ),
        "problem.terms.empty_term": M(en="line {line}: the term is empty", nl="regel {line}: de term is leeg"),
        "problem.terms.no_terms": M(
            en="holds no terms; nothing to store", nl="bevat geen termen; er is niets op te slaan"
        ),
        "problem.terms.none_accepted": M(
            en="has no accepted decision with a pseudonym; nothing to replace",
            nl="bevat geen geaccepteerde beslissing met een pseudoniem; er is niets te vervangen",
        ),
        "problem.password_file.empty": M(
            en="is empty; its first line must be the password",
            nl="is leeg; de eerste regel moet het wachtwoord zijn",
        ),
    }
)

# Warnings: the file was imported, but not all of it could be read.
MESSAGES.update(
    {
        "warning.pdf.empty_page": M(
            en="page {pages} of {total} had no text layer and was skipped (scanned?); run OCR on the PDF to include it",
            nl="pagina {pages} van {total} had geen tekstlaag en is overgeslagen (gescand?); "
            "laat tekstherkenning (OCR) op de pdf los om die mee te nemen",
        ),
        "warning.pdf.empty_pages": M(
            en="pages {pages} of {total} had no text layer and were skipped (scanned?); "
            "run OCR on the PDF to include them",
            nl="pagina's {pages} van {total} hadden geen tekstlaag en zijn overgeslagen (gescand?); "
            "laat tekstherkenning (OCR) op de pdf los om ze mee te nemen",
        ),
        "warning.speakers.shared_short_form": M(
            en="the short form {form}: is given to {names} and {last}, so its turns are left as speaker {form}; rename or merge it",
            nl="de afkorting {form}: hoort bij {names} en {last}, dus de beurten ervan staan bij spreker {form}; "
            "hernoem of voeg samen",
        ),
        "warning.rtf.replaced": M(
            en="some characters could not be decoded as {codepage} and were replaced",
            nl="sommige tekens konden niet als {codepage} worden gelezen en zijn vervangen",
        ),
    }
)

# A file that appeared while a project was being written.
MESSAGES.update(
    {
        "problem.project.appeared": M(
            en="a file with this name appeared during the import",
            nl="er verscheen tijdens het importeren een bestand met deze naam",
        ),
        "problem.project.appeared_copy": M(
            en="a file with this name appeared while the copy was made",
            nl="er verscheen tijdens het maken van de kopie een bestand met deze naam",
        ),
        "problem.project.folder_not_file": M(
            en="is a folder, not a project file", nl="is een map, geen projectbestand"
        ),
    }
)
