/**
 * Validation of documents against the compiled schemas, with violations that name the
 * location and the rule but never the content.
 */
@NullMarked
package nl.ketenpoort.schemas.validation;

import org.jspecify.annotations.NullMarked;
