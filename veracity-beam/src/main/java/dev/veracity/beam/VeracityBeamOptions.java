package dev.veracity.beam;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Beam pipeline options of Veracity's own that apply to every run, whichever way it is started. */
public interface VeracityBeamOptions extends PipelineOptions {
    @Description("How many keys the features are spread over when accumulator states are merged: raise it for wide "
            + "datasets (thousands of features) so that merging runs on that many workers instead of one.")
    @Default.Integer(1)
    int getFeaturePartitions();

    void setFeaturePartitions(int partitions);
}
