"""Escaping user text for Markdown, without rendering a document."""

from bilancli.render.markdown import escape, escape_cell


def test_inline_markup_is_escaped_and_braces_are_left_alone():
    assert escape("a|b <i> *x* [l](u) {{ 7*7 }}") == r"a\|b \<i\> \*x\* \[l\](u) {{ 7\*7 }}"


def test_block_markers_are_escaped_only_at_the_start_of_a_line():
    assert escape("# t\n- a\n12. b\nJean-Pierre n° 3.") == "\\# t\n\\- a\n12\\. b\nJean-Pierre n° 3."


def test_a_table_cell_stays_on_one_line_and_nothing_prints_as_none():
    assert escape_cell("a\nb|c") == r"a b\|c"
    assert escape(None) == "" and escape_cell(None) == ""
