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

	private AuditExport() {
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

	private static void put(Map<String, Object> view, String key, @Nullable Object value) {
		if (value != null) {
			view.put(key, value.toString());
		}
	}

}
