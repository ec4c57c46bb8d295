package nl.ketenpoort.gateway.console.internal;

import java.util.Map;

import nl.ketenpoort.gateway.audit.AuditFields;
import nl.ketenpoort.gateway.audit.AuditRecord;
import nl.ketenpoort.gateway.audit.AuditView;

/**
 * Audit events as the privacy officer downloads them: CSV with the columns of the audit
 * API's export, or JSON. Only codes, pseudonyms, field names and digests: the log holds
 * nothing else.
 */
final class AuditExport {

	private AuditExport() {
	}

	static Map<String, Object> json(AuditRecord record) {
		return AuditFields.json(record, AuditView.CONSOLE);
	}

}
