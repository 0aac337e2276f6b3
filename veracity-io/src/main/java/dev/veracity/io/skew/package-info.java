/**
 * Feature skew by join key, TFDV's {@code DetectFeatureSkew}: training and serving examples joined on identifier
 * features and compared feature by feature. Inputs larger than memory are partitioned by a hash of the key into spill
 * files and joined one partition at a time. Reads raw examples (not statistics), so it lives in I/O, not in core.
 */
package dev.veracity.io.skew;
