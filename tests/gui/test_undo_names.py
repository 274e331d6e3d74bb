"""Edit-menu names of actions, in English and Dutch, with plurals."""

from __future__ import annotations

from lobcoder.editing.code_commands import DeleteCode
from lobcoder.editing.coding_commands import RemoveCodings, apply_code
from lobcoder.gui.i18n import install_translations
from lobcoder.gui.undo import describe


def test_names_use_plural_forms_and_the_code_name(qapp) -> None:
    two = apply_code(1, "guid", [(0, 1), (2, 3)], "Fenna")
    assert describe(two) == "Apply code to 2 passages"
    assert describe(RemoveCodings(["a"])) == "Remove 1 coding"
    assert describe(DeleteCode("g", name="Visie")) == "Delete code ‘Visie’"
    install_translations(qapp, "nl")
    assert describe(two) == "Code toepassen op 2 passages"
    assert describe(RemoveCodings(["a"])) == "1 codering verwijderen"
    assert describe(DeleteCode("g", name="Visie")) == "Code ‘Visie’ verwijderen"
