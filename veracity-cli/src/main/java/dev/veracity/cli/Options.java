package dev.veracity.cli;

import dev.veracity.schema.InferenceOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks option values shared by the schema commands and turns them into core options. */
final class Options {
    private Options() {}

    static InferenceOptions inference(CommandSpec spec, int maxDomainSize, double rangeMargin) {
        if (maxDomainSize < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--max-domain-size: expected a number at least 0, found " + maxDomainSize);
        }
        if (!(rangeMargin >= 0) || Double.isInfinite(rangeMargin)) {
            throw new ParameterException(
                    spec.commandLine(), "--range-margin: expected a finite number at least 0, found " + rangeMargin);
        }
        return InferenceOptions.defaults().withMaxDomainSize(maxDomainSize);
    }
}
