#!/usr/bin/env python3
"""Builds the two-region test table (Z.csv, Y.csv, x.csv, F.csv) from the
single-region textbook example of Miller & Blair (2009), Table 2.3.

Standard library only; all arithmetic is exact (fractions.Fraction), and every
number written is an integer.  Run from anywhere:

    python3 construct.py            # (re)writes Z/Y/x/F.csv here and in single/
    python3 construct.py --check    # only checks the CSVs on disk match

single/ holds the book's own one-region table unchanged (see build_single).

THE BOOK'S NUMBERS (Miller, R. E. & Blair, P. D., Input-Output Analysis:
Foundations and Extensions, 2nd ed., Cambridge University Press, 2009,
ISBN 978-0-521-51713-3, chapter 2, Table 2.3, p. 22; see README.md for where
they were read):

    Z_book = [[150, 500],      interindustry flows, sector i (row) to j (col)
              [200, 100]]
    f_book = [350, 1700]       final demand
    x_book = [1000, 2000]      total output
    labour input coefficients of the chapter-2 example: 0.3, 0.25

THE CONSTRUCTION (the project's, not the book's): two regions R1 and R2 have
the book's economy as their *purchases*: R1 buys k1 = 1 times the book's
intermediate and final purchases, R2 buys k2 = 3 times them.  Each region
sources a fixed share m_d of every purchase (intermediate and final alike)
from the other region: m_R1 = 1/5, m_R2 = 1/10.  So, for a buying region d
with scale k_d and supplying region r:

    Z[r_i, d_j] = k_d * Z_book[i][j] * (1 - m_d if r == d else m_d)
    Y[r_i, d_FD] = k_d * f_book[i]   * (1 - m_d if r == d else m_d)

Gross output is the row sum x = Z 1 + Y 1 (so the table balances exactly);
value added is x - column sums of Z; employment is the book's labour
coefficient of the sector times x (same coefficients in both regions).
Because m_R1 * k_R1 != m_R2 * k_R2 the regions' trade does not balance, so
consumption- and production-based accounts differ (a useful test).
"""
import os
import sys
from fractions import Fraction as Fr

HERE = os.path.dirname(os.path.abspath(__file__))

# --- numbers from the book (see module docstring) ---------------------------
Z_BOOK = [[150, 500], [200, 100]]
F_BOOK = [350, 1700]
X_BOOK = [1000, 2000]
LABOUR_COEF = [Fr(3, 10), Fr(1, 4)]

# --- the project's construction parameters ----------------------------------
REGIONS = ["R1", "R2"]
SECTORS = ["s1", "s2"]
SCALE = {"R1": Fr(1), "R2": Fr(3)}              # k_d
IMPORT_SHARE = {"R1": Fr(1, 5), "R2": Fr(1, 10)}  # m_d


def share(r, d):
    """Share of buying region d's purchases that come from region r."""
    return 1 - IMPORT_SHARE[d] if r == d else IMPORT_SHARE[d]


def build():
    # the book's table balances: row sums of Z plus f give x
    for i in range(2):
        assert sum(Z_BOOK[i]) + F_BOOK[i] == X_BOOK[i]
    cells = [(r, s) for r in REGIONS for s in SECTORS]
    n = len(SECTORS)
    Z = [[SCALE[d] * Z_BOOK[i][j] * share(r, d)
          for d in REGIONS for j in range(n)]
         for r in REGIONS for i in range(n)]
    Y = [[SCALE[d] * F_BOOK[i] * share(r, d) for d in REGIONS]
         for r in REGIONS for i in range(n)]
    x = [sum(Z[a]) + sum(Y[a]) for a in range(len(cells))]
    va = [x[b] - sum(Z[a][b] for a in range(len(cells)))
          for b in range(len(cells))]
    emp = [LABOUR_COEF[b % n] * x[b] for b in range(len(cells))]
    for v in [e for row in Z + Y for e in row] + x + va + emp:
        assert v.denominator == 1, "construction must give integers"
    labels = [f"{r}_{s}" for r, s in cells]
    return labels, Z, Y, x, {"employment": emp, "value_added": va}


def fmt(v):
    return str(int(v))


def render(labels, Z, Y, x, F):
    files = {}
    lines = ["region_sector," + ",".join(labels)]
    lines += [labels[a] + "," + ",".join(fmt(v) for v in Z[a])
              for a in range(len(labels))]
    files["Z.csv"] = "\n".join(lines) + "\n"
    lines = ["region_sector," + ",".join(f"{d}_FD" for d in REGIONS)]
    lines += [labels[a] + "," + ",".join(fmt(v) for v in Y[a])
              for a in range(len(labels))]
    files["Y.csv"] = "\n".join(lines) + "\n"
    lines = ["region_sector,x"]
    lines += [f"{labels[a]},{fmt(x[a])}" for a in range(len(labels))]
    files["x.csv"] = "\n".join(lines) + "\n"
    lines = ["stressor," + ",".join(labels)]
    lines += [k + "," + ",".join(fmt(v) for v in row) for k, row in F.items()]
    files["F.csv"] = "\n".join(lines) + "\n"
    return files


def build_single():
    """The book's own single-region table, unchanged (region R1, no trade):
    Z_book, f_book, x_book; value added x - Z'1 (= the book's value-added
    row 650, 1400); employment = labour coefficient * x_book."""
    Z = [[Fr(v) for v in row] for row in Z_BOOK]
    Y = [[Fr(v)] for v in F_BOOK]
    x = [Fr(v) for v in X_BOOK]
    va = [x[j] - sum(Z[i][j] for i in range(2)) for j in range(2)]
    assert va == [650, 1400]
    emp = [LABOUR_COEF[j] * x[j] for j in range(2)]
    return (["R1_s1", "R1_s2"], Z, Y, x,
            {"employment": emp, "value_added": va})


def main(argv):
    global REGIONS
    outputs = {}
    for name, text in render(*build()).items():
        outputs[os.path.join(HERE, name)] = text
    REGIONS = ["R1"]  # the single-region table has one final-demand column
    for name, text in render(*build_single()).items():
        outputs[os.path.join(HERE, "single", name)] = text
    if "--check" in argv:
        bad = []
        for path, text in outputs.items():
            with open(path, encoding="utf-8") as fh:
                if fh.read() != text:
                    bad.append(os.path.relpath(path, HERE))
        if bad:
            print("differ from the construction:", ", ".join(bad))
            return 1
        print("all", len(outputs), "input CSVs match the construction")
        return 0
    os.makedirs(os.path.join(HERE, "single"), exist_ok=True)
    for path, text in outputs.items():
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    print("wrote", ", ".join(os.path.relpath(p, HERE) for p in outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
