/**
 * The adapters' API for the gateway: deliveries, their outcomes, the partner adapters and
 * the native mappings that turn partner formats into canonical documents and back.
 */
@NullMarked
package nl.ketenpoort.adapters;

import org.jspecify.annotations.NullMarked;
