package nl.ketenpoort.schemas.fields;

import java.util.Map;

import nl.ketenpoort.schemas.Category;
import nl.ketenpoort.schemas.IdentifierKind;
import org.jspecify.annotations.Nullable;

/**
 * A field with the fields nested inside it (through objects and arrays of objects).
 */
record FieldNode(String path, Category category, boolean special, boolean array, boolean required, String type,
		String description, @Nullable IdentifierKind subjectIdentifier, Map<String, FieldNode> children) {

	boolean hasChildren() {
		return !this.children.isEmpty();
	}

	Field toField() {
		return new Field(this.path, this.category, this.special);
	}

	FieldDescription toDescription() {
		return new FieldDescription(toField(), this.type, this.required, this.description);
	}

}
