/**
 * Canonical document types: JSON Schemas, validation, field categories and minimisation.
 */
@NullMarked
package nl.ketenpoort.schemas;

import org.jspecify.annotations.NullMarked;
