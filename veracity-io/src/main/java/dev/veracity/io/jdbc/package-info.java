/**
 * Database queries through JDBC, streamed with a fetch size; SQL types mapped to feature types. Drivers are found
 * by DriverManager.
 */
package dev.veracity.io.jdbc;
