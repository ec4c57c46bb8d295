/**
 * The two ways documents reach a partner: JSON over HTTP and files dropped in a
 * directory.
 */
@NullMarked
package nl.ketenpoort.adapters.transport;

import org.jspecify.annotations.NullMarked;
