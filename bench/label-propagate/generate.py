#!/usr/bin/python3
"""Writes the label propagation benchmark table: ROWS rows (default 100,000), 20 numeric features and a 10-class
label given on 10% of the rows (empty elsewhere), as CSV. Usage: generate.py OUT.csv [ROWS] [LATENT]

The features are correlated measurements, as in most real tables: a LATENT-dimensional point (default 4; a mixture
of 10 Gaussian clusters, one per class) mapped by a fixed random 20 x LATENT matrix, plus independent noise of 0.1 per
feature. LATENT=20 gives full-dimensional data, where no exact index prunes well (see README.md)."""
import sys

import numpy as np

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
latent = int(sys.argv[3]) if len(sys.argv) > 3 else 4
rng = np.random.default_rng(21)
label = rng.integers(0, 10, size=rows)
centers = rng.normal(scale=3.0, size=(10, latent))
z = centers[label] + rng.normal(size=(rows, latent))
mixing = rng.normal(size=(latent, 20))
x = np.round(z @ mixing + rng.normal(scale=0.1, size=(rows, 20)), 4)
given = rng.random(rows) < 0.1
with open(out, "w") as f:
    f.write(",".join(f"f{i:02d}" for i in range(20)) + ",label\n")
    for i in range(rows):
        f.write(",".join("%.4f" % v for v in x[i]) + "," + (str(label[i]) if given[i] else "") + "\n")
