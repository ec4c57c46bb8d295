package nl.ketenpoort.schemas.reference;

import java.util.List;

import tools.jackson.databind.JsonNode;

import nl.ketenpoort.schemas.CanonicalSchema;
import nl.ketenpoort.schemas.Category;
import nl.ketenpoort.schemas.DocumentType;
import nl.ketenpoort.schemas.SupportingSchema;
import nl.ketenpoort.schemas.fields.FieldDescription;
import nl.ketenpoort.schemas.registry.DocumentSchemas;

/**
 * Renders {@code docs/reference/document-types.md}: every schema with its fields,
 * categories and Art. 9 flags, and the category vocabulary.
 */
public final class DocumentTypesReference {

	/** Where the page lives, relative to the repository root. */
	public static final String PATH = "docs/reference/document-types.md";

	private final DocumentSchemas schemas;

	public DocumentTypesReference(DocumentSchemas schemas) {
		this.schemas = schemas;
	}

	/**
	 * The page as Markdown.
	 * @return the rendered page
	 */
	public String render() {
		StringBuilder page = new StringBuilder();
		page.append("# Document types\n\n");
		page.append("<!-- Generated from schemas/src/main/resources/schemas by DocumentTypesReference; do not edit.\n");
		page.append("     Regenerate: ./mvnw -B -pl schemas test -Dtest=DocumentTypesReferenceTests");
		page.append(" -Dketenpoort.regenerate-docs=true -->\n\n");
		page.append("The canonical documents that travel between the chain partners, and two supporting schemas. ");
		page.append("Every field carries one category from a closed vocabulary; purposes allow fields by category ");
		page.append("or by path, and special category data (GDPR Art. 9) only when a purpose names its category.\n\n");
		page.append("Paths join property names with dots; list items are transparent ");
		page.append("(`languages.level` is the level of every listed language). Required fields are marked ✔.\n\n");
		usage(page);
		categories(page);
		page.append("## Document types\n\n");
		for (DocumentType type : this.schemas.documentTypes().all()) {
			section(page, type);
		}
		page.append("## Supporting schemas\n\n");
		page.append("Not exchanged as documents; they document and check what the gateway itself produces.\n\n");
		for (SupportingSchema schema : SupportingSchema.values()) {
			section(page, schema);
		}
		return page.toString();
	}

	private void usage(StringBuilder page) {
		page.append("## Using the schemas from Java\n\n");
		page.append("Module `ketenpoort-schemas`. Load the registry once and share it ");
		page.append("(Spring applications get it as a bean through `SchemasAutoConfiguration`):\n\n");
		page.append("```java\n");
		page.append("DocumentSchemas schemas = DocumentSchemas.load();\n");
		page.append("List<Violation> violations = schemas.validate(DocumentType.of(\"client-profile\"), json);\n");
		page.append(
				"ObjectNode sent = schemas.minimise(DocumentType.of(\"client-profile\"), document, Set.of(\"identity\", ");
		page.append("\"education\", \"practical.digid\"));\n");
		page.append("List<String> forTheAuditLog = schemas.fieldNames(sent);\n");
		page.append("```\n\n");
		page.append("A violation holds a JSON pointer, the failing keyword and a message built from the schema, ");
		page.append("never from the document. For `required` and `additionalProperties` the pointer names the ");
		page.append("missing or unexpected property. Formats are asserted: `date`, `email`, `date-time`, `uuid`, ");
		page.append("`uri` and `bsn` (nine digits passing the 11-test); phone numbers and V-numbers by pattern.\n\n");
	}

	private void categories(StringBuilder page) {
		page.append("## Categories\n\n");
		page.append("| category | Art. 9 | meaning |\n|---|---|---|\n");
		for (Category category : Category.values()) {
			page.append("| `").append(category.code()).append("` | ").append(category.isSpecial() ? "**yes**" : "");
			page.append(" | ").append(category.description()).append(" |\n");
		}
		page.append('\n');
	}

	private void section(StringBuilder page, CanonicalSchema schema) {
		JsonNode source = this.schemas.schema(schema);
		page.append("### ").append(source.path("title").asString(schema.code()));
		page.append(" (`").append(schema.code()).append("`)\n\n");
		page.append(source.path("description").asString("")).append("\n\n");
		page.append("- Schema: `schemas/src/main/resources/").append(schema.schemaResource()).append("`\n");
		page.append("- `$id`: `").append(this.schemas.id(schema)).append("`\n");
		page.append("- Examples: `schemas/src/main/resources/examples/").append(schema.code()).append("/`\n\n");
		page.append("| field | category | Art. 9 | required | type | description |\n");
		page.append("|---|---|---|---|---|---|\n");
		List<FieldDescription> fields = this.schemas.catalogue().describe(schema);
		for (FieldDescription field : fields) {
			page.append("| `").append(field.field().path()).append("` | ").append(field.field().category());
			page.append(" | ").append(field.field().specialCategory() ? "**yes**" : "");
			page.append(" | ").append(field.required() ? "✔" : "");
			page.append(" | ").append(cell(field.type()));
			page.append(" | ").append(cell(field.description())).append(" |\n");
		}
		page.append('\n');
	}

	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

}
