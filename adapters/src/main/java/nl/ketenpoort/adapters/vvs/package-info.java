/**
 * VVS (VluchtelingenWerk): its JSON envelope around canonical documents.
 */
@NullMarked
package nl.ketenpoort.adapters.vvs;

import org.jspecify.annotations.NullMarked;
