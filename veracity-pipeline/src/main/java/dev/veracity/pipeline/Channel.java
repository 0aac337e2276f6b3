package dev.veracity.pipeline;

import java.util.Objects;

/**
 * Where an input comes from: an output of another node ({@code statistics_gen.statistics} in a pipeline file).
 *
 * @param node   the producing node's id
 * @param output the output's name
 */
public record Channel(String node, String output) {
    public Channel {
        Objects.requireNonNull(node, "node is null");
        Objects.requireNonNull(output, "output is null");
    }

    /**
     * {@return the channel written {@code node.output}}
     *
     * @throws IllegalArgumentException if the text has no dot
     */
    public static Channel parse(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("expected NODE.OUTPUT, found \"" + text + "\"");
        }
        return new Channel(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return node + "." + output;
    }
}
