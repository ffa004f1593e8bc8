"""Schema changes as append-only, named migrations (sqlite-utils `Migrations`).

Never edit a migration that has shipped: append a new one. `SCHEMA_VERSION`
is written to `PRAGMA user_version` so that opening an up-to-date store does
not even import sqlite-utils.
"""

from __future__ import annotations

INITIAL = (
    """CREATE TABLE bilans (
        id TEXT PRIMARY KEY,
        annee INTEGER NOT NULL,
        numero INTEGER NOT NULL,
        nom TEXT,
        prenom TEXT,
        email TEXT,
        telephone TEXT,
        statut TEXT,
        financement TEXT,
        format TEXT,
        employeur TEXT,
        heures_prevues_minutes INTEGER,
        tarif_centimes INTEGER,
        phase TEXT NOT NULL DEFAULT 'preliminaire',
        date_ouverture TEXT NOT NULL,
        date_fin TEXT,
        motif_abandon TEXT,
        contenu_detruit_le TEXT,
        anonymise_le TEXT,
        UNIQUE (annee, numero)
    )""",
    "CREATE INDEX bilans_phase ON bilans (phase, date_ouverture)",
    "CREATE INDEX bilans_date_fin ON bilans (date_fin)",
    # Content fields live apart from the record so the purge deletes rows, not columns.
    """CREATE TABLE champs (
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        champ TEXT NOT NULL,
        valeur TEXT NOT NULL,
        modifie_le TEXT NOT NULL,
        PRIMARY KEY (bilan_id, champ)
    )""",
    """CREATE TABLE consentements (
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date TEXT NOT NULL,
        retire_le TEXT,
        PRIMARY KEY (bilan_id, type)
    )""",
    """CREATE TABLE conventions (
        bilan_id TEXT PRIMARY KEY REFERENCES bilans (id) ON DELETE CASCADE,
        transmise TEXT,
        signee TEXT
    )""",
    """CREATE TABLE phases (
        id INTEGER PRIMARY KEY,
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        phase TEXT NOT NULL,
        date_entree TEXT NOT NULL
    )""",
    "CREATE INDEX phases_bilan ON phases (bilan_id)",
    """CREATE TABLE entretiens (
        id INTEGER PRIMARY KEY,
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        duree_minutes INTEGER NOT NULL CHECK (duree_minutes > 0),
        modalite TEXT NOT NULL,
        phase TEXT NOT NULL,
        notes TEXT
    )""",
    "CREATE INDEX entretiens_bilan ON entretiens (bilan_id, date)",
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        titre TEXT NOT NULL,
        nom_fichier TEXT,
        taille INTEGER NOT NULL,
        contenu BLOB NOT NULL,
        phase TEXT,
        cree_le TEXT NOT NULL
    )""",
    "CREATE INDEX documents_bilan ON documents (bilan_id)",
    # Files written under documents/: path and hash, so the purge can find and destroy them.
    """CREATE TABLE rendus (
        id INTEGER PRIMARY KEY,
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        genre TEXT NOT NULL,
        format TEXT NOT NULL,
        chemin TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        phase TEXT,
        cree_le TEXT NOT NULL,
        detruit_le TEXT
    )""",
    "CREATE INDEX rendus_bilan ON rendus (bilan_id)",
    """CREATE TABLE suivis (
        bilan_id TEXT PRIMARY KEY REFERENCES bilans (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        notes TEXT
    )""",
    """CREATE TABLE satisfactions (
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        moment TEXT NOT NULL,
        note INTEGER NOT NULL CHECK (note BETWEEN 1 AND 5),
        commentaire TEXT,
        date TEXT NOT NULL,
        PRIMARY KEY (bilan_id, moment)
    )""",
    """CREATE TABLE edof (
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        sens TEXT NOT NULL,
        date TEXT NOT NULL,
        PRIMARY KEY (bilan_id, sens)
    )""",
    # What the purge destroyed: kind, count, bytes, rule. Never the content.
    """CREATE TABLE purges (
        id INTEGER PRIMARY KEY,
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        nature TEXT NOT NULL,
        nombre INTEGER NOT NULL,
        octets INTEGER NOT NULL,
        regle TEXT NOT NULL
    )""",
    "CREATE INDEX purges_bilan ON purges (bilan_id)",
)

# The attendance totals the agenda and the figures read for every bilan, kept by triggers on
# `entretiens` so that no write path can forget them: aggregating every entretien of ten
# years on each `bilan agenda` cost more than the rest of the command.
_RECOMPUTE = """UPDATE bilans SET
        premier_entretien = (SELECT MIN(date) FROM entretiens WHERE bilan_id = {ref}),
        dernier_entretien = (SELECT MAX(date) FROM entretiens WHERE bilan_id = {ref}),
        minutes_realisees = (SELECT COALESCE(SUM(duree_minutes), 0) FROM entretiens
                             WHERE bilan_id = {ref})
    WHERE id = {ref}"""
ATTENDANCE_TOTALS = (
    "ALTER TABLE bilans ADD COLUMN premier_entretien TEXT",
    "ALTER TABLE bilans ADD COLUMN dernier_entretien TEXT",
    "ALTER TABLE bilans ADD COLUMN minutes_realisees INTEGER NOT NULL DEFAULT 0",
    _RECOMPUTE.format(ref="bilans.id").replace("WHERE id = bilans.id", ""),
    f"""CREATE TRIGGER entretiens_totaux_ajout AFTER INSERT ON entretiens BEGIN
        {_RECOMPUTE.format(ref="NEW.bilan_id")}; END""",
    f"""CREATE TRIGGER entretiens_totaux_retrait AFTER DELETE ON entretiens BEGIN
        {_RECOMPUTE.format(ref="OLD.bilan_id")}; END""",
    f"""CREATE TRIGGER entretiens_totaux_modification
        AFTER UPDATE OF bilan_id, date, duree_minutes ON entretiens BEGIN
        {_RECOMPUTE.format(ref="OLD.bilan_id")};
        {_RECOMPUTE.format(ref="NEW.bilan_id")}; END""",
)

# A rendered file is recorded before it appears under its name: its temporary name too
# (`provisoire`), until the rename is confirmed; a killed rendering leaves nothing the purge
# does not know.
SAFE_FILES = (
    "ALTER TABLE rendus ADD COLUMN provisoire TEXT",
)

# Real life: entretiens keep a number of their own (never reused), corrections leave a trail,
# the consent history is kept whole, silence is recorded, deleted bilans keep their id,
# and a rendered file knows its retention class.
REAL_LIFE = (
    "ALTER TABLE bilans ADD COLUMN entretiens_numerotes INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entretiens ADD COLUMN numero INTEGER",
    """UPDATE entretiens SET numero = (
        SELECT COUNT(*) FROM entretiens e2 WHERE e2.bilan_id = entretiens.bilan_id
        AND (e2.date < entretiens.date OR (e2.date = entretiens.date AND e2.id <= entretiens.id)))""",
    """UPDATE bilans SET entretiens_numerotes =
        (SELECT COALESCE(MAX(numero), 0) FROM entretiens WHERE bilan_id = bilans.id)""",
    "CREATE UNIQUE INDEX entretiens_numero ON entretiens (bilan_id, numero)",
    # What was corrected in the administrative record: what it was, what it became, when, why.
    """CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        objet TEXT NOT NULL,
        avant TEXT,
        apres TEXT,
        motif TEXT
    )""",
    "CREATE INDEX corrections_bilan ON corrections (bilan_id)",
    # Consents: one row per consent given, its withdrawal on the same row; giving it again
    # after a withdrawal is a new row.
    """CREATE TABLE consentements_historique (
        id INTEGER PRIMARY KEY,
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date TEXT NOT NULL,
        retire_le TEXT
    )""",
    "INSERT INTO consentements_historique (bilan_id, type, date, retire_le) "
    "SELECT bilan_id, type, date, retire_le FROM consentements ORDER BY date",
    "DROP TABLE consentements",
    "ALTER TABLE consentements_historique RENAME TO consentements",
    "CREATE INDEX consentements_bilan ON consentements (bilan_id, type)",
    # A questionnaire sent and never answered; a follow-up proposed that did not take place.
    """CREATE TABLE satisfactions_nouvelles (
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        moment TEXT NOT NULL,
        note INTEGER CHECK (note IS NULL OR note BETWEEN 1 AND 5),
        commentaire TEXT,
        date TEXT NOT NULL,
        sans_reponse INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (bilan_id, moment)
    )""",
    "INSERT INTO satisfactions_nouvelles (bilan_id, moment, note, commentaire, date) "
    "SELECT bilan_id, moment, note, commentaire, date FROM satisfactions",
    "DROP TABLE satisfactions",
    "ALTER TABLE satisfactions_nouvelles RENAME TO satisfactions",
    "ALTER TABLE suivis ADD COLUMN non_realise INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE suivis ADD COLUMN motif TEXT",
    # The ids of bilans deleted as opened by mistake: never given again, purged from backups.
    "CREATE TABLE bilans_supprimes (id TEXT PRIMARY KEY)",
    # Files of content go with the content; administrative ones (convention, attendance
    # sheet) stay as evidence until the record is anonymised. Older renderings: content.
    "ALTER TABLE rendus ADD COLUMN classe TEXT NOT NULL DEFAULT 'contenu'",
)

# The consultant's week (SPEC §9): rendez-vous planned ahead, numbered per bilan and never
# deleted (a cancelled one keeps its number). `debut` is local wall time in Europe/Paris,
# `AAAA-MM-JJTHH:MM`: text that sorts as time does. `deplacements` counts the moves (the
# calendar's SEQUENCE); `modifie_le` is the day of the last change (its DTSTAMP). `motif`
# is the cancellation motive the consultant typed: bilan content (R6313-7).
RENDEZ_VOUS = (
    """CREATE TABLE rdv (
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        numero INTEGER NOT NULL,
        debut TEXT NOT NULL,
        duree_minutes INTEGER NOT NULL CHECK (duree_minutes > 0),
        modalite TEXT NOT NULL,
        lieu TEXT,
        lien TEXT,
        statut TEXT NOT NULL DEFAULT 'prevu' CHECK (statut IN ('prevu', 'tenu', 'annule')),
        deplacements INTEGER NOT NULL DEFAULT 0,
        annule_le TEXT,
        annule_par TEXT,
        motif TEXT,
        modifie_le TEXT NOT NULL,
        PRIMARY KEY (bilan_id, numero)
    )""",
    # The week of every bilan, and the overlap check: rendez-vous by start.
    "CREATE INDEX rdv_debut ON rdv (debut)",
)

# Invoices, credit notes and payments (SPEC §10), accounting records kept ten years, and the
# register of réclamations (§11). Self-contained: no table of another migration is altered.
FACTURES_RECLAMATIONS = (
    # One row per invoice or credit note; numbered inside the writing transaction, so two
    # terminals never share a number nor leave a gap. No cascade from `bilans`: a bilan that
    # was invoiced can never be deleted (`delete` refuses it; the key makes sure).
    """CREATE TABLE factures (
        numero TEXT PRIMARY KEY,
        annee INTEGER NOT NULL,
        rang INTEGER NOT NULL CHECK (rang > 0),
        type TEXT NOT NULL CHECK (type IN ('facture', 'avoir')),
        bilan_id TEXT NOT NULL REFERENCES bilans (id),
        date TEXT NOT NULL,
        payeur TEXT NOT NULL,
        montant_ht_centimes INTEGER NOT NULL,
        tva_centimes INTEGER NOT NULL,
        montant_ttc_centimes INTEGER NOT NULL,
        echeance TEXT,
        annule TEXT,
        document TEXT NOT NULL,
        UNIQUE (annee, rang)
    )""",
    "CREATE INDEX factures_bilan ON factures (bilan_id)",
    "CREATE INDEX factures_date ON factures (date)",
    # At most one credit note per invoice.
    "CREATE UNIQUE INDEX factures_annule ON factures (annule) WHERE annule IS NOT NULL",
    """CREATE TABLE sequence_factures (
        annee INTEGER PRIMARY KEY,
        dernier INTEGER NOT NULL,
        derniere_date TEXT NOT NULL
    )""",
    """CREATE TABLE paiements (
        id INTEGER PRIMARY KEY,
        facture TEXT NOT NULL REFERENCES factures (numero) ON DELETE CASCADE,
        date TEXT NOT NULL,
        montant_centimes INTEGER NOT NULL CHECK (montant_centimes > 0),
        mode TEXT NOT NULL
    )""",
    "CREATE INDEX paiements_facture ON paiements (facture)",
    # No key to `factures`: a file the purge could not delete outlives its invoice's row and is
    # retried at the next run, under its bilan. Recorded before it is written, as `rendus`
    # is: `provisoire` is its temporary name until the rename is confirmed.
    """CREATE TABLE rendus_factures (
        id INTEGER PRIMARY KEY,
        facture TEXT NOT NULL,
        bilan_id TEXT NOT NULL,
        format TEXT NOT NULL,
        chemin TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        cree_le TEXT NOT NULL,
        provisoire TEXT
    )""",
    "CREATE INDEX rendus_factures_facture ON rendus_factures (facture)",
    """CREATE TABLE reclamations (
        numero TEXT PRIMARY KEY,
        annee INTEGER NOT NULL,
        rang INTEGER NOT NULL CHECK (rang > 0),
        bilan_id TEXT REFERENCES bilans (id) ON DELETE SET NULL,
        date TEXT NOT NULL,
        origine TEXT NOT NULL,
        canal TEXT NOT NULL,
        objet TEXT,
        echeance TEXT NOT NULL,
        repondue_le TEXT,
        reponse TEXT,
        close_le TEXT,
        action TEXT,
        textes_detruits_le TEXT,
        UNIQUE (annee, rang)
    )""",
    "CREATE INDEX reclamations_date ON reclamations (date)",
    # What the purge destroyed of a réclamation: kind, count, bytes, rule. Never the text.
    """CREATE TABLE purges_reclamations (
        id INTEGER PRIMARY KEY,
        reclamation TEXT NOT NULL REFERENCES reclamations (numero),
        date TEXT NOT NULL,
        nature TEXT NOT NULL,
        nombre INTEGER NOT NULL,
        octets INTEGER NOT NULL,
        regle TEXT NOT NULL
    )""",
)

# Partial credit notes (SPEC §10): several may stand on one invoice, never more in all than
# it (core.invoices checks the sum).
PARTIAL_CREDIT_NOTES = (
    "DROP INDEX factures_annule",
    "CREATE INDEX factures_annule ON factures (annule) WHERE annule IS NOT NULL",
)

# The working set (issue 19): what `agenda` and `purge` read is what can still be owed, found
# by index, so that ten years of settled bilans cost nothing. `a_faire` says whether the
# consultant may still have something to record: the bilan is open, or its follow-up, a
# questionnaire or an EDOF declaration is missing where one can be owed (`core.agenda`'s
# rules, read widely: a bilan flagged for nothing costs a row, one missed would hide an
# obligation). Kept by triggers, as the attendance totals are, so that no write path — a
# writer, the purge, a restore, an import — can forget it; a new kind of obligation in
# `core.agenda` comes with a migration that widens it. What the purge may still destroy is
# read from the data itself, through partial indexes holding only what is left.
_OWES = """UPDATE bilans SET a_faire = (
        phase NOT IN ('termine', 'abandonne')
        OR (phase = 'termine' AND (
            NOT EXISTS (SELECT 1 FROM suivis WHERE bilan_id = {ref})
            OR NOT EXISTS (SELECT 1 FROM satisfactions WHERE bilan_id = {ref} AND moment = 'suivi')))
        OR ((phase = 'termine' OR premier_entretien IS NOT NULL) AND NOT EXISTS (
            SELECT 1 FROM satisfactions WHERE bilan_id = {ref} AND moment = 'fin'))
        OR (financement = 'cpf' AND premier_entretien IS NOT NULL AND (
            NOT EXISTS (SELECT 1 FROM edof WHERE bilan_id = {ref} AND sens = 'entree')
            OR NOT EXISTS (SELECT 1 FROM edof WHERE bilan_id = {ref} AND sens = 'sortie'))))
    WHERE id = {ref}"""


def _recorded_triggers(table: str, columns: str) -> tuple[str, ...]:
    """Recompute `a_faire` when a row of `table` (suivis, satisfactions, edof) comes or goes."""
    return (
        f"CREATE TRIGGER {table}_a_faire_ajout AFTER INSERT ON {table} BEGIN "
        f"{_OWES.format(ref='NEW.bilan_id')}; END",
        f"CREATE TRIGGER {table}_a_faire_retrait AFTER DELETE ON {table} BEGIN "
        f"{_OWES.format(ref='OLD.bilan_id')}; END",
        f"CREATE TRIGGER {table}_a_faire_modification AFTER UPDATE OF {columns} ON {table} BEGIN "
        f"{_OWES.format(ref='OLD.bilan_id')}; {_OWES.format(ref='NEW.bilan_id')}; END",
    )


WORKING_SET = (
    "ALTER TABLE bilans ADD COLUMN a_faire INTEGER NOT NULL DEFAULT 1",
    _OWES.format(ref="bilans.id").replace("WHERE id = bilans.id", ""),
    f"CREATE TRIGGER bilans_a_faire_ajout AFTER INSERT ON bilans BEGIN {_OWES.format(ref='NEW.id')}; END",
    "CREATE TRIGGER bilans_a_faire_modification AFTER UPDATE OF phase, financement, "
    f"premier_entretien ON bilans BEGIN {_OWES.format(ref='NEW.id')}; END",
    *_recorded_triggers("suivis", "bilan_id"),
    *_recorded_triggers("satisfactions", "bilan_id, moment"),
    *_recorded_triggers("edof", "bilan_id, sens"),
    # Each index holds only what is left to do; `store.snapshots.working_set` reads them.
    "CREATE INDEX bilans_a_faire ON bilans (id) WHERE a_faire AND anonymise_le IS NULL",
    "CREATE INDEX bilans_contenu_restant ON bilans (id) WHERE contenu_detruit_le IS NULL",
    "CREATE INDEX bilans_a_anonymiser ON bilans (date_fin) WHERE anonymise_le IS NULL",
    "CREATE INDEX bilans_motif_abandon ON bilans (id) WHERE motif_abandon IS NOT NULL",
    "CREATE INDEX entretiens_notes ON entretiens (bilan_id) WHERE notes IS NOT NULL",
    "CREATE INDEX suivis_notes ON suivis (bilan_id) WHERE notes IS NOT NULL",
    "CREATE INDEX suivis_motif ON suivis (bilan_id) WHERE motif IS NOT NULL",
    "CREATE INDEX satisfactions_commentaire ON satisfactions (bilan_id) WHERE commentaire IS NOT NULL",
    "CREATE INDEX rdv_motif ON rdv (bilan_id) WHERE motif IS NOT NULL",
    "CREATE INDEX corrections_motif ON corrections (bilan_id) WHERE motif IS NOT NULL",
    "CREATE INDEX rdv_prevus ON rdv (bilan_id) WHERE statut = 'prevu'",
    "CREATE INDEX rendus_restants ON rendus (bilan_id) WHERE detruit_le IS NULL",
    "CREATE INDEX consentements_en_vigueur ON consentements (type, bilan_id) WHERE retire_le IS NULL",
)

# The complete record (issue 21): the beneficiary's civilité and postal address (identity,
# erased at the anonymisation); the signed convention kept as bytes with its hash
# (administrative evidence, destroyed at the anonymisation); the cabinet's directory of
# organismes (legal persons, no retention clock), one per name accents and case ignored.
COMPLETE_RECORD = (
    "ALTER TABLE bilans ADD COLUMN civilite TEXT",
    "ALTER TABLE bilans ADD COLUMN adresse TEXT",
    "ALTER TABLE conventions ADD COLUMN preuve BLOB",
    "ALTER TABLE conventions ADD COLUMN preuve_methode TEXT",
    "ALTER TABLE conventions ADD COLUMN preuve_sha256 TEXT",
    "ALTER TABLE conventions ADD COLUMN preuve_taille INTEGER",
    """CREATE TABLE organismes (
        cle TEXT PRIMARY KEY,
        nom TEXT NOT NULL,
        adresse TEXT NOT NULL,
        siret TEXT,
        type TEXT NOT NULL DEFAULT 'autre',
        email TEXT,
        telephone TEXT
    )""",
)

# Questionnaires followed up (Qualiopi indicator 30, SPEC §4): the day each was sent, how many
# reminders went and the day of the last; the answer (or the silence) stays in `satisfactions`.
QUESTIONNAIRES = (
    """CREATE TABLE questionnaires (
        bilan_id TEXT NOT NULL REFERENCES bilans (id) ON DELETE CASCADE,
        moment TEXT NOT NULL,
        envoye_le TEXT NOT NULL,
        relances INTEGER NOT NULL DEFAULT 0 CHECK (relances >= 0),
        relance_le TEXT,
        PRIMARY KEY (bilan_id, moment)
    )""",
    # The Qualiopi file reads, per bilan, its modalities and the day each document was last
    # rendered: from these indexes alone, never from the rows.
    "CREATE INDEX entretiens_modalite ON entretiens (bilan_id, modalite)",
    "CREATE INDEX rendus_genre ON rendus (bilan_id, genre, cree_le)",
)

# Encryption at rest (SPEC §15): one row, made by the first command that writes
# (`store.cles.trousseau.Keys.set_up`); no key is ever stored here.
ENCRYPTION = (
    """CREATE TABLE chiffrement (
        magasin TEXT NOT NULL,
        maitre TEXT NOT NULL,
        clair INTEGER NOT NULL DEFAULT 0,
        secours_le TEXT,
        secours_perime_le TEXT
    )""",
)

MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("0001_initial", INITIAL),
    ("0002_attendance_totals", ATTENDANCE_TOTALS),
    ("0003_fichiers_surs", SAFE_FILES),
    ("0004_corrections", REAL_LIFE),
    ("0005_rendez_vous", RENDEZ_VOUS),
    ("0006_factures_reclamations", FACTURES_RECLAMATIONS),
    ("0007_avoirs_partiels", PARTIAL_CREDIT_NOTES),
    ("0008_working_set", WORKING_SET),
    ("0009_dossier_complet", COMPLETE_RECORD),
    ("0010_questionnaires", QUESTIONNAIRES),
    ("0011_chiffrement", ENCRYPTION),
)
SCHEMA_VERSION = len(MIGRATIONS)


def apply(conn) -> None:
    """Apply pending migrations; the caller holds a write transaction."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("bilancli")
    for name, statements in MIGRATIONS:
        migrations(name=name)(_runner(name, statements))
    migrations.apply(Database(conn))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _runner(name, statements):
    def run(db) -> None:
        for statement in statements:
            db.execute(statement)

    run.__name__ = name
    return run
