package dev.veracity.beam.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veracity.io.ReadOptions;
import dev.veracity.transform.FileAnalysis;
import dev.veracity.transform.TransformSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combine in file order whatever order and grouping Beam chooses: files added in random order to random
 * accumulators, accumulators encoded and decoded (as a runner does between workers) and merged in random order, give
 * the bytes of the local fit's left fold in file order.
 */
class FileOrderTest {
    @TempDir
    Path dir;

    private static byte[] bytes(FileAnalysis analysis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        analysis.write(data);
        data.flush();
        return out.toByteArray();
    }

    @Test
    void anyOrderAndGroupingGivesTheLeftFoldInFileOrder() throws IOException {
        TransformSpec spec = TransformSpec.read(
                Files.writeString(dir.resolve("spec.yaml"), BeamTransformFitTest.SPEC, StandardCharsets.UTF_8));
        SpecText text = SpecText.of(spec);
        Random random = new Random(7);
        int files = 6;
        List<byte[]> states = new ArrayList<>();
        FileAnalysis fold = null;
        for (int f = 0; f < files; f++) {
            StringBuilder csv = new StringBuilder("id,x,n,c,words\n");
            for (int r = 0; r < 1500; r++) {
                csv.append(r)
                        .append(',')
                        .append(random.nextGaussian() * (f + 1))
                        .append(',');
                csv.append(random.nextInt(100))
                        .append(",cat")
                        .append(random.nextInt(9))
                        .append(",a b\n");
            }
            Path file = Files.writeString(dir.resolve("f" + f + ".csv"), csv, StandardCharsets.UTF_8);
            FileAnalysis analysis = FileAnalysis.of(spec, file, ReadOptions.DEFAULT);
            states.add(bytes(analysis));
            if (fold == null) {
                fold = FileAnalysis.of(spec, file, ReadOptions.DEFAULT);
            } else {
                fold.merge(analysis);
            }
        }
        byte[] expected = bytes(fold);
        // the order matters (a sketch's compactions, a floating-point sum): the reverse fold gives other bytes
        FileAnalysis reverse =
                FileAnalysis.read(spec, new java.io.DataInputStream(new ByteArrayInputStream(states.get(files - 1))));
        for (int f = files - 2; f >= 0; f--) {
            reverse.merge(
                    FileAnalysis.read(spec, new java.io.DataInputStream(new ByteArrayInputStream(states.get(f)))));
        }
        assertThat(bytes(reverse)).isNotEqualTo(expected);
        MergeInFileOrder combine = new MergeInFileOrder(text, files);
        FileOrderCoder coder = new FileOrderCoder(text);
        for (int trial = 0; trial < 20; trial++) {
            List<Integer> order = new ArrayList<>();
            for (int f = 0; f < files; f++) {
                order.add(f);
            }
            Collections.shuffle(order, random);
            List<FileOrder> accumulators = new ArrayList<>();
            for (int a = 1 + random.nextInt(files); a > 0; a--) {
                accumulators.add(combine.createAccumulator());
            }
            for (int f : order) {
                FileOrder into = accumulators.get(random.nextInt(accumulators.size()));
                combine.addInput(into, KV.of(f, states.get(f)));
            }
            List<FileOrder> travelled = new ArrayList<>();
            for (FileOrder accumulator : accumulators) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                coder.encode(accumulator, out);
                travelled.add(coder.decode(new ByteArrayInputStream(out.toByteArray())));
            }
            Collections.shuffle(travelled, random);
            assertThat(combine.extractOutput(combine.mergeAccumulators(travelled)))
                    .as("trial %d", trial)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aMissingFileIsAnInternalErrorNotAPartialFit() {
        SpecText text = new SpecText("spec.yaml", "transforms: []\n");
        MergeInFileOrder combine = new MergeInFileOrder(text, 2);
        assertThatThrownBy(() -> combine.extractOutput(combine.createAccumulator()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected the analyses of 2 files");
    }
}
