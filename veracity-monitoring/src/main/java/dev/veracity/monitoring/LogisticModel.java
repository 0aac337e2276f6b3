package dev.veracity.monitoring;

/**
 * A binary logistic regression fitted by Newton's method (iteratively reweighted least squares) with a small ridge
 * penalty on the weights (not the intercept), enough for the multivariate check of a shift diagnosis.
 *
 * <pre>{@code
 * LogisticModel model = LogisticModel.fit(x, y, 1.0);
 * double p = model.probability(x[0]);
 * }</pre>
 */
final class LogisticModel {
    private static final int MAX_ITERATIONS = 30;

    private final double[] weights; // [0] is the intercept

    private LogisticModel(double[] weights) {
        this.weights = weights;
    }

    /** {@return the model fitted to rows x (without the intercept column) and labels y in {0, 1}} */
    static LogisticModel fit(double[][] x, int[] y, double ridge) {
        int d = (x.length == 0 ? 0 : x[0].length) + 1;
        double[] w = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            double[] row = new double[d];
            for (int i = 0; i < x.length; i++) {
                row[0] = 1;
                System.arraycopy(x[i], 0, row, 1, d - 1);
                double p = sigmoid(dot(w, row));
                double r = y[i] - p;
                double v = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a < d; a++) {
                    if (row[a] == 0) {
                        continue;
                    }
                    gradient[a] += r * row[a];
                    double va = v * row[a];
                    for (int b = a; b < d; b++) {
                        hessian[a][b] += va * row[b];
                    }
                }
            }
            for (int a = 1; a < d; a++) {
                gradient[a] -= ridge * w[a];
                hessian[a][a] += ridge;
            }
            hessian[0][0] += 1e-9;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[a][b] = hessian[b][a];
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < d; a++) {
                w[a] += step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return new LogisticModel(w);
    }

    /** {@return the log-likelihood of labels y in {0, 1} of rows x under the model} */
    double logLikelihood(double[][] x, int[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double p = Math.min(Math.max(probability(x[i]), 1e-15), 1 - 1e-15);
            sum += y[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum;
    }

    /** {@return the number of parameters, the intercept included} */
    int parameters() {
        return weights.length;
    }

    /** {@return the probability of the positive class for a row} */
    double probability(double[] x) {
        double z = weights[0];
        for (int a = 0; a < x.length; a++) {
            z += weights[a + 1] * x[a];
        }
        return sigmoid(z);
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Solves a symmetric positive definite system by Cholesky decomposition. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
