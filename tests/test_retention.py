"""R6313-7 deadlines, pure: dates on both sides of every boundary."""

from datetime import date, timedelta

import pytest

from bilancli.core.conservation import retention
from bilancli.core.model import Bilan, Consent, Document, Rendering
from bilancli.errors import BilanError

DAY = timedelta(days=1)
TODAY = date(2026, 3, 2)


def ended(on=date(2025, 6, 30), consents=(), withdrawn=(), **extra) -> retention.Facts:
    """The retention facts of an ended bilan, read from the full snapshot as `purge` reads them."""
    found = {k: Consent(k, date(2025, 1, 10)) for k in consents}
    found.update({k: Consent(k, date(2025, 1, 10), date(2025, 5, 1)) for k in withdrawn})
    return retention.Facts.from_bilan(Bilan(
        id="2025-001", nom="Martin", prenom="Claire", phase="termine",
        date_ouverture=date(2025, 1, 5), date_fin=on, consent_history=tuple(found.values()), **extra))


def settings(duree="1 an", administratif="5 ans", today=TODAY):
    return retention.settings_from_config({"duree": duree, "administratif": administratif}, today)


def due_kinds(bilan, today, s=None) -> set[str]:
    return {k for d in retention.due(bilan, s or settings(), today) for k in d.kinds}


def test_everything_is_due_on_the_day_the_action_ends_not_before():
    bilan = ended(on=date(2025, 6, 30))
    assert due_kinds(bilan, date(2025, 6, 29)) == set()
    kinds = due_kinds(bilan, date(2025, 6, 30))
    assert {"champs", "notes_entretien", "notes_suivi", "documents", "fichiers",
            "syntheses", "fichiers_synthese"} <= kinds
    assert "identite" not in kinds
    (content,) = retention.due(bilan, settings(), date(2025, 6, 30))
    assert content.rule == "R6313-7" and content.due_on == date(2025, 6, 30)


def test_a_running_bilan_is_never_due():
    running = retention.Facts.from_bilan(Bilan(id="2025-002", nom="A", prenom="B",
                                               phase="investigation", date_ouverture=date(2020, 1, 1)))
    assert retention.due(running, settings(), TODAY) == ()
    assert retention.next_deadline(running, settings()) is None


def test_exception_a_keeps_only_the_synthesis_until_the_period_ends():
    bilan = ended(on=date(2025, 6, 30), consents=("cep",))
    at_end = due_kinds(bilan, date(2025, 6, 30))
    assert "champs" in at_end and "documents" in at_end
    assert not at_end & {"syntheses", "fichiers_synthese"}
    assert not due_kinds(bilan, date(2026, 6, 29)) & {"syntheses", "fichiers_synthese"}
    deadlines = {d.what: d for d in retention.due(bilan, settings(), date(2026, 6, 30))}
    assert deadlines["synthese"].kinds == ("syntheses", "fichiers_synthese")
    assert deadlines["synthese"].rule == "R6313-7 exception A"
    assert deadlines["contenu"].rule == "R6313-7"


def test_exception_b_keeps_everything_until_the_same_day():
    bilan = ended(on=date(2025, 6, 30), consents=("conservation",))
    assert due_kinds(bilan, date(2026, 6, 29)) == set()
    (content,) = retention.due(bilan, settings(), date(2026, 6, 30))
    assert content.rule == "R6313-7 exception B"
    assert {"champs", "syntheses", "fichiers_synthese", "notes_suivi"} <= set(content.kinds)


def test_both_exceptions_keep_everything_until_the_period_ends():
    bilan = ended(on=date(2025, 6, 30), consents=("conservation", "cep"))
    assert due_kinds(bilan, date(2026, 6, 29)) == set()
    assert {"champs", "syntheses"} <= due_kinds(bilan, date(2026, 6, 30))


@pytest.mark.parametrize("kind", ["conservation", "cep"])
def test_a_withdrawn_consent_ends_its_exception_at_once(kind):
    bilan = ended(on=date(2025, 6, 30), withdrawn=(kind,))
    kinds = due_kinds(bilan, date(2025, 7, 1))
    assert {"champs", "syntheses", "fichiers_synthese"} <= kinds
    assert {d.rule for d in retention.due(bilan, settings(), date(2025, 7, 1))} == {"R6313-7"}


