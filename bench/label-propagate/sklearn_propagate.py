#!/usr/bin/python3
"""scikit-learn's side of bench/label-propagate: reads the CSV, standardizes, fits LabelSpreading(kernel="knn",
n_neighbors=K) and writes the transduction with its confidence. Prints the seconds of each step on stderr.
Usage: sklearn_propagate.py DATA.csv OUT.csv [K]"""
import csv
import sys
import time

import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.semi_supervised import LabelSpreading

data, out = sys.argv[1], sys.argv[2]
k = int(sys.argv[3]) if len(sys.argv) > 3 else 10
t0 = time.time()
with open(data) as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = list(reader)
x = np.array([[float(v) for v in r[:-1]] for r in rows])
y = np.array([int(r[-1]) if r[-1] else -1 for r in rows])
t1 = time.time()
model = LabelSpreading(kernel="knn", n_neighbors=k, alpha=0.2, max_iter=30, tol=1e-3)
model.fit(StandardScaler().fit_transform(x), y)
t2 = time.time()
confidence = model.label_distributions_.max(axis=1)
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header + ["label", "label_confidence"])
    for r, label, p in zip(rows, model.transduction_, confidence):
        w.writerow(r + [str(label), repr(float(p))])
t3 = time.time()
print("sklearn: read %.1f s, fit %.1f s (%d iterations), write %.1f s" % (t1 - t0, t2 - t1, model.n_iter_, t3 - t2),
      file=sys.stderr)
