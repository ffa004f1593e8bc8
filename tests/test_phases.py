"""The gates of SPEC §3, each alone, on snapshots built by hand: no database."""

from datetime import date

import pytest

from bilancli.core.dossier import phases
from bilancli.core.model import (
    Bilan,
    Consent,
    Convention,
    Document,
    Entretien,
    PhaseStep,
    Rendering,
)
from bilancli.errors import BilanError

D = date(2026, 3, 2)
LATER = date(2026, 12, 31)  # today, in tests not about the future


def make(phase="preliminaire", **kw) -> Bilan:
    return Bilan(id="2026-001", nom="Martin", prenom="Claire", phase=phase,
                 date_ouverture=date(2026, 3, 1), **kw)


def entretien(phase="preliminaire", minutes=120, day=D, id_=1):
    return Entretien(id_, day, minutes, "presentiel", phase)


def gate(phase: str, key: str):
    (found,) = [g for g in phases.GATES_TO_LEAVE[phase] + phases.GATES_ALWAYS if g.key == key]
    return found


CONSENTED = (Consent("bilan", D),)
PRELIM_DONE = dict(
    consent_history=CONSENTED,
    champs={"demande": "d", "besoins": "b", "modalites": "m"},
    format="mixte", financement="cpf", entretiens=(entretien(),),
)


def test_consent_gate_needs_an_active_bilan_consent():
    g = gate("preliminaire", "consentement")
    assert g.source == "L6313-4 al. 2"
    assert not g.holds(make())
    assert not g.holds(make(consent_history=(Consent("cep", D),)))
    assert not g.holds(make(consent_history=(Consent("bilan", D, withdrawn_on=D),)))
    assert g.holds(make(consent_history=(Consent("bilan", D),)))


def test_framing_gate_needs_three_fields_and_the_format():
    g = gate("preliminaire", "cadrage")
    assert g.source == "R6313-4 1° a–c"
    full = make(champs={"demande": "d", "besoins": "b", "modalites": "m"}, format="mixte")
    assert g.holds(full)
    assert not g.holds(full._replace(format=None))
    assert not g.holds(full._replace(champs={"demande": "d", "besoins": "  ", "modalites": "m"}))
    (check,) = [c for c in phases.check_gates(full._replace(format=None, champs={"demande": "d"}))
                if c.gate.key == "cadrage"]
    assert check.missing == ("besoins", "modalites", "format")


def test_financing_gate():
    g = gate("preliminaire", "financement")
    assert g.source == "R6313-8"
    assert not g.holds(make())
    assert g.holds(make(financement="personnel"))


@pytest.mark.parametrize("financement", ["plan", "reclassement"])
def test_convention_gate_applies_to_plan_and_reclassement_only(financement):
    g = gate("preliminaire", "convention")
    assert g.source == "R6313-8"
    assert g.applies(make(financement=financement))
    assert not g.applies(make(financement="cpf"))
    assert not g.applies(make())
    assert "convention" not in [c.gate.key for c in phases.check_gates(make(financement="cpf"))]


def test_convention_gate_needs_a_signature_within_ten_days():
    g = gate("preliminaire", "convention")
    sent = date(2026, 2, 1)
    assert not g.holds(make(financement="plan"))
    assert not g.holds(make(financement="plan", convention=Convention(sent_on=sent)))
    assert g.holds(make(financement="plan", convention=Convention(sent, date(2026, 2, 11))))
    assert not g.holds(make(financement="plan", convention=Convention(sent, date(2026, 2, 12))))


@pytest.mark.parametrize(("phase", "source"), [
    ("preliminaire", "R6313-4"), ("investigation", "R6313-4"), ("conclusion", "R6313-4 3°"),
])
def test_entretien_gate_counts_only_entretiens_of_the_current_phase(phase, source):
    g = gate(phase, "entretien")
    assert g.source == source
    assert not g.holds(make(phase))
    other = "conclusion" if phase != "conclusion" else "investigation"
    assert not g.holds(make(phase, entretiens=(entretien(other),)))
    assert g.holds(make(phase, entretiens=(entretien(other), entretien(phase, id_=2))))


def test_competences_gate():
    g = gate("investigation", "competences")
    assert g.source == "L6313-4 al. 1"
    assert not g.holds(make("investigation"))
    assert g.holds(make("investigation", champs={"competences": "c"}))


def test_projet_gate_accepts_either_and_warns_when_only_one():
    g = gate("investigation", "projet")
    assert g.source == "R6313-4 2°"
    assert not g.holds(make("investigation"))
    only_b = make("investigation", champs={"plan_b": "b"})
    assert g.holds(only_b) and g.holds(make("investigation", champs={"projet": "p"}))
    assert any("plan B" in w and "« Plan B »" in w and "plan_b" not in w for w in phases.warnings(only_b))
    both = make("investigation", champs={"projet": "p", "plan_b": "b"})
    assert not any("plan B" in w for w in phases.warnings(both))


def test_conclusions_gate_needs_four_fields():
    g = gate("conclusion", "conclusions")
    assert g.source == "R6313-4 3° b–c"
    four = {"objectifs": "o", "conditions": "c", "etapes": "e", "plan_action": "p"}
    assert g.holds(make("conclusion", champs=four))
    assert not g.holds(make("conclusion", champs={**four, "etapes": ""}))


