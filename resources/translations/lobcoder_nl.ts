<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>ActionNames</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/undo.py" line="+35"/>
        <source>Apply code ‘{0}’ to %n passage(s)</source>
        <translation>
            <numerusform>Code ‘{0}’ toepassen op %n passage</numerusform>
            <numerusform>Code ‘{0}’ toepassen op %n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Apply code to %n passage(s)</source>
        <translation>
            <numerusform>Code toepassen op %n passage</numerusform>
            <numerusform>Code toepassen op %n passages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In-vivo code ‘{0}’</source>
        <translation>In-vivocode ‘{0}’</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Code %n search hit(s) with ‘{0}’</source>
        <translation>
            <numerusform>%n zoekresultaat coderen met ‘{0}’</numerusform>
            <numerusform>%n zoekresultaten coderen met ‘{0}’</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Code %n search hit(s)</source>
        <translation>
            <numerusform>%n zoekresultaat coderen</numerusform>
            <numerusform>%n zoekresultaten coderen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Remove %n coding(s)</source>
        <translation>
            <numerusform>%n codering verwijderen</numerusform>
            <numerusform>%n coderingen verwijderen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the code of a coding</source>
        <translation>Code van een codering wijzigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change coding boundaries</source>
        <translation>Grenzen van codering wijzigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit memo</source>
        <translation>Memo bewerken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create code ‘{0}’</source>
        <translation>Code ‘{0}’ aanmaken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete code ‘{0}’</source>
        <translation>Code ‘{0}’ verwijderen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit code</source>
        <translation>Code bewerken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move code</source>
        <translation>Code verplaatsen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge codes</source>
        <translation>Codes samenvoegen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Import codebook (%n code(s))</source>
        <translation>
            <numerusform>Codeboek importeren (%n code)</numerusform>
            <numerusform>Codeboek importeren (%n codes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Merge %n coding(s) from ‘{0}’</source>
        <translation>
            <numerusform>%n codering samenvoegen uit ‘{0}’</numerusform>
            <numerusform>%n coderingen samenvoegen uit ‘{0}’</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept suggestion ‘{0}’</source>
        <translation>Suggestie ‘{0}’ accepteren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestie accepteren</numerusform>
            <numerusform>%n suggesties accepteren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject suggestion ‘{0}’</source>
        <translation>Suggestie ‘{0}’ afwijzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename speaker ‘{0}’</source>
        <translation>Spreker ‘{0}’ hernoemen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename document ‘{0}’</source>
        <translation>Naam van document ‘{0}’ wijzigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge speakers into ‘{0}’</source>
        <translation>Sprekers samenvoegen tot ‘{0}’</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Mark %n speaker(s) as interviewer or respondent</source>
        <translation>
            <numerusform>%n spreker markeren als interviewer of respondent</numerusform>
            <numerusform>%n sprekers markeren als interviewer of respondent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Code %n speaker turn(s)</source>
        <translation>
            <numerusform>%n sprekersbeurt coderen</numerusform>
            <numerusform>%n sprekersbeurten coderen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recode ‘{0}’ as ‘{1}’</source>
        <translation>‘{0}’ hercoderen als ‘{1}’</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolve disagreement on ‘{0}’</source>
        <translation>Verschil over ‘{0}’ oplossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave out ‘{0}’ of the word frequencies</source>
        <translation>‘{0}’ weglaten uit de woordfrequenties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put back the left-out words ({0})</source>
        <translation>De weggelaten woorden terugzetten ({0})</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Give the turns of %n speaker(s) in this document to ‘{0}’</source>
        <translation>
            <numerusform>De beurten van %n spreker in dit document aan ‘{0}’ geven</numerusform>
            <numerusform>De beurten van %n sprekers in dit document aan ‘{0}’ geven</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
</context>
<context>
    <name>AgreementTab</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/agreement_tab.py" line="+51"/>
        <source>sentence</source>
        <translation>zin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>speaker turn</source>
        <translation>spreekbeurt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paragraph</source>
        <translation>alinea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>segment overlap</source>
        <translation>segmentoverlap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>character</source>
        <translation>teken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What a code is compared on: present or absent per unit, or matching segments</source>
        <translation>Waarop een code vergeleken wordt: aanwezig of afwezig per eenheid, of overeenkomende segmenten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Segment overlap: the share of a coding the other coder&apos;s coding must cover</source>
        <translation>Segmentoverlap: het deel van een codering dat de codering van de andere codeur moet bedekken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all measures</source>
        <translation>alle maten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohen&apos;s κ</source>
        <translation>Cohens κ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorffs α</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brennan-Prediger κ</source>
        <translation>Brennan-Prediger κ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gwet&apos;s AC1</source>
        <translation>Gwets AC1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coder A:</source>
        <translation>Codeur A:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coder B:</source>
        <translation>Codeur B:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit:</source>
        <translation>Eenheid:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overlap:</source>
        <translation>Overlap:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measure:</source>
        <translation>Maat:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a code to list its disagreements below</source>
        <translation>Kies een code om hieronder haar verschillen te zien</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Double-click a pair to compare its two coders and list their disagreements</source>
        <translation>Dubbelklik op een tweetal om de twee codeurs te vergelijken en hun verschillen te tonen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>all coders (Fleiss&apos; κ, α)</source>
        <translation>alle codeurs (Fleiss&apos; κ, α)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This project needs codings by two coders to compare.</source>
        <translation>Dit project heeft coderingen van twee codeurs nodig om te vergelijken.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose two different coders.</source>
        <translation>Kies twee verschillende codeurs.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Segment overlap compares two coders; choose coder B.</source>
        <translation>Segmentoverlap vergelijkt twee codeurs; kies codeur B.</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>agreement</source>
        <translation>overeenstemming</translation>
    </message>
</context>
<context>
    <name>AnalysisMenu</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/install.py" line="+32"/>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Analysis…</source>
        <translation>&amp;Analyse…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frequencies, co-occurrence, crosstabs and quotes of the codings</source>
        <translation>Frequenties, co-occurrentie, kruistabellen en citaten van de coderingen</translation>
    </message>
</context>
<context>
    <name>AnalysisTab</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/tab.py" line="+89"/>
        <source>Save the table as Word (.docx), Excel (.xlsx) or CSV</source>
        <translation>De tabel opslaan als Word (.docx), Excel (.xlsx) of CSV</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language of the exported table: its title, headings and notes</source>
        <translation>Taal van de geëxporteerde tabel: titel, kopjes en noten</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Could not compute this analysis: {0}</source>
        <translation>Deze analyse kon niet worden berekend: {0}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Word document (*.docx)</source>
        <translation>Word-document (*.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV-bestand (*.csv)</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Export table</source>
        <translation>Tabel exporteren</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporteren…</translation>
    </message>
    <message>
        <location line="+247"/>
        <source>Writing {0}…</source>
        <translation>{0} wordt geschreven…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>An export is running; Export… is available again when it has ended.</source>
        <translation>Er loopt een export; Exporteren… kan weer zodra die klaar is.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Pseudonymising…</source>
        <translation>Pseudonimiseren…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Saved {0}</source>
        <translation>{0} opgeslagen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export cancelled; {0} was not written.</source>
        <translation>Exporteren geannuleerd; {0} is niet geschreven.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write {0}:
{1}</source>
        <translation>{0} kon niet worden geschreven:
{1}</translation>
    </message>
</context>
<context>
    <name>AnalysisWindow</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/window.py" line="+85"/>
        <source>&amp;Frequencies</source>
        <translation>&amp;Frequenties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;o-occurrence</source>
        <translation>C&amp;o-occurrentie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;rosstab</source>
        <translation>&amp;Kruistabel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quotes</source>
        <translation>C&amp;itaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;greement</source>
        <translation>Overeen&amp;stemming</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Words</source>
        <translation>&amp;Woorden</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Reading the project…</source>
        <translation>Het project wordt gelezen…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Could not read the project: {0}</source>
        <translation>Het project kon niet worden gelezen: {0}</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Open a project to analyse its codings.</source>
        <translation>Open een project om de coderingen te analyseren.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n coding(s)</source>
        <translation>
            <numerusform>%n codering</numerusform>
            <numerusform>%n coderingen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>filter: {0}</source>
        <translation>filter: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no project open</source>
        <translation>geen project geopend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysis — {0}</source>
        <translation>Analyse — {0}</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../lobcoder/gui/background_task.py" line="+47"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{0}: cancelled; nothing was written.</source>
        <translation>{0}: geannuleerd; er is niets geschreven.</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../lobcoder/gui/backup_actions.py" line="+68"/>
        <source>No backup made: {0}</source>
        <translation>Geen reservekopie gemaakt: {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This project lies in a folder synchronised by {0}: sync tools can copy it half-written and lose work. Keep projects in a local folder.</source>
        <translation>Dit project staat in een map die {0} synchroniseert: synchronisatieprogramma&apos;s kunnen het half geschreven kopiëren en werk laten verloren gaan. Bewaar projecten in een lokale map.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Restore from backup</source>
        <translation>Terugzetten uit reservekopie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a project first.</source>
        <translation>Open eerst een project.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Restore to a new file</source>
        <translation>Terugzetten naar een nieuw bestand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lobcoder projects (*{0})</source>
        <translation>lobcoder-projecten (*{0})</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+37"/>
        <source>Cannot restore the backup</source>
        <translation>Kan de reservekopie niet terugzetten</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Restored the backup to {0}; the open project is unchanged.</source>
        <translation>Reservekopie teruggezet naar {0}; het geopende project is niet veranderd.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Replace the project</source>
        <translation>Project vervangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace {0} with the backup of {1}? Everything done since then is undone. The current state is backed up first, so this restore can itself be undone from this dialog.</source>
        <translation>{0} vervangen door de reservekopie van {1}? Alles wat sindsdien gedaan is, gaat verloren. Van de huidige toestand wordt eerst een reservekopie gemaakt, dus ook dit terugzetten kan in dit venster weer ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Restored the backup; the state before it is kept as {0}.</source>
        <translation>Reservekopie teruggezet; de toestand daarvoor is bewaard als {0}.</translation>
    </message>
</context>
<context>
    <name>ChecklistButton</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/filter_box.py" line="+54"/>
        <source>&amp;All</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;None</source>
        <translation>&amp;Geen</translation>
    </message>
</context>
<context>
    <name>CodeTreeModel</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/models/code_tree_model.py" line="+250"/>
        <source>%n document(s) with a coding of this code</source>
        <translation>
            <numerusform>%n document met een codering van deze code</numerusform>
            <numerusform>%n documenten met een codering van deze code</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n coding(s) with this code</source>
        <translation>
            <numerusform>%n codering met deze code</numerusform>
            <numerusform>%n coderingen met deze code</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <location line="+4"/>
        <source>%n including its sub-codes</source>
        <translation>
            <numerusform>%n inclusief de subcodes</numerusform>
            <numerusform>%n inclusief de subcodes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Codings</source>
        <translation>Cod.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Docs</source>
        <translation>Doc.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Codings of the code and its sub-codes (View → Count sub-codes in their parents)</source>
        <translation>Coderingen van de code en haar subcodes (Beeld → Subcodes meetellen bij hun bovenliggende code)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codings with exactly this code; in brackets, with its sub-codes</source>
        <translation>Coderingen met precies deze code; tussen haakjes met de subcodes erbij</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Documents with a coding of exactly this code; in brackets, with its sub-codes</source>
        <translation>Documenten met een codering van precies deze code; tussen haakjes met de subcodes erbij</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Documents coded with the code or a sub-code, each counted once</source>
        <translation>Documenten gecodeerd met de code of een subcode, elk één keer geteld</translation>
    </message>
</context>
<context>
    <name>CodebookActions</name>
    <message>
        <location filename="../../lobcoder/gui/codebook_actions.py" line="+44"/>
        <source>New sub-code</source>
        <translation>Nieuwe subcode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New code</source>
        <translation>Nieuwe code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the code:</source>
        <translation>Naam van de code:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Colour of ‘{0}’</source>
        <translation>Kleur van ‘{0}’</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Merge ‘{0}’ into…</source>
        <translation>‘{0}’ samenvoegen met…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete the code ‘{0}’?</source>
        <translation>De code ‘{0}’ verwijderen?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>This removes %n coding(s)</source>
        <translation>
            <numerusform>Hiermee verdwijnt %n codering</numerusform>
            <numerusform>Hiermee verdwijnen %n coderingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> and %n sub-code(s)</source>
        <translation>
            <numerusform> en %n subcode</numerusform>
            <numerusform> en %n subcodes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>. You can undo it with Ctrl+Z.</source>
        <translation>. U kunt dit ongedaan maken met Ctrl+Z.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete code</source>
        <translation>Code verwijderen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Memo on the code ‘{0}’</source>
        <translation>Memo bij de code ‘{0}’</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Memo on the document ‘{0}’</source>
        <translation>Memo bij het document ‘{0}’</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memo on the project</source>
        <translation>Memo bij het project</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <location filename="../../lobcoder/gui/codebook_editor.py" line="+45"/>
        <source>Codebook</source>
        <translation>Codeboek</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Filter codes</source>
        <translation>Codes filteren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the code means in this study</source>
        <translation>Wat de code in dit onderzoek betekent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code a passage when…</source>
        <translation>Codeer een passage als…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not code a passage when…</source>
        <translation>Codeer een passage niet als…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One example quote per line</source>
        <translation>Eén voorbeeldcitaat per regel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One Dutch keyword or phrase per line (used for suggestions)</source>
        <translation>Eén Nederlands trefwoord of zinsdeel per regel (voor de suggesties)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;olour:</source>
        <translation>&amp;Kleur:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Short &amp;description:</source>
        <translation>Korte &amp;beschrijving:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De&amp;finition:</source>
        <translation>&amp;Definitie:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Include when:</source>
        <translation>&amp;Opnemen als:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xclude when:</source>
        <translation>Niet opnemen &amp;als:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Examples:</source>
        <translation>&amp;Voorbeelden:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keywords:</source>
        <translation>&amp;Trefwoorden:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save changes</source>
        <translation>&amp;Wijzigingen opslaan</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Select a code to edit it.</source>
        <translation>Selecteer een code om die te bewerken.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n coding(s)</source>
        <translation>
            <numerusform>%n codering</numerusform>
            <numerusform>%n coderingen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>({0} with its sub-codes)</source>
        <translation>({0} met de subcodes erbij)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Colour</source>
        <translation>Kleur</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
</context>
<context>
    <name>CodebookExportDialog</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/codebook_export_dialog.py" line="+57"/>
        <source>Export codebook</source>
        <translation>Codeboek exporteren</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The &amp;whole codebook (%n code(s))</source>
        <translation>
            <numerusform>Het &amp;hele codeboek (%n code)</numerusform>
            <numerusform>Het &amp;hele codeboek (%n codes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&amp;Only ‘{0}’ and its sub-codes (%n code(s))</source>
        <translation>
            <numerusform>Alleen ‘{0}’ en de &amp;subcodes (%n code)</numerusform>
            <numerusform>Alleen ‘{0}’ en de &amp;subcodes (%n codes)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Only the selected code and its sub-codes (select a code first)</source>
        <translation>Alleen de &amp;geselecteerde code en de subcodes (selecteer eerst een code)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add the &amp;number of codings and documents per code</source>
        <translation>Het aantal coderingen en documenten per code toe&amp;voegen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Headings in:</source>
        <translation>&amp;Koppen in:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose &amp;file…</source>
        <translation>&amp;Bestand kiezen…</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Export:</source>
        <translation>Exporteren:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next you choose the file: a Word document (.docx) or Markdown (.md) to read and print, or a REFI-QDA codebook (.qdc) for ATLAS.ti, MAXQDA, NVivo or QualCoder. The counts appear only in Word and Markdown.</source>
        <translation>Daarna kiest u het bestand: een Word-document (.docx) of Markdown (.md) om te lezen en af te drukken, of een REFI-QDA-codeboek (.qdc) voor ATLAS.ti, MAXQDA, NVivo of QualCoder. De aantallen staan alleen in Word en Markdown.</translation>
    </message>
</context>
<context>
    <name>CodebookImportDialog</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/codebook_import_dialog.py" line="+57"/>
        <source>Import codebook</source>
        <translation>Codeboek importeren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Notes on the file&lt;/b&gt;</source>
        <translation>&lt;b&gt;Opmerkingen bij het bestand&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n new code(s)</source>
        <translation>
            <numerusform>%n nieuwe code</numerusform>
            <numerusform>%n nieuwe codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n bijgewerkt</numerusform>
            <numerusform>%n bijgewerkt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n ongewijzigd</numerusform>
            <numerusform>%n ongewijzigd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n skipped because of a conflict</source>
        <translation>
            <numerusform>%n overgeslagen vanwege een conflict</numerusform>
            <numerusform>%n overgeslagen vanwege een conflict</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n code</numerusform>
            <numerusform>%n codes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; holds {1}, written by {2}.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; bevat {1}, geschreven door {2}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; holds {1}.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; bevat {1}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to import: the project already has every code in this file as it is.</source>
        <translation>Niets te importeren: elke code in dit bestand staat al precies zo in het project.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes are matched by their identity (GUID), then by name under the same parent. Fields the file leaves empty are kept. The import is one action: Edit → Undo takes it back.</source>
        <translation>Codes worden gekoppeld op hun identiteit (GUID) en anders op naam onder dezelfde bovenliggende code. Velden die het bestand leeg laat, blijven zoals ze zijn. Het importeren is één actie: Bewerken → Ongedaan maken draait het terug.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>under ‘{0}’</source>
        <translation>onder ‘{0}’</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>at the top level</source>
        <translation>op het hoogste niveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Updated</source>
        <translation>Bijgewerkt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changes {0}</source>
        <translation>wijzigt {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Overgeslagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>recognised by its name</source>
        <translation>herkend aan de naam</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the name ‘{0}’ → ‘{1}’</source>
        <translation>de naam ‘{0}’ → ‘{1}’</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the colour {0} → {1}</source>
        <translation>de kleur {0} → {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the name</source>
        <translation>de naam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the colour</source>
        <translation>de kleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the description</source>
        <translation>de beschrijving</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the definition</source>
        <translation>de definitie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>when to include</source>
        <translation>opnemen als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>when to exclude</source>
        <translation>niet opnemen als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the examples</source>
        <translation>de voorbeelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keywords</source>
        <translation>de trefwoorden</translation>
    </message>
</context>
<context>
    <name>CoderPrompt</name>
    <message>
        <location filename="../../lobcoder/gui/coder_prompt.py" line="+38"/>
        <source>Who is coding?</source>
        <translation>Wie codeert er?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your codings are stored under this name. In a team each coder needs a name of their own: it tells the coders apart in agreement and merges.
You can change it later under View → Coder name…</source>
        <translation>Uw coderingen worden onder deze naam opgeslagen. In een team heeft elke codeur een eigen naam nodig: daaraan zijn de codeurs te onderscheiden bij overeenstemming en samenvoegen.
U kunt de naam later wijzigen via Beeld → Naam van de codeur…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../lobcoder/gui/dialogs/speakers_dialog.py" line="+240"/>
        <source>Not coded: choose a coder name first.</source>
        <translation>Niet gecodeerd: kies eerst een naam als codeur.</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <location filename="../../lobcoder/gui/coding_actions.py" line="+75"/>
        <location line="+34"/>
        <source>Select some text first, then choose a code.</source>
        <translation>Selecteer eerst tekst en kies dan een code.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Select the words to use as a code name.</source>
        <translation>Selecteer de woorden die de naam van de code worden.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Change code</source>
        <translation>Code wijzigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fit to selection</source>
        <translation>Aanpassen aan selectie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select the new text first.</source>
        <translation>Selecteer eerst de nieuwe tekst.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Code all hits</source>
        <translation>Alle treffers coderen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a code in the code tree first.</source>
        <translation>Selecteer eerst een code in de codeboom.</translation>
    </message>
</context>
<context>
    <name>CodingMargin</name>
    <message>
        <location filename="../../lobcoder/gui/transcript/margin.py" line="+367"/>
        <source>(unknown code)</source>
        <translation>(onbekende code)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coder: {0}</source>
        <translation>Codeur: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memo: {0}</source>
        <translation>Memo: {0}</translation>
    </message>
</context>
<context>
    <name>CodingPane</name>
    <message>
        <location filename="../../lobcoder/gui/coding_pane.py" line="+47"/>
        <source>Memo on this coding</source>
        <translation>Memo bij deze codering</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Change code…</source>
        <translation>&amp;Code wijzigen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit to se&amp;lection</source>
        <translation>Aanpassen aan &amp;selectie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set this coding&apos;s boundaries to the selected text</source>
        <translation>De grenzen van deze codering gelijkmaken aan de geselecteerde tekst</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click a coded passage or a bracket in the margin to see its coding.</source>
        <translation>Klik op een gecodeerde passage of op een haak in de marge om de codering te zien.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coder:</source>
        <translation>Codeur:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position:</source>
        <translation>Positie:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
</context>
<context>
    <name>CooccurrenceTab</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/cooccurrence_tab.py" line="+194"/>
        <source>overlapping codings</source>
        <translation>overlappende coderingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same sentence</source>
        <translation>dezelfde zin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>paragraphs</source>
        <translation>alinea&apos;s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same speaker turn</source>
        <translation>dezelfde beurt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same document</source>
        <translation>hetzelfde document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same participant</source>
        <translation>dezelfde deelnemer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at most </source>
        <translation>hooguit </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> apart</source>
        <translation> uit elkaar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0: the same paragraph; N: codes at most N paragraphs apart</source>
        <translation>0: dezelfde alinea; N: codes hooguit N alinea&apos;s uit elkaar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>count</source>
        <translation>aantal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>c-coefficient</source>
        <translation>c-coëfficiënt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share of the row code</source>
        <translation>aandeel van de rijcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share of the column code</source>
        <translation>aandeel van de kolomcode</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Count: units (or pairs of codings) with both codes. c-coefficient: n12 / (n1 + n2 − n12). Share: how often the other code occurs where this one does.</source>
        <translation>Aantal: eenheden (of paren coderingen) met beide codes. c-coëfficiënt: n12 / (n1 + n2 − n12). Aandeel: hoe vaak de andere code voorkomt waar deze code voorkomt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>codebook</source>
        <translation>codeboek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similarity</source>
        <translation>gelijkenis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Similarity puts codes that often occur together next to each other</source>
        <translation>Gelijkenis zet codes die vaak samen voorkomen naast elkaar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Include sub-codes</source>
        <translation>&amp;Met subcodes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hide unused codes</source>
        <translation>Ongebruikte codes &amp;verbergen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Unit:</source>
        <translation>Een&amp;heid:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Measure:</source>
        <translation>Maa&amp;t:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ord&amp;er:</source>
        <translation>Vol&amp;gorde:</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+223"/>
        <source>Select a cell to list the passages where both codes occur.</source>
        <translation>Kies een cel om de passages te zien waarin beide codes voorkomen.</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>Double-click or press Enter to show the passage in its document</source>
        <translation>Dubbelklik of druk op Enter om de passage in het document te tonen</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>code co-occurrence</source>
        <translation>co-occurrentie van codes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export matrix</source>
        <translation>Matrix exporteren</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>‘{0}’ with itself: the diagonal holds how often the code occurs.</source>
        <translation>‘{0}’ met zichzelf: de diagonaal geeft aan hoe vaak de code voorkomt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Looking for the passages of ‘{0}’ and ‘{1}’…</source>
        <translation>De passages van ‘{0}’ en ‘{1}’ worden gezocht…</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>‘{0}’ and ‘{1}’: %n passage(s)</source>
        <translation>
            <numerusform>‘{0}’ en ‘{1}’: %n passage</numerusform>
            <numerusform>‘{0}’ en ‘{1}’: %n passages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — double-click one to show it in its document</source>
        <translation> — dubbelklik op een passage om haar in het document te tonen</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source> (the cell counts %n pair(s) of overlapping codings; a passage that several coders coded alike is listed once, naming its coders)</source>
        <translation>
            <numerusform> (de cel telt %n paar overlappende coderingen; een passage die meerdere codeurs gelijk codeerden, staat er één keer, met haar codeurs)</numerusform>
            <numerusform> (de cel telt %n paren overlappende coderingen; een passage die meerdere codeurs gelijk codeerden, staat er één keer, met haar codeurs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source> (the cell counts %n participant(s); each of their documents is listed)</source>
        <translation>
            <numerusform> (de cel telt %n deelnemer; elk van diens documenten staat erin)</numerusform>
            <numerusform> (de cel telt %n deelnemers; elk van hun documenten staat erin)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> (the cell counts %n unit(s))</source>
        <translation>
            <numerusform> (de cel telt %n eenheid)</numerusform>
            <numerusform> (de cel telt %n eenheden)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not list the passages: {0}</source>
        <translation>De passages konden niet worden opgezocht: {0}</translation>
    </message>
</context>
<context>
    <name>CrosstabTab</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/crosstab_tab.py" line="+51"/>
        <source>Codes × attribute</source>
        <translation>Codes × attribuut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants × attribute</source>
        <translation>Deelnemers × attribuut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>codings</source>
        <translation>coderingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>documents</source>
        <translation>documenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>participants</source>
        <translation>deelnemers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>counts</source>
        <translation>aantallen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>row percentages</source>
        <translation>rijpercentages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column percentages</source>
        <translation>kolompercentages</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Include sub-codes</source>
        <translation>&amp;Met subcodes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Co&amp;unt:</source>
        <translation>&amp;Tel:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Codi&amp;ngs of:</source>
        <translation>Coderingen &amp;van:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attri&amp;bute:</source>
        <translation>Attri&amp;buut:</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>as</source>
        <translation>als</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This project has no attributes yet: import an attribute sheet to cross codes with them.</source>
        <translation>Dit project heeft nog geen attributen: importeer een attributenbestand om codes ermee te kruisen.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>crosstab {0}</source>
        <translation>kruistabel {0}</translation>
    </message>
</context>
<context>
    <name>DisagreementBrowser</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/disagreement_browser.py" line="+190"/>
        <source>Double-click or press Enter to show the passage in its document</source>
        <translation>Dubbelklik of druk op Enter om de passage in haar document te tonen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Keep &amp;both</source>
        <translation>&amp;Beide houden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Neither</source>
        <translation>&amp;Geen van beide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Show in document</source>
        <translation>&amp;Tonen in document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;ecode as</source>
        <translation>&amp;Hercoderen als</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the disputed code off this passage and code it with the chosen code instead</source>
        <translation>Haal de betwiste code van deze passage en codeer haar in plaats daarvan met de gekozen code</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record under consensus coder:</source>
        <translation>Vastleggen onder consensuscodeur:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the decision to this coder only and leave both coders&apos; codings (and the figures) as they are</source>
        <translation>Schrijf de beslissing alleen naar deze codeur en laat de coderingen van beide codeurs (en de cijfers) zoals ze zijn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consensus</source>
        <translation>Consensus</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+1"/>
        <source>Keep {0}</source>
        <translation>{0} houden</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Coded by {0}</source>
        <translation>Gecodeerd door {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n disagreement(s)</source>
        <translation>
            <numerusform>%n verschil</numerusform>
            <numerusform>%n verschillen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>{0}: coded here</source>
        <translation>{0}: hier gecodeerd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0}: not coded here</source>
        <translation>{0}: hier niet gecodeerd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other codes here: {0}</source>
        <translation>Andere codes hier: {0}</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <location line="-189"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{0} coded this passage with another code</source>
        <translation>{0} codeerde deze passage met een andere code</translation>
    </message>
</context>
<context>
    <name>DocumentRemoval</name>
    <message>
        <location filename="../../lobcoder/gui/document_removal_actions.py" line="+55"/>
        <source>Re&amp;move document…</source>
        <translation>Document &amp;verwijderen…</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+7"/>
        <location line="+24"/>
        <location line="+8"/>
        <source>Remove document</source>
        <translation>Document verwijderen</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Choose a document in the list first.</source>
        <translation>Kies eerst een document in de lijst.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Remove “{0}” from the project?

Its %n coding(s), its memos and speaker turns go with it. A backup of the project is made first; Undo cannot bring the document back.</source>
        <translation>
            <numerusform>“{0}” uit het project verwijderen?

De %n codering, de memo&apos;s en de sprekersbeurten gaan mee. Eerst wordt een reservekopie van het project gemaakt; Ongedaan maken brengt het document niet terug.</numerusform>
            <numerusform>“{0}” uit het project verwijderen?

De %n coderingen, de memo&apos;s en de sprekersbeurten gaan mee. Eerst wordt een reservekopie van het project gemaakt; Ongedaan maken brengt het document niet terug.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Backing up the project, then removing “{0}”…</source>
        <translation>Reservekopie van het project maken, dan “{0}” verwijderen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{0}” was removed. It can be brought back from the backup made just before (File ▸ Restore from backup…, {1}).</source>
        <translation>“{0}” is verwijderd. U kunt het terughalen uit de reservekopie die vlak daarvoor is gemaakt (Bestand ▸ Terugzetten uit reservekopie…, {1}).</translation>
    </message>
</context>
<context>
    <name>DocumentRename</name>
    <message>
        <location filename="../../lobcoder/gui/document_rename_actions.py" line="+34"/>
        <source>Re&amp;name document…</source>
        <translation>Naam van document &amp;wijzigen…</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+6"/>
        <location line="+27"/>
        <source>Rename document</source>
        <translation>Naam van document wijzigen</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Choose a document in the list first.</source>
        <translation>Kies eerst een document in de lijst.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New name for “{0}”:</source>
        <translation>Nieuwe naam voor “{0}”:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rename</source>
        <translation>Naam &amp;wijzigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Renamed “{0}” to “{1}”.</source>
        <translation>“{0}” heet nu “{1}”.</translation>
    </message>
</context>
<context>
    <name>DocumentTreeModel</name>
    <message>
        <location filename="../../lobcoder/gui/models/document_tree_model.py" line="+247"/>
        <source>No participant</source>
        <translation>Geen deelnemer</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documenten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no participant</source>
        <translation>geen deelnemer</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{0} — {1} characters, {2} turns
{3} of the text coded, %n coding(s)</source>
        <translation>
            <numerusform>{0} — {1} tekens, {2} beurten
{3} van de tekst gecodeerd, %n codering</numerusform>
            <numerusform>{0} — {1} tekens, {2} beurten
{3} van de tekst gecodeerd, %n coderingen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wave</source>
        <translation>Ronde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coded</source>
        <translation>Gecodeerd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the text covered by codings · number of codings</source>
        <translation>Deel van de tekst met coderingen · aantal coderingen</translation>
    </message>
</context>
<context>
    <name>EntityModel</name>
    <message>
        <location filename="../../lobcoder/gui/pseudonymise/entity_model.py" line="+33"/>
        <source>person</source>
        <translation>persoon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>school</source>
        <translation>school</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>organisation</source>
        <translation>organisatie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>place</source>
        <translation>plaats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>age</source>
        <translation>leeftijd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>telefoon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web address</source>
        <translation>webadres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSN</source>
        <translation>BSN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>number</source>
        <translation>nummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>overig</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found</source>
        <translation>Gevonden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occurrences</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pseudonym</source>
        <translation>Pseudoniem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidence</source>
        <translation>Zekerheid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found by</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>project</source>
        <translation>project</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>term list</source>
        <translation>termenlijst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you</source>
        <translation>u</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pattern</source>
        <translation>patroon</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Short form of {0}: untick it if it is an ordinary word here.</source>
        <translation>Korte vorm van {0}: vink hem uit als het hier een gewoon woord is.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Short form of more than one name ({0}): give it a pseudonym and tick it only if you know who is meant.</source>
        <translation>Korte vorm van meer dan één naam ({0}): geef een pseudoniem en vink aan alleen als u weet wie bedoeld is.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also written: {0}</source>
        <translation>Ook geschreven als: {0}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>short form of {0}</source>
        <translation>korte vorm van {0}</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../../lobcoder/gui/exchange_actions.py" line="+75"/>
        <source>lobcoder projects (*{0})</source>
        <translation>lobcoder-projecten (*{0})</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+47"/>
        <location line="+25"/>
        <location line="+28"/>
        <source>Export codebook</source>
        <translation>Codeboek exporteren</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>The project has no codes yet.</source>
        <translation>Het project heeft nog geen codes.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Word document (*.docx)</source>
        <translation>Word-document (*.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>REFI-QDA-codeboek (*.qdc)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>codebook</source>
        <translation>codeboek</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Cannot export the codebook</source>
        <translation>Codeboek kan niet worden geëxporteerd</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Exported %n code(s) to {0}</source>
        <translation>
            <numerusform>%n code geëxporteerd naar {0}</numerusform>
            <numerusform>%n codes geëxporteerd naar {0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+69"/>
        <source>Import codebook</source>
        <translation>Codeboek importeren</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>REFI-QDA codebooks (*.qdc);;All files (*)</source>
        <translation>REFI-QDA-codeboeken (*.qdc);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot import the codebook</source>
        <translation>Codeboek kan niet worden geïmporteerd</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%n new code(s)</source>
        <translation>
            <numerusform>%n nieuwe code</numerusform>
            <numerusform>%n nieuwe codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n bijgewerkt</numerusform>
            <numerusform>%n bijgewerkt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codebook imported: {0}, {1}</source>
        <translation>Codeboek geïmporteerd: {0}, {1}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New project from research codebook</source>
        <translation>Nieuw project met onderzoekscodeboek</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The project starts with lobcoder&apos;s research codebook on career guidance (LOB): four themes and their sub-codes, %n code(s) in all, each with a definition, criteria and examples.

Language of the codebook:</source>
        <translation>
            <numerusform>Het project begint met het onderzoekscodeboek van lobcoder over loopbaanoriëntatie en -begeleiding (LOB): vier thema&apos;s met hun subcodes, %n code in totaal, elk met een definitie, criteria en voorbeelden.

Taal van het codeboek:</numerusform>
            <numerusform>Het project begint met het onderzoekscodeboek van lobcoder over loopbaanoriëntatie en -begeleiding (LOB): vier thema&apos;s met hun subcodes, %n codes in totaal, elk met een definitie, criteria en voorbeelden.

Taal van het codeboek:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+29"/>
        <location line="+30"/>
        <location line="+11"/>
        <source>Export project as REFI-QDA</source>
        <translation>Project exporteren als REFI-QDA</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>The whole project (documents, codes, codings, memos, participants and attributes) as one REFI-QDA file that ATLAS.ti, MAXQDA, NVivo and QualCoder can open.</source>
        <translation>Het hele project (documenten, codes, coderingen, memo&apos;s, deelnemers en attributen) als één REFI-QDA-bestand dat ATLAS.ti, MAXQDA, NVivo en QualCoder kunnen openen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>REFI-QDA-projecten (*.qdpx)</translation>
    </message>
    <message>
        <location line="-179"/>
        <location line="+191"/>
        <source>Pseudonymising and writing {0}…</source>
        <translation>{0} wordt gepseudonimiseerd en geschreven…</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Another task is still running; import the codebook again when it has finished.</source>
        <translation>Er loopt nog een andere taak; importeer het codeboek opnieuw als die klaar is.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backing up the project first…</source>
        <translation>Eerst wordt een back-up van het project gemaakt…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adding the codes…</source>
        <translation>De codes worden toegevoegd…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Importing {0}…</source>
        <translation>{0} wordt geïmporteerd…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing the codebook…</source>
        <translation>Het codeboek wordt geïmporteerd…</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Writing {0}…</source>
        <translation>{0} wordt geschreven…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Project exported</source>
        <translation>Project geëxporteerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The project was exported to {0}</source>
        <translation>Het project is geëxporteerd naar {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported the project to {0}</source>
        <translation>Project geëxporteerd naar {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import REFI-QDA project</source>
        <translation>REFI-QDA-project importeren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>REFI-QDA projects (*.qdpx);;All files (*)</source>
        <translation>REFI-QDA-projecten (*.qdpx);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the imported project as</source>
        <translation>Het geïmporteerde project opslaan als</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading {0}…</source>
        <translation>{0} wordt gelezen…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Project imported</source>
        <translation>Project geïmporteerd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created {0} from {1}</source>
        <translation>{0} aangemaakt uit {1}</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n code</numerusform>
            <numerusform>%n codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+16"/>
        <source>%n coding(s)</source>
        <translation>
            <numerusform>%n codering</numerusform>
            <numerusform>%n coderingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-15"/>
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n deelnemer</numerusform>
            <numerusform>%n deelnemers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n memo(s)</source>
        <translation>
            <numerusform>%n memo</numerusform>
            <numerusform>%n memo&apos;s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n code set(s)</source>
        <translation>
            <numerusform>%n codeset</numerusform>
            <numerusform>%n codesets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n graph(s)</source>
        <translation>
            <numerusform>%n diagram</numerusform>
            <numerusform>%n diagrammen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n selection(s)</source>
        <translation>
            <numerusform>%n selectie</numerusform>
            <numerusform>%n selecties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n bron</numerusform>
            <numerusform>%n bronnen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n notitie</numerusform>
            <numerusform>%n notities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n attribute value(s)</source>
        <translation>
            <numerusform>%n attribuutwaarde</numerusform>
            <numerusform>%n attribuutwaarden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n koppeling</numerusform>
            <numerusform>%n koppelingen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not taken over: {0}</source>
        <translation>Niet overgenomen: {0}</translation>
    </message>
</context>
<context>
    <name>ExchangeReportDialog</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/exchange_report_dialog.py" line="+41"/>
        <source>What had to be repaired or left out:</source>
        <translation>Wat hersteld of weggelaten moest worden:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing had to be left out.</source>
        <translation>Er hoefde niets te worden weggelaten.</translation>
    </message>
</context>
<context>
    <name>ExportChoicesDialog</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/export_choices_dialog.py" line="+50"/>
        <source>&amp;Word (.docx), speaker names in bold</source>
        <translation>&amp;Word (.docx), namen van sprekers vet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain &amp;text (.txt, UTF-8)</source>
        <translation>Platte &amp;tekst (.txt, UTF-8)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&amp;All documents (%n)</source>
        <translation>
            <numerusform>Alle &amp;documenten (%n)</numerusform>
            <numerusform>Alle &amp;documenten (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Only ‘{0}’</source>
        <translation>A&amp;lleen ‘{0}’</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Only the open document</source>
        <translation>A&amp;lleen het geopende document</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Format:</source>
        <translation>Formaat:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents:</source>
        <translation>Documenten:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose &amp;folder…</source>
        <translation>&amp;Map kiezen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose &amp;file…</source>
        <translation>&amp;Bestand kiezen…</translation>
    </message>
</context>
<context>
    <name>ExportRun</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/export_run.py" line="+50"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message>
        <location filename="../../lobcoder/gui/failures.py" line="+34"/>
        <source>Action not carried out</source>
        <translation>Actie niet uitgevoerd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>‘{0}’ stopped: an unexpected error occurred in lobcoder (not a problem with your files). The details help to report it.</source>
        <translation>‘{0}’ is gestopt: er trad een onverwachte fout op in lobcoder (geen probleem met uw bestanden). De details helpen om de fout te melden.</translation>
    </message>
</context>
<context>
    <name>FilterBox</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/filter_box.py" line="+168"/>
        <source>Leave out codings that lie entirely inside what the interviewer says</source>
        <translation>Coderingen weglaten die helemaal binnen de woorden van de interviewer vallen</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Leave out interviewer turns</source>
        <translation>Beurten van de interviewer weg&amp;laten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rese&amp;t</source>
        <translation>He&amp;rstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look at all documents and codings again</source>
        <translation>Weer alle documenten en coderingen bekijken</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>coders: {0}</source>
        <translation>codeurs: {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documenten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>without interviewer turns</source>
        <translation>zonder beurten van de interviewer</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Attributes: {0}</source>
        <translation>&amp;Attributen: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Attributes: all</source>
        <translation>&amp;Attributen: alle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Coders: all</source>
        <translation>&amp;Codeurs: alle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Coders: {0} of {1}</source>
        <translation>&amp;Codeurs: {0} van {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Documents: all</source>
        <translation>&amp;Documenten: alle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Documents: {0} of {1}</source>
        <translation>&amp;Documenten: {0} van {1}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../lobcoder/gui/transcript/find_bar.py" line="+57"/>
        <source>Find in document</source>
        <translation>Zoeken in document</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorige treffer (Shift+Enter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next match (Enter)</source>
        <translation>Volgende treffer (Enter)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close (Escape)</source>
        <translation>Sluiten (Escape)</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>No matches</source>
        <translation>Geen treffers</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n treffer</numerusform>
            <numerusform>%n treffers</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of {1}</source>
        <translation>{0} van {1}</translation>
    </message>
</context>
<context>
    <name>FrequenciesTab</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/frequencies_tab.py" line="+52"/>
        <source>&amp;Include sub-codes</source>
        <translation>&amp;Met subcodes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count a code together with its sub-codes (a document or participant counted once)</source>
        <translation>Een code samen met de subcodes tellen (een document of deelnemer telt één keer)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Split each column again by a second attribute, e.g. per school its waves</source>
        <translation>Splits elke kolom nog eens op een tweede kenmerk, bijv. per school de rondes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>% of documents</source>
        <translation>% van de documenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>codings</source>
        <translation>coderingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>documents</source>
        <translation>documenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>participants</source>
        <translation>deelnemers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% of participants</source>
        <translation>% van de deelnemers</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Split &amp;by:</source>
        <translation>&amp;Uitsplitsen naar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the&amp;n</source>
        <translation>da&amp;n</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;showing</source>
        <translation>me&amp;t</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hart:</source>
        <translation>&amp;Grafiek:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <location line="+39"/>
        <location line="+3"/>
        <source>nothing</source>
        <translation>niets</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+41"/>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No document is linked to a participant, so there is nothing to count per participant.</source>
        <translation>Geen enkel document is aan een deelnemer gekoppeld, dus er valt per deelnemer niets te tellen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>code frequencies</source>
        <translation>codefrequenties</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/import_dialog.py" line="+140"/>
        <source>Import documents</source>
        <translation>Documenten importeren</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+70"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Files to import</source>
        <translation>Te importeren bestanden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attribute sheet (optional)</source>
        <translation>Attributenbestand (optioneel)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Add &amp;files…</source>
        <translation>&amp;Bestanden toevoegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add f&amp;older…</source>
        <translation>&amp;Map toevoegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Store the document information at the top as document attributes</source>
        <translation>De documentinformatie bovenaan &amp;opslaan als documentattributen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lines such as ‘Datum: 12-03-2025’ and ‘School: ROC Oost’ above the transcript become attributes of the document (Datum, School).</source>
        <translation>Regels zoals ‘Datum: 12-03-2025’ en ‘School: ROC Oost’ boven het transcript worden attributen van het document (Datum, School).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Files that need attention</source>
        <translation>Bestanden die aandacht nodig hebben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Ready</source>
        <translation>Gereed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsupported file type</source>
        <translation>Bestandstype wordt niet ondersteund</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose transcripts</source>
        <translation>Transcripten kiezen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transcripts ({0});;All files (*)</source>
        <translation>Transcripten ({0});;Alle bestanden (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a folder</source>
        <translation>Een map kiezen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Select a file to preview its speakers.</source>
        <translation>Selecteer een bestand om de sprekers te bekijken.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Correct the speaker pattern to see the preview.</source>
        <translation>Verbeter het sprekerpatroon om het voorbeeld te zien.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading {0}…</source>
        <translation>{0} wordt gelezen…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot be read: {0}</source>
        <translation>Kan niet worden gelezen: {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n speaker(s)</source>
        <translation>
            <numerusform>%n spreker</numerusform>
            <numerusform>%n sprekers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n beurt</numerusform>
            <numerusform>%n beurten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No turns</source>
        <translation>Geen beurten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Correct the speaker pattern first.</source>
        <translation>Verbeter eerst het sprekerpatroon.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attribute sheet cannot be used; remove it or choose another.</source>
        <translation>Het attributenbestand is niet bruikbaar; verwijder het of kies een ander.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add files or a folder to import.</source>
        <translation>Voeg bestanden of een map toe om te importeren.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n file(s) to import.</source>
        <translation>
            <numerusform>%n bestand te importeren.</numerusform>
            <numerusform>%n bestanden te importeren.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Starting the import…</source>
        <translation>Het importeren begint…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Importing {0} of {1}: {2}</source>
        <translation>Bezig met importeren, {0} van {1}: {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applying the attribute sheet…</source>
        <translation>Het attributenbestand wordt toegepast…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelling after the current file; the files imported so far are kept.</source>
        <translation>Stopt na het huidige bestand; de al geïmporteerde bestanden blijven bewaard.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The import stopped because of an error</source>
        <translation>Het importeren is door een fout gestopt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The import was cancelled</source>
        <translation>Het importeren is afgebroken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The import is complete</source>
        <translation>Het importeren is voltooid</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported: {0} · Duplicates skipped: {1} · Failed: {2}</source>
        <translation>Geïmporteerd: {0} · Dubbele overgeslagen: {1} · Mislukt: {2}</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The %n file(s) imported before you cancelled are kept in the project; the files not started are listed below.</source>
        <translation>
            <numerusform>Het %n bestand dat vóór het afbreken is geïmporteerd, blijft in het project; de bestanden waaraan niet is begonnen, staan hieronder.</numerusform>
            <numerusform>De %n bestanden die vóór het afbreken zijn geïmporteerd, blijven in het project; de bestanden waaraan niet is begonnen, staan hieronder.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The import stopped at ‘{0}’: {1}. The files imported before it are kept in the project.</source>
        <translation>De import stopte bij ‘{0}’: {1}. De bestanden die ervoor zijn geïmporteerd, blijven in het project.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Error: {0}</source>
        <translation>Fout: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document information at the top of the transcripts, stored as attributes:</source>
        <translation>De documentinformatie bovenaan de transcripten, opgeslagen als attributen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The document information was not stored as attributes: {0}</source>
        <translation>De documentinformatie is niet als attributen opgeslagen: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The attribute sheet was not applied: {0}</source>
        <translation>Het attributenbestand is niet toegepast: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The attribute sheet was not applied because the import was cancelled.</source>
        <translation>Het attributenbestand is niet toegepast, omdat het importeren is afgebroken.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the same text as the document ‘{0}’, already in the project</source>
        <translation>dezelfde tekst als het document ‘{0}’ dat al in het project staat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate</source>
        <translation>Dubbel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the import was cancelled before this file</source>
        <translation>het importeren is vóór dit bestand afgebroken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not started</source>
        <translation>Niet begonnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported, with a warning</source>
        <translation>Geïmporteerd, met een waarschuwing</translation>
    </message>
</context>
<context>
    <name>KeywordsModel</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/keywords_view.py" line="+43"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Ervoor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Word</source>
        <translation>Woord</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Erna</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Characters {0} to {1} of {2}</source>
        <translation>Tekens {0} tot {1} van {2}</translation>
    </message>
</context>
<context>
    <name>LeakBox</name>
    <message>
        <location filename="../../lobcoder/gui/pseudonymise/leak_box.py" line="+51"/>
        <source>A name that is also a word opens a sentence here and was kept as the word. Check that each place is not the name before you share it:</source>
        <translation>Een naam die ook een woord is, opent hier een zin en is als woord behouden. Controleer op elke plek dat het niet de naam is voordat u het deelt:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These accepted names or short forms are still in it. Look at each place before you share it:</source>
        <translation>Deze geaccepteerde namen of korte vormen staan er nog in. Bekijk elke plek voordat u het deelt:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>… and {0} more</source>
        <translation>… en nog {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No accepted name or short form of one was found in it.</source>
        <translation>Er is geen geaccepteerde naam of korte vorm daarvan in gevonden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A name no one accepted is not looked for: read it before you share it.</source>
        <translation>Naar een naam die niemand heeft geaccepteerd, wordt niet gezocht: lees het voordat u het deelt.</translation>
    </message>
</context>
<context>
    <name>LeftoverCheck</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/leftover_check.py" line="+44"/>
        <source>… and %n more file(s)</source>
        <translation>
            <numerusform>… en nog %n bestand</numerusform>
            <numerusform>… en nog %n bestanden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <source>Leftover files</source>
        <translation>Achtergebleven bestanden</translation>
    </message>
    <message numerus="yes">
        <location line="-27"/>
        <source>An interrupted import or copy left %n file(s) ({0}) beside this project. They are not part of any project and can be removed.</source>
        <translation>
            <numerusform>Een onderbroken import of kopie liet %n bestand ({0}) naast dit project achter. Het hoort bij geen enkel project en kan weg.</numerusform>
            <numerusform>Een onderbroken import of kopie liet %n bestanden ({0}) naast dit project achter. Ze horen bij geen enkel project en kunnen weg.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In {0}:</source>
        <translation>In {0}:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove them now?</source>
        <translation>Nu verwijderen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clean</source>
        <translation>&amp;Opruimen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep</source>
        <translation>&amp;Bewaren</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n file(s) could not be removed (check the folder&apos;s permissions).</source>
        <translation>
            <numerusform>%n bestand kon niet worden verwijderd (controleer de rechten op de map).</numerusform>
            <numerusform>%n bestanden konden niet worden verwijderd (controleer de rechten op de map).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Removed %n leftover file(s).</source>
        <translation>
            <numerusform>%n achtergebleven bestand verwijderd.</numerusform>
            <numerusform>%n achtergebleven bestanden verwijderd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lobcoder/gui/main_window.py" line="+122"/>
        <source>Filter documents</source>
        <translation>Documenten filteren</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Filter codes</source>
        <translation>Codes filteren</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes</source>
        <translation>Codes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selected coding</source>
        <translation>Geselecteerde codering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coded segments</source>
        <translation>Gecodeerde fragmenten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Search project</source>
        <translation>Project doorzoeken</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>no project open</source>
        <translation>geen project geopend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} (read-only)</source>
        <translation>{0} (alleen-lezen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lobcoder — {0}</source>
        <translation>lobcoder — {0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No project is open.

File → New project… starts one, File → Open project… opens one, and File → Open the demo project shows lobcoder with coded example interviews.</source>
        <translation>Er is geen project geopend.

Bestand → Nieuw project… begint er een, Bestand → Project openen… opent er een en Bestand → Het demoproject openen laat lobcoder zien met gecodeerde voorbeeldinterviews.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This project has no documents yet.

File → Import documents… adds interview transcripts (.docx, .txt, .odt, .rtf, .pdf and more).</source>
        <translation>Dit project heeft nog geen documenten.

Bestand → Documenten importeren… voegt interviewtranscripten toe (.docx, .txt, .odt, .rtf, .pdf en meer).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a document in the list on the left to read and code it.</source>
        <translation>Kies links een document in de lijst om het te lezen en te coderen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot open project</source>
        <translation>Project kan niet worden geopend</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Action not carried out</source>
        <translation>Actie niet uitgevoerd</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} (not chosen yet)</source>
        <translation>{0} (nog niet gekozen)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n code(s)</source>
        <translation>
            <numerusform>%n code</numerusform>
            <numerusform>%n codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n coding(s)</source>
        <translation>
            <numerusform>%n codering</numerusform>
            <numerusform>%n coderingen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>coder: {0}</source>
        <translation>codeur: {0}</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Select a code to list its coded segments.</source>
        <translation>Selecteer een code om de gecodeerde fragmenten te zien.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>‘{0}’: %n segment(s)</source>
        <translation>
            <numerusform>‘{0}’: %n fragment</numerusform>
            <numerusform>‘{0}’: %n fragmenten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <location filename="../../lobcoder/gui/memo_dialog.py" line="+15"/>
        <source>Write down ideas, decisions and questions; the memo is saved in the project.</source>
        <translation>Noteer ideeën, besluiten en vragen; de memo wordt in het project bewaard.</translation>
    </message>
</context>
<context>
    <name>MenuActions</name>
    <message>
        <location filename="../../lobcoder/gui/menus.py" line="+38"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;oding</source>
        <translation>C&amp;oderen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;des</source>
        <translation>Co&amp;des</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>B&amp;eeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Recent geopend</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;About lobcoder</source>
        <translation>&amp;Over lobcoder</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;New project…</source>
        <translation>&amp;Nieuw project…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open project…</source>
        <translation>Project &amp;openen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the &amp;demo project</source>
        <translation>Het &amp;demoproject openen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New project from research code&amp;book…</source>
        <translation>Nieuw project met onderzoeks&amp;codeboek…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import documents…</source>
        <translation>Documenten &amp;importeren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Speakers…</source>
        <translation>Sprekers &amp;beheren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import REFI-QDA &amp;project (.qdpx)…</source>
        <translation>REFI-QDA-&amp;project importeren (.qdpx)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export project as REFI-QDA (.qdpx)…</source>
        <translation>Project &amp;exporteren als REFI-QDA (.qdpx)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export &amp;transcripts (.docx, .txt)…</source>
        <translation>&amp;Transcripten exporteren (.docx, .txt)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pse&amp;udonymise…</source>
        <translation>Pse&amp;udonimiseren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prepare a cop&amp;y for a second coder…</source>
        <translation>&amp;Kopie maken voor een tweede codeur…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Merge coding from another project…</source>
        <translation>Coderingen uit een ander project samen&amp;voegen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore from bac&amp;kup…</source>
        <translation>Terug&amp;zetten uit reservekopie…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close project</source>
        <translation>Project &amp;sluiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>lobcoder projects (*{0})</source>
        <translation>lobcoder-projecten (*{0})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New project</source>
        <translation>Nieuw project</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open project</source>
        <translation>Project openen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <location line="+12"/>
        <source>Open or create a project first.</source>
        <translation>Open of maak eerst een project.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pseudonymise</source>
        <translation>Pseudonimiseren</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+32"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+33"/>
        <source>&amp;Redo</source>
        <translation>Opnie&amp;uw</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>&amp;Find in document</source>
        <translation>&amp;Zoeken in document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search all documents</source>
        <translation>&amp;Alle documenten doorzoeken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Project memo…</source>
        <translation>&amp;Projectmemo…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Document memo…</source>
        <translation>&amp;Documentmemo…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&amp;Apply selected code</source>
        <translation>Geselecteerde code toe&amp;passen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quick code…</source>
        <translation>&amp;Snel coderen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In-&amp;vivo code</source>
        <translation>In-&amp;vivocode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Snap selection to</source>
        <translation>Selectie &amp;uitbreiden tot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole &amp;words</source>
        <translation>Hele &amp;woorden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The &amp;sentence</source>
        <translation>De &amp;zin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The speaker &amp;turn</source>
        <translation>De spreker&amp;beurt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove selected coding</source>
        <translation>Geselecteerde codering ve&amp;rwijderen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Code&amp;book editor…</source>
        <translation>Code&amp;boek bewerken…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export codebook…</source>
        <translation>Codeboek &amp;exporteren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import codebook…</source>
        <translation>Codeboek &amp;importeren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New code…</source>
        <translation>&amp;Nieuwe code…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;sub-code…</source>
        <translation>Nieuwe &amp;subcode…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rename</source>
        <translation>Naam &amp;wijzigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Colour…</source>
        <translation>&amp;Kleur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge into…</source>
        <translation>Samenvoe&amp;gen met…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete code…</source>
        <translation>Code &amp;verwijderen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code mem&amp;o…</source>
        <translation>Code&amp;memo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pin to key</source>
        <translation>Aan &amp;toets koppelen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Show &amp;all codes in the text</source>
        <translation>&amp;Alle codes in de tekst tonen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Count sub-codes in their &amp;parents</source>
        <translation>Subcodes meetellen bij hun &amp;bovenliggende code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The code tree counts a code&apos;s codings and documents with its sub-codes</source>
        <translation>De codeboom telt de coderingen en documenten van een code samen met die van haar subcodes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Selected coding and coded se&amp;gments</source>
        <translation>Geselecteerde codering en gecodeerde &amp;fragmenten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide the right pane to give the transcript more room</source>
        <translation>Verberg het rechterpaneel om het transcript meer ruimte te geven</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sea&amp;rch project</source>
        <translation>Project &amp;doorzoeken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Coder name…</source>
        <translation>Naam van de &amp;codeur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System default</source>
        <translation>Systeemstandaard</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Coder name</source>
        <translation>Naam van de codeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New codings are recorded under:</source>
        <translation>Nieuwe coderingen worden vastgelegd onder:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The new language is used from the next start of lobcoder.</source>
        <translation>De nieuwe taal wordt gebruikt vanaf de volgende start van lobcoder.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About lobcoder</source>
        <translation>Over lobcoder</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>lobcoder {0}
Qualitative coding of interview transcripts.</source>
        <translation>lobcoder {0}
Kwalitatief coderen van interviewtranscripten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dutch pipeline: offline, switched on by {0}.</source>
        <translation>Nederlandse pipeline: offline, ingeschakeld door {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dutch pipeline: {0}, with trained lemmas and sentence boundaries.</source>
        <translation>Nederlandse pipeline: {0}, met getrainde lemma&apos;s en zinsgrenzen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dutch pipeline: offline, with lookup lemmas ({0} is not installed).</source>
        <translation>Nederlandse pipeline: offline, met opzoeklemma&apos;s ({0} is niet geïnstalleerd).</translation>
    </message>
</context>
<context>
    <name>MergePreviewDialog</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/merge_preview_dialog.py" line="+34"/>
        <source>Merge coding from another project</source>
        <translation>Coderingen uit een ander project samenvoegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merging {0} into this project</source>
        <translation>{0} samenvoegen in dit project</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The project changed since the preview you saw, so nothing was merged. Below is the preview for the project as it is now; Apply merges this.</source>
        <translation>Het project is veranderd sinds het voorbeeld dat u zag, dus er is niets samengevoegd. Hieronder staat het voorbeeld voor het project zoals het nu is; Toepassen voegt dit samen.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>&lt;b&gt;%n conflict(s)&lt;/b&gt;, each with the choice lobcoder made:</source>
        <translation>
            <numerusform>&lt;b&gt;%n conflict&lt;/b&gt;, met de keuze die lobcoder maakte:</numerusform>
            <numerusform>&lt;b&gt;%n conflicten&lt;/b&gt;, elk met de keuze die lobcoder maakte:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No conflicts: every document, code and coder matched cleanly.</source>
        <translation>Geen conflicten: elk document, elke code en elke codeur is zonder twijfel gekoppeld.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This project already has everything in that file; there is nothing to merge.</source>
        <translation>Dit project heeft alles uit dat bestand al; er valt niets samen te voegen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apply makes a backup, then adds all of this as one step: Edit → Undo takes the whole merge back.</source>
        <translation>Toepassen maakt eerst een reservekopie en voegt dit daarna in één stap toe: Bewerken → Ongedaan maken draait de hele samenvoeging terug.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Apply</source>
        <translation>&amp;Toepassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save report…</source>
        <translation>Verslag op&amp;slaan…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The whole report:</source>
        <translation>Het hele verslag:</translation>
    </message>
</context>
<context>
    <name>PassageModel</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/cooccurrence_tab.py" line="-383"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paragraph</source>
        <translation>Alinea</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coders</source>
        <translation>Codeurs</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Characters {0} to {1} of the document</source>
        <translation>Tekens {0} tot {1} van het document</translation>
    </message>
</context>
<context>
    <name>PassagePreview</name>
    <message>
        <location line="+10"/>
        <source>The selected passage is shown here in full.</source>
        <translation>De gekozen passage staat hier in zijn geheel.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/import_preview.py" line="+304"/>
        <location line="+1"/>
        <source>Speaker</source>
        <translation>Spreker</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Turns</source>
        <translation>Beurten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words</source>
        <translation>Woorden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interviewer</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select a file to preview its speakers.</source>
        <translation>Selecteer een bestand om de sprekers te bekijken.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} kan niet worden gelezen: {1}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{0}: speaker detection is off; the text is imported without turns.</source>
        <translation>{0}: sprekers herkennen staat uit; de tekst wordt zonder beurten geïmporteerd.</translation>
    </message>
    <message numerus="yes">
        <location line="-6"/>
        <location line="+9"/>
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n beurt</numerusform>
            <numerusform>%n beurten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-8"/>
        <location line="+9"/>
        <source>%n speaker(s)</source>
        <translation>
            <numerusform>%n spreker</numerusform>
            <numerusform>%n sprekers</numerusform>
        </translation>
    </message>
    <message>
        <location line="-8"/>
        <source>{0} ({1}): {2} by {3}; the speakers and times come from the file itself.</source>
        <translation>{0} ({1}): {2} van {3}; de sprekers en tijden komen uit het bestand zelf.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0}: {1} by {2}.</source>
        <translation>{0}: {1} van {2}.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Document information at the top (%n line(s)) is not split into turns.</source>
        <translation>
            <numerusform>Documentinformatie bovenaan (%n regel) wordt niet in beurten verdeeld.</numerusform>
            <numerusform>Documentinformatie bovenaan (%n regels) wordt niet in beurten verdeeld.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no speaker)</source>
        <translation>(geen spreker)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Document information above the transcript (a name, a date, a school): kept in the text, not a speaker&apos;s turn.</source>
        <translation>Documentinformatie boven het transcript (een naam, een datum, een school): blijft in de tekst, maar is geen beurt van een spreker.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(document information)</source>
        <translation>(documentinformatie)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a speaker: {0} — {1}</source>
        <translation>geen spreker: {0} — {1}</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>occurs only %n time(s) as a table cell label</source>
        <translation>
            <numerusform>komt maar %n keer voor als label in een tabelcel</numerusform>
            <numerusform>komt maar %n keer voor als label in een tabelcel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>occurs only %n time(s)</source>
        <translation>
            <numerusform>komt maar %n keer voor</numerusform>
            <numerusform>komt maar %n keer voor</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a common word, not a name</source>
        <translation>een gewoon woord, geen naam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a numbered heading</source>
        <translation>een genummerde kop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sentence punctuation in the name</source>
        <translation>leestekens van een zin in de naam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starts with a lower-case letter</source>
        <translation>begint met een kleine letter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reads as the start of a sentence</source>
        <translation>leest als het begin van een zin</translation>
    </message>
</context>
<context>
    <name>PseudonymiseDialog</name>
    <message>
        <location filename="../../lobcoder/gui/pseudonymise/dialog.py" line="+67"/>
        <source>Pseudonymise project</source>
        <translation>Project pseudonimiseren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Detect with deduce</source>
        <translation>&amp;Opsporen met deduce</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add term…</source>
        <translation>Term &amp;toevoegen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import term list…</source>
        <translation>Termenlijst &amp;importeren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport term list…</source>
        <translation>Termenlijst e&amp;xporteren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Write pseudonymised copy…</source>
        <translation>Gepseudonimiseerde &amp;kopie schrijven…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Where it occurs:</source>
        <translation>Waar het voorkomt:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview (replacements highlighted):</source>
        <translation>Voorbeeld (vervangingen gemarkeerd):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No detector finds everything. Read the preview of every document before you share the copy; the original project is never changed.</source>
        <translation>Geen enkele detector vindt alles. Lees het voorbeeld van elk document voordat u de kopie deelt; het oorspronkelijke project wordt nooit gewijzigd.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Building deduce&apos;s name and place lists (once, 1-3 minutes)…</source>
        <translation>De naam- en plaatslijsten van deduce worden opgebouwd (eenmalig, 1-3 minuten)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading deduce and searching every document…</source>
        <translation>deduce laden en elk document doorzoeken…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Searching for the project&apos;s participants, speakers and schools…</source>
        <translation>Zoeken naar de deelnemers, sprekers en scholen van het project…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{0} entities, {1} to replace at {2} places.</source>
        <translation>{0} entiteiten, {1} te vervangen op {2} plaatsen.</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+5"/>
        <source>Add term</source>
        <translation>Term toevoegen</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Text to replace everywhere:</source>
        <translation>Tekst die overal vervangen moet worden:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pseudonym for “{0}”:</source>
        <translation>Pseudoniem voor “{0}”:</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+6"/>
        <source>Import term list</source>
        <translation>Termenlijst importeren</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+12"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>Export term list</source>
        <translation>Termenlijst exporteren</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The pseudonymised copy is still being written. Stop writing and close? No copy is made.</source>
        <translation>De gepseudonimiseerde kopie wordt nog geschreven. Stoppen met schrijven en sluiten? Er wordt dan geen kopie gemaakt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Write pseudonymised copy</source>
        <translation>Gepseudonimiseerde kopie schrijven</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lobcoder projects (*{0})</source>
        <translation>lobcoder-projecten (*{0})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Key file</source>
        <translation>Sleutelbestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The key (who is who) goes to {0}.
Password to encrypt it (leave empty for none):</source>
        <translation>De sleutel (wie is wie) komt in {0}.
Wachtwoord om hem te versleutelen (leeg laten voor geen):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Writing the pseudonymised copy…</source>
        <translation>De gepseudonimiseerde kopie wordt geschreven…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Written: {0} ({1} replacements; {2} codings moved). Key: {3}</source>
        <translation>Geschreven: {0} ({1} vervangingen; {2} coderingen verplaatst). Sleutel: {3}</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Stopped; nothing was written.</source>
        <translation>Gestopt; er is niets geschreven.</translation>
    </message>
</context>
<context>
    <name>PseudonymiseOption</name>
    <message>
        <location filename="../../lobcoder/gui/pseudonymise/export_option.py" line="+20"/>
        <source>&amp;Pseudonymise (use accepted decisions)</source>
        <translation>&amp;Pseudonimiseren (geaccepteerde besluiten gebruiken)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This project has no accepted pseudonymisation decisions yet. Review them first in File → Pseudonymise…</source>
        <translation>Dit project heeft nog geen geaccepteerde pseudonimiseringsbesluiten. Beoordeel ze eerst in Bestand → Pseudonimiseren…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Export with personal data replaced by the pseudonyms of the %n accepted decision(s) (File → Pseudonymise…). The project itself is not changed.</source>
        <translation>
            <numerusform>Exporteren met persoonsgegevens vervangen door de pseudoniemen van het %n geaccepteerde besluit (Bestand → Pseudonimiseren…). Het project zelf verandert niet.</numerusform>
            <numerusform>Exporteren met persoonsgegevens vervangen door de pseudoniemen van de %n geaccepteerde besluiten (Bestand → Pseudonimiseren…). Het project zelf verandert niet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../lobcoder/gui/standard_buttons.py" line="+46"/>
        <source>Show Details...</source>
        <translation>&amp;Details tonen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide Details...</source>
        <translation>&amp;Details verbergen…</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-19"/>
        <source>OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>&amp;Annuleren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Nee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>Ja op a&amp;lles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>Nee &amp;op alles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>Alles op&amp;slaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>O&amp;penen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>&amp;Niet opslaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>&amp;Toepassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>Stan&amp;daardwaarden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>A&amp;fbreken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>&amp;Negeren</translation>
    </message>
</context>
<context>
    <name>QuickCodePicker</name>
    <message>
        <location filename="../../lobcoder/gui/quick_code.py" line="+68"/>
        <source>Quick code</source>
        <translation>Snel coderen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type to find a code, Enter to apply</source>
        <translation>Typ om een code te zoeken, Enter om toe te passen</translation>
    </message>
</context>
<context>
    <name>QuotesTab</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/quotes_tab.py" line="+49"/>
        <source>List the quotes of a code&apos;s sub-codes under the code as well</source>
        <translation>De citaten van de subcodes ook onder de code zelf tonen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most this many quotes per code (0: all)</source>
        <translation>Hoogstens zoveel citaten per code (0: alle)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>spread over participants</source>
        <translation>gespreid over deelnemers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the longest</source>
        <translation>de langste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at random</source>
        <translation>willekeurig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Word export: each code&apos;s definition under its heading</source>
        <translation>Word-export: de definitie van elke code onder de kop</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the attribution after each quote names, e.g. (Marieke, docent, wave 1)</source>
        <translation>Wat de bronvermelding na elk citaat noemt, bijv. (Marieke, docent, ronde 1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no context</source>
        <translation>geen context</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> words of context</source>
        <translation> woorden context</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words before and after each quote, shown in brackets</source>
        <translation>Woorden voor en na elk citaat, tussen haken getoond</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List each code&apos;s quotes by this, in natural order (wave 2 before wave 10); without a value last</source>
        <translation>De citaten van elke code hierop ordenen, in natuurlijke volgorde (ronde 2 vóór ronde 10); zonder waarde achteraan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Then by this, among quotes with the same value of the first</source>
        <translation>Daarna hierop, onder citaten met dezelfde waarde voor de eerste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the quotes as Word (.docx), Excel (.xlsx) or CSV</source>
        <translation>De citaten opslaan als Word (.docx), Excel (.xlsx) of CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blocks</source>
        <translation>Blokken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word export: each quote as an indented block, or one table</source>
        <translation>Export naar Word: elk citaat als ingesprongen blok, of één tabel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Per code:</source>
        <translation>Per code:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>then</source>
        <translation>dan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Word:</source>
        <translation>Word:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Double-click or press Enter to show the quote in its document</source>
        <translation>Dubbelklik of druk op Enter om het citaat in het document te tonen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selected quote is shown here in full.</source>
        <translation>Het gekozen citaat staat hier in zijn geheel.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+5"/>
        <source>All codes</source>
        <translation>Alle codes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>document order</source>
        <translation>documentvolgorde</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>participant</source>
        <translation>deelnemer</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>&amp;Include sub-codes</source>
        <translation>&amp;Met subcodes</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Defi&amp;nitions</source>
        <translation>Defi&amp;nities</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attrib&amp;ution</source>
        <translation>Bron&amp;vermelding</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cod&amp;e:</source>
        <translation>Cod&amp;e:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Order &amp;by:</source>
        <translation>Vol&amp;gorde:</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>nothing</source>
        <translation>niets</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Participant</source>
        <translation>Deelnemer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker</source>
        <translation>Spreker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraph</source>
        <translation>Alinea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message numerus="yes">
        <location line="+64"/>
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n citaat</numerusform>
            <numerusform>%n citaten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>quotes</source>
        <translation>citaten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export quotes</source>
        <translation>Citaten exporteren</translation>
    </message>
</context>
<context>
    <name>ReliabilityModel</name>
    <message>
        <location filename="../../lobcoder/gui/suggestions/reliability.py" line="+46"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coded sentences</source>
        <translation>Gecodeerde zinnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold</source>
        <translation>Drempel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>Precisie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reliability</source>
        <translation>Betrouwbaarheid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cross-validated on your coded documents: trained without a document, tested on it</source>
        <translation>Kruisgevalideerd op je gecodeerde documenten: getraind zonder een document, getest op dat document</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not yet measured: no model trained yet (Train learns from the codings)</source>
        <translation>nog niet gemeten: nog geen model getraind (Trainen leert van de coderingen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not measured: at the last training none of its codings lay mostly in one sentence of an answer</source>
        <translation>niet gemeten: bij de laatste training lag geen van de coderingen grotendeels in één zin van een antwoord</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not yet measured: train again to check it</source>
        <translation>nog niet gemeten: train opnieuw om dit na te gaan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not yet measured: coded since the last training (Train learns from the codings)</source>
        <translation>nog niet gemeten: gecodeerd na de laatste training (Trainen leert van de coderingen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not yet reliable: no codings yet (codebook only)</source>
        <translation>nog niet betrouwbaar: nog geen coderingen (alleen codeboek)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not yet reliable: fewer than {0} coded sentences</source>
        <translation>nog niet betrouwbaar: minder dan {0} gecodeerde zinnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not measured: codings in one document only</source>
        <translation>niet gemeten: coderingen in maar één document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not yet reliable: F1 below {0}</source>
        <translation>nog niet betrouwbaar: F1 onder {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reliable</source>
        <translation>betrouwbaar</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/restore_dialog.py" line="+48"/>
        <source>Restore from backup</source>
        <translation>Terugzetten uit reservekopie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>lobcoder backs the project up once a day when you open it, and before every update of the file format, merge and codebook import. The backups are in {0}.</source>
        <translation>lobcoder maakt een reservekopie van het project eens per dag als u het opent, en vóór elke bijwerking van het bestandsformaat, elke samenvoeging en elke codeboekimport. De reservekopieën staan in {0}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Codings</source>
        <translation>Coderingen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>There are no backups of this project yet.</source>
        <translation>Er zijn nog geen reservekopieën van dit project.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore to a &amp;new file…</source>
        <translation>Terugzetten naar een &amp;nieuw bestand…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace the project…</source>
        <translation>Project &amp;vervangen…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>daily</source>
        <translation>dagelijks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>made by hand</source>
        <translation>met de hand gemaakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a file format update</source>
        <translation>vóór bijwerken bestandsformaat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a merge</source>
        <translation>vóór samenvoegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a codebook import</source>
        <translation>vóór codeboekimport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a restore</source>
        <translation>vóór terugzetten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before removing documents</source>
        <translation>vóór verwijderen van documenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>damaged state before a restore</source>
        <translation>beschadigde toestand vóór terugzetten</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../lobcoder/gui/search_panel.py" line="+88"/>
        <source>Search all documents: words, &quot;a phrase&quot;, prefix*, OR, -exclude</source>
        <translation>Alle documenten doorzoeken: woorden, &quot;een zinsdeel&quot;, begin*, OR, -uitsluiten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code all h&amp;its with the selected code</source>
        <translation>Alle tre&amp;ffers coderen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Type at least one word to look for.</source>
        <translation>Typ minstens één woord om naar te zoeken.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source> (first %n shown)</source>
        <translation>
            <numerusform> (eerste %n getoond)</numerusform>
            <numerusform> (eerste %n getoond)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n treffer</numerusform>
            <numerusform>%n treffers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> in %n document(s)</source>
        <translation>
            <numerusform> in %n document</numerusform>
            <numerusform> in %n documenten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location line="-90"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Ervoor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Erna</translation>
    </message>
</context>
<context>
    <name>SegmentModel</name>
    <message>
        <location filename="../../lobcoder/gui/models/segment_model.py" line="+71"/>
        <source>Characters {0} to {1} of the document</source>
        <translation>Tekens {0} tot {1} van het document</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Position</source>
        <translation>Positie</translation>
    </message>
</context>
<context>
    <name>SheetPanel</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/import_sheet.py" line="+121"/>
        <location line="+192"/>
        <source>No sheet: documents get no attributes.</source>
        <translation>Geen attributenbestand: documenten krijgen geen attributen.</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>Detect automatically</source>
        <translation>Automatisch herkennen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Columns that describe the participant rather than the interview</source>
        <translation>Kolommen die de deelnemer beschrijven en niet het interview</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rows for files being imported will match after the import: the sheet is planned again and applied after the files.</source>
        <translation>Rijen voor bestanden die nu worden geïmporteerd, passen pas na het importeren: het attributenbestand wordt na de bestanden opnieuw ingepland en toegepast.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Choose s&amp;heet…</source>
        <translation>Bestand &amp;kiezen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve</source>
        <translation>Ver&amp;wijderen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Create participants for names that match none</source>
        <translation>Deelnemers aanmaken voor &amp;namen die nergens bij passen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ro&amp;ws describe:</source>
        <translation>&amp;Rijen beschrijven:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key column:</source>
        <translation>&amp;Sleutelkolom:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Participant column:</source>
        <translation>&amp;Deelnemerkolom:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participant &amp;attributes:</source>
        <translation>Deelnemer&amp;attributen:</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Choose an attribute sheet</source>
        <translation>Een attributenbestand kiezen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sheets (*.csv *.xlsx *.xlsm)</source>
        <translation>Spreadsheets (*.csv *.xlsx *.xlsm)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading the sheet…</source>
        <translation>Het bestand wordt gelezen…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Sheet: {0}</source>
        <translation>Attributenbestand: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sheet cannot be used: {0}</source>
        <translation>Het attributenbestand is niet bruikbaar: {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Each row describes a document, named in column ‘{0}’.</source>
        <translation>Elke rij beschrijft een document, genoemd in kolom ‘{0}’.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each document&apos;s participant: column ‘{0}’.</source>
        <translation>De deelnemer van elk document: kolom ‘{0}’.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each row describes a participant, named in column ‘{0}’.</source>
        <translation>Elke rij beschrijft een deelnemer, genoemd in kolom ‘{0}’.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows: {0} matched, {1} unmatched, {2} ambiguous.</source>
        <translation>Rijen: {0} gekoppeld, {1} niet gekoppeld, {2} dubbelzinnig.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Values: {0} to add, {1} to change, {2} unchanged.</source>
        <translation>Waarden: {0} toe te voegen, {1} te wijzigen, {2} ongewijzigd.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+43"/>
        <source>New participants: {0}</source>
        <translation>Nieuwe deelnemers: {0}</translation>
    </message>
    <message numerus="yes">
        <location line="-38"/>
        <source>%n unmatched row(s) name files about to be imported; they will match after the import.</source>
        <translation>
            <numerusform>%n niet-gekoppelde rij noemt een bestand dat nu wordt geïmporteerd; die wordt na het importeren gekoppeld.</numerusform>
            <numerusform>%n niet-gekoppelde rijen noemen bestanden die nu worden geïmporteerd; die worden na het importeren gekoppeld.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Row {0}: ‘{1}’ matches no document.</source>
        <translation>Rij {0}: ‘{1}’ past bij geen enkel document.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row {0}: ‘{1}’ matches no participant.</source>
        <translation>Rij {0}: ‘{1}’ past bij geen enkele deelnemer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Row {0}: ‘{1}’ is ambiguous ({2}).</source>
        <translation>Rij {0}: ‘{1}’ is dubbelzinnig ({2}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Row {0}, column ‘{1}’: ‘{2}’ {3}.</source>
        <translation>Rij {0}, kolom ‘{1}’: ‘{2}’ {3}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>‘{0}’, column ‘{1}’: rows {2} give different values; none is applied.</source>
        <translation>‘{0}’, kolom ‘{1}’: de rijen {2} geven verschillende waarden; geen ervan wordt toegepast.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attribute values: {0} added, {1} changed, {2} unchanged.</source>
        <translation>Attribuutwaarden: {0} toegevoegd, {1} gewijzigd, {2} ongewijzigd.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New attributes: {0}</source>
        <translation>Nieuwe attributen: {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n document(s) linked to a participant.</source>
        <translation>
            <numerusform>%n document aan een deelnemer gekoppeld.</numerusform>
            <numerusform>%n documenten aan een deelnemer gekoppeld.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpeakerSettings</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/import_preview.py" line="-228"/>
        <source>&amp;Detect speakers</source>
        <translation>S&amp;prekers herkennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split each transcript into turns at labels such as ‘I:’ or ‘Anna:’</source>
        <translation>Elk transcript in beurten verdelen bij labels zoals ‘I:’ of ‘Anna:’</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic: built-in labels (I:, R:, Anna:, [00:01:02] Anna:)</source>
        <translation>Automatisch: ingebouwde labels (I:, R:, Anna:, [00:01:02] Anna:)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in brackets: [Anna] …</source>
        <translation>Naam tussen haken: [Anna] …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name in capitals: ANNA: …</source>
        <translation>Naam in hoofdletters: ANNA: …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom regular expression…</source>
        <translation>Eigen reguliere expressie…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a regular expression with a group (?P&lt;speaker&gt;…)</source>
        <translation>een reguliere expressie met een groep (?P&lt;speaker&gt;…)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Other labels must start at least this many lines. I:, R:, Interviewer: and the like always count.</source>
        <translation>Andere labels moeten minstens zoveel regels beginnen. I:, R:, Interviewer: en dergelijke tellen altijd.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labels of the interviewer side, separated by commas</source>
        <translation>Labels van de kant van de interviewer, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Labels:</source>
        <translation>&amp;Labels:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pa&amp;ttern:</source>
        <translation>Pa&amp;troon:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mi&amp;nimum turns per label:</source>
        <translation>Minimum aantal be&amp;urten per label:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Int&amp;erviewer labels:</source>
        <translation>Labels van de int&amp;erviewer:</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>(labels such as I: and R: always count)</source>
        <translation>(labels zoals I: en R: tellen altijd)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Enter a regular expression with a group (?P&lt;speaker&gt;…).</source>
        <translation>Voer een reguliere expressie in met een groep (?P&lt;speaker&gt;…).</translation>
    </message>
</context>
<context>
    <name>SpeakersDialog</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/speakers_dialog.py" line="-180"/>
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Speakers are shared by all documents: a change applies to every transcript. Turns, analyses, quotes and reports use the new names; the text keeps the labels it was imported with. Every change can be undone with Edit → Undo.</source>
        <translation>Sprekers gelden voor alle documenten: een wijziging geldt voor elk transcript. Beurten, analyses, citaten en rapporten gebruiken de nieuwe namen; de tekst houdt de labels waarmee hij is geïmporteerd. Elke wijziging kun je ongedaan maken met Bewerken → Ongedaan maken.</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Speaker</source>
        <translation>Spreker</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Speakers in:</source>
        <translation>Sprekers in:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Turns</source>
        <translation>Beurten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interviewer</source>
        <translation>Interviewer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Hernoemen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge…</source>
        <translation>Samen&amp;voegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as &amp;interviewer</source>
        <translation>Markeren als &amp;interviewer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as r&amp;espondent</source>
        <translation>Markeren als r&amp;espondent</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>of the selected speakers</source>
        <translation>van de gekozen sprekers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of all respondents (speakers not marked as interviewer)</source>
        <translation>van alle respondenten (sprekers die niet als interviewer gemarkeerd zijn)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Code the turns</source>
        <translation>Beurten &amp;coderen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code every turn</source>
        <translation>Elke beurt coderen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Rename and merge give this document&apos;s turns to another speaker; other documents keep theirs (‘Speaker 2’ is Marieke in this interview only). Marking as interviewer applies to the speaker in every document. Every change can be undone with Edit → Undo.</source>
        <translation>Hernoemen en samenvoegen geven de beurten in dit document aan een andere spreker; andere documenten houden de hunne (‘Speaker 2’ is alleen in dit interview Marieke). Markeren als interviewer geldt voor de spreker in elk document. Elke wijziging kun je ongedaan maken met Bewerken → Ongedaan maken.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>‘{0}’ is now called ‘{1}’.</source>
        <translation>‘{0}’ heet nu ‘{1}’.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n speaker(s) merged into ‘{0}’.</source>
        <translation>
            <numerusform>%n spreker samengevoegd tot ‘{0}’.</numerusform>
            <numerusform>%n sprekers samengevoegd tot ‘{0}’.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n speaker(s) marked as interviewer.</source>
        <translation>
            <numerusform>%n spreker gemarkeerd als interviewer.</numerusform>
            <numerusform>%n sprekers gemarkeerd als interviewer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n speaker(s) marked as respondent.</source>
        <translation>
            <numerusform>%n spreker gemarkeerd als respondent.</numerusform>
            <numerusform>%n sprekers gemarkeerd als respondent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n turn(s) coded.</source>
        <translation>
            <numerusform>%n beurt gecodeerd.</numerusform>
            <numerusform>%n beurten gecodeerd.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rename speaker</source>
        <translation>Spreker hernoemen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name for ‘{0}’:</source>
        <translation>Nieuwe naam voor ‘{0}’:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merge speakers</source>
        <translation>Sprekers samenvoegen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Merge %n speaker(s) into (choose one or type a new name):</source>
        <translation>
            <numerusform>%n spreker samenvoegen tot (kies er een of typ een nieuwe naam):</numerusform>
            <numerusform>%n sprekers samenvoegen tot (kies er een of typ een nieuwe naam):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <location filename="../../lobcoder/gui/suggestions/model.py" line="+84"/>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reliability</source>
        <translation>Betrouwbaarheid</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>keywords: {0}</source>
        <translation>trefwoorden: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from the codebook: {0}</source>
        <translation>uit het codeboek: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>learned from your codings: {0}</source>
        <translation>geleerd uit je coderingen: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>like your coding “{0}”</source>
        <translation>lijkt op je codering “{0}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>like your codings</source>
        <translation>lijkt op je coderingen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>despite the exclusion: {0}</source>
        <translation>ondanks de exclusie: {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n zin</numerusform>
            <numerusform>%n zinnen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>codebook only</source>
        <translation>alleen codeboek</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n example(s), not measured</source>
        <translation>
            <numerusform>%n voorbeeld, niet gemeten</numerusform>
            <numerusform>%n voorbeelden, niet gemeten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>F1 {0} · %n example(s)</source>
        <translation>
            <numerusform>F1 {0} · %n voorbeeld</numerusform>
            <numerusform>F1 {0} · %n voorbeelden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cross-validated on your coded documents at threshold {0}: precision {1}, recall {2}, F1 {3}</source>
        <translation>Kruisgevalideerd op je gecodeerde documenten bij drempel {0}: precisie {1}, recall {2}, F1 {3}</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>This code has no codings yet: the suggestion comes from its codebook texts alone.</source>
        <translation>Deze code heeft nog geen coderingen: de suggestie komt alleen uit de teksten in het codeboek.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codings in one document only: reliability is measured once two documents have codings.</source>
        <translation>Coderingen in maar één document: de betrouwbaarheid wordt gemeten zodra twee documenten coderingen hebben.</translation>
    </message>
</context>
<context>
    <name>SuggestionsController</name>
    <message>
        <location filename="../../lobcoder/gui/suggestions/controller.py" line="+57"/>
        <source>Suggestions</source>
        <translation>Suggesties</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Suggestions</source>
        <translation>&amp;Suggesties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show passages of this document that may fit a code</source>
        <translation>Passages in dit document tonen die bij een code kunnen passen</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>All %n suggestion(s) for this document are hidden: their codes are not yet reliable.</source>
        <translation>
            <numerusform>De %n suggestie voor dit document is verborgen: de code is nog niet betrouwbaar.</numerusform>
            <numerusform>Alle %n suggesties voor dit document zijn verborgen: hun codes zijn nog niet betrouwbaar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n suggestion(s) for this document</source>
        <translation>
            <numerusform>%n suggestie voor dit document</numerusform>
            <numerusform>%n suggesties voor dit document</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n more hidden (codes not yet reliable)</source>
        <translation>
            <numerusform>nog %n verborgen (code nog niet betrouwbaar)</numerusform>
            <numerusform>nog %n verborgen (codes nog niet betrouwbaar)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No suggestions for this document. Definitions and keywords in the codebook and more codings help.</source>
        <translation>Geen suggesties voor dit document. Definities en trefwoorden in het codeboek en meer coderingen helpen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Suggestions could not be made: {0}</source>
        <translation>Er konden geen suggesties worden gemaakt: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Suggested: {0} ({1})</source>
        <translation>Suggestie: {0} ({1})</translation>
    </message>
</context>
<context>
    <name>SuggestionsPane</name>
    <message>
        <location filename="../../lobcoder/gui/suggestions/pane.py" line="+104"/>
        <source>Suggest again for this document with the current model</source>
        <translation>Opnieuw suggesties maken voor dit document met het huidige model</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learn from all codings and rejections in the project, then suggest</source>
        <translation>Leren van alle coderingen en afwijzingen in het project en dan suggesties maken</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Show codes not &amp;yet reliable</source>
        <translation>&amp;Nog niet betrouwbare codes tonen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also list the suggestions of codes with few coded sentences or a low cross-validated F1</source>
        <translation>Ook de suggesties tonen van codes met weinig gecodeerde zinnen of een lage kruisgevalideerde F1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Suggestions</source>
        <translation>Suggesties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reliability per code</source>
        <translation>Betrouwbaarheid per code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code this passage with the suggested code (Enter)</source>
        <translation>Deze passage coderen met de voorgestelde code (Enter)</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Refre&amp;sh</source>
        <translation>Vernie&amp;uwen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Train</source>
        <translation>&amp;Trainen</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Acce&amp;pt</source>
        <translation>Acce&amp;pteren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;ject</source>
        <translation>Afw&amp;ijzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never suggest this code for this passage again (Delete)</source>
        <translation>Deze code nooit meer voorstellen voor deze passage (Delete)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lowest score accepted by “Accept all”</source>
        <translation>Laagste score die “Alles accepteren” accepteert</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>NLP pipeline: not loaded yet</source>
        <translation>NLP-pipeline: nog niet geladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Dutch pipeline is loaded the first time suggestions are made.</source>
        <translation>De Nederlandse pipeline wordt geladen wanneer voor het eerst suggesties worden gemaakt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NLP pipeline: {0}</source>
        <translation>NLP-pipeline: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The full Dutch model: trained lemmas and sentence boundaries.</source>
        <translation>Het volledige Nederlandse model: getrainde lemma&apos;s en zinsgrenzen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NLP pipeline: offline · {0} not installed</source>
        <translation>NLP-pipeline: offline · {0} niet geïnstalleerd</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n suggestion(s) hidden because their codes are not yet reliable (fewer than {0} coded sentences, or a cross-validated F1 below {1}). Tick “Show codes not yet reliable” to see them.</source>
        <translation>
            <numerusform>%n suggestie verborgen omdat de code nog niet betrouwbaar is (minder dan {0} gecodeerde zinnen, of een kruisgevalideerde F1 onder {1}). Vink “Nog niet betrouwbare codes tonen” aan om ze te zien.</numerusform>
            <numerusform>%n suggesties verborgen omdat hun codes nog niet betrouwbaar zijn (minder dan {0} gecodeerde zinnen, of een kruisgevalideerde F1 onder {1}). Vink “Nog niet betrouwbare codes tonen” aan om ze te zien.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lobcoder/gui/suggestions/pipeline_text.py" line="+18"/>
        <source>This needs internet access to the model&apos;s GitHub release (github.com/explosion/spacy-models).</source>
        <translation>Daarvoor is internettoegang nodig tot de GitHub-release van het model (github.com/explosion/spacy-models).</translation>
    </message>
    <message>
        <location filename="../../lobcoder/gui/suggestions/pane.py" line="-34"/>
        <source>The offline pipeline: blank Dutch with lookup lemmas.</source>
        <translation>De offline pipeline: kaal Nederlands met opzoeklemma&apos;s.</translation>
    </message>
    <message>
        <location filename="../../lobcoder/gui/suggestions/pipeline_text.py" line="-5"/>
        <source>For better lemmas and sentence boundaries, install the Dutch model and restart lobcoder:</source>
        <translation>Installeer voor betere lemma&apos;s en zinsgrenzen het Nederlandse model en start lobcoder opnieuw:</translation>
    </message>
    <message>
        <location filename="../../lobcoder/gui/suggestions/pane.py" line="-78"/>
        <source>Ca&amp;ncel</source>
        <translation>Annu&amp;leren</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Not enough codings to train: suggestions come from keywords</source>
        <translation>Te weinig coderingen om te trainen: suggesties komen uit trefwoorden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not enough codings to train: a code needs {0} coded sentences. Suggestions come from the codes&apos; keywords.</source>
        <translation>Te weinig coderingen om te trainen: een code heeft {0} gecodeerde zinnen nodig. De suggesties komen uit de trefwoorden van de codes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No model trained yet: suggestions come from keywords</source>
        <translation>Nog geen model getraind: suggesties komen uit trefwoorden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No model trained yet: suggestions come from the codes&apos; keywords. Train to learn from your codings.</source>
        <translation>Nog geen model getraind: de suggesties komen uit de trefwoorden van de codes. Kies Trainen om van uw coderingen te leren.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Model trained on {0} examples of your codings; it suggests %n code(s).</source>
        <translation>
            <numerusform>Model getraind op {0} voorbeelden uit uw coderingen; het stelt %n code voor.</numerusform>
            <numerusform>Model getraind op {0} voorbeelden uit uw coderingen; het stelt %n codes voor.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Codes marked ⚠ are not yet reliable: check their suggestions with care.</source>
        <translation>Codes met ⚠ zijn nog niet betrouwbaar: bekijk hun suggesties met zorg.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Loading the Dutch NLP pipeline…</source>
        <translation>De Nederlandse NLP-pipeline wordt geladen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training: code {0} of {1}…</source>
        <translation>Trainen: code {0} van {1}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the coded documents…</source>
        <translation>De gecodeerde documenten worden gelezen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding suggestions…</source>
        <translation>Suggesties worden gezocht…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Accept all of the selected code &amp;with score ≥</source>
        <translation>Alles van de geselecteerde code accepteren &amp;met score ≥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept {0} of ‘{1}’ &amp;with score ≥</source>
        <translation>{0} van ‘{1}’ accepteren &amp;met score ≥</translation>
    </message>
</context>
<context>
    <name>TaskActions</name>
    <message>
        <location filename="../../lobcoder/gui/background_task.py" line="+19"/>
        <source>Open or create a project first.</source>
        <translation>Open of maak eerst een project.</translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message>
        <location filename="../../lobcoder/gui/team_actions.py" line="+58"/>
        <location line="+58"/>
        <source>Prepare a copy for a second coder</source>
        <translation>Kopie maken voor een tweede codeur</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>{0} - second coder</source>
        <translation>{0} - tweede codeur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the copy for the second coder as</source>
        <translation>Kopie voor de tweede codeur opslaan als</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lobcoder projects (*{0})</source>
        <translation>lobcoder-projecten (*{0})</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Writing {0}…</source>
        <translation>{0} schrijven…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>blind copy</source>
        <translation>blinde kopie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>copy with the codings</source>
        <translation>kopie met de coderingen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Wrote a {0} with %n document(s) to {1}.</source>
        <translation>
            <numerusform>Een {0} met %n document geschreven naar {1}.</numerusform>
            <numerusform>Een {0} met %n documenten geschreven naar {1}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also wrote {0}.</source>
        <translation>Ook {0} geschreven.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy written</source>
        <translation>Kopie geschreven</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the copy to the second coder. When it comes back, use File → Merge coding from another project.</source>
        <translation>Geef de kopie aan de tweede codeur. Als die terugkomt: Bestand → Coderingen uit een ander project samenvoegen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+24"/>
        <location line="+52"/>
        <source>Merge coding from another project</source>
        <translation>Coderingen uit een ander project samenvoegen</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>lobcoder or REFI-QDA projects (*{0} *.qdpx);;All files (*)</source>
        <translation>lobcoder- of REFI-QDA-projecten (*{0} *.qdpx);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading {0}…</source>
        <translation>{0} lezen…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The project changed since the preview; nothing was merged.</source>
        <translation>Het project is veranderd sinds het voorbeeld; er is niets samengevoegd.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Merged %n coding(s) from {0}</source>
        <translation>
            <numerusform>%n codering samengevoegd uit {0}</numerusform>
            <numerusform>%n coderingen samengevoegd uit {0}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merging {0}…</source>
        <translation>{0} samenvoegen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} - merge report</source>
        <translation>{0} - verslag samenvoegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save report</source>
        <translation>Verslag opslaan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text files (*.txt)</source>
        <translation>Tekstbestanden (*.txt)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot save the report</source>
        <translation>Kan het verslag niet opslaan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved the report to {0}</source>
        <translation>Verslag opgeslagen in {0}</translation>
    </message>
</context>
<context>
    <name>TeamCopyDialog</name>
    <message>
        <location filename="../../lobcoder/gui/dialogs/team_copy_dialog.py" line="+55"/>
        <source>Prepare a copy for a second coder</source>
        <translation>Kopie maken voor een tweede codeur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The copy holds the chosen documents, the whole codebook, the participants and their attributes. It keeps every GUID, so the second coder&apos;s work can be merged back (File → Merge coding from another project).</source>
        <translation>De kopie bevat de gekozen documenten, het hele codeboek, de deelnemers en hun kenmerken. Elke GUID blijft gelijk, zodat het werk van de tweede codeur terug kan worden samengevoegd (Bestand → Coderingen uit een ander project samenvoegen).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;The documents ticked below</source>
        <translation>De &amp;documenten die hieronder zijn aangevinkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A random &amp;sample of</source>
        <translation>Een aselecte &amp;steekproef van</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>all documents alike</source>
        <translation>alle documenten gelijk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>each value of ‘{0}’ alike</source>
        <translation>elke waarde van ‘{0}’ naar verhouding</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>seed </source>
        <translation>startgetal </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same seed draws the same sample again</source>
        <translation>Met hetzelfde startgetal wordt dezelfde steekproef opnieuw getrokken</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stratified:</source>
        <translation>gestratificeerd:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Blind: leave out the existing codings and memos (codebook memos stay)</source>
        <translation>&amp;Blind: zonder de bestaande coderingen en memo&apos;s (memo&apos;s bij codes blijven)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also leaves out the coders&apos; names, the trained suggestion model and rejected suggestions, so the second coder cannot tell whose coding hers will be compared with</source>
        <translation>Laat ook de namen van de codeurs, het getrainde suggestiemodel en de afgewezen suggesties weg, zodat de tweede codeur niet kan zien met wiens codering de hare wordt vergeleken</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also write a &amp;REFI-QDA file (.qdpx) for ATLAS.ti, MAXQDA or NVivo</source>
        <translation>Ook een &amp;REFI-QDA-bestand (.qdpx) schrijven voor ATLAS.ti, MAXQDA of NVivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Write the copy…</source>
        <translation>&amp;Kopie schrijven…</translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>%n document(s) of {0} will be copied.</source>
        <translation>
            <numerusform>%n document van de {0} wordt gekopieerd.</numerusform>
            <numerusform>%n documenten van de {0} worden gekopieerd.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(no value)</source>
        <translation>(geen waarde)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>A {0} % sample is %n document(s) of {1} and has none with {2} {3}: that part of the project will not be in the copy (take a larger sample).</source>
        <translation>
            <numerusform>Een steekproef van {0} % is %n document van {1} en heeft er geen met {2} {3}: dat deel van het project komt niet in de kopie (neem een grotere steekproef).</numerusform>
            <numerusform>Een steekproef van {0} % is %n documenten van {1} en heeft er geen met {2} {3}: dat deel van het project komt niet in de kopie (neem een grotere steekproef).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptExport</name>
    <message>
        <location filename="../../lobcoder/gui/transcript_export.py" line="+30"/>
        <location line="+61"/>
        <location line="+6"/>
        <source>Export transcripts</source>
        <translation>Transcripten exporteren</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>The project has no documents yet.</source>
        <translation>Het project heeft nog geen documenten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each transcript becomes one file, named after its document, in a folder you choose.</source>
        <translation>Elk transcript wordt één bestand, genoemd naar zijn document, in een map die u kiest.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose the folder for the transcripts</source>
        <translation>Kies de map voor de transcripten</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Writing transcripts to {0}…</source>
        <translation>Transcripten worden geschreven naar {0}…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Exported %n transcript(s) to {0}</source>
        <translation>
            <numerusform>%n transcript geëxporteerd naar {0}</numerusform>
            <numerusform>%n transcripten geëxporteerd naar {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../lobcoder/gui/transcript/view.py" line="+398"/>
        <source>{0} at {1}</source>
        <translation>{0} op {1}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(no speaker)</source>
        <translation>(geen spreker)</translation>
    </message>
</context>
<context>
    <name>WordsTab</name>
    <message>
        <location filename="../../lobcoder/gui/analysis/words_tab.py" line="+82"/>
        <source>lemmas</source>
        <translation>lemma&apos;s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>word forms</source>
        <translation>woordvormen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count lemmas (gesprekken counts as gesprek) or each form as written</source>
        <translation>Tel lemma&apos;s (gesprekken telt als gesprek) of elke vorm zoals geschreven</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the words inside the passages coded with this code (and its sub-codes)</source>
        <translation>Alleen de woorden binnen de passages die met deze code (en haar subcodes) zijn gecodeerd</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shortest word counted, in letters</source>
        <translation>Kortste woord dat meetelt, in letters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>most frequent</source>
        <translation>meest voorkomend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>most distinctive</source>
        <translation>meest kenmerkend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With a code: the words most typical of its passages first</source>
        <translation>Met een code: eerst de woorden die het meest kenmerkend zijn voor haar passages</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+50"/>
        <source>all text</source>
        <translation>alle tekst</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+51"/>
        <source>nothing</source>
        <translation>niets</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Double-click a word or press Enter to read it in context; right-click to add it as a keyword</source>
        <translation>Dubbelklik op een woord of druk op Enter om het in zijn context te lezen; klik met rechts om het als trefwoord toe te voegen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save these occurrences as Word (.docx), Excel (.xlsx) or CSV</source>
        <translation>Deze vindplaatsen opslaan als Word (.docx), Excel (.xlsx) of CSV</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>{0} in context</source>
        <translation>{0} in context</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Export occurrences</source>
        <translation>Vindplaatsen exporteren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pseudonymising…</source>
        <translation>Pseudonimiseren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing {0}…</source>
        <translation>{0} wordt geschreven…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>‘{0}’ is already a keyword of ‘{1}’.</source>
        <translation>‘{0}’ is al een trefwoord van ‘{1}’.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>‘{0}’ added to the keywords of ‘{1}’ (Edit → Undo takes it back).</source>
        <translation>‘{0}’ toegevoegd aan de trefwoorden van ‘{1}’ (Bewerken → Ongedaan maken draait het terug).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add ‘{0}’ as keyword of ‘{1}’</source>
        <translation>‘{0}’ als trefwoord van ‘{1}’ toevoegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add ‘{0}’ as keyword of code…</source>
        <translation>‘{0}’ als trefwoord van een code toevoegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show ‘{0}’ in context</source>
        <translation>‘{0}’ in context tonen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave out ‘{0}’ (this project)</source>
        <translation>‘{0}’ weglaten (dit project)</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Put back the %n left-out word(s)</source>
        <translation>
            <numerusform>Het %n weggelaten woord terugzetten</numerusform>
            <numerusform>De %n weggelaten woorden terugzetten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>‘{0}’ is left out of the word frequencies (Edit → Undo puts it back).</source>
        <translation>‘{0}’ is weggelaten uit de woordfrequenties (Bewerken → Ongedaan maken zet het terug).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add ‘{0}’ to the keywords of:</source>
        <translation>‘{0}’ toevoegen aan de trefwoorden van:</translation>
    </message>
    <message>
        <location line="-264"/>
        <location line="+154"/>
        <source>Double-click a word to read every occurrence in its context.</source>
        <translation>Dubbelklik op een woord om elke keer dat het voorkomt in zijn context te lezen.</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>Cou&amp;nt:</source>
        <translation>&amp;Tel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In:</source>
        <translation>I&amp;n:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Split by:</source>
        <translation>&amp;Uitsplitsen naar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hortest:</source>
        <translation>Kortst&amp;e:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ord&amp;er:</source>
        <translation>Vol&amp;gorde:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Double-click or press Enter to show the passage in its document</source>
        <translation>Dubbelklik of druk op Enter om de passage in haar document te tonen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export occ&amp;urrences…</source>
        <translation>&amp;Vindplaatsen exporteren…</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>word frequencies</source>
        <translation>woordfrequenties</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Looking for ‘{0}’…</source>
        <translation>Zoeken naar ‘{0}’…</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>‘{0}’: %n occurrence(s)</source>
        <translation>
            <numerusform>‘{0}’: %n keer</numerusform>
            <numerusform>‘{0}’: %n keer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> in %n document(s)</source>
        <translation>
            <numerusform> in %n document</numerusform>
            <numerusform> in %n documenten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — double-click one to show it in its document</source>
        <translation> — dubbelklik erop om het in zijn document te tonen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not list the occurrences: {0}</source>
        <translation>Kon de vindplaatsen niet tonen: {0}</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <location filename="../../lobcoder/gui/workers.py" line="+243"/>
        <source>an unexpected error occurred in lobcoder (not a problem with your files)</source>
        <translation>er trad een onverwachte fout op in lobcoder (geen probleem met uw bestanden)</translation>
    </message>
</context>
</TS>
