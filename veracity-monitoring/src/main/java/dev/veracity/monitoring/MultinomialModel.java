package dev.veracity.monitoring;

/**
 * A multinomial (softmax) logistic regression fitted as {@link LogisticModel} is: Newton's method on the penalized
 * log-likelihood, one weight vector per class, a ridge penalty {@code ridge / 2 * |W|^2} on every class's weights (not
 * the intercepts), which is scikit-learn's {@code LogisticRegression(multi_class='multinomial', C=1/ridge)} objective.
 * Softmax does not change when every class's intercept moves by the same amount; a penalty on the intercepts' sum
 * (zero at the start and at every step) pins that direction without changing any probability. Deterministic: no
 * randomness, the same rows give the same model.
 *
 * <pre>{@code
 * MultinomialModel model = MultinomialModel.fit(x, y, 3, 1.0);
 * double[] p = model.probabilities(x[0]);
 * }</pre>
 */
final class MultinomialModel {
    private static final int MAX_ITERATIONS = 50;
    private static final int MAX_HALVINGS = 30;

    private final double[][] weights; // [class][0] is the intercept

    private MultinomialModel(double[][] weights) {
        this.weights = weights;
    }

    /** {@return the model fitted to rows x (without the intercept column) and classes y in [0, classes)} */
    static MultinomialModel fit(double[][] x, int[] y, int classes, double ridge) {
        int d = (x.length == 0 ? 0 : x[0].length) + 1;
        int k = classes;
        int size = k * d;
        double[][] w = new double[k][d];
        double objective = objective(w, x, y, ridge);
        double pin = Math.max(1, x.length);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[size];
            double[][] hessian = new double[size][size];
            double[] row = new double[d];
            double[] p = new double[k];
            for (int i = 0; i < x.length; i++) {
                row[0] = 1;
                System.arraycopy(x[i], 0, row, 1, d - 1);
                softmax(w, row, p);
                for (int c = 0; c < k; c++) {
                    double r = (y[i] == c ? 1 : 0) - p[c];
                    for (int a = 0; a < d; a++) {
                        gradient[c * d + a] += r * row[a];
                    }
                    for (int l = c; l < k; l++) {
                        double v = p[c] * ((c == l ? 1 : 0) - p[l]);
                        if (v == 0) {
                            continue;
                        }
                        for (int a = 0; a < d; a++) {
                            if (row[a] == 0) {
                                continue;
                            }
                            double va = v * row[a];
                            double[] target = hessian[c * d + a];
                            int from = c == l ? a : 0;
                            for (int b = from; b < d; b++) {
                                target[l * d + b] += va * row[b];
                            }
                        }
                    }
                }
            }
            double interceptSum = 0;
            for (int c = 0; c < k; c++) {
                interceptSum += w[c][0];
            }
            for (int c = 0; c < k; c++) {
                for (int a = 1; a < d; a++) {
                    gradient[c * d + a] -= ridge * w[c][a];
                    hessian[c * d + a][c * d + a] += ridge;
                }
                gradient[c * d] -= pin * interceptSum;
                for (int l = c; l < k; l++) {
                    hessian[c * d][l * d] += pin;
                }
            }
            for (int a = 0; a < size; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[a][b] = hessian[b][a];
                }
            }
            double[] step = LogisticModel.solve(hessian, gradient);
            double scale = 1;
            double[][] next = new double[k][d];
            double nextObjective = objective;
            for (int halving = 0; halving < MAX_HALVINGS; halving++) {
                for (int c = 0; c < k; c++) {
                    for (int a = 0; a < d; a++) {
                        next[c][a] = w[c][a] + scale * step[c * d + a];
                    }
                }
                nextObjective = objective(next, x, y, ridge);
                if (nextObjective >= objective - 1e-12 * Math.abs(objective)) {
                    break;
                }
                scale /= 2;
            }
            double change = 0;
            for (int c = 0; c < k; c++) {
                for (int a = 0; a < d; a++) {
                    change = Math.max(change, Math.abs(next[c][a] - w[c][a]));
                }
            }
            w = next;
            objective = nextObjective;
            if (change < 1e-10) {
                break;
            }
        }
        return new MultinomialModel(w);
    }

    /** {@return the penalized log-likelihood (to be maximized)} */
    private static double objective(double[][] w, double[][] x, int[] y, double ridge) {
        MultinomialModel model = new MultinomialModel(w);
        double sum = model.logLikelihood(x, y);
        for (double[] classWeights : w) {
            for (int a = 1; a < classWeights.length; a++) {
                sum -= ridge / 2 * classWeights[a] * classWeights[a];
            }
        }
        return sum;
    }

    /** {@return the log-likelihood of classes y of rows x under the model} */
    double logLikelihood(double[][] x, int[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.log(Math.max(probabilities(x[i])[y[i]], 1e-15));
        }
        return sum;
    }

    /** {@return the number of parameters softmax identifies: (classes - 1) x (inputs + 1)} */
    int parameters() {
        return (weights.length - 1) * weights[0].length;
    }

    /** {@return the probability of each class for a row (without the intercept column)} */
    double[] probabilities(double[] x) {
        double[] row = new double[x.length + 1];
        row[0] = 1;
        System.arraycopy(x, 0, row, 1, x.length);
        double[] p = new double[weights.length];
        softmax(weights, row, p);
        return p;
    }

    private static void softmax(double[][] w, double[] row, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double z = 0;
            for (int a = 0; a < row.length; a++) {
                z += w[c][a] * row[a];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double total = 0;
        for (int c = 0; c < w.length; c++) {
            p[c] = Math.exp(p[c] - max);
            total += p[c];
        }
        for (int c = 0; c < w.length; c++) {
            p[c] /= total;
        }
    }
}
