/**
 * The exchange pipeline: accept, authorise, validate, check consent, minimise and persist
 * each submitted document atomically with its audit event.
 */
@NullMarked
package nl.ketenpoort.gateway.exchange;

import org.jspecify.annotations.NullMarked;
