package dev.veracity.metadata;

/** MLMD's {@code Event.Type}: how an artifact relates to an execution. */
public enum EventType {
    UNKNOWN,
    DECLARED_OUTPUT,
    DECLARED_INPUT,
    INPUT,
    OUTPUT,
    INTERNAL_INPUT,
    INTERNAL_OUTPUT,
    PENDING_OUTPUT;

    /** {@return whether the execution read the artifact} */
    public boolean isInput() {
        return this == DECLARED_INPUT || this == INPUT || this == INTERNAL_INPUT;
    }

    /** {@return whether the execution wrote (or declared it writes) the artifact} */
    public boolean isOutput() {
        return this == DECLARED_OUTPUT || this == OUTPUT || this == INTERNAL_OUTPUT || this == PENDING_OUTPUT;
    }
}
