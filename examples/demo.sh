#!/bin/sh
# A real bilan, from opening to the record, in a throw-away data folder.
set -eu
BILAN_HOME="${BILAN_HOME:-$(mktemp -d)}"
export BILAN_HOME
echo "Données de démonstration : $BILAN_HOME"

id=$(bilan new --nom Martin --prenom Claire --statut salarie --financement cpf \
  --format mixte --heures-prevues 24 --tarif "1 800" --date 2026-09-01 --json \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
bilan consent "$id" bilan --date "1er septembre 2026"
bilan set "$id" demande "Faire le point après quinze ans en logistique et envisager une reconversion."
bilan set "$id" besoins "Identifier ses compétences transférables et un métier porteur près d'Avignon."
bilan set "$id" modalites "Huit entretiens de deux heures à trois heures, en présentiel et en visio, sur dix semaines."
bilan show "$id"
