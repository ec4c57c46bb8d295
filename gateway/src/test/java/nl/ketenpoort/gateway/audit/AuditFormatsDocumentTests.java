package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import nl.ketenpoort.gateway.audit.internal.AuditField;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/audit-formats.md} states the hashed members and two worked examples (bytes
 * and SHA-256) that an outside auditor recomputes: its generated sections are what the
 * code does. Regenerate them with {@code -Dketenpoort.regenerate-docs=true}.
 */
class AuditFormatsDocumentTests {

	private static final Path DOCUMENT = Path.of("..", "docs", "audit-formats.md");

	/** The members of the fixed form 1. */
	private static final List<String> FORM_ONE = List.of("event_id", "recorded_at", "trace_id", "operation_id",
			"parent_operation_id", "foreign_trace_id", "foreign_operation_id", "event_type", "outcome", "reason_code",
			"actor_kind", "actor_id", "actor_role", "actor_organisation", "actor_mandate", "purpose", "legal_basis",
			"consent_id", "subject_ref", "sender", "recipient", "document_type", "exchange_id", "field_names",
			"payload_sha256", "partner_status", "started_at");

	@Test
	void theGeneratedSectionsAreWhatTheCodeDoes() throws IOException {
		// given
		String committed = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
		AuditRecord example = AuditEventSchemaTests.example();
		String formOne = AuditRecord.canonicalFormV1(example.eventId(), example.recordedAt(), example.operationId(),
				example.event());
		String formTwo = AuditFields.CATALOGUE.canonical(example);

		// when
		String generated = section(committed, "members", members());
		generated = section(generated, "example-v2",
				example(formTwo, example.prevHash(), AuditRecord.chainHash(example.prevHash(), formTwo)));
		generated = section(generated, "example-v1",
				example(formOne, example.prevHash(), AuditRecord.chainHash(example.prevHash(), formOne)));
		if (Boolean.getBoolean("ketenpoort.regenerate-docs")) {
			Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
		}

		// then
		assertThat(committed)
			.as("docs/audit-formats.md is out of date; regenerate it with" + " -Dketenpoort.regenerate-docs=true")
			.isEqualTo(generated);
		assertThat(example.hash()).isEqualTo(AuditRecord.chainHash(example.prevHash(), formTwo));
	}

	private static String members() {
		StringBuilder table = new StringBuilder("| member | column type | since |\n|---|---|---|\n");
		for (String member : AuditFields.CATALOGUE.canonicalMembers()) {
			if ("v".equals(member)) {
				table.append("| `v` | the number 2 | form 2 |\n");
				continue;
			}
			AuditField field = AuditFields.ALL.stream()
				.filter((f) -> f.name().equals(member))
				.findFirst()
				.orElseThrow();
			table.append("| `")
				.append(member)
				.append("` | `")
				.append(columnType(field))
				.append("` | ")
				.append(FORM_ONE.contains(member) ? "form 1" : "form 2")
				.append(" |\n");
		}
		return table.toString();
	}

	static String columnType(AuditField field) {
		return switch (field.type()) {
			case TEXT -> "text";
			case UUID -> "uuid";
			case TIMESTAMP -> "timestamptz";
			case INTEGER -> "integer";
			case BIGINT -> "bigint";
			case SMALLINT -> "smallint";
			case TEXT_ARRAY -> "text[]";
		};
	}

	private static String example(String canonical, String prevHash, String hash) {
		return "```json\n" + canonical + "\n```\n\n" + "- `prev_hash`: `" + prevHash + "`\n"
				+ "- bytes hashed: the 64 characters of `prev_hash`, then the "
				+ canonical.getBytes(StandardCharsets.UTF_8).length + " bytes above\n" + "- `hash` = SHA-256: `" + hash
				+ "`\n";
	}

	private static String section(String document, String name, String content) {
		Pattern pattern = Pattern.compile("(<!-- generated:" + name + " -->\n)(.*?)(<!-- /generated:" + name + " -->)",
				Pattern.DOTALL);
		Matcher matcher = pattern.matcher(document);
		assertThat(matcher.find()).as("section " + name).isTrue();
		return document.substring(0, matcher.end(1)) + content + document.substring(matcher.start(3));
	}

}
