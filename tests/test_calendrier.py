"""`bilan calendrier`: an iCalendar file (RFC 5545) read back with icalendar (SPEC §9).
Today is Monday 2 March 2026."""

import stat
from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar

PARIS = ZoneInfo("Europe/Paris")
NAME = "Quixotesquename"
SECRET = "QZXSECRETXZQ"


def calendar(bilan, *options):
    result = bilan("calendrier", *options)
    return icalendar.Calendar.from_ical(result.stdout_bytes), result


def events(cal):
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def opened(bilan, nom=NAME):
    bid = bilan.new("--financement", "cpf", "--format", "mixte", "--date", "2026-02-23",
                    nom=nom, prenom="Claire")
    bilan("consent", bid, "bilan", "--date", "2026-02-23")
    return bid


def test_each_rendez_vous_is_an_event_in_paris_time_with_its_vtimezone(bilan):
    bid = opened(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-27", "--heure", "14h30", "--duree", "1h30")
    bilan("rdv", "add", bid, "--date", "2026-03-30", "--heure", "9h", "--duree", "2h")  # summer time
    cal, _ = calendar(bilan)
    assert cal["VERSION"] == "2.0" and "bilancli" in str(cal["PRODID"])
    (zone,) = cal.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Paris"
    assert "COMMENT" not in zone   # the library's English note on its span stays out
    found = events(cal)
    first, second = found[f"{bid}-rdv-1@bilancli"], found[f"{bid}-rdv-2@bilancli"]
    assert first["DTSTART"].params["TZID"] == "Europe/Paris"
    assert first.decoded("DTSTART") == datetime(2026, 3, 27, 14, 30, tzinfo=PARIS)
    assert first.decoded("DTEND") == datetime(2026, 3, 27, 16, 0, tzinfo=PARIS)
    assert first.decoded("DTSTART").utcoffset().total_seconds() == 3600
    assert second.decoded("DTSTART").utcoffset().total_seconds() == 7200
    assert (first["STATUS"], first["SEQUENCE"]) == ("CONFIRMED", 0)
    assert "DTSTAMP" in first
    assert str(first["SUMMARY"]) == f"Bilan {bid} — rendez-vous n° 1"


def test_a_move_keeps_the_uid_and_raises_the_sequence_a_cancellation_is_cancelled(bilan):
    bid = opened(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h", "--duree", "1h")
    bilan("rdv", "add", bid, "--date", "2026-03-10", "--heure", "9h", "--duree", "1h")
    bilan("rdv", "move", bid, "1", "--date", "2026-03-11")
    bilan("rdv", "move", bid, "1", "--date", "2026-03-12", "--heure", "10h")
    bilan("rdv", "cancel", bid, "2", "--motif", f"motif {SECRET}")
    cal, result = calendar(bilan)
    found = events(cal)
    assert set(found) == {f"{bid}-rdv-1@bilancli", f"{bid}-rdv-2@bilancli"}
    moved, cancelled = found[f"{bid}-rdv-1@bilancli"], found[f"{bid}-rdv-2@bilancli"]
    assert moved["SEQUENCE"] == 2 and moved.decoded("DTSTART") == datetime(2026, 3, 12, 10,
                                                                           tzinfo=PARIS)
    assert cancelled["STATUS"] == "CANCELLED" and cancelled["SEQUENCE"] == 1
    assert cancelled["TRANSP"] == "TRANSPARENT"
    assert SECRET.encode() not in result.stdout_bytes


def test_by_default_the_calendar_names_no_one_and_holds_no_content(bilan):
    bid = opened(bilan)
    bilan("set", bid, "demande", f"demande {SECRET}")
    bilan("rdv", "add", bid, "--date", "2026-03-02", "--heure", "9h", "--duree", "1h",
          "--lieu", f"Chez {NAME}, 3 rue des Lilas")
    bilan("rdv", "done", bid, "1", "--notes", f"notes {SECRET}")
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h", "--duree", "1h",
          "--lien", f"https://visio.example.fr/{NAME.lower()}")
    bilan("rdv", "add", bid, "--date", "2026-03-10", "--heure", "9h", "--duree", "1h")
    for options in ((), ("--echeances",)):
        cal, result = calendar(bilan, *options)
        data = result.stdout_bytes.lower()
        assert NAME.lower().encode() not in data and b"claire" not in data
        assert SECRET.lower().encode() not in data and b"lilas" not in data
        assert result.stderr == ""
    locations = {str(e["UID"]): str(e.get("LOCATION")) for e in cal.walk("VEVENT")}
    assert locations[f"{bid}-rdv-1@bilancli"] == "Présentiel"
    assert locations[f"{bid}-rdv-2@bilancli"] == "Visioconférence"


def test_the_cabinet_s_own_address_is_where_a_presentiel_rendez_vous_takes_place(bilan):
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(
        '[cabinet]\nadresse = "74 rue Jean Bouin, 84800 L\'Isle-sur-la-Sorgue"\n', encoding="utf-8")
    bid = opened(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h", "--duree", "1h")
    (event,) = events(calendar(bilan)[0]).values()
    assert str(event["LOCATION"]) == "74 rue Jean Bouin, 84800 L'Isle-sur-la-Sorgue"


def test_noms_opts_in_to_names_places_and_links_and_warns(bilan):
    bid = opened(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h", "--duree", "1h",
          "--lien", "https://visio.example.fr/salle-42")
    bilan("rdv", "add", bid, "--date", "2026-03-10", "--heure", "9h", "--duree", "1h",
          "--lieu", "Salle 2")
    cal, result = calendar(bilan, "--noms")
    found = events(cal)
    first = found[f"{bid}-rdv-1@bilancli"]
    assert str(first["SUMMARY"]) == f"Claire {NAME} — bilan {bid}, rendez-vous n° 1"
    assert str(first["LOCATION"]) == "https://visio.example.fr/salle-42"
    assert str(found[f"{bid}-rdv-2@bilancli"]["LOCATION"]) == "Salle 2"
    assert "L6313-4 al. 4" in result.stderr


def test_typed_control_characters_never_reach_the_calendar(bilan):
    bid = opened(bilan, nom="Du\x1b[2Jrand\u202e")
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h", "--duree", "1h",
          "--lieu", "salle \x1b[31mrouge\x07")
    data = bilan("calendrier", "--noms").stdout_bytes
    assert not any(b < 32 and b not in (9, 10, 13) or b == 127 for b in data)
    assert "\u202e".encode() not in data
    (event,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert str(event["LOCATION"]) == "salle \u241b[31mrouge\u2407"


def test_echeances_adds_the_agenda_s_deadlines_as_all_day_events(bilan):
    bid = opened(bilan)
    bilan("entretien", "add", bid, "--date", "2026-02-24", "--duree", "2h")   # CPF: EDOF entry due
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h", "--duree", "1h")
    plain = events(calendar(bilan)[0])
    assert set(plain) == {f"{bid}-rdv-1@bilancli"}
    found = events(calendar(bilan, "--echeances")[0])
    edof = found[f"{bid}-edof_entree@bilancli"]
    assert edof.decoded("DTSTART") == date(2026, 2, 27)
    assert edof["DTSTART"].params.get("VALUE") == "DATE"
    assert edof.decoded("DTEND") == date(2026, 2, 28)
    assert str(edof["SUMMARY"]) == f"Bilan {bid} : Déclarer l'entrée sur EDOF"
    assert "EDOF" in str(edof["DESCRIPTION"])
    assert sum(1 for uid in found if "-rdv-" in uid) == 1    # a rendez-vous is not listed twice


def test_a_re_export_gives_the_same_file(bilan):
    bid = opened(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h", "--duree", "1h")
    assert calendar(bilan)[1].stdout_bytes == calendar(bilan)[1].stdout_bytes


def test_a_year_back_and_everything_ahead(bilan):
    bid = opened(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h", "--duree", "1h")
    bilan("rdv", "add", bid, "--date", "2029-03-09", "--heure", "9h", "--duree", "1h")
    bilan.today("2027-03-10")
    assert set(events(calendar(bilan)[0])) == {f"{bid}-rdv-2@bilancli"}


def test_written_to_a_private_file_never_into_the_data_folder(bilan, tmp_path):
    bid = opened(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h", "--duree", "1h")
    target = tmp_path / "bilans.ics"
    out = bilan("calendrier", "-o", target).stdout
    assert str(target) in out and "1 rendez-vous" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert events(icalendar.Calendar.from_ical(target.read_bytes()))
    before = bilan.db_bytes()
    assert bilan("calendrier", "-o", bilan.home / "bilans.db", code=1).key == \
        "SORTIE_DANS_LES_DONNEES"
    assert bilan.db_bytes() == before


def test_an_empty_store_gives_an_empty_valid_calendar(bilan):
    cal, _ = calendar(bilan)
    assert cal.walk("VEVENT") == [] and cal.walk("VTIMEZONE")
    assert not bilan.home.exists()     # a read command creates nothing


def test_the_kept_calendar_follows_every_change_and_never_holds_a_name(bilan):
    bid = opened(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-10", "--heure", "14h30", "--duree", "1h30")
    first = bilan("calendrier").stdout_bytes
    kept = bilan.home / "cache" / "calendrier.ics"
    assert kept.exists() and stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert bilan("calendrier").stdout_bytes == first            # from the cache, identical
    bilan("rdv", "move", bid, "1", "--date", "2026-03-11")
    moved = bilan("calendrier").stdout_bytes
    assert moved != first and b"20260311T143000" in moved       # never stale
    named = bilan("calendrier", "--noms").stdout_bytes
    assert NAME.encode() in named and NAME.encode() not in kept.read_bytes()
    assert bilan("calendrier").stdout_bytes == moved


def test_a_deleted_bilan_leaves_the_kept_calendar(bilan):
    bid = opened(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-10", "--heure", "14h30", "--duree", "1h30")
    bilan("calendrier")
    bilan("delete", bid, "--yes")
    assert not (bilan.home / "cache" / "calendrier.ics").exists()
    assert bid.encode() not in bilan("calendrier").stdout_bytes


def test_a_temporary_calendar_left_by_a_kill_goes_with_the_next_one_and_with_delete(bilan):
    bid = opened(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-10", "--heure", "14h30", "--duree", "1h30")
    bilan("calendrier")
    cache = bilan.home / "cache"
    left = cache / "calendrier.ics.99999.tmp"          # a run killed before its rename
    left.write_bytes((cache / "calendrier.ics").read_bytes())
    bilan("delete", bid, "--yes")
    assert list(cache.iterdir()) == []
    other = opened(bilan, nom="Autre")
    bilan("rdv", "add", other, "--date", "2026-03-12", "--heure", "9h", "--duree", "1h")
    left.write_bytes(b"BEGIN:VCALENDAR")
    bilan("calendrier")
    assert sorted(p.name for p in cache.iterdir()) == ["calendrier.ics"]
