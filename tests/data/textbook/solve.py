#!/usr/bin/env python3
"""Exact known answers for the textbook test table in this directory.

Reads Z.csv, Y.csv, x.csv and F.csv (vigil's canonical layout), computes every
quantity below in exact rational arithmetic (fractions.Fraction; standard
library only, no numpy), checks the identities listed at the end, and writes
expected.csv with columns quantity,row,col,value, where value is
repr(float(exact)) -- the shortest decimal that reads back as the double
nearest to the exact answer.

    python3 solve.py           # checks, then writes expected.csv
    python3 solve.py --exact   # also prints every exact fraction to stdout
    python3 solve.py single    # same for the table in directory single/

Notation (pymrio's): labels are REGION_SECTOR (split at the first
underscore); Z[i][j] is the flow from cell i to cell j; Y[i][c] is final demand
for cell i's product by final-demand column c, whose region is the part of its
label before the first underscore (the consuming region); y = Y 1; F[k][j] is
stressor k of cell j.

Quantities written (quantity: row x col):
  A              cell x cell     A = Z diag(x)^-1
  L              cell x cell     L = (I - A)^-1
  M              stressor x cell M = S L, S = F diag(x)^-1
  x_model        cell x "x"      L y
  D_cba_reg      stressor x region d: sum_i M[k,i] Y[i,d]  (Y[:,d] = sum of
                                 region d's final-demand columns)
  D_pba_reg      stressor x region r: sum_{i in r} S[k,i] (L y)_i
  D_imp_reg      stressor x region d: sum_{i not in d} S[k,i] (L y_d)_i
  D_exp_reg      stressor x region r: sum_{i in r} S[k,i] sum_{d != r} (L y_d)_i
  local_*        stressor x producer region r, with the local Leontief inverse
                 of r's own block:
                   e_r[i]  = sum_{j not in r} Z[i,j] + sum_{d != r} Y[i,d], i in r
                   y_rr[i] = Y[i, r]
                   local_domestic        = S_r (I - A_rr)^-1 y_rr
                   local_export_direct   = S_r e_r
                   local_export_upstream = S_r (I - A_rr)^-1 e_r - S_r e_r
                 (export_linked = direct + upstream is not written separately)
  global_*       stressor x producer region r, with the global L:
                   global_domestic        = sum_{i in r} S[k,i] (L y_r)_i
                   global_export_direct   = sum_{i in r} S[k,i] sum_{d != r} Y[i,d]
                   global_export_upstream = D_exp_reg[k,r] - global_export_direct
"""
import csv
import os
import sys
from fractions import Fraction as Fr

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = HERE  # directory read and written; set from the command line


# ---------------------------------------------------------------- reading ---
def read_table(name):
    """Returns (header, row labels, rows of Fractions) of a canonical CSV."""
    with open(os.path.join(DATA, name), newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh) if r]
    header = rows[0]
    labels = [r[0] for r in rows[1:]]
    data = [[Fr(v.strip()) for v in r[1:]] for r in rows[1:]]
    for r in data:
        assert len(r) == len(header) - 1, f"{name}: ragged row"
    return header, labels, data


def region_of(label):
    return label.split("_", 1)[0]


# ---------------------------------------------------------- exact algebra ---
def identity(n):
    return [[Fr(int(i == j)) for j in range(n)] for i in range(n)]


def inverse(a):
    """Gauss-Jordan inverse of a square matrix of Fractions (exact)."""
    n = len(a)
    m = [list(a[i]) + identity(n)[i] for i in range(n)]
    for c in range(n):
        p = next(r for r in range(c, n) if m[r][c] != 0)  # StopIteration: singular
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        m[c] = [v / piv for v in m[c]]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c]
                m[r] = [vr - f * vc for vr, vc in zip(m[r], m[c])]
    return [row[n:] for row in m]


def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b)))
             for j in range(len(b[0]))] for i in range(len(a))]


def matvec(a, v):
    return [sum(a[i][k] * v[k] for k in range(len(v))) for i in range(len(a))]


