/** Reading a CSV or JSON Lines file for one pass with its values as written (text), through veracity-io's readers. */
package dev.veracity.privacy.table;
