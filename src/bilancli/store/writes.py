"""Applying what `core/` decided: one writer per kind of change (`core.changes`), each a
statement or two of the command's transaction. The rules that allow a change live in
`core/`; nothing here checks anything.
"""

from __future__ import annotations

from datetime import date

from bilancli.core import changes as ch
from bilancli.core import registry
from bilancli.core.dates import iso
from bilancli.core.documents.catalogue import SYNTHESE_TYPE
from bilancli.core.facturation import invoices
from bilancli.core.ids import format_id
from bilancli.core.qualite import complaints
from bilancli.store.dossier.bilans import ADMIN_COLUMNS, load, next_number
from bilancli.store.facturation import ledger
from bilancli.store.scellement import SEALED, bound_column, group

WRITERS = {}
# The writers that write content: given the store's keys (`keys.seal`), after the change.
SEALING = set()


def writes(kind, sealing: bool = False):
    def register(function):
        WRITERS[kind] = function
        if sealing:
            SEALING.add(kind)
        return function

    return register


class Tx:
    """A command's transaction: snapshots to read, decisions to apply."""

    def __init__(self, conn, store) -> None:
        self.conn = conn
        self.store = store

    @property
    def keys(self):
        """The store's data keys (`store.cles.trousseau.Keys`): content is sealed with them."""
        return self.store.keys

    def load(self, bilan_id: str, content: bool = True):
        """`content=False` for a command that needs none: nothing opened (`bilans.load`)."""
        return load(self.conn, bilan_id, self.keys, content)

    def apply(self, change):
        return apply(self.conn, change, self.keys)

    # The cabinet's registers, read inside the same transaction that numbers them.
    def sequence(self):
        return ledger.sequence(self.conn)

    def invoice(self, numero: str):
        return ledger.load_invoice(self.conn, numero)

    def complaint(self, numero: str):
        return ledger.load_complaint(self.conn, numero)


def apply(conn, change, keys=None):
    """Write one change; content is sealed with `keys` (`store.cles.trousseau.Keys`), which a
    change that writes content cannot go without."""
    kind = type(change)
    if kind not in SEALING:
        return WRITERS[kind](conn, change)
    if keys is None:
        raise ValueError(f"{kind.__name__}: content is written with the store's keys")
    return WRITERS[kind](conn, change, keys)


def _stored(table: str, columns) -> str:
    """The table and columns of a generic change, as the registry declares them: a name that
    is not there is a bug of the caller, never SQL built from what the consultant typed."""
    declared = {c.name for c in registry.table(table).columns}
    unknown = [name for name in columns if name not in declared]
    if unknown:
        raise ValueError(f"{table}: columns not in the registry: {unknown}")
    sealed = [name for name in columns if (table, name) in SEALED]
    if sealed:   # content is written by its own writer, sealed: never by a generic change
        raise ValueError(f"{table}: sealed columns in a generic change: {sealed}")
    return table


def _value(value):
    return iso(value) if isinstance(value, date) else value


@writes(ch.RowAdded)
def _row_added(conn, c: ch.RowAdded) -> int:
    table = _stored(c.table, c.values)
    names = ", ".join(c.values)
    marks = ", ".join("?" * len(c.values))
    return conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                        tuple(_value(v) for v in c.values.values())).lastrowid


@writes(ch.RowsUpdated)
def _rows_updated(conn, c: ch.RowsUpdated) -> int:
    table = _stored(c.table, [*c.values, *c.where])
    if not c.where:
        raise ValueError(f"{table}: an update names the rows it changes")
    setting = ", ".join(f"{name} = ?" for name in c.values)
    matching = " AND ".join(f"{name} = ?" for name in c.where)
    return conn.execute(f"UPDATE {table} SET {setting} WHERE {matching}",
                        tuple(_value(v) for v in [*c.values.values(), *c.where.values()])).rowcount


