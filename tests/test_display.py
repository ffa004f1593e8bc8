"""The project's one way to draw a view: aligned columns, wrapped text, stored text never
reaching the terminal raw."""

from bilancli.cli.display import Fields, Line, Paragraph, Table, clean, render


def test_columns_are_as_wide_as_their_widest_cell_and_figures_align_right():
    out = render([Table("Titre", ("Bilan", "Heures"), [("2026-001", "2"), ("2026-010", "12,5")],
                        right=(1,))], 80)
    assert out == "Titre\nBilan     Heures\n2026-001       2\n2026-010    12,5\n"


def test_a_table_wider_than_the_terminal_wraps_its_widest_column_and_cuts_nothing():
    text = "un texte assez long pour dépasser la largeur du terminal, qui doit passer à la ligne"
    out = render([Table(None, ("Bilan", "Contenu"), [("2026-001", text)])], 40)
    assert max(len(line) for line in out.splitlines()) <= 40
    assert " ".join(out.split()).endswith(" ".join(text.split()))
    assert out.splitlines()[2].startswith(" " * 10)


def test_fields_align_their_values_and_paragraphs_keep_their_line_breaks():
    out = render([Fields("Bilan 2026-001", [("Phase", "conclusion"), ("Bénéficiaire", "Claire Martin"),
                                             ("Courriel", None)]),
                  Line("Contenu", "bold"), Paragraph("première ligne\nseconde ligne", indent=3)], 80)
    assert out == ("Bilan 2026-001\nPhase         conclusion\nBénéficiaire  Claire Martin\n"
                   "Courriel      —\n\nContenu\n   première ligne\n   seconde ligne\n")


def test_control_characters_and_bidirectional_overrides_are_shown_neutralised():
    typed = "rouge\x1b[31m, effacé\x1b[2J, inversé\u202egauche, cloche\x07, \x9b"
    shown = clean(typed)
    assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "␛[31m" in shown and "<U+202E>" in shown
    out = render([Table(None, ("Nom",), [(typed,)]), Fields(None, [("Nom", typed)]),
                  Paragraph(typed), Line(typed)], 200)
    assert "\x1b" not in out and "\u202e" not in out


def test_styles_only_on_a_terminal():
    blocks = [Table("Agenda", ("Date",), [("01/03/2026",)], styles=["bold red"])]
    assert "\x1b" not in render(blocks, 80, styled=False)
    styled = render(blocks, 80, styled=True)
    assert "\x1b[1;31m01/03/2026\x1b[0m" in styled and "\x1b[1mAgenda\x1b[0m" in styled


def test_a_narrow_screen_leaves_out_the_optional_columns_a_wide_one_and_a_pipe_keep_them():
    blocks = [Table(None, ("Date", "À faire", "Source"), [("01/03/2026", "Relancer", "R6313-4")],
                    optional=(2,))]
    assert "R6313-4" not in render(blocks, 80) and "Relancer" in render(blocks, 80)
    assert "R6313-4" in render(blocks, 120) and "R6313-4" in render(blocks, None)


def test_a_long_table_keeps_a_screenful_with_a_count_by_kind_and_says_how_to_see_the_rest():
    from bilancli.cli.display import SCREENFUL, screenful

    rows = [(str(n), "retard" if n < 70 else "à venir") for n in range(100)]
    kinds = [kind for _, kind in rows]
    summary, shown, rest = screenful(Table(None, ("N", "Sorte"), iter(rows)), kinds, False,
                                     "100 lignes", "Sorte")
    assert summary.rows == [("retard", "70"), ("à venir", "30")]
    assert len(shown.rows) + 4 + len(summary.rows) <= SCREENFUL and shown.rows[0] == ("0", "retard")
    assert f"{100 - len(shown.rows)} ligne(s) de plus : --tout" in rest.text
    (whole,) = screenful(Table(None, ("N", "Sorte"), iter(rows)), kinds, True, "", "")
    assert len(whole.rows) == 100
