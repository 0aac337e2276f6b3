/** k-anonymity of quasi-identifiers: generalization hierarchies, the check and the search for levels that hold. */
package dev.veracity.privacy.kanon;