@writes(ch.Opening)
def _open(conn, c: ch.Opening) -> str:
    year = c.opened_on.year
    number = next_number(conn, year)
    bilan_id = format_id(year, number)
    columns = {ADMIN_COLUMNS[k]: v for k, v in c.admin.items() if v is not None}
    columns.update(id=bilan_id, annee=year, numero=number, phase="preliminaire",
                   date_ouverture=iso(c.opened_on))
    conn.execute(f"INSERT INTO bilans ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                 tuple(columns.values()))
    _record_phase(conn, bilan_id, "preliminaire", c.opened_on)
    return bilan_id


@writes(ch.BilanDeleted)
def _delete(conn, c: ch.BilanDeleted) -> None:
    """Every row of the bilan goes (foreign keys cascade); its id alone stays, so that it is
    never given again and backups taken before can be purged of it."""
    conn.execute("DELETE FROM bilans WHERE id = ?", (c.bilan_id,))
    conn.execute("INSERT INTO bilans_supprimes (id) VALUES (?)", (c.bilan_id,))


def _record_phase(conn, bilan_id: str, phase: str, on) -> None:
    conn.execute("INSERT INTO phases (bilan_id, phase, date_entree) VALUES (?, ?, ?)",
                 (bilan_id, phase, iso(on)))


@writes(ch.FieldSet, sealing=True)
def _set_field(conn, c: ch.FieldSet, keys) -> None:
    if c.value is None:
        conn.execute("DELETE FROM champs WHERE bilan_id = ? AND champ = ?", (c.bilan_id, c.field))
        return
    conn.execute(
        """INSERT INTO champs (bilan_id, champ, valeur, modifie_le) VALUES (?, ?, ?, ?)
           ON CONFLICT (bilan_id, champ) DO UPDATE
           SET valeur = excluded.valeur, modifie_le = excluded.modifie_le""",
        (c.bilan_id, c.field, keys.seal("champs", bound_column("champs", "valeur", c.field), c.bilan_id, c.value), iso(c.on)),
    )


@writes(ch.AdminSet)
def _set_admin(conn, c: ch.AdminSet) -> None:
    conn.execute(f"UPDATE bilans SET {ADMIN_COLUMNS[c.field]} = ? WHERE id = ?", (c.value, c.bilan_id))


@writes(ch.ConsentWithdrawn)
def _withdraw(conn, c: ch.ConsentWithdrawn) -> None:
    conn.execute(
        "UPDATE consentements SET retire_le = ? WHERE id = (SELECT MAX(id) FROM consentements "
        "WHERE bilan_id = ? AND type = ? AND retire_le IS NULL)",
        (iso(c.on), c.bilan_id, c.kind),
    )


@writes(ch.ConventionSent)
def _convention_sent(conn, c: ch.ConventionSent) -> None:
    """A (new) draft transmitted: any earlier signature no longer stands."""
    conn.execute(
        """INSERT INTO conventions (bilan_id, transmise, signee) VALUES (?, ?, NULL)
           ON CONFLICT (bilan_id) DO UPDATE SET transmise = excluded.transmise, signee = NULL""",
        (c.bilan_id, iso(c.on)),
    )


@writes(ch.EntretienHeld, sealing=True)
def _entretien(conn, c: ch.EntretienHeld, keys) -> int:
    """Recorded under the bilan's next number, never given again (even after a removal)."""
    conn.execute("UPDATE bilans SET entretiens_numerotes = entretiens_numerotes + 1 WHERE id = ?",
                 (c.bilan_id,))
    number = conn.execute("SELECT entretiens_numerotes FROM bilans WHERE id = ?",
                          (c.bilan_id,)).fetchone()[0]
    row = _next_id(conn, "entretiens")   # its notes are bound to it
    conn.execute(
        "INSERT INTO entretiens (id, bilan_id, date, duree_minutes, modalite, phase, notes, numero) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (row, c.bilan_id, iso(c.on), c.minutes, c.modalite, c.phase,
         keys.seal("entretiens", bound_column("entretiens", "notes", row), c.bilan_id, c.notes), number),
    )
    return number


def _next_id(conn, table: str) -> int:
    """The id SQLite would give the next row of `table` (INTEGER PRIMARY KEY), known before
    the insert so that its sealed values are bound to it."""
    return conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0]


def _correction(conn, keys, bilan_id: str, on, objet: str, avant: dict, apres: dict | None,
                motif: str | None) -> None:
    import json

    conn.execute(
        "INSERT INTO corrections (bilan_id, date, objet, avant, apres, motif) VALUES (?, ?, ?, ?, ?, ?)",
        (bilan_id, iso(on), objet, json.dumps(avant, ensure_ascii=False),
         None if apres is None else json.dumps(apres, ensure_ascii=False),
         keys.seal("corrections", "motif", bilan_id, motif)),
    )


@writes(ch.EntretienCorrected, sealing=True)
def _entretien_corrected(conn, c: ch.EntretienCorrected, keys) -> None:
    row = conn.execute("SELECT id FROM entretiens WHERE bilan_id = ? AND numero = ?",
                       (c.bilan_id, c.numero)).fetchone()
    conn.execute(
        "UPDATE entretiens SET date = ?, duree_minutes = ?, modalite = ?, phase = ?, "
        "notes = COALESCE(?, notes) WHERE bilan_id = ? AND numero = ?",
        (iso(c.on), c.minutes, c.modalite, c.phase,
         None if row is None else keys.seal("entretiens", bound_column("entretiens", "notes", row[0]),
                                            c.bilan_id, c.notes),
         c.bilan_id, c.numero),
    )
    if c.avant != c.apres:
        _correction(conn, keys, c.bilan_id, c.corrected_on, c.objet, c.avant, c.apres, c.motif)


