package dev.veracity.testing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The Maven modules of Veracity, each named by the packages it owns, and the modules each may depend on: the module
 * graph of docs/ARCHITECTURE.md, checked on bytecode by {@link ArchitectureContract}. Dependencies point down only.
 */
public enum VeracityModule {
    /** Data model, accumulators, schema, validation, drift, skew's algorithm, protobuf codecs: no files, no terminal. */
    CORE(List.of(
            "dev.veracity",
            "dev.veracity.data..",
            "dev.veracity.stats..",
            "dev.veracity.sketch..",
            "dev.veracity.schema..",
            "dev.veracity.validate..",
            "dev.veracity.drift..",
            "dev.veracity.format..",
            "dev.veracity.proto..",
            "dev.veracity.skew..")),
    /** Readers, the table API, statistics files and the statistics engine interface. */
    IO(List.of("dev.veracity.io..")),
    /** The HTML report. */
    REPORT(List.of("dev.veracity.report..")),
    /** The ML Metadata store (today inside veracity-pipeline, becoming the module veracity-metadata). */
    METADATA(List.of("dev.veracity.metadata..")),
    /** Pipelines of components with caching. */
    PIPELINE(List.of("dev.veracity.pipeline..")),
    /** PII detection, redaction, k-anonymity, fairness. */
    PRIVACY(List.of("dev.veracity.privacy..")),
    /** Labels: feedback joins, raters, consensus, agreement. */
    LABELING(List.of("dev.veracity.labeling..")),
    /** Feature selection scores, ranking and warnings. */
    SELECTION(List.of("dev.veracity.selection..")),
    /** Feature engineering: TF Transform's analyze-then-apply. */
    TRANSFORM(List.of("dev.veracity.transform..")),
    /** Model quality over spans, error-stream drift detectors, shift diagnosis. */
    MONITORING(List.of("dev.veracity.monitoring..")),
    /** The command line: the top of the graph, used by nothing. */
    CLI(List.of("dev.veracity.cli..")),
    /** The statistics engine on Apache Beam. */
    BEAM(List.of("dev.veracity.beam.."));

    private final List<String> packages;

    VeracityModule(List<String> packages) {
        this.packages = packages;
    }

    /** {@return the ArchUnit package patterns of the packages this module owns} */
    public String[] packages() {
        return packages.toArray(String[]::new);
    }

    /** {@return the ArchUnit package patterns of the packages only this module may use: its {@code internal} ones} */
    public String[] internalPackages() {
        return packages.stream()
                .map(p -> (p.endsWith("..") ? p.substring(0, p.length() - 2) : p) + ".internal..")
                .toArray(String[]::new);
    }

    /** {@return the modules this one may depend on, besides itself} */
    public Set<VeracityModule> mayDependOn() {
        return switch (this) {
            case CORE -> EnumSet.noneOf(VeracityModule.class);
            case IO -> EnumSet.of(CORE);
            case REPORT, METADATA, PRIVACY, LABELING, SELECTION, TRANSFORM, MONITORING -> EnumSet.of(CORE, IO);
            case BEAM -> EnumSet.of(CORE, IO, TRANSFORM);
            case PIPELINE ->
                EnumSet.of(CORE, IO, METADATA, SELECTION, TRANSFORM, MONITORING, LABELING, PRIVACY, REPORT);
            case CLI -> EnumSet.complementOf(EnumSet.of(CLI, BEAM));
        };
    }
}
