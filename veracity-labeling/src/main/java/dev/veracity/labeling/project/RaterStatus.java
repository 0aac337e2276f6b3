package dev.veracity.labeling.project;

/**
 * How far a rater is, and how accurate on gold questions.
 *
 * @param rater        the rater id
 * @param assigned     assignments (gold included)
 * @param done         annotations given
 * @param goldAnswered gold questions answered
 * @param goldCorrect  of those, answered with the gold label
 * @param meanSeconds  mean time spent per annotation (0 when none)
 */
public record RaterStatus(String rater, int assigned, int done, int goldAnswered, int goldCorrect, double meanSeconds) {
    /** {@return the share of gold questions answered right, NaN before the first} */
    public double accuracy() {
        return goldAnswered == 0 ? Double.NaN : (double) goldCorrect / goldAnswered;
    }
}
