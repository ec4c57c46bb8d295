package nl.ketenpoort.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import nl.ketenpoort.gateway.audit.internal.AuditCatalogueMisdeclared;
import nl.ketenpoort.gateway.audit.internal.AuditField;
import nl.ketenpoort.gateway.audit.internal.AuditField.Hashing;
import nl.ketenpoort.gateway.audit.internal.AuditField.Json;
import nl.ketenpoort.gateway.audit.internal.AuditField.Type;
import nl.ketenpoort.gateway.audit.internal.AuditShape;
import nl.ketenpoort.gateway.audit.internal.Jcs;

/**
 * A list of audit fields and everything made from it: the row mapping, the canonical form
 * v2 and every view. {@link AuditFields#CATALOGUE} is the shipped one; a test builds one
 * with a field more ({@link #with}) and sees it everywhere without touching another file.
 */
public final class AuditCatalogue {

	/** The canonical form this code writes: RFC 8785 (JCS) of the hashed fields. */
	public static final int FORM = 2;

	/** The member of the canonical form v2 that names it. */
	static final String VERSION_MEMBER = "v";

	/**
	 * The JSON member telling whether an event has its place in the chain yet: a staged
	 * event ({@code false}) has no position and no hash, and verification and proofs do
	 * not cover it until the chainer links it.
	 */
	static final String CHAINED = "chained";

	/** RFC 3339 in UTC with exactly six fraction digits, as PostgreSQL keeps time. */
	static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String UNKNOWN_DIGEST = "unknown:[0-9a-f]{64}";

	private final List<AuditField> fields;

	private final Map<String, Integer> index = new HashMap<>();

	private final List<AuditField> extras;

	/**
	 * The hashed fields and the version member ({@code null}), sorted as RFC 8785 sorts.
	 */
	private final List<@Nullable AuditField> canonicalOrder;

	private final String[] quotedNames;

	/** The column index of each member of {@link #canonicalOrder}, -1 for the version. */
	private final int[] canonicalColumns;

	/**
	 * The column type of each member of {@link #canonicalOrder} (the version: integer).
	 */
	private final Type[] canonicalTypes;

	private final String columns;

	private final String insert;

	private final String stage;

	/**
	 * A catalogue of these fields, in this order.
	 * @param fields the fields; names unique
	 */
	public AuditCatalogue(List<AuditField> fields) {
		this.fields = List.copyOf(fields);
		for (int i = 0; i < this.fields.size(); i++) {
			if (this.index.put(this.fields.get(i).name(), i) != null) {
				throw new AuditCatalogueMisdeclared("Two audit fields named " + this.fields.get(i).name());
			}
		}
		this.extras = this.fields.stream().filter(AuditField::extra).toList();
		List<@Nullable AuditField> hashed = new ArrayList<>(
				this.fields.stream().filter((field) -> field.hashing() == Hashing.YES).toList());
		hashed.add(null);
		hashed.sort((a, b) -> memberName(a).compareTo(memberName(b)));
		this.canonicalOrder = Collections.unmodifiableList(hashed);
		this.canonicalColumns = hashed.stream().mapToInt((field) -> (field != null) ? index(field) : -1).toArray();
		this.canonicalTypes = hashed.stream()
			.map((field) -> (field != null) ? field.type() : Type.INTEGER)
			.toArray(Type[]::new);
		this.quotedNames = hashed.stream().map((field) -> {
			StringBuilder name = new StringBuilder();
			Jcs.string(name, memberName(field));
			return name.append(':').toString();
		}).toArray(String[]::new);
		this.columns = this.fields.stream().map(AuditField::column).collect(Collectors.joining(", "));
		String values = " VALUES (" + String.join(", ", Collections.nCopies(this.fields.size(), "?")) + ")";
		this.insert = "INSERT INTO audit_event (" + this.columns + ")" + values;
		this.stage = "INSERT INTO audit_staged (" + this.columns + ")" + values;
	}

	private static String memberName(@Nullable AuditField field) {
		return (field != null) ? field.name() : VERSION_MEMBER;
	}

	/** This catalogue with more fields at the end. */
	public AuditCatalogue with(AuditField... more) {
		return new AuditCatalogue(Stream.concat(this.fields.stream(), Arrays.stream(more)).toList());
	}

	/** Every field, in column order. */
	public List<AuditField> fields() {
		return this.fields;
	}

	/** The fields kept in an event's {@code extra} members. */
	public List<AuditField> extras() {
		return this.extras;
	}

	/** The position of a field in {@link #fields()}. */
	public int index(AuditField field) {
		Integer i = this.index.get(field.name());
		if (i == null) {
			throw new AuditCatalogueMisdeclared("No audit field " + field.name() + " in this catalogue");
		}
		return i;
	}

