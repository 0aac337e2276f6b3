#!/usr/bin/python3
"""Writes the golden vectors of veracity-monitoring's metric tests: labeled predictions and the metrics scikit-learn
gives on them (metrics.json), and softmax regressions scikit-learn fits with their probabilities (multinomial.json). Run with Debian's interpreter (apt-get install python3-sklearn), from the repository root:

    /usr/bin/python3 veracity-monitoring/src/test/python/golden.py

It uses data shipped with scikit-learn (breast cancer, iris, wine, diabetes, with models fitted here; class probabilities
of iris and wine models for the multi-class ROC AUC) and data it generates
from fixed seeds, so its output is the same on every run with the same library versions (recorded in the JSON).
"""
import json
import os

import numpy as np
import sklearn
from sklearn import datasets, metrics
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.naive_bayes import GaussianNB
from sklearn.tree import DecisionTreeClassifier

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "monitoring", "metrics.json")
MULTINOMIAL = os.path.join(os.path.dirname(__file__), "..", "resources", "golden", "monitoring", "multinomial.json")


def ece(y, p, bins=10):
    """Expected calibration error over equal-width bins [0, 0.1), ..., [0.9, 1] (not in sklearn: numpy here)."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.sum() / len(p) * abs(p[m].mean() - y[m].mean())
    return float(total)


def binary_case(name, y, score, threshold=0.5):
    y = np.asarray(y, dtype=int)
    score = np.asarray(score, dtype=float)
    pred = (score >= threshold).astype(int)
    expected = classes_metrics(y, pred)
    if len(np.unique(y)) == 2:
        expected["roc_auc"] = metrics.roc_auc_score(y, score)
    if y.sum() > 0:
        expected["average_precision"] = metrics.average_precision_score(y, score)
    expected["log_loss"] = metrics.log_loss(y, score, labels=[0, 1])
    expected["brier"] = metrics.brier_score_loss(y, score, pos_label=1)
    expected["ece"] = ece(y, score)
    expected["positive_rate"] = float(pred.mean())
    expected["prevalence"] = float(y.mean())
    return {"name": name, "task": "binary", "label": y.tolist(), "score": [float(s) for s in score],
            "threshold": threshold, "expected": {k: float(v) for k, v in expected.items()},
            "confusion": metrics.confusion_matrix(y, pred, labels=[0, 1]).tolist()}


def classes_metrics(y, pred):
    labels = np.unique(np.concatenate([y, pred]))
    p, r, f, _ = metrics.precision_recall_fscore_support(y, pred, labels=labels, zero_division=0)
    out = {"accuracy": metrics.accuracy_score(y, pred),
           "precision_macro": metrics.precision_score(y, pred, average="macro", zero_division=0),
           "recall_macro": metrics.recall_score(y, pred, average="macro", zero_division=0),
           "f1_macro": metrics.f1_score(y, pred, average="macro", zero_division=0)}
    for i, c in enumerate(labels):
        out["precision[%d]" % c] = p[i]
        out["recall[%d]" % c] = r[i]
        out["f1[%d]" % c] = f[i]
    return out


def multiclass_case(name, y, pred):
    y = np.asarray(y, dtype=int)
    pred = np.asarray(pred, dtype=int)
    classes = sorted(set(y.tolist()) | set(pred.tolist()))
    return {"name": name, "task": "multiclass", "label": y.tolist(), "prediction": pred.tolist(),
            "expected": {k: float(v) for k, v in classes_metrics(y, pred).items()},
            "classes": classes, "confusion": metrics.confusion_matrix(y, pred, labels=classes).tolist()}


def multiclass_proba_case(name, y, pred, proba):
    """Class predictions with one probability column per class (classes 0 to K-1): the class metrics, roc_auc_score's
    one-vs-rest averages (multi_class="ovr", average "macro" and "weighted") and each class's own area."""
    y = np.asarray(y, dtype=int)
    proba = np.asarray(proba, dtype=float)
    case = multiclass_case(name, y, pred)
    expected = case["expected"]
    expected["roc_auc_ovr"] = float(metrics.roc_auc_score(y, proba, multi_class="ovr", average="macro"))
    expected["roc_auc_ovr_weighted"] = float(metrics.roc_auc_score(y, proba, multi_class="ovr", average="weighted"))
    for c in range(proba.shape[1]):
        expected["roc_auc[%d]" % c] = float(metrics.roc_auc_score(y == c, proba[:, c]))
    case["task"] = "multiclass_proba"
    case["probabilities"] = proba.tolist()
    return case