def sub(a, b):
    return [[x - y for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]


# ---------------------------------------------------------------- solving ---
def solve():
    zh, zl, Z = read_table("Z.csv")
    yh, yl, Y = read_table("Y.csv")
    xh, xl, xs = read_table("x.csv")
    fh, stressors, F = read_table("F.csv")
    cells = zh[1:]
    assert zl == cells and yl == cells and xl == cells and fh[1:] == cells, \
        "all files must list the same cells in the same order"
    x = [r[0] for r in xs]
    n = len(cells)
    regions = list(dict.fromkeys(region_of(c) for c in cells))
    fd_cols = yh[1:]
    idx = {r: [i for i, c in enumerate(cells) if region_of(c) == r]
           for r in regions}

    A = [[Z[i][j] / x[j] for j in range(n)] for i in range(n)]
    L = inverse(sub(identity(n), A))
    S = [[F[k][j] / x[j] for j in range(n)] for k in range(len(stressors))]
    M = matmul(S, L)
    y = [sum(r) for r in Y]
    Ly = matvec(L, y)
    # y_d: final demand of consuming region d (sum of its Y columns)
    yd = {d: [sum(Y[i][c] for c, h in enumerate(fd_cols) if region_of(h) == d)
              for i in range(n)] for d in regions}
    Lyd = {d: matvec(L, yd[d]) for d in regions}
    K = range(len(stressors))

    out = {}  # quantity -> list of (row, col, exact)
    out["A"] = [(cells[i], cells[j], A[i][j]) for i in range(n) for j in range(n)]
    out["L"] = [(cells[i], cells[j], L[i][j]) for i in range(n) for j in range(n)]
    out["M"] = [(stressors[k], cells[j], M[k][j]) for k in K for j in range(n)]
    out["x_model"] = [(cells[i], "x", Ly[i]) for i in range(n)]

    cba = {(k, d): sum(M[k][i] * yd[d][i] for i in range(n))
           for k in K for d in regions}
    pba = {(k, r): sum(S[k][i] * Ly[i] for i in idx[r])
           for k in K for r in regions}
    imp = {(k, d): sum(S[k][i] * Lyd[d][i] for i in range(n) if i not in idx[d])
           for k in K for d in regions}
    exp = {(k, r): sum(S[k][i] * sum(Lyd[d][i] for d in regions if d != r)
                       for i in idx[r]) for k in K for r in regions}
    for name, tab in (("D_cba_reg", cba), ("D_pba_reg", pba),
                      ("D_imp_reg", imp), ("D_exp_reg", exp)):
        out[name] = [(stressors[k], r, tab[k, r]) for k in K for r in regions]

    # local (own-block Leontief inverse) decomposition per producer region r
    loc_dom, loc_dir, loc_up, loc_linked = {}, {}, {}, {}
    for r in regions:
        I_r = idx[r]
        A_rr = [[A[i][j] for j in I_r] for i in I_r]
        L_rr = inverse(sub(identity(len(I_r)), A_rr))
        e_r = [sum(Z[i][j] for j in range(n) if j not in I_r)
               + sum(Y[i][c] for c, h in enumerate(fd_cols) if region_of(h) != r)
               for i in I_r]
        y_rr = [sum(Y[i][c] for c, h in enumerate(fd_cols) if region_of(h) == r)
                for i in I_r]
        S_r = [[S[k][i] for i in I_r] for k in K]
        linked = matvec(S_r, matvec(L_rr, e_r))
        direct = matvec(S_r, e_r)
        dom = matvec(S_r, matvec(L_rr, y_rr))
        for k in K:
            loc_dom[k, r], loc_dir[k, r] = dom[k], direct[k]
            loc_linked[k, r] = linked[k]
            loc_up[k, r] = linked[k] - direct[k]

    # global (full L) variant
    glob_dom = {(k, r): sum(S[k][i] * Lyd[r][i] for i in idx[r])
                for k in K for r in regions}
    glob_dir = {(k, r): sum(S[k][i] * sum(Y[i][c] for c, h in enumerate(fd_cols)
                                          if region_of(h) != r)
                            for i in idx[r]) for k in K for r in regions}
    glob_up = {(k, r): exp[k, r] - glob_dir[k, r] for k in K for r in regions}
    for name, tab in (("local_domestic", loc_dom),
                      ("local_export_direct", loc_dir),
                      ("local_export_upstream", loc_up),
                      ("global_domestic", glob_dom),
                      ("global_export_direct", glob_dir),
                      ("global_export_upstream", glob_up)):
        out[name] = [(stressors[k], r, tab[k, r]) for k in K for r in regions]

    # ------------------------------------------------------------ checks ---
    checks = []

    def check(what, ok):
        checks.append((what, ok))

    rowsum = [sum(Z[i]) + y[i] for i in range(n)]
    check("table balances: x = Z 1 + Y 1 exactly", rowsum == x)
    colsums = [sum(A[i][j] for i in range(n)) for j in range(n)]
    check("column sums of A < 1 (" + ", ".join(
        f"{c}={s}" for c, s in zip(cells, colsums)) + ")",
        all(s < 1 for s in colsums))
    check("A >= 0 and L >= 0", all(v >= 0 for r in A + L for v in r))
    check("L (I - A) = I exactly",
          matmul(L, sub(identity(n), A)) == identity(n))
    check("x_model = L y equals x exactly", Ly == x)
    for k in K:
        tot_f = sum(F[k])
        check(f"[{stressors[k]}] sum_d D_cba_reg = sum_r D_pba_reg = sum F "
              f"(= {tot_f})",
              sum(cba[k, d] for d in regions) == sum(pba[k, r] for r in regions)
              == tot_f)
        check(f"[{stressors[k]}] sum_d D_imp_reg = sum_r D_exp_reg",
              sum(imp[k, d] for d in regions) == sum(exp[k, r] for r in regions))
        for r in regions:
            f_r = sum(F[k][i] for i in idx[r])
            check(f"[{stressors[k]}/{r}] D_pba = D_cba - D_imp + D_exp",
                  pba[k, r] == cba[k, r] - imp[k, r] + exp[k, r])
            check(f"[{stressors[k]}/{r}] D_pba = F summed over r (= {f_r})",
                  pba[k, r] == f_r)
            check(f"[{stressors[k]}/{r}] local: domestic + export_linked "
                  f"= S_r (I-A_rr)^-1 (y_rr + e_r) = F summed over r",
                  loc_dom[k, r] + loc_linked[k, r] == f_r)
            check(f"[{stressors[k]}/{r}] local: direct + upstream = linked",
                  loc_dir[k, r] + loc_up[k, r] == loc_linked[k, r])
            check(f"[{stressors[k]}/{r}] global: domestic + D_exp_reg = D_pba",
                  glob_dom[k, r] + exp[k, r] == pba[k, r])
            z_exp = sum(S[k][i] * sum(Z[i][j] for j in range(n)
                                      if j not in idx[r]) for i in idx[r])
            check(f"[{stressors[k]}/{r}] local_export_direct = "
                  f"global_export_direct + S_r (intermediate exports)",
                  loc_dir[k, r] == glob_dir[k, r] + z_exp)
    return out, checks


ORDER = ["A", "L", "M", "x_model", "D_cba_reg", "D_pba_reg", "D_imp_reg",
         "D_exp_reg", "local_domestic", "local_export_direct",
         "local_export_upstream", "global_domestic", "global_export_direct",
         "global_export_upstream"]


def main(argv):
    global DATA
    dirs = [a for a in argv if not a.startswith("--")]
    if dirs:
        DATA = os.path.abspath(dirs[0])
    out, checks = solve()
    failed = 0
    for what, ok in checks:
        print(("ok    " if ok else "FAIL  ") + what)
        failed += not ok
    if failed:
        print(f"{failed} check(s) failed; expected.csv not written")
        return 1
    path = os.path.join(DATA, "expected.csv")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["quantity", "row", "col", "value"])
        for q in ORDER:
            for row, col, v in out[q]:
                w.writerow([q, row, col, repr(float(v))])
                if "--exact" in argv:
                    print(f"{q},{row},{col},{v}")
    print(f"all {len(checks)} checks passed; wrote {path} "
          f"({sum(len(out[q]) for q in ORDER)} values)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
