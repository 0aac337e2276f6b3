package dev.veracity.beam;

import dev.veracity.data.FeatureType;
import dev.veracity.io.BadRecords;
import dev.veracity.io.csv.CsvLines;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.stats.Sampling;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * What the workers need to read CSV lines, serializable (the core's option records are not): the source as messages
 * name it, the header, the CSV options and the sample.
 *
 * @param name        the input patterns, as messages name them
 * @param header      the column names
 * @param delimiter   {@link CsvOptions#delimiter()}
 * @param quote       {@link CsvOptions#quote()}
 * @param badRecords  {@link CsvOptions#badRecords()}
 * @param batchSize   {@link CsvOptions#batchSize()}
 * @param columnTypes {@link CsvOptions#columnTypes()}
 * @param sampleRate  {@link Sampling#rate()}
 * @param seed        {@link Sampling#seed()}
 */
record CsvSource(
        String name,
        List<String> header,
        byte delimiter,
        byte quote,
        BadRecords badRecords,
        int batchSize,
        HashMap<String, FeatureType> columnTypes,
        double sampleRate,
        long seed)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    CsvSource {
        Objects.requireNonNull(name, "name is null");
        header = List.copyOf(header);
        columnTypes = new HashMap<>(columnTypes);
    }

    static CsvSource of(String name, List<String> header, CsvOptions options, Sampling sampling) {
        return new CsvSource(
                name,
                header,
                options.delimiter(),
                options.quote(),
                options.badRecords(),
                options.batchSize(),
                new HashMap<>(options.columnTypes()),
                sampling.rate(),
                sampling.seed());
    }

    CsvOptions options() {
        return new CsvOptions(delimiter, quote, badRecords, batchSize, columnTypes);
    }

    Sampling sampling() {
        return new Sampling(sampleRate, seed);
    }

    CsvLines lines() {
        return new CsvLines(name, header, options());
    }
}
