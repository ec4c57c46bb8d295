/**
 * TVS (COA): the XML export of the client profile and NT2 learner profile, and its file
 * intake.
 */
@NullMarked
package nl.ketenpoort.adapters.tvs;

import org.jspecify.annotations.NullMarked;
