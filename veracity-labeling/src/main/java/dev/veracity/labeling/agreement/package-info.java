/**
 * How much raters agree: percent agreement, Cohen's kappa (two raters), Fleiss' kappa (many raters, overall and per
 * label) and Krippendorff's alpha (any raters, missing ratings, nominal, ordinal, interval or ratio), broken down by
 * rater pair and instruction version.
 */
package dev.veracity.labeling.agreement;
