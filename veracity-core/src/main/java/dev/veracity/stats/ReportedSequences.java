package dev.veracity.stats;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The few sequences of a natural-language feature with the lowest value of a metric (coverage, or average token
 * length), distinct, as TFDV reports them in {@code reported_sequences}. Ties are broken by the sequence's text, so
 * that the result does not depend on the order in which rows and parts arrive (TFDV keeps the first seen).
 */
final class ReportedSequences {
    private record Sequence(String text, double metric) {}

    private static final Comparator<Sequence> ORDER =
            Comparator.comparingDouble(Sequence::metric).thenComparing(Sequence::text);

    private final int limit;
    private final List<Sequence> kept = new ArrayList<>();

    ReportedSequences(int limit) {
        this.limit = limit;
    }

    /** Offers a sequence; it is kept if it is among the lowest {@code limit} distinct ones. */
    void offer(String text, double metric) {
        for (Sequence sequence : kept) {
            if (sequence.text().equals(text)) {
                if (metric < sequence.metric()) {
                    kept.remove(sequence);
                    break;
                }
                return;
            }
        }
        Sequence candidate = new Sequence(text, metric);
        if (kept.size() == limit && ORDER.compare(candidate, kept.get(limit - 1)) >= 0) {
            return;
        }
        kept.add(candidate);
        kept.sort(ORDER);
        if (kept.size() > limit) {
            kept.remove(limit);
        }
    }

    void merge(ReportedSequences other) {
        for (Sequence sequence : other.kept) {
            offer(sequence.text(), sequence.metric());
        }
    }

    /** {@return the kept sequences' texts, lowest metric first} */
    List<String> sequences() {
        return kept.stream().map(Sequence::text).toList();
    }

    /** {@return the row as Python prints a list ({@code ['a', 1]}), the form TFDV reports sequences in} */
    static String pythonRepr(List<Object> row) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object token = row.get(i);
            if (token instanceof String s) {
                char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
                text.append(quote);
                for (int c = 0; c < s.length(); c++) {
                    char ch = s.charAt(c);
                    if (ch == '\\' || ch == quote) {
                        text.append('\\').append(ch);
                    } else if (ch == '\n') {
                        text.append("\\n");
                    } else if (ch == '\t') {
                        text.append("\\t");
                    } else if (ch == '\r') {
                        text.append("\\r");
                    } else {
                        text.append(ch);
                    }
                }
                text.append(quote);
            } else {
                text.append(token);
            }
        }
        return text.append(']').toString();
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(kept.size());
        for (Sequence sequence : kept) {
            byte[] bytes = sequence.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.writeDouble(sequence.metric());
        }
    }

    static ReportedSequences read(DataInput in, int limit) throws IOException {
        ReportedSequences sequences = new ReportedSequences(limit);
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            sequences.offer(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), in.readDouble());
        }
        return sequences;
    }
}
