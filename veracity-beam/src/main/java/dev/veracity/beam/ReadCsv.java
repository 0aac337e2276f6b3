package dev.veracity.beam;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvSplits;
import dev.veracity.stats.Sampling;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * CSV files (plain or gzip, on any Beam file system) as record batches, by the same rules and code as the local
 * reader: a header row that every file repeats, column types inferred from all rows as TFDV does (INT &lt; FLOAT &lt;
 * STRING, in a first pass combined across workers) or fixed by {@link CsvOptions#columnTypes()}, empty cells missing,
 * and records that may hold quoted line breaks. Files are cut into splits at record boundaries as the local engine
 * cuts them into chunks ({@link CsvSplits}): the first pass reads each split from a guessed start, one step verifies
 * the guesses in file order and re-reads a split whose guess was wrong, and the second pass reads the verified
 * splits; so errors name true lines, and a sample keeps the rows the local engine keeps. The headers are read when the
 * pipeline is built, so a missing file or a bad header fails at once.
 *
 * <pre>{@code
 * PCollection<RecordBatch> batches = pipeline.apply(ReadCsv.from(List.of("gs://bucket/data/*.csv.gz"), CsvOptions.DEFAULT));
 * }</pre>
 */
public final class ReadCsv extends PTransform<PBegin, PCollection<RecordBatch>> {
    private static final long serialVersionUID = 1L;
    /** The counter of malformed records skipped. */
    static final String SKIPPED_RECORDS = "skippedRecords";

    private final List<String> patterns;
    private final transient CsvOptions options;
    private final transient Sampling sampling;
    private final long splitBytes;

    private ReadCsv(List<String> patterns, CsvOptions options, Sampling sampling, long splitBytes) {
        this.patterns = List.copyOf(patterns);
        this.options = Objects.requireNonNull(options, "options is null");
        this.sampling = Objects.requireNonNull(sampling, "sampling is null");
        this.splitBytes = splitBytes;
        if (this.patterns.isEmpty()) {
            throw new IllegalArgumentException("no input patterns");
        }
    }

    /** {@return the transform reading the files that the patterns match, as one dataset} */
    public static ReadCsv from(List<String> patterns, CsvOptions options) {
        return new ReadCsv(patterns, options, Sampling.ALL, 0);
    }

    /** {@return this read keeping only a sample of the rows, chosen by the seed and each row's position} */
    public ReadCsv withSampling(Sampling newSampling) {
        return new ReadCsv(patterns, options, newSampling, splitBytes);
    }

    /** {@return this read cutting files into splits of about {@code bytes} (0: the local engine's choice)} */
    public ReadCsv withSplitBytes(long bytes) {
        return new ReadCsv(patterns, options, sampling, bytes);
    }

    @Override
    public PCollection<RecordBatch> expand(PBegin begin) {
        FileSystems.setDefaultPipelineOptions(begin.getPipeline().getOptions());
        List<CsvSplits.File> files = files();
        CsvSource source = CsvSource.of(header(files), options, sampling, splitBytes);
        return begin.apply("Files", Create.of(files).withCoder(SerializableCoder.of(CsvSplits.File.class)))
                .apply("Plan", ParDo.of(new CsvSplitSteps.Plan(source)))
                .setCoder(SerializableCoder.of(CsvSplits.Split.class))
                .apply("SpreadSplits", Reshuffle.viaRandomKey())
                .apply("Guess", ParDo.of(new CsvSplitSteps.Guess(source)))
                .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(CsvSplits.Guess.class)))
                .apply("Gather", GroupByKey.create())
                .apply("Verify", ParDo.of(new CsvSplitSteps.Verify(source)))
                .setCoder(SerializableCoder.of(CsvSplitSteps.ReadTask.class))
                .apply("SpreadReads", Reshuffle.viaRandomKey())
                .apply("Read", ParDo.of(new CsvSplitSteps.Read(source)))
                .setCoder(RecordBatchCoder.of());
    }

    /**
     * {@return the header of the first file, after checking that every file has the same}
     *
     * @throws InputException CSV_EMPTY_FILE, CSV_BAD_HEADER if a file has no header or another one than the first file
     */
    private List<String> header(List<CsvSplits.File> files) {
        List<String> first = null;
        for (CsvSplits.File file : files) {
            List<String> header;
            try {
                header = CsvSplits.header(file, new StoredFile(file.name()), options);
            } catch (IOException e) {
                throw new InputException(ErrorCode.FILE_UNREADABLE, file.name() + ": " + e.getMessage(), e);
            }
            if (first == null) {
                first = header;
            } else if (!header.equals(first)) {
                throw new InputException(
                        ErrorCode.CSV_BAD_HEADER,
                        file.name() + ":1: expected the header of "
                                + files.get(0).name() + " " + first + ", found " + header);
            }
        }
        return first;
    }

    /**
     * {@return the files the patterns match, each pattern's sorted by name}
     *
     * @throws InputException FILE_NOT_FOUND if a pattern matches no file; UNSUPPORTED_FILE_FORMAT for a file
     *                        compressed otherwise than by gzip
     */
    private List<CsvSplits.File> files() {
        List<CsvSplits.File> files = new ArrayList<>();
        try {
            List<MatchResult> matches = FileSystems.match(patterns);
            for (int i = 0; i < patterns.size(); i++) {
                MatchResult match = matches.get(i);
                List<MatchResult.Metadata> metadata =
                        match.status() == MatchResult.Status.OK ? match.metadata() : List.of();
                if (metadata.isEmpty()) {
                    throw new InputException(
                            ErrorCode.FILE_NOT_FOUND,
                            patterns.get(i) + ": expected files matching this pattern, found none");
                }
                List<MatchResult.Metadata> sorted = new ArrayList<>(metadata);
                sorted.sort(Comparator.comparing(m -> m.resourceId().toString()));
                for (MatchResult.Metadata file : sorted) {
                    String name = file.resourceId().toString();
                    Compression compression = Compression.detect(name);
                    if (compression != Compression.UNCOMPRESSED && compression != Compression.GZIP) {
                        throw new InputException(
                                ErrorCode.UNSUPPORTED_FILE_FORMAT,
                                name + ": expected plain or gzip (.gz) CSV, found " + compression + " compression");
                    }
                    files.add(new CsvSplits.File(name, files.size(), file.sizeBytes()));
                }
            }
        } catch (IOException e) {
            throw new InputException(ErrorCode.FILE_UNREADABLE, String.join(" ", patterns) + ": " + e.getMessage(), e);
        }
        return files;
    }
}
