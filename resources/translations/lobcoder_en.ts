<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionNames</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/undo.py" line="+35"/>
        <source>Apply code ‘{0}’ to %n passage(s)</source>
        <translation>
            <numerusform>Apply code ‘{0}’ to %n passage</numerusform>
            <numerusform>Apply code ‘{0}’ to %n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Apply code to %n passage(s)</source>
        <translation>
            <numerusform>Apply code to %n passage</numerusform>
            <numerusform>Apply code to %n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Code %n search hit(s) with ‘{0}’</source>
        <translation>
            <numerusform>Code %n search hit with ‘{0}’</numerusform>
            <numerusform>Code %n search hits with ‘{0}’</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Code %n search hit(s)</source>
        <translation>
            <numerusform>Code %n search hit</numerusform>
            <numerusform>Code %n search hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Remove %n coding(s)</source>
        <translation>
            <numerusform>Remove %n coding</numerusform>
            <numerusform>Remove %n codings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Import codebook (%n code(s))</source>
        <translation>
            <numerusform>Import codebook (%n code)</numerusform>
            <numerusform>Import codebook (%n codes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Merge %n coding(s) from ‘{0}’</source>
        <translation>
            <numerusform>Merge %n coding from ‘{0}’</numerusform>
            <numerusform>Merge %n codings from ‘{0}’</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Accept %n suggestion</numerusform>
            <numerusform>Accept %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Mark %n speaker(s) as interviewer or respondent</source>
        <translation>
            <numerusform>Mark %n speaker as interviewer or respondent</numerusform>
            <numerusform>Mark %n speakers as interviewer or respondent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Code %n speaker turn(s)</source>
        <translation>
            <numerusform>Code %n speaker turn</numerusform>
            <numerusform>Code %n speaker turns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Give the turns of %n speaker(s) in this document to ‘{0}’</source>
        <translation>
            <numerusform>Give the turns of %n speaker in this document to ‘{0}’</numerusform>
            <numerusform>Give the turns of %n speakers in this document to ‘{0}’</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisWindow</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/analysis/window.py" line="+293"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n coding(s)</source>
        <translation>
            <numerusform>%n coding</numerusform>
            <numerusform>%n codings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodeTreeModel</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/models/code_tree_model.py" line="+250"/>
        <source>%n document(s) with a coding of this code</source>
        <translation>
            <numerusform>%n document with a coding of this code</numerusform>
            <numerusform>%n documents with a coding of this code</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n coding(s) with this code</source>
        <translation>
            <numerusform>%n coding with this code</numerusform>
            <numerusform>%n codings with this code</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <location line="+4"/>
        <source>%n including its sub-codes</source>
        <translation>
            <numerusform>%n including its sub-codes</numerusform>
            <numerusform>%n including its sub-codes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodebookActions</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/codebook_actions.py" line="+103"/>
        <source>This removes %n coding(s)</source>
        <translation>
            <numerusform>This removes %n coding</numerusform>
            <numerusform>This removes %n codings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> and %n sub-code(s)</source>
        <translation>
            <numerusform> and %n sub-code</numerusform>
            <numerusform> and %n sub-codes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/codebook_editor.py" line="+185"/>
        <source>%n coding(s)</source>
        <translation>
            <numerusform>%n coding</numerusform>
            <numerusform>%n codings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodebookExportDialog</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/dialogs/codebook_export_dialog.py" line="+59"/>
        <source>The &amp;whole codebook (%n code(s))</source>
        <translation>
            <numerusform>The &amp;whole codebook (%n code)</numerusform>
            <numerusform>The &amp;whole codebook (%n codes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>&amp;Only ‘{0}’ and its sub-codes (%n code(s))</source>
        <translation>
            <numerusform>&amp;Only ‘{0}’ and its sub-codes (%n code)</numerusform>
            <numerusform>&amp;Only ‘{0}’ and its sub-codes (%n codes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodebookImportDialog</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/dialogs/codebook_import_dialog.py" line="+120"/>
        <source>%n new code(s)</source>
        <translation>
            <numerusform>%n new code</numerusform>
            <numerusform>%n new codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n skipped because of a conflict</source>
        <translation>
            <numerusform>%n skipped because of a conflict</numerusform>
            <numerusform>%n skipped because of a conflict</numerusform>
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
</context>
<context>
    <name>CooccurrenceTab</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/analysis/cooccurrence_tab.py" line="+435"/>
        <source>‘{0}’ and ‘{1}’: %n passage(s)</source>
        <translation>
            <numerusform>‘{0}’ and ‘{1}’: %n passage</numerusform>
            <numerusform>‘{0}’ and ‘{1}’: %n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source> (the cell counts %n pair(s) of overlapping codings; a passage that several coders coded alike is listed once, naming its coders)</source>
        <translation>
            <numerusform> (the cell counts %n pair of overlapping codings; a passage that several coders coded alike is listed once, naming its coders)</numerusform>
            <numerusform> (the cell counts %n pairs of overlapping codings; a passage that several coders coded alike is listed once, naming its coders)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source> (the cell counts %n participant(s); each of their documents is listed)</source>
        <translation>
            <numerusform> (the cell counts %n participant; each of their documents is listed)</numerusform>
            <numerusform> (the cell counts %n participants; each of their documents is listed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> (the cell counts %n unit(s))</source>
        <translation>
            <numerusform> (the cell counts %n unit)</numerusform>
            <numerusform> (the cell counts %n units)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisagreementBrowser</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/analysis/disagreement_browser.py" line="+285"/>
        <source>%n disagreement(s)</source>
        <translation>
            <numerusform>%n disagreement</numerusform>
            <numerusform>%n disagreements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentRemoval</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/document_removal_actions.py" line="+93"/>
        <source>Remove “{0}” from the project?

Its %n coding(s), its memos and speaker turns go with it. A backup of the project is made first; Undo cannot bring the document back.</source>
        <translation>
            <numerusform>Remove “{0}” from the project?

Its %n coding, its memos and speaker turns go with it. A backup of the project is made first; Undo cannot bring the document back.</numerusform>
            <numerusform>Remove “{0}” from the project?

Its %n codings, its memos and speaker turns go with it. A backup of the project is made first; Undo cannot bring the document back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentTreeModel</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/models/document_tree_model.py" line="+253"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>{0} — {1} characters, {2} turns
{3} of the text coded, %n coding(s)</source>
        <translation>
            <numerusform>{0} — {1} characters, {2} turns
{3} of the text coded, %n coding</numerusform>
            <numerusform>{0} — {1} characters, {2} turns
{3} of the text coded, %n codings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/exchange_actions.py" line="+179"/>
        <source>Exported %n code(s) to {0}</source>
        <translation>
            <numerusform>Exported %n code to {0}</numerusform>
            <numerusform>Exported %n codes to {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+73"/>
        <source>%n new code(s)</source>
        <translation>
            <numerusform>%n new code</numerusform>
            <numerusform>%n new codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>The project starts with lobcoder&apos;s research codebook on career guidance (LOB): four themes and their sub-codes, %n code(s) in all, each with a definition, criteria and examples.

Language of the codebook:</source>
        <translation>
            <numerusform>The project starts with lobcoder&apos;s research codebook on career guidance (LOB): four themes and their sub-codes, %n code in all, each with a definition, criteria and examples.

Language of the codebook:</numerusform>
            <numerusform>The project starts with lobcoder&apos;s research codebook on career guidance (LOB): four themes and their sub-codes, %n codes in all, each with a definition, criteria and examples.

Language of the codebook:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+153"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
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
            <numerusform>%n coding</numerusform>
            <numerusform>%n codings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-15"/>
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n memo(s)</source>
        <translation>
            <numerusform>%n memo</numerusform>
            <numerusform>%n memos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n code set(s)</source>
        <translation>
            <numerusform>%n code set</numerusform>
            <numerusform>%n code sets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n graph(s)</source>
        <translation>
            <numerusform>%n graph</numerusform>
            <numerusform>%n graphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n selection(s)</source>
        <translation>
            <numerusform>%n selection</numerusform>
            <numerusform>%n selections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n attribute value(s)</source>
        <translation>
            <numerusform>%n attribute value</numerusform>
            <numerusform>%n attribute values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportChoicesDialog</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/dialogs/export_choices_dialog.py" line="+53"/>
        <source>&amp;All documents (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBox</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/analysis/filter_box.py" line="+295"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/transcript/find_bar.py" line="+158"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/dialogs/import_dialog.py" line="+372"/>
        <source>%n speaker(s)</source>
        <translation>
            <numerusform>%n speaker</numerusform>
            <numerusform>%n speakers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n turn</numerusform>
            <numerusform>%n turns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n file(s) to import.</source>
        <translation>
            <numerusform>%n file to import.</numerusform>
            <numerusform>%n files to import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+112"/>
        <source>The %n file(s) imported before you cancelled are kept in the project; the files not started are listed below.</source>
        <translation>
            <numerusform>The %n file imported before you cancelled are kept in the project; the files not started are listed below.</numerusform>
            <numerusform>The %n files imported before you cancelled are kept in the project; the files not started are listed below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeftoverCheck</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/leftover_check.py" line="+44"/>
        <source>… and %n more file(s)</source>
        <translation>
            <numerusform>… and %n more file</numerusform>
            <numerusform>… and %n more files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>An interrupted import or copy left %n file(s) ({0}) beside this project. They are not part of any project and can be removed.</source>
        <translation>
            <numerusform>An interrupted import or copy left %n file ({0}) beside this project. They are not part of any project and can be removed.</numerusform>
            <numerusform>An interrupted import or copy left %n files ({0}) beside this project. They are not part of any project and can be removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n file(s) could not be removed (check the folder&apos;s permissions).</source>
        <translation>
            <numerusform>%n file could not be removed (check the folder&apos;s permissions).</numerusform>
            <numerusform>%n files could not be removed (check the folder&apos;s permissions).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Removed %n leftover file(s).</source>
        <translation>
            <numerusform>Removed %n leftover file.</numerusform>
            <numerusform>Removed %n leftover files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/main_window.py" line="+435"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
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
            <numerusform>%n coding</numerusform>
            <numerusform>%n codings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+114"/>
        <source>‘{0}’: %n segment(s)</source>
        <translation>
            <numerusform>‘{0}’: %n segment</numerusform>
            <numerusform>‘{0}’: %n segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergePreviewDialog</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/dialogs/merge_preview_dialog.py" line="+55"/>
        <source>&lt;b&gt;%n conflict(s)&lt;/b&gt;, each with the choice lobcoder made:</source>
        <translation>
            <numerusform>&lt;b&gt;%n conflict&lt;/b&gt;, each with the choice lobcoder made:</numerusform>
            <numerusform>&lt;b&gt;%n conflicts&lt;/b&gt;, each with the choice lobcoder made:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/dialogs/import_preview.py" line="+336"/>
        <location line="+9"/>
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n turn</numerusform>
            <numerusform>%n turns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-8"/>
        <location line="+9"/>
        <source>%n speaker(s)</source>
        <translation>
            <numerusform>%n speaker</numerusform>
            <numerusform>%n speakers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Document information at the top (%n line(s)) is not split into turns.</source>
        <translation>
            <numerusform>Document information at the top (%n line) is not split into turns.</numerusform>
            <numerusform>Document information at the top (%n lines) is not split into turns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>occurs only %n time(s) as a table cell label</source>
        <translation>
            <numerusform>occurs only %n time as a table cell label</numerusform>
            <numerusform>occurs only %n times as a table cell label</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>occurs only %n time(s)</source>
        <translation>
            <numerusform>occurs only %n time</numerusform>
            <numerusform>occurs only %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PseudonymiseOption</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/pseudonymise/export_option.py" line="+40"/>
        <source>Export with personal data replaced by the pseudonyms of the %n accepted decision(s) (File → Pseudonymise…). The project itself is not changed.</source>
        <translation>
            <numerusform>Export with personal data replaced by the pseudonyms of the %n accepted decision (File → Pseudonymise…). The project itself is not changed.</numerusform>
            <numerusform>Export with personal data replaced by the pseudonyms of the %n accepted decisions (File → Pseudonymise…). The project itself is not changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotesTab</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/analysis/quotes_tab.py" line="+232"/>
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n quote</numerusform>
            <numerusform>%n quotes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/search_panel.py" line="+141"/>
        <source> (first %n shown)</source>
        <translation>
            <numerusform> (first %n shown)</numerusform>
            <numerusform> (first %n shown)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> in %n document(s)</source>
        <translation>
            <numerusform> in %n document</numerusform>
            <numerusform> in %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SheetPanel</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/dialogs/import_sheet.py" line="+351"/>
        <source>%n unmatched row(s) name files about to be imported; they will match after the import.</source>
        <translation>
            <numerusform>%n unmatched row name files about to be imported; they will match after the import.</numerusform>
            <numerusform>%n unmatched rows name files about to be imported; they will match after the import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n document(s) linked to a participant.</source>
        <translation>
            <numerusform>%n document linked to a participant.</numerusform>
            <numerusform>%n documents linked to a participant.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpeakersDialog</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/dialogs/speakers_dialog.py" line="+221"/>
        <source>%n speaker(s) merged into ‘{0}’.</source>
        <translation>
            <numerusform>%n speaker merged into ‘{0}’.</numerusform>
            <numerusform>%n speakers merged into ‘{0}’.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n speaker(s) marked as interviewer.</source>
        <translation>
            <numerusform>%n speaker marked as interviewer.</numerusform>
            <numerusform>%n speakers marked as interviewer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n speaker(s) marked as respondent.</source>
        <translation>
            <numerusform>%n speaker marked as respondent.</numerusform>
            <numerusform>%n speakers marked as respondent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n turn(s) coded.</source>
        <translation>
            <numerusform>%n turn coded.</numerusform>
            <numerusform>%n turns coded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Merge %n speaker(s) into (choose one or type a new name):</source>
        <translation>
            <numerusform>Merge %n speaker into (choose one or type a new name):</numerusform>
            <numerusform>Merge %n speakers into (choose one or type a new name):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/suggestions/model.py" line="+137"/>
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n sentence</numerusform>
            <numerusform>%n sentences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n example(s), not measured</source>
        <translation>
            <numerusform>%n example, not measured</numerusform>
            <numerusform>%n examples, not measured</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>F1 {0} · %n example(s)</source>
        <translation>
            <numerusform>F1 {0} · %n example</numerusform>
            <numerusform>F1 {0} · %n examples</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionsController</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/suggestions/controller.py" line="+246"/>
        <source>All %n suggestion(s) for this document are hidden: their codes are not yet reliable.</source>
        <translation>
            <numerusform>All %n suggestion for this document are hidden: their codes are not yet reliable.</numerusform>
            <numerusform>All %n suggestions for this document are hidden: their codes are not yet reliable.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n suggestion(s) for this document</source>
        <translation>
            <numerusform>%n suggestion for this document</numerusform>
            <numerusform>%n suggestions for this document</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n more hidden (codes not yet reliable)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionsPane</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/suggestions/pane.py" line="+280"/>
        <source>Model trained on {0} examples of your codings; it suggests %n code(s).</source>
        <translation>
            <numerusform>Model trained on {0} examples of your codings; it suggests %n code.</numerusform>
            <numerusform>Model trained on {0} examples of your codings; it suggests %n codes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n suggestion(s) hidden because their codes are not yet reliable (fewer than {0} coded sentences, or a cross-validated F1 below {1}). Tick “Show codes not yet reliable” to see them.</source>
        <translation>
            <numerusform>%n suggestion hidden because their codes are not yet reliable (fewer than {0} coded sentences, or a cross-validated F1 below {1}). Tick “Show codes not yet reliable” to see them.</numerusform>
            <numerusform>%n suggestions hidden because their codes are not yet reliable (fewer than {0} coded sentences, or a cross-validated F1 below {1}). Tick “Show codes not yet reliable” to see them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamActions</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/team_actions.py" line="+122"/>
        <source>Wrote a {0} with %n document(s) to {1}.</source>
        <translation>
            <numerusform>Wrote a {0} with %n document to {1}.</numerusform>
            <numerusform>Wrote a {0} with %n documents to {1}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+91"/>
        <source>Merged %n coding(s) from {0}</source>
        <translation>
            <numerusform>Merged %n coding from {0}</numerusform>
            <numerusform>Merged %n codings from {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamCopyDialog</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/dialogs/team_copy_dialog.py" line="+178"/>
        <source>%n document(s) of {0} will be copied.</source>
        <translation>
            <numerusform>%n document of {0} will be copied.</numerusform>
            <numerusform>%n documents of {0} will be copied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>A {0} % sample is %n document(s) of {1} and has none with {2} {3}: that part of the project will not be in the copy (take a larger sample).</source>
        <translation>
            <numerusform>A {0} % sample is %n document of {1} and has none with {2} {3}: that part of the project will not be in the copy (take a larger sample).</numerusform>
            <numerusform>A {0} % sample is %n documents of {1} and has none with {2} {3}: that part of the project will not be in the copy (take a larger sample).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptExport</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/transcript_export.py" line="+96"/>
        <source>Exported %n transcript(s) to {0}</source>
        <translation>
            <numerusform>Exported %n transcript to {0}</numerusform>
            <numerusform>Exported %n transcripts to {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WordsTab</name>
    <message numerus="yes">
        <location filename="../../lobcoder/gui/analysis/words_tab.py" line="+259"/>
        <source>‘{0}’: %n occurrence(s)</source>
        <translation>
            <numerusform>‘{0}’: %n occurrence</numerusform>
            <numerusform>‘{0}’: %n occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> in %n document(s)</source>
        <translation>
            <numerusform> in %n document</numerusform>
            <numerusform> in %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+103"/>
        <source>Put back the %n left-out word(s)</source>
        <translation>
            <numerusform>Put back the %n left-out word</numerusform>
            <numerusform>Put back the %n left-out words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Yes to &amp;All</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;o to All</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Save &amp;All</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Restore De&amp;faults</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>A&amp;bort</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>&amp;Ignore</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Show De&amp;tails…</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Hide De&amp;tails…</translation>
    </message>
</context>
</TS>
