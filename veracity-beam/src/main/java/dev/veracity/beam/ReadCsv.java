package dev.veracity.beam;

import dev.veracity.ErrorCode;
import dev.veracity.InputException;
import dev.veracity.data.RecordBatch;
import dev.veracity.io.csv.CsvLines;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.stats.Sampling;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * CSV files (plain or compressed, on any Beam file system) as record batches, by the same rules as the local reader:
 * a header row that every file repeats, column types inferred from all rows as TFDV does (INT &lt; FLOAT &lt; STRING,
 * in a first pass combined across workers) or fixed by {@link CsvOptions#columnTypes()}, empty cells missing. Lines
 * come from Beam's {@link TextIO}, which splits files across workers; so a record must fit on one line, and messages
 * quote the record instead of naming its line (see {@link CsvLines}). The headers are read when the pipeline is
 * built, so a missing file or a bad header fails at once.
 *
 * <pre>{@code
 * PCollection<RecordBatch> batches = pipeline.apply(ReadCsv.from(List.of("gs://bucket/data/*.csv.gz"), CsvOptions.DEFAULT));
 * }</pre>
 */
public final class ReadCsv extends PTransform<PBegin, PCollection<RecordBatch>> {
    private static final long serialVersionUID = 1L;
    private static final int MAX_HEADER_BYTES = 64 << 20;

    private final List<String> patterns;
    private final transient CsvOptions options;
    private final transient Sampling sampling;

    private ReadCsv(List<String> patterns, CsvOptions options, Sampling sampling) {
        this.patterns = List.copyOf(patterns);
        this.options = Objects.requireNonNull(options, "options is null");
        this.sampling = Objects.requireNonNull(sampling, "sampling is null");
        if (this.patterns.isEmpty()) {
            throw new IllegalArgumentException("no input patterns");
        }
    }

    /** {@return the transform reading the files that the patterns match, as one dataset} */
    public static ReadCsv from(List<String> patterns, CsvOptions options) {
        return new ReadCsv(patterns, options, Sampling.ALL);
    }

    /** {@return this read keeping only a sample of the rows, chosen by the seed and each line's text} */
    public ReadCsv withSampling(Sampling newSampling) {
        return new ReadCsv(patterns, options, newSampling);
    }

    @Override
    public PCollection<RecordBatch> expand(PBegin begin) {
        FileSystems.setDefaultPipelineOptions(begin.getPipeline().getOptions());
        List<String> header = header();
        CsvSource source = CsvSource.of(String.join(" ", patterns), header, options, sampling);
        PCollectionView<byte[]> ranks;
        if (source.lines().typesAreFixed()) {
            ranks = begin.apply("FixedTypes", Create.of(new byte[header.size()]).withCoder(ByteArrayCoder.of()))
                    .apply(View.asSingleton());
        } else {
            ranks = lines(begin, "ReadForTypes")
                    .apply("RankTypes", ParDo.of(new RankLines(source)))
                    .setCoder(ByteArrayCoder.of())
                    .apply(
                            "WidenTypes",
                            Combine.globally(new WidenRanks(header.size())).asSingletonView());
        }
        // The lines carry one more element, ParseLines.COLUMNS, for one empty batch with every column: so a file with a
        // header and no rows still has its features. Merging it among the lines (not among the batches) keeps parsing
        // and accumulating in one chain of functions, with no batch encoded between them.
        PCollection<String> columns =
                begin.apply("Columns", Create.of(ParseLines.COLUMNS).withCoder(StringUtf8Coder.of()));
        return lines(begin, "Read", columns)
                .apply("Parse", ParDo.of(new ParseLines(source, ranks)).withSideInputs(ranks))
                .setCoder(RecordBatchCoder.of());
    }

    private PCollection<String> lines(PBegin begin, String name) {
        return lines(begin, name, null);
    }

    private PCollection<String> lines(PBegin begin, String name, PCollection<String> more) {
        PCollectionList<String> all =
                more == null ? PCollectionList.empty(begin.getPipeline()) : PCollectionList.of(more);
        for (int i = 0; i < patterns.size(); i++) {
            all = all.and(
                    begin.apply(name + i, TextIO.read().from(patterns.get(i)).withSkipHeaderLines(1)));
        }
        return all.apply(name + "Lines", Flatten.pCollections()).setCoder(StringUtf8Coder.of());
    }

    /**
     * {@return the header of the first file, after checking that every file has the same}
     *
     * @throws InputException FILE_NOT_FOUND if a pattern matches no file; CSV_EMPTY_FILE, CSV_BAD_HEADER if a file has
     *                        no header or another one than the first file
     */
    private List<String> header() {
        List<String> first = null;
        String firstFile = null;
        for (ResourceId file : files()) {
            String name = file.toString();
            List<String> header = CsvLines.header(firstLine(file), name, options);
            if (first == null) {
                first = header;
                firstFile = name;
            } else if (!header.equals(first)) {
                throw new InputException(
                        ErrorCode.CSV_BAD_HEADER,
                        name + ":1: expected the header of " + firstFile + " " + first + ", found " + header);
            }
        }
        return first;
    }

    private List<ResourceId> files() {
        List<ResourceId> files = new ArrayList<>();
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
                metadata.stream()
                        .map(MatchResult.Metadata::resourceId)
                        .sorted(java.util.Comparator.comparing(ResourceId::toString))
                        .forEach(files::add);
            }
        } catch (IOException e) {
            throw new InputException(ErrorCode.FILE_UNREADABLE, String.join(" ", patterns) + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** {@return the bytes of the file up to its first line end, decompressed as its name says} */
    private static byte[] firstLine(ResourceId file) {
        try (InputStream in = Channels.newInputStream(
                Compression.detect(file.getFilename()).readDecompressed(FileSystems.open(file)))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n' && line.size() < MAX_HEADER_BYTES; b = in.read()) {
                line.write(b);
            }
            return line.toByteArray();
        } catch (IOException e) {
            throw new InputException(ErrorCode.FILE_UNREADABLE, file + ": " + e.getMessage(), e);
        }
    }
}
