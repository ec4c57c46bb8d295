/**
 * RFC 9457 problem details: one stable code per error class, a human detail, the path and
 * the trace id.
 */
@NullMarked
package nl.ketenpoort.gateway.problem;

import org.jspecify.annotations.NullMarked;
