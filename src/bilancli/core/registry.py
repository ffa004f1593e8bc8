"""The registry of stored facts: every table and column the store holds, declared once.

Each column has its retention class — what the law says becomes of it — and, where it
feeds the snapshot a command reads, the snapshot attribute it fills. The purge, the
anonymisation, the snapshot loader and the tests all read this table; a test fails when a
TEXT or BLOB column of the live schema is not here, so a new column cannot escape the
purge unnoticed. Pure data: `store/` turns it into SQL.
"""

from __future__ import annotations

from collections import namedtuple

# Retention classes.
CONTENU = "contenu"              # R6313-7: destroyed at the end, or at the end of an exception
ADMINISTRATIF = "administratif"  # kept; its files destroyed at anonymisation
IDENTITE = "identite"            # erased at anonymisation
COMPTABLE = "comptable"          # invoices: ten years (Code de commerce L123-22)
QUALITE = "qualite"              # réclamation texts: three years after closing
FICHIER = "fichier"              # a recorded file's path and hash: the class of that file
CLASSES = (CONTENU, ADMINISTRATIF, IDENTITE, COMPTABLE, QUALITE, FICHIER)


class Column(namedtuple("Column", "name retention attribute kind read clear",
                        defaults=(None, None, None, None))):
    """A stored column: its retention class; the snapshot `attribute` it feeds (None: read
    by no snapshot); for content, the purge `kind` that destroys it; `read` how the loader
    turns it into the attribute ("date", "datetime" for a local `AAAA-MM-JJTHH:MM`, "bool",
    or "present": only whether it is filled). Content is sealed under its bilan's key
    (SPEC §15) unless `clear` says why this column holds nothing anyone wrote: a word of a
    fixed list, a date, a size, by which the purge finds what it destroys."""

    __slots__ = ()

    @property
    def sealed(self) -> bool:
        return self.retention == CONTENU and not self.clear


class Table(namedtuple("Table", "name columns snapshot shape order key",
                       defaults=(None, None, None, "bilan_id"))):
    """A table: its columns; the snapshot attribute its rows feed and in which `shape`
    ("row": the bilan itself; "list": a tuple of records; "map": first attribute → second;
    "records": first attribute → record; "one": a single record; "flat": attributes of the
    bilan), in which `order`, and the column naming the bilan."""

    __slots__ = ()


class Kind(namedtuple("Kind", "name table column rows where synthesis size",
                      defaults=(False, "1", False, None))):
    """A kind of content the purge destroys and its log counts: in which table and column;
    whole `rows` deleted (else the column is emptied), which rows (`where`), whether it is
    the synthèse (kept longer under R6313-7 exception A), and the column holding its size
    in bytes when one does (else the length of the column is counted)."""

    __slots__ = ()


def _c(name, retention=ADMINISTRATIF, attribute=None, kind=None, read=None, clear=None) -> Column:
    return Column(name, retention, attribute, kind, read, clear)


# Why a column of content stays in clear (`Column.clear`).
_FIXED_WORD = "a word of a fixed list"
_DAY = "a date"
_SIZE = "a size in bytes"


