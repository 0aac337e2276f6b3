package dev.veracity.labeling.agreement;

/**
 * How two raters agree on the items both rated.
 *
 * @param raterA           one rater
 * @param raterB           the other
 * @param items            how many items both rated
 * @param percentAgreement the share of those items they labeled alike
 * @param cohenKappa       Cohen's kappa; NaN when undefined (no shared item, or both used one label only)
 */
public record PairAgreement(String raterA, String raterB, long items, double percentAgreement, double cohenKappa) {}
