package nl.ketenpoort.gateway.audit.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats of an audit export; the code is what the {@code format} parameter names and
 * what the export's audit event records.
 */
enum ExportFormat {

	JSON, CSV, LOGBOEK, HTML;

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ExportFormat> fromCode(String code) {
		return Arrays.stream(values()).filter((format) -> format.code().equals(code)).findFirst();
	}

}
