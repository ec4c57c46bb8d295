package nl.ketenpoort.gateway.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.ketenpoort.gateway.audit.AuditEvent;
import nl.ketenpoort.gateway.audit.AuditRecord;
import org.jspecify.annotations.Nullable;

/**
 * Audit events as the privacy officer downloads them: CSV with the columns of the audit
 * API's export, or JSON. Only codes, pseudonyms, field names and digests: the log holds
 * nothing else.
 */
final class AuditExport {

	private static final String HEADER = "position,recorded_at,event_type,outcome,reason_code,purpose,legal_basis,"
			+ "sender,recipient,document_type,field_names,consent_id,exchange_id,subject_ref,actor_kind,actor_role,"
			+ "trace_id,hash\n";

	private AuditExport() {
	}

	static String csv(List<AuditRecord> records) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (AuditRecord record : records) {
			AuditEvent e = record.event();
			csv.append(String.join(",", String.valueOf(record.position()), record.recordedAt().toString(),
					e.type().code(), e.outcome().name(), cell(e.reasonCode()), cell(e.purpose()), cell(e.legalBasis()),
					cell(e.sender()), cell(e.recipient()), cell(e.documentType()),
					cell(String.join(" ", e.fieldNames())),
					cell((e.consentId() != null) ? e.consentId().toString() : null),
					cell((e.exchangeId() != null) ? e.exchangeId().toString() : null), cell(e.subjectRef()),
					cell(e.actor().kind()), cell(e.actor().role()),
					cell((e.trace() != null) ? e.trace().traceId() : null), record.hash()))
				.append('\n');
		}
		return csv.toString();
	}

	static Map<String, Object> json(AuditRecord record) {
		AuditEvent e = record.event();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("position", record.position());
		view.put("recordedAt", record.recordedAt().toString());
		view.put("type", e.type().code());
		view.put("outcome", e.outcome().name());
		put(view, "reasonCode", e.reasonCode());
		put(view, "purpose", e.purpose());
		put(view, "legalBasis", e.legalBasis());
		put(view, "consentId", e.consentId());
		put(view, "subjectRef", e.subjectRef());
		put(view, "sender", e.sender());
		put(view, "recipient", e.recipient());
		put(view, "documentType", e.documentType());
		put(view, "exchangeId", e.exchangeId());
		view.put("fieldNames", e.fieldNames());
		put(view, "payloadSha256", e.payloadSha256());
		view.put("actor", Map.of("kind", e.actor().kind(), "role", String.valueOf(e.actor().role())));
		view.put("hash", record.hash());
		return view;
	}

	/** A CSV cell, quoted when it holds a separator or a quote (RFC 4180). */
	private static String cell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains(" ")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	private static void put(Map<String, Object> view, String key, @Nullable Object value) {
		if (value != null) {
			view.put(key, value.toString());
		}
	}

}
