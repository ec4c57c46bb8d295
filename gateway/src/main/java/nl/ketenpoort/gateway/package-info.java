/**
 * The Ketenpoort gateway application: partner API, exchange pipeline, delivery, audit and
 * pages.
 */
@NullMarked
package nl.ketenpoort.gateway;

import org.jspecify.annotations.NullMarked;
