package dev.veracity.beam;

import dev.veracity.data.FeatureType;
import dev.veracity.io.BadRecords;
import dev.veracity.io.csv.CsvOptions;
import dev.veracity.io.csv.CsvSplits;
import dev.veracity.stats.Sampling;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;

/**
 * What the workers need to read CSV splits, serializable (the core's option records are not): the header, the CSV
 * options, the sample and the size of splits.
 *
 * @param header      the column names
 * @param delimiter   {@link CsvOptions#delimiter()}
 * @param quote       {@link CsvOptions#quote()}
 * @param badRecords  {@link CsvOptions#badRecords()}
 * @param batchSize   {@link CsvOptions#batchSize()}
 * @param columnTypes {@link CsvOptions#columnTypes()}
 * @param sampleRate  {@link Sampling#rate()}
 * @param seed        {@link Sampling#seed()}
 * @param splitBytes  the size of splits, or 0 for the local engine's choice
 */
record CsvSource(
        List<String> header,
        byte delimiter,
        byte quote,
        BadRecords badRecords,
        int batchSize,
        HashMap<String, FeatureType> columnTypes,
        double sampleRate,
        long seed,
        long splitBytes)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    CsvSource {
        header = List.copyOf(header);
        columnTypes = new HashMap<>(columnTypes);
    }

    static CsvSource of(List<String> header, CsvOptions options, Sampling sampling, long splitBytes) {
        return new CsvSource(
                header,
                options.delimiter(),
                options.quote(),
                options.badRecords(),
                options.batchSize(),
                new HashMap<>(options.columnTypes()),
                sampling.rate(),
                sampling.seed(),
                splitBytes);
    }

    CsvOptions options() {
        return new CsvOptions(delimiter, quote, badRecords, batchSize, columnTypes);
    }

    Sampling sampling() {
        return new Sampling(sampleRate, seed);
    }

    CsvSplits splits() {
        return new CsvSplits(header, options());
    }
}
