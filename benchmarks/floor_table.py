"""Floor for `quiz explain relu`: import typer, rich and numpy, print one small table."""
import numpy as np
import typer  # noqa: F401
from rich.console import Console
from rich.table import Table

xs = np.linspace(-6, 6, 11)
table = Table("x", "relu(x)")
for x in xs:
    table.add_row(f"{x:g}", f"{max(x, 0.0):g}")
Console().print(table)
