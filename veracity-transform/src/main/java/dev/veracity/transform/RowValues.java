package dev.veracity.transform;

/**
 * The values of a step's inputs in one row, as the batch path (a row of a record batch) and the serving path (a
 * map) both present them, so both run the same op code.
 */
interface RowValues {
    /** {@return whether input {@code input} is present in the row (an empty list is present)} */
    boolean present(int input);

    /** {@return the number of values of input {@code input}; 0 when missing} */
    int count(int input);

    /** {@return whether value {@code i} of the input is a number} */
    boolean isNumber(int input, int i);

    /**
     * {@return value {@code i} of the input as a number}
     *
     * @throws dev.veracity.InputException TRANSFORM_VALUE_INVALID if it is text
     */
    double number(int input, int i);

    /** {@return value {@code i} of the input as text: integers as written, floats as ValueText prints them} */
    String text(int input, int i);

    /** {@return where the row is, for messages: "record N" or "the record"} */
    String where();
}
