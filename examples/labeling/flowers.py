#!/usr/bin/python3
"""Writes the advanced-labeling examples from Fisher's iris measurements (shipped with scikit-learn):

  flowers.csv          150 flowers, id, four measurements and a species; 80% of the species hidden (empty)
  flowers-model-a.csv  a committee member's predictions for the unlabeled flowers: id, p_<species>
  flowers-model-b.csv  another member's (a different feature pair)

The "models" are softmax nearest-centroid classifiers fitted on the labeled flowers, each on two measurements, so
that the two disagree on some flowers. Run from the repository root: /usr/bin/python3 examples/labeling/flowers.py
"""
import csv
import os

import numpy as np
from sklearn import datasets

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]


def main():
    iris = datasets.load_iris()
    species = [str(s) for s in iris.target_names]
    rng = np.random.RandomState(7)
    hidden = rng.rand(len(iris.target)) < 0.8
    ids = ["f%03d" % (i + 1) for i in range(len(iris.target))]
    with open(os.path.join(HERE, "flowers.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id"] + NAMES + ["species"])
        for i, row in enumerate(iris.data):
            w.writerow([ids[i]] + ["%.1f" % v for v in row] + ["" if hidden[i] else species[iris.target[i]]])
    labeled = ~hidden
    for name, columns, temperature in (("a", [0, 1], 0.5), ("b", [2, 3], 0.3)):
        x = iris.data[:, columns]
        centroids = np.array([x[labeled & (iris.target == c)].mean(axis=0) for c in range(3)])
        with open(os.path.join(HERE, "flowers-model-%s.csv" % name), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id"] + ["p_" + s for s in species])
            for i in np.flatnonzero(hidden):
                d = ((centroids - x[i]) ** 2).sum(axis=1)
                z = np.exp(-(d - d.min()) / temperature)
                p = np.round(z / z.sum(), 6)
                p[np.argmax(p)] += round(1.0 - p.sum(), 6)  # rounded probabilities still sum to 1
                w.writerow([ids[i]] + ["%.6f" % v for v in p])


if __name__ == "__main__":
    main()
