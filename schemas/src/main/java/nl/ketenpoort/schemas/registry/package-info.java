/**
 * The registry of document types: compiled schemas, field catalogue and minimisation
 * behind one object that is built once and shared.
 */
@NullMarked
package nl.ketenpoort.schemas.registry;

import org.jspecify.annotations.NullMarked;
