"""`quiz config set|get`: settings kept with your progress (desired retention)."""

from typing import Optional

import typer

from ..app import app
from .common import home_option, lang_option

config_app = typer.Typer(
    name="config",
    help="Your settings, kept with your progress: desired retention (quiz config set retention 0.9).",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(config_app, name="config")


@config_app.command(
    "set",
    epilog="Examples:  quiz config set retention 0.9 · quiz config set retention 0.85.  "
    "retention (0.7–0.97, default 0.9): the chance of recalling a question when it comes "
    "due; higher means shorter intervals and more reviews (quiz stats forecasts them). "
    "Every schedule is rebuilt from your answers with the new value.",
)
def set_(
    key: str = typer.Argument(..., metavar="KEY", help="The setting: retention."),
    value: str = typer.Argument(..., metavar="VALUE", help="Its new value, e.g. 0.9."),
    home: Optional[str] = home_option(),
    lang: Optional[str] = lang_option("the message"),
) -> None:
    """Change a setting (retention: 0.7–0.97) and reschedule from your answers."""
    from ..console import make_console
    from ..i18n import resolve_lang
    from ..render.schedule import S, say
    from ..store import open_store
    from ..store.settings import get_setting, set_setting

    language = resolve_lang(lang)
    with open_store(home) as store:
        old = get_setting(store, key)
        new = set_setting(store, key, value)
        cards = len(store.cards())
    say(make_console(), S("config_set", language, name=key.strip().lower(), value=new, old=old,
                          cards=cards))


@config_app.command("get", epilog="Examples:  quiz config get · quiz config get retention · "
                    "quiz config get --json")
def get(
    key: Optional[str] = typer.Argument(None, metavar="[KEY]", help="One setting (default: all)."),
    json_: bool = typer.Option(False, "--json", help="Print the settings as JSON."),
    home: Optional[str] = home_option(),
    lang: Optional[str] = lang_option("the text"),
) -> None:
    """Show your settings and which FSRS parameters schedule your reviews."""
    from ..console import make_console
    from ..i18n import resolve_lang
    from ..render.schedule import S, say
    from ..store import open_store
    from ..store.clock import iso
    from ..store.settings import SETTINGS, current_parameters, get_setting, is_default

    language = resolve_lang(lang)
    with open_store(home) as store:
        keys = [key] if key else list(SETTINGS)
        values = {k.strip().lower(): get_setting(store, k) for k in keys}
        defaults = {k: is_default(store, k) for k in values}
        fitted = current_parameters(store)
    if json_:
        from ..jsonout import emit

        emit({"settings": values,
              "fsrs_parameters": None if fitted is None else {
                  "parameters": list(fitted.parameters), "fitted_at": iso(fitted.fitted_at),
                  "reviews": fitted.review_count, "evaluation": fitted.evaluation}})
        return
    console = make_console()
    for k, v in values.items():
        say(console, S("config_row", language, name=k, value=v,
                       default=S("config_default", language) if defaults[k] else ""))
    if key is None:
        if fitted is None:
            say(console, S("config_params_default", language))
        else:
            say(console, S("config_params", language, at=iso(fitted.fitted_at)[:10],
                           n=fitted.review_count))
