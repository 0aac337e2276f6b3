#!/usr/bin/python3
"""Writes the feature-selection benchmark table: ROWS rows (default 1,000,000), 20 numeric features (5 informative,
5 weakly informative, 10 noise) and a 3-class label, as CSV. Usage: generate.py OUT.csv [ROWS]"""
import sys

import numpy as np

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = np.random.default_rng(20)
label = rng.integers(0, 3, size=rows)
columns = []
for i in range(20):
    signal = 1.0 if i < 5 else (0.2 if i < 10 else 0.0)
    columns.append(np.round(label * signal + rng.normal(size=rows), 4))
with open(out, "w") as f:
    f.write(",".join(f"f{i:02d}" for i in range(20)) + ",label\n")
    block = 100_000
    for start in range(0, rows, block):
        stop = min(rows, start + block)
        data = np.column_stack([c[start:stop] for c in columns] + [label[start:stop]])
        np.savetxt(f, data, delimiter=",", fmt=["%.4f"] * 20 + ["%d"])
