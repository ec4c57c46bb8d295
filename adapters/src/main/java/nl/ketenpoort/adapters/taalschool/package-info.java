/**
 * Language providers (taalschool-a, taalschool-b) and the opstartklas: their JSON for the
 * learner profile and the opstartklas report.
 */
@NullMarked
package nl.ketenpoort.adapters.taalschool;

import org.jspecify.annotations.NullMarked;
