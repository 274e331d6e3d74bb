<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionNames</name>
    <message numerus="yes">
        <location filename="../../undo.py" line="+31"/>
        <source>Apply code to %n passage(s)</source>
        <translation>
            <numerusform>Apply code to %n passage</numerusform>
            <numerusform>Apply code to %n passages</numerusform>
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
        <location line="+1"/>
        <source>Remove %n coding(s)</source>
        <translation>
            <numerusform>Remove %n coding</numerusform>
            <numerusform>Remove %n codings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalysisWindow</name>
    <message numerus="yes">
        <location filename="../../analysis/window.py" line="+220"/>
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
        <location filename="../../models/code_tree_model.py" line="+215"/>
        <source>%n document(s) with a coding of this code</source>
        <translation>
            <numerusform>%n document with a coding of this code</numerusform>
            <numerusform>%n documents with a coding of this code</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n coding(s) with this code</source>
        <translation>
            <numerusform>%n coding with this code</numerusform>
            <numerusform>%n codings with this code</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n including its sub-codes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodebookActions</name>
    <message numerus="yes">
        <location filename="../../codebook_actions.py" line="+106"/>
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
        <location filename="../../codebook_editor.py" line="+160"/>
        <source>%n coding(s)</source>
        <translation>
            <numerusform>%n coding</numerusform>
            <numerusform>%n codings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CooccurrenceTab</name>
    <message numerus="yes">
        <location filename="../../analysis/cooccurrence_tab.py" line="+444"/>
        <source>‘{0}’ and ‘{1}’: %n passage(s)</source>
        <translation>
            <numerusform>‘{0}’ and ‘{1}’: %n passage</numerusform>
            <numerusform>‘{0}’ and ‘{1}’: %n passages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentTreeModel</name>
    <message numerus="yes">
        <location filename="../../models/document_tree_model.py" line="+226"/>
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
    <name>FilterBox</name>
    <message numerus="yes">
        <location filename="../../analysis/filter_box.py" line="+290"/>
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
        <location filename="../../transcript/find_bar.py" line="+158"/>
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
        <location filename="../../dialogs/import_dialog.py" line="+333"/>
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
        <location line="+104"/>
        <source>The %n file(s) imported before you cancelled are kept in the project; the files not started are listed below.</source>
        <translation>
            <numerusform>The %n file imported before you cancelled are kept in the project; the files not started are listed below.</numerusform>
            <numerusform>The %n files imported before you cancelled are kept in the project; the files not started are listed below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../main_window.py" line="+389"/>
        <source>‘{0}’: %n segment(s)</source>
        <translation>
            <numerusform>‘{0}’: %n segment</numerusform>
            <numerusform>‘{0}’: %n segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message numerus="yes">
        <location filename="../../dialogs/import_preview.py" line="+390"/>
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n turn</numerusform>
            <numerusform>%n turns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n speaker(s)</source>
        <translation>
            <numerusform>%n speaker</numerusform>
            <numerusform>%n speakers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>occurs only %n time(s)</source>
        <translation>
            <numerusform>occurs only %n time</numerusform>
            <numerusform>occurs only %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotesTab</name>
    <message numerus="yes">
        <location filename="../../analysis/quotes_tab.py" line="+83"/>
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
        <location filename="../../search_panel.py" line="+141"/>
        <source> (first %n shown)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
        <location filename="../../dialogs/import_sheet.py" line="+349"/>
        <source>%n unmatched row(s) name files about to be imported; they will match after the import.</source>
        <translation>
            <numerusform>%n unmatched row name files about to be imported; they will match after the import.</numerusform>
            <numerusform>%n unmatched rows name files about to be imported; they will match after the import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n document(s) linked to a participant.</source>
        <translation>
            <numerusform>%n document linked to a participant.</numerusform>
            <numerusform>%n documents linked to a participant.</numerusform>
        </translation>
    </message>
</context>
</TS>
