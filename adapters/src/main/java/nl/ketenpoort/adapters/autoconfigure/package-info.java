/**
 * Spring auto-configuration of the adapters, their settings and the TVS file intake.
 */
@NullMarked
package nl.ketenpoort.adapters.autoconfigure;

import org.jspecify.annotations.NullMarked;
