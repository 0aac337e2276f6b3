package dev.veracity.transform;

import dev.veracity.format.CloseNames;
import dev.veracity.io.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a transform spec from its YAML tree; every error names the file, line and column of the node at fault. */
final class SpecReader {
    private static final Set<String> COMMON = Set.of("name", "op", "input", "inputs");

    private SpecReader() {}

    static TransformSpec read(YamlNode root, String text) {
        root.allowKeys(List.of("transforms", "keep"));
        List<Step> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode node : root.required("transforms").elements()) {
            Step step = step(node);
            for (String output : step.outputs()) {
                if (!names.add(output)) {
                    throw node.required("name").error("a name no other step writes", "\"" + output + "\" again");
                }
            }
            steps.add(step);
        }
        if (steps.isEmpty()) {
            throw root.required("transforms").error("at least one step", "none");
        }
        List<String> keep = new ArrayList<>();
        if (root.field("keep").isPresent()) {
            YamlNode keepNode = root.required("keep");
            for (YamlNode column :
                    keepNode.kind() == YamlNode.Kind.SEQUENCE ? keepNode.elements() : List.of(keepNode)) {
                String name = column.string();
                if (!names.add(name) || keep.contains(name)) {
                    throw column.error("a column no step writes and not kept twice", "\"" + name + "\" again");
                }
                keep.add(name);
            }
        }
        return new TransformSpec(steps, keep, text);
    }

    private static Step step(YamlNode node) {
        YamlNode opNode = node.required("op");
        String opName = opNode.string();
        Op op = Op.named(opName)
                .orElseThrow(() -> opNode.error(
                        "an op",
                        "\"" + opName + "\""
                                + (CloseNames.hint(
                                        opName,
                                        java.util.Arrays.stream(Op.values())
                                                .map(Op::specName)
                                                .toList()))));
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(op.parameters());
        node.allowKeys(allowed);
        String name = node.required("name").string();
        if (name.isEmpty()) {
            throw node.required("name").error("a feature name", "\"\"");
        }
        List<String> inputs;
        YamlNode inputNode;
        if (op == Op.CROSS) {
            inputNode = node.required("inputs");
            inputs = inputNode.strings();
            if (inputs.size() < 2) {
                throw inputNode.error("two or more input columns", inputs.size() + "");
            }
        } else {
            if (node.field("inputs").isPresent()) {
                throw node.required("inputs").error("input: COLUMN (inputs is for cross)", "inputs");
            }
            inputNode = node.required("input");
            inputs = List.of(inputNode.string());
        }
        return new Step(name, op, inputs, parameters(node, op), inputNode.where());
    }

    private static Parameters parameters(YamlNode node, Op op) {
        Parameters d = Parameters.DEFAULT;
        double outputMin = node.field("output_min").map(YamlNode::number).orElse(d.outputMin());
        double outputMax = node.field("output_max").map(YamlNode::number).orElse(d.outputMax());
        if (!(outputMin < outputMax)) {
            throw node.field("output_max")
                    .orElse(node)
                    .error("output_max above output_min " + outputMin, "" + outputMax);
        }
        double clipMin = node.field("min").map(YamlNode::number).orElse(d.clipMin());
        double clipMax = node.field("max").map(YamlNode::number).orElse(d.clipMax());
        if (op == Op.CLIP && node.field("min").isEmpty() && node.field("max").isEmpty()) {
            throw node.error("min, max or both", "neither");
        }
        if (clipMin > clipMax) {
            throw node.required("max").error("max at least min " + clipMin, "" + clipMax);
        }
        Parameters.Impute impute = d.impute();
        String imputeValue = "";
        if (op == Op.IMPUTE) {
            YamlNode strategy = node.required("strategy");
            impute = switch (strategy.string()) {
                case "mean" -> Parameters.Impute.MEAN;
                case "median" -> Parameters.Impute.MEDIAN;
                case "most_frequent" -> Parameters.Impute.MOST_FREQUENT;
                case "constant" -> Parameters.Impute.CONSTANT;
                default -> throw strategy.error("mean, median, most_frequent or constant");
            };
            if (impute == Parameters.Impute.CONSTANT) {
                imputeValue = node.required("value").string();
            } else if (node.field("value").isPresent()) {
                throw node.required("value").error("no value (it is for strategy: constant)", "a value");
            }
        }
        int numBuckets = op == Op.BUCKETIZE ? node.required("num_buckets").integer(1, 1_000_000) : 0;
        List<Double> boundaries = new ArrayList<>();
        if (op == Op.APPLY_BUCKETS) {
            YamlNode list = node.required("boundaries");
            double previous = Double.NEGATIVE_INFINITY;
            for (YamlNode b : list.elements()) {
                double value = b.number();
                if (Double.isNaN(value) || value < previous || (!boundaries.isEmpty() && value == previous)) {
                    throw b.error("boundaries strictly ascending", b.found());
                }
                boundaries.add(value);
                previous = value;
            }
            if (boundaries.isEmpty()) {
                throw list.error("at least one boundary", "none");
            }
        }
        int topK = node.field("top_k").map(n -> n.integer(0, Integer.MAX_VALUE)).orElse(d.topK());
        long threshold = node.field("frequency_threshold")
                .map(n -> (long) n.integer(0, Integer.MAX_VALUE))
                .orElse(d.frequencyThreshold());
        int oov =
                node.field("num_oov_buckets").map(n -> n.integer(0, 1_000_000)).orElse(d.numOovBuckets());
        long defaultValue = node.field("default_value").map(YamlNode::integer).orElse(d.defaultValue());
        long hashBuckets = 0;
        if (op == Op.HASH_STRINGS || op == Op.CROSS) {
            YamlNode buckets = node.required("hash_buckets");
            hashBuckets = buckets.integer();
            if (hashBuckets < 1) {
                throw buckets.error("a number of buckets >= 1", "" + hashBuckets);
            }
        }
        int ngramMin = d.ngramMin();
        int ngramMax = d.ngramMax();
        if (node.field("ngram_range").isPresent()) {
            YamlNode range = node.required("ngram_range");
            List<YamlNode> ends = range.elements();
            if (ends.size() != 2) {
                throw range.error("[MIN, MAX]", ends.size() + " values");
            }
            ngramMin = ends.get(0).integer(1, 100);
            ngramMax = ends.get(1).integer(ngramMin, 100);
        }
        String separator = node.field("separator").map(YamlNode::string).orElse(d.separator());
        boolean smooth = node.field("smooth").map(YamlNode::bool).orElse(d.smooth());
        Parameters.EpochUnit unit = d.epochUnit();
        if (node.field("epoch_unit").isPresent()) {
            YamlNode u = node.required("epoch_unit");
            unit = switch (u.string()) {
                case "s" -> Parameters.EpochUnit.SECONDS;
                case "ms" -> Parameters.EpochUnit.MILLISECONDS;
                default -> throw u.error("s or ms");
            };
        }
        Parameters.Period part = d.part();
        boolean cosine = d.cosine();
        if (op == Op.CYCLIC) {
            YamlNode p = node.required("part");
            part = switch (p.string().toLowerCase(Locale.ROOT)) {
                case "day" -> Parameters.Period.DAY;
                case "week" -> Parameters.Period.WEEK;
                case "year" -> Parameters.Period.YEAR;
                default -> throw p.error("day, week or year");
            };
            YamlNode f = node.required("function");
            cosine = switch (f.string()) {
                case "sin" -> false;
                case "cos" -> true;
                default -> throw f.error("sin or cos");
            };
        }
        return new Parameters(
                outputMin,
                outputMax,
                clipMin,
                clipMax,
                impute,
                imputeValue,
                numBuckets,
                boundaries,
                topK,
                threshold,
                oov,
                defaultValue,
                hashBuckets,
                ngramMin,
                ngramMax,
                separator,
                smooth,
                unit,
                part,
                cosine);
    }
}
