/**
 * Embedded PostgreSQL for local runs: started by the gateway itself when no external
 * database is configured.
 */
@NullMarked
package nl.ketenpoort.gateway.database;

import org.jspecify.annotations.NullMarked;
