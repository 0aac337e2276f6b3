package dev.veracity.metadata;

/** The few places where SQLite's and PostgreSQL's SQL differ. */
enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT"),
    POSTGRESQL("BIGSERIAL PRIMARY KEY");

    private final String idColumn;

    Dialect(String idColumn) {
        this.idColumn = idColumn;
    }

    /** {@return the DDL with the {@code ID} placeholder replaced by this dialect's generated id column} */
    String ddl(String statement) {
        return statement.replace(" ID,", " " + idColumn + ",");
    }
}
