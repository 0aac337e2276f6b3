#!/usr/bin/python3
"""Generate the multi-class predictions example: a classifier's predictions on scikit-learn's iris data, with its
probability of each class, for `veracity performance --probabilities`.

Writes predictions.csv next to this script (the same bytes on every run with the same scikit-learn):

    75 rows: the odd rows of iris, scored by a logistic regression fitted to the even rows

Columns: id, species (the label), predicted, p_setosa, p_versicolor, p_virginica (each row's probabilities sum to 1).
The model is the one of veracity-monitoring's golden case iris_logistic_proba, so the ROC AUC figures veracity prints
can be checked against scikit-learn's: roc_auc_score(species, probabilities, multi_class="ovr") printed below.

Usage:  /usr/bin/python3 examples/iris-predictions/generate.py   (needs python3-sklearn)
"""
import csv
import os

from sklearn import datasets, metrics
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    iris = datasets.load_iris()
    x, y = iris.data, iris.target
    names = list(iris.target_names)
    model = LogisticRegression(max_iter=1000).fit(x[::2], y[::2])
    test, truth = x[1::2], y[1::2]
    probabilities = model.predict_proba(test)
    predicted = model.predict(test)
    with open(os.path.join(HERE, "predictions.csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "species", "predicted"] + ["p_" + name for name in names])
        for i in range(len(truth)):
            out.writerow([2 * i + 1, names[truth[i]], names[predicted[i]]] + [repr(float(p)) for p in probabilities[i]])
    for average in ("macro", "weighted"):
        print("roc_auc_score(multi_class='ovr', average='%s') = %r"
              % (average, metrics.roc_auc_score(truth, probabilities, multi_class="ovr", average=average)))


if __name__ == "__main__":
    main()
