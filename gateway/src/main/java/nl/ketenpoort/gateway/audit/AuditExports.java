package nl.ketenpoort.gateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;
import nl.ketenpoort.gateway.audit.internal.AuditTrace;

/**
 * The shapes in which audit events leave the gateway besides its own JSON: the Logboek
 * Dataverwerkingen shape (so a partner's own processing log can link to ours through
 * trace and operation ids) and a human-readable page for a GDPR Art. 15 request.
 */
public final class AuditExports {

	private AuditExports() {
	}

	/** What a spreadsheet would read as the start of a formula (OWASP CSV injection). */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	/**
	 * Writes the events as CSV (RFC 4180), one row per event with its place and hash in
	 * the chain, streaming: the one CSV writer of every audit export.
	 * @param records the events
	 * @param out where to write; flushed, not closed
	 * @throws UncheckedIOException when writing fails
	 */
	public static void csv(Iterable<AuditRecord> records, Writer out) {
		csv(AuditFields.CATALOGUE, records, out);
	}

	/**
	 * Streams the events as a CSV download in UTF-8 straight into the response, row by
	 * row, while the request is still being handled.
	 * @param records the events
	 * @param response the response to write to
	 * @throws UncheckedIOException when writing fails
	 */
	public static void csvDownload(List<AuditRecord> records, HttpServletResponse response) {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ketenpoort-audit.csv\"");
		try {
			csv(records, response.getWriter());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cell that no spreadsheet evaluates: a value starting like a formula gets a
	 * leading {@code '}. Chains written before values were bounded can still hold such
	 * text until retention prunes it.
	 */
	static @Nullable String neutralised(@Nullable String value) {
		if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) {
			return value;
		}
		return "'" + value;
	}

	/**
	 * One event in the Logboek Dataverwerkingen shape (trace, span, status, attributes):
	 * one record per data subject the event concerns (one without a subject when it
	 * concerns none), each naming its subject in {@code dpl.core.data_subject_id}. The
	 * envelope is that standard's; the attributes are the catalogue's Logboek view.
	 */
	public static List<Map<String, Object>> logboek(AuditRecord record) {
		return logboek(AuditFields.CATALOGUE, record);
	}

	static List<Map<String, Object>> logboek(AuditCatalogue catalogue, AuditRecord record) {
		List<String> subjects = catalogue.dataSubjects(record);
		if (subjects.isEmpty()) {
			return List.of(logboekRecord(catalogue, record, null));
		}
		return subjects.stream().map((subject) -> logboekRecord(catalogue, record, subject)).toList();
	}

	private static Map<String, Object> logboekRecord(AuditCatalogue catalogue, AuditRecord record,
			@Nullable String subject) {
		AuditEvent e = record.event();
		Map<String, Object> entry = new LinkedHashMap<>();
		AuditTrace trace = e.trace();
		entry.put("trace_id", (trace != null) ? trace.traceId() : null);
		entry.put("span_id", record.operationId());
		put(entry, "parent_span_id", (trace != null) ? trace.parentOperationId() : null);
		entry.put("name", e.type().code());
		entry.put("start_time", ((e.startedAt() != null) ? e.startedAt() : record.recordedAt()).toString());
		entry.put("end_time", record.recordedAt().toString());
		entry.put("status_code", e.outcome().logboekStatus());
		entry.put("resource", Map.of("name", "ketenpoort", "organisation", nz(e.actor().organisation())));
		entry.put("attributes", catalogue.logboekAttributes(record, subject));
		if (trace != null && trace.foreignOperationId() != null) {
			entry.put("foreign_operation",
					Map.of("trace_id", nz(trace.foreignTraceId()), "span_id", trace.foreignOperationId()));
		}
		return entry;
	}

	/** A plain, self-contained HTML page listing the events, every value escaped. */
	public static String html(List<AuditRecord> events, Map<String, String> retention) {
		return html(AuditFields.CATALOGUE, events, retention);
	}

	static String html(AuditCatalogue catalogue, List<AuditRecord> events, Map<String, String> retention) {
		StringBuilder page = new StringBuilder("""
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Ketenpoort: processing of your data</title>
				<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}
				th,td{border:1px solid #555;padding:.3rem .5rem;text-align:start}</style></head><body>
				<h1>Processing of your data by Ketenpoort</h1>
				<p>Every exchange of documents about you that went through Ketenpoort, with the purpose,
				the organisations involved and the fields that were sent. The documents themselves are not
				kept.</p>
				<table><thead><tr>""");
		for (String title : catalogue.htmlTitles()) {
			page.append("<th scope=\"col\">").append(HtmlUtils.htmlEscape(title)).append("</th>");
		}
		page.append("</tr></thead><tbody>\n");
		for (AuditRecord record : events) {
			page.append("<tr>");
			for (String cell : catalogue.htmlRow(record)) {
				page.append("<td>").append(HtmlUtils.htmlEscape(cell)).append("</td>");
			}
			page.append("</tr>\n");
		}
		page.append("</tbody></table>\n<h2>How long these records are kept</h2>\n<ul>\n");
		retention.forEach((purpose, period) -> page.append("<li>")
			.append(HtmlUtils.htmlEscape("other".equals(purpose) ? "Records without a purpose" : purpose))
			.append(": kept for ")
			.append(HtmlUtils.htmlEscape(inWords(java.time.Period.parse(period))))
			.append(", then removed.</li>\n"));
		return page.append("</ul></body></html>\n").toString();
	}

	/** Writes the events as CSV of a catalogue's fields (see {@link #csv}). */
	static void csv(AuditCatalogue catalogue, Iterable<AuditRecord> records, Writer out) {
		try {
			CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(catalogue.csvHeader()).get().print(out);
			for (AuditRecord record : records) {
				csv.printRecord(catalogue.csvRow(record).stream().map(AuditExports::neutralised));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A period in English words, such as "7 years" or "1 year, 6 months". */
	static String inWords(java.time.Period period) {
		List<String> parts = new java.util.ArrayList<>();
		if (period.getYears() != 0) {
			parts.add(count(period.getYears(), "year"));
		}
		if (period.getMonths() != 0) {
			parts.add(count(period.getMonths(), "month"));
		}
		if (period.getDays() != 0 || parts.isEmpty()) {
			parts.add(count(period.getDays(), "day"));
		}
		return String.join(", ", parts);
	}

	private static String count(int amount, String unit) {
		return amount + " " + unit + ((amount == 1) ? "" : "s");
	}

	private static void put(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static String nz(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