TABLES: tuple[Table, ...] = (
    Table("bilans", (
        _c("id", attribute="id"), _c("annee"), _c("numero"),
        _c("nom", IDENTITE, "nom"), _c("prenom", IDENTITE, "prenom"),
        _c("email", IDENTITE, "email"), _c("telephone", IDENTITE, "telephone"),
        _c("statut", attribute="statut"), _c("financement", attribute="financement"),
        _c("format", attribute="format"), _c("employeur", IDENTITE, "employeur"),
        _c("heures_prevues_minutes", attribute="heures_prevues_minutes"),
        _c("tarif_centimes", attribute="tarif_cents"), _c("phase", attribute="phase"),
        _c("date_ouverture", attribute="date_ouverture", read="date"),
        _c("date_fin", attribute="date_fin", read="date"),
        _c("motif_abandon", CONTENU, "motif_abandon", kind="motif_abandon"),
        _c("contenu_detruit_le", attribute="content_destroyed_on", read="date"),
        _c("anonymise_le", attribute="anonymised_on", read="date"),
        _c("premier_entretien"), _c("dernier_entretien"), _c("minutes_realisees"),
        _c("entretiens_numerotes"),
        # Whether the consultant may still have something to record (store/schema.py).
        _c("a_faire"),
        _c("civilite", IDENTITE, "civilite"), _c("adresse", IDENTITE, "adresse"),
    ), snapshot="bilan", shape="row", key="id"),
    Table("champs", (
        _c("bilan_id"), _c("champ", CONTENU, "champ", kind="champs", clear=_FIXED_WORD),
        _c("valeur", CONTENU, "valeur", kind="champs"),
        _c("modifie_le", CONTENU, kind="champs", clear=_DAY),
    ), snapshot="champs", shape="map"),
    Table("consentements", (
        _c("id"), _c("bilan_id"), _c("type", attribute="type"),
        _c("date", attribute="date", read="date"),
        _c("retire_le", attribute="withdrawn_on", read="date"),
    ), snapshot="consent_history", shape="list", order="id"),
    Table("conventions", (
        _c("bilan_id"), _c("transmise", attribute="sent_on", read="date"),
        _c("signee", attribute="signed_on", read="date"),
        # The signed convention kept (a scan, the signature platform's file): administrative
        # evidence that names the employee, destroyed with the identity at the anonymisation
        # (SPEC §5), its hash and size with it. The snapshot never reads its bytes.
        _c("preuve", IDENTITE), _c("preuve_methode", IDENTITE, "proof_method"),
        _c("preuve_sha256", IDENTITE, "proof_sha256"), _c("preuve_taille", IDENTITE, "proof_size"),
    ), snapshot="convention", shape="one"),
    Table("phases", (
        _c("id"), _c("bilan_id"), _c("phase", attribute="phase"),
        _c("date_entree", attribute="entered_on", read="date"),
    ), snapshot="history", shape="list", order="id"),
    Table("entretiens", (
        _c("id", attribute="id"), _c("bilan_id"), _c("date", attribute="date", read="date"),
        _c("duree_minutes", attribute="minutes"), _c("modalite", attribute="modalite"),
        _c("phase", attribute="phase"), _c("notes", CONTENU, kind="notes_entretien"),
        _c("numero", attribute="numero"),
    ), snapshot="entretiens", shape="list", order="date, numero"),
    # The trail of corrections: administrative values only (date, duration, modality,
    # phase), never notes. The motive is free text typed to explain it: content (R6313-7),
    # it may say anything of the beneficiary (« Mme … hospitalisée »).
    Table("corrections", (
        _c("id"), _c("bilan_id"), _c("date", attribute="date", read="date"),
        _c("objet", attribute="objet"), _c("avant", attribute="avant"),
        _c("apres", attribute="apres"),
        _c("motif", CONTENU, "motif", kind="motifs_correction"),
    ), snapshot="corrections", shape="list", order="id"),
    Table("documents", (
        _c("id", attribute="id"), _c("bilan_id"),
        _c("type", CONTENU, "type", kind="documents", clear=_FIXED_WORD),
        _c("titre", CONTENU, "titre", kind="documents"),
        _c("nom_fichier", CONTENU, kind="documents"),
        _c("taille", CONTENU, "size", kind="documents", clear=_SIZE),
        _c("contenu", CONTENU, kind="documents"),
        _c("phase", CONTENU, "phase", kind="documents", clear=_FIXED_WORD),
        _c("cree_le", CONTENU, "created_on", kind="documents", read="date", clear=_DAY),
    ), snapshot="documents", shape="list", order="id"),
    Table("rendus", (
        _c("id", attribute="id"), _c("bilan_id"), _c("genre", attribute="kind"),
        _c("format", attribute="format"), _c("chemin", FICHIER, "path"),
        _c("sha256", FICHIER, "sha256"), _c("phase", attribute="phase"),
        _c("cree_le", attribute="created_on", read="date"),
        _c("detruit_le", attribute="destroyed_on", read="date"),
        _c("provisoire", FICHIER, "temp"),
        _c("classe", attribute="retention"),
    ), snapshot="renderings", shape="list", order="id"),
    Table("suivis", (
        _c("bilan_id"), _c("date", attribute="suivi_on", read="date"),
        _c("notes", CONTENU, "suivi_has_notes", kind="notes_suivi", read="present"),
        _c("non_realise", attribute="suivi_not_held", read="bool"),
        _c("motif", CONTENU, kind="motif_suivi"),
    ), snapshot="suivi", shape="flat"),
    Table("satisfactions", (
        _c("bilan_id"), _c("moment", attribute="moment"), _c("note", attribute="note"),
        _c("commentaire", CONTENU, kind="commentaires_satisfaction"), _c("date"),
        _c("sans_reponse"),
    ), snapshot="satisfaction", shape="map"),
    # When each questionnaire went out and was reminded: administrative evidence (indicator 30).
    Table("questionnaires", (
        _c("bilan_id"), _c("moment", attribute="moment"),
        _c("envoye_le", attribute="sent_on", read="date"),
        _c("relances", attribute="reminders"),
        _c("relance_le", attribute="reminded_on", read="date"),
    ), snapshot="questionnaires", shape="records"),
    Table("edof", (
        _c("bilan_id"), _c("sens", attribute="sens"), _c("date", attribute="date", read="date"),
    ), snapshot="edof", shape="map"),
    # The ids of bilans deleted as opened by mistake, nothing else: never given again.
    Table("bilans_supprimes", (_c("id"),), key="id"),
    # Rendez-vous (SPEC §9): when, how long, how and where are administrative (the
    # convocation and the calendar show them); the motive of a cancellation is content.
    # `lieu` and `lien` are what the consultant types for the convocation: a place or a
    # visio address, never content (the calendar leaves them out unless `--noms`).
    Table("rdv", (
        _c("bilan_id", attribute="bilan_id"), _c("numero", attribute="numero"),
        _c("debut", attribute="debut", read="datetime"), _c("duree_minutes", attribute="minutes"),
        # The place and the link may name the beneficiary (a home address, a room called after
        # them): erased with the identity at the anonymisation.
        _c("modalite", attribute="modalite"), _c("lieu", IDENTITE, "lieu"),
        _c("lien", IDENTITE, "lien"), _c("statut", attribute="statut"),
        _c("deplacements", attribute="moves"),
        _c("annule_le", attribute="cancelled_on", read="date"),
        _c("annule_par", attribute="cancelled_by"),
        _c("motif", CONTENU, kind="motifs_rdv"),
        _c("modifie_le", attribute="modified_on", read="date"),
    ), snapshot="rdv", shape="list", order="debut, numero"),
    # What the purge destroyed: kind, count, bytes, rule. Never the content.
    Table("purges", (
        _c("id"), _c("bilan_id"), _c("date"), _c("nature"), _c("nombre"), _c("octets"), _c("regle"),
    )),
    # Invoices and credit notes (SPEC §10): accounting records, kept ten years after the end of
    # their year (Code de commerce L123-22) whatever becomes of the bilan; `document` is the
    # frozen snapshot of everything the issued document shows, which it is rendered from.
    Table("factures", (
        _c("numero", COMPTABLE, "numero"), _c("annee", COMPTABLE), _c("rang", COMPTABLE),
        _c("type", COMPTABLE, "type"), _c("bilan_id", COMPTABLE),
        _c("date", COMPTABLE, "date", read="date"), _c("payeur", COMPTABLE, "payeur"),
        _c("montant_ht_centimes", COMPTABLE, "ht_cents"), _c("tva_centimes", COMPTABLE, "tva_cents"),
        _c("montant_ttc_centimes", COMPTABLE, "ttc_cents"),
        _c("echeance", COMPTABLE, "echeance", read="date"), _c("annule", COMPTABLE, "annule"),
        _c("document", COMPTABLE),
    ), snapshot="invoices", shape="list", order="annee, rang"),
    Table("paiements", (
        _c("id", COMPTABLE), _c("facture", COMPTABLE), _c("date", COMPTABLE),
        _c("montant_centimes", COMPTABLE), _c("mode", COMPTABLE),
    ), key="facture"),
    # The rendered invoices on disk: destroyed with their invoice, never with the bilan's content.
    Table("rendus_factures", (
        _c("id", COMPTABLE), _c("facture", COMPTABLE), _c("bilan_id", COMPTABLE),
        _c("format", COMPTABLE), _c("chemin", COMPTABLE), _c("sha256", COMPTABLE), _c("cree_le", COMPTABLE),
        _c("provisoire", COMPTABLE),
    ), key="facture"),
    # The last number given in each year and its day: the sequence never reuses a number, even
    # once the invoices that bore it are destroyed. Holds no invoice.
    Table("sequence_factures", (_c("annee"), _c("dernier"), _c("derniere_date")), key="annee"),
    # The register of réclamations (Qualiopi indicator 31): its texts are a quality record,
    # destroyed three years after the closing; dates, origin and channel stay for the counts.
    Table("reclamations", (
        _c("numero"), _c("annee"), _c("rang"), _c("bilan_id"), _c("date"), _c("origine"),
        _c("canal"), _c("objet", QUALITE), _c("echeance"), _c("repondue_le"),
        _c("reponse", QUALITE), _c("close_le"), _c("action", QUALITE), _c("textes_detruits_le"),
    ), key="numero"),
    Table("purges_reclamations", (
        _c("id"), _c("reclamation"), _c("date"), _c("nature"), _c("nombre"), _c("octets"),
        _c("regle"),
    ), key="reclamation"),
    # The cabinet's directory of organismes (SPEC §10): legal persons it bills or signs with,
    # not personal data; no retention clock, untouched by the purge. `cle` is the name
    # without accents nor case, so that two alike cannot be stored.
    Table("organismes", (
        _c("cle"), _c("nom"), _c("adresse"), _c("siret"), _c("type"), _c("email"),
        _c("telephone"),
    ), key="cle"),
    # The store's encryption (SPEC §15): its id (which names its keys outside the data
    # folder), where its master key was made, whether content is still in clear (a store of
    # an earlier version before its first write), the last recovery file. Never a key.
    Table("chiffrement", (
        _c("magasin"), _c("maitre"), _c("clair"), _c("secours_le"), _c("secours_perime_le"),
    ), key=None),
)
# Kept by the schema's own machinery (sqlite-utils' record of applied migrations).
INTERNAL_TABLES = ("_sqlite_migrations",)

