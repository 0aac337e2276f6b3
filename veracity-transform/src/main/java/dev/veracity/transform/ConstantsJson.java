package dev.veracity.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.veracity.data.FeatureType;
import dev.veracity.io.yaml.YamlFile;
import dev.veracity.io.yaml.YamlNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code constants.json} of a transform directory: the input columns' types and each step's constants, readable
 * by a person. A non-finite number is written as the string {@code "NaN"}, {@code "Infinity"} or {@code
 * "-Infinity"}; every double is written with the digits that read back to it.
 */
final class ConstantsJson {
    private ConstantsJson() {}

    static byte[] write(TransformFn fn, List<String> vocabularyFiles) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("inputs");
            for (Map.Entry<String, FeatureType> input : fn.inputTypes().entrySet()) {
                json.writeStartObject();
                json.writeStringField("name", input.getKey());
                json.writeStringField("type", input.getValue().name());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("steps");
            for (int s = 0; s < fn.spec().steps().size(); s++) {
                Step step = fn.spec().steps().get(s);
                Constants c = fn.constants().get(s);
                json.writeStartObject();
                json.writeStringField("name", step.name());
                json.writeStringField("op", step.op().specName());
                switch (StepAnalyzer.kind(step)) {
                    case MOMENTS -> {
                        json.writeNumberField("count", c.count());
                        number(json, "mean", c.mean());
                        number(json, "std_dev", c.stdDev());
                        number(json, "min", c.min());
                        number(json, "max", c.max());
                    }
                    case QUANTILES -> {
                        json.writeNumberField("count", c.count());
                        json.writeArrayFieldStart("boundaries");
                        for (double b : c.boundaries()) {
                            number(json, null, b);
                        }
                        json.writeEndArray();
                        number(json, "rank_error", c.rankError());
                    }
                    case COUNTS -> {
                        json.writeNumberField("count", c.count());
                        if (!vocabularyFiles.get(s).isEmpty()) {
                            json.writeStringField("vocabulary_file", vocabularyFiles.get(s));
                            json.writeNumberField(
                                    "vocabulary_size", c.vocabulary().size());
                        }
                        if (step.op() == Op.TFIDF) {
                            json.writeNumberField("documents", c.documents());
                            json.writeArrayFieldStart("document_frequencies");
                            for (long df : c.documentFrequencies()) {
                                json.writeNumber(df);
                            }
                            json.writeEndArray();
                        }
                    }
                    case NONE -> {
                        // Nothing analyzed.
                    }
                }
                if (step.op() == Op.IMPUTE) {
                    json.writeStringField("impute", c.impute());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void number(JsonGenerator json, String field, double value) throws IOException {
        if (field != null) {
            json.writeFieldName(field);
        }
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeString(Double.toString(value));
        }
    }

    static List<Constants> read(
            Path file,
            String text,
            TransformSpec spec,
            Map<String, FeatureType> inputTypes,
            Function<String, List<String>> vocabularies) {
        YamlNode root = YamlFile.parse(file, text);
        for (YamlNode input : root.required("inputs").elements()) {
            YamlNode type = input.required("type");
            try {
                inputTypes.put(input.required("name").string(), FeatureType.valueOf(type.string()));
            } catch (IllegalArgumentException e) {
                throw type.error("INT, FLOAT or STRING");
            }
        }
        List<YamlNode> steps = root.required("steps").elements();
        if (steps.size() != spec.steps().size()) {
            throw root.required("steps").error(spec.steps().size() + " steps as in the spec", steps.size() + "");
        }
        List<Constants> constants = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            YamlNode node = steps.get(s);
            Step step = spec.steps().get(s);
            if (!node.required("name").string().equals(step.name())) {
                throw node.required("name").error("the step " + step.name());
            }
            List<Double> boundaries = new ArrayList<>();
            if (node.field("boundaries").isPresent()) {
                for (YamlNode b : node.required("boundaries").elements()) {
                    boundaries.add(number(b));
                }
            }
            List<Long> frequencies = new ArrayList<>();
            if (node.field("document_frequencies").isPresent()) {
                for (YamlNode df : node.required("document_frequencies").elements()) {
                    frequencies.add(df.integer());
                }
            }
            List<String> vocabulary = node.field("vocabulary_file")
                    .map(f -> vocabularies.apply(f.string()))
                    .orElse(List.of());
            constants.add(new Constants(
                    node.field("count").map(YamlNode::integer).orElse(0L),
                    node.field("mean").map(ConstantsJson::number).orElse(Double.NaN),
                    node.field("std_dev").map(ConstantsJson::number).orElse(Double.NaN),
                    node.field("min").map(ConstantsJson::number).orElse(Double.POSITIVE_INFINITY),
                    node.field("max").map(ConstantsJson::number).orElse(Double.NEGATIVE_INFINITY),
                    boundaries,
                    node.field("rank_error").map(ConstantsJson::number).orElse(0.0),
                    vocabulary,
                    frequencies,
                    node.field("documents").map(YamlNode::integer).orElse(0L),
                    node.field("impute").map(YamlNode::string).orElse("")));
        }
        return constants;
    }

    private static double number(YamlNode node) {
        if (node.kind() == YamlNode.Kind.STRING) {
            switch (node.string()) {
                case "NaN" -> {
                    return Double.NaN;
                }
                case "Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> throw node.error("a number");
            }
        }
        return node.number();
    }
}
