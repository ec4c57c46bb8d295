/**
 * RAAK (municipality of Amsterdam): its JSON for the client profile, trajectory plan and
 * handover notice.
 */
@NullMarked
package nl.ketenpoort.adapters.raak;

import org.jspecify.annotations.NullMarked;
