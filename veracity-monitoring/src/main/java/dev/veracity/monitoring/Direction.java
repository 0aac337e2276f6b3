package dev.veracity.monitoring;

/**
 * Which way a metric gets better: a decay is a move the other way.
 *
 * <pre>{@code
 * Direction.of("log_loss"); // LOWER_IS_BETTER
 * }</pre>
 */
public enum Direction {
    /** Accuracy, F1, AUC, R squared: a drop is a decay, measured in absolute units. */
    HIGHER_IS_BETTER,
    /** Losses and errors: a rise is a decay, measured relative to the baseline. */
    LOWER_IS_BETTER,
    /** Rates and residual summaries: described, never alarmed on. */
    NEUTRAL;

    /** {@return the direction of the named metric} */
    public static Direction of(String metric) {
        String base = metric.contains("[") ? metric.substring(0, metric.indexOf('[')) : metric;
        return switch (base) {
            case "accuracy",
                    "precision",
                    "recall",
                    "f1",
                    "precision_macro",
                    "recall_macro",
                    "f1_macro",
                    "roc_auc",
                    "roc_auc_ovr",
                    "roc_auc_ovr_weighted",
                    "average_precision",
                    "r2" -> HIGHER_IS_BETTER;
            case "log_loss", "brier", "ece", "mae", "rmse", "mape" -> LOWER_IS_BETTER;
            default -> NEUTRAL;
        };
    }
}