	/** The column list, for SELECT, INSERT and COPY. */
	public String columns() {
		return this.columns;
	}

	/** The INSERT statement of a row, one parameter per field. */
	public String insert() {
		return this.insert;
	}

	/**
	 * The INSERT statement of a staged event ({@code audit_staged}: the same columns,
	 * without a place in the chain yet), one parameter per field.
	 */
	public String stage() {
		return this.stage;
	}

	/** Reads a row of {@link #columns()} by index. */
	public AuditRecord read(ResultSet rs) throws SQLException {
		return readWithColumns(rs).record();
	}

	/**
	 * A row as read: its record and the column values it was made from, from which
	 * {@link #recomputedHash(Read)} hashes form 2 without asking the record field by
	 * field.
	 */
	public record Read(AuditRecord record, Object[] columns) {
	}

	/** Reads a row of {@link #columns()} by index, keeping its column values. */
	public Read readWithColumns(ResultSet rs) throws SQLException {
		Object[] values = new Object[this.fields.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.fields.get(i).type().read(rs, i + 1);
		}
		return new Read(AuditFields.record(new AuditField.Row(this, values), this.extras), values);
	}

	/**
	 * The hash a row read from the table should have, in its form: form 2 from the column
	 * values (the same bytes as {@link #canonical(AuditRecord)}, see
	 * {@code AuditFieldsTests}), form 1 from the record.
	 */
	public String recomputedHash(Read row) {
		if (row.record().form() != FORM) {
			return row.record().recomputedHash();
		}
		return AuditRecord.chainHash(row.record().prevHash(), canonicalOfColumns(row.columns()));
	}

	/** The canonical form 2 of a row's column values, in {@link #fields()} order. */
	String canonicalOfColumns(Object[] columns) {
		StringBuilder out = new StringBuilder(1024);
		out.append('{');
		boolean first = true;
		// Dispatched on each member's declared column type rather than on the value's
		// class: the same branch for the same member on every row.
		for (int i = 0; i < this.canonicalColumns.length; i++) {
			int column = this.canonicalColumns[i];
			Object value = (column >= 0) ? columns[column] : FORM;
			if (value == null) {
				continue;
			}
			Type type = this.canonicalTypes[i];
			if (type == Type.TEXT_ARRAY && ((List<?>) value).isEmpty()) {
				continue;
			}
			if (!first) {
				out.append(',');
			}
			first = false;
			out.append(this.quotedNames[i]);
			switch (type) {
				case TEXT -> Jcs.string(out, (String) value);
				// A UUID's text never needs an escape.
				case UUID -> out.append('"').append(value.toString()).append('"');
				case TIMESTAMP -> timestamp(out, (Instant) value);
				case INTEGER, BIGINT, SMALLINT -> Jcs.integer(out, (Number) value);
				case TEXT_ARRAY -> stringArray(out, (List<?>) value);
			}
		}
		return out.append('}').toString();
	}

	/** The row's column values for {@link #columns()}, in order. */
	public Object[] parameters(AuditRecord record) {
		Object[] parameters = columnsOf(record);
		for (int i = 0; i < parameters.length; i++) {
			parameters[i] = this.fields.get(i).type().parameter(parameters[i]);
		}
		return parameters;
	}

	/** The fields a view shows, in order. */
	public List<AuditField> shownIn(AuditView view) {
		return this.fields.stream().filter((field) -> field.views().contains(view)).toList();
	}

	/** The CSV header: the snake_case names of the CSV fields. */
	public String[] csvHeader() {
		return shownIn(AuditView.CSV).stream().map(AuditField::name).toArray(String[]::new);
	}

	/** One CSV row, cells as text. */
	public List<@Nullable String> csvRow(AuditRecord record) {
		return shownIn(AuditView.CSV).stream().map((field) -> field.csv(record)).toList();
	}

