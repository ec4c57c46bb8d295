package nl.ketenpoort.consent.purpose;

import java.util.List;
import java.util.Set;

import nl.ketenpoort.schemas.Category;
import nl.ketenpoort.schemas.DocumentType;

/**
 * Tells which allowed-field entries of a purpose are unknown for a document type, so the
 * catalogue fails at load instead of minimising wrongly later; the schemas module's
 * {@code DocumentSchemas::unknownEntries} knows field paths as well as categories.
 */
@FunctionalInterface
public interface AllowedEntries {

	/** Accepts category codes only, for when the compiled schemas are not at hand. */
	AllowedEntries CATEGORIES_ONLY = (type,
			entries) -> entries.stream().filter((entry) -> Category.fromCode(entry).isEmpty()).sorted().toList();

	/**
	 * The entries that are neither a category code nor a field path of the type.
	 * @param type the document type
	 * @param entries category codes and field paths
	 * @return the unknown entries; empty when all are known
	 */
	List<String> unknown(DocumentType type, Set<String> entries);

}
