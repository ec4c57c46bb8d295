/**
 * Fields of the document types: their categories, listing and minimisation, all driven by
 * the {@code x-category} annotations in the schemas rather than by field lists in code.
 */
@NullMarked
package nl.ketenpoort.schemas.fields;

import org.jspecify.annotations.NullMarked;