def test_anonymisation_after_the_administrative_period_once():
    bilan = ended(on=date(2020, 3, 31))
    assert "identite" not in due_kinds(bilan, date(2025, 3, 30))
    assert "identite" in due_kinds(bilan, date(2025, 3, 31))
    done = ended(on=date(2020, 3, 31), anonymised_on=date(2025, 4, 1))
    assert "identite" not in due_kinds(done, date(2025, 4, 2))


def test_periods_are_calendar_months_clamped_to_month_end():
    bilan = ended(on=date(2024, 2, 29), consents=("conservation",))
    assert retention.due(bilan, settings(), date(2025, 2, 27)) == ()
    assert retention.due(bilan, settings(), date(2025, 2, 28))[0].due_on == date(2025, 2, 28)


@pytest.mark.parametrize("text, months", [
    ("1 an", 12), ("2 ans", 24), ("18 mois", 18), ("6 mois", 6), ("3 ans", 36), (" 1 AN ", 12),
    ("1 année", 12),
])
def test_french_periods(text, months):
    assert retention.parse_period(text, "duree") == months


@pytest.mark.parametrize("text", ["", "un an", "0 mois", "2 semaines", "-1 an", "1an et demi"])
def test_unreadable_periods_are_refused_quoting_them(text):
    with pytest.raises(BilanError) as err:
        retention.parse_period(text, "duree")
    assert f"« {text} »" in err.value.message


def test_defaults_are_one_year_and_five_years():
    s = retention.settings_from_config({}, TODAY)
    assert (s.months, s.administrative_months) == (12, 60)


@pytest.mark.parametrize("duree, accepted", [("35 mois", True), ("3 ans", True), ("37 mois", False),
                                             ("4 ans", False)])
def test_the_period_may_not_exceed_the_maximum_in_force(duree, accepted):
    if accepted:
        assert settings(duree).months == retention.parse_period(duree, "duree")
    else:
        with pytest.raises(BilanError) as err:
            settings(duree)
        assert "R6313-7" in err.value.message and "2023-1350" in err.value.message
        assert duree in err.value.message


def test_the_maximum_in_force_is_dated():
    assert retention.legal_period(date(2023, 12, 30)).months == 12
    assert retention.legal_period(date(2023, 12, 31)).months == 36
    with pytest.raises(BilanError) as err:
        settings("2 ans", today=date(2023, 12, 30))
    assert "1 an" in err.value.message
    assert settings("2 ans", today=date(2023, 12, 31)).months == 24


def test_a_longer_period_is_capped_at_one_year_for_actions_ended_before_the_decree():
    s = settings("3 ans")
    before = ended(on=date(2023, 12, 30), consents=("conservation",))
    assert retention.due(before, s, date(2024, 12, 29)) == ()
    assert retention.due(before, s, date(2024, 12, 30))[0].due_on == date(2024, 12, 30)
    since = ended(on=date(2023, 12, 31), consents=("conservation",))
    assert retention.due(since, s, date(2026, 12, 30)) == ()
    assert retention.due(since, s, date(2026, 12, 31))[0].due_on == date(2026, 12, 31)


@pytest.mark.parametrize("duree, months", [("6 mois", 6), ("1 an", 12)])
def test_a_period_below_the_maximum_applies_as_set_before_and_after_the_decree(duree, months):
    for end in (date(2023, 6, 30), date(2024, 6, 30)):
        bilan = ended(on=end, consents=("conservation",))
        from bilancli.core.dates import months_later

        (content,) = [d for d in retention.schedule(bilan, settings(duree)) if d.what == "contenu"]
        assert content.due_on == months_later(end, months)


def test_an_administrative_period_shorter_than_the_conservation_is_refused():
    with pytest.raises(BilanError) as err:
        settings("2 ans", "1 an")
    assert "administratif" in err.value.message