def regression_case(name, y, pred):
    y = np.asarray(y, dtype=float)
    pred = np.asarray(pred, dtype=float)
    residual = y - pred
    expected = {"mae": metrics.mean_absolute_error(y, pred),
                "rmse": np.sqrt(metrics.mean_squared_error(y, pred)),
                "mape": metrics.mean_absolute_percentage_error(y, pred),
                "r2": metrics.r2_score(y, pred),
                "residual_mean": residual.mean()}
    for q in (0.05, 0.25, 0.5, 0.75, 0.95):
        expected["residual_q%02d" % round(q * 100)] = np.quantile(residual, q)
    return {"name": name, "task": "regression", "label": [float(v) for v in y], "prediction": [float(v) for v in pred],
            "expected": {k: float(v) for k, v in expected.items()}}


def multinomial_case(name, x, y, c):
    """A softmax regression fitted to every other row (standardized with those rows' mean and deviation), its class
    probabilities on the other rows; fitted to convergence (newton-cg, gradient below 1e-8: lbfgs stops on its relative
    function change first, about 1e-5 away in probability) so the comparison is of the optimum."""
    x = np.asarray(x, dtype=float)
    train, test = x[::2], x[1::2]
    mean, sd = train.mean(axis=0), train.std(axis=0)
    train, test = (train - mean) / sd, (test - mean) / sd
    model = LogisticRegression(multi_class="multinomial", C=c, solver="newton-cg", tol=1e-8,
                               max_iter=1000).fit(train, y[::2])
    return {"name": name, "ridge": 1.0 / c, "classes": int(len(model.classes_)),
            "train_x": train.round(12).tolist(), "train_y": y[::2].tolist(),
            "test_x": test.round(12).tolist(), "probabilities": model.predict_proba(test.round(12)).tolist()}


def multinomial():
    cases = []
    for name, loader in (("iris", datasets.load_iris), ("wine", datasets.load_wine)):
        x, y = loader(return_X_y=True)
        for c in (1.0, 0.1):
            cases.append(multinomial_case("%s_C%g" % (name, c), x, y, c))
    golden = {"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}
    with open(MULTINOMIAL, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")


def main():
    cases = []
    rng = np.random.default_rng(20261206)
    for i, n in enumerate((50, 300, 2000)):
        y = rng.integers(0, 2, n)
        score = np.clip(0.3 * y + rng.uniform(0, 0.7, n), 0, 1)
        cases.append(binary_case("generated_binary_%d" % n, y, score))
        cases.append(binary_case("generated_ties_%d" % n, y, np.round(score, 1)))
    y = rng.integers(0, 2, 200)
    extreme = rng.choice([0.0, 1.0, 1e-20, 1 - 1e-17, 0.5], 200)
    cases.append(binary_case("generated_extreme_scores", y, extreme))
    cases.append(binary_case("generated_all_positive", np.ones(40, dtype=int), rng.uniform(0, 1, 40)))
    y = rng.integers(0, 4, 500)
    pred = np.where(rng.uniform(0, 1, 500) < 0.6, y, rng.integers(0, 5, 500))
    cases.append(multiclass_case("generated_multiclass", y, pred))
    never = np.where(y == 3, 0, y)
    cases.append(multiclass_case("generated_class_never_predicted", y, never))
    x, yb = datasets.load_breast_cancer(return_X_y=True)
    model = LogisticRegression(max_iter=5000).fit(x[::2], yb[::2])
    cases.append(binary_case("breast_cancer_logistic", yb[1::2], model.predict_proba(x[1::2])[:, 1]))
    x, yi = datasets.load_iris(return_X_y=True)
    tree = DecisionTreeClassifier(max_depth=2, random_state=0).fit(x[::2], yi[::2])
    cases.append(multiclass_case("iris_tree", yi[1::2], tree.predict(x[1::2])))
    x, yd = datasets.load_diabetes(return_X_y=True)
    reg = LinearRegression().fit(x[::2], yd[::2])
    cases.append(regression_case("diabetes_linear", yd[1::2], reg.predict(x[1::2])))
    y = rng.normal(0, 3, 400)
    y[::37] = 0.0
    cases.append(regression_case("generated_regression_with_zeros", y, y + rng.normal(0.5, 1, 400)))
    # Multi-class ROC AUC: real data, one probability column per class (after every generated case: the seeds hold).
    x, yi = datasets.load_iris(return_X_y=True)
    logistic = LogisticRegression(max_iter=1000).fit(x[::2], yi[::2])
    cases.append(multiclass_proba_case(
        "iris_logistic_proba", yi[1::2], logistic.predict(x[1::2]), logistic.predict_proba(x[1::2])))
    cases.append(multiclass_proba_case(
        "iris_tree_proba", yi[1::2], tree.predict(x[1::2]), tree.predict_proba(x[1::2])))  # leaf scores: many ties
    x, yw = datasets.load_wine(return_X_y=True)
    bayes = GaussianNB().fit(x[::2], yw[::2])
    cases.append(multiclass_proba_case(
        "wine_naive_bayes_proba", yw[1::2], bayes.predict(x[1::2]), bayes.predict_proba(x[1::2])))
    golden = {"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")
    multinomial()


if __name__ == "__main__":
    main()
