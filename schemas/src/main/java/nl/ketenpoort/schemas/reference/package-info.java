/**
 * The generated reference page of the document types, produced from the schemas so it
 * cannot drift from them.
 */
@NullMarked
package nl.ketenpoort.schemas.reference;

import org.jspecify.annotations.NullMarked;
