"""Pseudonymisation: find personal data, decide on pseudonyms, write a pseudonymised copy with codings kept.

The pipeline is ``detect`` (project lists, the researcher's term list and
deduce) -> ``Entity`` proposals -> ``Decision`` per term (stored in the project
or a term-list CSV) -> ``apply`` (a new project file whose offsets are moved)
plus a separate key file. The original project is only read.
"""