	/**
	 * One event in a JSON view: camelCase members, a dotted name nested
	 * ({@code actor.kind} in {@code actor}).
	 */
	public Map<String, Object> json(AuditRecord record, AuditView view) {
		Map<String, Object> json = new LinkedHashMap<>();
		for (AuditField field : shownIn(view)) {
			if (field.json() == Json.WHEN_CHAINED && !record.chained()) {
				continue;
			}
			Object value = field.json(record);
			if ((value == null || value instanceof List<?> list && list.isEmpty() && field.extra())
					&& field.json() == Json.WHEN_SET) {
				continue;
			}
			if (value == null && field.json() == Json.EMPTY_WHEN_NULL) {
				value = "";
			}
			Map<String, Object> into = json;
			String name = field.apiName();
			int dot = name.indexOf('.');
			if (dot > 0) {
				into = nested(json, name.substring(0, dot));
				name = name.substring(dot + 1);
			}
			into.put(name, value);
		}
		if (view == AuditView.API || view == AuditView.CONSOLE) {
			json.put(CHAINED, record.chained());
		}
		return json;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nested(Map<String, Object> json, String name) {
		return (Map<String, Object>) json.computeIfAbsent(name, (key) -> new LinkedHashMap<String, Object>());
	}

	/**
	 * The Logboek Dataverwerkingen attributes of an event about one data subject: every
	 * field of the Logboek view that is set, the subject's pseudonym as
	 * {@code dpl.core.data_subject_id} in place of the personal fields.
	 */
	Map<String, Object> logboekAttributes(AuditRecord record, @Nullable String subject) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (AuditField field : shownIn(AuditView.LOGBOEK)) {
			if (field.shape() == AuditShape.PSEUDONYM) {
				continue;
			}
			Object value = field.json(record);
			if (value == null || value instanceof List<?> list && list.isEmpty()) {
				continue;
			}
			attributes.put(field.logboekAttribute(), (value instanceof UUID uuid) ? uuid.toString() : value);
		}
		if (subject != null) {
			attributes.put("dpl.core.data_subject_id", subject);
			attributes.put("dpl.core.data_subject_id_type", "pseudonym");
		}
		return attributes;
	}

	/**
	 * The data subjects an event concerns: the values of its pseudonymous fields, each
	 * once, in catalogue order; the Logboek export writes one record for each.
	 */
	List<String> dataSubjects(AuditRecord record) {
		Set<String> subjects = new LinkedHashSet<>();
		for (AuditField field : this.fields) {
			if (field.shape() == AuditShape.PSEUDONYM && field.of(record) instanceof String subject) {
				subjects.add(subject);
			}
		}
		return List.copyOf(subjects);
	}

	/** The titles of the Art. 15 page's columns. */
	public List<String> htmlTitles() {
		return shownIn(AuditView.HTML).stream().map(AuditField::title).toList();
	}

	/** The cells of one event on the Art. 15 page, as text. */
	public List<String> htmlRow(AuditRecord record) {
		return shownIn(AuditView.HTML).stream().map((field) -> {
			Object value = field.of(record);
			if (value == null) {
				return "";
			}
			return (value instanceof List<?> list) ? String.join(", ", list.stream().map(String::valueOf).toList())
					: value.toString();
		}).toList();
	}

	/**
	 * The canonical form v2: RFC 8785 of the hashed fields that are set (an absent value
	 * or an empty list leaves its member out, so a field added later changes no earlier
	 * event's text) and {@code "v":2}. The same writer as verification's, over the
	 * record's values in column order.
	 */
	public String canonical(AuditRecord record) {
		return canonicalOfColumns(columnsOf(record));
	}

	/**
	 * A record's values in {@link #fields()} order, as a row read from the table holds
	 * them ({@link Read#columns()}).
	 */
	Object[] columnsOf(AuditRecord record) {
		Object[] columns = new Object[this.fields.size()];
		for (int i = 0; i < columns.length; i++) {
			columns[i] = this.fields.get(i).of(record);
		}
		return columns;
	}

	private static void stringArray(StringBuilder out, List<?> list) {
		out.append('[');
		for (int i = 0; i < list.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			Jcs.string(out, String.valueOf(list.get(i)));
		}
		out.append(']');
	}

