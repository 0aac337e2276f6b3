package dev.veracity.transform;

/** Receives one output value list of one row: missing, or start, values, end. */
interface Sink {
    void missing();

    void start();

    void addInt(long value);

    void addFloat(double value);

    void addString(String value);

    void end();
}
