/**
 * The {@code veracity} command: one picocli class per verb ({@code StatsCommand}, {@code ShowCommand}), thin over the
 * io and core modules; {@link dev.veracity.cli.Main} maps errors to exit codes (2 user error, 3 internal error).
 */
package dev.veracity.cli;