	/**
	 * Writes an instant as {@link #TIMESTAMP} formats it, digit by digit: verification
	 * writes two per event, and the formatter's generality costs more than the hash.
	 */
	static void timestamp(StringBuilder out, Instant instant) {
		java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(),
				ZoneOffset.UTC);
		if (t.getYear() < 0 || t.getYear() > 9999) {
			Jcs.string(out, TIMESTAMP.format(instant));
			return;
		}
		out.append('"');
		int year = t.getYear();
		two(out, year / 100);
		two(out, year % 100).append('-');
		two(out, t.getMonthValue()).append('-');
		two(out, t.getDayOfMonth()).append('T');
		two(out, t.getHour()).append(':');
		two(out, t.getMinute()).append(':');
		two(out, t.getSecond()).append('.');
		int micros = t.getNano() / 1000;
		two(out, micros / 10_000);
		two(out, micros / 100 % 100);
		two(out, micros % 100).append("Z\"");
	}

	/**
	 * Two decimal digits; constant divisors, which the compiler turns into
	 * multiplications.
	 */
	private static StringBuilder two(StringBuilder out, int value) {
		return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	/** The hash of a record of form 2: {@code SHA-256(prev_hash || canonical form)}. */
	public String hash(AuditRecord record) {
		return AuditRecord.chainHash(record.prevHash(), canonical(record));
	}

	/**
	 * The JSON Schema (2020-12) of an event in the API view, as published in
	 * {@code audit-event.schema.json}.
	 */
	public Map<String, Object> schema() {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		schema.put("$id", "https://ketenpoort.nl/schemas/audit-event/2.1.0");
		schema.put("title", "Audit event");
		schema.put("description", "One event of the append-only, hash-chained audit log as the audit API shows it"
				+ " (GET /api/v1/audit/events); holds codes, pseudonyms, field names and digests, never document"
				+ " content. Generated from the audit field catalogue (AuditFields); see docs/audit-formats.md."
				+ " Not exchanged as a document.");
		schema.put("type", "object");
		schema.put("additionalProperties", false);
		Map<String, Object> properties = new LinkedHashMap<>();
		Set<String> required = new LinkedHashSet<>();
		Map<String, Set<String>> nestedRequired = new HashMap<>();
		for (AuditField field : shownIn(AuditView.API)) {
			boolean always = field.json() == Json.ALWAYS || field.json() == Json.EMPTY_WHEN_NULL;
			String name = field.apiName();
			int dot = name.indexOf('.');
			if (dot < 0) {
				properties.put(name, property(field));
				if (always) {
					required.add(name);
				}
				continue;
			}
			String object = name.substring(0, dot);
			@SuppressWarnings("unchecked")
			Map<String, Object> nested = (Map<String, Object>) properties.computeIfAbsent(object, (key) -> {
				Map<String, Object> members = new LinkedHashMap<>();
				members.put("type", "object");
				members.put("additionalProperties", false);
				members.put("x-category", "audit");
				members.put("properties", new LinkedHashMap<String, Object>());
				return members;
			});
			@SuppressWarnings("unchecked")
			Map<String, Object> members = (Map<String, Object>) nested.get("properties");
			members.put(name.substring(dot + 1), property(field));
			if (always) {
				nestedRequired.computeIfAbsent(object, (key) -> new LinkedHashSet<>()).add(name.substring(dot + 1));
				required.add(object);
			}
		}
		nestedRequired.forEach((object, names) -> {
			@SuppressWarnings("unchecked")
			Map<String, Object> nested = (Map<String, Object>) properties.get(object);
			nested.put("required", List.copyOf(names));
		});
		Map<String, Object> chained = new LinkedHashMap<>();
		chained.put("title", "Chained");
		chained.put("description", "Whether the event has its place in the hash chain yet. A staged event (false)"
				+ " is durable with the change it records but has no position and no hash until the chainer links"
				+ " it, moments later; verification, checkpoints and proofs cover chained events only.");
		chained.put("type", "boolean");
		chained.put("x-hashed", false);
		chained.put("x-category", "audit");
		properties.put(CHAINED, chained);
		required.add(CHAINED);
		schema.put("required", List.copyOf(required));
		schema.put("properties", properties);
		return schema;
	}

	private static Map<String, Object> property(AuditField field) {
		Map<String, Object> property = new LinkedHashMap<>();
		property.put("title", field.title());
		switch (field.type()) {
			case INTEGER, BIGINT, SMALLINT -> property.put("type", "integer");
			case TEXT_ARRAY -> {
				property.put("type", "array");
				property.put("items", text(field.shape(), false));
			}
			case UUID -> {
				property.put("type", "string");
				property.put("format", "uuid");
			}
			case TIMESTAMP -> {
				property.put("type", "string");
				property.put("format", "date-time");
			}
			case TEXT -> property.putAll(text(field.shape(), field.json() == Json.EMPTY_WHEN_NULL));
		}
		if (field.shape() == AuditShape.ENUMERATED) {
			property.put("enum", enumerated(field));
		}
		if (field.personal()) {
			property.put("x-personal", "pseudonym");
		}
		property.put("x-hashed", field.hashing() == Hashing.YES);
		property.put("x-category", "audit");
		return property;
	}

	private static Map<String, Object> text(AuditShape shape, boolean emptyWhenNull) {
		Map<String, Object> text = new LinkedHashMap<>();
		text.put("type", "string");
		if (shape == AuditShape.DOCUMENT_TYPE) {
			text.put("x-enum", "document-types");
		}
		else if (shape.pattern() != null) {
			text.put("pattern",
					"^(?:" + shape.pattern() + "|" + UNKNOWN_DIGEST + ")" + (emptyWhenNull ? "?" : "") + "$");
		}
		return text;
	}

	private static List<String> enumerated(AuditField field) {
		if (field == AuditFields.EVENT_TYPE) {
			return Arrays.stream(AuditEventType.values()).map(AuditEventType::code).toList();
		}
		if (field == AuditFields.OUTCOME) {
			return Arrays.stream(AuditOutcome.values()).map(AuditOutcome::name).toList();
		}
		throw new AuditCatalogueMisdeclared("No values of " + field.name());
	}

	/** The names of the members form 2 may carry, sorted as it writes them. */
	public List<String> canonicalMembers() {
		return this.canonicalOrder.stream().map(AuditCatalogue::memberName).toList();
	}

}
