"""Refusals that no file is to blame for (a name not in the project, a choice an action cannot take): Dutch too."""

from __future__ import annotations

from pathlib import Path

import pytest

from lobcoder.agreement.compute import AgreementProblem, coder_ids
from lobcoder.analysis.dataset import load_reading
from lobcoder.cli.main import run_cli
from lobcoder.codebook.builtin import CodebookConflictError, add_codebook_to_project, load_builtin_codebook
from lobcoder.editing.resolve_commands import ResolveDisagreement
from lobcoder.errors import LobcoderError, NotFoundError, Refused
from lobcoder.participants.value_types import UnparsableValue, parse_date, parse_number
from lobcoder.pseudonymise.export_copy import NoAcceptedDecisions, pseudonymised_copy
from lobcoder.services.codes import create_code
from lobcoder.services.documents import get_document
from lobcoder.storage.project import ProjectStore


def test_a_missing_document_is_english_for_str_and_dutch_on_request(store: ProjectStore) -> None:
    with store.read() as session, pytest.raises(NotFoundError) as caught:
        get_document(session, "int9")
    assert str(caught.value) == "no document named 'int9' in this project"
    assert caught.value.text("nl") == "dit project heeft geen document met de naam 'int9'"


def test_agreement_without_coders_says_so_in_dutch(store: ProjectStore) -> None:
    with store.read() as session:
        dataset = load_reading(session)
    with pytest.raises(AgreementProblem) as caught:
        coder_ids(dataset, ["Zoë", "Anna"])
    assert str(caught.value) == "no coder named 'Zoë' in this project (coders: none)"
    assert caught.value.text("nl") == "dit project heeft geen codeur met de naam 'Zoë' (codeurs: geen)"


def test_the_research_codebook_twice_is_refused_in_dutch(store: ProjectStore) -> None:
    codebook = load_builtin_codebook("nl")
    with store.transaction() as session:
        add_codebook_to_project(session, codebook)
    with store.transaction() as session, pytest.raises(CodebookConflictError) as caught:
        add_codebook_to_project(session, codebook)
    first = codebook.codes[0].name
    more = sum(1 for _ in codebook.walk()) - 1
    assert str(caught.value).startswith(f"the project already has the code {first!r} and {more} more (same GUID)")
    assert caught.value.text("nl") == (
        f"het project heeft de code {first!r} en nog {more} andere al (dezelfde GUID); "
        "importeer het codeboekbestand om ze samen te voegen"
    )


def test_a_recode_without_a_code_and_an_export_without_decisions_are_refused_in_dutch(store: ProjectStore) -> None:
    with store.transaction() as session:
        code = create_code(session, "Keuze")
    command = ResolveDisagreement(1, code.guid, 0, 5, "Anna", "Bram", "recode")
    with store.transaction() as session, pytest.raises(LobcoderError) as caught:
        command.apply(session)
    assert caught.value.text("nl") == "voor hercoderen is een andere code nodig die de betwiste code vervangt"
    with pytest.raises(NoAcceptedDecisions) as refused, pseudonymised_copy(store):
        pass
    assert str(refused.value) == (
        f"{store.path.name}: no accepted pseudonymisation decisions; review them first (File → Pseudonymise…)"
    )
    assert refused.value.text("nl") == (
        f"{store.path.name}: geen geaccepteerde pseudonimiseringsbesluiten; "
        "beoordeel ze eerst (Bestand → Pseudonimiseren…)"
    )


def test_cli_commands_with_language_nl_word_these_refusals_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "studie.lobcoder"
    ProjectStore.create(project).close()
    capsys.readouterr()
    assert run_cli(["report", "frequencies", str(project), "--filter", "golf=1", "--language", "nl"]) == 2
    assert capsys.readouterr().err.strip() == (
        "lobcoder: error: dit project heeft geen attribuut met de naam 'golf' (attributen: geen)"
    )
    assert run_cli(["agreement", str(project), "--coders", "Zoë", "Anna", "--language", "nl"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "lobcoder: error: dit project heeft geen codeur met de naam 'Zoë' (codeurs: geen)"
    assert run_cli(["agreement", str(project), "--out", str(tmp_path / "x.pdf"), "--language", "nl"]) == 2
    assert capsys.readouterr().err.strip() == f"lobcoder: error: {tmp_path / 'x.pdf'}: gebruik .docx, .xlsx of .csv"
    assert run_cli(["agreement", str(project), "--coders", "Zoë", "Anna"]) == 2
    assert "no coder named 'Zoë' in this project (coders: none)" in capsys.readouterr().err


def test_a_cell_that_is_no_number_or_date_says_why_in_dutch() -> None:
    with pytest.raises(UnparsableValue) as caught:
        parse_number("1.500")
    assert str(caught.value) == "ambiguous: could be a decimal or a thousands separator; write e.g. 1500 or 1,5"
    assert caught.value.wording.text("nl") == (
        "dubbelzinnig: kan een decimaalteken of een scheidingsteken voor duizendtallen zijn; "
        "schrijf bijvoorbeeld 1500 of 1,5"
    )
    with pytest.raises(UnparsableValue) as caught:
        parse_date("31-02-2023")
    assert caught.value.wording.text("nl").startswith("deze datum bestaat niet (")


def test_a_taken_name_is_refused_as_a_value_error_that_words_itself_in_dutch(store: ProjectStore) -> None:
    with store.transaction() as session:
        create_code(session, "Keuze")
    with store.transaction() as session, pytest.raises(ValueError) as caught:  # callers that catch ValueError still do
        create_code(session, "keuze")
    assert isinstance(caught.value, Refused)
    assert str(caught.value) == "there is already a code named 'keuze' at this level"
    assert caught.value.text("nl") == "op dit niveau is er al een code met de naam 'keuze'"