@writes(ch.EntretienRemoved, sealing=True)
def _entretien_removed(conn, c: ch.EntretienRemoved, keys) -> None:
    """Its number is never given again (the bilan's counter stays)."""
    conn.execute("DELETE FROM entretiens WHERE bilan_id = ? AND numero = ?", (c.bilan_id, c.numero))
    _correction(conn, keys, c.bilan_id, c.corrected_on, c.objet, c.avant, None, c.motif)


@writes(ch.PhaseEntered, sealing=True)
def _enter_phase(conn, c: ch.PhaseEntered, keys) -> None:
    """Move to `phase` and keep the history; `date_fin` when the action ends; the
    rendez-vous an abandon cancels."""
    conn.execute(
        "UPDATE bilans SET phase = ?, date_fin = COALESCE(?, date_fin), "
        "motif_abandon = COALESCE(?, motif_abandon) WHERE id = ?",
        (c.phase, iso(c.date_fin), keys.seal("bilans", "motif_abandon", c.bilan_id, c.motif), c.bilan_id),
    )
    _record_phase(conn, c.bilan_id, c.phase, c.on)
    for numero in c.cancels:
        _rdv_cancelled(conn, ch.RdvCancelled(c.bilan_id, numero, c.on, None, None), keys)


@writes(ch.DocumentStored, sealing=True)
def _document(conn, c: ch.DocumentStored, keys) -> int:
    """Its title, file name and bytes sealed (the synthèse's under its own key); its size in
    the consultant's bytes."""
    kept = group("documents", c.type)
    row = _next_id(conn, "documents")   # its title, name and bytes are bound to it

    def sealed(column, value):
        return keys.seal("documents", bound_column("documents", column, row), c.bilan_id, value, kept)

    return conn.execute(
        "INSERT INTO documents (id, bilan_id, type, titre, nom_fichier, taille, contenu, phase, cree_le) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row, c.bilan_id, c.type, sealed("titre", c.titre), sealed("nom_fichier", c.filename),
         len(c.content), sealed("contenu", c.content), c.phase, iso(c.on)),
    ).lastrowid


@writes(ch.SyntheseKept, sealing=True)
def _keep_synthese(conn, c: ch.SyntheseKept, keys) -> int:
    """Replace any earlier copy: the beneficiary's document is the last one handed over
    (`secure_delete` is on, so the replaced bytes do not linger in free pages)."""

    conn.execute("DELETE FROM documents WHERE bilan_id = ? AND type = ?", (c.bilan_id, SYNTHESE_TYPE))
    return _document(conn, ch.DocumentStored(c.bilan_id, SYNTHESE_TYPE, c.titre, c.content,
                                             c.filename, c.phase, c.on), keys)


@writes(ch.Rendered)
def _rendered(conn, c: ch.Rendered) -> int:
    """A file written under documents/ (or elsewhere with -o), so the purge can destroy it;
    `path` relative to BILAN_HOME when inside it, absolute otherwise."""
    return conn.execute(
        "INSERT INTO rendus (bilan_id, genre, format, chemin, sha256, phase, cree_le, provisoire, "
        "classe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (c.bilan_id, c.kind, c.format, c.path, c.sha256, c.phase, iso(c.on), c.temp, c.retention),
    ).lastrowid


@writes(ch.RenderingConfirmed)
def _confirmed(conn, c: ch.RenderingConfirmed) -> bool:
    """False when a purge came between the record and the writing: the file must go."""
    return conn.execute("UPDATE rendus SET provisoire = NULL WHERE id = ? AND detruit_le IS NULL",
                        (c.rendering_id,)).rowcount == 1


@writes(ch.RenderingAbandoned)
def _abandoned(conn, c: ch.RenderingAbandoned) -> None:
    """The file could not be written (and its temporary one is gone): nothing to record."""
    conn.execute("DELETE FROM rendus WHERE id = ?", (c.rendering_id,))


