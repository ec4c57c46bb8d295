/**
 * Renaming canonical document trees to partner-native field names and back, driven by one
 * vocabulary per document.
 */
@NullMarked
package nl.ketenpoort.adapters.mapping;

import org.jspecify.annotations.NullMarked;
