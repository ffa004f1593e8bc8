#!/bin/sh
# A real bilan, from opening to the record, in a throw-away data folder.
set -eu
BILAN_HOME="${BILAN_HOME:-$(mktemp -d)}"
export BILAN_HOME
# The demo's calendar: the bilan runs in September and October 2026.
export BILAN_TODAY="${BILAN_TODAY:-2026-10-20}"
echo "Données de démonstration : $BILAN_HOME"
# The demo's keys (SPEC §15) in a throw-away configuration folder of their own, outside the data
# folder, and never in the session's key ring: trying bilan leaves nothing in yours.
XDG_CONFIG_HOME="$(mktemp -d)"
export XDG_CONFIG_HOME
export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
echo "Clés de démonstration : $XDG_CONFIG_HOME"
cat > "$BILAN_HOME/config.toml" <<'TOML'
[cabinet]
nom = "MY CAMPUS"
adresse = "74 rue Jean Bouin, 84800 L'Isle-sur-la-Sorgue"
nda = "93840000000"
siret = "840 123 459 00017"
consultant = "Anne Roux"
representant = "Anne Roux"
telephone = "04 90 38 00 00"
email = "contact@mycampus.fr"
referent_handicap = "Paul Girard, 04 90 38 00 01, handicap@mycampus.fr"
[facturation]
iban = "FR76 3000 6000 0112 3456 7890 189"
TOML

id=$(bilan new --nom Martin --prenom Claire --statut salarie --financement cpf \
  --format mixte --heures-prevues 24 --tarif "1 800" --date 2026-09-01 --json \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
bilan consent "$id" bilan --date "1er septembre 2026"
bilan set "$id" demande "Faire le point après quinze ans en logistique et envisager une reconversion."
bilan set "$id" besoins "Identifier ses compétences transférables et un métier porteur près d'Avignon."
bilan set "$id" modalites "Huit entretiens de deux heures à trois heures, en présentiel et en visio, sur dix semaines."

# Préliminaire: a CPF bilan needs no convention; one entretien, then the gates hold.
bilan entretien add "$id" --date 2026-09-01 --duree 2h --notes "Premier entretien : cadre légal, attentes, planning."
bilan edof "$id" entree --date 2026-09-02   # CPF: the entry declared on EDOF within 3 working days
bilan phase show "$id"
bilan phase advance "$id" --date 2026-09-08

# Investigation: skills and a main project (the cabinet also asks for a plan B: a warning until it is there).
bilan entretien add "$id" --date 2026-09-08 --duree 3h --modalite visio
# The next one is planned on 15 September: a rendez-vous, its convocation, then held on the day.
BILAN_TODAY=2026-09-15 bilan rdv add "$id" --date "mardi 22 septembre 2026" --heure 14h --duree 2h30
BILAN_TODAY=2026-09-15 bilan convocation render "$id" 1 --format md -o -
BILAN_TODAY=2026-09-22 bilan rdv done "$id" 1
bilan set "$id" competences "Organisation de flux, management d'une équipe de huit, formation des nouveaux arrivants."
bilan set "$id" projet "Formatrice en logistique pour adultes (titre professionnel FPA)."
bilan phase show "$id"
bilan set "$id" plan_b "Responsable d'exploitation dans une plateforme de taille moyenne."
bilan phase advance "$id" --date 2026-10-06

# Conclusion: the action plan; the last gate is the synthèse, rendered with `bilan synthese render`.
bilan entretien add "$id" --date 2026-10-06 --duree 2h
bilan set "$id" objectifs "Obtenir le titre FPA d'ici juin 2027."
bilan set "$id" conditions "Financement CPF du titre ; période d'immersion dans un centre de formation."
bilan set "$id" etapes "Novembre : enquêtes métier ; janvier : entrée en formation ; juin : certification."
bilan set "$id" plan_action "Contacter trois organismes, monter le dossier CPF, entretien de suivi à six mois."
bilan entretien list "$id"
bilan phase show "$id"

# The synthèse belongs to the beneficiary (L6313-4): rendered, then the bilan ends.
bilan synthese render "$id" --format md -o -
bilan synthese render "$id"   # PDF by default (the pdf extra, installed by the first-screen command)
bilan emargement render "$id" --format html
bilan phase advance "$id" --date 2026-10-20
bilan satisfaction "$id" --moment fin --note 5 --date 2026-10-20
bilan show "$id"
# Her copy of her data (RGPD art. 15 and 20), handed over at the last session; the purge destroys it with the rest.
bilan export "$id"
ls -l "$BILAN_HOME/documents/$id"

# Getting paid: CPF rights pay at most 1 600 € (the Caisse des Dépôts takes the invoice number
# typed in EDOF, not a document); the beneficiary pays the rest. One sequence, no gap.
bilan certificat render "$id" --format html
bilan facture "$id" --montant 1600 --date 2026-10-20
bilan facture "$id" --payeur beneficiaire --adresse "5 rue des Lices, 84000 Avignon" --date 2026-10-20
bilan facture render F2026-0002 --format md -o -
bilan facture render F2026-0002 --format html
bilan paiement F2026-0002 --date 2026-10-20 --montant 200 --mode cheque
bilan factures

# A réclamation, answered and closed with its corrective action (Qualiopi indicators 31 and 32).
bilan reclamation add --bilan "$id" --date 2026-09-25 --origine beneficiaire --canal courriel \
  --objet "Convocation au rendez-vous du 22 septembre reçue une semaine avant seulement."
bilan reclamation answer R2026-001 --date 2026-09-28 --reponse "Excuses ; les convocations partent désormais quinze jours à l'avance."
bilan reclamation close R2026-001 --date 2026-10-05 --action "Planning des entretiens envoyé dès la phase préliminaire."
bilan reclamation list

# The follow-up interview six months on: planned, moved once, its convocation in HTML.
bilan rdv add "$id" --date 2027-04-20 --heure 10h --duree 1h --lien https://visio.mycampus.fr/suivi
bilan rdv move "$id" 2 --date 2027-04-22 --heure 10h30
bilan convocation render "$id" 2 --format html
bilan rdv list "$id"
# The calendar for the phone: the bilan's id only, never the beneficiary's name (L6313-4 al. 4).
calendars=$(mktemp -d)
bilan calendrier -o "$calendars/rendez-vous.ics"
grep -E '^(UID|DTSTART;|SEQUENCE|SUMMARY)' "$calendars/rendez-vous.ics"

# The action has ended: without a written agreement, R6313-7 wants its documents destroyed now.
# --dry-run shows what would go, when and why, and changes nothing.
bilan purge --dry-run

# The next intake, from the cabinet's spreadsheet (saved in CSV): checked whole, then opened all at once.
intake=$(mktemp -d)
printf 'Nom;Prénom;Statut;Financement;Heures prévues;Tarif (€ HT);Date d'"'"'ouverture\n%s\n%s\n' \
  'Durand;Luc;demandeur-emploi;france-travail;24;1 600;19/10/2026' \
  'Roux;Anne;salarie;plan;20;1 800,00 €;20/10/2026' > "$intake/entrees.csv"
bilan import "$intake/entrees.csv" --dry-run
bilan import "$intake/entrees.csv"

# Every morning: what falls due (the EDOF exit, the CPF payment, the follow-up in April, the
# purge…), and the year's figures, the BPF lines among them.
bilan agenda
bilan agenda --du 2027-04-01 --au 2027-04-30
bilan stats --annee 2026
