"""Floor for `quiz --help`: a minimal one-command Typer app."""
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(f"hello {name}")


@app.callback()
def root() -> None:
    """A minimal app."""


if __name__ == "__main__":
    app()
