/**
 * Cross-cutting set-up: settings, trace context, request limits and first-run secrets.
 */
@NullMarked
package nl.ketenpoort.gateway.system;

import org.jspecify.annotations.NullMarked;
