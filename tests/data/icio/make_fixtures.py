#!/usr/bin/env python3
"""Writes the ICIO test tables of this folder and what `vigil import icio`
must make of them (see README.md). Plain Python, no packages.

The tables are made by the project in the OECD's published CSV layout;
their numbers are invented. Run from anywhere:

    python3 tests/data/icio/make_fixtures.py

It rewrites icio2023.csv, icio2018.csv, the `want/` folders of the
conversion cases and the `in.csv` of the error cases. The expected outputs
are computed here from the tables' own numbers, not by reading the CSV
back, and summed in the order vigil sums them (row by row, then column by
column), so that they are exact to the last bit.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")


def fmt(v):
    """Shortest of %.15g, %.16g, %.17g that reads back exactly, as
    vg_fmt_double does (engine/csvio.c)."""
    if v == 0:
        v = 0.0
    for p in (15, 16, 17):
        s = "%.*g" % (p, v)
        if float(s) == v:
            return s
    return s


def write_csv(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        for r in rows:
            f.write(",".join(x if isinstance(x, str) else fmt(x) for x in r) + "\n")


def matrix_file(path, first, rowlab, collab, m):
    write_csv(path, [[first] + collab] + [[rowlab[i]] + list(m[i]) for i in range(len(rowlab))])


class Table:
    """An ICIO table: cells, final-demand columns, Z, Y, x, value-added rows."""

    def __init__(self, regions, sectors, fd_regions, categories):
        self.cells = [r + "_" + s for r in regions for s in sectors]
        self.fd = [r + "_" + c for r in fd_regions for c in categories]
        n, ny = len(self.cells), len(self.fd)
        self.Z = [[0.0] * n for _ in range(n)]
        self.Y = [[0.0] * ny for _ in range(n)]
        self.va_rows = []   # (label, cell values, final-demand values)

    def x(self):
        return [sum(self.Z[i]) + sum(self.Y[i]) for i in range(len(self.cells))]

    def layout(self, first, out_col, out_row):
        """The table as the OECD publishes it: header, industry rows,
        value-added rows, output row."""
        x = self.x()
        n = len(self.cells)
        rows = [[first] + self.cells + self.fd + [out_col]]
        for i in range(n):
            rows.append([self.cells[i]] + self.Z[i] + self.Y[i] + [x[i]])
        for lab, f, fy in self.va_rows:
            rows.append([lab] + f + fy + [sum(f) + sum(fy)])
        fd_tot = [sum(self.Y[i][k] for i in range(n)) + sum(r[2][k] for r in self.va_rows)
                  for k in range(len(self.fd))]
        rows.append([out_row] + x + fd_tot + [sum(x)])
        return rows

    def add_va(self, label, f, fy):
        self.va_rows.append((label, f, fy))

    def residual_va(self, taxes):
        """Value added that balances each column: x - colsum(Z) - taxes."""
        x = self.x()
        n = len(self.cells)
        va = []
        for j in range(n):
            v = x[j] - sum(self.Z[i][j] for i in range(n)) - taxes[j]
            assert v >= 0, (self.cells[j], v)
            va.append(v)
        return va


def canonical(t, merge):
    """What vigil writes: cells merged by `merge` (label -> label), x from
    the output column, F from the value-added rows, F_Y their FD part."""
    x = t.x()
    n, ny = len(t.cells), len(t.fd)
    labels, to = [], []
    for c in t.cells:
        m = merge(c)
        if m not in labels:
            labels.append(m)
        to.append(labels.index(m))
    k = len(labels)
    Z = [[0.0] * k for _ in range(k)]
    Y = [[0.0] * ny for _ in range(k)]
    X = [0.0] * k
    F = [[0.0] * k for _ in t.va_rows]
    for i in range(n):
        for j in range(n):
            Z[to[i]][to[j]] += t.Z[i][j]
        for j in range(ny):
            Y[to[i]][j] += t.Y[i][j]
        X[to[i]] += x[i]
    for s, (_, f, _) in enumerate(t.va_rows):
        for j in range(n):
            F[s][to[j]] += f[j]
    return labels, Z, Y, X, F, [r[2] for r in t.va_rows], [r[0] for r in t.va_rows]


def write_want(case, t, merge):
    labels, Z, Y, X, F, FY, names = canonical(t, merge)
    d = os.path.join(CASES, case, "want")
    matrix_file(os.path.join(d, "Z.csv"), "region_sector", labels, labels, Z)
    matrix_file(os.path.join(d, "Y.csv"), "region_sector", labels, t.fd, Y)
    matrix_file(os.path.join(d, "x.csv"), "region_sector", labels, ["x"], [[v] for v in X])
    matrix_file(os.path.join(d, "F.csv"), "stressor", names, labels, F)
    matrix_file(os.path.join(d, "F_Y.csv"), "stressor", names, t.fd, FY)


# --------------------------------------------------------------------------
# The 2023 edition: label column V1, industry codes with '_' (A01_02), six
# final-demand categories ending in DPABR, one TLS row, VA, OUT.

def table_2023():
    t = Table(["AUS", "DEU", "ROW"], ["A01_02", "C10T12"], ["AUS", "DEU", "ROW"],
              ["HFCE", "NPISH", "GGFC", "GFCF", "INVNT", "DPABR"])
    t.Z = [
        [12.5, 30, 4, 6, 2, 3.25],
        [8, 40.75, 5, 9, 1.5, 4],
        [3, 2, 20, 35, 4, 6],
        [1.25, 7, 10, 50.5, 2, 8],
        [6, 4, 3, 5, 60, 45],
        [2, 9, 1, 12, 30, 80.1],
    ]
    for i in range(6):
        for r in range(3):
            home = (i // 2) == r
            base = 6 * r
            t.Y[i][base + 0] = (90.5 if home else 6.25) + 10 * (i % 2)   # HFCE
            t.Y[i][base + 1] = 1.5 if home else 0                       # NPISH
            t.Y[i][base + 2] = 4 if home and i % 2 else 0               # GGFC
            t.Y[i][base + 3] = 22.75 if home else 3                     # GFCF
            t.Y[i][base + 4] = -1.25 if i % 2 == 0 else 0.5             # INVNT
            t.Y[i][base + 5] = 0.25 if not home else 0                  # DPABR
    tls = [1.5, 3.25, -0.75, 2, 1, 4.5]
    tls_fd = [2.5 if k % 6 == 0 else 0 for k in range(18)]
    t.add_va("TLS", tls, tls_fd)
    t.add_va("VA", t.residual_va(tls), [0.0] * 18)
    return t


# --------------------------------------------------------------------------
# The 2018 and 2021 editions: empty label-column name, TOTAL column, one
# REGION_TAXSUB row per region, VALU and OUTPUT; China and Mexico with
# zero CHN/MEX rows and columns and their activity in CN1, CN2, MX1, MX2
# (after ROW, as published). Final demand (2018 names, P33 last) has
# columns for the four countries only.

def table_2018():
    regions = ["AUS", "CHN", "MEX", "ROW", "CN1", "CN2", "MX1", "MX2"]
    t = Table(regions, ["01T02", "10T12"], ["AUS", "CHN", "MEX", "ROW"],
              ["HFCE", "NPISH", "GGFC", "GFCF", "INVNT", "P33"])
    n, ny = len(t.cells), len(t.fd)
    zero = {"CHN", "MEX"}
    home_fd = {"AUS": 0, "CHN": 1, "MEX": 2, "ROW": 3, "CN1": 1, "CN2": 1, "MX1": 2, "MX2": 2}
    for i, ci in enumerate(t.cells):
        ri = ci.split("_")[0]
        if ri in zero:
            continue
        for j, cj in enumerate(t.cells):
            if cj.split("_")[0] in zero:
                continue
            t.Z[i][j] = ((i * 5 + j * 3) % 9 + 1) * 0.5 + (20 if i == j else 0)
        for k in range(ny):
            home = k // 6 == home_fd[ri]
            cat = k % 6
            v = [60.25, 1, 3.5, 15, -0.75, 0.5][cat] if home else [4, 0, 0, 2.25, 0.25, 0][cat]
            t.Y[i][k] = v + (i % 3) * 0.5 if v > 0 else v
    taxes = []
    for r, reg in enumerate(["AUS", "CHN", "MEX", "ROW"]):
        f = [0.0 if c.split("_")[0] in zero else ((j + r) % 4) * 0.25 for j, c in enumerate(t.cells)]
        fy = [1.25 if k // 6 == r and k % 6 == 0 else 0.0 for k in range(ny)]
        t.add_va(reg + "_TAXSUB", f, fy)
        taxes.append(f)
    total_tax = [sum(f[j] for f in taxes) for j in range(n)]
    t.add_va("VALU", t.residual_va(total_tax), [0.0] * ny)
    return t


def merge_split(label):
    region, sector = label.split("_", 1)
    if region[:2] in ("CN", "MX") and region[2:].isdigit():
        return ("CHN" if region[:2] == "CN" else "MEX") + "_" + sector
    return label


# --------------------------------------------------------------------------
# Error cases: the 2023 table with one thing changed.

def bad(case, rows, args="--out @OUT"):
    write_csv(os.path.join(CASES, case, "in.csv"), rows)
    with open(os.path.join(CASES, case, "cmd"), "w") as f:
        f.write("import icio %s/in.csv %s\n" % (case, args))
    with open(os.path.join(CASES, case, "exit"), "w") as f:
        f.write("2\n")


def bad_cases(t):
    base = t.layout("V1", "OUT", "OUT")
    rows = [list(r) for r in base]

    r = [list(x) for x in rows]
    r[3] = r[3][:-1]
    bad("ragged_row", r)

    r = [list(x) for x in rows]
    r[2] = r[2] + [1]
    bad("extra_field", r)

    r = [list(x) for x in rows]
    r[4][5] = "n/a"
    bad("not_a_number", r)

    r = [list(x) for x in rows]
    r[8][20] = ""
    bad("empty_cell", r)

    r = [x[:-1] for x in rows]
    bad("missing_out_column", r)

    r = [list(x) for x in rows][:-1]
    bad("missing_out_row", r)

    r = [list(x) for x in rows]
    r[2], r[3] = r[3], r[2]
    bad("row_order", r)

    r = [list(x) for x in rows]
    r.insert(9, ["EXPGR"] + [0] * (len(r[0]) - 1))
    bad("unknown_row", r)

    r = [list(x) for x in rows]
    r[0][9] = "AUS_HFCE"
    bad("duplicate_column", r)

    r = [list(x) for x in rows][:5]
    bad("truncated", r)

    r = [list(x) for x in rows]
    r[0][7] = "DISC"
    bad("unknown_column", r)

    # a final-demand category vigil does not know is taken for an industry
    r = [list(x) for x in rows]
    r[0] = [x.replace("_DPABR", "_EXPO") for x in r[0]]
    bad("unknown_category", r)

    # the 2016 edition's labels: category first, no output column
    r = [list(x) for x in rows]
    for k in range(7, 25):
        region, cat = r[0][k].split("_")
        r[0][k] = cat + "_" + region
    bad("layout_2016", r)

    # not an ICIO table at all: vigil's own canonical Z.csv
    write_csv(os.path.join(CASES, "layout_canonical", "in.csv"),
              [["region_sector", "R1_s1", "R1_s2"], ["R1_s1", 1, 2], ["R1_s2", 3, 4]])
    with open(os.path.join(CASES, "layout_canonical", "cmd"), "w") as f:
        f.write("import icio layout_canonical/in.csv --out @OUT\n")
    with open(os.path.join(CASES, "layout_canonical", "exit"), "w") as f:
        f.write("2\n")


def bom_crlf_quoted(case, t):
    """The 2023 table as some tools save it: a UTF-8 byte-order mark, CRLF
    line ends and every label quoted (as in pymrio's ICIO2016_2003.csv)."""
    path = os.path.join(CASES, case, "in.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        for r in t.layout("V1", "OUT", "OUT"):
            f.write(",".join('"%s"' % x if isinstance(x, str) else fmt(x) for x in r) + "\r\n")
    write_want(case, t, lambda c: c)


def main():
    t23 = table_2023()
    write_csv(os.path.join(HERE, "icio2023.csv"), t23.layout("V1", "OUT", "OUT"))
    write_want("ok_2023", t23, lambda c: c)
    bom_crlf_quoted("ok_2023_bom_crlf_quoted", t23)
    t18 = table_2018()
    write_csv(os.path.join(HERE, "icio2018.csv"), t18.layout("", "TOTAL", "OUTPUT"))
    write_want("ok_2018_merged", t18, merge_split)
    write_want("ok_2018_keep_splits", t18, lambda c: c)
    bad_cases(t23)


if __name__ == "__main__":
    main()
