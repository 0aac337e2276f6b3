#!/usr/bin/python3
"""Agreement of the two outputs of bench/label-propagate: the share of rows whose label is the same.
Usage: compare.py VERACITY.csv SKLEARN.csv"""
import csv
import sys


def labels(path):
    with open(path) as f:
        reader = csv.DictReader(f)
        return [row["label"] for row in reader]


a, b = labels(sys.argv[1]), labels(sys.argv[2])
same = sum(1 for u, v in zip(a, b) if u == v)
print("labels equal on %d of %d rows (%.4f%%)" % (same, len(a), 100.0 * same / max(1, len(a))))