def test_synthese_gate_holds_on_a_rendering_or_a_kept_copy_of_this_phase():
    g = gate("conclusion", "synthese")
    assert g.source == "L6313-4 al. 3"
    rendu = Rendering(1, "synthese", "pdf", "documents/x.pdf", "ab", "conclusion", D)
    assert not g.holds(make("conclusion"))
    assert g.holds(make("conclusion", renderings=(rendu,)))
    assert not g.holds(make("conclusion", renderings=(rendu._replace(phase="investigation"),)))
    assert not g.holds(make("conclusion", renderings=(rendu._replace(kind="convention"),)))
    copy = Document(1, "synthese", "Synthèse", 10, phase="conclusion")
    assert g.holds(make("conclusion", documents=(copy,)))
    assert not g.holds(make("conclusion", documents=(copy._replace(type="cv"),)))


def test_hours_gate_applies_in_every_open_phase():
    g = gate("preliminaire", "heures")
    assert g.source == "L6313-4 al. 5"
    assert g.holds(make(entretiens=(entretien(minutes=24 * 60),)))
    assert not g.holds(make(entretiens=(entretien(minutes=24 * 60), entretien(minutes=1, id_=2))))
    for phase in ("preliminaire", "investigation", "conclusion"):
        assert "heures" in [c.gate.key for c in phases.check_gates(make(phase))]


def test_closed_bilans_have_no_gates():
    assert phases.check_gates(make("termine")) == ()
    assert phases.check_gates(make("abandonne")) == ()


def test_advance_moves_one_step_when_every_gate_holds():
    assert phases.advance(make(**PRELIM_DONE), D, LATER).phase == "investigation"
    inv = make("investigation", champs={"competences": "c", "projet": "p"}, consent_history=CONSENTED,
               entretiens=(entretien("investigation"),))
    assert phases.advance(inv, D, LATER).phase == "conclusion"


def test_advance_lists_every_unmet_gate_with_its_source():
    with pytest.raises(BilanError) as err:
        phases.advance(make(financement="plan"), D, LATER)
    text = err.value.message
    for source in ("L6313-4 al. 2", "R6313-4 1° a–c", "R6313-8", "R6313-4)"):
        assert source in text
    assert "demande, besoins, modalites, format" in text
    assert "financement renseigné" not in text


@pytest.mark.parametrize("phase", ["termine", "abandonne"])
def test_a_closed_bilan_cannot_advance_nor_be_abandoned(phase):
    with pytest.raises(BilanError, match="pas de phase suivante"):
        phases.advance(make(phase), D, LATER)
    with pytest.raises(BilanError, match="clos"):
        phases.abandon(make(phase), D, None, LATER)


def test_dates_cannot_precede_the_current_phase_nor_the_last_entretien():
    inv = make("investigation", champs={"competences": "c", "projet": "p"}, consent_history=CONSENTED,
               entretiens=(entretien("investigation", day=date(2026, 3, 20)),),
               history=(PhaseStep("preliminaire", date(2026, 3, 1)),
                        PhaseStep("investigation", date(2026, 3, 10))))
    assert phases.phase_entered_on(inv) == date(2026, 3, 10)
    with pytest.raises(BilanError, match="précède l'entrée"):
        phases.advance(inv, date(2026, 3, 9), LATER)
    with pytest.raises(BilanError, match="dernier entretien"):
        phases.abandon(inv, date(2026, 3, 15), None, LATER)
    phases.abandon(inv, date(2026, 3, 20), None, LATER)


def test_warnings_are_cabinet_practice_not_gates():
    conclusion = make("conclusion")
    assert any("Qualiopi" in w for w in phases.warnings(conclusion))
    assert not any("Qualiopi" in w for w in phases.warnings(conclusion._replace(satisfaction={"fin": 5})))
    over = make(heures_prevues_minutes=60, entretiens=(entretien(minutes=90),))
    assert any("heures prévues" in w for w in phases.warnings(over))
    assert phases.warnings(make()) == []


@pytest.mark.parametrize("phase", ["preliminaire", "investigation", "conclusion"])
def test_the_bilan_consent_must_still_hold_to_leave_every_open_phase(phase):
    g = gate(phase, "consentement")
    assert g.source == "L6313-4 al. 2"
    assert g.holds(make(phase, consent_history=(Consent("bilan", D),)))
    assert not g.holds(make(phase, consent_history=(Consent("bilan", D, withdrawn_on=D),)))


def test_a_withdrawn_consent_blocks_advancing_from_investigation():
    inv = make("investigation", champs={"competences": "c", "projet": "p"},
               entretiens=(entretien("investigation"),),
               consent_history=(Consent("bilan", D, withdrawn_on=D),))
    with pytest.raises(BilanError, match="L6313-4 al. 2"):
        phases.advance(inv, D, LATER)


def test_transitions_and_abandons_are_not_dated_in_the_future():
    with pytest.raises(BilanError, match="le passage de phase"):
        phases.advance(make(**PRELIM_DONE), date(2026, 3, 3), D)
    assert phases.advance(make(**PRELIM_DONE), D, D).phase == "investigation"
    conclusion = make("conclusion", consent_history=(Consent("bilan", D),))
    with pytest.raises(BilanError, match="la fin du bilan.*R6313-7"):
        phases.advance(conclusion, date(2099, 1, 1), D)
    with pytest.raises(BilanError, match="01/01/2099"):
        phases.abandon(make(), date(2099, 1, 1), None, D)
    phases.abandon(make(), D, None, D)


def test_the_satisfaction_warning_names_its_command():
    (warning,) = [w for w in phases.warnings(make("conclusion")) if "Qualiopi" in w]
    assert "bilan satisfaction 2026-001 --moment fin --note N" in warning