# The kinds of content, in the order the purge log and its report list them. "documents"
# and "syntheses" share the documents table, told apart by type.
KINDS: tuple[Kind, ...] = (
    Kind("champs", "champs", "valeur", rows=True),
    Kind("notes_entretien", "entretiens", "notes"),
    Kind("notes_suivi", "suivis", "notes"),
    Kind("commentaires_satisfaction", "satisfactions", "commentaire"),
    Kind("motif_suivi", "suivis", "motif"),
    Kind("motif_abandon", "bilans", "motif_abandon"),
    Kind("motifs_rdv", "rdv", "motif"),
    Kind("motifs_correction", "corrections", "motif"),
    Kind("documents", "documents", "contenu", rows=True, where="type != 'synthese'", size="taille"),
    Kind("syntheses", "documents", "contenu", rows=True, where="type = 'synthese'", synthesis=True,
         size="taille"),
)
# Recorded files (rendus) destroyed under the same rules, by the genre of document and its
# class: content goes with the content; administrative evidence (the convention, the
# attendance sheet, the convocation, the certificat de réalisation) at the anonymisation of
# the record (`core.documents.DOCUMENT_CLASSES`).
FILE_KINDS = (Kind("fichiers", "rendus", "chemin"),
              Kind("fichiers_synthese", "rendus", "chemin", synthesis=True))
