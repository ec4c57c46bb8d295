package nl.ketenpoort.gateway.audit;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import nl.ketenpoort.gateway.audit.internal.AuditValues;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportsTests {

	@Test
	void cellsThatASpreadsheetWouldEvaluateAreNeutralisedAndStillReadBack() throws Exception {
		// given events as a chain written before values were bounded may hold them
		List<AuditRecord> records = List.of(record("=HYPERLINK(\"https://attacker.example\",\"open\")"), record("+1+1"),
				record("-2"), record("@SUM(A1)"), record("\tcmd"), record("\rcmd"), record("NO_CONSENT"));
		StringWriter out = new StringWriter();

		// when
		AuditExports.csv(records, out);

		// then: every formula start carries a leading quote, the rest is untouched, and
		// a CSV reader gets back exactly what was written
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(out.toString()))
			.getRecords();
		assertThat(rows).extracting((row) -> row.get("reason_code"))
			.containsExactly("'=HYPERLINK(\"https://attacker.example\",\"open\")", "'+1+1", "'-2", "'@SUM(A1)",
					"'\tcmd", "'\rcmd", "NO_CONSENT");
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("position")).isEqualTo("7"));
		assertThat(out.toString()).startsWith("position,recorded_at,event_type,outcome,reason_code,");
	}

	@Test
	void valuesOfAnUnexpectedShapeAreRecordedAsTheirDigest() {
		// given
		AuditEvent event = AuditEvent.of(AuditEventType.REFUSED, AuditOutcome.REFUSED, AuditActor.SYSTEM)
			.reason("123456782")
			.purpose("marketing", "gdpr-6-1-a")
			.route("tvs", "r".repeat(9_000))
			.document("<b>x</b>", null)
			.subject("vnr_not-a-pseudonym")
			.payload(List.of("name.givenNames", "name; drop"), "not-hex")
			.build();

		// when
		AuditEvent bounded = AuditValues.bounded(event);

		// then
		assertThat(bounded.reasonCode()).isEqualTo("unknown:" + AuditValues.sha256("123456782"));
		assertThat(bounded.purpose()).isEqualTo("marketing");
		assertThat(bounded.legalBasis()).isEqualTo("gdpr-6-1-a");
		assertThat(bounded.sender()).isEqualTo("tvs");
		assertThat(bounded.recipient()).startsWith("unknown:").hasSize(72);
		assertThat(bounded.documentType()).startsWith("unknown:");
		assertThat(bounded.subjectRef()).startsWith("unknown:");
		assertThat(bounded.fieldNames()).element(0).isEqualTo("name.givenNames");
		assertThat(bounded.fieldNames()).element(1).asString().startsWith("unknown:");
		assertThat(bounded.payloadSha256()).startsWith("unknown:");
		assertThat(bounded.actor()).isEqualTo(AuditActor.SYSTEM);
	}

	@Test
	void whatKetenpoortWritesItselfPassesUnchanged() {
		AuditEvent event = AuditEvent
			.of(AuditEventType.CONSENT_GRANTED, AuditOutcome.SUCCESS,
					AuditActor.person(UUID.randomUUID().toString(), "CASE_MANAGER", "coa"))
			.reason("search:V_NUMBER_MALFORMED")
			.purpose("handover-coa-municipality", "gdpr-6-1-a")
			.route("tvs", "raak,vvs")
			.document("client-profile", UUID.randomUUID())
			.subject("vnr_" + "A".repeat(43))
			.payload(List.of("subject.vNumber", "languages.level"), "0".repeat(64))
			.build();

		assertThat(AuditValues.bounded(event)).isEqualTo(event);
	}

	private static AuditRecord record(String reason) {
		AuditEvent event = AuditEvent.of(AuditEventType.EXPORT, AuditOutcome.SUCCESS, AuditActor.SYSTEM)
			.reason(reason)
			.build();
		return new AuditRecord(7, UUID.randomUUID(), Instant.parse("2026-12-01T09:00:00Z"), "00f067aa0ba902b7", event,
				AuditRecord.GENESIS, "a".repeat(64), AuditCatalogue.FORM);
	}

}
