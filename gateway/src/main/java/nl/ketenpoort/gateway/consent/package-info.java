/**
 * The consent API of the gateway: the public purpose catalogue and statement status, the
 * status holder's and case manager's grants and revocations, and their audit records.
 */
@NullMarked
package nl.ketenpoort.gateway.consent;

import org.jspecify.annotations.NullMarked;