ADMINISTRATIVE_FILES = "fichiers_administratifs"
SYNTHESE_GENRE = "synthese"
# What the purge destroys of the accounting and quality records (`core.archives` says when):
# never by the rules of R6313-7, which `KINDS` and `FILE_KINDS` serve.
ARCHIVE_KINDS = (
    Kind("factures", "factures", "document", rows=True),
    Kind("paiements", "paiements", "mode", rows=True),
    Kind("fichiers_factures", "rendus_factures", "chemin"),
    Kind("textes_reclamation", "reclamations", "objet"),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}
KINDS_BY_NAME = {k.name: k for k in KINDS + FILE_KINDS + ARCHIVE_KINDS}
# A réclamation's texts (objet, réponse, action), destroyed together.
QUALITY_TEXTS = tuple(c.name for c in TABLES_BY_NAME["reclamations"].columns if c.retention == QUALITE)


def table(name: str) -> Table:
    return TABLES_BY_NAME[name]


def columns_of(retention: str) -> list[tuple[str, str]]:
    """(table, column) of every column of this class."""
    return [(t.name, c.name) for t in TABLES for c in t.columns if c.retention == retention]


def classified(table_name: str, column: str) -> Column | None:
    """The declaration of a column, or None when the registry does not know it."""
    found = TABLES_BY_NAME.get(table_name)
    return next((c for c in found.columns if c.name == column), None) if found else None


def sealed_columns() -> list[tuple[str, str]]:
    """(table, column) of every column whose values are sealed under their bilan's key."""
    return [(t.name, c.name) for t in TABLES for c in t.columns if c.sealed]


def identity_tables() -> list[tuple[str, str, tuple[str, ...]]]:
    """(table, the column naming the bilan, its identity columns) beside the bilan's own."""
    return [(t.name, t.key, cols) for t in TABLES if t.name != "bilans"
            and (cols := tuple(c.name for c in t.columns if c.retention == IDENTITE))]


def identity_columns(table_name: str = "bilans") -> tuple[str, ...]:
    """What the anonymisation erases."""
    return tuple(c.name for c in table(table_name).columns if c.retention == IDENTITE)


def content_kinds(synthesis: bool) -> tuple[str, ...]:
    """The kinds of content (database and files), the synthèse's or all the others."""
    return tuple(k.name for k in KINDS + FILE_KINDS if k.synthesis == synthesis)


def file_kind(genre: str, retention: str = CONTENU) -> str:
    """The purge kind of a recorded file."""
    if retention == ADMINISTRATIF:
        return ADMINISTRATIVE_FILES
    return "fichiers_synthese" if genre == SYNTHESE_GENRE else "fichiers"