def test_next_deadline_walks_content_then_synthesis_then_anonymisation():
    s = settings()
    synthese = (Document(1, "synthese", "Synthèse", 10),)
    bilan = ended(on=date(2025, 6, 30), consents=("cep",), documents=synthese)
    assert retention.next_deadline(bilan, s) == date(2025, 6, 30)
    destroyed = ended(on=date(2025, 6, 30), consents=("cep",), documents=synthese,
                      content_destroyed_on=date(2025, 7, 1))
    assert retention.next_deadline(destroyed, s) == date(2026, 6, 30)
    gone = ended(on=date(2025, 6, 30), consents=("cep",), content_destroyed_on=date(2025, 7, 1))
    assert retention.next_deadline(gone, s) == date(2030, 6, 30)
    retry = ended(on=date(2025, 6, 30), content_destroyed_on=date(2025, 7, 1), renderings=(
        Rendering(1, "emargement", "pdf", "documents/x.pdf", "h", "conclusion", date(2025, 6, 1)),))
    assert retention.next_deadline(retry, s) == date(2025, 6, 30)
    anonymised = ended(on=date(2019, 6, 30), content_destroyed_on=date(2019, 7, 1),
                       anonymised_on=date(2024, 7, 1))
    assert retention.next_deadline(anonymised, s) is None


def _rendering(kind, destroyed_on=None):
    return Rendering(1, kind, "pdf", "documents/x.pdf", "h", "conclusion", date(2025, 6, 1), destroyed_on)


def test_facts_read_from_the_full_snapshot():
    plain = ended()
    assert (plain.conservation, plain.cep, plain.synthesis_left, plain.other_files_left) == (
        False, False, False, False)
    assert ended(consents=("cep", "conservation")).cep and ended(consents=("conservation",)).conservation
    assert not ended(withdrawn=("conservation", "cep")).conservation
    assert ended(documents=(Document(1, "synthese", "Synthèse", 10),)).synthesis_left
    assert not ended(documents=(Document(1, "test", "Test", 10),)).synthesis_left
    assert ended(renderings=(_rendering("synthese"),)).synthesis_left
    assert not ended(renderings=(_rendering("synthese", date(2025, 7, 1)),)).synthesis_left
    stuck = ended(renderings=(_rendering("emargement"),))
    assert stuck.other_files_left and not stuck.synthesis_left
    assert not ended(renderings=(_rendering("convention", date(2025, 7, 1)),)).other_files_left
    assert ended(suivi_has_notes=True).suivi_has_notes


def test_a_purge_is_owed_from_the_day_it_falls_due_until_it_is_done():
    s = settings()
    bilan = ended(on=date(2025, 6, 30))
    assert retention.purge_due(bilan, s, date(2025, 6, 29)) is None
    assert retention.purge_due(bilan, s, date(2025, 6, 30)) == date(2025, 6, 30)
    assert retention.purge_due(bilan, s, TODAY) == date(2025, 6, 30)
    done = ended(on=date(2025, 6, 30), content_destroyed_on=date(2025, 7, 1))
    assert retention.purge_due(done, s, TODAY) is None
    later_notes = ended(on=date(2025, 6, 30), content_destroyed_on=date(2025, 7, 1), suivi_has_notes=True)
    assert retention.purge_due(later_notes, s, TODAY) == date(2025, 6, 30)


def test_with_the_agreement_a_purge_is_owed_only_after_the_period():
    s = settings()
    bilan = ended(on=date(2025, 6, 30), consents=("conservation",))
    assert retention.purge_due(bilan, s, date(2026, 6, 29)) is None
    assert retention.purge_due(bilan, s, date(2026, 6, 30)) == date(2026, 6, 30)


def test_anonymisation_is_an_owed_purge_until_done():
    s = settings()
    purged = ended(on=date(2020, 3, 31), content_destroyed_on=date(2020, 4, 1))
    assert retention.purge_due(purged, s, date(2025, 3, 30)) is None
    assert retention.purge_due(purged, s, date(2025, 3, 31)) == date(2025, 3, 31)
    anonymised = ended(on=date(2020, 3, 31), content_destroyed_on=date(2020, 4, 1),
                       anonymised_on=date(2025, 4, 1))
    assert retention.purge_due(anonymised, s, date(2025, 4, 2)) is None
