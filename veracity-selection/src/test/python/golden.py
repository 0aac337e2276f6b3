#!/usr/bin/python3
"""Writes the golden vectors of veracity-selection's oracle tests: CSV inputs and the scores scipy and
scikit-learn give on them. Run with Debian's interpreter (apt-get install python3-sklearn), from the repository root:

    /usr/bin/python3 veracity-selection/src/test/python/golden.py

It reads only data shipped with scikit-learn (iris, wine, breast cancer, diabetes) and data it generates from a
fixed seed, so its output is the same on every run with the same library versions (recorded in the JSON).
"""
import csv
import json
import math
import os

import numpy as np
import scipy
import scipy.stats as st
import sklearn
from sklearn import datasets
from sklearn.feature_selection import f_classif, f_regression, mutual_info_classif, mutual_info_regression
from sklearn.metrics import mutual_info_score

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "selection")


def write_csv(name, columns):
    names = list(columns)
    rows = len(columns[names[0]])
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names)
        for i in range(rows):
            w.writerow(["" if v is None else (repr(float(v)) if isinstance(v, (float, np.floating)) else str(v))
                        for v in (columns[n][i] for n in names)])


def complete(x, y):
    keep = [i for i in range(len(x)) if x[i] is not None and y[i] is not None]
    return [x[i] for i in keep], [y[i] for i in keep]


def f(v):
    return float(v)


KSG_SEEDS = 30


def numeric_vs_class(x, y):
    x, y = complete(x, y)
    X = np.array(x, dtype=float).reshape(-1, 1)
    F, p = f_classif(X, np.array(y))
    # KSG is an estimate that moves with scikit-learn's jitter: record its spread over KSG_SEEDS random states.
    mi = [f(mutual_info_classif(X, np.array(y), n_neighbors=3, random_state=s)[0]) for s in range(KSG_SEEDS)]
    return {"anova_f": {"statistic": f(F[0]), "p_value": f(p[0])},
            "mutual_information": {"ksg_min": min(mi), "ksg_max": max(mi), "ksg_mean": sum(mi) / len(mi)}}


def categorical_vs_class(x, y):
    x, y = complete(x, y)
    xs, ys = sorted(set(x)), sorted(set(y))
    table = np.zeros((len(xs), len(ys)), dtype=np.int64)
    for a, b in zip(x, y):
        table[xs.index(a), ys.index(b)] += 1
    chi2, p, dof, _ = st.chi2_contingency(table, correction=False)
    v = st.contingency.association(table, method="cramer", correction=False)
    return {"chi2": {"statistic": f(chi2), "p_value": f(p), "dof": int(dof)},
            "mutual_information": {"value": f(mutual_info_score(x, y))},
            "cramers_v": {"statistic": f(v)}}


def numeric_vs_value(x, y):
    x, y = complete(x, y)
    X = np.array(x, dtype=float).reshape(-1, 1)
    F, pf = f_regression(X, np.array(y, dtype=float))
    r, pr = st.pearsonr(x, y)
    rho, prho = st.spearmanr(x, y)
    # KSG (continuous-continuous) moves with the jitter on x and y: its spread over KSG_SEEDS random states.
    mi = [f(mutual_info_regression(X, np.array(y, dtype=float), n_neighbors=3, random_state=s)[0])
          for s in range(KSG_SEEDS)]
    return {"f_regression": {"statistic": f(F[0]), "p_value": f(pf[0])},
            "mutual_information": {"ksg_min": min(mi), "ksg_max": max(mi), "ksg_mean": sum(mi) / len(mi)},
            "pearson": {"statistic": f(r), "p_value": f(pr)},
            "spearman": {"statistic": f(rho), "p_value": f(prho)}}


def categorical_vs_value(x, y):
    x, y = complete(x, y)
    groups = [np.array([b for a, b in zip(x, y) if a == g], dtype=float) for g in sorted(set(x))]
    F, p = st.f_oneway(*groups)
    ally = np.array(y, dtype=float)
    total = ((ally - ally.mean()) ** 2).sum()
    between = sum(len(g) * (g.mean() - ally.mean()) ** 2 for g in groups)
    return {"anova_f": {"statistic": f(F), "p_value": f(p), "eta_squared": f(between / total)}}


def case(name, columns, label, task, kinds):
    write_csv(name + ".csv", columns)
    y = columns[label]
    features = {}
    for feature, kind in kinds.items():
        x = columns[feature]
        if task == "classification":
            features[feature] = numeric_vs_class(x, y) if kind == "numeric" else categorical_vs_class(x, y)
        else:
            features[feature] = numeric_vs_value(x, y) if kind == "numeric" else categorical_vs_value(x, y)
    return {"file": name + ".csv", "label": label, "task": task, "features": features}


def shipped(name, loader, task, label, target_names=None):
    data = loader()
    names = [n.replace(" ", "_").replace("(", "").replace(")", "") for n in data.feature_names]
    columns = {n: [float(v) for v in data.data[:, i]] for i, n in enumerate(names)}
    target = data.target
    columns[label] = [str(target_names[t]) for t in target] if target_names is not None else (
        [int(t) for t in target] if task == "classification" else [float(t) for t in target])
    return case(name, columns, label, task, {n: "numeric" for n in names})


def generated_categorical(rng):
    n = 500
    label = [rng.choice(["yes", "no", "maybe"], p=[0.5, 0.3, 0.2]) for _ in range(n)]
    color = [(lab if rng.random() < 0.4 else rng.choice(["red", "green", "blue"])) for lab in label]
    color = [{"yes": "red", "no": "green", "maybe": "blue"}.get(c, c) for c in color]
    shape = [rng.choice(["round", "square"]) for _ in range(n)]
    size = [None if rng.random() < 0.1 else int(rng.integers(0, 4)) for _ in range(n)]
    weight = [None if rng.random() < 0.05 else float(rng.normal({"yes": 1.0, "no": 0.0, "maybe": 0.5}[lab], 1.0))
              for lab in label]
    columns = {"color": color, "shape": shape, "size": size, "weight": weight, "label": label}
    return case("generated_categorical", columns, "label", "classification",
                {"color": "categorical", "shape": "categorical", "weight": "numeric", "size": "numeric"})


def generated_regression(rng):
    n = 400
    group = [rng.choice(["a", "b", "c", "d"]) for _ in range(n)]
    x = [float(rng.normal()) for _ in range(n)]
    ties = [int(rng.integers(0, 5)) for _ in range(n)]
    y = [2.0 * xi + {"a": 0, "b": 1, "c": 2, "d": 0.5}[g] + 0.3 * t + float(rng.normal())
         for xi, g, t in zip(x, group, ties)]
    x = [None if rng.random() < 0.1 else v for v in x]
    columns = {"group": group, "x": x, "ties": ties, "y": y}
    return case("generated_regression", columns, "y", "regression",
                {"group": "categorical", "x": "numeric", "ties": "numeric"})


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20)
    cases = [
        shipped("iris", datasets.load_iris, "classification", "species",
                target_names=datasets.load_iris().target_names),
        shipped("wine", datasets.load_wine, "classification", "class"),
        shipped("breast_cancer", datasets.load_breast_cancer, "classification", "diagnosis",
                target_names=datasets.load_breast_cancer().target_names),
        shipped("diabetes", datasets.load_diabetes, "regression", "progression"),
        generated_categorical(rng),
        generated_regression(rng),
    ]
    golden = {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__, "cases": cases}
    with open(os.path.join(OUT, "golden.json"), "w") as f:
        json.dump(golden, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
