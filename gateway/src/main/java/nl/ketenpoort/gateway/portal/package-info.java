/**
 * The status holder's portal: every purpose in plain words in their language, grant and
 * revoke, who received what, and their own export; also the language and page set-up the
 * professional console shares.
 */
@NullMarked
package nl.ketenpoort.gateway.portal;

import org.jspecify.annotations.NullMarked;
