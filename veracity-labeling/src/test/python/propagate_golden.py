#!/usr/bin/python3
"""Writes the golden vectors of veracity-labeling's label propagation tests: CSV inputs (real data shipped with
scikit-learn, some labels hidden) and the transduction and label distributions that scikit-learn's LabelSpreading and
LabelPropagation (kernel="knn") give on them. Run with Debian's interpreter (apt-get install python3-sklearn), from
the repository root:

    /usr/bin/python3 veracity-labeling/src/test/python/propagate_golden.py

The features get a seeded jitter of about 1e-6 so that no row has two candidates tied at its k-th nearest
neighbour: scikit-learn breaks such ties by the order its tree or its partial sort meets them, which is no
definition another implementation can follow (Veracity breaks them by row index). The script checks that the margin
between the k-th and the (k+1)-th distance is wide on every row, and that scikit-learn's graph is that exact graph.
"""
import csv
import json
import os

import numpy as np
import scipy
import sklearn
from sklearn import datasets
from sklearn.preprocessing import StandardScaler
from sklearn.semi_supervised import LabelPropagation, LabelSpreading

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "propagate")


def load(name):
    if name == "iris":
        d = datasets.load_iris()
    elif name == "wine":
        d = datasets.load_wine()
    elif name == "breast_cancer":
        d = datasets.load_breast_cancer()
    elif name == "digits":
        d = datasets.load_digits()
    else:
        raise ValueError(name)
    return np.asarray(d.data, dtype=float), np.asarray(d.target)


def prepared(name, rows, hidden, seed):
    x, y = load(name)
    x, y = x[:rows], y[:rows]
    rng = np.random.RandomState(seed)
    x = x + rng.uniform(-1e-6, 1e-6, size=x.shape)
    y = y.copy()
    y[rng.rand(len(y)) < hidden] = -1
    return x, y


def check_graph(x, k, model):
    """Fails unless every row's k nearest neighbours (itself included) are unambiguous and sklearn found them."""
    n = len(x)
    d = ((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2)
    order = np.argsort(d, axis=1, kind="stable")
    for i in range(n):
        kth, nxt = d[i, order[i, k - 1]], d[i, order[i, k]]
        assert nxt - kth > 1e-9 * max(1.0, kth), (i, kth, nxt)
    graph = model.nn_fit.kneighbors_graph(model.nn_fit._fit_X, k, mode="connectivity").tocsr()
    for i in range(n):
        assert set(graph.indices[graph.indptr[i]:graph.indptr[i + 1]]) == set(order[i, :k]), i


def write_csv(path, x, y, names):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names + ["target"])
        for row, label in zip(x, y):
            w.writerow([repr(float(v)) for v in row] + ["" if label == -1 else str(int(label))])


CASES = [
    # name, dataset, rows, hidden fraction, seed, method, k, alpha, max_iter, scale
    ("iris-spreading", "iris", 150, 0.7, 1, "spreading", 7, 0.2, 30, "none"),
    ("iris-propagation", "iris", 150, 0.7, 2, "propagation", 7, None, 1000, "none"),
    ("wine-spreading", "wine", 178, 0.8, 3, "spreading", 7, 0.2, 30, "none"),
    ("wine-propagation", "wine", 178, 0.8, 4, "propagation", 5, None, 1000, "none"),
    ("wine-spreading-standard", "wine", 178, 0.8, 5, "spreading", 7, 0.5, 30, "standard"),
    ("breast-cancer-spreading", "breast_cancer", 569, 0.9, 6, "spreading", 10, 0.2, 30, "none"),
    ("breast-cancer-propagation", "breast_cancer", 569, 0.9, 7, "propagation", 7, None, 1000, "none"),
    ("digits-spreading", "digits", 400, 0.9, 8, "spreading", 10, 0.2, 30, "none"),
    ("digits-propagation", "digits", 400, 0.9, 9, "propagation", 7, None, 1000, "none"),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    index = []
    for name, dataset, rows, hidden, seed, method, k, alpha, max_iter, scale in CASES:
        x, y = prepared(dataset, rows, hidden, seed)
        features = ["f%d" % j for j in range(x.shape[1])]
        fitted_x = StandardScaler().fit_transform(x) if scale == "standard" else x
        if method == "spreading":
            model = LabelSpreading(kernel="knn", n_neighbors=k, alpha=alpha, max_iter=max_iter, tol=1e-3)
        else:
            model = LabelPropagation(kernel="knn", n_neighbors=k, max_iter=max_iter, tol=1e-3)
        model.fit(fitted_x, y)
        check_graph(fitted_x, k, model)
        dist = model.label_distributions_
        top = np.sort(dist, axis=1)
        ambiguous = [int(i) for i in range(len(y)) if top[i, -1] - top[i, -2] < 1e-9]
        write_csv(os.path.join(OUT, name + ".csv"), x, y, features)
        expected = {
            "case": name, "data": name + ".csv", "label": "target", "features": features,
            "method": method, "neighbors": k, "alpha": alpha, "max_iter": max_iter, "tol": 1e-3, "scale": scale,
            "classes": [str(int(c)) for c in model.classes_], "n_iter": int(model.n_iter_),
            "transduction": [str(int(c)) for c in model.transduction_],
            "ambiguous_rows": ambiguous,
            "distributions": [[float(v) for v in row] for row in dist],
        }
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(expected, f, separators=(",", ":"))
            f.write("\n")
        index.append(name)
        print(name, "n_iter", model.n_iter_, "ambiguous", len(ambiguous),
              "unreached", int((dist.sum(axis=1) == 0).sum()))
    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump({"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
                   "cases": index}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
