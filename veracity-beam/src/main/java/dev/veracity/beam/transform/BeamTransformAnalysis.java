package dev.veracity.beam.transform;

import dev.veracity.ConfigException;
import dev.veracity.beam.BeamStatistics;
import dev.veracity.beam.BeamStatisticsEngine;
import dev.veracity.io.EngineRun;
import dev.veracity.io.ReadOptions;
import dev.veracity.transform.FileAnalysis;
import dev.veracity.transform.TransformAnalysis;
import dev.veracity.transform.TransformFit;
import dev.veracity.transform.TransformSpec;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;

/**
 * {@code veracity transform fit --engine beam}: the fit's analysis as a Beam pipeline on {@code --runner}
 * (FlinkRunner by default, as {@code stats --engine beam}; {@code direct}, {@code flink} and {@code spark} name
 * DirectRunner, FlinkRunner and SparkRunner). The input files are spread over the workers, each analyzed by one with
 * the local fit's readers and analyzers ({@link FileAnalysis#of}), and the analyses are combined in file order
 * ({@link MergeInFileOrder}), so the transform directory is the local fit's, byte for byte. Found by the CLI through
 * {@link java.util.ServiceLoader}. The files must be visible to every worker (a local or shared file system).
 *
 * <pre>{@code
 * TransformFit.Fitted fitted = new BeamTransformAnalysis().fit(spec, files, ReadOptions.DEFAULT, Optional.empty(),
 *         new EngineRun(List.of("data/*.csv"), "DirectRunner", List.of(), 4));
 * }</pre>
 */
public final class BeamTransformAnalysis implements TransformAnalysis {
    @Override
    public String name() {
        return "beam";
    }

    @Override
    public TransformFit.Fitted fit(
            TransformSpec spec, List<Path> files, ReadOptions read, Optional<Path> cache, EngineRun run)
            throws IOException {
        if (cache.isPresent()) {
            throw new ConfigException("--cache: expected --engine local, found --engine beam; the analyzer cache "
                    + "is the local engine's");
        }
        if (files.isEmpty()) {
            throw new ConfigException("expected at least one input file, found none");
        }
        ReadSettings settings = ReadSettings.of(read);
        SpecText specText = SpecText.of(spec);
        Pipeline pipeline = Pipeline.create(BeamStatisticsEngine.pipelineOptions(run));
        List<KV<Integer, String>> indexed = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            indexed.add(KV.of(i, files.get(i).toString()));
        }
        Path temporary = Files.createTempFile("veracity-transform-", ".analysis");
        try {
            pipeline.apply("Files", Create.of(indexed).withCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())))
                    .apply("Spread", Reshuffle.viaRandomKey())
                    .apply("Analyze", ParDo.of(new AnalyzeFile(specText, settings)))
                    .setCoder(KvCoder.of(VarIntCoder.of(), ByteArrayCoder.of()))
                    .apply(
                            "Merge",
                            Combine.globally(new MergeInFileOrder(specText, files.size()))
                                    .withoutDefaults())
                    .apply("Write", ParDo.of(new WriteAnalysis(temporary.toString())));
            PipelineResult result;
            try {
                result = pipeline.run();
                result.waitUntilFinish();
            } catch (RuntimeException e) {
                throw BeamStatistics.userErrorIn(e);
            }
            if (result.getState() != PipelineResult.State.DONE) {
                throw new IllegalStateException("the pipeline ended in state " + result.getState());
            }
            FileAnalysis whole;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(temporary)))) {
                whole = FileAnalysis.read(spec, in);
            }
            return TransformFit.fitted(spec, whole, files.size());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
