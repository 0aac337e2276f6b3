package dev.veracity.metadata;

/** Whose properties a row of {@code mlmd_property} holds; the one-letter code is what the column stores. */
enum OwnerKind {
    ARTIFACT("A"),
    EXECUTION("E"),
    CONTEXT("C");

    private final String code;

    OwnerKind(String code) {
        this.code = code;
    }

    /** {@return the value of {@code mlmd_property.owner_kind} for this kind (never change: stores hold it)} */
    String code() {
        return code;
    }
}
