package dev.veracity.beam;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.format.StatisticsFormat;
import dev.veracity.io.StatisticsFiles;
import dev.veracity.proto.DatasetFeatureStatisticsList;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Writes the statistics in the format the output's extension names ({@code .pb}, {@code .pbtxt}, {@code .json}): a
 * local path atomically, as the CLI does; a path with a scheme ({@code gs://...}) through Beam's file systems.
 */
final class WriteStatistics extends DoFn<DatasetFeatureStatisticsList, Void> {
    private static final long serialVersionUID = 1L;
    private final String output;

    WriteStatistics(String output) {
        this.output = Objects.requireNonNull(output, "output is null");
        format(output);
    }

    /** {@return the format of the output's name} @throws InputException if it names none */
    static StatisticsFormat format(String output) {
        return StatisticsFiles.formatOf(Path.of(output.substring(output.lastIndexOf('/') + 1)));
    }

    @ProcessElement
    public void processElement(@Element DatasetFeatureStatisticsList statistics) throws IOException {
        if (!output.contains("://")) {
            StatisticsFiles.write(statistics, Path.of(output));
            return;
        }
        try (OutputStream out = Channels.newOutputStream(
                FileSystems.create(FileSystems.matchNewResource(output, false), MimeTypes.BINARY))) {
            format(output).write(statistics, out);
        } catch (IOException e) {
            throw new InputException(ErrorCode.FILE_UNWRITABLE, output + ": " + e.getMessage(), e);
        }
    }
}
