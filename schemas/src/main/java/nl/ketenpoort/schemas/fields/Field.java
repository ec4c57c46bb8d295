package nl.ketenpoort.schemas.fields;

import nl.ketenpoort.schemas.Category;

/**
 * A field a schema defines, named by its path: property names joined with dots, array
 * items transparent (so {@code languages.level} is the level of every listed language).
 *
 * @param path the field path, e.g. {@code practical.digid.status}
 * @param category the field's {@code x-category}
 * @param specialCategory whether the field holds special category data (GDPR Art. 9)
 */
public record Field(String path, Category category, boolean specialCategory) {

}
