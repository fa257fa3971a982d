"""`quiz explain`: an activation function, its derivative, a value table and a chart."""

from typing import Optional

import typer

from .. import completion
from ..app import app
from .common import Points, Range, ascii_option, lang_option, width_option


@app.command(
    epilog="Examples:  quiz explain relu · quiz explain sigmoid --vs relu · "
    "quiz explain gelu --range -4:4 --json · quiz explain   (lists all)"
)
def explain(
    name: Optional[str] = typer.Argument(
        None, metavar="NAME", autocompletion=completion.activations,
        help="Activation name or alias (relu, leaky-relu, swish, …). Omit to list all."
    ),
    vs: Optional[str] = typer.Option(None, "--vs", metavar="NAME",
                                     autocompletion=completion.activations,
                                     help="A second activation to compare with."),
    range_: Optional[str] = typer.Option(None, "--range", metavar="A:B", click_type=Range(),
                                         help="x range of the chart, e.g. -10:10 (default: -6:6)."),
    points: Optional[str] = typer.Option(None, "--points", metavar="X,Y,…", click_type=Points(),
                                         help="x values for the table, e.g. -2,0,0.5,3."),
    lang: Optional[str] = lang_option(),
    json_: bool = typer.Option(False, "--json", help="Print all the numbers as JSON, no prose."),
    ascii_: bool = ascii_option(),
    width: Optional[int] = width_option(),
) -> None:
    """Show an activation function: formula, derivative, properties, values and a chart."""
    from .. import explain as core
    from ..console import make_console
    from ..i18n import resolve_lang
    from ..render import explain as render

    language = resolve_lang(lang)
    if name is None:
        rows = core.listing(language)
        if json_:
            from ..jsonout import emit

            emit(rows)
            return
        render.render_listing(make_console(width), rows, language, ascii_)
        return
    result = core.explain(name, vs=vs, range_=range_, points=points, lang=language)
    if json_:
        from ..jsonout import emit

        emit(result)
        return
    render.render_explain(make_console(width), result, ascii_only=ascii_)