@writes(ch.SuiviHeld, sealing=True)
def _suivi(conn, c: ch.SuiviHeld, keys) -> None:
    """The follow-up interview held, or proposed and not held (`not_held`, with its motive).
    Its day corrected without notes keeps the notes recorded: never erased silently."""
    conn.execute(
        """INSERT INTO suivis (bilan_id, date, notes, non_realise, motif) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (bilan_id) DO UPDATE SET date = excluded.date,
           notes = COALESCE(excluded.notes, notes),
           non_realise = excluded.non_realise, motif = excluded.motif""",
        (c.bilan_id, iso(c.on), keys.seal("suivis", "notes", c.bilan_id, c.notes), int(c.not_held),
         keys.seal("suivis", "motif", c.bilan_id, c.motif)),
    )


@writes(ch.SatisfactionAnswered, sealing=True)
def _satisfaction(conn, c: ch.SatisfactionAnswered, keys) -> None:
    """An answer, or a questionnaire sent and not answered (`note` None); an answer given
    later replaces the silence."""
    conn.execute(
        """INSERT INTO satisfactions (bilan_id, moment, note, commentaire, date, sans_reponse)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (bilan_id, moment) DO UPDATE
           SET note = excluded.note, commentaire = excluded.commentaire, date = excluded.date,
               sans_reponse = excluded.sans_reponse""",
        (c.bilan_id, c.moment, c.note,
         keys.seal("satisfactions", bound_column("satisfactions", "commentaire", c.moment), c.bilan_id,
                   c.commentaire),
         iso(c.on), int(c.note is None)),
    )


@writes(ch.QuestionnaireSent)
def _questionnaire(conn, c: ch.QuestionnaireSent) -> None:
    """The sending, or one more reminder (counted, its day kept)."""
    if c.reminder:
        conn.execute("UPDATE questionnaires SET relances = relances + 1, relance_le = ? "
                     "WHERE bilan_id = ? AND moment = ?", (iso(c.on), c.bilan_id, c.moment))
    else:
        conn.execute("INSERT INTO questionnaires (bilan_id, moment, envoye_le) VALUES (?, ?, ?)",
                     (c.bilan_id, c.moment, iso(c.on)))


@writes(ch.EdofDeclared, sealing=True)
def _edof(conn, c: ch.EdofDeclared, keys) -> None:
    conn.execute(
        """INSERT INTO edof (bilan_id, sens, date) VALUES (?, ?, ?)
           ON CONFLICT (bilan_id, sens) DO UPDATE SET date = excluded.date""",
        (c.bilan_id, c.sens, iso(c.on)),
    )
    if c.corrected_on is not None:
        _correction(conn, keys, c.bilan_id, c.corrected_on, c.objet, c.avant, c.apres, c.motif)


def _minute(moment) -> str:
    """A rendez-vous's start as stored: local wall time `AAAA-MM-JJTHH:MM`."""
    return moment.isoformat(timespec="minutes")


@writes(ch.RdvPlanned)
def _rdv_planned(conn, c: ch.RdvPlanned) -> int:
    """The next number of the bilan: rendez-vous are never deleted, so none is reused."""
    numero = conn.execute("SELECT COALESCE(MAX(numero), 0) + 1 FROM rdv WHERE bilan_id = ?",
                          (c.bilan_id,)).fetchone()[0]
    conn.execute(
        "INSERT INTO rdv (bilan_id, numero, debut, duree_minutes, modalite, lieu, lien, modifie_le) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (c.bilan_id, numero, _minute(c.debut), c.minutes, c.modalite, c.lieu, c.lien, iso(c.on)),
    )
    return numero


@writes(ch.RdvMoved)
def _rdv_moved(conn, c: ch.RdvMoved) -> None:
    conn.execute(
        "UPDATE rdv SET debut = ?, duree_minutes = ?, deplacements = deplacements + 1, "
        "modifie_le = ? WHERE bilan_id = ? AND numero = ?",
        (_minute(c.debut), c.minutes, iso(c.on), c.bilan_id, c.numero),
    )


@writes(ch.RdvCancelled, sealing=True)
def _rdv_cancelled(conn, c: ch.RdvCancelled, keys) -> None:
    conn.execute(
        "UPDATE rdv SET statut = 'annule', annule_le = ?, annule_par = ?, motif = ?, "
        "modifie_le = ? WHERE bilan_id = ? AND numero = ?",
        (iso(c.on), c.par, keys.seal("rdv", bound_column("rdv", "motif", c.numero), c.bilan_id, c.motif),
         iso(c.on), c.bilan_id, c.numero),
    )


@writes(ch.RdvDone, sealing=True)
def _rdv_done(conn, c: ch.RdvDone, keys):
    conn.execute("UPDATE rdv SET statut = 'tenu', modifie_le = ? WHERE bilan_id = ? AND numero = ?",
                 (iso(c.on), c.bilan_id, c.numero))
    return apply(conn, c.held, keys)


