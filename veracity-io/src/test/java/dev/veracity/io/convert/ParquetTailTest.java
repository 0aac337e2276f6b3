package dev.veracity.io.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veracity.io.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The footer's encoding lists are written in one order whatever order parquet-java's hash sets gave them. */
class ParquetTailTest {
    @TempDir
    Path dir;

    @Test
    void everyColumnChunkListsItsEncodingsInNumberOrder() throws IOException {
        byte[] file = Files.readAllBytes(written());
        List<List<Encoding>> lists = encodingLists(footer(file));
        assertThat(lists).isNotEmpty().anySatisfy(list -> assertThat(list).hasSizeGreaterThan(1));
        for (List<Encoding> list : lists) {
            List<Integer> numbers = list.stream().map(Encoding::getValue).toList();
            assertThat(numbers).isSorted();
        }
    }

    @Test
    void aFooterWithItsEncodingsReversedIsWrittenAsTheOrderedOne() throws IOException {
        byte[] file = Files.readAllBytes(written());
        FileMetaData footer = footer(file);
        for (RowGroup group : footer.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                Collections.reverse(chunk.getMeta_data().getEncodings());
            }
        }
        ByteArrayOutputStream reversed = new ByteArrayOutputStream();
        Util.writeFileMetaData(footer, reversed);
        byte[] shuffled = file.clone();
        int length = footerLength(file);
        assertThat(reversed.size()).isEqualTo(length);
        System.arraycopy(reversed.toByteArray(), 0, shuffled, file.length - 8 - length, length);
        assertThat(shuffled).isNotEqualTo(file);

        assertThat(ParquetTail.normalized(shuffled)).isEqualTo(file);
    }

    private Path written() throws IOException {
        StringBuilder csv = new StringBuilder("id,city,x\n");
        for (int i = 0; i < 500; i++) {
            csv.append(i)
                    .append(',')
                    .append(i % 3 == 0 ? "" : "c" + (i % 7))
                    .append(',')
                    .append(i % 5)
                    .append('\n');
        }
        Path input = Files.writeString(dir.resolve("in.csv"), csv);
        Path parquet = dir.resolve("out.parquet");
        Converter.convert(List.of(input), ReadOptions.DEFAULT, parquet);
        return parquet;
    }

    private static int footerLength(byte[] file) {
        return ByteBuffer.wrap(file, file.length - 8, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
    }

    private static FileMetaData footer(byte[] file) throws IOException {
        int length = footerLength(file);
        return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
    }

    private static List<List<Encoding>> encodingLists(FileMetaData footer) {
        List<List<Encoding>> lists = new ArrayList<>();
        for (RowGroup group : footer.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                lists.add(new ArrayList<>(chunk.getMeta_data().getEncodings()));
            }
        }
        return lists;
    }
}
