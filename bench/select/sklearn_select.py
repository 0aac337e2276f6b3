#!/usr/bin/python3
"""scikit-learn's side of the benchmark: reads the CSV (pandas if present, else numpy), then f_classif and
mutual_info_classif (k = 3) on all rows, as SelectKBest would. Usage: sklearn_select.py FILE"""
import sys

import numpy as np
from sklearn.feature_selection import f_classif, mutual_info_classif

try:
    import pandas as pd
    frame = pd.read_csv(sys.argv[1])
    X = frame.drop(columns=["label"]).to_numpy(dtype=float)
    y = frame["label"].to_numpy()
except ImportError:
    data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
    X, y = data[:, :-1], data[:, -1].astype(int)
F, p = f_classif(X, y)
mi = mutual_info_classif(X, y, n_neighbors=3, random_state=0)
print("features", X.shape[1], "rows", X.shape[0], "top F", int(np.argmax(F)), "top MI", int(np.argmax(mi)))