def _next_rank(conn, table: str, year: int) -> int:
    return conn.execute(f"SELECT COALESCE(MAX(rang), 0) + 1 FROM {table} WHERE annee = ?",
                        (year,)).fetchone()[0]


@writes(ch.InvoiceIssued)
def _invoice(conn, c: ch.InvoiceIssued) -> str:
    """The next number of the one sequence, given here, inside the command's transaction
    (BEGIN IMMEDIATE: a second terminal waits for this one), and the frozen document with it."""
    import json

    year = c.on.year
    found = conn.execute("SELECT dernier FROM sequence_factures WHERE annee = ?", (year,)).fetchone()
    rank = (found[0] if found else 0) + 1
    conn.execute(
        """INSERT INTO sequence_factures (annee, dernier, derniere_date) VALUES (?, ?, ?)
           ON CONFLICT (annee) DO UPDATE SET dernier = excluded.dernier,
           derniere_date = excluded.derniere_date""",
        (year, rank, iso(c.on)))
    numero = invoices.format_number(year, rank)
    document = json.dumps(dict(c.document, numero=numero), ensure_ascii=False, sort_keys=True)
    conn.execute(
        "INSERT INTO factures (numero, annee, rang, type, bilan_id, date, payeur, montant_ht_centimes,"
        " tva_centimes, montant_ttc_centimes, echeance, annule, document)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (numero, year, rank, c.type, c.bilan_id, iso(c.on), c.payeur, c.ht_cents, c.tva_cents,
         c.ttc_cents, iso(c.echeance), c.annule, document))
    return numero


@writes(ch.PaymentRecorded)
def _payment(conn, c: ch.PaymentRecorded) -> None:
    conn.execute("INSERT INTO paiements (facture, date, montant_centimes, mode) VALUES (?, ?, ?, ?)",
                 (c.numero, iso(c.on), c.cents, c.mode))


@writes(ch.InvoiceRendered)
def _invoice_rendered(conn, c: ch.InvoiceRendered) -> int:
    """A rendered invoice on disk, for the purge ten years on: recorded before it is written,
    with the temporary name it is written under, as `rendus` is."""
    return conn.execute(
        "INSERT INTO rendus_factures (facture, bilan_id, format, chemin, sha256, cree_le, provisoire)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (c.numero, c.bilan_id, c.format, c.path, c.sha256, iso(c.on), c.temp)).lastrowid


@writes(ch.InvoiceRenderingConfirmed)
def _invoice_rendering_confirmed(conn, c: ch.InvoiceRenderingConfirmed) -> bool:
    """Written under its name: the same bytes at the same path (an invoice rendered again)
    stay recorded once. False when a purge came between the record and the writing."""
    conn.execute(
        "DELETE FROM rendus_factures WHERE id != ? AND provisoire IS NULL AND (facture, chemin, sha256)"
        " = (SELECT facture, chemin, sha256 FROM rendus_factures WHERE id = ?)",
        (c.rendering_id, c.rendering_id))
    return conn.execute("UPDATE rendus_factures SET provisoire = NULL WHERE id = ?",
                        (c.rendering_id,)).rowcount == 1   # the purge deletes what it destroyed


@writes(ch.InvoiceRenderingAbandoned)
def _invoice_rendering_abandoned(conn, c: ch.InvoiceRenderingAbandoned) -> None:
    """The file could not be written (and its temporary one is gone): nothing to record."""
    conn.execute("DELETE FROM rendus_factures WHERE id = ?", (c.rendering_id,))


@writes(ch.ComplaintReceived)
def _complaint(conn, c: ch.ComplaintReceived) -> str:
    year = c.on.year
    rank = _next_rank(conn, "reclamations", year)
    numero = complaints.format_number(year, rank)
    conn.execute(
        "INSERT INTO reclamations (numero, annee, rang, bilan_id, date, origine, canal, objet, echeance)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (numero, year, rank, c.bilan_id, iso(c.on), c.origine, c.canal, c.objet, iso(c.echeance)))
    return numero


@writes(ch.ComplaintAnswered)
def _complaint_answered(conn, c: ch.ComplaintAnswered) -> None:
    conn.execute("UPDATE reclamations SET repondue_le = ?, reponse = ? WHERE numero = ?",
                 (iso(c.on), c.reponse, c.numero))


@writes(ch.ComplaintClosed)
def _complaint_closed(conn, c: ch.ComplaintClosed) -> None:
    conn.execute("UPDATE reclamations SET close_le = ?, action = ? WHERE numero = ?",
                 (iso(c.on), c.action, c.numero))
